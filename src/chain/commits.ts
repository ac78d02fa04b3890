// Commit-reveal inputs of the epoch: per uid, the block of its earliest weight commit that has not
// expired when the epoch runs (the `commit_blocks` the W5 column mask compares against
// block_at_registration). Mirrors the commit_blocks loop of epoch_mechanism (run_epoch.rs) and
// is_commit_expired (subnets/weights.rs), which changed meaning between runtimes:
//
// - spec <= 343 ("block" semantics): a WeightCommits entry is (hash, commit_block, first_reveal,
//   last_reveal); a commit's epoch is the epoch index of its block, (block + netuid + 1) / (tempo + 1),
//   and the current epoch is the index of the epoch block. Timelocked entries are expired per entry,
//   from their commit_block; the epoch key of the map is not used.
// - spec >= 425 ("counter" semantics): a WeightCommits entry is (hash, commit_epoch, commit_block, _);
//   the current epoch is the SubnetEpochIndex counter, which drain_pending has already advanced for
//   the epoch being run (so: the snapshot's counter + 1 at the next epoch, and the look-ahead of
//   current_epoch_with_lookahead is then false). Timelocked queues are expired by their epoch key.
//
// In both, expired(commit_epoch) := current_epoch > commit_epoch + RevealPeriodEpochs (saturating),
// a WeightCommits queue contributes only its FIRST non-expired entry (queue order), every
// non-expired timelocked entry contributes, each cell keeps the minimum, and a hotkey that holds no
// uid on the subnet is skipped.

import { TaomathError, quote } from "../core/errors.js";
import { toArray, toU64, toU16, toInt } from "../bindings/values.js";
import { U64_MAX, satAddU64 } from "../core/ints.js";

export type CommitSemantics = "block" | "counter";

/** Which reading of the commit storage the runtime with this spec version uses. */
export const commitSemanticsFor = (specVersion: number): CommitSemantics => (toInt(specVersion, "specVersion", 0, 2 ** 32 - 1, "u32") >= 425 ? "counter" : "block");

/** subtensor's get_epoch_index before the stateful epoch counter: (block + netuid + 1) / (tempo + 1), saturating. */
export function epochIndexOfBlock(netuid: number, tempo: number, block: bigint): bigint {
  netuid = toU16(netuid, "netuid"); tempo = toU16(tempo, "tempo"); block = toU64(block, "block");
  return satAddU64(block, BigInt(netuid) + 1n) / (BigInt(tempo) + 1n);
}

/** One WeightCommits map entry (CR v2): the hotkey and its queue of (hash, u64, u64, u64) in queue order. */
export interface WeightCommitEntry { hotkey: string; queue: Array<[string, bigint | string, bigint | string, bigint | string]> }
/** One TimelockedWeightCommits map entry: the epoch key and its queue of (hotkey, commit_block, reveal_round). */
export interface TimelockedCommitEntry { epoch: bigint | string; queue: Array<[string, bigint | string, bigint | string]> }

export interface CommitState {
  semantics: CommitSemantics;
  netuid: number;
  tempo: number;
  /** the block the epoch runs at (block semantics only) */
  epochBlock: bigint;
  /** hotkey of each uid (index = uid) */
  hotkeys: readonly string[];
  weightCommits: readonly WeightCommitEntry[];
  timelockedCommits: readonly TimelockedCommitEntry[];
  revealPeriodEpochs: bigint;
  /** SubnetEpochIndex at the snapshot block (counter semantics only) */
  subnetEpochIndex?: bigint;
}

/** commit_blocks for the epoch: per uid the earliest live commit block as a decimal string, or null for none. */
export function commitBlocks(s: CommitState): Array<string | null> {
  validateCommitState(s);
  const n = s.hotkeys.length;
  const cells: bigint[] = Array(n).fill(U64_MAX);
  const uidOf = new Map<string, number>();
  s.hotkeys.forEach((h, uid) => { if (!uidOf.has(h)) uidOf.set(h, uid); });
  const lower = (hotkey: string, block: bigint) => {
    const uid = uidOf.get(hotkey);
    if (uid !== undefined && block < cells[uid]) cells[uid] = block;
  };

  const counter = s.semantics === "counter";
  if (!counter && s.semantics !== "block") throw new TaomathError("invalid_type", "semantics", `expected "block" or "counter", got ${quote(s.semantics)}`);
  if (counter && s.subnetEpochIndex === undefined) {
    throw new TaomathError("missing_storage", "SubnetEpochIndex", "runtime 425 counts commit epochs with SubnetEpochIndex: it is needed");
  }
  const period = toU64(s.revealPeriodEpochs, "RevealPeriodEpochs");
  const currentEpoch = counter
    ? satAddU64(toU64(s.subnetEpochIndex, "SubnetEpochIndex"), 1n)
    : epochIndexOfBlock(s.netuid, s.tempo, toU64(s.epochBlock, "epochBlock"));
  const expired = (commitEpoch: bigint) => currentEpoch > satAddU64(commitEpoch, period);
  const epochOfBlock = (b: bigint) => epochIndexOfBlock(s.netuid, s.tempo, b);

  const v2 = toArray(s.weightCommits, "WeightCommits") as WeightCommitEntry[];
  v2.forEach(({ hotkey, queue }, k) => {
    const q = toArray(queue, `WeightCommits[${k}].queue`) as WeightCommitEntry["queue"];
    for (let i = 0; i < q.length; i++) {
      const first = toU64(q[i][1], `WeightCommits[${k}].queue[${i}][1]`), second = toU64(q[i][2], `WeightCommits[${k}].queue[${i}][2]`);
      const commitEpoch = counter ? first : epochOfBlock(first);
      if (expired(commitEpoch)) continue;
      lower(hotkey, counter ? second : first);
      break; // the earliest live commit of this hotkey
    }
  });
  const v4 = toArray(s.timelockedCommits, "TimelockedWeightCommits") as TimelockedCommitEntry[];
  v4.forEach(({ epoch, queue }, k) => {
    if (counter && expired(toU64(epoch, `TimelockedWeightCommits[${k}].epoch`))) return;
    const q = toArray(queue, `TimelockedWeightCommits[${k}].queue`) as TimelockedCommitEntry["queue"];
    q.forEach(([hotkey, b], i) => {
      const block = toU64(b, `TimelockedWeightCommits[${k}].queue[${i}][1]`);
      if (!counter && expired(epochOfBlock(block))) return;
      lower(hotkey, block);
    });
  });
  return cells.map((c) => (c === U64_MAX ? null : c.toString()));
}

/** Every field and queue entry of a CommitState, checked before any is read (the scan stops early). */
function validateCommitState(s: CommitState): void {
  if (s === null || typeof s !== "object" || Array.isArray(s)) throw new TaomathError("invalid_type", "commitState", "expected an object");
  toU16(s.netuid, "netuid");
  toU16(s.tempo, "tempo");
  if (s.semantics === "block" || s.epochBlock !== undefined) toU64(s.epochBlock, "epochBlock");
  if (s.subnetEpochIndex !== undefined) toU64(s.subnetEpochIndex, "SubnetEpochIndex");
  toArray(s.hotkeys, "hotkeys").forEach((h, i) => { if (typeof h !== "string") throw new TaomathError("invalid_type", `hotkeys[${i}]`, "expected a hotkey string"); });
  const entry = (e: unknown, f: string, keys: string[]): Record<string, unknown> => {
    if (e === null || typeof e !== "object" || Array.isArray(e)) throw new TaomathError("invalid_type", f, `expected {${keys.join(", ")}}`);
    return e as Record<string, unknown>;
  };
  const tuple = (t: unknown, f: string, len: number): unknown[] => {
    const a = toArray(t, f);
    if (a.length !== len) throw new TaomathError("wrong_length", f, `expected ${len} fields, got ${a.length}`);
    return a;
  };
  toArray(s.weightCommits, "WeightCommits").forEach((e, k) => {
    const o = entry(e, `WeightCommits[${k}]`, ["hotkey", "queue"]);
    if (typeof o.hotkey !== "string") throw new TaomathError("invalid_type", `WeightCommits[${k}].hotkey`, "expected a hotkey string");
    toArray(o.queue, `WeightCommits[${k}].queue`).forEach((q, i) => {
      const t = tuple(q, `WeightCommits[${k}].queue[${i}]`, 4);
      if (typeof t[0] !== "string" || !/^0x[0-9a-fA-F]{64}$/.test(t[0])) throw new TaomathError("invalid_type", `WeightCommits[${k}].queue[${i}][0]`, "expected the commit hash (H256) as 0x hex");
      for (let j = 1; j < 4; j++) toU64(t[j], `WeightCommits[${k}].queue[${i}][${j}]`);
    });
  });
  toArray(s.timelockedCommits, "TimelockedWeightCommits").forEach((e, k) => {
    const o = entry(e, `TimelockedWeightCommits[${k}]`, ["epoch", "queue"]);
    toU64(o.epoch, `TimelockedWeightCommits[${k}].epoch`);
    toArray(o.queue, `TimelockedWeightCommits[${k}].queue`).forEach((q, i) => {
      const t = tuple(q, `TimelockedWeightCommits[${k}].queue[${i}]`, 3);
      if (typeof t[0] !== "string") throw new TaomathError("invalid_type", `TimelockedWeightCommits[${k}].queue[${i}][0]`, "expected a hotkey string");
      toU64(t[1], `TimelockedWeightCommits[${k}].queue[${i}][1]`);
      toU64(t[2], `TimelockedWeightCommits[${k}].queue[${i}][2]`);
    });
  });
}
