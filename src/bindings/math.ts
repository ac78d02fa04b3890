// The epoch's math helpers one at a time (assembly/abi/math.ts), on I32F32 bits as bigint.
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
const u64 = (x: bigint) => BigInt.asUintN(64, x);

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

  private fn<T>(name: string, ...args: unknown[]): T { return this.core.call<T>(name, ...args); }
  private csr(rows: Rows) { return this.core.writeCsrFixed(rows); }
  private readHeader(h: number): FixedSparse {
    const [rows, start, col, val] = this.core.slots(h >>> 0, 4);
    return this.core.readCsrFixed(rows, start, col, val);
  }
  private vecOut(n: number): number { return this.core.alloc(n * 8); }

  proportionToU16(x: bigint): number { this.core.reset(); return this.fn<number>("m_proportion_to_u16", s64(x)); }
  fixedToU16(x: bigint): number { this.core.reset(); return this.fn<number>("m_fixed_to_u16", s64(x)); }
  fixedToU64(x: bigint): bigint { this.core.reset(); return u64(this.fn<bigint>("m_fixed_to_u64", s64(x))); }
  u16ProportionToFixed(u: number): bigint { u = toU16(u, "u"); this.core.reset(); return this.fn<bigint>("m_u16_proportion", u); }
  u16ToFixed(u: number): bigint { u = toU16(u, "u"); this.core.reset(); return this.fn<bigint>("m_u16_to_fixed", u); }
  expSafe(x: bigint): bigint { this.core.reset(); return this.fn<bigint>("m_exp_safe", s64(x)); }
  sigmoidSafe(x: bigint, rho: bigint, kappa: bigint): bigint { this.core.reset(); return this.fn<bigint>("m_sigmoid_safe", s64(x), s64(rho), s64(kappa)); }
  alphaSigmoid(consensus: bigint, weight: bigint, bond: bigint, low: bigint, high: bigint, steepness: number): bigint {
    steepness = toI16(steepness, "steepness");
    this.core.reset();
    return this.fn<bigint>("m_alpha_sigmoid", s64(consensus), s64(weight), s64(bond), s64(low), s64(high), steepness);
  }
  /** EMA coefficient from BondsMovingAverage: classic path (wrapping = false) or Yuma3 fallback. */
  emaAlpha(bondsMovingAverage: bigint, wrapping: boolean): bigint {
    const bma = BigInt.asIntN(64, toU64(bondsMovingAverage, "bondsMovingAverage"));
    if (typeof wrapping !== "boolean") throw new TaomathError("invalid_type", "wrapping", "expected a boolean");
    this.core.reset();
    return this.fn<bigint>("m_ema_alpha", bma, wrapping ? 1 : 0);
  }
  emission(x: bigint, rao: bigint): bigint {
    const r = BigInt.asIntN(64, toU64(rao, "rao"));
    this.core.reset(); return u64(this.fn<bigint>("m_emission", s64(x), r));
  }
  fixed64ToU64(bits: bigint): bigint {
    const v = bits128(bits, "bits");
    this.core.reset();
    return u64(this.fn<bigint>("m_fixed64_to_u64", BigInt.asIntN(64, v >> 64n), BigInt.asIntN(64, v & MASK64)));
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
    return this.fn<bigint>("m_weighted_median", this.core.i64(pad(stake)), this.core.i64(pad(score)), p, part.length, s64(minority), s64(lo), s64(hi));
  }
  weightedMedianColSparse(stake: bigint[], score: Rows, columns: number, majority: bigint): bigint[] {
    columns = toU16(columns, "columns"); // n, the number of uids: a u16
    this.core.reset();
    const m = this.csr(score);
    const out = this.fn<number>("m_weighted_median_col_sparse", this.core.i64(stake), stake.length, score.length, m.start, m.col, m.val, columns, s64(majority));
    return this.core.readI64(out, columns);
  }
  normalize(x: bigint[]): bigint[] {
    this.core.reset();
    const p = this.core.i64(x);
    this.fn("m_normalize", p, x.length);
    return this.core.readI64(p, x.length);
  }
  normalizeUsingSum(x: bigint[], sum: bigint): bigint[] {
    this.core.reset();
    const p = this.core.i64(x);
    this.fn("m_normalize_using_sum", p, x.length, s64(sum));
    return this.core.readI64(p, x.length);
  }
  normalize64(x: bigint[]): { normalized: bigint[]; asI32F32: bigint[] } {
    this.core.reset();
    const p = this.core.i128(x);
    const out = this.vecOut(x.length);
    this.fn("m_normalize64", p, x.length, out);
    return { normalized: this.core.readI128(p, x.length), asI32F32: this.core.readI64(out, x.length) };
  }
  private inPlaceSparse(name: string, rows: Rows, ...extra: unknown[]): FixedSparse {
    this.core.reset();
    const m = this.csr(rows);
    this.fn(name, rows.length, m.start, m.col, m.val, ...extra);
    return this.core.readCsrFixed(rows.length, m.start, m.col, m.val);
  }
  rowNormalizeSparse(rows: Rows): FixedSparse { return this.inPlaceSparse("m_row_normalize_sparse", rows); }
  colNormalizeSparse(rows: Rows, columns: number): FixedSparse { columns = toU16(columns, "columns"); return this.inPlaceSparse("m_col_normalize_sparse", rows, columns); }
  colMaxUpscaleSparse(rows: Rows, columns: number): FixedSparse { columns = toU16(columns, "columns"); return this.inPlaceSparse("m_col_max_upscale_sparse", rows, columns); }
  isTopkNonzero(v: bigint[], k: number): boolean[] {
    k = toInt(k, "k", 0, 2 ** 31 - 1, "count");
    this.core.reset();
    const out = this.core.alloc(v.length);
    this.fn("m_is_topk_nonzero", this.core.i64(v), v.length, k, out);
    return this.core.readU8(out, v.length).map((x) => x !== 0);
  }
  colClipSparse(rows: Rows, threshold: bigint[]): FixedSparse {
    this.core.reset();
    const m = this.csr(rows);
    return this.readHeader(this.fn<number>("m_col_clip_sparse", rows.length, m.start, m.col, m.val, this.core.i64(threshold), threshold.length));
  }
  rowSumSparse(rows: Rows): bigint[] {
    this.core.reset();
    const m = this.csr(rows);
    const out = this.vecOut(rows.length);
    this.fn("m_row_sum_sparse", rows.length, m.start, m.col, m.val, out);
    return this.core.readI64(out, rows.length);
  }
  matmulSparse(rows: Rows, v: bigint[], columns: number): bigint[] {
    columns = toU16(columns, "columns"); // n, the number of uids: a u16
    this.core.reset();
    const m = this.csr(rows);
    const out = this.vecOut(columns);
    this.fn("m_matmul_sparse", rows.length, m.start, m.col, m.val, this.core.i64(v), v.length, columns, out);
    return this.core.readI64(out, columns);
  }
  matmulTransposeSparse(rows: Rows, v: bigint[]): bigint[] {
    this.core.reset();
    const m = this.csr(rows);
    const out = this.vecOut(rows.length);
    this.fn("m_matmul_transpose_sparse", rows.length, m.start, m.col, m.val, this.core.i64(v), v.length, out);
    return this.core.readI64(out, rows.length);
  }
  interpolateSparse(a: Rows, b: Rows, columns: number, ratio: bigint): FixedSparse {
    columns = toU16(columns, "columns"); // n, the number of uids: a u16
    this.core.reset();
    const ma = this.csr(a), mb = this.csr(b);
    return this.readHeader(this.fn<number>("m_interpolate_sparse", a.length, ma.start, ma.col, ma.val, b.length, mb.start, mb.col, mb.val, columns, s64(ratio)));
  }
  rowHadamardSparse(rows: Rows, v: bigint[]): FixedSparse {
    this.core.reset();
    const m = this.csr(rows);
    return this.readHeader(this.fn<number>("m_row_hadamard_sparse", rows.length, m.start, m.col, m.val, this.core.i64(v), v.length));
  }
  matVecMulSparse(rows: Rows, v: bigint[]): FixedSparse {
    this.core.reset();
    const m = this.csr(rows);
    return this.readHeader(this.fn<number>("m_mat_vec_mul_sparse", rows.length, m.start, m.col, m.val, this.core.i64(v), v.length));
  }
  vecMul(a: bigint[], b: bigint[]): bigint[] {
    this.core.reset();
    const n = Math.min(a.length, b.length);
    const out = this.vecOut(n);
    this.fn("m_vec_mul", this.core.i64(a), this.core.i64(b), n, out);
    return this.core.readI64(out, n);
  }
  matEmaSparse(nw: Rows, old: Rows, alpha: bigint): FixedSparse {
    this.core.reset();
    const a = this.csr(nw), b = this.csr(old);
    return this.readHeader(this.fn<number>("m_mat_ema_sparse", nw.length, a.start, a.col, a.val, old.length, b.start, b.col, b.val, s64(alpha)));
  }
  matEmaAlphaSparse(nw: Rows, old: Rows, alpha: bigint[][]): FixedSparse {
    this.core.reset();
    const a = this.csr(nw), b = this.csr(old);
    const cols = alpha.length > 0 ? alpha[0].length : 0;
    if (alpha.some((r) => r.length !== cols)) throw new TaomathError("wrong_length", "alpha", "every row must have the same length (a dense matrix)");
    const ap = this.core.i64(alpha.flat());
    return this.readHeader(this.fn<number>("m_mat_ema_alpha_sparse", nw.length, a.start, a.col, a.val, old.length, b.start, b.col, b.val, ap, alpha.length, cols));
  }
  vecMaxUpscaleToU16(x: bigint[]): number[] {
    this.core.reset();
    const out = this.core.alloc(x.length * 2);
    this.fn("m_vec_max_upscale_to_u16", this.core.i64(x), x.length, out);
    return this.core.readU16(out, x.length);
  }
  vecU16MaxUpscaleToU16(x: number[]): number[] {
    this.core.reset();
    const out = this.core.alloc(x.length * 2);
    this.fn("m_vec_u16_max_upscale_to_u16", this.core.u16(x), x.length, out);
    return this.core.readU16(out, x.length);
  }

  // ---- dense matrices: rows of I32F32 bits, rectangular (every row as long as the first) ----
  private dense(m: DenseMatrix, field = "matrix"): { p: number; rows: number; cols: number } {
    const rows = m.length, cols = rows > 0 ? m[0].length : 0;
    const bad = m.findIndex((r) => r.length !== cols);
    if (bad >= 0) throw new TaomathError("wrong_length", `${field}[${bad}]`, `has ${m[bad].length} entries, the first row ${cols} (rows of a dense matrix are equally long)`);
    return { p: this.core.i64(m.flat()), rows, cols };
  }
  private readDense(p: number, rows: number, cols: number): DenseMatrix {
    const flat = this.core.readI64(p, rows * cols);
    const out: DenseMatrix = [];
    for (let i = 0; i < rows; i++) out.push(flat.slice(i * cols, (i + 1) * cols));
    return out;
  }
  private readDenseHeader(h: number): DenseMatrix {
    const [rows, cols, p] = this.core.slots(h >>> 0, 3);
    return this.readDense(p, rows, cols);
  }
  private inPlaceDense(name: string, m: DenseMatrix, ...extra: unknown[]): DenseMatrix {
    this.core.reset();
    const d = this.dense(m);
    this.fn(name, d.p, d.rows, d.cols, ...extra);
    return this.readDense(d.p, d.rows, d.cols);
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
    this.fn("d_mask_vector", this.flags(mask), mask.length, p, v.length);
    return this.core.readI64(p, v.length);
  }
  /** inplace_mask_matrix */
  maskMatrix(mask: boolean[][], m: DenseMatrix): DenseMatrix {
    this.core.reset();
    const cols = mask.length > 0 ? mask[0].length : 0;
    if (mask.some((r) => r.length !== cols)) throw new TaomathError("wrong_length", "mask", "every row must have the same length");
    const mp = this.flags(mask.flat());
    const d = this.dense(m);
    this.fn("d_mask_matrix", mp, mask.length, cols, d.p, d.rows, d.cols);
    return this.readDense(d.p, d.rows, d.cols);
  }
  /** inplace_mask_rows */
  maskRows(mask: boolean[], m: DenseMatrix): DenseMatrix {
    this.core.reset();
    const mp = this.flags(mask), d = this.dense(m);
    this.fn("d_mask_rows", mp, mask.length, d.p, d.rows, d.cols);
    return this.readDense(d.p, d.rows, d.cols);
  }
  /** inplace_mask_cols */
  maskCols(mask: boolean[], m: DenseMatrix): DenseMatrix {
    this.core.reset();
    const mp = this.flags(mask), d = this.dense(m);
    this.fn("d_mask_cols", mp, mask.length, d.p, d.rows, d.cols);
    return this.readDense(d.p, d.rows, d.cols);
  }
  /** inplace_mask_diag */
  maskDiag(m: DenseMatrix): DenseMatrix { return this.inPlaceDense("d_mask_diag", m); }
  /** inplace_mask_diag_except_index */
  maskDiagExceptIndex(m: DenseMatrix, except: number): DenseMatrix { return this.inPlaceDense("d_mask_diag_except_index", m, except); }
  /** row_hadamard */
  rowHadamard(m: DenseMatrix, v: bigint[]): DenseMatrix {
    this.core.reset();
    const d = this.dense(m);
    return this.readDenseHeader(this.fn<number>("d_row_hadamard", d.p, d.rows, d.cols, this.core.i64(v), v.length));
  }
  /** row_sum */
  rowSum(m: DenseMatrix): bigint[] {
    this.core.reset();
    const d = this.dense(m);
    const out = this.vecOut(d.rows);
    return this.core.readI64(out, this.fn<number>("d_row_sum", d.p, d.rows, d.cols, out));
  }
  /** matmul: out_j = Σ_i v_i m_ij */
  matmul(m: DenseMatrix, v: bigint[]): bigint[] {
    this.core.reset();
    const d = this.dense(m);
    const out = this.vecOut(d.cols);
    return this.core.readI64(out, this.fn<number>("d_matmul", d.p, d.rows, d.cols, this.core.i64(v), v.length, out));
  }
  /** matmul_transpose: out_i = Σ_j m_ij v_j */
  matmulTranspose(m: DenseMatrix, v: bigint[]): bigint[] {
    this.core.reset();
    const d = this.dense(m);
    const out = this.vecOut(d.rows);
    return this.core.readI64(out, this.fn<number>("d_matmul_transpose", d.p, d.rows, d.cols, this.core.i64(v), v.length, out));
  }
  /** mat_vec_mul */
  matVecMul(m: DenseMatrix, v: bigint[]): DenseMatrix {
    this.core.reset();
    const d = this.dense(m);
    return this.readDenseHeader(this.fn<number>("d_mat_vec_mul", d.p, d.rows, d.cols, this.core.i64(v), v.length));
  }
  /** inplace_col_clip */
  colClip(m: DenseMatrix, threshold: bigint[]): DenseMatrix {
    this.core.reset();
    const d = this.dense(m);
    this.fn("d_col_clip", d.p, d.rows, d.cols, this.core.i64(threshold), threshold.length);
    return this.readDense(d.p, d.rows, d.cols);
  }
  /** weighted_median_col (dense) */
  weightedMedianCol(stake: bigint[], score: DenseMatrix, majority: bigint): bigint[] {
    this.core.reset();
    const d = this.dense(score);
    const out = this.vecOut(d.cols);
    const len = this.fn<number>("d_weighted_median_col", this.core.i64(stake), stake.length, d.p, d.rows, d.cols, s64(majority), out);
    return this.core.readI64(out, len);
  }
  private pair(name: string, a: DenseMatrix, b: DenseMatrix, x: bigint): DenseMatrix {
    this.core.reset();
    const da = this.dense(a), db = this.dense(b);
    return this.readDenseHeader(this.fn<number>(name, da.p, da.rows, da.cols, db.p, db.rows, db.cols, s64(x)));
  }
  /** interpolate: a + ratio (b - a) */
  interpolate(a: DenseMatrix, b: DenseMatrix, ratio: bigint): DenseMatrix { return this.pair("d_interpolate", a, b, ratio); }
  /** mat_ema: alpha new + (1 - alpha) old */
  matEma(nw: DenseMatrix, old: DenseMatrix, alpha: bigint): DenseMatrix { return this.pair("d_mat_ema", nw, old, alpha); }
  /** mat_ema_alpha (dense): per-cell alpha, clamped to [.., 1] */
  matEmaAlpha(nw: DenseMatrix, old: DenseMatrix, alpha: DenseMatrix): DenseMatrix {
    this.core.reset();
    const a = this.dense(nw, "new"), b = this.dense(old, "old"), c = this.dense(alpha, "alpha");
    return this.readDenseHeader(this.fn<number>("d_mat_ema_alpha", a.p, a.rows, a.cols, b.p, b.rows, b.cols, c.p, c.rows, c.cols));
  }
  /** vecdiv: x_i / y_i, 0 where y_i = 0 */
  vecdiv(x: bigint[], y: bigint[]): bigint[] {
    this.core.reset();
    const out = this.vecOut(x.length);
    this.fn("d_vecdiv", this.core.i64(x), x.length, this.core.i64(y), y.length, out);
    return this.core.readI64(out, x.length);
  }
  /** is_topk (no zero rule) */
  isTopk(v: bigint[], k: number): boolean[] {
    k = toInt(k, "k", 0, 2 ** 31 - 1, "count");
    this.core.reset();
    const out = this.core.alloc(v.length);
    this.fn("d_is_topk", this.core.i64(v), v.length, k, out);
    return this.core.readU8(out, v.length).map((x) => x !== 0);
  }
  /** sum: plain (wrapping) sum */
  sum(x: bigint[]): bigint { this.core.reset(); return this.fn<bigint>("d_sum", this.core.i64(x), x.length); }
  /** checked_sum over u64; null on overflow */
  checkedSumU64(x: bigint[]): bigint | null {
    this.core.reset();
    const s = u64(this.fn<bigint>("d_checked_sum_u64", this.core.u64(x), x.length));
    return this.fn<number>("d_checked_sum_overflowed") !== 0 ? null : s;
  }
  /** mask_rows_sparse (true = empty the row; rows past the mask are emptied) */
  maskRowsSparse(mask: boolean[], rows: Rows): FixedSparse {
    this.core.reset();
    const mp = this.flags(mask);
    const m = this.csr(rows);
    this.fn("s_mask_rows_sparse", mp, mask.length, rows.length, m.start, m.col, m.val);
    return this.core.readCsrFixed(rows.length, m.start, m.col, m.val);
  }
  /** mask_diag_sparse, or mask_diag_sparse_except_index when `except` is given */
  maskDiagSparse(rows: Rows, except?: number): FixedSparse { return this.inPlaceSparse("s_mask_diag_sparse", rows, except ?? -1); }
  /** vec_mask_sparse_matrix: drop (i, j) where first[i] op second[j] */
  vecMaskSparseMatrix(rows: Rows, first: bigint[], second: bigint[], op: MaskOp): FixedSparse {
    if (!MASK_OPS.includes(op)) throw new TaomathError("invalid_type", "op", `expected one of ${MASK_OPS.join(" ")}, got ${quote(op)}`);
    this.core.reset();
    const f = this.core.u64(first), sv = this.core.u64(second);
    const m = this.csr(rows);
    this.fn("s_vec_mask_sparse_matrix", rows.length, m.start, m.col, m.val, f, first.length, sv, second.length, MASK_OPS.indexOf(op));
    return this.core.readCsrFixed(rows.length, m.start, m.col, m.val);
  }
  /** fixed64_to_fixed32: I64F64 bits -> I32F32 bits (floor, saturating) */
  fixed64ToFixed32(bits: bigint): bigint {
    const v = bits128(bits, "bits");
    this.core.reset();
    return this.fn<bigint>("d_fixed64_to_fixed32", BigInt.asIntN(64, v >> 64n), BigInt.asIntN(64, v & MASK64));
  }
  /** check_vec_max_limited: after normalising the u16 weights, is the largest <= limit / 65535? */
  checkVecMaxLimited(weights: number[], limit: number): boolean {
    if (weights.length === 0) return true;
    const normalized = this.normalize(weights.map((u) => BigInt(u) << 32n));
    const cap = this.u16ProportionToFixed(limit);
    return normalized.reduce((a, b) => (b > a ? b : a)) <= cap;
  }
  /** safe_ln: natural log as substrate-fixed computes it on I32F32, 0 for x <= 0 or when 1/x overflows */
  safeLn(x: bigint): bigint { this.core.reset(); return this.fn<bigint>("d_safe_ln", s64(x)); }
}
