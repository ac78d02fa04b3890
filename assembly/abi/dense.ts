// Entry points for the dense-matrix helpers (assembly/math/dense.ts) and the few vector and
// sparse helpers that only the ported upstream tests use, header convention (boundary.json). A
// dense matrix crosses as the slots (matrix, rows, cols): a pointer to rows x cols i64 I32F32 bits,
// row-major, both ways; vector results of data-dependent length come back with their len.

import { sz, alloc } from "../arena";
import { i64f64ToI32f32 } from "../fixed/i128";
import { safeLn } from "../fixed/ln";
import { slot, csrIn, denseIn } from "./memory";
import { result, put, putI64, putBool, none, denseOut } from "./result";
import * as L from "./layout";
import {
  rowNormalize, colNormalize, colMaxUpscale, maskMatrix, maskRows, maskCols, maskDiag,
  maskDiagExceptIndex, rowHadamard, rowSum, matmul, matmulTranspose, matVecMul, colClip,
  weightedMedianCol, interpolate, matEma, matEmaAlpha,
} from "../math/dense";
import { maskVector, vecdiv, isTopk, sumI64, checkedSumU64, checkedSumOverflow } from "../math/vector";
import { maskRowsSparse, maskDiagSparse, vecMaskSparseOp } from "../math/sparse";

export function d_row_normalize(h: usize): usize {
  rowNormalize(denseIn(h, L.D_ROW_NORMALIZE_IN_MATRIX));
  return none();
}

export function d_col_normalize(h: usize): usize {
  colNormalize(denseIn(h, L.D_ROW_NORMALIZE_IN_MATRIX));
  return none();
}

export function d_col_max_upscale(h: usize): usize {
  colMaxUpscale(denseIn(h, L.D_ROW_NORMALIZE_IN_MATRIX));
  return none();
}

export function d_mask_diag(h: usize): usize {
  maskDiag(denseIn(h, L.D_ROW_NORMALIZE_IN_MATRIX));
  return none();
}

export function d_mask_vector(h: usize): usize {
  maskVector(
    <usize>slot(h, L.D_MASK_VECTOR_IN_MASK), <i32>slot(h, L.D_MASK_VECTOR_IN_MASK_LEN),
    <usize>slot(h, L.D_MASK_VECTOR_IN_V), <i32>slot(h, L.D_MASK_VECTOR_IN_N));
  return none();
}

export function d_mask_matrix(h: usize): usize {
  maskMatrix(
    <usize>slot(h, L.D_MASK_MATRIX_IN_MASK), <i32>slot(h, L.D_MASK_MATRIX_IN_MASK_ROWS),
    <i32>slot(h, L.D_MASK_MATRIX_IN_MASK_COLS), denseIn(h, L.D_MASK_MATRIX_IN_MATRIX));
  return none();
}

export function d_mask_rows(h: usize): usize {
  maskRows(
    <usize>slot(h, L.D_MASK_ROWS_IN_MASK), <i32>slot(h, L.D_MASK_ROWS_IN_MASK_LEN), denseIn(h, L.D_MASK_ROWS_IN_MATRIX));
  return none();
}

export function d_mask_cols(h: usize): usize {
  maskCols(
    <usize>slot(h, L.D_MASK_ROWS_IN_MASK), <i32>slot(h, L.D_MASK_ROWS_IN_MASK_LEN), denseIn(h, L.D_MASK_ROWS_IN_MATRIX));
  return none();
}

export function d_mask_diag_except_index(h: usize): usize {
  maskDiagExceptIndex(
    denseIn(h, L.D_MASK_DIAG_EXCEPT_INDEX_IN_MATRIX), <i32>slot(h, L.D_MASK_DIAG_EXCEPT_INDEX_IN_EXCEPT));
  return none();
}

export function d_row_hadamard(h: usize): usize {
  return denseOut(
    rowHadamard(
      denseIn(h, L.D_ROW_HADAMARD_IN_MATRIX), <usize>slot(h, L.D_ROW_HADAMARD_IN_V),
      <i32>slot(h, L.D_ROW_HADAMARD_IN_V_LEN)),
    L.D_ROW_HADAMARD_OUT_SLOTS, L.D_ROW_HADAMARD_OUT_MATRIX);
}

export function d_mat_vec_mul(h: usize): usize {
  return denseOut(
    matVecMul(
      denseIn(h, L.D_ROW_HADAMARD_IN_MATRIX), <usize>slot(h, L.D_ROW_HADAMARD_IN_V),
      <i32>slot(h, L.D_ROW_HADAMARD_IN_V_LEN)),
    L.D_ROW_HADAMARD_OUT_SLOTS, L.D_ROW_HADAMARD_OUT_MATRIX);
}

export function d_row_sum(h: usize): usize {
  const d = denseIn(h, L.D_ROW_SUM_IN_MATRIX);
  const out = alloc(sz(d.rows) << 3);
  const len = rowSum(d, out);
  const o = result(L.D_ROW_SUM_OUT_SLOTS);
  put(o, L.D_ROW_SUM_OUT_RESULT, out); put(o, L.D_ROW_SUM_OUT_LEN, <u64>len);
  return o;
}

export function d_matmul(h: usize): usize {
  const d = denseIn(h, L.D_MATMUL_IN_MATRIX);
  const out = alloc(sz(d.cols) << 3);
  const len = matmul(d, <usize>slot(h, L.D_MATMUL_IN_V), <i32>slot(h, L.D_MATMUL_IN_V_LEN), out);
  const o = result(L.D_MATMUL_OUT_SLOTS);
  put(o, L.D_MATMUL_OUT_RESULT, out); put(o, L.D_MATMUL_OUT_LEN, <u64>len);
  return o;
}

export function d_matmul_transpose(h: usize): usize {
  const d = denseIn(h, L.D_MATMUL_IN_MATRIX);
  const out = alloc(sz(d.rows) << 3);
  const len = matmulTranspose(d, <usize>slot(h, L.D_MATMUL_IN_V), <i32>slot(h, L.D_MATMUL_IN_V_LEN), out);
  const o = result(L.D_MATMUL_OUT_SLOTS);
  put(o, L.D_MATMUL_OUT_RESULT, out); put(o, L.D_MATMUL_OUT_LEN, <u64>len);
  return o;
}

export function d_col_clip(h: usize): usize {
  colClip(
    denseIn(h, L.D_COL_CLIP_IN_MATRIX), <usize>slot(h, L.D_COL_CLIP_IN_THRESHOLD),
    <i32>slot(h, L.D_COL_CLIP_IN_THRESHOLD_LEN));
  return none();
}

export function d_weighted_median_col(h: usize): usize {
  const d = denseIn(h, L.D_WEIGHTED_MEDIAN_COL_IN_MATRIX);
  const out = alloc(sz(d.cols) << 3);
  const len = weightedMedianCol(
    <usize>slot(h, L.D_WEIGHTED_MEDIAN_COL_IN_STAKE), <i32>slot(h, L.D_WEIGHTED_MEDIAN_COL_IN_STAKE_LEN), d,
    <i64>slot(h, L.D_WEIGHTED_MEDIAN_COL_IN_MAJORITY), out);
  const o = result(L.D_WEIGHTED_MEDIAN_COL_OUT_SLOTS);
  put(o, L.D_WEIGHTED_MEDIAN_COL_OUT_RESULT, out); put(o, L.D_WEIGHTED_MEDIAN_COL_OUT_LEN, <u64>len);
  return o;
}

export function d_interpolate(h: usize): usize {
  return denseOut(
    interpolate(
      denseIn(h, L.D_INTERPOLATE_IN_A), denseIn(h, L.D_INTERPOLATE_IN_B), <i64>slot(h, L.D_INTERPOLATE_IN_RATIO)),
    L.D_INTERPOLATE_OUT_SLOTS, L.D_INTERPOLATE_OUT_MATRIX);
}

export function d_mat_ema(h: usize): usize {
  return denseOut(
    matEma(denseIn(h, L.D_MAT_EMA_IN_A), denseIn(h, L.D_MAT_EMA_IN_B), <i64>slot(h, L.D_MAT_EMA_IN_ALPHA)),
    L.D_MAT_EMA_OUT_SLOTS, L.D_MAT_EMA_OUT_MATRIX);
}

export function d_mat_ema_alpha(h: usize): usize {
  return denseOut(
    matEmaAlpha(
      denseIn(h, L.D_MAT_EMA_ALPHA_IN_A), denseIn(h, L.D_MAT_EMA_ALPHA_IN_B), denseIn(h, L.D_MAT_EMA_ALPHA_IN_ALPHA)),
    L.D_MAT_EMA_ALPHA_OUT_SLOTS, L.D_MAT_EMA_ALPHA_OUT_MATRIX);
}

export function d_vecdiv(h: usize): usize {
  const n = <i32>slot(h, L.D_VECDIV_IN_N);
  const out = alloc(sz(n) << 3);
  vecdiv(<usize>slot(h, L.D_VECDIV_IN_X), n, <usize>slot(h, L.D_VECDIV_IN_Y), <i32>slot(h, L.D_VECDIV_IN_Y_LEN), out);
  const o = result(L.D_VECDIV_OUT_SLOTS);
  put(o, L.D_VECDIV_OUT_RESULT, out);
  return o;
}

export function d_is_topk(h: usize): usize {
  const n = <i32>slot(h, L.M_IS_TOPK_NONZERO_IN_N);
  const out = alloc(sz(n));
  isTopk(<usize>slot(h, L.M_IS_TOPK_NONZERO_IN_V), n, <i32>slot(h, L.M_IS_TOPK_NONZERO_IN_K), out);
  const o = result(L.M_IS_TOPK_NONZERO_OUT_SLOTS);
  put(o, L.M_IS_TOPK_NONZERO_OUT_FLAGS, out);
  return o;
}

export function d_sum(h: usize): usize {
  const o = result(L.D_SUM_OUT_SLOTS);
  putI64(o, L.D_SUM_OUT_VALUE, sumI64(<usize>slot(h, L.D_SUM_IN_X), <i32>slot(h, L.D_SUM_IN_N)));
  return o;
}

export function d_checked_sum_u64(h: usize): usize {
  const s = checkedSumU64(<usize>slot(h, L.D_CHECKED_SUM_U64_IN_X), <i32>slot(h, L.D_CHECKED_SUM_U64_IN_N));
  const o = result(L.D_CHECKED_SUM_U64_OUT_SLOTS);
  putBool(o, L.D_CHECKED_SUM_U64_OUT_OVERFLOWED, checkedSumOverflow);
  put(o, L.D_CHECKED_SUM_U64_OUT_SUM, checkedSumOverflow ? 0 : s);
  return o;
}

export function s_mask_rows_sparse(h: usize): usize {
  maskRowsSparse(
    csrIn(h, L.S_MASK_ROWS_SPARSE_IN_ROWS), <usize>slot(h, L.S_MASK_ROWS_SPARSE_IN_MASK),
    <i32>slot(h, L.S_MASK_ROWS_SPARSE_IN_MASK_LEN));
  return none();
}

export function s_mask_diag_sparse(h: usize): usize {
  maskDiagSparse(csrIn(h, L.S_MASK_DIAG_SPARSE_IN_ROWS), <i32>slot(h, L.S_MASK_DIAG_SPARSE_IN_EXCEPT));
  return none();
}

export function s_vec_mask_sparse_matrix(h: usize): usize {
  vecMaskSparseOp(
    csrIn(h, L.S_VEC_MASK_SPARSE_MATRIX_IN_ROWS), <usize>slot(h, L.S_VEC_MASK_SPARSE_MATRIX_IN_FIRST),
    <i32>slot(h, L.S_VEC_MASK_SPARSE_MATRIX_IN_FIRST_LEN), <usize>slot(h, L.S_VEC_MASK_SPARSE_MATRIX_IN_SECOND),
    <i32>slot(h, L.S_VEC_MASK_SPARSE_MATRIX_IN_SECOND_LEN), <i32>slot(h, L.S_VEC_MASK_SPARSE_MATRIX_IN_OP));
  return none();
}

export function d_fixed64_to_fixed32(h: usize): usize {
  const o = result(L.D_FIXED64_TO_FIXED32_OUT_SLOTS);
  putI64(
    o, L.D_FIXED64_TO_FIXED32_OUT_VALUE,
    i64f64ToI32f32(slot(h, L.D_FIXED64_TO_FIXED32_IN_BITS_HI), slot(h, L.D_FIXED64_TO_FIXED32_IN_BITS_LO)));
  return o;
}

export function d_safe_ln(h: usize): usize {
  const o = result(L.D_SAFE_LN_OUT_SLOTS);
  putI64(o, L.D_SAFE_LN_OUT_VALUE, safeLn(<i64>slot(h, L.D_SAFE_LN_IN_X)));
  return o;
}
