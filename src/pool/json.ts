// The quote API's JSON wire format, shared by every host: the Worker's POST /v1/quote, the dashboard's
// calculator and Node. One function turns a request into the response value, so equal requests give equal
// canonical bytes on every host. Wire format: snake_case keys, u64 amounts as decimal strings (the vector
// encoding); errors are TaomathErrors naming the wire field (e.g. `pool.tao_reserve`, `amounts[3]`).

import { TaomathError, quote } from "../core/errors.js";
import { toArray, toU64, typeOf } from "../bindings/values.js";
import { resolveRuntime, type RuntimeTag } from "../core/runtime.js";
import { quoteStakeBatch, quoteUnstakeBatch, spotPriceOf, validatePool, MAX_PRICE_RAO, MIN_PRICE_RAO, type Pool } from "./quote.js";
import type { Taomath } from "../core/taomath.js";
import { isObject, rejectUnknown } from "../core/wire.js";

/** Most amounts one quote request may carry (a slippage curve needs ~100). */
export const MAX_QUOTE_AMOUNTS = 10_000;

const POOL_FIELDS: Record<string, keyof Pool> = {
  tao_reserve: "taoReserve", alpha_reserve: "alphaReserve", quote_weight: "quoteWeight",
  fee_rate: "feeRate", minimum_reserve: "minimumReserve", pal_swap_initialized: "palSwapInitialized",
  ellipse: "ellipse",
};
const QUOTE_FIELDS = ["pool", "side", "amount", "amounts", "limit_price_rao", "runtime"];

export interface QuoteRequest {
  pool: Pool;
  side: "stake" | "unstake";
  amounts: bigint[];
  limitPriceRao?: bigint;
  /** the runtime spec_version whose rules answer (see src/core/runtime.ts) */
  runtime?: number;
}

/** Re-raises an error of the pool validator under the wire name of the field (pool.taoReserve → pool.tao_reserve). */
function withWireNames<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof TaomathError)) throw e;
    const wire = Object.entries(POOL_FIELDS).find(([, camel]) => e.field === `pool.${camel}`)?.[0];
    if (wire === undefined) throw e;
    throw new TaomathError(e.code, `pool.${wire}`, e.message.slice(e.field.length + 2));
  }
}

/** Reads a POST /v1/quote body: {"pool": {...}, "side": "stake"|"unstake", "amount" | "amounts", "limit_price_rao"?}. */
export function quoteRequestFromJson(body: unknown): QuoteRequest {
  if (!isObject(body)) throw new TaomathError("invalid_type", "body", `expected a JSON object with pool, side and amounts, got ${typeOf(body)}`);
  rejectUnknown(body, QUOTE_FIELDS, "");
  if (!isObject(body.pool)) throw new TaomathError("invalid_type", "pool", `expected an object with tao_reserve and alpha_reserve, got ${typeOf(body.pool)}`);
  rejectUnknown(body.pool, Object.keys(POOL_FIELDS), "pool.");
  const pool: Record<string, unknown> = {};
  for (const [wire, camel] of Object.entries(POOL_FIELDS)) if (body.pool[wire] !== undefined) pool[camel] = body.pool[wire];
  if (pool.taoReserve === undefined) throw new TaomathError("invalid_type", "pool.tao_reserve", "required: the pool's TAO reserve in rao");
  if (pool.alphaReserve === undefined) throw new TaomathError("invalid_type", "pool.alpha_reserve", "required: the pool's alpha reserve in rao");
  withWireNames(() => validatePool(pool as unknown as Pool));
  if (body.side !== "stake" && body.side !== "unstake") throw new TaomathError("invalid_type", "side", `expected "stake" or "unstake", got ${body.side === undefined ? "nothing" : quote(body.side)}`);
  let amounts: bigint[];
  if (body.amount !== undefined && body.amounts !== undefined) throw new TaomathError("invalid_type", "amounts", "send either `amount` or `amounts`, not both");
  if (body.amount !== undefined) amounts = [toU64(body.amount, "amount")];
  else if (body.amounts !== undefined) {
    const list = toArray(body.amounts, "amounts");
    if (list.length === 0) throw new TaomathError("wrong_length", "amounts", "expected at least one amount");
    if (list.length > MAX_QUOTE_AMOUNTS) throw new TaomathError("wrong_length", "amounts", `${list.length} amounts; at most ${MAX_QUOTE_AMOUNTS} per request`);
    amounts = list.map((a, i) => toU64(a, `amounts[${i}]`));
  } else throw new TaomathError("invalid_type", "amounts", "required: `amount` (one) or `amounts` (a list) in rao of the input token");
  let limitPriceRao: bigint | undefined;
  if (body.limit_price_rao !== undefined) {
    limitPriceRao = toU64(body.limit_price_rao, "limit_price_rao");
    if (limitPriceRao === 0n) throw new TaomathError("out_of_range", "limit_price_rao", "a limit price of 0 is not a price the chain accepts");
  }
  let runtime: number | undefined;
  if (body.runtime !== undefined) {
    if (typeof body.runtime !== "number" && typeof body.runtime !== "string") throw new TaomathError("invalid_type", "runtime", `expected a spec_version, got ${typeOf(body.runtime)}`);
    runtime = resolveRuntime(body.runtime, "runtime").spec_version;
  }
  return { pool: pool as unknown as Pool, side: body.side, amounts, limitPriceRao, ...(runtime !== undefined ? { runtime } : {}) };
}

export interface QuoteRowJson {
  amount_in: string;
  /** the chain's error for this amount (e.g. "ReservesTooLow"), or null */
  error: string | null;
  paid_in: string;
  amount_out: string;
  fee: string;
  /** TAO per alpha paid (stake) or received (unstake), fee included; null when nothing comes out */
  effective_price: number | null;
  /** 1 − value received / value at the spot price, fee included; null when nothing comes out */
  slippage: number | null;
}

export interface QuoteResponseJson {
  side: "stake" | "unstake";
  limit_price_rao: string;
  /** current_alpha_price before the swap: U64F64 bits and as a number (TAO per alpha) */
  spot_price_bits: string;
  spot_price: number;
  quotes: QuoteRowJson[];
  /** the rule set that answered: {spec_version, rules, newer_than_known?} */
  runtime?: RuntimeTag;
}

/** Quotes every amount of the request with one wasm call (the batch API) and encodes the answer. */
export function quoteResponse(tm: Taomath, req: QuoteRequest): QuoteResponseJson {
  if (req === null || typeof req !== "object") throw new TaomathError("invalid_type", "request", `expected a QuoteRequest, got ${quote(req)}`);
  if (req.side !== "stake" && req.side !== "unstake") throw new TaomathError("invalid_type", "side", `expected "stake" or "unstake", got ${quote(req.side)}`);
  if (!Array.isArray(req.amounts)) throw new TaomathError("invalid_type", "amounts", `expected an array of amounts, got ${quote(req.amounts)}`);
  const buy = req.side === "stake";
  const limit = req.limitPriceRao ?? (buy ? MAX_PRICE_RAO : MIN_PRICE_RAO);
  const opts = { limitPriceRao: limit, taomath: tm, runtime: req.runtime };
  const b = withWireNames(() => (buy ? quoteStakeBatch : quoteUnstakeBatch)(req.pool, req.amounts, opts));
  const spotBits = spotPriceOf(req.pool, { taomath: tm, runtime: req.runtime }).price;
  const spot = Number(spotBits) / 2 ** 64;
  const quotes = req.amounts.map((amount, i): QuoteRowJson => {
    const spent = Number(b.paidIn[i] + b.fee[i]);
    const out = Number(b.amountOut[i]);
    let effective: number | null = null;
    let slippage: number | null = null;
    if (b.error[i] === null && out > 0 && spent > 0) {
      effective = buy ? spent / out : out / spent;
      slippage = buy ? 1 - spot / effective : 1 - effective / spot;
    }
    return {
      amount_in: amount.toString(), error: b.error[i], paid_in: b.paidIn[i].toString(), amount_out: b.amountOut[i].toString(),
      fee: b.fee[i].toString(), effective_price: effective, slippage,
    };
  });
  return { side: req.side, limit_price_rao: limit.toString(), spot_price_bits: spotBits.toString(), spot_price: spot, quotes, runtime: b.runtime };
}
