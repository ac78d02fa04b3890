// Quotes on a subnet's pool, exactly as the chain would execute them: what a stake of TAO buys,
// what an unstake of alpha returns, the fee, the price impact, and the largest amount a limit
// price allows. The curve is the runtime's (src/core/runtime.ts): the weighted Balancer up to
// rules 459, the superellipse of runtime 473 (the pool's `ellipse`, or the one its first swap
// would build). Every result says which rule set produced it. Inputs are validated here
// (TaomathError naming the field); the arithmetic runs in the wasm core (assembly/swap, assembly/bigint).

import { TaomathError, ChainRejected, quote as quoted } from "../core/errors.js";
import { toU64, toU16, type U64Like } from "../bindings/values.js";
import type { PoolInput, SwapError, SwapCore } from "../bindings/swap.js";
import { instanceOr } from "../core/default.js";
import type { Taomath } from "../core/taomath.js";
import { resolveRuntime, runtimeTag, NEWEST_SPEC, type ResolvedRuntime, type RuntimeTag } from "../core/runtime.js";
import { type Pool473Input, type EllipseCore } from "../bindings/superellipse.js";
import { validateEllipse, type EllipseLike } from "./validate.js";

const ACC = 10n ** 18n;
const MIN_WEIGHT = ACC / 100n;
/** The chain's default limits: max price 1e15 rao/alpha for buys, min 1e3 for sells. */
export const MAX_PRICE_RAO = 1_000_000_000_000_000n;
export const MIN_PRICE_RAO = 1_000n;

/** A dynamic subnet's pool. Weights are Perquintill parts of 1e18 (TAO weight; 0.5 = 5e17). */
export interface Pool {
  taoReserve: U64Like;
  alphaReserve: U64Like;
  quoteWeight?: U64Like;
  feeRate?: number;
  palSwapInitialized?: boolean;
  minimumReserve?: U64Like;
  /** runtime 473+: the pool's `SwapSuperellipse` entry (absent: the first swap builds it from quoteWeight) */
  ellipse?: EllipseLike | null;
}

export interface Quote {
  /** gross input (TAO for a stake, alpha for an unstake), fee included */
  amountIn: bigint;
  /** the part of the input that enters the pool (amountIn − fee, or less when a limit binds) */
  paidIn: bigint;
  amountOut: bigint;
  /** swap fee in the input token (goes to the block author) */
  fee: bigint;
  /** U64F64 bits of the spot price (TAO per alpha) before and after */
  priceBefore: bigint;
  priceAfter: bigint;
  /** TAO per alpha actually paid (stake) or received (unstake), fee included */
  effectivePrice: number;
  /** 1 − (value received at the effective price / value at the spot price), fee included */
  slippage: number;
  /** the rule set that computed this quote */
  runtime: RuntimeTag;
}


function core(tm?: Taomath): SwapCore {
  return instanceOr(tm).swap;
}

function options<T extends object>(opts: T | null | undefined): Partial<T> {
  if (opts === undefined || opts === null) return {};
  if (typeof opts !== "object" || Array.isArray(opts)) throw new TaomathError("invalid_type", "opts", `expected an options object, got ${quoted(opts)}`);
  return opts;
}

/** Validates a pool the way the chain would accept it. */
export function validatePool(pool: Pool, field = "pool"): PoolInput {
  if (pool === null || typeof pool !== "object" || Array.isArray(pool)) throw new TaomathError("invalid_type", field, "expected a pool object");
  const tao = toU64(pool.taoReserve, `${field}.taoReserve`);
  const alpha = toU64(pool.alphaReserve, `${field}.alphaReserve`);
  if (tao === 0n) throw new TaomathError("out_of_range", `${field}.taoReserve`, "a dynamic pool needs a positive TAO reserve");
  if (alpha === 0n) throw new TaomathError("out_of_range", `${field}.alphaReserve`, "a dynamic pool needs a positive alpha reserve");
  const quote = pool.quoteWeight === undefined ? ACC / 2n : toU64(pool.quoteWeight, `${field}.quoteWeight`);
  if (quote < MIN_WEIGHT || ACC - quote < MIN_WEIGHT || quote > ACC) {
    throw new TaomathError("out_of_range", `${field}.quoteWeight`, `${quote} is outside the chain's weight range [1e16, 1e18 − 1e16] (Perquintill parts)`);
  }
  const feeRate = pool.feeRate === undefined ? 33 : toU16(pool.feeRate, `${field}.feeRate`);
  if (feeRate > 10_000) throw new TaomathError("out_of_range", `${field}.feeRate`, `${feeRate} is above the chain's MaxFeeRate 10000`);
  const minimumReserve = pool.minimumReserve === undefined ? 1_000_000n : toU64(pool.minimumReserve, `${field}.minimumReserve`);
  if (pool.palSwapInitialized !== undefined && typeof pool.palSwapInitialized !== "boolean") {
    throw new TaomathError("invalid_type", `${field}.palSwapInitialized`, "expected a boolean");
  }
  return {
    taoReserve: tao, alphaReserve: alpha, quoteWeight: quote, feeRate, minimumReserve,
    palSwapInitialized: pool.palSwapInitialized ?? true, mechanism: 1, alphaOut: 0n,
  };
}

function limitOf(v: U64Like | undefined, dflt: bigint, field: string): bigint {
  if (v === undefined) return dflt;
  const l = toU64(v, field);
  if (l === 0n) throw new TaomathError("out_of_range", field, "a limit price of 0 is not a price the chain accepts");
  return l;
}

function chainError(e: SwapError | "ReservesOutOfBalance" | undefined, field: string): never {
  const why: Record<string, string> = {
    PriceLimitExceeded: "the pool price is already past the limit price",
    ReservesTooLow: "the pool's output reserve is below the minimum or the amount buys nothing",
    SwapInputTooLarge: "the net input is above 1000x the input reserve",
    InsufficientLiquidity: "the output would exceed the reserve",
    ReservesOutOfBalance: "the pool's curve cannot price or trade at these reserves",
  };
  throw new ChainRejected(e ?? "Rejected", field, why[e ?? ""] ?? "rejected by the chain");
}

export interface QuoteOptions {
  /** limit price in rao of TAO per whole alpha (default: the chain's max for stakes, min for unstakes) */
  limitPriceRao?: U64Like;
  /** an explicit instance (default: the shared one) */
  taomath?: Taomath;
  /** the runtime spec_version whose rules apply (see QUOTE_DEFAULT_RUNTIME for the default) */
  runtime?: number;
}

/**
 * The rule set a quote runs when no `runtime` is given: the newest known (the chain that runs today).
 * A pool without an ellipse then runs the chain's first-swap initialisation from its quote weight,
 * as the 473 pallet does for a pool it has not migrated yet. Pass `runtime: 425` for the Balancer curve.
 */
export const QUOTE_DEFAULT_RUNTIME: number = NEWEST_SPEC;

let newest: ResolvedRuntime | undefined;

function runtimeFor(runtime: number | undefined): ResolvedRuntime {
  if (runtime !== undefined) return resolveRuntime(runtime, "runtime");
  // the newest rules never change within a process; resolving them is a measurable part of a quote
  return newest ??= resolveRuntime(undefined, "runtime");
}

/**
 * The last pool validated for the superellipse rules, the field values it was validated from and
 * its slots for the core: quotes in a loop on one pool object validate and convert it once. A
 * field that is not the identical value (a changed reserve, another ellipse) validates again.
 */
interface Checked473 {
  pool: Pool; p: PoolInput; slots: BigUint64Array;
  tao: unknown; alpha: unknown; weight: unknown; fee: unknown; init: unknown; min: unknown;
  ellipse: unknown; a: unknown; b: unknown; ca: unknown; ct: unknown;
}
let checked: Checked473 | null = null;

function checkedHit(pool: Pool): Checked473 | null {
  const c = checked;
  if (c === null || c.pool !== pool) return null;
  if (pool.taoReserve !== c.tao || pool.alphaReserve !== c.alpha || pool.quoteWeight !== c.weight || pool.feeRate !== c.fee
    || pool.palSwapInitialized !== c.init || pool.minimumReserve !== c.min || pool.ellipse !== c.ellipse) return null;
  const e = pool.ellipse;
  if (e !== null && e !== undefined && (e.alpha_scale !== c.a || e.tao_scale !== c.b || e.center_alpha !== c.ca || e.center_tao !== c.ct)) return null;
  return c;
}

/** The core's slots of a validated pool for the superellipse rules (from the memo when the pool is unchanged). */
function slots473(ec: EllipseCore, p: PoolInput, pool: Pool, hit: Checked473 | null): BigUint64Array {
  if (hit !== null) return hit.slots;
  const slots = ec.poolSlots(pool473(p, pool));
  const e = pool.ellipse;
  const some = e !== null && e !== undefined;
  checked = {
    pool, p, slots,
    tao: pool.taoReserve, alpha: pool.alphaReserve, weight: pool.quoteWeight, fee: pool.feeRate, init: pool.palSwapInitialized, min: pool.minimumReserve,
    ellipse: e, a: some ? e.alpha_scale : undefined, b: some ? e.tao_scale : undefined, ca: some ? e.center_alpha : undefined, ct: some ? e.center_tao : undefined,
  };
  return slots;
}

/** The validated pool with its curve for the superellipse rules. */
function pool473(p: PoolInput, pool: Pool): Pool473Input {
  const ellipse = pool.ellipse === undefined || pool.ellipse === null ? null : validateEllipse(pool.ellipse, p.alphaReserve, p.taoReserve, "pool.ellipse");
  return {
    taoReserve: p.taoReserve, alphaReserve: p.alphaReserve, alphaOut: p.alphaOut, quoteWeight: p.quoteWeight,
    palSwapInitialized: p.palSwapInitialized, feeRate: p.feeRate, minimumReserve: p.minimumReserve, mechanism: p.mechanism, ellipse,
  };
}

function quote(pool: Pool, buy: boolean, amount: U64Like, given: QuoteOptions, field: string): Quote {
  const opts = options(given);
  const rt = runtimeFor(opts.runtime);
  const se = rt.ruleSet.pool === "superellipse";
  const hit = se ? checkedHit(pool) : null;
  const p = hit !== null ? hit.p : validatePool(pool);
  const amt = typeof amount === "bigint" && BigInt.asUintN(64, amount) === amount ? amount : toU64(amount, field);
  const limit = limitOf(opts.limitPriceRao, buy ? MAX_PRICE_RAO : MIN_PRICE_RAO, "limitPriceRao");
  let r;
  if (se) {
    const ec = (instance(opts.taomath)).ellipse;
    r = ec.quoteSlots(slots473(ec, p, pool, hit), buy, amt, limit);
  } else r = core(opts.taomath).quote(p, buy, amt, limit);
  if (r.error !== null) chainError(r.error, field);
  return toQuote(amt, r.paidIn, r.paidOut, r.fee, r.priceBefore, r.priceAfter, buy, runtimeTag(rt));
}

const instance = instanceOr;

function toQuote(amountIn: bigint, paidIn: bigint, out: bigint, fee: bigint, pb: bigint, pa: bigint, buy: boolean, runtime: RuntimeTag): Quote {
  const spot = Number(pb) / 2 ** 64;
  const spent = Number(paidIn + fee);
  const effectivePrice = buy ? (out === 0n ? Infinity : spent / Number(out)) : (spent === 0 ? 0 : Number(out) / spent);
  const slippage = spot === 0 ? 0 : buy ? 1 - spot / effectivePrice : 1 - effectivePrice / spot;
  return { amountIn, paidIn, amountOut: out, fee, priceBefore: pb, priceAfter: pa, effectivePrice, slippage, runtime };
}

/** What staking `taoIn` rao buys (a simulated add_stake swap: TAO in, alpha out). */
export function quoteStake(pool: Pool, taoIn: U64Like, opts: QuoteOptions = {}): Quote {
  return quote(pool, true, taoIn, opts, "taoIn");
}

/** What unstaking `alphaIn` alpha rao returns (a simulated remove_stake swap: alpha in, TAO out). */
export function quoteUnstake(pool: Pool, alphaIn: U64Like, opts: QuoteOptions = {}): Quote {
  return quote(pool, false, alphaIn, opts, "alphaIn");
}

/**
 * get_max_amount_add ("stake": TAO, fee included) / get_max_amount_remove ("unstake": alpha):
 * the largest amount that executes before the price reaches `limitPriceRao` (rao per alpha).
 */
export function maxAmountForLimit(pool: Pool, limitPriceRao: U64Like, direction: "stake" | "unstake", opts: { taomath?: Taomath; runtime?: number } = {}): bigint {
  return limitMaximum(pool, limitPriceRao, direction, opts).maxAmount;
}

/** maxAmountForLimit with the rule set that produced it. */
export function limitMaximum(pool: Pool, limitPriceRao: U64Like, direction: "stake" | "unstake", given: { taomath?: Taomath; runtime?: number } = {}): { maxAmount: bigint; runtime: RuntimeTag } {
  const opts = options(given);
  const rt = runtimeFor(opts.runtime);
  const p = validatePool(pool);
  // no default here: a limit of 0 is refused, so a missing one is too (never silently read as 0)
  if (limitPriceRao === undefined) throw new TaomathError("invalid_type", "limitPriceRao", "required: the limit price in rao per alpha");
  const limit = limitOf(limitPriceRao, 0n, "limitPriceRao");
  if (direction !== "stake" && direction !== "unstake") throw new TaomathError("invalid_type", "direction", `expected "stake" or "unstake", got ${quoted(direction)}`);
  const r = rt.ruleSet.pool === "superellipse"
    ? (instance(opts.taomath)).ellipse.maxAmount(pool473(p, pool), direction === "stake", limit, false)
    : core(opts.taomath).maxAmount(p, direction === "stake", limit, false);
  if (!r.ok) chainError(r.error, "limitPriceRao");
  return { maxAmount: r.maxAmount, runtime: runtimeTag(rt) };
}

export interface BatchQuotes {
  /** per amount: the chain's error for that amount, or null */
  error: Array<SwapError | null>;
  paidIn: BigUint64Array;
  amountOut: BigUint64Array;
  fee: BigUint64Array;
  /** the rule set that computed these quotes */
  runtime: RuntimeTag;
}

function batch(pool: Pool, buy: boolean, amounts: ArrayLike<U64Like>, given: QuoteOptions, field: string): BatchQuotes {
  const opts = options(given);
  const rt = runtimeFor(opts.runtime);
  const se = rt.ruleSet.pool === "superellipse";
  const hit = se ? checkedHit(pool) : null;
  const p = hit !== null ? hit.p : validatePool(pool);
  // an array or a typed array: a string is array-like but not a list of amounts
  if (!Array.isArray(amounts) && !ArrayBuffer.isView(amounts)) throw new TaomathError("invalid_type", field, `expected an array of amounts, got ${quoted(amounts)}`);
  const n = amounts.length;
  let a: BigUint64Array;
  if (amounts instanceof BigUint64Array) a = amounts;
  else {
    a = new BigUint64Array(n);
    for (let i = 0; i < n; i++) {
      const x = amounts[i];
      // the common case inline; toU64 converts or names the bad element
      // (asUintN is a u64 range check several times cheaper than two BigInt comparisons)
      a[i] = typeof x === "bigint" && BigInt.asUintN(64, x) === x ? x : toU64(x, `${field}[${i}]`);
    }
  }
  const limit = limitOf(opts.limitPriceRao, buy ? MAX_PRICE_RAO : MIN_PRICE_RAO, "limitPriceRao");
  let rows: BigUint64Array;
  if (se) {
    const ec = (instance(opts.taomath)).ellipse;
    rows = ec.quoteBatchSlots(slots473(ec, p, pool, hit), buy, a, limit, false);
  } else rows = core(opts.taomath).quoteBatch(p, buy, a, limit, false);
  const out: BatchQuotes = { error: new Array(n), paidIn: new BigUint64Array(n), amountOut: new BigUint64Array(n), fee: new BigUint64Array(n), runtime: runtimeTag(rt) };
  const names: Array<SwapError | null> = [null, "PriceLimitExceeded", "ReservesTooLow", "SwapInputTooLarge", "InsufficientLiquidity", "ReservesOutOfBalance" as SwapError];
  // copied as 32-bit halves: reading a u64 element makes a BigInt, which costs more than the quote
  const r32 = new Uint32Array(rows.buffer, rows.byteOffset, rows.length * 2);
  const pin = new Uint32Array(out.paidIn.buffer), aout = new Uint32Array(out.amountOut.buffer), f32 = new Uint32Array(out.fee.buffer);
  for (let i = 0, k = 0; i < n; i++, k += 8) {
    out.error[i] = names[r32[k]];
    pin[2 * i] = r32[k + 2]; pin[2 * i + 1] = r32[k + 3];
    aout[2 * i] = r32[k + 4]; aout[2 * i + 1] = r32[k + 5];
    f32[2 * i] = r32[k + 6]; f32[2 * i + 1] = r32[k + 7];
  }
  return out;
}

/** quoteStake for many TAO amounts in one wasm call (slippage curves). */
export function quoteStakeBatch(pool: Pool, taoIn: ArrayLike<U64Like>, opts: QuoteOptions = {}): BatchQuotes {
  return batch(pool, true, taoIn, opts, "taoIn");
}
/** quoteUnstake for many alpha amounts in one wasm call. */
export function quoteUnstakeBatch(pool: Pool, alphaIn: ArrayLike<U64Like>, opts: QuoteOptions = {}): BatchQuotes {
  return batch(pool, false, alphaIn, opts, "alphaIn");
}

/** Spot price of a pool as U64F64 bits (TAO per alpha). */
export function spotPrice(pool: Pool, opts: { taomath?: Taomath; runtime?: number } = {}): bigint {
  return spotPriceOf(pool, opts).price;
}

/** The spot price (U64F64 bits, TAO per alpha) with the rule set that produced it. At 473 a pool
 * without an ellipse shows the chain's read-only Balancer fallback price. */
export function spotPriceOf(pool: Pool, given: { taomath?: Taomath; runtime?: number } = {}): { price: bigint; runtime: RuntimeTag } {
  const opts = options(given);
  const rt = runtimeFor(opts.runtime);
  const p = validatePool(pool);
  const price = rt.ruleSet.pool === "superellipse"
    ? (instance(opts.taomath)).ellipse.spotPrice(pool473(p, pool))
    : core(opts.taomath).price(p.quoteWeight!, p.alphaReserve, p.taoReserve);
  return { price, runtime: runtimeTag(rt) };
}

