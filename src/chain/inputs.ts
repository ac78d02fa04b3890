// Snapshot -> epoch inputs (the `inputs` schema of the shared epoch vectors), exactly as chain
// storage holds them at the snapshot block, for the subnet's next epoch. Values come from the
// selective metagraph (which the runtime reads from the same storage) and from the storage reads;
// anything unavailable is listed in `missing` and the inputs are null, never guessed.

import { commitBlocks, commitSemanticsFor } from "./commits.js";

/** Blocks until the epoch can run, as subtensor's blocks_until_next_epoch (run_coinbase.rs). */
export function blocksUntilNextEpoch(netuid: number, tempo: number, block: bigint): bigint {
  if (tempo === 0) return (1n << 64n) - 1n;
  // block.wrapping_add(netuid + 1) in u64, as the chain computes it
  const rem = BigInt.asUintN(64, block + BigInt(netuid) + 1n) % BigInt(tempo + 1);
  const t = BigInt(tempo);
  return t > rem ? t - rem : 0n;
}

/** The first block after `block` at which subnet `netuid` runs its epoch (null if tempo is 0). */
export function nextEpochBlock(netuid: number, tempo: number, block: bigint): bigint | null {
  if (tempo === 0) return null;
  return block + 1n + blocksUntilNextEpoch(netuid, tempo, block + 1n);
}

interface SnapshotLike {
  source: { netuid: number; block: number; spec_version?: number; layout_version?: number };
  metagraph: Record<string, any>;
  storage: Record<string, { status: string; value?: unknown; reason?: string }>;
}

export interface BuiltInputs { inputs: Record<string, unknown> | null; missing: string[]; current_block: string | null }

export interface InputOptions {
  /** run without the commit-reveal mask even when commit-reveal is on (commit_blocks null: not what the chain does) */
  ignoreCommitReveal?: boolean;
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
  const next = typeof tempo === "number" ? nextEpochBlock(s.source.netuid, tempo, BigInt(s.source.block)) : null;
  if (tempo === 0) missing.push("tempo is 0: this subnet never runs an epoch");
  let commits: Array<string | null> | null = null;
  if (commitReveal === true && options.ignoreCommitReveal !== true) {
    const spec = s.source.layout_version ?? s.source.spec_version ?? 343;
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
    last_mechanism_step_block: need("last_step"),
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
  return { inputs: missing.length === 0 ? inputs : null, missing, current_block: next === null ? null : next.toString() };
}
