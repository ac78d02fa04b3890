// When a subnet runs its next epoch under runtime 425's stateful scheduler: should_run_epoch and
// the MaxEpochsPerBlock cap of drain_pending (pallets/subtensor/src/coinbase/run_coinbase.rs).
//
// Each block, drain_pending walks the non-root subnets in NetworksAdded storage order. For each it
// first adds 1 to BlocksSinceLastStep, then asks should_run_epoch: tempo != 0 and (PendingEpochAt > 0
// and block >= PendingEpochAt, or BlocksSinceLastStep > MAX_TEMPO, or block - LastEpochBlock >= tempo).
// A due subnet beyond the per-block cap gets PendingEpochAt = block + 1 (so it is due again next block);
// a due subnet within the cap consumes its slot: LastEpochBlock = block, PendingEpochAt = 0, and, when
// its Keys are consistent (it then counts toward the cap), BlocksSinceLastStep = 0.
// Runtimes up to 343 used the legacy rule instead (blocksUntilNextEpoch in inputs.ts).
// Runtime 473 (run_coinbase.rs at RaoFoundation/subtensor 29005cb7) changes two things: the safety
// net fires when BlocksSinceLastStep > tempo (not MAX_TEMPO), and drain_pending caps the counter at
// tempo + 1 as it increments it. Pass `rules` = "473" for that scheduler.
// The rule itself is the core's (assembly/coinbase/schedule.ts); this file projects it forward.

import { coinbaseOf } from "../network/coinbase.js";
import { defaultTaomath } from "../core/default.js";

import { TaomathError, quote } from "../core/errors.js";
import { toU16, toU64, toInt } from "../bindings/values.js";
import { U64_MAX, satAddU64 } from "../core/ints.js";

/** MAX_TEMPO (lib.rs): BlocksSinceLastStep above it fires the epoch whatever the schedule says. */
export const MAX_TEMPO = 50_400n;
/** MaxEpochsPerBlock's ValueQuery default on the production runtime (prod_or_fast!(2, 32)). */
export const DEFAULT_MAX_EPOCHS_PER_BLOCK = 2;

/** A subnet's scheduler storage at the snapshot block. */
export interface SubnetSchedule {
  netuid: number;
  tempo: number;
  lastEpochBlock: bigint;
  /** 0 = none pending */
  pendingEpochAt: bigint;
  blocksSinceLastStep: bigint;
}

/** Which runtime's should_run_epoch / drain_pending counter rules apply. */
export type SchedulerRules = "425" | "473";
export const schedulerRulesFor = (specVersion: number): SchedulerRules => (specVersion >= 473 ? "473" : "425");

/** BlocksSinceLastStep above this fires the epoch: MAX_TEMPO at 425, the subnet's tempo at 473. */
const safetyNetAbove = (s: SubnetSchedule, rules: SchedulerRules): bigint => (rules === "473" ? BigInt(s.tempo) : MAX_TEMPO);

/** BlocksSinceLastStep after `elapsed` >= 1 more blocks of drain_pending (473: saturating at tempo + 1). */
function advanced(s: SubnetSchedule, since: bigint, elapsed: bigint, rules: SchedulerRules): bigint {
  const v = satAddU64(since, elapsed);
  if (rules !== "473") return v;
  const cap = BigInt(s.tempo) + 1n;
  return v < cap ? v : cap;
}

/** Which clause of should_run_epoch makes the epoch due (the first true one, in the chain's order). */
export type EpochTrigger = "pending" | "safety_net" | "tempo";

export interface ScheduledEpoch { block: bigint; trigger: EpochTrigger }

/**
 * should_run_epoch at `block`; `blocksSinceLastStep` is the value it reads there, i.e. already
 * incremented by drain_pending for that block. null when not due.
 */
export function epochTrigger(s: SubnetSchedule, block: bigint, blocksSinceLastStep: bigint, rules: SchedulerRules = "425"): EpochTrigger | null {
  return trigger(scheduleOf(s, "schedule"), toU64(block, "block"), toU64(blocksSinceLastStep, "blocksSinceLastStep"), rules);
}

/** A subnet's scheduler storage, checked against its chain types (NetUid and tempo u16, the rest u64). */
function scheduleOf(s: unknown, field: string): SubnetSchedule {
  if (s === null || typeof s !== "object" || Array.isArray(s)) throw new TaomathError("invalid_type", field, `expected a subnet schedule, got ${quote(s)}`);
  const o = s as Record<string, unknown>;
  return {
    netuid: toU16(o.netuid, `${field}.netuid`), tempo: toU16(o.tempo, `${field}.tempo`),
    lastEpochBlock: toU64(o.lastEpochBlock, `${field}.lastEpochBlock`), pendingEpochAt: toU64(o.pendingEpochAt, `${field}.pendingEpochAt`),
    blocksSinceLastStep: toU64(o.blocksSinceLastStep, `${field}.blocksSinceLastStep`),
  };
}

/** should_run_epoch itself is the core's (assembly/coinbase/schedule.ts). */
function trigger(s: SubnetSchedule, block: bigint, blocksSinceLastStep: bigint, rules: SchedulerRules): EpochTrigger | null {
  return coinbaseOf(defaultTaomath()).epochTrigger(s.tempo, s.lastEpochBlock, s.pendingEpochAt, blocksSinceLastStep, block, rules);
}

/**
 * The first block after `snapshotBlock` at which should_run_epoch holds for this subnet, taken alone
 * (no per-block cap). null when it never does: tempo 0, or the root subnet (netuid 0), which
 * drain_pending does not visit.
 */
export function nextScheduledEpoch(s: SubnetSchedule, snapshotBlock: bigint, rules: SchedulerRules = "425"): ScheduledEpoch | null {
  return next(scheduleOf(s, "schedule"), toU64(snapshotBlock, "snapshotBlock"), rules);
}

function next(s: SubnetSchedule, snapshotBlock: bigint, rules: SchedulerRules): ScheduledEpoch | null {
  if (s.tempo === 0 || s.netuid === 0) return null;
  const after = snapshotBlock + 1n;
  const candidates: bigint[] = [];
  if (s.pendingEpochAt > 0n) candidates.push(s.pendingEpochAt > after ? s.pendingEpochAt : after);
  // BlocksSinceLastStep at block b is blocksSinceLastStep + (b - snapshotBlock) (473: capped at tempo + 1,
  // which is already past the threshold): due once it passes the safety-net threshold
  const above = safetyNetAbove(s, rules);
  const toSafetyNet = s.blocksSinceLastStep >= above ? 1n : above + 1n - s.blocksSinceLastStep;
  candidates.push(snapshotBlock + toSafetyNet);
  const auto = s.lastEpochBlock + BigInt(s.tempo);
  if (auto <= U64_MAX) candidates.push(auto > after ? auto : after);
  const block = candidates.reduce((a, b) => (b < a ? b : a));
  // a block past u64::MAX never comes
  if (block > U64_MAX) return null;
  const t = trigger(s, block, advanced(s, s.blocksSinceLastStep, block - snapshotBlock, rules), rules);
  return t === null ? null : { block, trigger: t };
}

/** The epoch block once the cap is applied across subnets, as far as the simulation can tell. */
export interface CappedEpoch {
  /** the block the epoch runs at with the cap applied; null if not settled within the horizon */
  block: bigint | null;
  /** blocks it is pushed back by the cap (block - the subnet's own next epoch block) */
  deferredBlocks: bigint | null;
  /** subnets that ran before it at the block where it was first deferred (storage order) */
  deferredBehind: number[];
}

/**
 * Runs drain_pending's schedule for all subnets from the snapshot block on (state transitions only,
 * no emission), until subnet `netuid` runs. `subnets` must be in NetworksAdded storage order (the
 * order the node lists their keys: little-endian netuid bytes); the root subnet is skipped as the chain
 * does. Assumes every subnet's Keys are consistent (an inconsistent one consumes its slot without
 * counting toward the cap) and that no extrinsic changes tempo, triggers an epoch or the cap meanwhile.
 * Stops after `horizon` blocks that had a due subnet (null block then).
 */
export function cappedNextEpoch(
  subnets: readonly SubnetSchedule[], netuid: number, snapshotBlock: bigint, maxEpochsPerBlock: number, horizon = 100_000,
  rules: SchedulerRules = "425",
): CappedEpoch {
  if (!Array.isArray(subnets)) throw new TaomathError("invalid_type", "subnets", `expected an array of subnet schedules, got ${quote(subnets)}`);
  const checked = subnets.map((s, i) => scheduleOf(s, `subnets[${i}]`));
  netuid = toU16(netuid, "netuid");
  snapshotBlock = toU64(snapshotBlock, "snapshotBlock");
  maxEpochsPerBlock = toInt(maxEpochsPerBlock, "maxEpochsPerBlock", 0, 255, "u8");
  horizon = toInt(horizon, "horizon", 0, 10_000_000, "block count");
  const live = checked.filter((s) => s.netuid !== 0);
  const own = live.find((s) => s.netuid === netuid);
  const solo = own ? next(own, snapshotBlock, rules) : null;
  if (!own || !solo || maxEpochsPerBlock <= 0) return { block: null, deferredBlocks: null, deferredBehind: [] };
  let at = snapshotBlock; // every state below is as of the end of block `at`
  let behind: number[] | null = null;
  for (let step = 0; step < horizon; step++) {
    // next block at which any subnet is due (all BlocksSinceLastStep advance together)
    let b: bigint | null = null;
    for (const s of live) {
      const n = next(s, at, rules);
      if (n && (b === null || n.block < b)) b = n.block;
    }
    if (b === null) break;
    const elapsed = b - at;
    let ran = 0;
    const ranHere: number[] = [];
    for (const s of live) {
      const since = advanced(s, s.blocksSinceLastStep, elapsed, rules);
      s.blocksSinceLastStep = since;
      if (trigger(s, b, since, rules) === null) continue;
      if (ran >= maxEpochsPerBlock) {
        if (s.netuid === netuid && behind === null) behind = [...ranHere];
        s.pendingEpochAt = b + 1n;
        continue;
      }
      if (s.netuid === netuid) return { block: b, deferredBlocks: b - solo.block, deferredBehind: behind ?? [] };
      ran++;
      ranHere.push(s.netuid);
      s.blocksSinceLastStep = 0n;
      s.lastEpochBlock = b;
      s.pendingEpochAt = 0n;
    }
    at = b;
  }
  return { block: null, deferredBlocks: null, deferredBehind: behind ?? [] };
}
