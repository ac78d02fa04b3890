// Snapshot -> epoch inputs (the `inputs` schema of the shared epoch vectors), exactly as chain
// storage holds them at the snapshot block, for the subnet's next epoch. Values come from the
// selective metagraph (which the runtime reads from the same storage) and from the storage reads;
// anything unavailable is listed in `missing` and the inputs are null, never guessed.

import { commitBlocks, commitSemanticsFor } from "./commits.js";
import {
  DEFAULT_MAX_EPOCHS_PER_BLOCK, cappedNextEpoch, nextScheduledEpoch, schedulerRulesFor, type EpochTrigger, type SubnetSchedule,
} from "./schedule.js";
import { toU16, toU64, toInt } from "../bindings/values.js";
import { U64_MAX } from "../core/ints.js";

/** Blocks until the epoch can run, as subtensor's blocks_until_next_epoch (run_coinbase.rs). */
export function blocksUntilNextEpoch(netuid: number, tempo: number, block: bigint): bigint {
  netuid = toU16(netuid, "netuid"); tempo = toU16(tempo, "tempo"); block = toU64(block, "block");
  // Kept in TypeScript on purpose: the light client reads runtimes <= 343 in browsers before any
  // instance exists. The core's copy is legacyBlocksUntilNextEpoch (assembly/coinbase/schedule.ts);
  // test/chain.inputs.test.ts holds the two equal.
  if (tempo === 0) return U64_MAX;
  // block.wrapping_add(netuid + 1) in u64, as the chain computes it
  const rem = BigInt.asUintN(64, block + BigInt(netuid) + 1n) % BigInt(tempo + 1);
  const t = BigInt(tempo);
  return t > rem ? t - rem : 0n;
}

/**
 * The first block after `block` at which subnet `netuid` runs its epoch under the legacy rule of
 * runtimes up to 343 (null if tempo is 0). Runtime 425 schedules from stored state: see
 * nextScheduledEpoch in schedule.ts.
 */
export function nextEpochBlock(netuid: number, tempo: number, block: bigint): bigint | null {
  netuid = toU16(netuid, "netuid"); tempo = toU16(tempo, "tempo"); block = toU64(block, "block");
  if (tempo === 0) return null;
  const at = block + 1n + blocksUntilNextEpoch(netuid, tempo, BigInt.asUintN(64, block + 1n));
  // an epoch block past u64::MAX never comes
  return at > U64_MAX ? null : at;
}

/** Whether the runtime with this spec version uses the stateful epoch scheduler (LastEpochBlock etc.). */
export const scheduleIsStateful = (specVersion: number): boolean => toInt(specVersion, "specVersion", 0, 2 ** 32 - 1, "u32") >= 425;

/** How the next epoch block was found, and whether the per-block epoch cap could move it. */
export interface EpochScheduleInfo {
  /** "legacy": (block + netuid + 1) mod (tempo + 1), runtimes <= 343; "stateful": runtime 425's scheduler */
  rule: "legacy" | "stateful";
  /** the subnet's own next epoch block (the inputs' current_block), null if it never runs */
  next_block: string | null;
  /** stateful: the should_run_epoch clause that fires it ("pending", "safety_net" or "tempo") */
  trigger: EpochTrigger | null;
  /** stateful: MaxEpochsPerBlock at the snapshot block */
  max_epochs_per_block: number | null;
  /**
   * stateful: whether the cap across subnets pushes the epoch back, from every subnet's scheduler
   * state (true/false), or null when that state was not read; legacy runtimes have no cap (false)
   */
  cap_defers: boolean | null;
  /** stateful: the block the epoch runs at with the cap applied, when known */
  capped_block: string | null;
  /** one plain sentence on what the figure does and does not account for */
  note: string;
}

interface SnapshotLike {
  source: { netuid: number; block: number; spec_version?: number; layout_version?: number };
  metagraph: Record<string, any>;
  storage: Record<string, { status: string; value?: unknown; reason?: string }>;
}

export interface BuiltInputs {
  inputs: Record<string, unknown> | null;
  missing: string[];
  current_block: string | null;
  schedule: EpochScheduleInfo;
}

export interface InputOptions {
  /** run without the commit-reveal mask even when commit-reveal is on (commit_blocks null: not what the chain does) */
  ignoreCommitReveal?: boolean;
  /** the runtime spec_version whose scheduler rules find the epoch block (default: the snapshot's own) */
  runtime?: number;
}

export function epochInputsFromSnapshot(s: SnapshotLike, options: InputOptions = {}): BuiltInputs {
  const missing: string[] = [];
  const mg = s.metagraph;
  const need = (name: string): any => {
    if (mg[name] === undefined || mg[name] === null) { missing.push(`metagraph.${name}: not returned by the node`); return undefined; }
    return mg[name];
  };
  const stored = (name: string): any => {
    const e = s.storage[name];
    if (!e) { missing.push(`${name}: not read`); return undefined; }
    if (e.status === "missing") { missing.push(e.reason ?? `${name}: missing`); return undefined; }
    return e.value;
  };

  const n = need("num_uids");
  const tempo = need("tempo");
  const hotkeys: string[] | undefined = need("hotkeys");
  const owner = need("owner_hotkey");
  const commitReveal = need("commit_reveal_weights_enabled");
  const spec = s.source.layout_version ?? s.source.spec_version ?? 343;
  const stateful = scheduleIsStateful(spec);
  const schedule = stateful
    ? statefulSchedule(s, tempo, stored, options.runtime)
    : legacySchedule(s.source.netuid, tempo, BigInt(s.source.block));
  const next = schedule.next_block === null ? null : BigInt(schedule.next_block);
  if (tempo === 0) missing.push("tempo is 0: this subnet never runs an epoch");
  else if (stateful && s.source.netuid === 0) missing.push("netuid 0 is the root subnet: drain_pending runs no epoch for it");
  let commits: Array<string | null> | null = null;
  if (commitReveal === true && options.ignoreCommitReveal !== true) {
    const semantics = commitSemanticsFor(spec);
    const v2 = stored("WeightCommits"), v4 = stored("TimelockedWeightCommits"), period = stored("RevealPeriodEpochs");
    const index = semantics === "counter" ? stored("SubnetEpochIndex") : undefined;
    if (v2 !== undefined && v4 !== undefined && period !== undefined && (semantics === "block" || index !== undefined)
      && hotkeys !== undefined && next !== null && next !== undefined) {
      commits = commitBlocks({
        semantics, netuid: s.source.netuid, tempo, epochBlock: next, hotkeys,
        weightCommits: v2, timelockedCommits: v4, revealPeriodEpochs: BigInt(period),
        subnetEpochIndex: index === undefined ? undefined : BigInt(index),
      });
    }
  }
  const ownerUid = hotkeys && owner !== undefined ? hotkeys.indexOf(owner) : -1;
  const alphaValues = [need("alpha_low"), need("alpha_high")];

  const inputs: Record<string, unknown> = {
    n,
    current_block: next === null ? undefined : next.toString(),
    tempo,
    activity_cutoff: need("activity_cutoff") === undefined ? undefined : String(mg.activity_cutoff),
    // LastMechansimStepBlock: the block of the last successful epoch (the runtime API's last_step reads it
    // too; at 425 it is read from storage along with the scheduler state)
    last_mechanism_step_block: stateful ? stored("LastMechansimStepBlock") : need("last_step"),
    alpha_stake: need("alpha_stake"),
    tao_stake: need("tao_stake"),
    tao_weight: stored("TaoWeight"),
    stake_threshold: stored("StakeThreshold"),
    owner_uid: ownerUid >= 0 ? ownerUid : null,
    validator_permit: stored("ValidatorPermit"),
    max_allowed_validators: need("max_validators"),
    last_update: stored("LastUpdate"),
    block_at_registration: need("block_at_registration"),
    weights: stored("Weights"),
    bonds: stored("Bonds"),
    kappa: need("kappa"),
    bonds_penalty: stored("BondsPenalty"),
    bonds_moving_average: need("bonds_moving_avg"),
    liquid_alpha_enabled: need("liquid_alpha_enabled"),
    alpha_low: alphaValues[0],
    alpha_high: alphaValues[1],
    alpha_sigmoid_steepness: stored("AlphaSigmoidSteepness"),
    yuma3_enabled: stored("Yuma3On"),
    commit_reveal_enabled: commitReveal,
    commit_blocks: commits,
    // PendingEmission at the snapshot block: what has accrued towards the next epoch so far.
    rao_emission: need("pending_alpha_emission"),
  };
  return { inputs: missing.length === 0 ? inputs : null, missing, current_block: next === null ? null : next.toString(), schedule };
}

function legacySchedule(netuid: number, tempo: unknown, block: bigint): EpochScheduleInfo {
  const next = typeof tempo === "number" ? nextEpochBlock(netuid, tempo, block) : null;
  return {
    rule: "legacy", next_block: next === null ? null : next.toString(), trigger: null, max_epochs_per_block: null,
    cap_defers: false, capped_block: next === null ? null : next.toString(),
    note: "runtimes up to 343 run every due epoch: the block is (block + netuid + 1) mod (tempo + 1) == 0",
  };
}

/**
 * Runtime 425: the subnet's own next epoch from LastEpochBlock, PendingEpochAt and BlocksSinceLastStep,
 * then (when every subnet's scheduler state was read) the block once MaxEpochsPerBlock is applied.
 */
function statefulSchedule(s: SnapshotLike, tempo: unknown, stored: (name: string) => any, runtime?: number): EpochScheduleInfo {
  const block = BigInt(s.source.block);
  const last = stored("LastEpochBlock"), pending = stored("PendingEpochAt"), since = stored("BlocksSinceLastStep");
  const capEntry = s.storage.MaxEpochsPerBlock;
  const cap = capEntry && capEntry.status !== "missing" ? Number(capEntry.value) : null;
  const base: EpochScheduleInfo = {
    rule: "stateful", next_block: null, trigger: null, max_epochs_per_block: cap, cap_defers: null, capped_block: null,
    note: "",
  };
  if (typeof tempo !== "number" || last === undefined || pending === undefined || since === undefined) {
    return { ...base, note: "the scheduler state could not be read" };
  }
  const own: SubnetSchedule = {
    netuid: s.source.netuid, tempo, lastEpochBlock: BigInt(last), pendingEpochAt: BigInt(pending), blocksSinceLastStep: BigInt(since),
  };
  const rules = schedulerRulesFor(runtime ?? s.source.layout_version ?? s.source.spec_version ?? 425);
  const solo = nextScheduledEpoch(own, block, rules);
  if (solo === null) return { ...base, note: "this subnet never runs an epoch (tempo 0 or the root subnet)" };
  const out: EpochScheduleInfo = { ...base, next_block: solo.block.toString(), trigger: solo.trigger };
  const all = s.storage.SubnetSchedules;
  const capText = `at most ${cap ?? DEFAULT_MAX_EPOCHS_PER_BLOCK} epochs run per block across subnets (in NetworksAdded order); ` +
    "a due subnet past the cap waits one block, and again while it stays past it";
  if (!all || all.status === "missing" || cap === null) {
    return { ...out, note: `${capText}: every subnet's scheduler state was not read, so whether that defers this epoch is unknown` };
  }
  const subnets: SubnetSchedule[] = (all.value as any[]).map((x) => ({
    netuid: x.netuid, tempo: x.tempo, lastEpochBlock: BigInt(x.last_epoch_block),
    pendingEpochAt: BigInt(x.pending_epoch_at), blocksSinceLastStep: BigInt(x.blocks_since_last_step),
  }));
  if (!subnets.some((x) => x.netuid === own.netuid)) subnets.push(own);
  const capped = cappedNextEpoch(subnets, own.netuid, block, cap, undefined, rules);
  if (capped.block === null) return { ...out, note: `${capText}: the simulation did not settle when this epoch runs` };
  const deferred = capped.deferredBlocks! > 0n;
  return {
    ...out, cap_defers: deferred, capped_block: capped.block.toString(),
    note: `${capText}: from every subnet's state at the snapshot (assuming no duplicate Keys and no tempo or ` +
      `trigger extrinsic meanwhile) ${deferred
        ? `the cap defers it by ${capped.deferredBlocks} block(s), behind subnet(s) ${capped.deferredBehind.join(", ")}`
        : "the cap does not defer it"}`,
  };
}
