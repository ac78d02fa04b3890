// Typed wrappers over assembly/abi/superellipse.ts: the runtime-473 superellipse curve
// (calibration, price, trades, limit searches, inverse quote, translation), one 473 swap, quotes,
// limit-price maximums and the Balancer → superellipse migration. Inputs here are already
// validated u64/u128/i128 values (src/pool/validate.ts is the checking layer).

import type { Core } from "../bindings/core.js";
import type { PoolInput, PoolState } from "../bindings/swap.js";
import { DEFAULT_POOL } from "../bindings/swap.js";
import { TaomathError } from "../core/errors.js";
import { MASK64, U128_MAX, I128_MIN, I128_MAX } from "../core/ints.js";

/** The `SwapSuperellipse` storage value (Q32 units: 2^32 per rao). */
export interface Ellipse {
  alpha_scale: bigint;
  tao_scale: bigint;
  center_alpha: bigint;
  center_tao: bigint;
}

export type EllipseError = "InvalidParameters" | "Overflow" | "OutsideDomain" | "InsufficientReserves";
export const ELLIPSE_ERRORS: Array<EllipseError | null> = [null, "InvalidParameters", "Overflow", "OutsideDomain", "InsufficientReserves"];

export type Swap473Error = "PriceLimitExceeded" | "ReservesTooLow" | "SwapInputTooLarge" | "InsufficientLiquidity" | "ReservesOutOfBalance";
export const SWAP473_ERRORS: Array<Swap473Error | null> = [null, "PriceLimitExceeded", "ReservesTooLow", "SwapInputTooLarge", "InsufficientLiquidity", "ReservesOutOfBalance"];

/** A pool of runtime 473: the Balancer-era fields plus its ellipse (absent before the first swap or the migration). */
export interface Pool473Input extends PoolInput { ellipse?: Ellipse | null }
export interface Pool473State extends PoolState { ellipse: Ellipse | null }

export type CurveResult<T> = { ok: true; value: T } | { ok: false; error: EllipseError };

/** The `_bisect` variants run the chain's own full bisection, probe by probe (a reference for the bracketed search);
 * the `_sqrt` variants the chain's division and square root (a reference for the payout's exact-product path). */
export type TradeFn = "buy_output" | "sell_output" | "max_buy_input" | "max_sell_input" | "quote_delta_to_price" | "base_delta_to_price" | "base_needed_for_quote"
  | "quote_delta_to_price_bisect" | "base_delta_to_price_bisect" | "buy_output_sqrt" | "sell_output_sqrt";
const TRADE_CODE: Record<TradeFn, number> = {
  buy_output: 0, sell_output: 1, max_buy_input: 2, max_sell_input: 3, quote_delta_to_price: 4, base_delta_to_price: 5, base_needed_for_quote: 6,
  quote_delta_to_price_bisect: 7, base_delta_to_price_bisect: 8, buy_output_sqrt: 9, sell_output_sqrt: 10,
};

export interface Quote473 { error: Swap473Error | null; paidIn: bigint; paidOut: bigint; fee: bigint; priceBefore: bigint; priceAfter: bigint }

export interface Swap473Outcome {
  ok: boolean;
  error?: Swap473Error;
  paidIn: bigint; paidOut: bigint; fee: bigint; feeToBlockAuthor: bigint;
  priceBefore: bigint; priceAfter: bigint;
  stateAfter: Pool473State;
}

function u64(x: bigint): bigint {
  if (x < 0n || x > MASK64) throw new TaomathError("out_of_range", "pool", `${x} is not a u64`);
  return x;
}
/** A u64 argument, or a TaomathError naming it (never a silent wrap). */
function a64(x: bigint, field: string): bigint {
  if (typeof x !== "bigint" || x < 0n || x > MASK64) throw new TaomathError("out_of_range", field, `${String(x)} is not a u64`);
  return x;
}
/** A u128 argument (U64F64 bits), checked. */
function a128(x: bigint, field: string): bigint {
  if (typeof x !== "bigint" || x < 0n || x > U128_MAX) throw new TaomathError("out_of_range", field, `${String(x)} is not a u128`);
  return x;
}
const lo = (x: bigint) => BigInt.asIntN(64, x & MASK64);
const hi = (x: bigint) => BigInt.asIntN(64, (x >> 64n) & MASK64);
const u128 = (l: bigint, h: bigint) => (h << 64n) | l;

export class EllipseCore {
  constructor(private readonly core: Core) {}

  private fn<T>(name: string, ...args: unknown[]): T { return this.core.call<T>(name, ...args); }
  /** What Core.call does on a trap, for the hot paths that call their export directly. */
  private trapped(name: string, e: unknown): unknown {
    return e instanceof WebAssembly.RuntimeError ? new TaomathError("internal", name, `the wasm core trapped (${e.message})`) : e;
  }
  // One u64 view over the module's memory, remade only when memory growth replaces the buffer:
  // making a typed-array view per call costs more than a whole curve operation.
  private buf: ArrayBuffer | null = null;
  private v64: BigUint64Array = new BigUint64Array(0);
  private view(): BigUint64Array {
    // growth detaches the old buffer (its views read length 0): only then ask for the new one,
    // which saves the memory.buffer getter on every read and write
    if (this.v64.length !== 0) return this.v64;
    const b = this.core.buffer;
    if (b !== this.buf) { this.buf = b; this.v64 = new BigUint64Array(b); }
    return this.v64;
  }
  private read(h: number, n: number): bigint[] {
    const v = this.view(), k = (h >>> 0) / 8;
    const out: bigint[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = v[k + i];
    return out;
  }
  private put(values: bigint[]): number {
    const p = this.core.alloc(values.length * 8);
    const v = this.view(), k = p / 8;
    for (let i = 0; i < values.length; i++) v[k + i] = values[i];
    return p;
  }

  private ellipseSlots(e: Ellipse): bigint[] {
    a128(e.alpha_scale, "ellipse.alpha_scale"); a128(e.tao_scale, "ellipse.tao_scale");
    for (const [v, f] of [[e.center_alpha, "ellipse.center_alpha"], [e.center_tao, "ellipse.center_tao"]] as const) {
      if (typeof v !== "bigint" || v < I128_MIN || v > I128_MAX) throw new TaomathError("out_of_range", f, `${String(v)} is not an i128`);
    }
    const a = BigInt.asUintN(128, e.center_alpha), t = BigInt.asUintN(128, e.center_tao);
    return [e.alpha_scale & MASK64, e.alpha_scale >> 64n, e.tao_scale & MASK64, e.tao_scale >> 64n, a & MASK64, a >> 64n, t & MASK64, t >> 64n];
  }
  private writeEllipse(e: Ellipse): number { return this.put(this.ellipseSlots(e)); }
  private static ellipseFrom(v: bigint[], at: number): Ellipse {
    return {
      alpha_scale: u128(v[at], v[at + 1]), tao_scale: u128(v[at + 2], v[at + 3]),
      center_alpha: BigInt.asIntN(128, u128(v[at + 4], v[at + 5])), center_tao: BigInt.asIntN(128, u128(v[at + 6], v[at + 7])),
    };
  }
  private writePool(p: Pool473Input): number { return this.putSlots(this.poolSlots(p)); }
  private putSlots(slots: BigUint64Array): number {
    const at = this.core.alloc(slots.length * 8);
    this.view().set(slots, at / 8);
    return at;
  }
  /** A pool's 17 input slots, checked; a caller quoting one pool many times converts it once (quoteSlots). */
  poolSlots(p: Pool473Input): BigUint64Array {
    const d = DEFAULT_POOL;
    const v = new BigUint64Array(17), k = 0;
    v[k] = u64(p.taoReserve); v[k + 1] = u64(p.alphaReserve); v[k + 2] = u64(p.alphaOut ?? d.alphaOut);
    v[k + 3] = u64(p.quoteWeight ?? d.quoteWeight); v[k + 4] = (p.palSwapInitialized ?? d.palSwapInitialized) ? 1n : 0n;
    v[k + 5] = BigInt(p.feeRate ?? d.feeRate); v[k + 6] = u64(p.minimumReserve ?? d.minimumReserve);
    v[k + 7] = BigInt(p.mechanism ?? d.mechanism);
    const e = p.ellipse;
    if (e) {
      v[k + 8] = 1n;
      a128(e.alpha_scale, "pool.ellipse.alpha_scale"); a128(e.tao_scale, "pool.ellipse.tao_scale");
      if (e.center_alpha < I128_MIN || e.center_alpha > I128_MAX) throw new TaomathError("out_of_range", "pool.ellipse.center_alpha", "not an i128");
      if (e.center_tao < I128_MIN || e.center_tao > I128_MAX) throw new TaomathError("out_of_range", "pool.ellipse.center_tao", "not an i128");
      const a = BigInt.asUintN(128, e.center_alpha), t = BigInt.asUintN(128, e.center_tao);
      v[k + 9] = e.alpha_scale & MASK64; v[k + 10] = e.alpha_scale >> 64n; v[k + 11] = e.tao_scale & MASK64; v[k + 12] = e.tao_scale >> 64n;
      v[k + 13] = a & MASK64; v[k + 14] = a >> 64n; v[k + 15] = t & MASK64; v[k + 16] = t >> 64n;
    } else v[k + 8] = 0n;
    return v;
  }
  private static poolFrom(v: bigint[], at: number): Pool473State {
    return {
      taoReserve: v[at], alphaReserve: v[at + 1], alphaOut: v[at + 2], quoteWeight: v[at + 3], palSwapInitialized: v[at + 4] !== 0n,
      feeRate: Number(v[at + 5]), minimumReserve: v[at + 6], mechanism: Number(v[at + 7]),
      ellipse: v[at + 8] !== 0n ? EllipseCore.ellipseFrom(v, at + 9) : null,
    };
  }
  private curve<T>(err: bigint, value: T): CurveResult<T> {
    const e = ELLIPSE_ERRORS[Number(err)];
    return e === null ? { ok: true, value } : { ok: false, error: e! };
  }

  fromWeights(alpha: bigint, tao: bigint, quoteWeight: bigint): CurveResult<Ellipse> {
    this.core.reset();
    const v = this.read(this.fn<number>("se_from_weights", lo(a64(alpha, "alpha")), lo(a64(tao, "tao")), lo(a64(quoteWeight, "quote_weight") > 10n ** 18n ? 10n ** 18n : quoteWeight)), 9);
    return this.curve(v[0], EllipseCore.ellipseFrom(v, 1));
  }
  fromPrice(alpha: bigint, tao: bigint, priceBits: bigint): CurveResult<Ellipse> {
    this.core.reset();
    const v = this.read(this.fn<number>("se_from_price", lo(a64(alpha, "alpha")), lo(a64(tao, "tao")), lo(a128(priceBits, "price")), hi(priceBits)), 9);
    return this.curve(v[0], EllipseCore.ellipseFrom(v, 1));
  }
  price(e: Ellipse, alpha: bigint, tao: bigint): CurveResult<bigint> {
    this.core.reset();
    const v = this.read(this.fn<number>("se_price", this.writeEllipse(e), lo(a64(alpha, "alpha")), lo(a64(tao, "tao"))), 3);
    return this.curve(v[0], u128(v[1], v[2]));
  }
  /** One exact-input function; `arg` is the input, floor, U64F64 target bits or wanted output. */
  trade(fn: TradeFn, e: Ellipse, alpha: bigint, tao: bigint, arg: bigint): CurveResult<bigint> {
    this.core.reset();
    const v = this.read(this.fn<number>("se_trade", TRADE_CODE[fn], this.writeEllipse(e), lo(a64(alpha, "alpha")), lo(a64(tao, "tao")),
      lo(fn.includes("delta_to_price") ? a128(arg, "target") : a64(arg, fn.startsWith("max") ? "floor" : fn === "base_needed_for_quote" ? "output" : "input")), hi(arg)), 2);
    return this.curve(v[0], v[1]);
  }
  translate(e: Ellipse, alphaDelta: bigint, taoDelta: bigint): CurveResult<Ellipse> {
    this.core.reset();
    const v = this.read(this.fn<number>("se_translate", this.writeEllipse(e), lo(a64(alphaDelta, "alpha_delta")), lo(a64(taoDelta, "tao_delta"))), 9);
    return this.curve(v[0], EllipseCore.ellipseFrom(v, 1));
  }
  /** floor(√v) for v < 2^512, by the fast start or the chain's own power-of-two start. */
  sqrt(v: bigint, chainStart = false): bigint {
    if (v < 0n || v >= 1n << 512n) throw new TaomathError("out_of_range", "value", "expected an integer in [0, 2^512)");
    this.core.reset();
    const limbs: number[] = [];
    for (let m = v; m > 0n; m >>= 32n) limbs.push(Number(m & 0xffffffffn));
    const cap = Math.max(limbs.length, 1);
    const p = this.core.alloc(16 + cap * 4);
    const w = new Uint32Array(this.core.buffer, p, 4 + cap);
    w[0] = limbs.length; w[1] = 0; w[2] = cap; w[3] = 0;
    for (let i = 0; i < limbs.length; i++) w[4 + i] = limbs[i];
    const d = this.fn<number>("se_sqrt", p, chainStart ? 1 : 0) >>> 0;
    const n = new Uint32Array(this.core.buffer, d, 1)[0];
    const l = new Uint32Array(this.core.buffer, d + 16, n);
    let x = 0n;
    for (let i = n - 1; i >= 0; i--) x = (x << 32n) | BigInt(l[i]);
    return x;
  }

  spotPrice(pool: Pool473Input): bigint {
    this.core.reset();
    const v = this.read(this.fn<number>("se_spot", this.writePool(pool)), 2);
    return u128(v[0], v[1]);
  }
  swap(pool: Pool473Input, buy: boolean, amount: bigint, limitPriceRao: bigint, dropFees: boolean, simulate: boolean): Swap473Outcome {
    this.core.reset();
    const v = this.read(this.fn<number>("se_swap", this.writePool(pool), buy ? 1 : 0, lo(a64(amount, "amount")), lo(a64(limitPriceRao, "limit_price_rao")), dropFees ? 1 : 0, simulate ? 1 : 0), 26);
    const err = SWAP473_ERRORS[Number(v[0])];
    return {
      ok: err === null, ...(err ? { error: err } : {}),
      paidIn: v[1], paidOut: v[2], fee: v[3], feeToBlockAuthor: v[4],
      priceBefore: u128(v[5], v[6]), priceAfter: u128(v[7], v[8]),
      stateAfter: EllipseCore.poolFrom(v, 9),
    };
  }
  /**
   * SwapHandler::sim_swap at 473: on a dynamic pool the swap with the order's default limit (the
   * maximum price for a buy, the minimum for a sell), fees on, rolled back; on any other
   * mechanism amount for amount with no fee, or 0 when the subnet does not exist.
   */
  simSwap(pool: Pool473Input, buy: boolean, amount: bigint, exists = true): { ok: boolean; error?: Swap473Error; paidIn: bigint; paidOut: bigint; fee: bigint; feeToBlockAuthor: bigint } {
    if ((pool.mechanism ?? DEFAULT_POOL.mechanism) !== 1) {
      const a = exists ? amount : 0n;
      return { ok: true, paidIn: a, paidOut: a, fee: 0n, feeToBlockAuthor: 0n };
    }
    const r = this.swap(pool, buy, amount, buy ? 1_000_000_000_000_000n : 1_000n, false, true);
    return { ok: r.ok, ...(r.error ? { error: r.error } : {}), paidIn: r.paidIn, paidOut: r.paidOut, fee: r.fee, feeToBlockAuthor: r.feeToBlockAuthor };
  }
  quote(pool: Pool473Input, buy: boolean, amount: bigint, limitPriceRao: bigint): Quote473 {
    return this.quoteSlots(this.poolSlots(pool), buy, amount, limitPriceRao);
  }
  /** quote() on a pool already converted by poolSlots(). */
  quoteSlots(slots: BigUint64Array, buy: boolean, amount: bigint, limitPriceRao: bigint): Quote473 {
    if (slots.length !== 17) throw new TaomathError("invalid_type", "pool", "expected the 17 slots of poolSlots()");
    this.core.reset();
    const ph = this.putSlots(slots);
    let h: number;
    // a direct call: the generic Core.call's argument spread costs a measurable part of a quote
    try { h = (this.core.exports.se_quote as (...a: unknown[]) => number)(ph, buy ? 1 : 0, a64(amount, "amount"), a64(limitPriceRao, "limit_price_rao")); }
    catch (e) { throw this.trapped("se_quote", e); }
    const v = this.read(h, 8);
    return { error: SWAP473_ERRORS[Number(v[0])], paidIn: v[1], paidOut: v[2], fee: v[3], priceBefore: u128(v[4], v[5]), priceAfter: u128(v[6], v[7]) };
  }
  quoteBatch(pool: Pool473Input, buy: boolean, amounts: ArrayLike<bigint>, limitPriceRao: bigint, dropFees = false): BigUint64Array {
    return this.quoteBatchSlots(this.poolSlots(pool), buy, amounts, limitPriceRao, dropFees);
  }
  /** quoteBatch() on a pool already converted by poolSlots(). */
  quoteBatchSlots(slots: BigUint64Array, buy: boolean, amounts: ArrayLike<bigint>, limitPriceRao: bigint, dropFees = false): BigUint64Array {
    if (slots.length !== 17) throw new TaomathError("invalid_type", "pool", "expected the 17 slots of poolSlots()");
    this.core.reset();
    // a BigUint64Array holds only u64 values; anything else is checked amount by amount
    if (!(amounts instanceof BigUint64Array)) {
      for (let i = 0; i < amounts.length; i++) {
        const x = amounts[i];
        if (typeof x !== "bigint" || BigInt.asUintN(64, x) !== x) a64(x, `amounts[${i}]`);
      }
    }
    const ph = this.putSlots(slots);
    const a = this.core.u64(amounts);
    const out = this.core.alloc(amounts.length * 32);
    this.fn<void>("se_quote_batch", ph, buy ? 1 : 0, a, amounts.length, lo(a64(limitPriceRao, "limit_price_rao")), dropFees ? 1 : 0, out);
    return new BigUint64Array(this.core.buffer.slice(out, out + amounts.length * 32));
  }
  maxAmount(pool: Pool473Input, addStake: boolean, limitPriceRao: bigint, isRoot = false): { ok: true; maxAmount: bigint } | { ok: false; error: Swap473Error } {
    this.core.reset();
    const v = this.read(this.fn<number>("se_max_amount", this.writePool(pool), addStake ? 1 : 0, lo(a64(limitPriceRao, "limit_price_rao")), isRoot ? 1 : 0), 2);
    const err = SWAP473_ERRORS[Number(v[0])];
    return err === null ? { ok: true, maxAmount: v[1] } : { ok: false, error: err! };
  }
  /** migrate_balancer_to_superellipse on one subnet. */
  migrate(pool: Pool473Input, candidate: boolean, exists: boolean): { complete: boolean; balancerPrice: bigint; priceBefore: bigint; priceAfter: bigint; stateAfter: Pool473State } {
    this.core.reset();
    const v = this.read(this.fn<number>("se_migrate", this.writePool(pool), candidate ? 1 : 0, exists ? 1 : 0), 24);
    return {
      complete: v[0] !== 0n, balancerPrice: u128(v[1], v[2]), priceBefore: u128(v[3], v[4]), priceAfter: u128(v[5], v[6]),
      stateAfter: EllipseCore.poolFrom(v, 7),
    };
  }
}
