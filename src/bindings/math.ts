// The epoch's math helpers one at a time (assembly/abi/math.ts), on I32F32 bits as bigint.
// Used by the conformance suite against vectors/math and by anyone who wants a single step.

import { Core } from "./core.js";
import type { FixedSparse } from "./epoch.js";

type Rows = ReadonlyArray<ReadonlyArray<readonly [number, bigint]>>;
const s64 = (x: bigint) => BigInt.asIntN(64, x);
const u64 = (x: bigint) => BigInt.asUintN(64, x);

export class MathHelpers {
  constructor(private readonly core: Core) {}

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
  u16ProportionToFixed(u: number): bigint { this.core.reset(); return this.fn<bigint>("m_u16_proportion", u); }
  u16ToFixed(u: number): bigint { this.core.reset(); return this.fn<bigint>("m_u16_to_fixed", u); }
  expSafe(x: bigint): bigint { this.core.reset(); return this.fn<bigint>("m_exp_safe", s64(x)); }
  sigmoidSafe(x: bigint, rho: bigint, kappa: bigint): bigint { this.core.reset(); return this.fn<bigint>("m_sigmoid_safe", s64(x), s64(rho), s64(kappa)); }
  alphaSigmoid(consensus: bigint, weight: bigint, bond: bigint, low: bigint, high: bigint, steepness: number): bigint {
    this.core.reset();
    return this.fn<bigint>("m_alpha_sigmoid", s64(consensus), s64(weight), s64(bond), s64(low), s64(high), steepness);
  }
  /** EMA coefficient from BondsMovingAverage: classic path (wrapping = false) or Yuma3 fallback. */
  emaAlpha(bondsMovingAverage: bigint, wrapping: boolean): bigint {
    this.core.reset();
    return this.fn<bigint>("m_ema_alpha", s64(bondsMovingAverage), wrapping ? 1 : 0);
  }
  emission(x: bigint, rao: bigint): bigint { this.core.reset(); return u64(this.fn<bigint>("m_emission", s64(x), s64(rao))); }
  fixed64ToU64(bits: bigint): bigint {
    this.core.reset();
    const v = BigInt.asUintN(128, bits);
    return u64(this.fn<bigint>("m_fixed64_to_u64", s64(v >> 64n), s64(v & ((1n << 64n) - 1n))));
  }

  weightedMedian(stake: bigint[], score: bigint[], part: number[], minority: bigint, lo: bigint, hi: bigint): bigint {
    this.core.reset();
    // the chain returns 0 when the two vectors differ in length, and reads 0 past their end
    if (stake.length !== score.length) return 0n;
    const width = Math.max(stake.length, ...part.map((x) => x + 1), 1);
    const pad = (v: bigint[]) => [...v, ...new Array(width - v.length).fill(0n)];
    const p = this.core.u32(part);
    return this.fn<bigint>("m_weighted_median", this.core.i64(pad(stake)), this.core.i64(pad(score)), p, part.length, s64(minority), s64(lo), s64(hi));
  }
  weightedMedianColSparse(stake: bigint[], score: Rows, columns: number, majority: bigint): bigint[] {
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
  colNormalizeSparse(rows: Rows, columns: number): FixedSparse { return this.inPlaceSparse("m_col_normalize_sparse", rows, columns); }
  colMaxUpscaleSparse(rows: Rows, columns: number): FixedSparse { return this.inPlaceSparse("m_col_max_upscale_sparse", rows, columns); }
  isTopkNonzero(v: bigint[], k: number): boolean[] {
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
    if (alpha.some((r) => r.length !== cols)) throw new Error("alpha rows must have equal lengths");
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
}
