// JSON encodings of the quote and emission APIs, shared by every host: the Worker's POST /v1/quote
// and GET /v1/emission, the dashboard's calculator and emission chart, and Node. One function turns
// a request into the response value, so equal requests give equal canonical bytes on every host.
// Wire format: snake_case keys, u64 amounts as decimal strings (the vector encoding); errors are
// TaomathErrors naming the wire field (e.g. `pool.tao_reserve`, `amounts[3]`, `issuance`).

import { TaomathError } from "./errors.js";
import { toArray, toU64, typeOf } from "./bindings/values.js";
import { resolveRuntime, type RuntimeTag } from "./core/runtime.js";
import { quoteStakeBatch, quoteUnstakeBatch, spotPriceOf, validatePool, MAX_PRICE_RAO, MIN_PRICE_RAO, type Pool } from "./pool.js";
import { emissionOf, projectEmission } from "./emission.js";
import type { Taomath } from "./taomath.js";

/** Most amounts one quote request may carry (a slippage curve needs ~100). */
export const MAX_QUOTE_AMOUNTS = 10_000;
/** Longest emission horizon one request may ask for. */
export const MAX_EMISSION_YEARS = 100;

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

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function rejectUnknown(o: Record<string, unknown>, known: string[], prefix: string): void {
  for (const k of Object.keys(o)) {
    if (!known.includes(k)) throw new TaomathError("invalid_type", `${prefix}${k}`, `unknown field; expected one of ${known.join(", ")}`);
  }
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
  if (body.side !== "stake" && body.side !== "unstake") throw new TaomathError("invalid_type", "side", `expected "stake" or "unstake", got ${JSON.stringify(body.side) ?? "nothing"}`);
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

export interface EmissionRequest {
  issuance: bigint;
  recycledPerDay: bigint;
  years: number;
  startBlock?: bigint;
  /** YYYY-MM-DD; default today (UTC) */
  startDate?: string;
}

const EMISSION_PARAMS = ["issuance", "recycled_per_day", "years", "start_block", "start_date"];

/** Reads GET /v1/emission's query: issuance (rao, required), recycled_per_day, years, start_block, start_date. */
export function emissionRequestFromQuery(params: URLSearchParams): EmissionRequest {
  for (const k of params.keys()) {
    if (!EMISSION_PARAMS.includes(k)) throw new TaomathError("invalid_type", k, `unknown parameter; expected ${EMISSION_PARAMS.join(", ")}`);
  }
  const one = (k: string): string | undefined => {
    const all = params.getAll(k);
    if (all.length > 1) throw new TaomathError("invalid_type", k, "given more than once");
    return all[0];
  };
  const issuanceText = one("issuance");
  if (issuanceText === undefined) throw new TaomathError("invalid_type", "issuance", "required: the current TotalIssuance in rao, e.g. ?issuance=7000000000000000");
  const issuance = toU64(issuanceText, "issuance");
  const recycledPerDay = toU64(one("recycled_per_day") ?? "0", "recycled_per_day");
  const yearsText = one("years");
  const years = yearsText === undefined ? 20 : Number(yearsText);
  if (yearsText !== undefined && (yearsText.trim() === "" || !Number.isFinite(years))) throw new TaomathError("invalid_type", "years", `expected a number, got ${JSON.stringify(yearsText)}`);
  if (!(years > 0 && years <= MAX_EMISSION_YEARS)) throw new TaomathError("out_of_range", "years", `expected a horizon in (0, ${MAX_EMISSION_YEARS}] years, got ${years}`);
  const sb = one("start_block");
  const startBlock = sb === undefined ? undefined : toU64(sb, "start_block");
  const startDate = one("start_date");
  if (startDate !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(startDate) || Number.isNaN(Date.parse(`${startDate}T00:00:00Z`)))) {
    throw new TaomathError("invalid_type", "start_date", `expected a date YYYY-MM-DD, got ${JSON.stringify(startDate)}`);
  }
  return { issuance, recycledPerDay, years, startBlock, startDate };
}

export interface EmissionResponseJson {
  issuance: string;
  /** rao per block at this issuance (get_block_emission_for_issuance) */
  block_emission: string;
  /** halvings the chain counts at this issuance (null at or past total supply) */
  halvings_so_far: number | null;
  recycled_per_day: string;
  years: number;
  start_date: string;
  /** each coming halving within the horizon (projectEmission) */
  halvings: Array<{
    halving: number; first_issuance: string; block_offset: string; block: string | null; date: string;
    emission_before: string; emission_after: string; delay_days: number | null;
  }>;
  /** issuance at the end of each whole year, and TAO minted and recycled during it (rao) */
  yearly: Array<{ year: number; issuance: string; minted: string; recycled: string }>;
  /** every day of the horizon, when asked for (the dashboard's chart) */
  daily?: Array<{ day: number; issuance: string; minted: string; recycled: string }>;
}

/** Block emission now, the coming halvings and the supply by year, from projectEmission. */
export function emissionResponse(tm: Taomath, req: EmissionRequest, options: { daily?: boolean } = {}): EmissionResponseJson {
  const startDate = req.startDate === undefined ? new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z") : new Date(`${req.startDate}T00:00:00Z`);
  const p = projectEmission(tm, req.issuance, { recycledPerDay: req.recycledPerDay, years: req.years, startBlock: req.startBlock, startDate });
  const e = emissionOf(tm);
  const yearly: EmissionResponseJson["yearly"] = [];
  let minted = 0n, recycled = 0n, year = 1;
  p.daily.forEach((d, i) => {
    minted += d.minted; recycled += d.recycled;
    if (i + 1 >= Math.round(year * 365.25)) {
      yearly.push({ year, issuance: d.issuance.toString(), minted: minted.toString(), recycled: recycled.toString() });
      minted = 0n; recycled = 0n; year++;
    }
  });
  return {
    issuance: p.issuance.toString(),
    block_emission: e.blockEmission(p.issuance).toString(),
    halvings_so_far: e.halvings(p.issuance),
    recycled_per_day: p.recycled_per_day.toString(),
    years: req.years,
    start_date: p.start_date.slice(0, 10),
    halvings: p.halvings.map((h) => ({
      halving: h.halving, first_issuance: h.first_issuance.toString(), block_offset: h.block_offset.toString(),
      block: h.block === null ? null : h.block.toString(), date: h.date, emission_before: h.emission_before.toString(),
      emission_after: h.emission_after.toString(), delay_days: h.delay_days,
    })),
    yearly,
    ...(options.daily ? { daily: p.daily.map((d) => ({ day: d.day, issuance: d.issuance.toString(), minted: d.minted.toString(), recycled: d.recycled.toString() })) } : {}),
  };
}
