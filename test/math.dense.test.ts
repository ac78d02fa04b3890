// The dense helpers' shape rules that tests/math.rs does not pin, each as math.rs states it:
// short vectors and masks, row-count and width mismatches, degenerate matrices.

import { describe, it, expect } from "vitest";
import { taomath } from "../src/index.js";
import { ONE } from "./helpers/fixed.js";

const m = taomath().math;
const I = (x: number) => BigInt(x) << 32n;
const M = (rows: number[][]) => rows.map((r) => r.map(I));
const half = ONE / 2n;

describe("dense helper shape rules (math.rs)", () => {
  it("mat_ema_alpha returns `old` when the row counts differ", () => {
    const nw = M([[1, 1], [1, 1]]), old = M([[2, 2]]);
    expect(m.matEmaAlpha(nw, old, [[half, half], [half, half]])).toEqual(old);
    expect(m.matEmaAlpha(nw, M([[2, 2], [2, 2]]), [[half, half]])).toEqual(M([[2, 2], [2, 2]]));
  });

  it("mat_ema_alpha returns `new` when the alpha rows are narrower", () => {
    const nw = M([[1, 0]]);
    expect(m.matEmaAlpha(nw, M([[0, 1]]), [[half]])).toEqual(nw);
  });

  it("mat_ema_alpha clamps from above only: a negative increment counts as 0, a negative old value stays", () => {
    const r = m.matEmaAlpha([[-ONE]], [[-ONE]], [[half]]);
    expect(r).toEqual([[-half]]);
  });

  it("mat_ema covers the common shape of new and old, and an empty new gives [[]]", () => {
    expect(m.matEma(M([[2, 2, 2], [2, 2, 2]]), M([[0, 0]]), half)).toEqual(M([[1, 1]]));
    expect(m.matEma([], M([[1]]), half)).toEqual([[]]);
    expect(m.matEma([[]], M([[1]]), half)).toEqual([[]]);
  });

  it("interpolate keeps the first matrix's shape, with zeros where the second has no cell", () => {
    const r = m.interpolate(M([[2, 2], [2, 2]]), M([[4]]), half);
    expect(r).toEqual(M([[3, 0], [0, 0]]));
    expect(m.interpolate([], M([[4]]), half)).toEqual([[]]);
  });

  it("row_hadamard stops at the end of the vector, and an empty matrix gives [[]]", () => {
    expect(m.rowHadamard(M([[1, 2], [3, 4], [5, 6]]), [I(2)])).toEqual(M([[2, 4]]));
    expect(m.rowHadamard([], [I(2)])).toEqual([[]]);
  });

  it("matmul reads a missing vector entry as 0; matmul_transpose stops at the vector's end", () => {
    expect(m.matmul(M([[1, 2], [3, 4]]), [I(1)])).toEqual(M([[1, 2]])[0]);
    expect(m.matmulTranspose(M([[1, 2], [3, 4]]), [I(1)])).toEqual([I(1), I(3)]);
    expect(m.matmul([[]], [I(1)])).toEqual([]);
    expect(m.matmulTranspose([], [I(1)])).toEqual([]);
  });

  it("matmul and matmul_transpose saturate", () => {
    const big = I(2_000_000_000);
    expect(m.matmul([[big], [big]], [ONE, ONE])).toEqual([(1n << 63n) - 1n]);
    expect(m.matmulTranspose([[big, big]], [ONE, ONE])).toEqual([(1n << 63n) - 1n]);
  });

  it("mat_vec_mul uses the checked product (0 on overflow) and trims rows to the vector", () => {
    const big = I(2_000_000_000);
    expect(m.matVecMul([[big, I(1), I(7)]], [big, I(3)])).toEqual([[0n, I(3)]]);
  });

  it("row_sum of an empty first row is empty; otherwise a plain sum per row", () => {
    expect(m.rowSum([[]])).toEqual([]);
    expect(m.rowSum(M([[1, -3], [2, 2]]))).toEqual([I(-2), I(4)]);
  });

  it("inplace_col_clip stops at the end of the threshold vector", () => {
    expect(m.colClip(M([[5, 5, 5]]), [I(1), I(9)])).toEqual(M([[1, 5, 5]]));
  });

  it("inplace_mask_matrix treats cells missing from the mask as masked, and an empty mask as no mask", () => {
    expect(m.maskMatrix([[false]], M([[1, 2], [3, 4]]))).toEqual(M([[1, 0], [0, 0]]));
    expect(m.maskMatrix([], M([[1, 2]]))).toEqual(M([[1, 2]]));
  });

  it("inplace_mask_rows and inplace_mask_cols mask indices past the mask", () => {
    expect(m.maskRows([false], M([[1, 2], [3, 4]]))).toEqual(M([[1, 2], [0, 0]]));
    expect(m.maskCols([false], M([[1, 2], [3, 4]]))).toEqual(M([[1, 0], [3, 0]]));
    expect(m.maskCols([false, true], M([[1, 2], [3, 4]]))).toEqual(M([[1, 0], [3, 0]]));
  });

  it("inplace_mask_diag leaves a non-square matrix alone", () => {
    expect(m.maskDiag(M([[1, 2, 3], [4, 5, 6]]))).toEqual(M([[1, 2, 3], [4, 5, 6]]));
    expect(m.maskDiagExceptIndex(M([[1, 2, 3], [4, 5, 6]]), 0)).toEqual(M([[1, 2, 3], [4, 5, 6]]));
  });

  it("weighted_median_col counts stake past the last row as a zero-stake, zero-score voter", () => {
    const quarter = ONE / 4n;
    // stake [1/4, 3/4] over one row: the missing second row votes 0 with stake 0, so row 0 decides
    expect(m.weightedMedianCol([quarter, 3n * quarter], [[I(1)]], half)).toEqual([I(1)]);
    // with the row present it is a real voter at 0 holding 3/4 of the stake
    expect(m.weightedMedianCol([quarter, 3n * quarter], [[I(1)], [0n]], half)).toEqual([0n]);
    expect(m.weightedMedianCol([], M([[1, 2]]), half)).toEqual([0n, 0n]);
  });

  it("vec_mask_sparse_matrix reads first[i] and second[j] as 0 past their ends", () => {
    const rows: Array<Array<[number, bigint]>> = [[[0, ONE], [1, ONE]], [[0, ONE], [1, ONE]]];
    // first = [5] (row 1 reads 0), second = [] (every column reads 0): drop where first > second
    expect(m.vecMaskSparseMatrix(rows, [5n], [], ">")).toEqual([[], [[0, ONE], [1, ONE]]]);
    expect(m.vecMaskSparseMatrix(rows, [5n], [], "<=")).toEqual([[[0, ONE], [1, ONE]], []]);
    expect(m.vecMaskSparseMatrix(rows, [0n, 1n], [1n, 0n], "!=")).toEqual([[[1, ONE]], [[0, ONE]]]);
  });

  it("mask_rows_sparse empties rows past the mask", () => {
    expect(m.maskRowsSparse([false], [[[0, ONE]], [[1, ONE]]])).toEqual([[[0, ONE]], []]);
  });

  it("vecdiv gives 0 where the divisor is 0 or missing", () => {
    expect(m.vecdiv([ONE, ONE, ONE], [2n * ONE, 0n])).toEqual([half, 0n, 0n]);
  });

  it("vecdiv gives 0 (safe_div's overflow) where a value under 1 over a tiny divisor leaves I32F32", () => {
    // x bits over 1 bit (2^-32) is x·2^32 bits: 2^63 - 2^32 still fits, 2^63 and 2^64 - 2^32 do
    // not, so checked_div is None there
    expect(m.vecdiv([ONE - 1n, (1n << 31n) - 1n, 1n << 31n], [1n, 1n, 1n])).toEqual([0n, (1n << 63n) - (1n << 32n), 0n]);
  });
});

describe("safe_ln (substrate-fixed transcendental::ln on I32F32)", () => {
  // the inputs of substrate-fixed's own ln_works test are I9F23 values, widened exactly
  const i9f23 = (bits: number) => BigInt(bits) << 9n;
  const value = (bits: bigint) => Number(bits) / 2 ** 32;

  it("is 0 for 1 and for inputs where ln fails (x <= 0, or 1/x overflowing I32F32)", () => {
    expect(m.safeLn(ONE)).toBe(0n);
    expect(m.safeLn(0n)).toBe(0n);
    expect(m.safeLn(-ONE)).toBe(0n);
    expect(m.safeLn(2n)).toBe(0n); // 1 / 2^-31 = 2^31 does not fit
  });

  it("ln_works: ln(E) within 1e-4 of 1, ln(10) within 1e-4 of 2.30259, ln(0.00001) within 1e-1 of -11.5129", () => {
    expect(Math.abs(value(m.safeLn(i9f23(22802601))) - 1)).toBeLessThanOrEqual(1e-4); // the I9F23 constant E
    expect(Math.abs(value(m.safeLn(i9f23(10 << 23))) - 2.30259)).toBeLessThanOrEqual(1e-4);
    expect(Math.abs(value(m.safeLn(i9f23(84))) - -11.5129)).toBeLessThanOrEqual(1e-1); // I9F23::from_num(0.00001)
  });

  it("powers of two take the exact integer path: ln(2^k) = k / LOG2_E (23-bit constant)", () => {
    const log2e = 12102203n << 9n;
    for (const k of [1n, 5n, 30n]) expect(m.safeLn(ONE << k)).toBe(((k << 32n) << 32n) / log2e);
  });
});

describe("dense matrix input", () => {
  it("a ragged matrix is a TaomathError naming the row, and the module keeps working", () => {
    expect(() => m.matEmaAlpha([[ONE, ONE]], [[ONE, ONE]], [[ONE, ONE], [ONE]])).toThrow(/alpha\[1\]/);
    expect(m.rowSum([[ONE, ONE]])).toEqual([2n * ONE]);
  });
});
