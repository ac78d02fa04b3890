// subtensor's pallets/subtensor/src/tests/math.rs (@ 14bc6f9f), every test ported with its numbers,
// one `it` per upstream test under the upstream name. Inputs are built as upstream builds them
// (test/helpers/fixed.ts). Where upstream compares within an epsilon, the exact bits the chain
// computes (yuma.md §10.1 [ref]) are asserted as well; where no [ref] bits exist, the test name
// says that our exact value is only checked against the upstream epsilon.

import { describe, it, expect } from "vitest";
import { taomath } from "../src/index.js";
import {
  ONE, I32F32_MAX, I32F32_MIN, fixedF32, fixedF64, fixed64F64, fixedInt, vecToFixed, vecToMatFixed,
  vecToSparseMatFixed, vecWithin, matWithin, sparseWithin, rng, type SparseFixed,
} from "./helpers/fixed.js";

const m = taomath().math;
const U64_MAX = (1n << 64n) - 1n;
const I64_MAX = (1n << 63n) - 1n;
const int = (x: number | bigint) => fixedInt(x);
const ints = (v: number[]) => v.map(int);
const transpose = <T>(a: T[][]): T[][] => (a.length === 0 ? [] : a[0].map((_, j) => a.map((r) => r[j])));
/** Sparse rows from a dense matrix of bits, dropping zeros (the layout vec_to_sparse_mat_fixed gives). */
const sparseOf = (d: bigint[][]): SparseFixed => d.map((r) => r.flatMap((v, j) => (v > 0n ? [[j, v] as [number, bigint]] : [])));
const sparseRowsOf = (v: number[], rows: number, t = false) => vecToSparseMatFixed(v, rows, t);

describe("test helpers reproduce the upstream input construction (yuma.md §10.0)", () => {
  it("I32F32::from_num(f32) is the nearest value, ties to even, of the exact f32", () => {
    const pairs: Array<[number, bigint]> = [
      [0.1, 429496736n], [0.2, 858993472n], [0.3, 1288490240n], [0.4, 1717986944n], [0.51, 2190433280n],
      [0.49, 2104534016n], [0.24, 1030792128n], [0.26, 1116691456n], [0.76, 3264175104n], [1e-9, 4n],
      [1e-7, 429n], [0.9999999, 4294966784n],
    ];
    for (const [x, b] of pairs) expect(fixedF32(x), String(x)).toBe(b);
    expect(fixedF64(0.1)).toBe(429496730n);
  });
});

describe("tests/math.rs", () => {
  it("test_vec_max_upscale_to_u16", () => {
    const up = (v: bigint[]) => m.vecMaxUpscaleToU16(v);
    expect(up(vecToFixed([]))).toEqual([]);
    expect(up(vecToFixed([0]))).toEqual([0]);
    expect(up(vecToFixed([0, 0]))).toEqual([0, 0]);
    expect(up(vecToFixed([0, 1]))).toEqual([0, 65535]);
    expect(up(vecToFixed([0, 0.000000001]))).toEqual([0, 65535]);
    expect(up(vecToFixed([0, 0.000016, 1]))).toEqual([0, 1, 65535]);
    expect(up(vecToFixed([0.000000001, 0.000000001]))).toEqual([65535, 65535]);
    expect(up(vecToFixed([0.000001, 0.000006, 0.000007, 0.0001, 0.001, 0.01, 0.1, 0.2, 0.3, 0.4])))
      .toEqual([0, 1, 1, 16, 164, 1638, 16384, 32768, 49151, 65535]);
    expect(up([int(16384)])).toEqual([65535]);
    expect(up([int(32768)])).toEqual([65535]);
    expect(up([int(32769)])).toEqual([65535]);
    expect(up([int(65535)])).toEqual([65535]);
    expect(up([I32F32_MAX])).toEqual([65535]);
    expect(up(vecToFixed([0, 1, 65535]))).toEqual([0, 1, 65535]);
    expect(up(vecToFixed([0, 0.5, 1, 1.5, 2, 32768]))).toEqual([0, 1, 2, 3, 4, 65535]);
    expect(up(vecToFixed([0, 0.5, 1, 1.5, 2, 32768, 32769]))).toEqual([0, 1, 2, 3, 4, 65533, 65535]);
    expect(up([int(0), int(1), int(32768), int(32769), I32F32_MAX])).toEqual([0, 0, 1, 1, 65535]);
  });

  it("test_vec_u16_max_upscale_to_u16", () => {
    const up = (v: number[]) => m.vecU16MaxUpscaleToU16(v);
    for (const v of [[], [0], [0, 0], [65535], [65535, 65535], [0, 1, 2, 3, 4, 65533, 65535]]) expect(up(v)).toEqual(v);
    expect(up([1])).toEqual([65535]);
    expect(up([0, 1])).toEqual([0, 65535]);
    expect(up([65534])).toEqual([65535]);
    expect(up([0, 1, 65534])).toEqual([0, 1, 65535]);
  });

  it("test_check_vec_max_limited", () => {
    const M = 65535;
    expect(m.checkVecMaxLimited([], 0)).toBe(true);
    expect(m.checkVecMaxLimited([], M)).toBe(true);
    expect(m.checkVecMaxLimited([M], M)).toBe(true);
    expect(m.checkVecMaxLimited([M], M - 1)).toBe(false);
    expect(m.checkVecMaxLimited([M], 0)).toBe(false);
    expect(m.checkVecMaxLimited([0], M)).toBe(true);
    expect(m.checkVecMaxLimited([0, M], M)).toBe(true);
    expect(m.checkVecMaxLimited([0, M, M], Math.floor(M / 2))).toBe(false);
    expect(m.checkVecMaxLimited([0, M, M], Math.floor(M / 2) + 1)).toBe(true);
    expect(m.checkVecMaxLimited([0, M, M, M], Math.floor(M / 3) - 1)).toBe(false);
    expect(m.checkVecMaxLimited([0, M, M, M], Math.floor(M / 3))).toBe(true);
  });

  it("test_math_fixed_overflow", () => {
    // I96F32(I32F32::MAX) * I96F32(u64::MAX) is representable (it only saturates once taken to u64)
    expect(m.emission(I32F32_MAX, U64_MAX)).toBe(U64_MAX);
    // alpha = 1 - I64F64(900_000) / I64F64(1_000_000) is exactly I32F32::from_num(0.1)
    expect(m.emaAlpha(900_000n, false)).toBe(fixedF64(0.1));
    // a moving average of exactly 1 (MAX32 / MAX32) gives alpha 0
    expect(m.emaAlpha(1_000_000n, false)).toBe(0n);
  });

  it("test_math_u64_normalization", () => {
    const total = 21_000_000_000_000_000n;
    // I64F64(x) / I64F64(total) is the normalisation of [x, total - x], whose sum is total
    const frac = (x: bigint) => m.normalize64([x << 64n, (total - x) << 64n]);
    const min = frac(1n);
    expect(min.normalized[0]).toBe(fixed64F64(0.0000000000000000476));
    expect(min.asI32F32[0]).toBe(0n);
    const min32 = frac(4_889_444n);
    expect(min32.normalized[0]).toBe(fixed64F64(0.00000000023283066664));
    expect(min32.asI32F32[0]).toBe(fixedF64(0.0000000002));
    const half = frac(10_500_000_000_000_000n);
    expect(half.normalized[0]).toBe(fixed64F64(0.5));
    expect(half.asI32F32[0]).toBe(fixedF64(0.5));
    const one = m.normalize64([total << 64n]);
    expect(one.normalized[0]).toBe(1n << 64n);
    expect(one.asI32F32[0]).toBe(ONE);
  });

  it("test_math_to_num", () => {
    const u16max = new Array(1000).fill(int(65535)).map((x) => m.fixedToU16(x));
    expect(u16max).toEqual(new Array(1000).fill(65535));
    const res = m.fixedToU64(I32F32_MAX);
    expect(res).toBe((1n << 31n) - 1n);
    expect(new Array(1000).fill(I32F32_MAX).map((x) => m.fixedToU64(x))).toEqual(new Array(1000).fill(res));
    expect(new Array(1000).fill(0n).map((x) => m.fixedToU64(x))).toEqual(new Array(1000).fill(0n));
    // I96F32::from_num(u64::MAX).to_num::<u64>() = u64::MAX (here: 1.0 x u64::MAX in I96F32)
    expect(new Array(1000).fill(ONE).map((x) => m.emission(x, U64_MAX))).toEqual(new Array(1000).fill(U64_MAX));
  });

  it("test_math_vec_to_fixed", () => {
    expect(vecWithin(vecToFixed([0, 1, 2, 3]), [fixedF64(0), fixedF64(1), fixedF64(2), fixedF64(3)], 0n)).toBe(true);
  });

  it("test_math_vec_to_mat_fixed", () => {
    const target = [[0, 1, 2].map(fixedF64), [0, 10, 100].map(fixedF64)];
    expect(matWithin(vecToMatFixed([0, 1, 2, 0, 10, 100], 2), target, 0n)).toBe(true);
  });

  it("test_math_vec_to_sparse_mat_fixed", () => {
    const v = [0, 1, 2, 0, 10, 100];
    expect(sparseWithin(vecToSparseMatFixed(v, 2), [[[1, int(1)], [2, int(2)]], [[1, int(10)], [2, int(100)]]], 0n)).toBe(true);
    expect(sparseWithin(vecToSparseMatFixed([0, 0], 2), [[], []], 0n)).toBe(true);
    expect(sparseWithin(vecToSparseMatFixed(v, 2, true), [[], [[0, int(1)], [1, int(10)]], [[0, int(2)], [1, int(100)]]], 0n)).toBe(true);
    expect(sparseWithin(vecToSparseMatFixed([0, 0], 2, true), [[]], 0n)).toBe(true);
  });

  it("test_math_exp_safe", () => {
    // exp(0), exp(1), exp(±20) as substrate-fixed computes them (yuma.md §1.3 [ref])
    expect(m.expSafe(0n)).toBe(4294967296n);
    expect(m.expSafe(ONE)).toBe(11674931200n);
    const expMinus20 = 8n, exp20 = 2066907302758576256n;
    expect(m.expSafe(int(-20))).toBe(expMinus20);
    expect(m.expSafe(int(-21))).toBe(expMinus20);
    expect(m.expSafe(I32F32_MIN)).toBe(expMinus20);
    expect(m.expSafe(int(20))).toBe(exp20);
    expect(m.expSafe(int(21))).toBe(exp20);
    expect(m.expSafe(I32F32_MAX)).toBe(exp20);
  });

  it("test_math_sigmoid_safe", () => {
    const trust = [I32F32_MIN, int(0), fixedF64(0.4), fixedF64(0.5), fixedF64(0.6), int(1), I32F32_MAX];
    const sig = (rho: bigint, kappa: bigint, t = trust) => t.map((x) => m.sigmoidSafe(x, rho, kappa));
    expect(sig(I32F32_MAX, I32F32_MAX)).toEqual(vecToFixed([0.0000000019, 0.0000000019, 0.0000000019, 0.0000000019, 0.0000000019, 0.0000000019, 0.5]));
    expect(sig(I32F32_MAX, I32F32_MAX)).toEqual([8n, 8n, 8n, 8n, 8n, 8n, 2147483648n]);
    expect(sig(I32F32_MIN, I32F32_MIN)).toEqual(vecToFixed([0.5, 0.0000000019, 0.0000000019, 0.0000000019, 0.0000000019, 0.0000000019, 0.0000000019]));
    expect(sig(I32F32_MIN, I32F32_MIN)).toEqual([2147483648n, 8n, 8n, 8n, 8n, 8n, 8n]);
    const t30 = [0.0000000019, 0.0000003057, 0.0474258729, 0.5, 0.952574127, 0.9999996943, 0.9999999981].map(fixedF64);
    expect(sig(int(30), fixedF64(0.5))).toEqual(t30);
    expect(t30).toEqual([8n, 1313n, 203692573n, 2147483648n, 4091274722n, 4294965983n, 4294967288n]);
    const trust2 = vecToFixed([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    const t40 = [0.0000000019, 0.0000001125, 0.0000061442, 0.0003353502, 0.017986214, 0.5, 0.9820138067, 0.9996646498,
      0.9999938558, 0.9999998875, 0.9999999981].map(fixedF64);
    expect(sig(int(40), fixedF64(0.5), trust2)).toEqual(t40);
    expect(t40).toEqual([8n, 483n, 26389n, 1440318n, 77250201n, 2147483648n, 4217717184n, 4293526978n, 4294940907n, 4294966813n, 4294967288n]);
  });

  it("test_math_is_topk", () => {
    const F = false, T = true;
    expect(m.isTopk(vecToFixed([]), 5)).toEqual([]);
    const asc = vecToFixed([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(m.isTopk(asc, 0)).toEqual(new Array(10).fill(F));
    expect(m.isTopk(asc, 5)).toEqual([F, F, F, F, F, T, T, T, T, T]);
    expect(m.isTopk(asc, 10)).toEqual(new Array(10).fill(T));
    expect(m.isTopk(asc, 100)).toEqual(new Array(10).fill(T));
    expect(m.isTopk(vecToFixed([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]), 5)).toEqual([T, T, T, T, T, F, F, F, F, F]);
    expect(m.isTopk(vecToFixed([9, 0, 8, 1, 7, 2, 6, 3, 5, 4]), 5)).toEqual([T, F, T, F, T, F, T, F, T, F]);
    expect(m.isTopk(vecToFixed([0.9, 0, 0.8, 0.1, 0.7, 0.2, 0.6, 0.3, 0.5, 0.4]), 5)).toEqual([T, F, T, F, T, F, T, F, T, F]);
    expect(m.isTopk(vecToFixed([0, 1, 2, 3, 4, 5, 5, 5, 5, 6]), 5)).toEqual([F, F, F, F, F, T, T, T, T, T]);
  });

  it("test_math_sum", () => {
    expect(m.sum([])).toBe(0n);
    expect(m.sum([fixedF64(1), fixedF64(10), fixedF64(30)])).toBe(int(41));
    expect(m.sum([fixedF64(-1), fixedF64(10), fixedF64(30)])).toBe(int(39));
  });

  const eps4 = fixedF64(0.0001);
  const pos = [fixedF64(1), fixedF64(10), fixedF64(30)];
  const neg = [fixedF64(-1), fixedF64(10), fixedF64(30)];
  const posTarget = [0.0243902437, 0.243902439, 0.7317073171].map(fixedF64);
  const negTarget = [-0.0256410255, 0.2564102563, 0.769230769].map(fixedF64);
  const posBits = [104755299n, 1047552999n, 3142658997n];
  const negBits = [-110127366n, 1101273665n, 3303820996n];

  it("test_math_normalize (exact [ref] bits, and within the upstream 1e-4)", () => {
    expect(m.normalize([])).toEqual([]);
    const y = m.normalize(pos);
    expect(y).toEqual(posBits);
    expect(vecWithin(y, posTarget, eps4)).toBe(true);
    expect(vecWithin([m.sum(y)], [ONE], eps4)).toBe(true);
    const z = m.normalize(neg);
    expect(z).toEqual(negBits);
    expect(vecWithin(z, negTarget, eps4)).toBe(true);
    expect(vecWithin([m.sum(z)], [ONE], eps4)).toBe(true);
  });

  it("test_math_inplace_normalize (exact [ref] bits, and within the upstream 1e-4)", () => {
    const x1 = m.normalize(pos);
    expect(x1).toEqual(posBits);
    expect(vecWithin(x1, posTarget, eps4)).toBe(true);
    const x2 = m.normalize(neg);
    expect(x2).toEqual(negBits);
    expect(vecWithin(x2, negTarget, eps4)).toBe(true);
  });

  it("test_math_inplace_normalize_64 (positive case exact [ref] bits; the negative case has no [ref] and is checked within the upstream 1e-4 only)", () => {
    const eps = fixed64F64(0.0001);
    const x1 = m.normalize64([1, 10, 30].map((x) => fixed64F64(x))).normalized;
    expect(x1).toEqual([449920587163647600n, 4499205871636476003n, 13497617614909428011n]);
    expect(vecWithin(x1, [0.0243902437, 0.243902439, 0.7317073171].map(fixed64F64), eps)).toBe(true);
    const x2 = m.normalize64([-1, 10, 30].map((x) => fixed64F64(x))).normalized;
    expect(vecWithin(x2, [-0.0256410255, 0.2564102563, 0.769230769].map(fixed64F64), eps)).toBe(true);
  });

  it("test_math_vecdiv", () => {
    expect(m.vecdiv(vecToFixed([]), vecToFixed([]))).toEqual([]);
    expect(m.vecdiv(vecToFixed([0, 1, 0, 1]), vecToFixed([0, 1, 1, 0]))).toEqual(vecToFixed([0, 1, 0, 0]));
    // fixed(1) / fixed(2), fixed(1) / fixed(3): truncating I32F32 division
    expect(m.vecdiv(vecToFixed([1, 1, 10]), vecToFixed([2, 3, 2]))).toEqual([(ONE << 32n) / (2n * ONE), (ONE << 32n) / (3n * ONE), fixedF32(5)]);
  });

  const rowInput = [0, 1, 2, 3, 4, 0, 10, 100, 1000, 10000, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1];
  const rowTarget = [0, 0.1, 0.2, 0.3, 0.4, 0, 0.0009, 0.009, 0.09, 0.9, 0, 0, 0, 0, 0, 0.2, 0.2, 0.2, 0.2, 0.2];
  const rowRef = [
    [0n, 429496729n, 858993459n, 1288490188n, 1717986918n],
    [0n, 3865857n, 38658571n, 386585715n, 3865857152n],
    [0n, 0n, 0n, 0n, 0n],
    [858993459n, 858993459n, 858993459n, 858993459n, 858993459n],
  ];

  it("test_math_inplace_row_normalize (exact [ref] bits, and within the upstream 1e-4)", () => {
    const r = m.rowNormalize(vecToMatFixed(rowInput, 4));
    expect(r).toEqual(rowRef);
    expect(matWithin(r, vecToMatFixed(rowTarget, 4), eps4)).toBe(true);
  });

  const sparseInput = [
    0, 1, 0, 2, 0, 3, 4, 0, 1, 0, 2, 0, 3, 0, 1, 0, 0, 2, 0, 3, 4, 0, 10, 0, 100, 1000, 0, 10000, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1,
  ];
  const sparseTarget = [
    0, 0.1, 0, 0.2, 0, 0.3, 0.4, 0, 0.166666, 0, 0.333333, 0, 0.5, 0, 0.1, 0, 0, 0.2, 0, 0.3, 0.4, 0, 0.0009, 0, 0.009,
    0.09, 0, 0.9, 0, 0, 0, 0, 0, 0, 0, 0.142857, 0.142857, 0.142857, 0.142857, 0.142857, 0.142857, 0.142857,
  ];
  const sparseRowRef: SparseFixed = [
    [[1, 429496729n], [3, 858993459n], [5, 1288490188n], [6, 1717986918n]],
    [[1, 715827882n], [3, 1431655765n], [5, 2147483648n]],
    [[0, 429496729n], [3, 858993459n], [5, 1288490188n], [6, 1717986918n]],
    [[1, 3865857n], [3, 38658571n], [4, 386585715n], [6, 3865857152n]],
    [],
    [0, 1, 2, 3, 4, 5, 6].map((j) => [j, 613566756n] as [number, bigint]),
  ];
  const zeros12 = new Array(12).fill(0);

  it("test_math_inplace_row_normalize_sparse (exact [ref] bits, and within the upstream 1e-4)", () => {
    const r = m.rowNormalizeSparse(sparseRowsOf(sparseInput, 6));
    expect(r).toEqual(sparseRowRef);
    expect(sparseWithin(r, sparseRowsOf(sparseTarget, 6), eps4)).toBe(true);
    expect(sparseWithin(m.rowNormalizeSparse(sparseRowsOf(zeros12, 3)), sparseRowsOf(zeros12, 3), 0n)).toBe(true);
  });

  it("test_math_inplace_col_normalize (exact [ref] bits, and within the upstream 1e-4)", () => {
    const r = m.colNormalize(vecToMatFixed(rowInput, 4, true));
    expect(r).toEqual(transpose(rowRef));
    expect(matWithin(r, vecToMatFixed(rowTarget, 4, true), eps4)).toBe(true);
  });

  /** The [ref] rows of the 6 x 7 input, transposed into the 7 x 6 column form. */
  function transposeSparse(a: SparseFixed, cols: number): SparseFixed {
    const out: SparseFixed = Array.from({ length: cols }, () => []);
    a.forEach((row, i) => row.forEach(([j, v]) => out[j].push([i, v])));
    return out;
  }

  it("test_math_inplace_col_normalize_sparse (exact [ref] bits, and within the upstream 1e-4)", () => {
    const r = m.colNormalizeSparse(sparseRowsOf(sparseInput, 6, true), 6);
    expect(r).toEqual(transposeSparse(sparseRowRef, 7));
    expect(sparseWithin(r, sparseRowsOf(sparseTarget, 6, true), eps4)).toBe(true);
    expect(sparseWithin(m.colNormalizeSparse(sparseRowsOf(zeros12, 3), 6), sparseRowsOf(zeros12, 3), 0n)).toBe(true);
    expect(m.colNormalizeSparse([], 0)).toEqual([]);
  });

  it("test_math_inplace_col_max_upscale (exact [ref] bits, and within the upstream 1e-4)", () => {
    expect(m.colMaxUpscale([[]])).toEqual([[]]);
    expect(m.colMaxUpscale([[int(0)]])).toEqual([[int(0)]]);
    const r = m.colMaxUpscale(vecToMatFixed(rowInput, 4, true));
    const ref = [
      [0n, 1073741824n, 2147483648n, 3221225472n, 4294967296n],
      [0n, 4294967n, 42949672n, 429496729n, 4294967296n],
      [0n, 0n, 0n, 0n, 0n],
      [4294967296n, 4294967296n, 4294967296n, 4294967296n, 4294967296n],
    ];
    expect(r).toEqual(transpose(ref));
    const target = [0, 0.25, 0.5, 0.75, 1, 0, 0.001, 0.01, 0.1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1];
    expect(matWithin(r, vecToMatFixed(target, 4, true), eps4)).toBe(true);
  });

  it("test_math_inplace_col_max_upscale_sparse (exact [ref] bits, and within the upstream 1e-4)", () => {
    expect(m.colMaxUpscaleSparse([[]], 0)).toEqual([[]]);
    expect(m.colMaxUpscaleSparse([[[0, int(0)]]], 1)).toEqual([[[0, int(0)]]]);
    const r = m.colMaxUpscaleSparse(sparseRowsOf(sparseInput, 6, true), 6);
    const H = 4294967296n;
    expect(r).toEqual([
      [[2, 1073741824n], [5, H]],
      [[0, 1073741824n], [1, 1431655765n], [3, 4294967n], [5, H]],
      [[5, H]],
      [[0, 2147483648n], [1, 2863311530n], [2, 2147483648n], [3, 42949672n], [5, H]],
      [[3, 429496729n], [5, H]],
      [[0, 3221225472n], [1, H], [2, 3221225472n], [5, H]],
      [[0, H], [2, H], [3, H], [5, H]],
    ]);
    const target = [
      0, 0.25, 0, 0.5, 0, 0.75, 1, 0, 0.333333, 0, 0.666666, 0, 1, 0, 0.25, 0, 0, 0.5, 0, 0.75, 1, 0, 0.001, 0, 0.01, 0.1,
      0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1,
    ];
    expect(sparseWithin(r, sparseRowsOf(target, 6, true), eps4)).toBe(true);
    expect(sparseWithin(m.colMaxUpscaleSparse(sparseRowsOf(zeros12, 3), 6), sparseRowsOf(zeros12, 3), 0n)).toBe(true);
    expect(m.colMaxUpscaleSparse([], 0)).toEqual([]);
  });

  it("test_math_inplace_mask_vector", () => {
    const v = vecToFixed([0, 1, 2]);
    expect(m.maskVector([false, false, false], v)).toEqual(vecToFixed([0, 1, 2]));
    expect(m.maskVector([false, true, false], v)).toEqual(vecToFixed([0, 0, 2]));
    expect(m.maskVector([true, true, true], v)).toEqual(vecToFixed([0, 0, 0]));
  });

  it("test_math_inplace_mask_matrix", () => {
    const v = [0, 1, 2, 3, 4, 5, 6, 7, 8];
    const F = false, T = true;
    expect(m.maskMatrix([[F, F, F], [F, F, F], [F, F, F]], vecToMatFixed(v, 3))).toEqual(vecToMatFixed(v, 3));
    expect(m.maskMatrix([[T, F, F], [F, T, F], [F, F, T]], vecToMatFixed(v, 3))).toEqual(vecToMatFixed([0, 1, 2, 3, 0, 5, 6, 7, 0], 3));
    expect(m.maskMatrix([[T, T, T], [T, T, T], [T, T, T]], vecToMatFixed(v, 3))).toEqual(vecToMatFixed(new Array(9).fill(0), 3));
  });

  it("test_math_inplace_mask_rows", () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(m.maskRows([false, false, false], vecToMatFixed(input, 3))).toEqual(vecToMatFixed(input, 3));
    expect(m.maskRows([true, true, true], vecToMatFixed(input, 3))).toEqual(vecToMatFixed(new Array(9).fill(0), 3));
    expect(m.maskRows([true, false, true], vecToMatFixed(input, 3))).toEqual(vecToMatFixed([0, 0, 0, 4, 5, 6, 0, 0, 0], 3));
    expect(m.maskRows([false, false, false], vecToMatFixed(new Array(9).fill(0), 3))).toEqual(vecToMatFixed(new Array(9).fill(0), 3));
  });

  it("test_math_inplace_mask_diag", () => {
    expect(m.maskDiag(vecToMatFixed([1, 2, 3, 4, 5, 6, 7, 8, 9], 3))).toEqual(vecToMatFixed([0, 2, 3, 4, 0, 6, 7, 8, 0], 3));
  });

  it("test_math_inplace_mask_diag_except_index", () => {
    const v = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    for (let i = 0; i < 3; i++) {
      const target = [0, 2, 3, 4, 0, 6, 7, 8, 0];
      target[i * 3 + i] = v[i * 3 + i];
      expect(m.maskDiagExceptIndex(vecToMatFixed(v, 3), i)).toEqual(vecToMatFixed(target, 3));
    }
  });

  it("test_math_mask_rows_sparse", () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const mat = sparseRowsOf(input, 3);
    expect(m.maskRowsSparse([false, false, false], mat)).toEqual(sparseRowsOf(input, 3));
    expect(m.maskRowsSparse([true, true, true], mat)).toEqual(sparseRowsOf(new Array(9).fill(0), 3));
    expect(m.maskRowsSparse([true, false, true], mat)).toEqual(sparseRowsOf([0, 0, 0, 4, 5, 6, 0, 0, 0], 3));
    expect(m.maskRowsSparse([false, false, false], sparseRowsOf(new Array(9).fill(0), 3))).toEqual(sparseRowsOf(new Array(9).fill(0), 3));
  });

  it("test_math_mask_diag_sparse", () => {
    expect(m.maskDiagSparse(sparseRowsOf([1, 2, 3, 4, 5, 6, 7, 8, 9], 3))).toEqual(sparseRowsOf([0, 2, 3, 4, 0, 6, 7, 8, 0], 3));
    expect(m.maskDiagSparse(sparseRowsOf([1, 0, 0, 0, 5, 0, 0, 0, 9], 3))).toEqual(sparseRowsOf(new Array(9).fill(0), 3));
    expect(m.maskDiagSparse(sparseRowsOf(new Array(9).fill(0), 3))).toEqual(sparseRowsOf(new Array(9).fill(0), 3));
  });

  it("test_math_mask_diag_sparse_except_index", () => {
    for (const v of [[1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 0, 0, 0, 5, 0, 0, 0, 9], new Array(9).fill(0)]) {
      const mat = sparseRowsOf(v, 3);
      for (let i = 0; i < 3; i++) {
        const target = v.map((x, k) => (k % 4 === 0 ? 0 : x));
        target[i * 3 + i] = v[i * 3 + i];
        const r = m.maskDiagSparse(mat, i);
        expect(r.length).toBe(3);
        expect(r).toEqual(sparseRowsOf(target, 3));
      }
    }
  });

  it("test_math_vec_mask_sparse_matrix", () => {
    const v = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const first = [1n, 2n, 3n], second = [1n, 2n, 3n];
    expect(m.vecMaskSparseMatrix(sparseRowsOf(v, 3), first, second, "==")).toEqual(sparseRowsOf([0, 2, 3, 4, 0, 6, 7, 8, 0], 3));
    expect(m.vecMaskSparseMatrix(sparseRowsOf(v, 3), first, second, "<")).toEqual(sparseRowsOf([1, 0, 0, 4, 5, 0, 7, 8, 9], 3));
    expect(m.vecMaskSparseMatrix(sparseRowsOf(new Array(9).fill(0), 3), first, second, "==")).toEqual(sparseRowsOf(new Array(9).fill(0), 3));
  });

  const M12 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

  it("test_math_vec_mul", () => {
    const v = vecToFixed([1, 2, 3, 4]);
    expect(m.vecMul(v, v)).toEqual(vecToFixed([1, 4, 9, 16]));
    expect(m.vecMul(vecToFixed([]), v)).toEqual([]);
    expect(m.vecMul(vecToFixed(new Array(8).fill(0)), v)).toEqual(new Array(4).fill(0n));
  });

  it("test_math_mat_vec_mul", () => {
    const mat = vecToMatFixed(M12, 4);
    expect(m.matVecMul(mat, vecToFixed([1, 2, 3]))).toEqual(vecToMatFixed([1, 4, 9, 4, 10, 18, 7, 16, 27, 10, 22, 36], 4));
    expect(m.matVecMul(mat, vecToFixed([1, 0, 0]))).toEqual(vecToMatFixed([1, 0, 0, 4, 0, 0, 7, 0, 0, 10, 0, 0], 4));
    expect(m.matVecMul(mat, vecToFixed([]))).toEqual([[], [], [], []]);
  });

  it("test_math_mat_vec_mul_sparse", () => {
    const mat = sparseRowsOf(M12, 4);
    expect(m.matVecMulSparse(mat, vecToFixed([1, 2, 3]))).toEqual(sparseRowsOf([1, 4, 9, 4, 10, 18, 7, 16, 27, 10, 22, 36], 4));
    expect(m.matVecMulSparse(mat, vecToFixed([1, 0, 0]))).toEqual(sparseRowsOf([1, 0, 0, 4, 0, 0, 7, 0, 0, 10, 0, 0], 4));
    expect(m.matVecMulSparse(mat, vecToFixed([]))).toEqual([[], [], [], []]);
  });

  it("test_math_row_hadamard", () => {
    expect(m.rowHadamard(vecToMatFixed(M12, 4), vecToFixed([1, 2, 3, 4]))).toEqual(vecToMatFixed([1, 2, 3, 8, 10, 12, 21, 24, 27, 40, 44, 48], 4));
  });

  it("test_math_row_hadamard_sparse", () => {
    const v = vecToFixed([1, 2, 3, 4]);
    expect(m.rowHadamardSparse(sparseRowsOf(M12, 4), v)).toEqual(sparseRowsOf([1, 2, 3, 8, 10, 12, 21, 24, 27, 40, 44, 48], 4));
    expect(m.rowHadamardSparse(sparseRowsOf([0, 2, 3, 4, 0, 6, 7, 8, 0, 10, 11, 12], 4), v))
      .toEqual(sparseRowsOf([0, 2, 3, 8, 0, 12, 21, 24, 0, 40, 44, 48], 4));
    expect(m.rowHadamardSparse(sparseRowsOf(zeros12, 4), v)).toEqual(sparseRowsOf(zeros12, 4));
  });

  it("test_math_row_sum", () => {
    expect(m.rowSum(vecToMatFixed(M12, 4))).toEqual(vecToFixed([6, 15, 24, 33]));
  });

  it("test_math_row_sum_sparse", () => {
    expect(m.rowSumSparse(sparseRowsOf(M12, 4))).toEqual(vecToFixed([6, 15, 24, 33]));
    expect(m.rowSumSparse(sparseRowsOf([0, 2, 3, 4, 0, 6, 7, 8, 0, 10, 11, 12], 4))).toEqual(vecToFixed([5, 10, 15, 33]));
    expect(m.rowSumSparse(sparseRowsOf([1, 2, 3, 0, 0, 0, 7, 8, 9, 10, 11, 12], 4))).toEqual(vecToFixed([6, 0, 24, 33]));
    expect(m.rowSumSparse(sparseRowsOf(zeros12, 4))).toEqual(vecToFixed([0, 0, 0, 0]));
  });

  it("test_math_matmul", () => {
    expect(m.matmul(vecToMatFixed(M12, 4), vecToFixed([1, 2, 3, 4]))).toEqual(vecToFixed([70, 80, 90]));
  });

  it("test_math_matmul_transpose", () => {
    expect(m.matmulTranspose(vecToMatFixed(M12, 4), vecToFixed([1, 2, 3]))).toEqual(vecToFixed([14, 32, 50, 68]));
  });

  it("test_math_sparse_matmul", () => {
    const v = vecToFixed([1, 2, 3, 4]);
    expect(m.matmulSparse(sparseRowsOf(M12, 4), v, 3)).toEqual(vecToFixed([70, 80, 90]));
    expect(m.matmulSparse(sparseRowsOf([0, 2, 3, 4, 0, 6, 7, 8, 0, 10, 11, 12], 4), v, 3)).toEqual(vecToFixed([69, 70, 63]));
    expect(m.matmulSparse(sparseRowsOf(zeros12, 4), v, 3)).toEqual(vecToFixed([0, 0, 0]));
  });

  it("test_math_sparse_matmul_transpose", () => {
    const v = vecToFixed([1, 2, 3]);
    expect(m.matmulTransposeSparse(sparseRowsOf(M12, 4), v)).toEqual(vecToFixed([14, 32, 50, 68]));
    expect(m.matmulTransposeSparse(sparseRowsOf([0, 2, 3, 4, 0, 6, 7, 8, 0, 10, 11, 12], 4), v)).toEqual(vecToFixed([13, 22, 23, 68]));
    expect(m.matmulTransposeSparse(sparseRowsOf(zeros12, 4), v)).toEqual(vecToFixed([0, 0, 0, 0]));
  });

  it("test_math_inplace_col_clip", () => {
    const r = m.colClip(vecToMatFixed([0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 4), vecToFixed([0, 5, 12]));
    expect(r).toEqual(vecToMatFixed([0, 2, 3, 0, 5, 6, 0, 5, 9, 0, 5, 12], 4));
  });

  it("test_math_col_clip_sparse", () => {
    const t = vecToFixed([0, 5, 12]);
    expect(m.colClipSparse(sparseRowsOf([0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 4), t)).toEqual(sparseRowsOf([0, 2, 3, 0, 5, 6, 0, 5, 9, 0, 5, 12], 4));
    expect(m.colClipSparse(sparseRowsOf([0, 2, 3, 4, 5, 6, 0, 0, 0, 10, 11, 12], 4), t)).toEqual(sparseRowsOf([0, 2, 3, 0, 5, 6, 0, 0, 0, 0, 5, 12], 4));
    expect(m.colClipSparse(sparseRowsOf(zeros12, 4), t)).toEqual(sparseRowsOf(zeros12, 4));
  });

  it("test_math_weighted_median (fixed cases, and the randomised property with a seeded generator)", () => {
    const zero = 0n, one = fixedF32(1);
    const majority = fixedF32(0.51);
    const wm = (stake: bigint[], score: bigint[]) =>
      m.weightedMedian(stake, score, stake.map((_, i) => i), one - majority, zero, stake.reduce((a, b) => a + b, 0n));
    expect(wm([], [])).toBe(zero);
    expect(wm(m.normalize(vecToFixed([0.51])), vecToFixed([1]))).toBe(one);
    expect(wm(vecToFixed([0.49, 0.51]), vecToFixed([0.5, 1]))).toBe(one);
    expect(wm(vecToFixed([0.51, 0.49]), vecToFixed([0.5, 1]))).toBe(fixedF32(0.5));
    expect(wm(vecToFixed([0.49, 0, 0.51]), vecToFixed([0.5, 0.7, 1]))).toBe(one);
    expect(wm(vecToFixed([0.49, 0.01, 0.5]), vecToFixed([0.5, 0.7, 1]))).toBe(fixedF32(0.7));
    expect(wm(vecToFixed([0.49, 0.51, 0]), vecToFixed([0.5, 0.7, 1]))).toBe(fixedF32(0.7));
    expect(wm(vecToFixed([0, 0.49, 0.51]), vecToFixed([0.5, 0.7, 1]))).toBe(one);
    expect(wm(vecToFixed([0, 0.49, 0, 0.51]), vecToFixed([0.5, 0.5, 1, 1]))).toBe(one);
    expect(wm(vecToFixed([0, 0.49, 0, 0.51, 0]), vecToFixed([0.5, 0.5, 1, 1, 0.5]))).toBe(one);
    expect(wm(vecToFixed([0.2, 0.2, 0.2, 0.2, 0.2]), vecToFixed([0.8, 0.2, 1, 0.6, 0.4]))).toBe(fixedF32(0.6));
    expect(wm(vecToFixed(new Array(10).fill(0.1)), vecToFixed([0.8, 0.8, 0.2, 0.2, 1.0, 1.0, 0.6, 0.6, 0.4, 0.4]))).toBe(fixedF32(0.6));

    // The property: the result is one of the scores where the cumulative stake crosses the
    // minority, whatever the order of the inputs (upstream repeats this 100 times with a fresh
    // random generator; here 10 rounds from a fixed seed).
    const rand = rng(20251124);
    const n = 100;
    for (let round = 0; round < 10; round++) {
      for (const maj of vecToFixed([0, 0.0000001, 0.25, 0.49, 0.49, 0.49, 0.5, 0.51, 0.51, 0.51, 0.9999999, 1])) {
        for (const allowEqual of [false, true]) {
          let stake: bigint[] = [], score: bigint[] = [];
          let last = zero;
          for (let i = 0; i < n; i++) {
            if (allowEqual) {
              stake.push(rand() < 0.5 ? one : zero);
              if (rand() < 0.5) last += one;
              score.push(last);
            } else {
              stake.push(one);
              score.push(int(i));
            }
          }
          stake = m.normalize(stake);
          const total = stake.reduce((a, b) => a + b, 0n);
          let minority = total - maj;
          if (minority < zero) minority = zero;
          const medians: bigint[] = [];
          let medianStake = zero, medianSet = false, sum = zero;
          for (let i = 0; i < n; i++) {
            sum += stake[i];
            if (!medianSet && sum >= minority) { medianStake = sum; medianSet = true; }
            if (medianSet) {
              if (medianStake < sum) {
                if (medianStake === minority && !medians.includes(score[i])) medians.push(score[i]);
                break;
              }
              if (!medians.includes(score[i])) medians.push(score[i]);
            }
          }
          if (medians.length === 0) medians.push(zero);
          const idx = stake.map((_, i) => i);
          expect(medians).toContain(m.weightedMedian(stake, score, idx, minority, zero, total));
          for (let p = 0; p < 10; p++) {
            const perm = idx.slice();
            for (let i = perm.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [perm[i], perm[j]] = [perm[j], perm[i]]; }
            stake = perm.map((i) => stake[i]);
            score = perm.map((i) => score[i]);
            expect(medians).toContain(m.weightedMedian(stake, score, idx, minority, zero, total));
          }
        }
      }
    }
  });

  const medW1 = [0, 0.1, 0, 0, 0.2, 0.4, 0, 0.3, 0.1, 0, 0.4, 0.5];
  const medW2 = [0, 0.1, 0, 0, 0.2, 0.4, 0, 0.3, 0.1, 0, 0, 0.5];

  it("test_math_weighted_median_col", () => {
    expect(m.weightedMedianCol(vecToFixed([]), [[]], fixedF32(0.5))).toEqual([]);
    expect(m.weightedMedianCol(vecToFixed([0, 0]), vecToMatFixed([0, 0, 0, 0], 2), fixedF32(0.5))).toEqual(vecToFixed([0, 0]));
    const stake = vecToFixed([0, 0.75, 0.25, 0]);
    const w = vecToMatFixed(medW1, 4);
    expect(m.weightedMedianCol(stake, w, fixedF32(0.24))).toEqual(vecToFixed([0, 0.3, 0.4]));
    expect(m.weightedMedianCol(stake, w, fixedF32(0.26))).toEqual(vecToFixed([0, 0.2, 0.4]));
    expect(m.weightedMedianCol(stake, w, fixedF32(0.76))).toEqual(vecToFixed([0, 0.2, 0.1]));
    expect(m.weightedMedianCol(vecToFixed([0, 0.3, 0.2, 0.5]), vecToMatFixed(medW2, 4), fixedF32(0.51))).toEqual(vecToFixed([0, 0, 0.4]));
  });

  it("test_math_weighted_median_col_sparse", () => {
    expect(m.weightedMedianColSparse(vecToFixed([]), [[]], 0, fixedF32(0.5))).toEqual([]);
    expect(m.weightedMedianColSparse(vecToFixed([0, 0]), sparseRowsOf([0, 0, 0, 0], 2), 2, fixedF32(0.5))).toEqual(vecToFixed([0, 0]));
    const stake = vecToFixed([0, 0.75, 0.25, 0]);
    const w = sparseRowsOf(medW1, 4);
    expect(m.weightedMedianColSparse(stake, w, 3, fixedF32(0.24))).toEqual(vecToFixed([0, 0.3, 0.4]));
    expect(m.weightedMedianColSparse(stake, w, 3, fixedF32(0.26))).toEqual(vecToFixed([0, 0.2, 0.4]));
    expect(m.weightedMedianColSparse(stake, w, 3, fixedF32(0.76))).toEqual(vecToFixed([0, 0.2, 0.1]));
    expect(m.weightedMedianColSparse(vecToFixed([0, 0.3, 0.2, 0.5]), sparseRowsOf(medW2, 4), 3, fixedF32(0.51))).toEqual(vecToFixed([0, 0, 0.4]));
  });

  const ones12 = new Array(12).fill(1);
  const interpolationRatios: Array<[bigint, number]> = [
    [fixedF64(0.000000001), 0.000000001], [fixedF64(0.5), 0.5], [fixedF64(0.9999998808), 0.999_999_9], [int(1), 1],
  ];

  it("test_math_interpolate (ratio 0.9: exact [ref] bits, and within the upstream 1e-4)", () => {
    expect(m.interpolate([[]], [[]], int(0))).toEqual([[]]);
    expect(m.interpolate([[int(0)]], [[int(1)]], int(0))).toEqual([[int(0)]]);
    expect(m.interpolate([[int(0)]], [[int(1)]], int(1))).toEqual([[int(1)]]);
    const z = vecToMatFixed(zeros12, 4);
    expect(m.interpolate(z, z, int(0))).toEqual(z);
    expect(m.interpolate(z, z, int(1))).toEqual(z);
    const a = vecToMatFixed([1, 10, 100, 1000, 10000, 100000], 3);
    const b = vecToMatFixed([10, 100, 1000, 10000, 100000, 1000000], 3);
    expect(m.interpolate(a, b, int(0))).toEqual(a);
    const r = m.interpolate(a, b, fixedF64(0.9));
    expect(r).toEqual([[39084202390n, 390842023900n], [3908420239000n, 39084202390000n], [390842023900000n, 3908420239000000n]]);
    expect(matWithin(r, vecToMatFixed([9.1, 91, 910, 9100, 91000, 910000], 3), eps4)).toBe(true);
    const o = vecToMatFixed(ones12, 4);
    expect(m.interpolate(z, o, int(0))).toEqual(z);
    for (const [ratio, t] of interpolationRatios) expect(m.interpolate(z, o, ratio)).toEqual(vecToMatFixed(new Array(12).fill(t), 4));
  });

  it("test_math_interpolate_sparse (ratio 0.9: exact [ref] bits, and within the upstream 1e-4)", () => {
    expect(m.interpolateSparse([[]], [[]], 0, int(0))).toEqual([[]]);
    const a1 = sparseRowsOf([0], 1), b1 = sparseRowsOf([1], 1);
    expect(m.interpolateSparse(a1, b1, 1, int(0))).toEqual(sparseRowsOf([0], 1));
    expect(m.interpolateSparse(a1, b1, 1, fixedF64(0.5))).toEqual(sparseRowsOf([0.5], 1));
    expect(m.interpolateSparse(a1, b1, 1, int(1))).toEqual(sparseRowsOf([1], 1));
    const z = sparseRowsOf(zeros12, 4);
    expect(m.interpolateSparse(z, z, 3, int(0))).toEqual(z);
    expect(m.interpolateSparse(z, z, 3, int(1))).toEqual(z);
    const a = sparseRowsOf([1, 0, 100, 1000, 10000, 100000], 3);
    const b = sparseRowsOf([10, 100, 1000, 10000, 100000, 0], 3);
    expect(m.interpolateSparse(a, b, 2, int(0))).toEqual(sparseRowsOf([1, 0, 100, 1000, 10000, 100000], 3));
    const r = m.interpolateSparse(a, b, 2, fixedF64(0.9));
    expect(r).toEqual([[[0, 39084202390n], [1, 386547056600n]], [[0, 3908420239000n], [1, 39084202390000n]], [[0, 390842023900000n], [1, 42949673000000n]]]);
    expect(sparseWithin(r, sparseRowsOf([9.1, 90, 910, 9100, 91000, 10000], 3), eps4)).toBe(true);
    const o = sparseRowsOf(ones12, 4);
    expect(m.interpolateSparse(z, o, 3, int(0))).toEqual(z);
    for (const [ratio, t] of interpolationRatios) expect(m.interpolateSparse(z, o, 3, ratio)).toEqual(sparseRowsOf(new Array(12).fill(t), 4));
  });

  const emaOld = [0.1, 0.2, 3, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.11, 0.12];
  const emaOld2 = [0.001, 0.002, 0.003, 0.004, 0.05, 0.006, 0.007, 0.008, 0.009, 0.01, 0.011, 0.012];
  const clampToOne = (d: bigint[][]) => d.map((r) => r.map((v) => (v > ONE ? ONE : v)));
  const emaRef01 = [[816043797n, 1632087595n, 4294967296n], [1872605762n, 2340757210n, 2808908644n], [3277060092n, 3745211525n, 4213362988n], [4294967296n, 4294967296n, 4294967296n]];

  it("test_math_mat_ema_alpha (alpha 0.1: exact [ref] bits; alpha 0 and 1 exactly old / new clamped to 1; all within the upstream 1e-4)", () => {
    const eps = fixedF64(1e-4);
    const r1 = m.matEmaAlpha(vecToMatFixed(M12, 4), vecToMatFixed(emaOld, 4), vecToMatFixed(new Array(12).fill(0.1), 4));
    expect(r1).toEqual(emaRef01);
    expect(matWithin(r1, vecToMatFixed([0.19, 0.38, 1, 0.436, 0.545, 0.6539, 0.763, 0.8719, 0.981, 1, 1, 1], 4), eps)).toBe(true);
    const t2 = vecToMatFixed([0.1, 0.2, 1, 0.0399, 0.05, 0.0599, 0.07, 0.07999, 0.09, 0.1, 0.10999, 0.11999], 4);
    const r2 = m.matEmaAlpha(vecToMatFixed(M12.map((x) => x * 10), 4), vecToMatFixed(emaOld, 4), vecToMatFixed(zeros12, 4));
    expect(r2).toEqual(clampToOne(vecToMatFixed(emaOld, 4)));
    expect(matWithin(r2, t2, eps)).toBe(true);
    const r3 = m.matEmaAlpha(vecToMatFixed(emaOld, 4), vecToMatFixed(emaOld2, 4), vecToMatFixed(ones12, 4));
    expect(r3).toEqual(clampToOne(vecToMatFixed(emaOld, 4)));
    expect(matWithin(r3, t2, eps)).toBe(true);
  });

  it("test_math_sparse_mat_ema_alpha (exact [ref] bits, and within the upstream 1e-4 / 1e-1)", () => {
    const eps = fixedF64(1e-4);
    const alphas = vecToMatFixed(new Array(12).fill(0.1), 4);
    const r1 = m.matEmaAlphaSparse(sparseRowsOf(M12, 4), sparseRowsOf(emaOld, 4), alphas);
    expect(r1).toEqual(sparseOf(emaRef01));
    expect(sparseWithin(r1, sparseRowsOf([0.19, 0.38, 1, 0.43599, 0.545, 0.65399, 0.763, 0.87199, 0.981, 1, 1, 1], 4), eps)).toBe(true);
    const r2 = m.matEmaAlphaSparse(sparseRowsOf(emaOld, 4), sparseRowsOf(emaOld2, 4), alphas);
    expect(r2).toEqual(sparseOf([[46815145n, 93630289n, 1300086619n], [32641751n, 214748367n, 48962626n], [57123065n, 65283503n, 73443940n], [81604378n, 89764815n, 97925254n]]));
    expect(sparseWithin(r2, sparseRowsOf([0.0109, 0.0218, 0.3027, 0.007599, 0.05, 0.01139, 0.0133, 0.01519, 0.017, 0.01899, 0.02089, 0.0227], 4), eps)).toBe(true);
    const r3 = m.matEmaAlphaSparse(sparseRowsOf(emaOld, 4), sparseRowsOf(zeros12, 4), alphas);
    expect(r3).toEqual(sparseOf([[42949674n, 85899348n, 1288490208n], [17179869n, 21474837n, 25769803n], [30064771n, 34359738n, 38654707n], [42949674n, 47244640n, 51539607n]]));
    expect(sparseWithin(r3, sparseRowsOf([0.01, 0.02, 0.3, 0.00399, 0.005, 0.00599, 0.007, 0.00799, 0.009, 0.01, 0.011, 0.01199], 4), eps)).toBe(true);
    const r4 = m.matEmaAlphaSparse(sparseRowsOf(zeros12, 4), sparseRowsOf(zeros12, 4), alphas);
    expect(r4).toEqual([[], [], [], []]);
    const old5 = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], new5 = [0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0];
    const r5 = m.matEmaAlphaSparse(sparseRowsOf(new5, 4), sparseRowsOf(old5, 4), alphas);
    expect(r5).toEqual([[], [[1, 858993472n]], [], []]);
    expect(sparseWithin(r5, sparseRowsOf([0, 0, 0, 0, 0.2, 0, 0, 0, 0, 0, 0, 0], 4), fixedF64(1e-1))).toBe(true);
  });

  it("test_math_matmul2 (exact, within the upstream 1e-4)", () => {
    const full = (v: bigint) => [v, v, v];
    const w1 = [full(int(1)), full(int(1)), full(int(1))];
    expect(m.matmul(w1, full(int(1)))).toEqual(full(int(3)));
    expect(m.matmul(w1, full(int(2)))).toEqual(full(int(6)));
    expect(m.matmul(w1, full(int(3)))).toEqual(full(int(9)));
    expect(m.matmul(w1, full(int(-1)))).toEqual(full(int(-3)));
    const w2 = [full(int(-1)), full(int(-1)), full(int(-1))];
    expect(m.matmul(w2, full(int(1)))).toEqual(full(int(-3)));
    expect(m.matmul(w2, full(int(2)))).toEqual(full(int(-6)));
    expect(m.matmul(w2, full(int(3)))).toEqual(full(int(-9)));
    expect(m.matmul(w2, full(int(-1)))).toEqual(full(int(3)));
    const w3 = [full(int(1)), full(int(2)), full(int(3))];
    expect(m.matmul(w3, full(int(0)))).toEqual(full(int(0)));
    expect(m.matmul(w3, full(int(2)))).toEqual(full(int(12)));
    const w4 = [ints([1, 2, 3]), ints([1, 2, 3]), ints([1, 2, 3])];
    expect(m.matmul(w4, full(int(0)))).toEqual(full(int(0)));
    expect(m.matmul(w4, full(int(2)))).toEqual(ints([6, 12, 18]));
  });

  it("test_math_fixed_to_u16", () => {
    for (const u of [0, 32767, 65535]) expect(m.fixedToU16(int(u))).toBe(u);
  });

  it("test_math_fixed_to_u16_panics (the input I32F32::from_num(u32::MAX) itself overflows)", () => {
    expect(() => fixedInt(4294967295)).toThrow(/overflow/);
  });

  it("test_math_fixed_to_u64", () => {
    expect(m.fixedToU64(int(0))).toBe(0n);
  });

  it("test_math_fixed_to_u64_saturates", () => {
    expect(m.fixedToU64(int(-1))).toBe(0n);
  });

  it("test_math_fixed64_to_u64", () => {
    expect(m.fixed64ToU64(0n)).toBe(0n);
    expect(m.fixed64ToU64((I64_MAX / 2n) << 64n)).toBe(I64_MAX / 2n);
    expect(m.fixed64ToU64(I64_MAX << 64n)).toBe(I64_MAX);
  });

  it("test_math_fixed64_to_u64_saturates", () => {
    expect(m.fixed64ToU64(-1n << 64n)).toBe(0n);
  });

  it("test_math_fixed64_to_fixed32", () => {
    expect(m.fixed64ToFixed32(0n)).toBe(0n);
    const half = BigInt(Math.floor(4294967295 / 2));
    expect(m.fixed64ToFixed32(half << 64n)).toBe(half << 32n);
  });

  it("test_math_fixed64_to_fixed32_saturates", () => {
    expect(m.fixed64ToFixed32(4294967295n << 64n)).toBe(I32F32_MAX);
  });

  it("test_math_u16_to_fixed", () => {
    for (const u of [0, 32767, 65535]) expect(m.u16ToFixed(u)).toBe(int(u));
  });

  it("test_math_u16_proportion_to_fixed", () => {
    expect(m.u16ProportionToFixed(0)).toBe(int(0));
  });

  it("test_fixed_proportion_to_u16", () => {
    expect(m.proportionToU16(int(0))).toBe(0);
  });

  it("test_fixed_proportion_to_u16_saturates", () => {
    expect(m.proportionToU16(int(65535))).toBe(65535);
  });

  it("test_vec_fixed64_to_fixed32", () => {
    const i32min = -(2n ** 31n), i32max = 2n ** 31n - 1n;
    expect([m.fixed64ToFixed32(i32min << 64n)]).toEqual([fixedInt(i32min)]);
    expect([m.fixed64ToFixed32(i32max << 64n)]).toEqual([fixedInt(i32max)]);
  });

  it("test_vec_fixed64_to_fixed32_saturates", () => {
    expect([m.fixed64ToFixed32(I64_MAX << 64n)]).toEqual([I32F32_MAX]);
  });

  it("test_checked_sum", () => {
    expect(m.checkedSumU64([1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n, 10n, U64_MAX])).toBe(null);
    expect(m.checkedSumU64([1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n, 10n])).toBe(55n);
    expect(m.checkedSumU64([])).toBe(0n);
    expect(m.checkedSumU64([1n])).toBe(1n);
  });

  const f = fixedF64;

  it("test_mat_ema_alpha_sparse_empty", () => {
    expect(m.matEmaAlphaSparse([], [], [])).toEqual([]);
  });

  it("test_mat_ema_alpha_sparse_single_element", () => {
    expect(m.matEmaAlphaSparse([[[0, f(1)]]], [[[0, f(2)]]], [[f(0.5)]])).toEqual([[[0, f(1)]]]);
  });

  const newRows: SparseFixed = [[[0, f(1)], [1, f(2)]], [[0, f(3)], [1, f(4)]]];
  const oldRows: SparseFixed = [[[0, f(5)], [1, f(6)]], [[0, f(7)], [1, f(8)]]];
  const allOnes: SparseFixed = [[[0, f(1)], [1, f(1)]], [[0, f(1)], [1, f(1)]]];

  it("test_mat_ema_alpha_sparse_multiple_elements (exactly 1.0, within the upstream 1e-6)", () => {
    const r = m.matEmaAlphaSparse(newRows, oldRows, [[f(0.1), f(0.2)], [f(0.1), f(0.2)]]);
    expect(r).toEqual(allOnes);
    expect(sparseWithin(r, allOnes, f(0.000001))).toBe(true);
  });

  it("test_mat_ema_alpha_sparse_zero_alpha", () => {
    expect(m.matEmaAlphaSparse([[[0, f(1)]]], [[[0, f(2)]]], [[f(0.1), f(0)]])).toEqual([[[0, f(1)]]]);
  });

  it("test_mat_ema_alpha_sparse_one_alpha", () => {
    expect(m.matEmaAlphaSparse([[[0, f(1)]]], [[[0, f(2)]]], [[f(1), f(0)]])).toEqual([[[0, f(1)]]]);
  });

  it("test_mat_ema_alpha_sparse_mixed_alpha (exactly 1.0, within the upstream 1e-6)", () => {
    const r = m.matEmaAlphaSparse(newRows, oldRows, [[f(0.3), f(0.7)], [f(0.3), f(0.7)]]);
    expect(r).toEqual(allOnes);
    expect(sparseWithin(r, allOnes, f(0.000001))).toBe(true);
  });

  it("test_mat_ema_alpha_sparse_sparse_matrix", () => {
    const r = m.matEmaAlphaSparse([[[0, f(1)]], [[1, f(4)]]], [[[0, f(5)]], [[1, f(8)]]], [[f(0.5), f(0.5)], [f(0.5), f(0.5)]]);
    expect(r).toEqual([[[0, f(1)]], [[1, f(1)]]]);
  });

  const toFixed = (a: number[][]) => a.map((r) => r.map(fixedF32));

  it("test_mat_ema_alpha_basic", () => {
    const r = m.matEmaAlpha(toFixed([[1, 2, 3], [4, 5, 6]]), toFixed([[0.5, 1.5, 2.5], [3.5, 4.5, 5.5]]), [[f(0.5), f(0.5), f(0.5)], [f(0.5), f(0.5), f(0.5)]]);
    expect(r).toEqual(toFixed([[0.75, 1, 1], [1, 1, 1]]));
  });

  it("test_mat_ema_alpha_varying_alpha (exact [ref] bits, and within the upstream 1e-6)", () => {
    const a = [f(0.2), f(0.5), f(0.8)];
    const r = m.matEmaAlpha(toFixed([[1, 2, 3], [4, 5, 6]]), toFixed([[0.5, 1.5, 2.5], [3.5, 4.5, 5.5]]), [a, a]);
    expect(r).toEqual([[2576980377n, ONE, ONE], [ONE, ONE, ONE]]);
    expect(matWithin(r, toFixed([[0.6, 1, 1], [1, 1, 1]]), f(1e-6))).toBe(true);
  });

  it("test_mat_ema_alpha_sparse_varying_alpha (exact [ref] bits, and within the upstream 1e-6)", () => {
    const w: SparseFixed = [[[0, f(0.1)], [1, f(0.2)]], [[0, f(0.3)], [1, f(0.4)]]];
    const b: SparseFixed = [[[0, f(0.5)], [1, f(0.6)]], [[0, f(0.7)], [1, f(0.8)]]];
    const r = m.matEmaAlphaSparse(w, b, [[f(0.9), f(0.8)], [f(0.5), f(0.7)]]);
    expect(r).toEqual([[[0, 601295421n], [1, 1202590842n]], [[0, 2147483647n], [1, 2233382993n]]]);
    expect(sparseWithin(r, [[[0, f(0.14)], [1, f(0.28)]], [[0, f(0.499999)], [1, f(0.519999)]]], f(1e-6))).toBe(true);
  });

  it("test_mat_ema_alpha_empty_matrices", () => {
    expect(m.matEmaAlpha([], [], [])).toEqual([[]]);
  });

  it("test_mat_ema_alpha_single_element", () => {
    expect(m.matEmaAlpha(toFixed([[1]]), toFixed([[0.5]]), [[f(0.5)]])).toEqual(toFixed([[0.75]]));
  });

  it("test_mat_ema_alpha_mismatched_dimensions", () => {
    const nw = toFixed([[1, 2], [3, 4]]), old = toFixed([[1, 2, 3], [4, 5, 6]]);
    const r = m.matEmaAlpha(nw, old, [[f(0.5), f(0.5), f(0.5)], [f(0.5), f(0.5), f(0.5)]]);
    expect(r[0][0]).toBe(old[0][0]);
    expect(r).toEqual(nw); // row widths differ: `new` comes back unchanged
  });
});
