// Entry points for the epoch's math helpers one at a time, so that hosts and the conformance
// suite can check each against the chain's own results (vectors/math). Vectors are i64 I32F32
// bits; sparse matrices are CSR with u32 columns and i64 values; results that are matrices come
// back as a 4-slot header (rows, start, col, val).

import { Csr, setI64 } from "../math/csr";
import { sz, alloc } from "../arena";
import { newHeader, setSlot } from "./memory";
import { ONE, proportionToU16, toU16, toU64, u16Proportion, satMul } from "../fixed/i32f32";
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

function csr(rows: i32, start: usize, col: usize, val: usize): Csr { return new Csr(rows, start, col, val); }

function csrHeader(m: Csr): usize {
  const h = newHeader(4);
  setSlot(h, 0, <u64>m.rows); setSlot(h, 1, m.start); setSlot(h, 2, m.col); setSlot(h, 3, m.val);
  return h;
}

export function m_proportion_to_u16(x: i64): i32 { return proportionToU16(x); }
export function m_fixed_to_u16(x: i64): i32 { return toU16(x); }
export function m_fixed_to_u64(x: i64): u64 { return toU64(x); }
export function m_u16_proportion(u: i32): i64 { return u16Proportion(<u32>u); }
export function m_u16_to_fixed(u: i32): i64 { return <i64>u << 32; }
export function m_exp_safe(x: i64): i64 { return expSafe(x); }
export function m_sigmoid_safe(x: i64, rho: i64, kappa: i64): i64 { return sigmoidSafe(x, rho, kappa); }
export function m_alpha_sigmoid(c: i64, w: i64, b: i64, lo: i64, hi: i64, steepness: i32): i64 {
  return alphaSigmoid(c, w, b, lo, hi, steepnessFactor(steepness));
}
export function m_ema_alpha(bma: u64, wrapping: i32): i64 { return emaAlpha(bma, wrapping != 0); }

/** I96F32(x) saturating_mul I96F32(rao) -> u64 (saturating). */
export function m_emission(x: i64, rao: u64): u64 {
  if (x <= 0) return 0;
  const lo = umul128(<u64>x, rao);
  const hi = wideHi;
  if ((hi >> 32) != 0) return u64.MAX_VALUE;
  return (hi << 32) | (lo >> 32);
}
/** fixed64_to_u64 of an I64F64 (hi, lo): floor, negative -> 0. */
export function m_fixed64_to_u64(hi: u64, lo: u64): u64 { return <i64>hi < 0 ? 0 : hi; }

export function m_weighted_median(stake: usize, score: usize, part: usize, len: i32, minority: i64, lo: i64, hi: i64): i64 {
  const lower = alloc(sz(len) << 2);
  const upper = alloc(sz(len) << 2);
  return weightedMedian(stake, score, part, len, minority, lo, hi, lower, upper);
}
export function m_weighted_median_col_sparse(stake: usize, stakeLen: i32, rows: i32, start: usize, col: usize, val: usize, columns: i32, majority: i64): usize {
  const out = alloc(sz(columns) << 3);
  weightedMedianColSparse(stake, stakeLen, csr(rows, start, col, val), columns, majority, out);
  return out;
}
export function m_normalize(x: usize, n: i32): void { normalize(x, n); }
export function m_normalize_using_sum(x: usize, n: i32, s: i64): void { normalizeUsingSum(x, n, s); }
/** In place on i128 pairs; also writes the I32F32 conversion to `out`. */
export function m_normalize64(x: usize, n: i32, out: usize): void {
  normalize64(x, n);
  for (let i = 0; i < n; i++) setI64(out, i, i64f64ToI32f32(load<u64>(x + (<usize>i << 4) + 8), load<u64>(x + (<usize>i << 4))));
}
export function m_row_normalize_sparse(rows: i32, start: usize, col: usize, val: usize): void { rowNormalizeSparse(csr(rows, start, col, val)); }
export function m_col_normalize_sparse(rows: i32, start: usize, col: usize, val: usize, columns: i32): void { colNormalizeSparse(csr(rows, start, col, val), columns); }
export function m_col_max_upscale_sparse(rows: i32, start: usize, col: usize, val: usize, columns: i32): void { colMaxUpscaleSparse(csr(rows, start, col, val), columns); }
export function m_is_topk_nonzero(v: usize, n: i32, k: i32, out: usize): void { isTopkNonzero(v, n, k, out); }
export function m_col_clip_sparse(rows: i32, start: usize, col: usize, val: usize, thr: usize, thrLen: i32): usize {
  return csrHeader(colClipSparse(csr(rows, start, col, val), thr, thrLen));
}
export function m_row_sum_sparse(rows: i32, start: usize, col: usize, val: usize, out: usize): void { rowSumSparse(csr(rows, start, col, val), out); }
export function m_matmul_sparse(rows: i32, start: usize, col: usize, val: usize, v: usize, vLen: i32, columns: i32, out: usize): void {
  matmulSparse(csr(rows, start, col, val), v, vLen, columns, out);
}
export function m_matmul_transpose_sparse(rows: i32, start: usize, col: usize, val: usize, v: usize, vLen: i32, out: usize): void {
  matmulTransposeSparse(csr(rows, start, col, val), v, vLen, out);
}
export function m_interpolate_sparse(rowsA: i32, sa: usize, ca: usize, va: usize, rowsB: i32, sb: usize, cb: usize, vb: usize, columns: i32, ratio: i64): usize {
  return csrHeader(interpolateSparse(csr(rowsA, sa, ca, va), csr(rowsB, sb, cb, vb), columns, ratio));
}
export function m_row_hadamard_sparse(rows: i32, start: usize, col: usize, val: usize, v: usize, vLen: i32): usize {
  return csrHeader(rowHadamardSparse(csr(rows, start, col, val), v, vLen));
}
export function m_mat_vec_mul_sparse(rows: i32, start: usize, col: usize, val: usize, v: usize, vLen: i32): usize {
  return csrHeader(matVecMulSparse(csr(rows, start, col, val), v, vLen));
}
export function m_vec_mul(a: usize, b: usize, n: i32, out: usize): void { vecMul(a, b, n, out); }
export function m_mat_ema_sparse(rowsA: i32, sa: usize, ca: usize, va: usize, rowsB: i32, sb: usize, cb: usize, vb: usize, alpha: i64): usize {
  return csrHeader(matEmaSparse(csr(rowsA, sa, ca, va), csr(rowsB, sb, cb, vb), alpha));
}
export function m_mat_ema_alpha_sparse(rowsA: i32, sa: usize, ca: usize, va: usize, rowsB: i32, sb: usize, cb: usize, vb: usize, alpha: usize, alphaRows: i32, alphaCols: i32): usize {
  return csrHeader(matEmaAlphaSparse(csr(rowsA, sa, ca, va), csr(rowsB, sb, cb, vb), alpha, alphaRows, alphaCols));
}
export function m_vec_max_upscale_to_u16(v: usize, n: i32, out: usize): void { vecMaxUpscaleToU16(v, n, out); }
export function m_vec_u16_max_upscale_to_u16(v: usize, n: i32, out: usize): void {
  const f = alloc(sz(n) << 3);
  for (let i = 0; i < n; i++) setI64(f, i, <i64>load<u16>(v + (<usize>i << 1)) << 32);
  vecMaxUpscaleToU16(f, n, out);
}
// keep the I32F32 one and the saturating multiply reachable for hosts that build on them
export function m_sat_mul(a: i64, b: i64): i64 { return satMul(a, b); }
export const FIXED_ONE: i64 = ONE;
// the dense helpers and the remaining sparse masks
export * from "./dense";
