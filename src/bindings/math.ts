// The epoch's math helpers one at a time (assembly/abi/math.ts and dense.ts, header convention), on I32F32 bits as bigint.
// Used by the conformance suite against vectors/math and by anyone who wants a single step.

import { Core } from "./core.js";
import { TaomathError, quote } from "../core/errors.js";
import { toU16, toI16, toU64, toInt, checkBits } from "./values.js";
import type { FixedSparse } from "./epoch.js";
import { MASK64, I128_MIN, U128_MAX } from "../core/ints.js";

/** A dense I32F32 matrix: rows of raw bits, every row as long as the first. */
export type DenseMatrix = bigint[][];
const MASK_OPS = ["<=", "<", "==", ">", ">=", "!="] as const;
/** The comparison a vec_mask_sparse_matrix predicate makes between first[i] and second[j]. */
export type MaskOp = (typeof MASK_OPS)[number];
type Rows = ReadonlyArray<ReadonlyArray<readonly [number, bigint]>>;

/** I32F32 (or other i64) bits, checked: out-of-range bits would wrap at the wasm boundary. */
const s64 = (x: bigint, field = "x"): bigint => checkBits(x, field, "i64");
/** A 128-bit fixed-point value (I64F64 or U64F64 bits), checked, as its two's-complement u128. */
function bits128(x: bigint, field: string): bigint {
  if (typeof x !== "bigint") throw new TaomathError("invalid_type", field, `expected 128-bit fixed-point bits as a bigint, got ${quote(x)}`);
  if (x < I128_MIN || x > U128_MAX) throw new TaomathError("out_of_range", field, `${quote(x)} does not fit in 128 bits`);
  return BigInt.asUintN(128, x);
}

export class MathHelpers {
  constructor(private readonly core: Core) {}

  static {
    // Each helper takes plain arrays and bigints: an input of another shape (a string for an
    // array, a number for bits) fails as a TaomathError naming the helper, never a TypeError.
    const proto = MathHelpers.prototype as unknown as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const f = proto[name];
      if (name === "constructor" || typeof f !== "function") continue;
      proto[name] = function (this: MathHelpers, ...args: unknown[]) {
        try {
          return (f as (...a: unknown[]) => unknown).apply(this, args);
        } catch (e) {
          if (e instanceof TaomathError) throw e;
          throw new TaomathError("invalid_type", name, `inputs of the wrong shape (${String((e as Error)?.message ?? e).slice(0, 120)})`);
        }
      };
    }
  }

  private csr(rows: Rows) { return this.core.writeCsrFixed(rows); }
  /** A CSR the core returned in the slots rows, start, col, val. */
  private readCsr(out: { num(name: "rows" | "start" | "col" | "val"): number }): FixedSparse {
    return this.core.readCsrFixed(out.num("rows"), out.num("start"), out.num("col"), out.num("val"));
  }

  proportionToU16(x: bigint): number { this.core.reset(); return this.core.invoke("m_proportion_to_u16", { x: s64(x) }).num("value"); }
  fixedToU16(x: bigint): number { this.core.reset(); return this.core.invoke("m_fixed_to_u16", { x: s64(x) }).num("value"); }
  fixedToU64(x: bigint): bigint { this.core.reset(); return this.core.invoke("m_fixed_to_u64", { x: s64(x) }).get("value"); }
  u16ProportionToFixed(u: number): bigint { u = toU16(u, "u"); this.core.reset(); return this.core.invoke("m_u16_proportion", { u }).get("value"); }
  u16ToFixed(u: number): bigint { u = toU16(u, "u"); this.core.reset(); return this.core.invoke("m_u16_to_fixed", { u }).get("value"); }
  expSafe(x: bigint): bigint { this.core.reset(); return this.core.invoke("m_exp_safe", { x: s64(x) }).get("value"); }
  sigmoidSafe(x: bigint, rho: bigint, kappa: bigint): bigint {
    this.core.reset();
    return this.core.invoke("m_sigmoid_safe", { x: s64(x), rho: s64(rho), kappa: s64(kappa) }).get("value");
  }
  alphaSigmoid(consensus: bigint, weight: bigint, bond: bigint, low: bigint, high: bigint, steepness: number): bigint {
    steepness = toI16(steepness, "steepness");
    this.core.reset();
    return this.core.invoke("m_alpha_sigmoid", { consensus: s64(consensus), weight: s64(weight), bond: s64(bond), low: s64(low), high: s64(high), steepness }).get("value");
  }
  /** EMA coefficient from BondsMovingAverage: classic path (wrapping = false) or Yuma3 fallback. */
  emaAlpha(bondsMovingAverage: bigint, wrapping: boolean): bigint {
    const bma = toU64(bondsMovingAverage, "bondsMovingAverage");
    if (typeof wrapping !== "boolean") throw new TaomathError("invalid_type", "wrapping", "expected a boolean");
    this.core.reset();
    return this.core.invoke("m_ema_alpha", { bonds_moving_average: bma, wrapping }).get("value");
  }
  emission(x: bigint, rao: bigint): bigint {
    const r = toU64(rao, "rao");
    this.core.reset(); return this.core.invoke("m_emission", { x: s64(x), rao: r }).get("value");
  }
  fixed64ToU64(bits: bigint): bigint {
    const v = bits128(bits, "bits");
    this.core.reset();
    return this.core.invoke("m_fixed64_to_u64", { bits_lo: v & MASK64, bits_hi: v >> 64n }).get("value");
  }

  weightedMedian(stake: bigint[], score: bigint[], part: number[], minority: bigint, lo: bigint, hi: bigint): bigint {
    // every input is checked, even when the lengths differ and the chain answers 0 without reading them
    for (const [v, f] of [[stake, "stake"], [score, "score"]] as const) {
      if (!Array.isArray(v)) throw new TaomathError("invalid_type", f, `expected an array, got ${quote(v)}`);
      v.forEach((x, i) => s64(x, `${f}[${i}]`));
    }
    if (!Array.isArray(part)) throw new TaomathError("invalid_type", "part", `expected an array, got ${quote(part)}`);
    let width = Math.max(stake.length, 1);
    for (const x of part) {
      if (typeof x !== "number" || !Number.isInteger(x) || x < 0 || x >= 65536) throw new TaomathError("out_of_range", "part", `expected indexes in [0, 65536), got ${quote(x)}`);
      width = Math.max(width, x + 1);
    }
    s64(minority, "minority"); s64(lo, "lo"); s64(hi, "hi");
    this.core.reset();
    // the chain returns 0 when the two vectors differ in length, and reads 0 past their end
    if (stake.length !== score.length) return 0n;
    const pad = (v: bigint[]) => [...v, ...new Array(width - v.length).fill(0n)];
    const p = this.core.u32(part);
    return this.core.invoke("m_weighted_median", {
      stake: this.core.i64(pad(stake)), score: this.core.i64(pad(score)), partition: p, len: part.length, minority: s64(minority), lo: s64(lo), hi: s64(hi),
    }).get("value");
  }
  weightedMedianColSparse(stake: bigint[], score: Rows, columns: number, majority: bigint): bigint[] {
    columns = toU16(columns, "columns"); // n, the number of uids: a u16
    this.core.reset();
    const m = this.csr(score);
    const out = this.core.invoke("m_weighted_median_col_sparse", {
      stake: this.core.i64(stake), stake_len: stake.length, rows: score.length, start: m.start, col: m.col, val: m.val, columns, majority: s64(majority),
    });
    return this.core.readI64(out.num("medians"), columns);
  }
  normalize(x: bigint[]): bigint[] {
    this.core.reset();
    const p = this.core.i64(x);
    this.core.invoke("m_normalize", { x: p, n: x.length });
    return this.core.readI64(p, x.length);
  }
  normalizeUsingSum(x: bigint[], sum: bigint): bigint[] {
    this.core.reset();
    const p = this.core.i64(x);
    this.core.invoke("m_normalize_using_sum", { x: p, n: x.length, sum: s64(sum) });
    return this.core.readI64(p, x.length);
  }
  normalize64(x: bigint[]): { normalized: bigint[]; asI32F32: bigint[] } {
    this.core.reset();
    const p = this.core.i128(x);
    const out = this.core.invoke("m_normalize64", { x: p, n: x.length });
    return { normalized: this.core.readI128(p, x.length), asI32F32: this.core.readI64(out.num("fixed32"), x.length) };
  }
  rowNormalizeSparse(rows: Rows): FixedSparse {
    this.core.reset();
    const m = this.csr(rows);
    this.core.invoke("m_row_normalize_sparse", { rows: rows.length, ...m });
    return this.core.readCsrFixed(rows.length, m.start, m.col, m.val);
  }
  private columnsInPlace(entry: "m_col_normalize_sparse" | "m_col_max_upscale_sparse", rows: Rows, columns: number): FixedSparse {
    columns = toU16(columns, "columns");
    this.core.reset();
    const m = this.csr(rows);
    this.core.invoke(entry, { rows: rows.length, ...m, columns });
    return this.core.readCsrFixed(rows.length, m.start, m.col, m.val);
  }
  colNormalizeSparse(rows: Rows, columns: number): FixedSparse { return this.columnsInPlace("m_col_normalize_sparse", rows, columns); }
  colMaxUpscaleSparse(rows: Rows, columns: number): FixedSparse { return this.columnsInPlace("m_col_max_upscale_sparse", rows, columns); }
  isTopkNonzero(v: bigint[], k: number): boolean[] {
    k = toInt(k, "k", 0, 2 ** 31 - 1, "count");
    this.core.reset();
    const out = this.core.invoke("m_is_topk_nonzero", { v: this.core.i64(v), n: v.length, k });
    return this.core.readU8(out.num("flags"), v.length).map((x) => x !== 0);
  }
  colClipSparse(rows: Rows, threshold: bigint[]): FixedSparse {
    this.core.reset();
    const m = this.csr(rows);
    return this.readCsr(this.core.invoke("m_col_clip_sparse", { rows: rows.length, ...m, threshold: this.core.i64(threshold), threshold_len: threshold.length }));
  }
  rowSumSparse(rows: Rows): bigint[] {
    this.core.reset();
    const m = this.csr(rows);
    return this.core.readI64(this.core.invoke("m_row_sum_sparse", { rows: rows.length, ...m }).num("sums"), rows.length);
  }
  matmulSparse(rows: Rows, v: bigint[], columns: number): bigint[] {
    columns = toU16(columns, "columns"); // n, the number of uids: a u16
    this.core.reset();
    const m = this.csr(rows);
    const out = this.core.invoke("m_matmul_sparse", { rows: rows.length, ...m, v: this.core.i64(v), v_len: v.length, columns });
    return this.core.readI64(out.num("result"), columns);
  }
  matmulTransposeSparse(rows: Rows, v: bigint[]): bigint[] {
    this.core.reset();
    const m = this.csr(rows);
    const out = this.core.invoke("m_matmul_transpose_sparse", { rows: rows.length, ...m, v: this.core.i64(v), v_len: v.length });
    return this.core.readI64(out.num("result"), rows.length);
  }
  interpolateSparse(a: Rows, b: Rows, columns: number, ratio: bigint): FixedSparse {
    columns = toU16(columns, "columns"); // n, the number of uids: a u16
    this.core.reset();
    const ma = this.csr(a), mb = this.csr(b);
    return this.readCsr(this.core.invoke("m_interpolate_sparse", {
      a_rows: a.length, a_start: ma.start, a_col: ma.col, a_val: ma.val, b_rows: b.length, b_start: mb.start, b_col: mb.col, b_val: mb.val,
      columns, ratio: s64(ratio),
    }));
  }
  private byVector(entry: "m_row_hadamard_sparse" | "m_mat_vec_mul_sparse", rows: Rows, v: bigint[]): FixedSparse {
    this.core.reset();
    const m = this.csr(rows);
    return this.readCsr(this.core.invoke(entry, { rows: rows.length, ...m, v: this.core.i64(v), v_len: v.length }));
  }
  rowHadamardSparse(rows: Rows, v: bigint[]): FixedSparse { return this.byVector("m_row_hadamard_sparse", rows, v); }
  matVecMulSparse(rows: Rows, v: bigint[]): FixedSparse { return this.byVector("m_mat_vec_mul_sparse", rows, v); }
  vecMul(a: bigint[], b: bigint[]): bigint[] {
    this.core.reset();
    const n = Math.min(a.length, b.length);
    const out = this.core.invoke("m_vec_mul", { a: this.core.i64(a), b: this.core.i64(b), n });
    return this.core.readI64(out.num("result"), n);
  }
  matEmaSparse(nw: Rows, old: Rows, alpha: bigint): FixedSparse {
    this.core.reset();
    const a = this.csr(nw), b = this.csr(old);
    return this.readCsr(this.core.invoke("m_mat_ema_sparse", {
      a_rows: nw.length, a_start: a.start, a_col: a.col, a_val: a.val, b_rows: old.length, b_start: b.start, b_col: b.col, b_val: b.val, alpha: s64(alpha),
    }));
  }
  matEmaAlphaSparse(nw: Rows, old: Rows, alpha: bigint[][]): FixedSparse {
    this.core.reset();
    const a = this.csr(nw), b = this.csr(old);
    const cols = alpha.length > 0 ? alpha[0].length : 0;
    if (alpha.some((r) => r.length !== cols)) throw new TaomathError("wrong_length", "alpha", "every row must have the same length (a dense matrix)");
    const ap = this.core.i64(alpha.flat());
    return this.readCsr(this.core.invoke("m_mat_ema_alpha_sparse", {
      a_rows: nw.length, a_start: a.start, a_col: a.col, a_val: a.val, b_rows: old.length, b_start: b.start, b_col: b.col, b_val: b.val,
      alpha: ap, alpha_rows: alpha.length, alpha_cols: cols,
    }));
  }
  vecMaxUpscaleToU16(x: bigint[]): number[] {
    this.core.reset();
    return this.core.readU16(this.core.invoke("m_vec_max_upscale_to_u16", { v: this.core.i64(x), n: x.length }).num("result"), x.length);
  }
  vecU16MaxUpscaleToU16(x: number[]): number[] {
    this.core.reset();
    return this.core.readU16(this.core.invoke("m_vec_u16_max_upscale_to_u16", { v: this.core.u16(x), n: x.length }).num("result"), x.length);
  }

  // ---- dense matrices: rows of I32F32 bits, rectangular (every row as long as the first) ----
  private dense(m: DenseMatrix, field = "matrix"): { matrix: number; rows: number; cols: number } {
    const rows = m.length, cols = rows > 0 ? m[0].length : 0;
    const bad = m.findIndex((r) => r.length !== cols);
    if (bad >= 0) throw new TaomathError("wrong_length", `${field}[${bad}]`, `has ${m[bad].length} entries, the first row ${cols} (rows of a dense matrix are equally long)`);
    return { matrix: this.core.i64(m.flat()), rows, cols };
  }
  private readDense(p: number, rows: number, cols: number): DenseMatrix {
    const flat = this.core.readI64(p, rows * cols);
    const out: DenseMatrix = [];
    for (let i = 0; i < rows; i++) out.push(flat.slice(i * cols, (i + 1) * cols));
    return out;
  }
  /** A dense matrix the core returned in the slots rows, cols, matrix. */
  private readDenseOut(out: { num(name: "rows" | "cols" | "matrix"): number }): DenseMatrix {
    return this.readDense(out.num("matrix"), out.num("rows"), out.num("cols"));
  }
  private inPlaceDense(entry: "d_row_normalize" | "d_col_normalize" | "d_col_max_upscale" | "d_mask_diag", m: DenseMatrix): DenseMatrix {
    this.core.reset();
    const d = this.dense(m);
    this.core.invoke(entry, d);
    return this.readDense(d.matrix, d.rows, d.cols);
  }
  private flags(mask: readonly boolean[]): number { return this.core.u8(mask.map((b) => (b ? 1 : 0))); }

  /** inplace_row_normalize */
  rowNormalize(m: DenseMatrix): DenseMatrix { return this.inPlaceDense("d_row_normalize", m); }
  /** inplace_col_normalize */
  colNormalize(m: DenseMatrix): DenseMatrix { return this.inPlaceDense("d_col_normalize", m); }
  /** inplace_col_max_upscale */
  colMaxUpscale(m: DenseMatrix): DenseMatrix { return this.inPlaceDense("d_col_max_upscale", m); }
  /** inplace_mask_vector (true = zero out; an empty mask is a no-op, a short one masks the rest) */
  maskVector(mask: boolean[], v: bigint[]): bigint[] {
    this.core.reset();
    const p = this.core.i64(v);
    this.core.invoke("d_mask_vector", { mask: this.flags(mask), mask_len: mask.length, v: p, n: v.length });
    return this.core.readI64(p, v.length);
  }
  /** inplace_mask_matrix */
  maskMatrix(mask: boolean[][], m: DenseMatrix): DenseMatrix {
    this.core.reset();
    const cols = mask.length > 0 ? mask[0].length : 0;
    if (mask.some((r) => r.length !== cols)) throw new TaomathError("wrong_length", "mask", "every row must have the same length");
    const mp = this.flags(mask.flat());
    const d = this.dense(m);
    this.core.invoke("d_mask_matrix", { mask: mp, mask_rows: mask.length, mask_cols: cols, ...d });
    return this.readDense(d.matrix, d.rows, d.cols);
  }
  private maskLines(entry: "d_mask_rows" | "d_mask_cols", mask: boolean[], m: DenseMatrix): DenseMatrix {
    this.core.reset();
    const mp = this.flags(mask), d = this.dense(m);
    this.core.invoke(entry, { mask: mp, mask_len: mask.length, ...d });
    return this.readDense(d.matrix, d.rows, d.cols);
  }
  /** inplace_mask_rows */
  maskRows(mask: boolean[], m: DenseMatrix): DenseMatrix { return this.maskLines("d_mask_rows", mask, m); }
  /** inplace_mask_cols */
  maskCols(mask: boolean[], m: DenseMatrix): DenseMatrix { return this.maskLines("d_mask_cols", mask, m); }
  /** inplace_mask_diag */
  maskDiag(m: DenseMatrix): DenseMatrix { return this.inPlaceDense("d_mask_diag", m); }
  /** inplace_mask_diag_except_index */
  maskDiagExceptIndex(m: DenseMatrix, except: number): DenseMatrix {
    this.core.reset();
    const d = this.dense(m);
    this.core.invoke("d_mask_diag_except_index", { ...d, except });
    return this.readDense(d.matrix, d.rows, d.cols);
  }
  /** row_hadamard */
  rowHadamard(m: DenseMatrix, v: bigint[]): DenseMatrix {
    this.core.reset();
    const d = this.dense(m);
    return this.readDenseOut(this.core.invoke("d_row_hadamard", { ...d, v: this.core.i64(v), v_len: v.length }));
  }
  /** row_sum */
  rowSum(m: DenseMatrix): bigint[] {
    this.core.reset();
    const out = this.core.invoke("d_row_sum", this.dense(m));
    return this.core.readI64(out.num("result"), out.num("len"));
  }
  private product(entry: "d_matmul" | "d_matmul_transpose", m: DenseMatrix, v: bigint[]): bigint[] {
    this.core.reset();
    const d = this.dense(m);
    const out = this.core.invoke(entry, { ...d, v: this.core.i64(v), v_len: v.length });
    return this.core.readI64(out.num("result"), out.num("len"));
  }
  /** matmul: out_j = Σ_i v_i m_ij */
  matmul(m: DenseMatrix, v: bigint[]): bigint[] { return this.product("d_matmul", m, v); }
  /** matmul_transpose: out_i = Σ_j m_ij v_j */
  matmulTranspose(m: DenseMatrix, v: bigint[]): bigint[] { return this.product("d_matmul_transpose", m, v); }
  /** mat_vec_mul */
  matVecMul(m: DenseMatrix, v: bigint[]): DenseMatrix {
    this.core.reset();
    const d = this.dense(m);
    return this.readDenseOut(this.core.invoke("d_mat_vec_mul", { ...d, v: this.core.i64(v), v_len: v.length }));
  }
  /** inplace_col_clip */
  colClip(m: DenseMatrix, threshold: bigint[]): DenseMatrix {
    this.core.reset();
    const d = this.dense(m);
    this.core.invoke("d_col_clip", { ...d, threshold: this.core.i64(threshold), threshold_len: threshold.length });
    return this.readDense(d.matrix, d.rows, d.cols);
  }
  /** weighted_median_col (dense) */
  weightedMedianCol(stake: bigint[], score: DenseMatrix, majority: bigint): bigint[] {
    this.core.reset();
    const d = this.dense(score);
    const out = this.core.invoke("d_weighted_median_col", { stake: this.core.i64(stake), stake_len: stake.length, ...d, majority: s64(majority) });
    return this.core.readI64(out.num("result"), out.num("len"));
  }
  /** interpolate: a + ratio (b - a) */
  interpolate(a: DenseMatrix, b: DenseMatrix, ratio: bigint): DenseMatrix {
    this.core.reset();
    const da = this.dense(a), db = this.dense(b);
    return this.readDenseOut(this.core.invoke("d_interpolate", {
      a: da.matrix, a_rows: da.rows, a_cols: da.cols, b: db.matrix, b_rows: db.rows, b_cols: db.cols, ratio: s64(ratio),
    }));
  }
  /** mat_ema: alpha new + (1 - alpha) old */
  matEma(nw: DenseMatrix, old: DenseMatrix, alpha: bigint): DenseMatrix {
    this.core.reset();
    const da = this.dense(nw), db = this.dense(old);
    return this.readDenseOut(this.core.invoke("d_mat_ema", {
      a: da.matrix, a_rows: da.rows, a_cols: da.cols, b: db.matrix, b_rows: db.rows, b_cols: db.cols, alpha: s64(alpha),
    }));
  }
  /** mat_ema_alpha (dense): per-cell alpha, clamped to [.., 1] */
  matEmaAlpha(nw: DenseMatrix, old: DenseMatrix, alpha: DenseMatrix): DenseMatrix {
    this.core.reset();
    const a = this.dense(nw, "new"), b = this.dense(old, "old"), c = this.dense(alpha, "alpha");
    return this.readDenseOut(this.core.invoke("d_mat_ema_alpha", {
      a: a.matrix, a_rows: a.rows, a_cols: a.cols, b: b.matrix, b_rows: b.rows, b_cols: b.cols, alpha: c.matrix, alpha_rows: c.rows, alpha_cols: c.cols,
    }));
  }
  /** vecdiv: x_i / y_i, 0 where y_i = 0 */
  vecdiv(x: bigint[], y: bigint[]): bigint[] {
    this.core.reset();
    const out = this.core.invoke("d_vecdiv", { x: this.core.i64(x), n: x.length, y: this.core.i64(y), y_len: y.length });
    return this.core.readI64(out.num("result"), x.length);
  }
  /** is_topk (no zero rule) */
  isTopk(v: bigint[], k: number): boolean[] {
    k = toInt(k, "k", 0, 2 ** 31 - 1, "count");
    this.core.reset();
    const out = this.core.invoke("d_is_topk", { v: this.core.i64(v), n: v.length, k });
    return this.core.readU8(out.num("flags"), v.length).map((x) => x !== 0);
  }
  /** sum: plain (wrapping) sum */
  sum(x: bigint[]): bigint { this.core.reset(); return this.core.invoke("d_sum", { x: this.core.i64(x), n: x.length }).get("value"); }
  /** checked_sum over u64; null on overflow */
  checkedSumU64(x: bigint[]): bigint | null {
    this.core.reset();
    const out = this.core.invoke("d_checked_sum_u64", { x: this.core.u64(x), n: x.length });
    return out.flag("overflowed") ? null : out.get("sum");
  }
  /** mask_rows_sparse (true = empty the row; rows past the mask are emptied) */
  maskRowsSparse(mask: boolean[], rows: Rows): FixedSparse {
    this.core.reset();
    const mp = this.flags(mask);
    const m = this.csr(rows);
    this.core.invoke("s_mask_rows_sparse", { mask: mp, mask_len: mask.length, rows: rows.length, ...m });
    return this.core.readCsrFixed(rows.length, m.start, m.col, m.val);
  }
  /** mask_diag_sparse, or mask_diag_sparse_except_index when `except` is given */
  maskDiagSparse(rows: Rows, except?: number): FixedSparse {
    this.core.reset();
    const m = this.csr(rows);
    this.core.invoke("s_mask_diag_sparse", { rows: rows.length, ...m, except: except ?? -1 });
    return this.core.readCsrFixed(rows.length, m.start, m.col, m.val);
  }
  /** vec_mask_sparse_matrix: drop (i, j) where first[i] op second[j] */
  vecMaskSparseMatrix(rows: Rows, first: bigint[], second: bigint[], op: MaskOp): FixedSparse {
    if (!MASK_OPS.includes(op)) throw new TaomathError("invalid_type", "op", `expected one of ${MASK_OPS.join(" ")}, got ${quote(op)}`);
    this.core.reset();
    const f = this.core.u64(first), sv = this.core.u64(second);
    const m = this.csr(rows);
    this.core.invoke("s_vec_mask_sparse_matrix", { rows: rows.length, ...m, first: f, first_len: first.length, second: sv, second_len: second.length, op: MASK_OPS.indexOf(op) });
    return this.core.readCsrFixed(rows.length, m.start, m.col, m.val);
  }
  /** fixed64_to_fixed32: I64F64 bits -> I32F32 bits (floor, saturating) */
  fixed64ToFixed32(bits: bigint): bigint {
    const v = bits128(bits, "bits");
    this.core.reset();
    return this.core.invoke("d_fixed64_to_fixed32", { bits_lo: v & MASK64, bits_hi: v >> 64n }).get("value");
  }
  /** check_vec_max_limited: after normalising the u16 weights, is the largest <= limit / 65535? */
  checkVecMaxLimited(weights: number[], limit: number): boolean {
    if (weights.length === 0) return true;
    const normalized = this.normalize(weights.map((u) => BigInt(u) << 32n));
    const cap = this.u16ProportionToFixed(limit);
    return normalized.reduce((a, b) => (b > a ? b : a)) <= cap;
  }
  /** safe_ln: natural log as substrate-fixed computes it on I32F32, 0 for x <= 0 or when 1/x overflows */
  safeLn(x: bigint): bigint { this.core.reset(); return this.core.invoke("d_safe_ln", { x: s64(x) }).get("value"); }
}
