// Why each submitted weight entry left the matrix in step W (traced epochs only): the masks of
// run_epoch.rs epoch_mechanism stay the single statement of each rule; this only watches which
// entries each mask dropped, by comparing the matrix before and after it. The first mask that
// drops an entry names it, so the reasons follow the chain's mask order.

import { Csr } from "../math/csr";
import { sz, alloc, allocZeroed } from "../arena";

export const KEPT: u8 = 0, NO_VALIDATOR_PERMIT: u8 = 1, SELF_WEIGHT: u8 = 2, OUTDATED: u8 = 3, COMMIT_REVEAL: u8 = 4;

export class MaskTrace {
  /** u8 per entry of the submitted matrix, in its CSR order */
  reason: usize;
  /** for each entry still in the matrix, its index in the submitted matrix */
  private orig: usize;
  private prevStart: usize;
  private prevCol: usize;
  private rows: i32;

  constructor(m: Csr) {
    const nz = m.nnz();
    this.rows = m.rows;
    this.reason = allocZeroed(sz(nz));
    this.orig = alloc(sz(nz) << 2);
    for (let k = 0; k < nz; k++) store<u32>(this.orig + (<usize>k << 2), k);
    this.prevStart = alloc(<usize>(m.rows + 1) << 2);
    this.prevCol = alloc(sz(nz) << 2);
  }

  /** Call just before a mask runs. */
  before(m: Csr): void {
    memory.copy(this.prevStart, m.start, <usize>(this.rows + 1) << 2);
    memory.copy(this.prevCol, m.col, <usize>m.nnz() << 2);
  }

  /** Call just after it: every entry it dropped gets `code`. Masks keep order and rows hold a uid once. */
  after(m: Csr, code: u8): void {
    let w = 0;
    for (let i = 0; i < this.rows; i++) {
      const e = m.rowEnd(i);
      for (let k = <i32>load<u32>(this.prevStart + (<usize>i << 2)), pe = <i32>load<u32>(this.prevStart + (<usize>(i + 1) << 2)); k < pe; k++) {
        const o = load<u32>(this.orig + (<usize>k << 2));
        if (w < e && m.colAt(w) == <i32>load<u32>(this.prevCol + (<usize>k << 2))) {
          store<u32>(this.orig + (<usize>w << 2), o);
          w++;
        } else {
          store<u8>(this.reason + o, code);
        }
      }
    }
  }
}
