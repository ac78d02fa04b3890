// Entry points for the epoch's math helpers one at a time, so that hosts and the conformance
// suite can check each against the chain's own results (vectors/math). Header convention
// (boundary.json): vectors are pointers to i64 I32F32 bits with their lengths; sparse matrices are
// CSR slots (rows, start u32, col u32, val i64); helpers the chain runs in place work in place on
// the host's buffers, the others return buffers the core allocates (valid until the next reset()).

import { setI64 } from "../math/csr";
import { sz, alloc } from "../arena";
import { slot, csrIn } from "./memory";
import { result, put, putI64, none, csrOut } from "./result";
import * as L from "./layout";
import { proportionToU16, toU16, toU64, u16Proportion, satMul } from "../fixed/i32f32";
import { expSafe } from "../fixed/exp";
import { sigmoidSafe, alphaSigmoid, steepnessFactor } from "../math/sigmoid";
import { weightedMedian, weightedMedianColSparse } from "../math/median";
import { normalize, normalizeUsingSum, isTopkNonzero } from "../math/vector";
import { normalize64 } from "../epoch/stake";
import { i64f64ToI32f32 } from "../fixed/i128";
import {
  rowNormalizeSparse, colNormalizeSparse, colMaxUpscaleSparse, colClipSparse, rowSumSparse,
  matmulSparse, interpolateSparse, rowHadamardSparse, matmulTransposeSparse, matVecMulSparse,
  vecMul, matEmaSparse,
} from "../math/sparse";
import { matEmaAlphaSparse } from "../math/ema_alpha";
import { vecMaxUpscaleToU16 } from "../math/upscale";
import { emaAlpha } from "../epoch/epoch";
import { umul128, wideHi } from "../fixed/wide";

export function m_proportion_to_u16(h: usize): usize {
  const o = result(L.M_PROPORTION_TO_U16_OUT_SLOTS);
  put(o, L.M_PROPORTION_TO_U16_OUT_VALUE, <u64>proportionToU16(<i64>slot(h, L.M_PROPORTION_TO_U16_IN_X)));
  return o;
}

export function m_fixed_to_u16(h: usize): usize {
  const o = result(L.M_PROPORTION_TO_U16_OUT_SLOTS);
  put(o, L.M_PROPORTION_TO_U16_OUT_VALUE, <u64>toU16(<i64>slot(h, L.M_PROPORTION_TO_U16_IN_X)));
  return o;
}

export function m_fixed_to_u64(h: usize): usize {
  const o = result(L.M_FIXED_TO_U64_OUT_SLOTS);
  put(o, L.M_FIXED_TO_U64_OUT_VALUE, toU64(<i64>slot(h, L.M_FIXED_TO_U64_IN_X)));
  return o;
}

export function m_u16_proportion(h: usize): usize {
  const o = result(L.M_U16_PROPORTION_OUT_SLOTS);
  putI64(o, L.M_U16_PROPORTION_OUT_VALUE, u16Proportion(<u32>slot(h, L.M_U16_PROPORTION_IN_U)));
  return o;
}

export function m_u16_to_fixed(h: usize): usize {
  const o = result(L.M_U16_PROPORTION_OUT_SLOTS);
  putI64(o, L.M_U16_PROPORTION_OUT_VALUE, <i64><u32>slot(h, L.M_U16_PROPORTION_IN_U) << 32);
  return o;
}

export function m_exp_safe(h: usize): usize {
  const o = result(L.M_EXP_SAFE_OUT_SLOTS);
  putI64(o, L.M_EXP_SAFE_OUT_VALUE, expSafe(<i64>slot(h, L.M_EXP_SAFE_IN_X)));
  return o;
}

export function m_sigmoid_safe(h: usize): usize {
  const o = result(L.M_SIGMOID_SAFE_OUT_SLOTS);
  putI64(
    o, L.M_SIGMOID_SAFE_OUT_VALUE,
    sigmoidSafe(
      <i64>slot(h, L.M_SIGMOID_SAFE_IN_X), <i64>slot(h, L.M_SIGMOID_SAFE_IN_RHO),
      <i64>slot(h, L.M_SIGMOID_SAFE_IN_KAPPA)));
  return o;
}

export function m_alpha_sigmoid(h: usize): usize {
  const o = result(L.M_ALPHA_SIGMOID_OUT_SLOTS);
  putI64(
    o, L.M_ALPHA_SIGMOID_OUT_VALUE,
    alphaSigmoid(
      <i64>slot(h, L.M_ALPHA_SIGMOID_IN_CONSENSUS), <i64>slot(h, L.M_ALPHA_SIGMOID_IN_WEIGHT),
      <i64>slot(h, L.M_ALPHA_SIGMOID_IN_BOND), <i64>slot(h, L.M_ALPHA_SIGMOID_IN_LOW),
      <i64>slot(h, L.M_ALPHA_SIGMOID_IN_HIGH), steepnessFactor(<i32>slot(h, L.M_ALPHA_SIGMOID_IN_STEEPNESS))));
  return o;
}

export function m_ema_alpha(h: usize): usize {
  const o = result(L.M_EMA_ALPHA_OUT_SLOTS);
  putI64(
    o, L.M_EMA_ALPHA_OUT_VALUE,
    emaAlpha(slot(h, L.M_EMA_ALPHA_IN_BONDS_MOVING_AVERAGE), (slot(h, L.M_EMA_ALPHA_IN_WRAPPING) != 0)));
  return o;
}

export function m_emission(h: usize): usize {
  const x = <i64>slot(h, L.M_EMISSION_IN_X), rao = slot(h, L.M_EMISSION_IN_RAO);
  let v: u64 = 0;
  if (x > 0) {
    const lo = umul128(<u64>x, rao);
    const hi = wideHi;
    v = (hi >> 32) != 0 ? u64.MAX_VALUE : (hi << 32) | (lo >> 32);
  }
  const o = result(L.M_EMISSION_OUT_SLOTS);
  put(o, L.M_EMISSION_OUT_VALUE, v);
  return o;
}

export function m_fixed64_to_u64(h: usize): usize {
  const hi = slot(h, L.M_FIXED64_TO_U64_IN_BITS_HI);
  const o = result(L.M_FIXED64_TO_U64_OUT_SLOTS);
  put(o, L.M_FIXED64_TO_U64_OUT_VALUE, <i64>hi < 0 ? 0 : hi);
  return o;
}

export function m_weighted_median(h: usize): usize {
  const len = <i32>slot(h, L.M_WEIGHTED_MEDIAN_IN_LEN);
  const lower = alloc(sz(len) << 2), upper = alloc(sz(len) << 2);
  const o = result(L.M_WEIGHTED_MEDIAN_OUT_SLOTS);
  putI64(
    o, L.M_WEIGHTED_MEDIAN_OUT_VALUE,
    weightedMedian(
      <usize>slot(h, L.M_WEIGHTED_MEDIAN_IN_STAKE), <usize>slot(h, L.M_WEIGHTED_MEDIAN_IN_SCORE),
      <usize>slot(h, L.M_WEIGHTED_MEDIAN_IN_PARTITION), len, <i64>slot(h, L.M_WEIGHTED_MEDIAN_IN_MINORITY),
      <i64>slot(h, L.M_WEIGHTED_MEDIAN_IN_LO), <i64>slot(h, L.M_WEIGHTED_MEDIAN_IN_HI), lower, upper));
  return o;
}

export function m_weighted_median_col_sparse(h: usize): usize {
  const columns = <i32>slot(h, L.M_WEIGHTED_MEDIAN_COL_SPARSE_IN_COLUMNS);
  const out = alloc(sz(columns) << 3);
  weightedMedianColSparse(
    <usize>slot(h, L.M_WEIGHTED_MEDIAN_COL_SPARSE_IN_STAKE), <i32>slot(h, L.M_WEIGHTED_MEDIAN_COL_SPARSE_IN_STAKE_LEN),
    csrIn(h, L.M_WEIGHTED_MEDIAN_COL_SPARSE_IN_ROWS), columns, <i64>slot(h, L.M_WEIGHTED_MEDIAN_COL_SPARSE_IN_MAJORITY),
    out);
  const o = result(L.M_WEIGHTED_MEDIAN_COL_SPARSE_OUT_SLOTS);
  put(o, L.M_WEIGHTED_MEDIAN_COL_SPARSE_OUT_MEDIANS, out);
  return o;
}

export function m_normalize(h: usize): usize {
  normalize(<usize>slot(h, L.M_NORMALIZE_IN_X), <i32>slot(h, L.M_NORMALIZE_IN_N));
  return none();
}

export function m_normalize_using_sum(h: usize): usize {
  normalizeUsingSum(
    <usize>slot(h, L.M_NORMALIZE_USING_SUM_IN_X), <i32>slot(h, L.M_NORMALIZE_USING_SUM_IN_N),
    <i64>slot(h, L.M_NORMALIZE_USING_SUM_IN_SUM));
  return none();
}

export function m_normalize64(h: usize): usize {
  const x = <usize>slot(h, L.M_NORMALIZE64_IN_X), n = <i32>slot(h, L.M_NORMALIZE64_IN_N);
  normalize64(x, n);
  const out = alloc(sz(n) << 3);
  for (let i = 0; i < n; i++) {
    const at = x + (<usize>i << 4);
    setI64(out, i, i64f64ToI32f32(load<u64>(at, 8), load<u64>(at)));
  }
  const o = result(L.M_NORMALIZE64_OUT_SLOTS);
  put(o, L.M_NORMALIZE64_OUT_FIXED32, out);
  return o;
}

export function m_row_normalize_sparse(h: usize): usize {
  rowNormalizeSparse(csrIn(h, L.M_ROW_NORMALIZE_SPARSE_IN_ROWS));
  return none();
}

export function m_col_normalize_sparse(h: usize): usize {
  colNormalizeSparse(csrIn(h, L.M_COL_NORMALIZE_SPARSE_IN_ROWS), <i32>slot(h, L.M_COL_NORMALIZE_SPARSE_IN_COLUMNS));
  return none();
}

export function m_col_max_upscale_sparse(h: usize): usize {
  colMaxUpscaleSparse(csrIn(h, L.M_COL_NORMALIZE_SPARSE_IN_ROWS), <i32>slot(h, L.M_COL_NORMALIZE_SPARSE_IN_COLUMNS));
  return none();
}

export function m_is_topk_nonzero(h: usize): usize {
  const n = <i32>slot(h, L.M_IS_TOPK_NONZERO_IN_N);
  const out = alloc(sz(n));
  isTopkNonzero(<usize>slot(h, L.M_IS_TOPK_NONZERO_IN_V), n, <i32>slot(h, L.M_IS_TOPK_NONZERO_IN_K), out);
  const o = result(L.M_IS_TOPK_NONZERO_OUT_SLOTS);
  put(o, L.M_IS_TOPK_NONZERO_OUT_FLAGS, out);
  return o;
}

export function m_col_clip_sparse(h: usize): usize {
  return csrOut(
    colClipSparse(
      csrIn(h, L.M_COL_CLIP_SPARSE_IN_ROWS), <usize>slot(h, L.M_COL_CLIP_SPARSE_IN_THRESHOLD),
      <i32>slot(h, L.M_COL_CLIP_SPARSE_IN_THRESHOLD_LEN)),
    L.M_COL_CLIP_SPARSE_OUT_SLOTS, L.M_COL_CLIP_SPARSE_OUT_ROWS);
}

export function m_row_sum_sparse(h: usize): usize {
  const m = csrIn(h, L.M_ROW_SUM_SPARSE_IN_ROWS);
  const out = alloc(sz(m.rows) << 3);
  rowSumSparse(m, out);
  const o = result(L.M_ROW_SUM_SPARSE_OUT_SLOTS);
  put(o, L.M_ROW_SUM_SPARSE_OUT_SUMS, out);
  return o;
}

export function m_matmul_sparse(h: usize): usize {
  const columns = <i32>slot(h, L.M_MATMUL_SPARSE_IN_COLUMNS);
  const out = alloc(sz(columns) << 3);
  matmulSparse(
    csrIn(h, L.M_MATMUL_SPARSE_IN_ROWS), <usize>slot(h, L.M_MATMUL_SPARSE_IN_V),
    <i32>slot(h, L.M_MATMUL_SPARSE_IN_V_LEN), columns, out);
  const o = result(L.M_MATMUL_SPARSE_OUT_SLOTS);
  put(o, L.M_MATMUL_SPARSE_OUT_RESULT, out);
  return o;
}

export function m_matmul_transpose_sparse(h: usize): usize {
  const m = csrIn(h, L.M_MATMUL_TRANSPOSE_SPARSE_IN_ROWS);
  const out = alloc(sz(m.rows) << 3);
  matmulTransposeSparse(
    m, <usize>slot(h, L.M_MATMUL_TRANSPOSE_SPARSE_IN_V), <i32>slot(h, L.M_MATMUL_TRANSPOSE_SPARSE_IN_V_LEN), out);
  const o = result(L.M_MATMUL_TRANSPOSE_SPARSE_OUT_SLOTS);
  put(o, L.M_MATMUL_TRANSPOSE_SPARSE_OUT_RESULT, out);
  return o;
}

export function m_interpolate_sparse(h: usize): usize {
  return csrOut(
    interpolateSparse(
      csrIn(h, L.M_INTERPOLATE_SPARSE_IN_A_ROWS), csrIn(h, L.M_INTERPOLATE_SPARSE_IN_B_ROWS),
      <i32>slot(h, L.M_INTERPOLATE_SPARSE_IN_COLUMNS), <i64>slot(h, L.M_INTERPOLATE_SPARSE_IN_RATIO)),
    L.M_INTERPOLATE_SPARSE_OUT_SLOTS, L.M_INTERPOLATE_SPARSE_OUT_ROWS);
}

export function m_row_hadamard_sparse(h: usize): usize {
  return csrOut(
    rowHadamardSparse(
      csrIn(h, L.M_ROW_HADAMARD_SPARSE_IN_ROWS), <usize>slot(h, L.M_ROW_HADAMARD_SPARSE_IN_V),
      <i32>slot(h, L.M_ROW_HADAMARD_SPARSE_IN_V_LEN)),
    L.M_ROW_HADAMARD_SPARSE_OUT_SLOTS, L.M_ROW_HADAMARD_SPARSE_OUT_ROWS);
}

export function m_mat_vec_mul_sparse(h: usize): usize {
  return csrOut(
    matVecMulSparse(
      csrIn(h, L.M_ROW_HADAMARD_SPARSE_IN_ROWS), <usize>slot(h, L.M_ROW_HADAMARD_SPARSE_IN_V),
      <i32>slot(h, L.M_ROW_HADAMARD_SPARSE_IN_V_LEN)),
    L.M_ROW_HADAMARD_SPARSE_OUT_SLOTS, L.M_ROW_HADAMARD_SPARSE_OUT_ROWS);
}

export function m_vec_mul(h: usize): usize {
  const n = <i32>slot(h, L.M_VEC_MUL_IN_N);
  const out = alloc(sz(n) << 3);
  vecMul(<usize>slot(h, L.M_VEC_MUL_IN_A), <usize>slot(h, L.M_VEC_MUL_IN_B), n, out);
  const o = result(L.M_VEC_MUL_OUT_SLOTS);
  put(o, L.M_VEC_MUL_OUT_RESULT, out);
  return o;
}

export function m_mat_ema_sparse(h: usize): usize {
  return csrOut(
    matEmaSparse(
      csrIn(h, L.M_MAT_EMA_SPARSE_IN_A_ROWS), csrIn(h, L.M_MAT_EMA_SPARSE_IN_B_ROWS),
      <i64>slot(h, L.M_MAT_EMA_SPARSE_IN_ALPHA)),
    L.M_MAT_EMA_SPARSE_OUT_SLOTS, L.M_MAT_EMA_SPARSE_OUT_ROWS);
}

export function m_mat_ema_alpha_sparse(h: usize): usize {
  return csrOut(
    matEmaAlphaSparse(
      csrIn(h, L.M_MAT_EMA_ALPHA_SPARSE_IN_A_ROWS), csrIn(h, L.M_MAT_EMA_ALPHA_SPARSE_IN_B_ROWS),
      <usize>slot(h, L.M_MAT_EMA_ALPHA_SPARSE_IN_ALPHA), <i32>slot(h, L.M_MAT_EMA_ALPHA_SPARSE_IN_ALPHA_ROWS),
      <i32>slot(h, L.M_MAT_EMA_ALPHA_SPARSE_IN_ALPHA_COLS)),
    L.M_MAT_EMA_ALPHA_SPARSE_OUT_SLOTS, L.M_MAT_EMA_ALPHA_SPARSE_OUT_ROWS);
}

export function m_vec_max_upscale_to_u16(h: usize): usize {
  const n = <i32>slot(h, L.M_VEC_MAX_UPSCALE_TO_U16_IN_N);
  const out = alloc(sz(n) << 1);
  vecMaxUpscaleToU16(<usize>slot(h, L.M_VEC_MAX_UPSCALE_TO_U16_IN_V), n, out);
  const o = result(L.M_VEC_MAX_UPSCALE_TO_U16_OUT_SLOTS);
  put(o, L.M_VEC_MAX_UPSCALE_TO_U16_OUT_RESULT, out);
  return o;
}

export function m_vec_u16_max_upscale_to_u16(h: usize): usize {
  const v = <usize>slot(h, L.M_VEC_MAX_UPSCALE_TO_U16_IN_V), n = <i32>slot(h, L.M_VEC_MAX_UPSCALE_TO_U16_IN_N);
  const f = alloc(sz(n) << 3);
  for (let i = 0; i < n; i++) setI64(f, i, <i64>load<u16>(v + (<usize>i << 1)) << 32);
  const out = alloc(sz(n) << 1);
  vecMaxUpscaleToU16(f, n, out);
  const o = result(L.M_VEC_MAX_UPSCALE_TO_U16_OUT_SLOTS);
  put(o, L.M_VEC_MAX_UPSCALE_TO_U16_OUT_RESULT, out);
  return o;
}

export function m_sat_mul(h: usize): usize {
  const o = result(L.M_SAT_MUL_OUT_SLOTS);
  putI64(o, L.M_SAT_MUL_OUT_VALUE, satMul(<i64>slot(h, L.M_SAT_MUL_IN_A), <i64>slot(h, L.M_SAT_MUL_IN_B)));
  return o;
}

// the dense helpers and the remaining sparse masks
export * from "./dense";
