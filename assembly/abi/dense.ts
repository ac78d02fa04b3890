// Entry points for the dense-matrix helpers (assembly/math/dense.ts) and the few vector and
// sparse helpers that only the ported upstream tests use. A dense matrix crosses as a pointer to
// rows x cols i64 I32F32 bits, row-major; matrix-valued results come back as a 3-slot header
// (rows, cols, ptr); vector results of data-dependent length return that length.

import { Csr } from "../math/csr";
import { i64f64ToI32f32 } from "../fixed/i128";
import { safeLn } from "../fixed/ln";
import { newHeader, setSlot } from "./memory";
import {
  Dense, rowNormalize, colNormalize, colMaxUpscale, maskMatrix, maskRows, maskCols, maskDiag,
  maskDiagExceptIndex, rowHadamard, rowSum, matmul, matmulTranspose, matVecMul, colClip,
  weightedMedianCol, interpolate, matEma, matEmaAlpha,
} from "../math/dense";
import { maskVector, vecdiv, isTopk, sumI64, checkedSumU64, checkedSumOverflow } from "../math/vector";
import { maskRowsSparse, maskDiagSparse, vecMaskSparseOp } from "../math/sparse";

function dense(p: usize, rows: i32, cols: i32): Dense { return new Dense(rows, cols, p); }
function denseHeader(m: Dense): usize {
  const h = newHeader(3);
  setSlot(h, 0, <u64>m.rows); setSlot(h, 1, <u64>m.cols); setSlot(h, 2, m.ptr);
  return h;
}
function csr(rows: i32, start: usize, col: usize, val: usize): Csr { return new Csr(rows, start, col, val); }

export function d_row_normalize(p: usize, rows: i32, cols: i32): void { rowNormalize(dense(p, rows, cols)); }
export function d_col_normalize(p: usize, rows: i32, cols: i32): void { colNormalize(dense(p, rows, cols)); }
export function d_col_max_upscale(p: usize, rows: i32, cols: i32): void { colMaxUpscale(dense(p, rows, cols)); }
export function d_mask_vector(mask: usize, maskLen: i32, v: usize, n: i32): void { maskVector(mask, maskLen, v, n); }
export function d_mask_matrix(mask: usize, maskRows: i32, maskCols: i32, p: usize, rows: i32, cols: i32): void {
  maskMatrix(mask, maskRows, maskCols, dense(p, rows, cols));
}
export function d_mask_rows(mask: usize, maskLen: i32, p: usize, rows: i32, cols: i32): void { maskRows(mask, maskLen, dense(p, rows, cols)); }
export function d_mask_cols(mask: usize, maskLen: i32, p: usize, rows: i32, cols: i32): void { maskCols(mask, maskLen, dense(p, rows, cols)); }
export function d_mask_diag(p: usize, rows: i32, cols: i32): void { maskDiag(dense(p, rows, cols)); }
export function d_mask_diag_except_index(p: usize, rows: i32, cols: i32, except: i32): void { maskDiagExceptIndex(dense(p, rows, cols), except); }
export function d_row_hadamard(p: usize, rows: i32, cols: i32, v: usize, vLen: i32): usize { return denseHeader(rowHadamard(dense(p, rows, cols), v, vLen)); }
export function d_row_sum(p: usize, rows: i32, cols: i32, out: usize): i32 { return rowSum(dense(p, rows, cols), out); }
export function d_matmul(p: usize, rows: i32, cols: i32, v: usize, vLen: i32, out: usize): i32 { return matmul(dense(p, rows, cols), v, vLen, out); }
export function d_matmul_transpose(p: usize, rows: i32, cols: i32, v: usize, vLen: i32, out: usize): i32 {
  return matmulTranspose(dense(p, rows, cols), v, vLen, out);
}
export function d_mat_vec_mul(p: usize, rows: i32, cols: i32, v: usize, vLen: i32): usize { return denseHeader(matVecMul(dense(p, rows, cols), v, vLen)); }
export function d_col_clip(p: usize, rows: i32, cols: i32, t: usize, tLen: i32): void { colClip(dense(p, rows, cols), t, tLen); }
export function d_weighted_median_col(stake: usize, stakeLen: i32, p: usize, rows: i32, cols: i32, majority: i64, out: usize): i32 {
  return weightedMedianCol(stake, stakeLen, dense(p, rows, cols), majority, out);
}
export function d_interpolate(pa: usize, ra: i32, ca: i32, pb: usize, rb: i32, cb: i32, ratio: i64): usize {
  return denseHeader(interpolate(dense(pa, ra, ca), dense(pb, rb, cb), ratio));
}
export function d_mat_ema(pa: usize, ra: i32, ca: i32, pb: usize, rb: i32, cb: i32, alpha: i64): usize {
  return denseHeader(matEma(dense(pa, ra, ca), dense(pb, rb, cb), alpha));
}
export function d_mat_ema_alpha(pa: usize, ra: i32, ca: i32, pb: usize, rb: i32, cb: i32, pc: usize, rc: i32, cc: i32): usize {
  return denseHeader(matEmaAlpha(dense(pa, ra, ca), dense(pb, rb, cb), dense(pc, rc, cc)));
}
export function d_vecdiv(x: usize, n: i32, y: usize, yLen: i32, out: usize): void { vecdiv(x, n, y, yLen, out); }
export function d_is_topk(v: usize, n: i32, k: i32, out: usize): void { isTopk(v, n, k, out); }
export function d_sum(x: usize, n: i32): i64 { return sumI64(x, n); }
/** checked_sum over u64: the sum, or u64::MAX with d_checked_sum_overflowed() = 1 on overflow. */
export function d_checked_sum_u64(x: usize, n: i32): u64 { const s = checkedSumU64(x, n); return checkedSumOverflow ? u64.MAX_VALUE : s; }
export function d_checked_sum_overflowed(): i32 { return checkedSumOverflow ? 1 : 0; }

// sparse twins (in place on the host's CSR; row starts are rewritten)
export function s_mask_rows_sparse(mask: usize, maskLen: i32, rows: i32, start: usize, col: usize, val: usize): void {
  maskRowsSparse(csr(rows, start, col, val), mask, maskLen);
}
export function s_mask_diag_sparse(rows: i32, start: usize, col: usize, val: usize, except: i32): void {
  maskDiagSparse(csr(rows, start, col, val), except);
}
export function s_vec_mask_sparse_matrix(rows: i32, start: usize, col: usize, val: usize, first: usize, firstLen: i32, second: usize, secondLen: i32, op: i32): void {
  vecMaskSparseOp(csr(rows, start, col, val), first, firstLen, second, secondLen, op);
}
/** fixed64_to_fixed32: I32F32::saturating_from_num of an I64F64 (hi, lo). */
export function d_fixed64_to_fixed32(hi: u64, lo: u64): i64 { return i64f64ToI32f32(hi, lo); }
/** safe_ln: substrate-fixed ln on I32F32, 0 where it fails. */
export function d_safe_ln(x: i64): i64 { return safeLn(x); }
