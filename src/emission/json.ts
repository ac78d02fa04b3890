// The emission API's JSON wire format, shared by every host: the Worker's GET /v1/emission and the
// dashboard's emission chart. Query parameters in, snake_case keys and decimal-string amounts out;
// errors are TaomathErrors naming the parameter.

import { TaomathError, quote } from "../core/errors.js";
import { toU64 } from "../bindings/values.js";
import { emissionOf, projectEmission, MAX_EMISSION_YEARS } from "./projection.js";
import type { Taomath } from "../core/taomath.js";

/** Longest emission horizon one request may ask for (projectEmission's limit, shared by every host). */
export { MAX_EMISSION_YEARS };

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
  if (!(params instanceof URLSearchParams)) throw new TaomathError("invalid_type", "query", `expected URLSearchParams, got ${quote(params)}`);
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
  if (yearsText !== undefined && (yearsText.trim() === "" || !Number.isFinite(years))) throw new TaomathError("invalid_type", "years", `expected a number, got ${quote(yearsText)}`);
  if (!(years > 0 && years <= MAX_EMISSION_YEARS)) throw new TaomathError("out_of_range", "years", `expected a horizon in (0, ${MAX_EMISSION_YEARS}] years, got ${quote(years)}`);
  const sb = one("start_block");
  const startBlock = sb === undefined ? undefined : toU64(sb, "start_block");
  const startDate = one("start_date");
  if (startDate !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(startDate) || Number.isNaN(Date.parse(`${startDate}T00:00:00Z`)))) {
    throw new TaomathError("invalid_type", "start_date", `expected a date YYYY-MM-DD, got ${quote(startDate)}`);
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
  if (req === null || typeof req !== "object") throw new TaomathError("invalid_type", "request", `expected an EmissionRequest, got ${quote(req)}`);
  if (req.startDate !== undefined && (typeof req.startDate !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(req.startDate))) {
    throw new TaomathError("invalid_type", "start_date", `expected a date YYYY-MM-DD, got ${quote(req.startDate)}`);
  }
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
