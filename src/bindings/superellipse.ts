// Typed wrappers over assembly/abi/superellipse.ts (header convention, boundary.json): the runtime-473 superellipse curve
// (calibration, price, trades, limit searches, inverse quote, translation), one 473 swap, quotes,
// limit-price maximums and the Balancer → superellipse migration. Inputs here are already
// validated u64/u128/i128 values (src/pool/validate.ts is the checking layer).

import type { Core } from "../bindings/core.js";
import type { PoolInput, PoolState } from "../bindings/swap.js";
import { DEFAULT_POOL } from "../bindings/swap.js";
import { TaomathError } from "../core/errors.js";
import { MASK64, U128_MAX, I128_MIN, I128_MAX } from "../core/ints.js";
import { ELL, ELL_SLOTS, SEPOOL, SEPOOL_SLOTS, layouts } from "./layout.js";

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
function scale(v: bigint, field: string, key: string): void {
  if (typeof v !== "bigint" || v < 0n || v > U128_MAX) a128(v, `${field}.${key}`);
}
function center(v: bigint, field: string, key: string): void {
  if (typeof v !== "bigint" || v < I128_MIN || v > I128_MAX) throw new TaomathError("out_of_range", `${field}.${key}`, `${String(v)} is not an i128`);
}
const lo = (x: bigint) => x & MASK64;
const hi = (x: bigint) => (x >> 64n) & MASK64;
const u128 = (l: bigint, h: bigint) => (h << 64n) | l;

export class EllipseCore {
  constructor(private readonly core: Core) {}

  /** The ellipse's 8 words in layout order, each value checked (field names built only on failure: this runs per quote). */
  private ellipseWords(e: Ellipse, field: string): bigint[] {
    scale(e.alpha_scale, field, "alpha_scale"); scale(e.tao_scale, field, "tao_scale");
    center(e.center_alpha, field, "center_alpha"); center(e.center_tao, field, "center_tao");
    const a = BigInt.asUintN(128, e.center_alpha), t = BigInt.asUintN(128, e.center_tao);
    return [lo(e.alpha_scale), hi(e.alpha_scale), lo(e.tao_scale), hi(e.tao_scale), lo(a), hi(a), lo(t), hi(t)];
  }
  /** An ellipse block (layout ellipse). */
  private writeEllipse(e: Ellipse): number {
    const w = this.ellipseWords(e, "ellipse");
    const at = this.core.alloc(ELL_SLOTS * 8);
    const v = this.core.words(), k = at / 8;
    v[k + ELL.ALPHA_SCALE_LO] = w[0]; v[k + ELL.ALPHA_SCALE_HI] = w[1]; v[k + ELL.TAO_SCALE_LO] = w[2]; v[k + ELL.TAO_SCALE_HI] = w[3];
    v[k + ELL.CENTER_ALPHA_LO] = w[4]; v[k + ELL.CENTER_ALPHA_HI] = w[5]; v[k + ELL.CENTER_TAO_LO] = w[6]; v[k + ELL.CENTER_TAO_HI] = w[7];
    return at;
  }
  private readEllipse(at: number): Ellipse {
    const v = this.core.words(), k = at / 8;
    return {
      alpha_scale: u128(v[k + ELL.ALPHA_SCALE_LO], v[k + ELL.ALPHA_SCALE_HI]), tao_scale: u128(v[k + ELL.TAO_SCALE_LO], v[k + ELL.TAO_SCALE_HI]),
      center_alpha: BigInt.asIntN(128, u128(v[k + ELL.CENTER_ALPHA_LO], v[k + ELL.CENTER_ALPHA_HI])),
      center_tao: BigInt.asIntN(128, u128(v[k + ELL.CENTER_TAO_LO], v[k + ELL.CENTER_TAO_HI])),
    };
  }
  /** A 473 pool block (layout pool_473), and `extra` u64 slots after it (a hot path's input header, in the same allocation). */
  private writePool(p: Pool473Input, extra = 0): number { return this.putPool(this.poolSlots(p), extra); }
  private putPool(slots: BigUint64Array, extra: number): number {
    if (!(slots instanceof BigUint64Array) || slots.length !== SEPOOL_SLOTS) throw new TaomathError("invalid_type", "pool", `expected the ${SEPOOL_SLOTS} slots of poolSlots()`);
    const at = this.core.alloc((SEPOOL_SLOTS + extra) * 8);
    this.core.words().set(slots, at / 8);
    return at;
  }
  /** A pool's slots (layout pool_473), checked; a caller quoting one pool many times converts it once (quoteSlots). */
  poolSlots(p: Pool473Input): BigUint64Array {
    const d = DEFAULT_POOL;
    const e = p.ellipse;
    if (e) {
      scale(e.alpha_scale, "pool.ellipse", "alpha_scale"); scale(e.tao_scale, "pool.ellipse", "tao_scale");
      center(e.center_alpha, "pool.ellipse", "center_alpha"); center(e.center_tao, "pool.ellipse", "center_tao");
    }
    const v = new BigUint64Array(SEPOOL_SLOTS), k = 0;
    v[k + SEPOOL.TAO] = u64(p.taoReserve); v[k + SEPOOL.ALPHA] = u64(p.alphaReserve); v[k + SEPOOL.ALPHA_OUT] = u64(p.alphaOut ?? d.alphaOut);
    v[k + SEPOOL.QUOTE] = u64(p.quoteWeight ?? d.quoteWeight); v[k + SEPOOL.INITIALIZED] = (p.palSwapInitialized ?? d.palSwapInitialized) ? 1n : 0n;
    v[k + SEPOOL.FEE_RATE] = BigInt(p.feeRate ?? d.feeRate); v[k + SEPOOL.MINIMUM_RESERVE] = u64(p.minimumReserve ?? d.minimumReserve);
    v[k + SEPOOL.MECHANISM] = BigInt(p.mechanism ?? d.mechanism);
    v[k + SEPOOL.HAS_ELLIPSE] = e ? 1n : 0n;
    if (e) {
      const a = BigInt.asUintN(128, e.center_alpha), t = BigInt.asUintN(128, e.center_tao);
      v[k + SEPOOL.ALPHA_SCALE_LO] = lo(e.alpha_scale); v[k + SEPOOL.ALPHA_SCALE_HI] = hi(e.alpha_scale);
      v[k + SEPOOL.TAO_SCALE_LO] = lo(e.tao_scale); v[k + SEPOOL.TAO_SCALE_HI] = hi(e.tao_scale);
      v[k + SEPOOL.CENTER_ALPHA_LO] = lo(a); v[k + SEPOOL.CENTER_ALPHA_HI] = hi(a);
      v[k + SEPOOL.CENTER_TAO_LO] = lo(t); v[k + SEPOOL.CENTER_TAO_HI] = hi(t);
    }
    return v;
  }
  private readPool(at: number): Pool473State {
    const v = this.core.words(), k = at / 8;
    return {
      taoReserve: v[k + SEPOOL.TAO], alphaReserve: v[k + SEPOOL.ALPHA], alphaOut: v[k + SEPOOL.ALPHA_OUT], quoteWeight: v[k + SEPOOL.QUOTE],
      palSwapInitialized: v[k + SEPOOL.INITIALIZED] !== 0n, feeRate: Number(v[k + SEPOOL.FEE_RATE]), minimumReserve: v[k + SEPOOL.MINIMUM_RESERVE],
      mechanism: Number(v[k + SEPOOL.MECHANISM]),
      ellipse: v[k + SEPOOL.HAS_ELLIPSE] !== 0n ? {
        alpha_scale: u128(v[k + SEPOOL.ALPHA_SCALE_LO], v[k + SEPOOL.ALPHA_SCALE_HI]), tao_scale: u128(v[k + SEPOOL.TAO_SCALE_LO], v[k + SEPOOL.TAO_SCALE_HI]),
        center_alpha: BigInt.asIntN(128, u128(v[k + SEPOOL.CENTER_ALPHA_LO], v[k + SEPOOL.CENTER_ALPHA_HI])),
        center_tao: BigInt.asIntN(128, u128(v[k + SEPOOL.CENTER_TAO_LO], v[k + SEPOOL.CENTER_TAO_HI])),
      } : null,
    };
  }
  private curve<T>(err: number, value: () => T): CurveResult<T> {
    const e = ELLIPSE_ERRORS[err];
    return e === null ? { ok: true, value: value() } : { ok: false, error: e! };
  }

  fromWeights(alpha: bigint, tao: bigint, quoteWeight: bigint): CurveResult<Ellipse> {
    this.core.reset();
    const out = this.core.invoke("se_from_weights", { alpha: a64(alpha, "alpha"), tao: a64(tao, "tao"), weight: a64(quoteWeight, "quote_weight") > 10n ** 18n ? 10n ** 18n : quoteWeight });
    return this.curve(out.num("error"), () => this.readEllipse(out.num("ellipse")));
  }
  fromPrice(alpha: bigint, tao: bigint, priceBits: bigint): CurveResult<Ellipse> {
    this.core.reset();
    const price = a128(priceBits, "price");
    const out = this.core.invoke("se_from_price", { alpha: a64(alpha, "alpha"), tao: a64(tao, "tao"), price_lo: lo(price), price_hi: hi(price) });
    return this.curve(out.num("error"), () => this.readEllipse(out.num("ellipse")));
  }
  price(e: Ellipse, alpha: bigint, tao: bigint): CurveResult<bigint> {
    this.core.reset();
    const out = this.core.invoke("se_price", { ellipse: this.writeEllipse(e), alpha: a64(alpha, "alpha"), tao: a64(tao, "tao") });
    return this.curve(out.num("error"), () => out.u128("price"));
  }
  /** One exact-input function; `arg` is the input, floor, U64F64 target bits or wanted output. */
  trade(fn: TradeFn, e: Ellipse, alpha: bigint, tao: bigint, arg: bigint): CurveResult<bigint> {
    this.core.reset();
    const a = fn.includes("delta_to_price") ? a128(arg, "target") : a64(arg, fn.startsWith("max") ? "floor" : fn === "base_needed_for_quote" ? "output" : "input");
    const out = this.core.invoke("se_trade", {
      function: TRADE_CODE[fn], ellipse: this.writeEllipse(e), alpha: a64(alpha, "alpha"), tao: a64(tao, "tao"), arg_lo: lo(a), arg_hi: hi(a),
    });
    return this.curve(out.num("error"), () => out.get("value"));
  }
  translate(e: Ellipse, alphaDelta: bigint, taoDelta: bigint): CurveResult<Ellipse> {
    this.core.reset();
    const out = this.core.invoke("se_translate", { ellipse: this.writeEllipse(e), alpha_delta: a64(alphaDelta, "alpha_delta"), tao_delta: a64(taoDelta, "tao_delta") });
    return this.curve(out.num("error"), () => this.readEllipse(out.num("ellipse")));
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
    const d = this.core.invoke("se_sqrt", { value: p, from_pow2: chainStart }).num("root");
    const n = new Uint32Array(this.core.buffer, d, 1)[0];
    const l = new Uint32Array(this.core.buffer, d + 16, n);
    let x = 0n;
    for (let i = n - 1; i >= 0; i--) x = (x << 32n) | BigInt(l[i]);
    return x;
  }

  spotPrice(pool: Pool473Input): bigint {
    this.core.reset();
    return this.core.invoke("se_spot", { pool: this.writePool(pool) }).u128("price");
  }
  swap(pool: Pool473Input, buy: boolean, amount: bigint, limitPriceRao: bigint, dropFees: boolean, simulate: boolean): Swap473Outcome {
    this.core.reset();
    const out = this.core.invoke("se_swap", {
      pool: this.writePool(pool), buy, amount: a64(amount, "amount"), limit_price: a64(limitPriceRao, "limit_price_rao"), drop_fees: dropFees, simulate,
    });
    const err = SWAP473_ERRORS[out.num("error")];
    return {
      ok: err === null, ...(err ? { error: err } : {}),
      paidIn: out.get("paid_in"), paidOut: out.get("paid_out"), fee: out.get("fee"), feeToBlockAuthor: out.get("fee_to_author"),
      priceBefore: out.u128("price_before"), priceAfter: out.u128("price_after"),
      stateAfter: this.readPool(out.num("pool_after")),
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
    const amt = a64(amount, "amount"), limit = a64(limitPriceRao, "limit_price_rao");
    this.core.reset();
    // the one hot single call: its header is written and read at the generated indexes directly
    const L = layouts.se_quote, ph = this.putPool(slots, L.inSlots), h = ph + SEPOOL_SLOTS * 8;
    let v = this.core.words(), k = h >>> 3;
    v[k + L.in.pool[0]] = BigInt(ph); v[k + L.in.buy[0]] = buy ? 1n : 0n; v[k + L.in.amount[0]] = amt; v[k + L.in.limit_price[0]] = limit;
    const o = this.core.enter("se_quote", h);
    v = this.core.words(); k = o >>> 3;
    const out = L.out;
    return {
      error: SWAP473_ERRORS[Number(v[k + out.error[0]])], paidIn: v[k + out.paid_in[0]], paidOut: v[k + out.paid_out[0]], fee: v[k + out.fee[0]],
      priceBefore: u128(v[k + out.price_before_lo[0]], v[k + out.price_before_hi[0]]), priceAfter: u128(v[k + out.price_after_lo[0]], v[k + out.price_after_hi[0]]),
    };
  }
  quoteBatch(pool: Pool473Input, buy: boolean, amounts: ArrayLike<bigint>, limitPriceRao: bigint, dropFees = false): BigUint64Array {
    return this.quoteBatchSlots(this.poolSlots(pool), buy, amounts, limitPriceRao, dropFees);
  }
  /** quoteBatch() on a pool already converted by poolSlots(). */
  quoteBatchSlots(slots: BigUint64Array, buy: boolean, amounts: ArrayLike<bigint>, limitPriceRao: bigint, dropFees = false): BigUint64Array {
    this.core.reset();
    // a BigUint64Array holds only u64 values; anything else is checked amount by amount
    if (!(amounts instanceof BigUint64Array)) {
      for (let i = 0; i < amounts.length; i++) {
        const x = amounts[i];
        if (typeof x !== "bigint" || BigInt.asUintN(64, x) !== x) a64(x, `amounts[${i}]`);
      }
    }
    const out = this.core.invoke("se_quote_batch", {
      pool: this.putPool(slots, 0), buy, amounts: this.core.u64(amounts), n: amounts.length, limit_price: a64(limitPriceRao, "limit_price_rao"), drop_fees: dropFees,
    });
    const rows = out.num("rows");
    return new BigUint64Array(this.core.buffer.slice(rows, rows + amounts.length * 32));
  }
  maxAmount(pool: Pool473Input, addStake: boolean, limitPriceRao: bigint, isRoot = false): { ok: true; maxAmount: bigint } | { ok: false; error: Swap473Error } {
    this.core.reset();
    const out = this.core.invoke("se_max_amount", { pool: this.writePool(pool), add: addStake, limit_price: a64(limitPriceRao, "limit_price_rao"), is_root: isRoot });
    const err = SWAP473_ERRORS[out.num("error")];
    return err === null ? { ok: true, maxAmount: out.get("max_amount") } : { ok: false, error: err! };
  }
  /** migrate_balancer_to_superellipse on one subnet. */
  migrate(pool: Pool473Input, candidate: boolean, exists: boolean): { complete: boolean; balancerPrice: bigint; priceBefore: bigint; priceAfter: bigint; stateAfter: Pool473State } {
    this.core.reset();
    const out = this.core.invoke("se_migrate", { pool: this.writePool(pool), candidate, exists });
    return {
      complete: out.flag("complete"), balancerPrice: out.u128("balancer_price"), priceBefore: out.u128("price_before"), priceAfter: out.u128("price_after"),
      stateAfter: this.readPool(out.num("pool_after")),
    };
  }
}
