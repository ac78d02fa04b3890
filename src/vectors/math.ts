// yuma-math-vector/1: each case names a math.rs helper (`function`) and carries its inputs next
// to the chain's results. The runner recomputes those result fields with the wasm core and returns
// them under the same names, so a case passes when every field it lists is equal.

import type { Taomath } from "../core/taomath.js";
import { TaomathError, quote } from "../core/errors.js";

type Json = Record<string, any>;
const bits = (v: Json): bigint => BigInt(v.bits);
const vbits = (v: Json): bigint[] => (v.bits as string[]).map((x) => BigInt(x));
const enc = (b: bigint) => ({ bits: b.toString(), float: Number(b) / 2 ** 32 });
const encVec = (v: bigint[]) => ({ bits: v.map(String), float: v.map((b) => Number(b) / 2 ** 32) });
const rows = (m: Array<Array<[number, string]>>) => m.map((r) => r.map(([j, b]) => [j, BigInt(b)] as [number, bigint]));
const encRows = (m: Array<Array<[number, bigint]>>) => m.map((r) => r.map(([j, b]) => [j, b.toString()]));
const dense = (m: string[][]) => m.map((r) => r.map((x) => BigInt(x)));
const encDense = (m: bigint[][]) => m.map((r) => r.map(String));
/** Sparse rows laid out as a rows x cols dense matrix (later duplicates overwrite, columns past cols dropped). */
function densify(m: Array<Array<[number, bigint]>>, cols: number): bigint[][] {
  return m.map((r) => {
    const row = new Array<bigint>(cols).fill(0n);
    for (const [j, v] of r) if (j < cols) row[j] = v;
    return row;
  });
}

/** Computes the result fields of one math case. */
export function mathCase(tm: Taomath, c: Json): Json {
  const m = tm.math;
  const fn: string = c.function;
  if (fn === "weighted_median") {
    return { result: enc(m.weightedMedian(vbits(c.stake), vbits(c.score), c.partition_idx, bits(c.minority), bits(c.partition_lo), bits(c.partition_hi))) };
  }
  if (fn === "weighted_median_col_sparse") {
    const r = m.weightedMedianColSparse(vbits(c.stake), rows(c.score), c.columns, bits(c.majority));
    const out: Json = { result: encVec(r) };
    if ("dense_weighted_median_col_result" in c) {
      out.dense_weighted_median_col_result = encVec(m.weightedMedianCol(vbits(c.stake), densify(rows(c.score), c.columns), bits(c.majority)));
    }
    return out;
  }
  if (fn === "inplace_normalize") return { output: encVec(m.normalize(vbits(c.input))) };
  if (fn === "inplace_normalize_using_sum") return { output: encVec(m.normalizeUsingSum(vbits(c.input), bits(c.sum))) };
  if (fn === "inplace_normalize_64 then vec_fixed64_to_fixed32") {
    const r = m.normalize64(vbits(c.input));
    return {
      normalized: { bits: r.normalized.map(String), float: r.normalized.map((b) => Number(b) / 2 ** 64) },
      as_i32f32: encVec(r.asI32F32),
    };
  }
  if (fn.startsWith("inplace_row_normalize_sparse")) {
    const input = rows(c.input);
    return {
      row_normalized: encRows(m.rowNormalizeSparse(input)),
      col_normalized: encRows(m.colNormalizeSparse(input, c.columns)),
      col_max_upscaled: encRows(m.colMaxUpscaleSparse(input, c.columns)),
    };
  }
  if (fn.startsWith("mat_ema_sparse")) {
    const out: Json = { result: encRows(m.matEmaSparse(rows(c.new), rows(c.old), bits(c.alpha))) };
    // the dense mat_ema on the inputs densified to n x n, n = rows of `new`
    const n = c.new.length;
    if ("dense_result" in c) out.dense_result = encDense(m.matEma(densify(rows(c.new), n), densify(rows(c.old), n), bits(c.alpha)));
    return out;
  }
  if (fn.startsWith("mat_ema_alpha_sparse")) {
    const out: Json = { result: encRows(m.matEmaAlphaSparse(rows(c.new), rows(c.old), dense(c.alpha))) };
    const n = c.new.length;
    if ("dense_result" in c) out.dense_result = encDense(m.matEmaAlpha(densify(rows(c.new), n), densify(rows(c.old), n), dense(c.alpha)));
    return out;
  }
  if (fn === "ema alpha from bonds_moving_average") {
    const bma = BigInt(c.bonds_moving_average);
    return {
      alpha_compute_ema_bonds_normal: enc(m.emaAlpha(bma, false)),
      alpha_compute_disabled_liquid_alpha: enc(m.emaAlpha(bma, true)),
    };
  }
  if (fn.startsWith("fixed_proportion_to_u16")) {
    const x = bits(c.x);
    return { fixed_proportion_to_u16: m.proportionToU16(x), fixed_to_u16: m.fixedToU16(x), fixed_to_u64: m.fixedToU64(x).toString() };
  }
  if (fn.startsWith("u16_proportion_to_fixed")) {
    const u: number = c.u;
    const p = m.u16ProportionToFixed(u);
    return {
      u16_proportion_to_fixed: enc(p),
      u16_to_fixed: enc(m.u16ToFixed(u)),
      "fixed_to_fixed_u16_proportion(u16_to_fixed(u))": enc(p),
      "roundtrip_fixed_proportion_to_u16(u16_proportion_to_fixed(u))": m.proportionToU16(p),
    };
  }
  if (fn.startsWith("vec_u16_max_upscale_to_u16")) {
    return { u16_upscaled: m.vecU16MaxUpscaleToU16(c.u16_input), fixed_upscaled: m.vecMaxUpscaleToU16(vbits(c.fixed_input)) };
  }
  if (fn.startsWith("emission")) {
    return { emission: m.emission(bits(c.x), BigInt(c.rao_emission)).toString(), fixed64_to_u64: m.fixed64ToU64(BigInt(c.i64f64)).toString() };
  }
  if (fn === "exp_safe") return { result: enc(m.expSafe(bits(c.x))) };
  if (fn === "sigmoid_safe") return { result: enc(m.sigmoidSafe(bits(c.input), bits(c.rho), bits(c.kappa))) };
  if (fn.startsWith("alpha_sigmoid")) {
    return { result: enc(m.alphaSigmoid(bits(c.consensus), bits(c.weight), bits(c.bond), bits(c.alpha_low), bits(c.alpha_high), c.alpha_sigmoid_steepness_i16)) };
  }
  if (fn === "is_topk_nonzero") return { result: m.isTopkNonzero(vbits(c.vector), c.k) };
  if (fn.startsWith("col_clip_sparse")) {
    const w = rows(c.weights);
    const stake = vbits(c.stake), consensus = vbits(c.consensus), ratio = bits(c.ratio);
    const clipped = m.colClipSparse(w, consensus);
    return {
      col_clip_sparse: encRows(clipped),
      "row_sum_sparse(clipped)": encVec(m.rowSumSparse(clipped)),
      "matmul_sparse(clipped, stake, columns)": encVec(m.matmulSparse(clipped, stake, c.columns)),
      "interpolate_sparse(weights, clipped, columns, ratio)": encRows(m.interpolateSparse(w, clipped, c.columns, ratio)),
      "row_hadamard_sparse(weights, stake)": encRows(m.rowHadamardSparse(w, stake)),
      "matmul_transpose_sparse(weights, consensus)": encVec(m.matmulTransposeSparse(w, consensus)),
      "mat_vec_mul_sparse(weights, consensus)": encRows(m.matVecMulSparse(w, consensus)),
      "vec_mul(stake, stake)": encVec(m.vecMul(stake, stake)),
    };
  }
  throw new TaomathError("unknown_schema", "function", `no math helper named ${quote(fn)}`);
}

export function runMathVector(tm: Taomath, file: Record<string, unknown>): unknown {
  const cases = file.cases as Json[];
  return { cases: cases.map((c, i) => ({ id: c.id ?? i, function: c.function, outputs: mathCase(tm, c) })) };
}
