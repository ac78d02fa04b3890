// The dense-matrix helpers of subtensor's epoch/math.rs (used by epoch_dense_mechanism and
// pinned by tests/math.rs), on row-major i64 (I32F32 bits) rows x cols matrices in arena memory.
// The chain's matrices are Vec<Vec<I32F32>> and may be ragged; every matrix here is rectangular,
// so the ragged-row branches reduce to the rules for a whole matrix (noted where they matter).
// A matrix-valued result is a Dense (rows, cols, ptr); "[[]]" in the chain is one row of width 0.

import { getI64, setI64, vecI64 } from "./csr";
import { sz, alloc } from "../arena";
import { ONE, satAdd, satSub, satMul, safeDiv, mulOrZero, min64, max64 } from "../fixed/i32f32";
import { weightedMedian } from "./median";
import { normalize } from "./vector";

export class Dense {
  constructor(public rows: i32, public cols: i32, public ptr: usize) {}
  // @ts-ignore: decorator
  @inline at(i: i32, j: i32): i64 { return load<i64>(this.ptr + ((<usize>i * <usize>this.cols + <usize>j) << 3)); }
  // @ts-ignore: decorator
  @inline set(i: i32, j: i32, v: i64): void { store<i64>(this.ptr + ((<usize>i * <usize>this.cols + <usize>j) << 3), v); }
}

/** A zero-filled rows x cols matrix. */
export function newDense(rows: i32, cols: i32): Dense {
  return new Dense(rows, cols, vecI64(rows * cols));
}

export function cloneDense(m: Dense): Dense {
  const c = newDense(m.rows, m.cols);
  memory.copy(c.ptr, m.ptr, (<usize>m.rows * <usize>m.cols) << 3);
  return c;
}

/** The chain's `vec![vec![]]`: one row, no columns. */
function emptyRow(): Dense { return new Dense(1, 0, alloc(8)); }

// @ts-ignore: decorator
@inline function degenerate(m: Dense): bool { return m.rows == 0 || m.cols == 0; }

/** inplace_row_normalize: per row, plain sum r; if r > 0 every cell safe_div r. */
export function rowNormalize(m: Dense): void {
  for (let i = 0; i < m.rows; i++) {
    let r: i64 = 0;
    for (let j = 0; j < m.cols; j++) r += m.at(i, j);
    if (r > 0) for (let j = 0; j < m.cols; j++) m.set(i, j, safeDiv(m.at(i, j), r));
  }
}

/** inplace_col_normalize: saturating column sums; cells of a non-zero-sum column safe_div it. */
export function colNormalize(m: Dense): void {
  if (degenerate(m)) return;
  const sums = vecI64(m.cols);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) setI64(sums, j, satAdd(getI64(sums, j), m.at(i, j)));
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) {
      const s = getI64(sums, j);
      if (s != 0) m.set(i, j, safeDiv(m.at(i, j), s));
    }
  }
}

/** inplace_col_max_upscale: column maximum (starting at 0); cells safe_div a non-zero maximum. */
export function colMaxUpscale(m: Dense): void {
  if (degenerate(m)) return;
  const maxes = vecI64(m.cols);
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) if (getI64(maxes, j) < m.at(i, j)) setI64(maxes, j, m.at(i, j));
  }
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) {
      const d = getI64(maxes, j);
      if (d != 0) m.set(i, j, safeDiv(m.at(i, j), d));
    }
  }
}

/**
 * inplace_mask_matrix: cell (i, j) zeroed where mask[i][j] is set or missing (mask is
 * maskRows x maskCols u8); an empty mask (no rows, or an empty first row) is a no-op.
 */
export function maskMatrix(mask: usize, maskRows: i32, maskCols: i32, m: Dense): void {
  if (maskRows == 0 || maskCols == 0) return;
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) {
      const hit = i >= maskRows || j >= maskCols || load<u8>(mask + <usize>i * <usize>maskCols + j) != 0;
      if (hit) m.set(i, j, 0);
    }
  }
}

/** inplace_mask_rows: row i zeroed where mask[i] or i >= maskLen (no-op on an empty matrix). */
export function maskRows(mask: usize, maskLen: i32, m: Dense): void {
  for (let i = 0; i < m.rows; i++) {
    if (i >= maskLen || load<u8>(mask + i) != 0) memory.fill(m.ptr + ((<usize>i * <usize>m.cols) << 3), 0, <usize>m.cols << 3);
  }
}

/** inplace_mask_cols: column j zeroed where mask[j] or j >= maskLen. */
export function maskCols(mask: usize, maskLen: i32, m: Dense): void {
  for (let j = 0; j < m.cols; j++) {
    if (j >= maskLen || load<u8>(mask + j) != 0) for (let i = 0; i < m.rows; i++) m.set(i, j, 0);
  }
}

/** inplace_mask_diag: zero the diagonal of a square matrix; any other shape is left alone. */
export function maskDiag(m: Dense): void {
  if (degenerate(m) || m.rows != m.cols) return;
  for (let i = 0; i < m.rows; i++) m.set(i, i, 0);
}

/** inplace_mask_diag_except_index: as maskDiag, keeping (e, e) when it exists. */
export function maskDiagExceptIndex(m: Dense, except: i32): void {
  if (degenerate(m) || m.rows != m.cols) return;
  for (let i = 0; i < m.rows; i++) if (i != except) m.set(i, i, 0);
}

/** row_hadamard: row i scaled by v[i] (saturating); rows past vLen are cut off. */
export function rowHadamard(m: Dense, v: usize, vLen: i32): Dense {
  if (degenerate(m)) return emptyRow();
  const rows = m.rows < vLen ? m.rows : vLen;
  const out = newDense(rows, m.cols);
  for (let i = 0; i < rows; i++) {
    const s = getI64(v, i);
    for (let j = 0; j < m.cols; j++) out.set(i, j, satMul(s, m.at(i, j)));
  }
  return out;
}

/** row_sum: plain sum per row; an empty first row gives an empty result (returns the length). */
export function rowSum(m: Dense, out: usize): i32 {
  if (m.rows > 0 && m.cols == 0) return 0;
  for (let i = 0; i < m.rows; i++) {
    let r: i64 = 0;
    for (let j = 0; j < m.cols; j++) r += m.at(i, j);
    setI64(out, i, r);
  }
  return m.rows;
}

/** matmul: out[j] = sat-sum over rows of v[i] sat* m_ij (v[i] = 0 past vLen); returns the length. */
export function matmul(m: Dense, v: usize, vLen: i32, out: usize): i32 {
  if (degenerate(m)) return 0;
  memory.fill(out, 0, <usize>m.cols << 3);
  for (let i = 0; i < m.rows; i++) {
    const s: i64 = i < vLen ? getI64(v, i) : 0;
    for (let j = 0; j < m.cols; j++) setI64(out, j, satAdd(getI64(out, j), satMul(s, m.at(i, j))));
  }
  return m.cols;
}

/** matmul_transpose: out[i] = sat-sum over j < min(cols, vLen) of m_ij sat* v[j]; returns the length. */
export function matmulTranspose(m: Dense, v: usize, vLen: i32, out: usize): i32 {
  if (degenerate(m)) return 0;
  const w = m.cols < vLen ? m.cols : vLen;
  for (let i = 0; i < m.rows; i++) {
    let acc: i64 = 0;
    for (let j = 0; j < w; j++) acc = satAdd(acc, satMul(m.at(i, j), getI64(v, j)));
    setI64(out, i, acc);
  }
  return m.rows;
}

/** mat_vec_mul: each row vec_mul v (checked, 0 on overflow), width min(cols, vLen). */
export function matVecMul(m: Dense, v: usize, vLen: i32): Dense {
  if (degenerate(m)) return emptyRow();
  const w = m.cols < vLen ? m.cols : vLen;
  const out = newDense(m.rows, w);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < w; j++) out.set(i, j, mulOrZero(m.at(i, j), getI64(v, j)));
  return out;
}

/** inplace_col_clip: m_ij = min(m_ij, t_j) for j < min(cols, tLen). */
export function colClip(m: Dense, t: usize, tLen: i32): void {
  const w = m.cols < tLen ? m.cols : tLen;
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < w; j++) m.set(i, j, min64(getI64(t, j), m.at(i, j)));
  }
}

/**
 * weighted_median_col(stake, score, majority) -> out[cols]: per column, the stake-weighted
 * median over rows r < stakeLen with stake > 0 (a row past the matrix counts as stake 0, score 0),
 * after re-normalising those stakes.
 */
export function weightedMedianCol(stake: usize, stakeLen: i32, score: Dense, majority: i64, out: usize): i32 {
  const columns = score.rows == 0 ? 0 : score.cols;
  memory.fill(out, 0, <usize>columns << 3);
  const useStake = vecI64(stakeLen);
  const rowOf = alloc(sz(stakeLen) << 2);
  let k = 0;
  for (let r = 0; r < stakeLen; r++) {
    const s = getI64(stake, r);
    if (s > 0) {
      setI64(useStake, k, r < score.rows ? s : 0);
      store<i32>(rowOf + (<usize>k << 2), r < score.rows ? r : -1);
      k++;
    }
  }
  if (k == 0 || columns == 0) return columns;
  normalize(useStake, k);
  let stakeSum: i64 = 0;
  for (let t = 0; t < k; t++) stakeSum += getI64(useStake, t);
  const minority = satSub(stakeSum, majority);
  const useScore = vecI64(k);
  const part = alloc(<usize>k << 2);
  const lower = alloc(<usize>k << 2);
  const upper = alloc(<usize>k << 2);
  for (let c = 0; c < columns; c++) {
    for (let t = 0; t < k; t++) {
      const r = load<i32>(rowOf + (<usize>t << 2));
      setI64(useScore, t, r < 0 ? 0 : score.at(r, c));
      store<u32>(part + (<usize>t << 2), t);
    }
    setI64(out, c, weightedMedian(useStake, useScore, part, k, minority, 0, stakeSum, lower, upper));
  }
  return columns;
}

/**
 * interpolate(a, b, ratio): ratio 0 -> a, ratio 1 -> b (the same objects); an empty `a` -> [[]];
 * otherwise a's shape, cell = a ⊕ ratio ⊗ (b ⊖ a) where both have the cell, 0 elsewhere.
 */
export function interpolate(a: Dense, b: Dense, ratio: i64): Dense {
  if (ratio == 0) return a;
  if (ratio == ONE) return b;
  if (degenerate(a)) return emptyRow();
  const out = newDense(a.rows, a.cols);
  const rows = a.rows < b.rows ? a.rows : b.rows;
  const cols = a.cols < b.cols ? a.cols : b.cols;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v1 = a.at(i, j);
      out.set(i, j, satAdd(v1, satMul(ratio, satSub(b.at(i, j), v1))));
    }
  }
  return out;
}

/** mat_ema: alpha ⊗ new ⊕ (1 ⊖ alpha) ⊗ old over the common shape; an empty `new` -> [[]]. */
export function matEma(nw: Dense, old: Dense, alpha: i64): Dense {
  if (degenerate(nw)) return emptyRow();
  const oneMinus = satSub(ONE, alpha);
  const rows = nw.rows < old.rows ? nw.rows : old.rows;
  const cols = nw.cols < old.cols ? nw.cols : old.cols;
  const out = newDense(rows, cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out.set(i, j, satAdd(satMul(alpha, nw.at(i, j)), satMul(oneMinus, old.at(i, j))));
  }
  return out;
}

/**
 * mat_ema_alpha: an empty `new` -> [[]]; row counts differ -> `old`; row widths differ -> `new`;
 * else per cell min((1 ⊖ a) ⊗ old ⊕ max(a ⊗ new, 0), 1).
 */
export function matEmaAlpha(nw: Dense, old: Dense, alpha: Dense): Dense {
  if (degenerate(nw)) return emptyRow();
  if (nw.rows != old.rows || nw.rows != alpha.rows) return old;
  if (nw.cols != old.cols || nw.cols != alpha.cols) return nw;
  const out = newDense(nw.rows, nw.cols);
  for (let i = 0; i < nw.rows; i++) {
    for (let j = 0; j < nw.cols; j++) {
      const a = alpha.at(i, j);
      const decayed = satMul(satSub(ONE, a), old.at(i, j));
      const inc = max64(satMul(a, nw.at(i, j)), 0);
      out.set(i, j, min64(satAdd(decayed, inc), ONE));
    }
  }
  return out;
}
