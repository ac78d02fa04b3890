// A sparse matrix in compressed-row form, the layout of subtensor's Vec<Vec<(u16, I32F32)>>:
// rows in uid order, entries in stored order (never re-sorted unless the chain re-sorts them).
// `start` holds rows + 1 offsets into `col` (u32) and `val` (i64 I32F32 bits).

import { alloc } from "../arena";

export class Csr {
  constructor(
    public rows: i32,
    public start: usize,
    public col: usize,
    public val: usize,
  ) {}

  // @ts-ignore: decorator
  @inline rowStart(i: i32): i32 { return load<u32>(this.start + (<usize>i << 2)); }
  // @ts-ignore: decorator
  @inline rowEnd(i: i32): i32 { return load<u32>(this.start + (<usize>(i + 1) << 2)); }
  // @ts-ignore: decorator
  @inline colAt(k: i32): i32 { return load<u32>(this.col + (<usize>k << 2)); }
  // @ts-ignore: decorator
  @inline valAt(k: i32): i64 { return load<i64>(this.val + (<usize>k << 3)); }
  // @ts-ignore: decorator
  @inline setVal(k: i32, v: i64): void { store<i64>(this.val + (<usize>k << 3), v); }
  // @ts-ignore: decorator
  @inline nnz(): i32 { return load<u32>(this.start + (<usize>this.rows << 2)); }
}

/** An empty-valued matrix with room for `cap` entries; the caller fills start/col/val. */
export function newCsr(rows: i32, cap: i32): Csr {
  const start = alloc(<usize>(rows + 1) << 2);
  store<u32>(start, 0);
  return new Csr(rows, start, alloc(<usize>cap << 2), alloc(<usize>cap << 3));
}

/** A deep copy (the chain clones matrices before mutating them in several places). */
export function cloneCsr(m: Csr): Csr {
  const nz = m.nnz();
  const c = newCsr(m.rows, nz);
  memory.copy(c.start, m.start, <usize>(m.rows + 1) << 2);
  memory.copy(c.col, m.col, <usize>nz << 2);
  memory.copy(c.val, m.val, <usize>nz << 3);
  return c;
}

/** Dense i64 vector helpers. */
// @ts-ignore: decorator
@inline export function getI64(p: usize, i: i32): i64 { return load<i64>(p + (<usize>i << 3)); }
// @ts-ignore: decorator
@inline export function setI64(p: usize, i: i32, v: i64): void { store<i64>(p + (<usize>i << 3), v); }
// @ts-ignore: decorator
@inline export function getU64(p: usize, i: i32): u64 { return load<u64>(p + (<usize>i << 3)); }

export function vecI64(n: i32): usize {
  const p = alloc(<usize>n << 3);
  memory.fill(p, 0, <usize>n << 3);
  return p;
}
