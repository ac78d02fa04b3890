// Public emission API over a Taomath instance: block emission for any issuance, halving
// thresholds, the price EMA, and a projection of supply and halvings over time in which daily
// recycling (which lowers TotalIssuance) moves the halvings.

import type { Taomath } from "../core/taomath.js";
import { EmissionCore, type RawProjection } from "../bindings/emission.js";
import { toU64, toInt } from "../bindings/values.js";
import { TaomathError, quote } from "../core/errors.js";

/** The emission functions bound to one instance (the same as `tm.emission`). */
export function emissionOf(tm: Taomath): EmissionCore {
  return tm.emission;
}

export const BLOCK_SECONDS = 12;
export const BLOCKS_PER_DAY = 7200;

export interface HalvingEvent {
  /** halving count k reached (emission becomes floor(1e9 / 2^k) rao per block) */
  halving: number;
  /** issuance threshold of this halving (rao) */
  first_issuance: bigint;
  /** blocks from the start to the first block minted at the lower rate */
  block_offset: bigint;
  /** start + block_offset when a start block is given */
  block: bigint | null;
  /** approximate date at 12 s per block from `start_date` */
  date: string;
  emission_before: bigint;
  emission_after: bigint;
  /** how many days later than with no recycling (null when not reached without recycling, or no recycling) */
  delay_days: number | null;
}

export interface EmissionProjection {
  assumptions: string[];
  issuance: bigint;
  recycled_per_day: bigint;
  days: number;
  start_date: string;
  halvings: HalvingEvent[];
  /** one point per day: issuance at the end of the day and TAO minted and recycled that day (rao) */
  daily: Array<{ day: number; issuance: bigint; minted: bigint; recycled: bigint }>;
}

/** Longest projection horizon, the same in every host (CLI, Worker, dashboard). */
export const MAX_EMISSION_YEARS = 100;

export interface ProjectionOptions {
  recycledPerDay?: bigint;
  years?: number;
  /** block number at `issuance`, to print absolute halving blocks */
  startBlock?: bigint;
  /** date of the start (default: now) */
  startDate?: Date;
}

/** Projects supply and halvings from `issuance` with the chain's exact curve. */
export function projectEmission(tm: Taomath, issuance: bigint, options: ProjectionOptions = {}): EmissionProjection {
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw new TaomathError("invalid_type", "options", `expected an options object, got ${quote(options)}`);
  const i = toU64(issuance, "issuance");
  if (i > 21_000_000_000_000_000n) throw new TaomathError("out_of_range", "issuance", `${i} rao is above the total supply of 21e15 rao`);
  // only a missing option takes its default: null is a value, and not one of these types
  const r = options.recycledPerDay === undefined ? 0n : toU64(options.recycledPerDay, "recycled_per_day");
  const years = options.years === undefined ? 20 : options.years;
  if (typeof years !== "number" || !Number.isFinite(years) || years <= 0 || years > MAX_EMISSION_YEARS) {
    throw new TaomathError("out_of_range", "years", `expected a number of years in (0, ${MAX_EMISSION_YEARS}], got ${quote(years)}`);
  }
  const startBlock = options.startBlock === undefined ? null : toU64(options.startBlock, "start_block");
  const start = startDateOf(options.startDate);
  const days = Math.max(1, Math.round(years * 365.25));
  const e = emissionOf(tm);
  const raw: RawProjection = e.project(i, r, days);
  const base: RawProjection | null = r > 0n ? e.project(i, 0n, days) : null;
  const halvings: HalvingEvent[] = raw.halvings.map((h) => {
    const first = e.firstIssuanceOfHalving(h.halving);
    const without = base?.halvings.find((b) => b.halving === h.halving);
    return {
      halving: h.halving,
      first_issuance: first,
      block_offset: h.block_offset,
      block: startBlock === null ? null : startBlock + h.block_offset,
      date: dateAfter(start, h.block_offset),
      emission_before: e.blockEmission(first - 1n),
      emission_after: e.blockEmission(first),
      delay_days: without ? Number(h.block_offset - without.block_offset) / BLOCKS_PER_DAY : null,
    };
  });
  let prev = i;
  const daily = raw.daily_issuance.map((iss, d) => {
    const minted = raw.daily_minted[d];
    const recycled = prev + minted - iss;
    prev = iss;
    return { day: d + 1, issuance: iss, minted, recycled };
  });
  return {
    assumptions: [
      "block time 12 s (7200 blocks per day); dates are approximate",
      "TotalIssuance changes only by the block emission and the given daily recycling (applied at the end of each day)",
      "emission per block is the chain's get_block_emission_for_issuance on the issuance at the start of the block",
      "halvings are issuance thresholds, so recycling delays them",
    ],
    issuance: i, recycled_per_day: r, days, start_date: start.toISOString(), halvings, daily,
  };
}

/** Latest start a 400-year projection can have and still print its dates (JS dates end in 275760). */
const LAST_START_MS = 8.64e15 - 401 * 366 * 86_400_000;

function startDateOf(d: unknown): Date {
  if (d === undefined) return new Date();
  if (!(d instanceof Date)) throw new TaomathError("invalid_type", "start_date", `expected a Date, got ${quote(d)}`);
  const t = d.getTime();
  if (!Number.isFinite(t) || t < -8.64e15 || t > LAST_START_MS) throw new TaomathError("out_of_range", "start_date", "expected a valid date before the year 275000");
  return d;
}

function dateAfter(start: Date, blocks: bigint): string {
  return new Date(start.getTime() + Number(blocks) * BLOCK_SECONDS * 1000).toISOString().slice(0, 10);
}


