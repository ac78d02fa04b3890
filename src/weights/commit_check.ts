// checkCommitWeights: the verdict of commit_weights / commit_mechanism_weights
// (subnets/weights.rs internal_commit_weights), in the chain's order, and the queue it leaves.

import { toU64, toBool } from "../bindings/values.js";
import { checkRateLimit, uidOf, hotkeyArg } from "./check.js";
import { validateSubnetState, validateCommits, hashOf, mechanismOf, type SubnetState } from "./state.js";
import type { StoredCommit } from "./commit.js";

export type CommitVerdict = "ok" | "MechanismDoesNotExist" | "CommitRevealDisabled" | "HotKeyNotRegisteredInSubNet" | "CommittingWeightsTooFast" | "TooManyUnrevealedCommits";

/** At most this many unexpired commits per hotkey and mechanism. */
export const MAX_UNREVEALED_COMMITS = 10;

export interface CommitCheck {
  verdict: CommitVerdict;
  uid: number | null;
  /** the hotkey's queue after the call: expired commits dropped from the front, the new one appended on ok */
  commits: StoredCommit[];
}

/**
 * Would committing `hash` at `block` (in epoch `currentEpoch`, look-ahead included) succeed?
 * `commits` is the hotkey's WeightCommits queue; on ok LastUpdate becomes `block` (rate limit).
 */
export function checkCommitWeights(
  state: SubnetState, hotkey: string | number, hash: string, commits: readonly StoredCommit[],
  currentEpoch: bigint | string | number, block: bigint | string | number, options: { mechanism?: number } = {},
): CommitCheck {
  validateSubnetState(state);
  hotkeyArg(hotkey);
  const mecid = mechanismOf(options);
  hashOf(hash, "hash");
  const queue: StoredCommit[] = validateCommits(commits, "commits");
  const now = toU64(block, "block");
  const epoch = toU64(currentEpoch, "currentEpoch");
  const period = toU64(state.reveal_period_epochs ?? 1n, "reveal_period_epochs");
  const fail = (verdict: CommitVerdict, uid: number | null = null): CommitCheck => ({ verdict, uid, commits: queue });
  if (state.exists === false || (state.mechanism_count ?? 1) <= mecid) return fail("MechanismDoesNotExist");
  if (!toBool(state.commit_reveal_enabled, "commit_reveal_enabled")) return fail("CommitRevealDisabled");
  const uid = uidOf(state, hotkey);
  if (uid === null) return fail("HotKeyNotRegisteredInSubNet");
  const last = toU64(state.last_update[uid] ?? 0n, `last_update[${uid}]`);
  if (!checkRateLimit(last, toU64(state.weights_set_rate_limit, "weights_set_rate_limit"), now)) return fail("CommittingWeightsTooFast", uid);
  while (queue.length > 0 && epoch > BigInt(queue[0].epoch) + period) queue.shift();
  if (queue.length >= MAX_UNREVEALED_COMMITS) return fail("TooManyUnrevealedCommits", uid);
  queue.push({ hash, epoch });
  return { verdict: "ok", uid, commits: queue };
}
