// mat_ema_alpha_sparse (math.rs) in its general form, for any alpha matrix: the epoch uses the
// column-restricted evaluation in epoch/liquid_alpha.ts, which reads the same entries.

import { Csr, newCsr, getI64, vecI64, setI64 } from "./csr";
import { ONE, satAdd, satSub, satMul, min64, max64 } from "../fixed/i32f32";

/** alpha: rows x cols I32F32, row-major. Returns `nw` itself when the three row counts differ. */
export function matEmaAlphaSparse(nw: Csr, old: Csr, alpha: usize, alphaRows: i32, alphaCols: i32): Csr {
  if (nw.rows != old.rows || nw.rows != alphaRows) return nw;
  const out = newCsr(nw.rows, nw.nnz());
  const decayed = vecI64(alphaCols);
  let w = 0;
  for (let i = 0; i < nw.rows; i++) {
    const arow = alpha + (<usize>i * <usize>alphaCols << 3);
    memory.fill(decayed, 0, <usize>alphaCols << 3);
    for (let k = old.rowStart(i), e = old.rowEnd(i); k < e; k++) {
      const j = old.colAt(k);
      if (j < alphaCols) setI64(decayed, j, satMul(satSub(ONE, getI64(arow, j)), old.valAt(k)));
    }
    for (let k = nw.rowStart(i), e = nw.rowEnd(i); k < e; k++) {
      const j = nw.colAt(k);
      if (j < alphaCols) {
        const inc = max64(satMul(getI64(arow, j), nw.valAt(k)), 0);
        const v = min64(satAdd(getI64(decayed, j), inc), ONE);
        if (v > 0) { store<u32>(out.col + (<usize>w << 2), j); out.setVal(w, v); w++; }
      }
    }
    store<u32>(out.start + (<usize>(i + 1) << 2), w);
  }
  return out;
}
