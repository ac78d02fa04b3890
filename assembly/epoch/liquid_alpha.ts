// Yuma3 bonds with liquid alpha: compute_liquid_alpha_values_sparse + mat_ema_alpha_sparse.
// The chain evaluates alpha_sigmoid (a 30-term exp series) for every (validator, uid) pair of
// an n x n matrix, but mat_ema_alpha_sparse only ever reads alpha[i][j] at the columns j of
// the W_b row i. Computing exactly those entries gives the same bonds for a fraction of the cost.

import { Csr, newCsr, getI64, setI64 } from "../math/csr";
import { alloc } from "../arena";
import { ONE, satAdd, satSub, satMul, min64, max64 } from "../fixed/i32f32";
import { alphaSigmoid } from "../math/sigmoid";
import { prepareRowScratch, scratchDense, scratchDenseB, scratchMark } from "../math/sparse";

/**
 * The value the chain's merge walk reads for column j of a row: its cursor stops at the first
 * entry whose column is >= j (rows are assumed sorted but are not required to be), and yields
 * that entry's value only when its column is exactly j. `pmax` holds the running maximum of the
 * row's columns, so that first entry is found by binary search.
 */
function walkValue(m: Csr, rowStart: i32, len: i32, pmax: usize, j: i32): i64 {
  let lo = 0, hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (<i32>load<u32>(pmax + (<usize>mid << 2)) >= j) hi = mid; else lo = mid + 1;
  }
  if (lo == len) return 0;
  return m.colAt(rowStart + lo) == j ? m.valAt(rowStart + lo) : 0;
}

function fillPrefixMax(m: Csr, s: i32, e: i32, pmax: usize): void {
  let mx: i32 = -1;
  for (let k = s; k < e; k++) {
    const c = m.colAt(k);
    if (c > mx) mx = c;
    store<u32>(pmax + (<usize>(k - s) << 2), mx);
  }
}

export function emaLiquidAlpha(wb: Csr, b: Csr, consensus: usize, n: i32, low: i64, high: i64, steepOver: i64): Csr {
  // mat_ema_alpha_sparse returns `new` unchanged when the row counts differ
  if (wb.rows != b.rows || wb.rows != n) return wb;
  prepareRowScratch(n);
  const alpha = scratchDense();
  const decayed = scratchDenseB();
  const mark = scratchMark();
  let maxLen = 1;
  for (let i = 0; i < n; i++) {
    const lw = wb.rowEnd(i) - wb.rowStart(i), lb = b.rowEnd(i) - b.rowStart(i);
    if (lw > maxLen) maxLen = lw;
    if (lb > maxLen) maxLen = lb;
  }
  const pmaxW = alloc(<usize>maxLen << 2);
  const pmaxB = alloc(<usize>maxLen << 2);
  const out = newCsr(n, wb.nnz());
  let w = 0;
  for (let i = 0; i < n; i++) {
    const ws = wb.rowStart(i), we = wb.rowEnd(i);
    if (ws == we) { store<u32>(out.start + (<usize>(i + 1) << 2), w); continue; }
    const bs = b.rowStart(i), be = b.rowEnd(i);
    fillPrefixMax(wb, ws, we, pmaxW);
    fillPrefixMax(b, bs, be, pmaxB);
    // alpha for each distinct column of the W_b row
    for (let k = ws; k < we; k++) {
      const j = wb.colAt(k);
      if (j >= n || load<u8>(mark + j) != 0) continue;
      store<u8>(mark + j, 1);
      const weight = walkValue(wb, ws, we - ws, pmaxW, j);
      const bond = walkValue(b, bs, be - bs, pmaxB, j);
      setI64(alpha, j, alphaSigmoid(getI64(consensus, j), weight, bond, low, high, steepOver));
      setI64(decayed, j, 0);
    }
    // decayed bonds (assignment: a later duplicate overwrites), only where the row can read them
    for (let k = bs; k < be; k++) {
      const j = b.colAt(k);
      if (j < n && load<u8>(mark + j) != 0) setI64(decayed, j, satMul(satSub(ONE, getI64(alpha, j)), b.valAt(k)));
    }
    for (let k = ws; k < we; k++) {
      const j = wb.colAt(k);
      if (j >= n) continue;
      const inc = max64(satMul(getI64(alpha, j), wb.valAt(k)), 0);
      const v = min64(satAdd(getI64(decayed, j), inc), ONE);
      if (v > 0) { store<u32>(out.col + (<usize>w << 2), j); out.setVal(w, v); w++; }
    }
    for (let k = ws; k < we; k++) {
      const j = wb.colAt(k);
      if (j < n) store<u8>(mark + j, 0);
    }
    store<u32>(out.start + (<usize>(i + 1) << 2), w);
  }
  return out;
}
