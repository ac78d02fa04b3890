// Entry points for the dense-matrix helpers (assembly/math/dense.ts) and the few vector and
// sparse helpers that only the ported upstream tests use, header convention (boundary.json). A
// dense matrix crosses as a pointer to rows x cols i64 I32F32 bits, row-major, with its rows and
// cols slots; matrix-valued results come back as (rows, cols, matrix) slots; vector results of
// data-dependent length with their len.

import { Csr } from "../math/csr";
import { sz, alloc } from "../arena";
import { i64f64ToI32f32 } from "../fixed/i128";
import { safeLn } from "../fixed/ln";
import { slot } from "./memory";
import { result, put, putI64, putBool } from "./result";
import * as L from "./layout";
import {
  Dense, rowNormalize, colNormalize, colMaxUpscale, maskMatrix, maskRows, maskCols, maskDiag,
  maskDiagExceptIndex, rowHadamard, rowSum, matmul, matmulTranspose, matVecMul, colClip,
  weightedMedianCol, interpolate, matEma, matEmaAlpha,
} from "../math/dense";
import { maskVector, vecdiv, isTopk, sumI64, checkedSumU64, checkedSumOverflow } from "../math/vector";
import { maskRowsSparse, maskDiagSparse, vecMaskSparseOp } from "../math/sparse";

function dense(p: usize, rows: i32, cols: i32): Dense { return new Dense(rows, cols, p); }
function csr(rows: i32, start: usize, col: usize, val: usize): Csr { return new Csr(rows, start, col, val); }

export function d_row_normalize(h: usize): usize {
  rowNormalize(dense(<usize>slot(h, L.D_ROW_NORMALIZE_IN_MATRIX), <i32>slot(h, L.D_ROW_NORMALIZE_IN_ROWS), <i32>slot(h, L.D_ROW_NORMALIZE_IN_COLS)));
  const o = result(L.D_ROW_NORMALIZE_OUT_SLOTS);
  return o;
}

export function d_col_normalize(h: usize): usize {
  colNormalize(dense(<usize>slot(h, L.D_ROW_NORMALIZE_IN_MATRIX), <i32>slot(h, L.D_ROW_NORMALIZE_IN_ROWS), <i32>slot(h, L.D_ROW_NORMALIZE_IN_COLS)));
  const o = result(L.D_ROW_NORMALIZE_OUT_SLOTS);
  return o;
}

export function d_col_max_upscale(h: usize): usize {
  colMaxUpscale(dense(<usize>slot(h, L.D_ROW_NORMALIZE_IN_MATRIX), <i32>slot(h, L.D_ROW_NORMALIZE_IN_ROWS), <i32>slot(h, L.D_ROW_NORMALIZE_IN_COLS)));
  const o = result(L.D_ROW_NORMALIZE_OUT_SLOTS);
  return o;
}

export function d_mask_diag(h: usize): usize {
  maskDiag(dense(<usize>slot(h, L.D_ROW_NORMALIZE_IN_MATRIX), <i32>slot(h, L.D_ROW_NORMALIZE_IN_ROWS), <i32>slot(h, L.D_ROW_NORMALIZE_IN_COLS)));
  const o = result(L.D_ROW_NORMALIZE_OUT_SLOTS);
  return o;
}

export function d_mask_vector(h: usize): usize {
  maskVector(<usize>slot(h, L.D_MASK_VECTOR_IN_MASK), <i32>slot(h, L.D_MASK_VECTOR_IN_MASK_LEN), <usize>slot(h, L.D_MASK_VECTOR_IN_V), <i32>slot(h, L.D_MASK_VECTOR_IN_N));
  const o = result(L.D_MASK_VECTOR_OUT_SLOTS);
  return o;
}

export function d_mask_matrix(h: usize): usize {
  maskMatrix(<usize>slot(h, L.D_MASK_MATRIX_IN_MASK), <i32>slot(h, L.D_MASK_MATRIX_IN_MASK_ROWS), <i32>slot(h, L.D_MASK_MATRIX_IN_MASK_COLS), dense(<usize>slot(h, L.D_MASK_MATRIX_IN_MATRIX), <i32>slot(h, L.D_MASK_MATRIX_IN_ROWS), <i32>slot(h, L.D_MASK_MATRIX_IN_COLS)));
  const o = result(L.D_MASK_MATRIX_OUT_SLOTS);
  return o;
}

export function d_mask_rows(h: usize): usize {
  maskRows(<usize>slot(h, L.D_MASK_ROWS_IN_MASK), <i32>slot(h, L.D_MASK_ROWS_IN_MASK_LEN), dense(<usize>slot(h, L.D_MASK_ROWS_IN_MATRIX), <i32>slot(h, L.D_MASK_ROWS_IN_ROWS), <i32>slot(h, L.D_MASK_ROWS_IN_COLS)));
  const o = result(L.D_MASK_ROWS_OUT_SLOTS);
  return o;
}

export function d_mask_cols(h: usize): usize {
  maskCols(<usize>slot(h, L.D_MASK_ROWS_IN_MASK), <i32>slot(h, L.D_MASK_ROWS_IN_MASK_LEN), dense(<usize>slot(h, L.D_MASK_ROWS_IN_MATRIX), <i32>slot(h, L.D_MASK_ROWS_IN_ROWS), <i32>slot(h, L.D_MASK_ROWS_IN_COLS)));
  const o = result(L.D_MASK_ROWS_OUT_SLOTS);
  return o;
}

export function d_mask_diag_except_index(h: usize): usize {
  maskDiagExceptIndex(dense(<usize>slot(h, L.D_MASK_DIAG_EXCEPT_INDEX_IN_MATRIX), <i32>slot(h, L.D_MASK_DIAG_EXCEPT_INDEX_IN_ROWS), <i32>slot(h, L.D_MASK_DIAG_EXCEPT_INDEX_IN_COLS)), <i32>slot(h, L.D_MASK_DIAG_EXCEPT_INDEX_IN_EXCEPT));
  const o = result(L.D_MASK_DIAG_EXCEPT_INDEX_OUT_SLOTS);
  return o;
}

export function d_row_hadamard(h: usize): usize {
  const m = rowHadamard(dense(<usize>slot(h, L.D_ROW_HADAMARD_IN_MATRIX), <i32>slot(h, L.D_ROW_HADAMARD_IN_ROWS), <i32>slot(h, L.D_ROW_HADAMARD_IN_COLS)), <usize>slot(h, L.D_ROW_HADAMARD_IN_V), <i32>slot(h, L.D_ROW_HADAMARD_IN_V_LEN));
  const o = result(L.D_ROW_HADAMARD_OUT_SLOTS);
  put(o, L.D_ROW_HADAMARD_OUT_ROWS, <u64>m.rows); put(o, L.D_ROW_HADAMARD_OUT_COLS, <u64>m.cols); put(o, L.D_ROW_HADAMARD_OUT_MATRIX, m.ptr);
  return o;
}

export function d_mat_vec_mul(h: usize): usize {
  const m = matVecMul(dense(<usize>slot(h, L.D_ROW_HADAMARD_IN_MATRIX), <i32>slot(h, L.D_ROW_HADAMARD_IN_ROWS), <i32>slot(h, L.D_ROW_HADAMARD_IN_COLS)), <usize>slot(h, L.D_ROW_HADAMARD_IN_V), <i32>slot(h, L.D_ROW_HADAMARD_IN_V_LEN));
  const o = result(L.D_ROW_HADAMARD_OUT_SLOTS);
  put(o, L.D_ROW_HADAMARD_OUT_ROWS, <u64>m.rows); put(o, L.D_ROW_HADAMARD_OUT_COLS, <u64>m.cols); put(o, L.D_ROW_HADAMARD_OUT_MATRIX, m.ptr);
  return o;
}

export function d_row_sum(h: usize): usize {
  const d = dense(<usize>slot(h, L.D_ROW_SUM_IN_MATRIX), <i32>slot(h, L.D_ROW_SUM_IN_ROWS), <i32>slot(h, L.D_ROW_SUM_IN_COLS));
  const out = alloc(sz(d.rows) << 3);
  const len = rowSum(d, out);
  const o = result(L.D_ROW_SUM_OUT_SLOTS);
  put(o, L.D_ROW_SUM_OUT_RESULT, out); put(o, L.D_ROW_SUM_OUT_LEN, <u64>len);
  return o;
}

export function d_matmul(h: usize): usize {
  const d = dense(<usize>slot(h, L.D_MATMUL_IN_MATRIX), <i32>slot(h, L.D_MATMUL_IN_ROWS), <i32>slot(h, L.D_MATMUL_IN_COLS));
  const out = alloc(sz(d.cols) << 3);
  const len = matmul(d, <usize>slot(h, L.D_MATMUL_IN_V), <i32>slot(h, L.D_MATMUL_IN_V_LEN), out);
  const o = result(L.D_MATMUL_OUT_SLOTS);
  put(o, L.D_MATMUL_OUT_RESULT, out); put(o, L.D_MATMUL_OUT_LEN, <u64>len);
  return o;
}

export function d_matmul_transpose(h: usize): usize {
  const d = dense(<usize>slot(h, L.D_MATMUL_IN_MATRIX), <i32>slot(h, L.D_MATMUL_IN_ROWS), <i32>slot(h, L.D_MATMUL_IN_COLS));
  const out = alloc(sz(d.rows) << 3);
  const len = matmulTranspose(d, <usize>slot(h, L.D_MATMUL_IN_V), <i32>slot(h, L.D_MATMUL_IN_V_LEN), out);
  const o = result(L.D_MATMUL_OUT_SLOTS);
  put(o, L.D_MATMUL_OUT_RESULT, out); put(o, L.D_MATMUL_OUT_LEN, <u64>len);
  return o;
}

export function d_col_clip(h: usize): usize {
  colClip(dense(<usize>slot(h, L.D_COL_CLIP_IN_MATRIX), <i32>slot(h, L.D_COL_CLIP_IN_ROWS), <i32>slot(h, L.D_COL_CLIP_IN_COLS)), <usize>slot(h, L.D_COL_CLIP_IN_THRESHOLD), <i32>slot(h, L.D_COL_CLIP_IN_THRESHOLD_LEN));
  const o = result(L.D_COL_CLIP_OUT_SLOTS);
  return o;
}

export function d_weighted_median_col(h: usize): usize {
  const d = dense(<usize>slot(h, L.D_WEIGHTED_MEDIAN_COL_IN_MATRIX), <i32>slot(h, L.D_WEIGHTED_MEDIAN_COL_IN_ROWS), <i32>slot(h, L.D_WEIGHTED_MEDIAN_COL_IN_COLS));
  const out = alloc(sz(d.cols) << 3);
  const len = weightedMedianCol(<usize>slot(h, L.D_WEIGHTED_MEDIAN_COL_IN_STAKE), <i32>slot(h, L.D_WEIGHTED_MEDIAN_COL_IN_STAKE_LEN), d, <i64>slot(h, L.D_WEIGHTED_MEDIAN_COL_IN_MAJORITY), out);
  const o = result(L.D_WEIGHTED_MEDIAN_COL_OUT_SLOTS);
  put(o, L.D_WEIGHTED_MEDIAN_COL_OUT_RESULT, out); put(o, L.D_WEIGHTED_MEDIAN_COL_OUT_LEN, <u64>len);
  return o;
}

export function d_interpolate(h: usize): usize {
  const m = interpolate(dense(<usize>slot(h, L.D_INTERPOLATE_IN_A), <i32>slot(h, L.D_INTERPOLATE_IN_A_ROWS), <i32>slot(h, L.D_INTERPOLATE_IN_A_COLS)), dense(<usize>slot(h, L.D_INTERPOLATE_IN_B), <i32>slot(h, L.D_INTERPOLATE_IN_B_ROWS), <i32>slot(h, L.D_INTERPOLATE_IN_B_COLS)), <i64>slot(h, L.D_INTERPOLATE_IN_RATIO));
  const o = result(L.D_INTERPOLATE_OUT_SLOTS);
  put(o, L.D_INTERPOLATE_OUT_ROWS, <u64>m.rows); put(o, L.D_INTERPOLATE_OUT_COLS, <u64>m.cols); put(o, L.D_INTERPOLATE_OUT_MATRIX, m.ptr);
  return o;
}

export function d_mat_ema(h: usize): usize {
  const m = matEma(dense(<usize>slot(h, L.D_MAT_EMA_IN_A), <i32>slot(h, L.D_MAT_EMA_IN_A_ROWS), <i32>slot(h, L.D_MAT_EMA_IN_A_COLS)), dense(<usize>slot(h, L.D_MAT_EMA_IN_B), <i32>slot(h, L.D_MAT_EMA_IN_B_ROWS), <i32>slot(h, L.D_MAT_EMA_IN_B_COLS)), <i64>slot(h, L.D_MAT_EMA_IN_ALPHA));
  const o = result(L.D_MAT_EMA_OUT_SLOTS);
  put(o, L.D_MAT_EMA_OUT_ROWS, <u64>m.rows); put(o, L.D_MAT_EMA_OUT_COLS, <u64>m.cols); put(o, L.D_MAT_EMA_OUT_MATRIX, m.ptr);
  return o;
}

export function d_mat_ema_alpha(h: usize): usize {
  const m = matEmaAlpha(dense(<usize>slot(h, L.D_MAT_EMA_ALPHA_IN_A), <i32>slot(h, L.D_MAT_EMA_ALPHA_IN_A_ROWS), <i32>slot(h, L.D_MAT_EMA_ALPHA_IN_A_COLS)), dense(<usize>slot(h, L.D_MAT_EMA_ALPHA_IN_B), <i32>slot(h, L.D_MAT_EMA_ALPHA_IN_B_ROWS), <i32>slot(h, L.D_MAT_EMA_ALPHA_IN_B_COLS)), dense(<usize>slot(h, L.D_MAT_EMA_ALPHA_IN_ALPHA), <i32>slot(h, L.D_MAT_EMA_ALPHA_IN_ALPHA_ROWS), <i32>slot(h, L.D_MAT_EMA_ALPHA_IN_ALPHA_COLS)));
  const o = result(L.D_MAT_EMA_ALPHA_OUT_SLOTS);
  put(o, L.D_MAT_EMA_ALPHA_OUT_ROWS, <u64>m.rows); put(o, L.D_MAT_EMA_ALPHA_OUT_COLS, <u64>m.cols); put(o, L.D_MAT_EMA_ALPHA_OUT_MATRIX, m.ptr);
  return o;
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
  maskRowsSparse(csr(<i32>slot(h, L.S_MASK_ROWS_SPARSE_IN_ROWS), <usize>slot(h, L.S_MASK_ROWS_SPARSE_IN_START), <usize>slot(h, L.S_MASK_ROWS_SPARSE_IN_COL), <usize>slot(h, L.S_MASK_ROWS_SPARSE_IN_VAL)), <usize>slot(h, L.S_MASK_ROWS_SPARSE_IN_MASK), <i32>slot(h, L.S_MASK_ROWS_SPARSE_IN_MASK_LEN));
  const o = result(L.S_MASK_ROWS_SPARSE_OUT_SLOTS);
  return o;
}

export function s_mask_diag_sparse(h: usize): usize {
  maskDiagSparse(csr(<i32>slot(h, L.S_MASK_DIAG_SPARSE_IN_ROWS), <usize>slot(h, L.S_MASK_DIAG_SPARSE_IN_START), <usize>slot(h, L.S_MASK_DIAG_SPARSE_IN_COL), <usize>slot(h, L.S_MASK_DIAG_SPARSE_IN_VAL)), <i32>slot(h, L.S_MASK_DIAG_SPARSE_IN_EXCEPT));
  const o = result(L.S_MASK_DIAG_SPARSE_OUT_SLOTS);
  return o;
}

export function s_vec_mask_sparse_matrix(h: usize): usize {
  vecMaskSparseOp(csr(<i32>slot(h, L.S_VEC_MASK_SPARSE_MATRIX_IN_ROWS), <usize>slot(h, L.S_VEC_MASK_SPARSE_MATRIX_IN_START), <usize>slot(h, L.S_VEC_MASK_SPARSE_MATRIX_IN_COL), <usize>slot(h, L.S_VEC_MASK_SPARSE_MATRIX_IN_VAL)), <usize>slot(h, L.S_VEC_MASK_SPARSE_MATRIX_IN_FIRST), <i32>slot(h, L.S_VEC_MASK_SPARSE_MATRIX_IN_FIRST_LEN), <usize>slot(h, L.S_VEC_MASK_SPARSE_MATRIX_IN_SECOND), <i32>slot(h, L.S_VEC_MASK_SPARSE_MATRIX_IN_SECOND_LEN), <i32>slot(h, L.S_VEC_MASK_SPARSE_MATRIX_IN_OP));
  const o = result(L.S_VEC_MASK_SPARSE_MATRIX_OUT_SLOTS);
  return o;
}

export function d_fixed64_to_fixed32(h: usize): usize {
  const o = result(L.D_FIXED64_TO_FIXED32_OUT_SLOTS);
  putI64(o, L.D_FIXED64_TO_FIXED32_OUT_VALUE, i64f64ToI32f32(slot(h, L.D_FIXED64_TO_FIXED32_IN_BITS_HI), slot(h, L.D_FIXED64_TO_FIXED32_IN_BITS_LO)));
  return o;
}

export function d_safe_ln(h: usize): usize {
  const o = result(L.D_SAFE_LN_OUT_SLOTS);
  putI64(o, L.D_SAFE_LN_OUT_VALUE, safeLn(<i64>slot(h, L.D_SAFE_LN_IN_X)));
  return o;
}
