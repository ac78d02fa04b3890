// Sequences of subtensor's epoch/math.rs sparse helpers that the epoch calls back to back, each
// done in one pass over the matrix instead of one pass per helper. The epoch at a few hundred uids
// is bound by memory traffic over its matrices, not by arithmetic; every entry still goes through
// the same operations in the same order as the separate helpers (sparse.ts) apply them.

import { Csr, newCsr, getI64, setI64, vecI64 } from "./csr";
import { ONE } from "../fixed/i32f32";
import { interpolateRows } from "./sparse";
import { satAdd, satMul, safeDiv } from "../fixed/i32f32";
import { u16ProportionOf } from "./u16_proportion";

/**
 * col_clip_sparse(w, consensus), then row_sum_sparse and matmul_sparse(_, stake) of the clipped
 * matrix: returns the clipped matrix, fills `rowSums` (plain wrapping sums, one per row) and
 * `colSums` (columns < `columns`: sat-sum over rows in order of stake_i sat* clipped_ij).
 * Thresholds past `thrLen` and stakes past `stakeLen` read as 0, as in the separate helpers.
 * colClipRowSumMatmulInputSums also fills `inputSums` with the same sums of the unclipped matrix,
 * stake_i sat* w_ij: the column sums of row_hadamard_sparse(w, stake) (stakeLen >= m.rows).
 */
export function colClipRowSumMatmul(
  m: Csr, threshold: usize, thrLen: i32, stake: usize, stakeLen: i32, columns: i32, rowSums: usize, colSums: usize,
): Csr {
  return colClipSums(m, threshold, thrLen, stake, stakeLen, columns, rowSums, colSums, false, 0);
}

export function colClipRowSumMatmulInputSums(
  m: Csr, threshold: usize, thrLen: i32, stake: usize, stakeLen: i32, columns: i32, rowSums: usize, colSums: usize, inputSums: usize,
): Csr {
  return colClipSums(m, threshold, thrLen, stake, stakeLen, columns, rowSums, colSums, true, inputSums);
}

// inlined into both callers with `withInput` a constant, so that neither tests it per entry
// @ts-ignore: decorator
@inline function colClipSums(
  m: Csr, threshold: usize, thrLen: i32, stake: usize, stakeLen: i32, columns: i32, rowSums: usize, colSums: usize,
  withInput: bool, inputSums: usize,
): Csr {
  const out = newCsr(m.rows, m.nnz());
  memory.fill(colSums, 0, <usize>columns << 3);
  if (withInput) memory.fill(inputSums, 0, <usize>columns << 3);
  let w = 0;
  for (let i = 0; i < m.rows; i++) {
    const scale: i64 = i < stakeLen ? getI64(stake, i) : 0;
    let r: i64 = 0;
    for (let k = m.rowStart(i), e = m.rowEnd(i); k < e; k++) {
      const j = m.colAt(k);
      const th: i64 = j < thrLen ? getI64(threshold, j) : 0;
      const x = m.valAt(k);
      if (withInput && j < columns) setI64(inputSums, j, satAdd(getI64(inputSums, j), satMul(scale, x)));
      // clipped at a positive threshold or kept: a select, not a branch (about half the
      // weights lie above their column's consensus, in no order a predictor could learn);
      // a clip at a threshold <= 0 drops the entry (rare: columns without consensus)
      if (th <= 0 && th < x) continue;
      const v = select<i64>(th, x, th < x);
      store<u32>(out.col + (<usize>w << 2), j); out.setVal(w, v); w++;
      r += v;
      if (j < columns) setI64(colSums, j, satAdd(getI64(colSums, j), satMul(scale, v)));
    }
    store<u32>(out.start + (<usize>(i + 1) << 2), w);
    setI64(rowSums, i, r);
  }
  return out;
}

/**
 * scalar_vec_mask_sparse_matrix(m, scalar <= vector[j]) in place (vector[j] = 0 past vecLen), with
 * the saturating column sums of the kept entries (columns < `columns`) that
 * inplace_col_normalize_sparse would divide them by.
 */
export function scalarMaskColSums(m: Csr, scalar: u64, vector: usize, vecLen: i32, columns: i32, sums: usize): void {
  memory.fill(sums, 0, <usize>columns << 3);
  scalarMaskWith(m, scalar, vector, vecLen, false, columns, sums);
}

/**
 * scalar_vec_mask_sparse_matrix(m, scalar <= vector[j]) in place (vector[j] = 0 past vecLen), each
 * kept value first converted by u16_proportion_to_fixed when `u16` (the raw u16 in its upper word),
 * and added to the saturating column sum `sums[j]` for columns below `columns`. Inlined with
 * constant flags, so each caller's loop does only its own work.
 */
// @ts-ignore: decorator
@inline function scalarMaskWith(m: Csr, scalar: u64, vector: usize, vecLen: i32, u16: bool, columns: i32, sums: usize): void {
  let w = 0;
  for (let i = 0; i < m.rows; i++) {
    const s = m.rowStart(i), e = m.rowEnd(i);
    store<u32>(m.start + (<usize>i << 2), w);
    for (let k = s; k < e; k++) {
      const j = m.colAt(k);
      const vj: u64 = j < vecLen ? load<u64>(vector + (<usize>j << 3)) : 0;
      if (!(scalar <= vj)) {
        const v = u16 ? u16ProportionOf(<u32>(m.valAt(k) >> 32)) : m.valAt(k);
        store<u32>(m.col + (<usize>w << 2), j);
        m.setVal(w, v);
        w++;
        if (j < columns) setI64(sums, j, satAdd(getI64(sums, j), v));
      }
    }
  }
  store<u32>(m.start + (<usize>m.rows << 2), w);
}

/**
 * row_hadamard_sparse(m, v) (rows past vLen cut off) into a new matrix, with the saturating column
 * sums of its entries (columns < `columns`) for the column normalisation that follows.
 */
export function rowHadamardColSums(m: Csr, v: usize, vLen: i32, columns: i32, sums: usize): Csr {
  const rows = m.rows < vLen ? m.rows : vLen;
  const nz = m.rowStart(rows);
  const out = newCsr(rows, nz);
  memory.copy(out.start, m.start, <usize>(rows + 1) << 2);
  memory.copy(out.col, m.col, <usize>nz << 2);
  memory.fill(sums, 0, <usize>columns << 3);
  for (let i = 0; i < rows; i++) {
    const scale = getI64(v, i);
    for (let k = m.rowStart(i), e = m.rowEnd(i); k < e; k++) {
      const x = satMul(m.valAt(k), scale);
      out.setVal(k, x);
      const j = m.colAt(k);
      if (j < columns) setI64(sums, j, satAdd(getI64(sums, j), x));
    }
  }
  return out;
}

/**
 * inplace_col_normalize_sparse(m, columns) given its column sums, then matmul_transpose_sparse(m, v)
 * into `out` (v[j] = 0 past vLen), and the column maxima inplace_col_max_upscale_sparse starts from
 * (0, then every larger entry) into `maxes`.
 */
export function colNormalizeMatmulTransposeMax(m: Csr, columns: i32, sums: usize, v: usize, vLen: i32, out: usize, maxes: usize): void {
  memory.fill(maxes, 0, <usize>columns << 3);
  for (let i = 0; i < m.rows; i++) {
    let acc: i64 = 0;
    for (let k = m.rowStart(i), e = m.rowEnd(i); k < e; k++) {
      const j = m.colAt(k);
      let x = m.valAt(k);
      if (j < columns) {
        const d = getI64(sums, j);
        if (d != 0) { x = safeDiv(x, d); m.setVal(k, x); }
        const mx = getI64(maxes, j);
        setI64(maxes, j, select<i64>(x, mx, mx < x)); // a select: new maxima come at random rows
      }
      acc = satAdd(acc, satMul(j < vLen ? getI64(v, j) : 0, x));
    }
    setI64(out, i, acc);
  }
}

/** The second half of inplace_col_max_upscale_sparse: each entry safe_div its column's maximum unless 0. */
export function colMaxUpscaleWith(m: Csr, columns: i32, maxes: usize): void {
  const nz = m.nnz();
  for (let k = 0; k < nz; k++) {
    const j = m.colAt(k);
    if (j < columns) {
      const d = getI64(maxes, j);
      if (d != 0) m.setVal(k, safeDiv(m.valAt(k), d));
    }
  }
}

/**
 * The epoch's weight masks, then inplace_row_normalize_sparse, in one pass compacting in place:
 * mask_rows_sparse (row i emptied when i >= forbidLen or forbid[i]), mask_diag_sparse_except_index
 * (except < 0: none), vec_mask_sparse_matrix with lastUpdate[i] <= registration[j] (outdated) and,
 * when `commits` is not 0, commits[i] < registration[j] (commit-reveal). Each mask only drops
 * entries on a test of that entry alone, so applying them together keeps the same entries; each
 * kept row is then divided by its plain sum when that is positive. Vectors read 0 past their lengths.
 */
export function maskWeightsRowNormalize(
  m: Csr, forbid: usize, forbidLen: i32, except: i32, lastUpdate: usize, luLen: i32,
  registration: usize, regLen: i32, commits: usize, commitLen: i32,
): void {
  let w = 0;
  for (let i = 0; i < m.rows; i++) {
    const s = m.rowStart(i), e = m.rowEnd(i);
    store<u32>(m.start + (<usize>i << 2), w);
    if (i >= forbidLen || load<u8>(forbid + i) != 0) continue;
    const lu: u64 = i < luLen ? load<u64>(lastUpdate + (<usize>i << 3)) : 0;
    const cb: u64 = commits != 0 && i < commitLen ? load<u64>(commits + (<usize>i << 3)) : 0;
    const rowStart = w;
    let r: i64 = 0;
    for (let k = s; k < e; k++) {
      const j = m.colAt(k);
      if (j == i && i != except) continue;
      const reg: u64 = j < regLen ? load<u64>(registration + (<usize>j << 3)) : 0;
      if (lu <= reg) continue;
      if (commits != 0 && cb < reg) continue;
      const v = m.valAt(k);
      store<u32>(m.col + (<usize>w << 2), j);
      m.setVal(w, v);
      w++;
      r += v;
    }
    if (r > 0) for (let k = rowStart; k < w; k++) m.setVal(k, safeDiv(m.valAt(k), r));
  }
  store<u32>(m.start + (<usize>m.rows << 2), w);
}

/**
 * interpolate_sparse(a, b, columns, ratio) then row_hadamard_sparse(_, v) (rows past vLen cut off),
 * with the saturating column sums of the product (columns < `columns`): the bond delta of the
 * classic path and what its column normalisation divides by, without the interpolated matrix.
 */
export function interpolateHadamardColSums(a: Csr, b: Csr, columns: i32, ratio: i64, v: usize, vLen: i32, sums: usize): Csr {
  if (ratio == 0) return rowHadamardColSums(a, v, vLen, columns, sums);
  if (ratio == ONE || a.rows != b.rows) return rowHadamardColSums(b, v, vLen, columns, sums);
  return interpolateRows(a, b, columns, ratio, v, a.rows < vLen ? a.rows : vLen, sums);
}

/**
 * inplace_col_normalize_sparse on a copy of m (columns < `columns`, by `sums` when given, else
 * by sums taken here), then mat_vec_mul_sparse(_, v) and row_sum_sparse: out[i] = plain sum over
 * row i of normalised m_ij sat* v[j] for j < vLen. The copy is never written: each entry is
 * normalised as it is read.
 */
export function colNormalizedMatVecRowSum(m: Csr, columns: i32, sums: usize, v: usize, vLen: i32, out: usize): void {
  if (sums == 0) {
    sums = vecI64(columns);
    for (let k = 0, nz = m.nnz(); k < nz; k++) {
      const j = m.colAt(k);
      if (j < columns) setI64(sums, j, satAdd(getI64(sums, j), m.valAt(k)));
    }
  }
  for (let i = 0; i < m.rows; i++) {
    let acc: i64 = 0;
    for (let k = m.rowStart(i), e = m.rowEnd(i); k < e; k++) {
      const j = m.colAt(k);
      if (j >= vLen) continue;
      let x = m.valAt(k);
      if (j < columns) { const d = getI64(sums, j); if (d != 0) x = safeDiv(x, d); }
      acc += satMul(x, getI64(v, j));
    }
    setI64(out, i, acc);
  }
}

/**
 * The Yuma3 bonds' u16_proportion_to_fixed of every stored value (raw u16 in the upper word),
 * then scalar_vec_mask_sparse_matrix(m, scalar <= vector[j]) (vector[j] = 0 past vecLen), in
 * place in one pass: the conversion reads only the value and the mask only the column, so
 * converting the kept entries alone gives the same matrix.
 */
export function u16ProportionScalarMask(m: Csr, scalar: u64, vector: usize, vecLen: i32): void {
  scalarMaskWith(m, scalar, vector, vecLen, true, 0, 0);
}
