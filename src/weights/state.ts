// The chain storage a set_weights / commit / reveal call reads, as one plain object.
// Field names follow the epoch vector schema (snake_case, u64 as bigint or decimal string), so
// an epoch input extended with the set_weights fields below is a valid SubnetState and the same
// file can drive checkSetWeights and the effect preview.

import { TaomathError, quote } from "../core/errors.js";
import { toU16, toInt, toArray, toU64, toBool, type U64Like } from "../bindings/values.js";
import type { SparseRowU16 } from "../bindings/epoch.js";

export interface SubnetState {
  /** NetUid; 0 is the root network, where set_weights is refused */
  netuid: number;
  /** false if the subnet does not exist (NetworksAdded); default true */
  exists?: boolean;
  /** MechanismCountCurrent (default 1); a mechanism id >= it does not exist */
  mechanism_count?: number;
  /** SubnetworkN: uids are 0..n-1 */
  n: number;
  /** Keys: hotkey (any string, e.g. SS58 or 0x hex) of each uid; needed to look up a caller by hotkey */
  hotkeys?: string[];
  /** MinAllowedWeights */
  min_allowed_weights: number;
  /**
   * MaxWeightsLimit as stored (u16, default 65535). The SDK's process_weights_for_netuid caps
   * shares at it / 65535; the chain at 14bc6f9f ignores it (get_max_weight_limit is the constant
   * u16::MAX), so checkSetWeights applies it only with { enforceMaxWeightLimit: true }, which
   * models older runtimes.
   */
  max_weight_limit?: number;
  /** WeightsVersionKey; 0 accepts any key */
  weights_version_key: U64Like;
  /** WeightsSetRateLimit in blocks */
  weights_set_rate_limit: U64Like;
  /** CommitRevealWeightsEnabled: set_weights then skips the rate limit (reveals call it) */
  commit_reveal_enabled: boolean;
  /** LastUpdate of the mechanism's storage index, per uid; missing entries are 0 (never set) */
  last_update: U64Like[];
  /** ValidatorPermit per uid; missing entries are false */
  validator_permit: boolean[];
  /** uid of the subnet owner's hotkey, if registered (exempt from stake threshold and permit) */
  owner_uid: number | null;
  /** StakeThreshold (global), rao */
  stake_threshold: U64Like;
  /** inherited alpha stake per uid (rao) */
  alpha_stake: U64Like[];
  /** inherited root (TAO) stake per uid (rao) */
  tao_stake: U64Like[];
  /** TaoWeight raw storage value (u64, / u64::MAX) */
  tao_weight: U64Like;
  /** Tempo, for commit-reveal windows (optional here) */
  tempo?: number;
  /** RevealPeriodEpochs (default 1) */
  reveal_period_epochs?: U64Like;
  /** stored rows (epoch schema) — only the effect preview reads them */
  weights?: SparseRowU16[];
}

/** The chain's error names that set_weights can return, in the order it checks them. */
export const SET_WEIGHTS_CHECK_ORDER = [
  "CanNotSetRootNetworkWeights",
  "WeightVecNotEqualSize",
  "MechanismDoesNotExist",
  "UidsLengthExceedUidsInSubNet",
  "HotKeyNotRegisteredInSubNet",
  "NotEnoughStakeToSetWeights",
  "IncorrectWeightVersionKey",
  "SettingWeightsTooFast",
  "NeuronNoValidatorPermit",
  "DuplicateUids",
  "UidVecContainInvalidOne",
  "WeightVecLengthIsLow",
  "MaxWeightExceeded",
] as const;

export type SetWeightsError = (typeof SET_WEIGHTS_CHECK_ORDER)[number];
export type SetWeightsVerdict = "ok" | SetWeightsError;

/** Checks every field a weights check reads, entry by entry, naming the first bad one (TaomathError). */
export function validateSubnetState(s: SubnetState): void {
  if (s === null || typeof s !== "object" || Array.isArray(s)) throw new TaomathError("invalid_type", "subnetState", "expected an object");
  toU16(s.netuid, "subnetState.netuid");
  const n = toU16(s.n, "subnetState.n");
  toU16(s.min_allowed_weights, "subnetState.min_allowed_weights");
  if (s.max_weight_limit !== undefined) toU16(s.max_weight_limit, "subnetState.max_weight_limit");
  if (s.mechanism_count !== undefined) toInt(s.mechanism_count, "subnetState.mechanism_count", 0, 255, "u8");
  if (s.exists !== undefined) toBool(s.exists, "subnetState.exists");
  toU64(s.weights_version_key, "subnetState.weights_version_key");
  toU64(s.weights_set_rate_limit, "subnetState.weights_set_rate_limit");
  toBool(s.commit_reveal_enabled, "subnetState.commit_reveal_enabled");
  // per-uid lists may be shorter than n (missing entries read as the storage default)
  toArray(s.last_update, "subnetState.last_update").forEach((v, i) => toU64(v, `subnetState.last_update[${i}]`));
  toArray(s.validator_permit, "subnetState.validator_permit").forEach((v, i) => toBool(v, `subnetState.validator_permit[${i}]`));
  toArray(s.alpha_stake, "subnetState.alpha_stake").forEach((v, i) => toU64(v, `subnetState.alpha_stake[${i}]`));
  toArray(s.tao_stake, "subnetState.tao_stake").forEach((v, i) => toU64(v, `subnetState.tao_stake[${i}]`));
  if (s.owner_uid !== null) {
    // SubnetOwnerHotkey's uid: a registered uid, so below n
    const owner = toU16(s.owner_uid, "subnetState.owner_uid");
    if (owner >= n) throw new TaomathError("uid_out_of_range", "subnetState.owner_uid", `uid ${owner} is not below n = ${n}`);
  }
  toU64(s.stake_threshold, "subnetState.stake_threshold");
  toU64(s.tao_weight, "subnetState.tao_weight");
  if (s.hotkeys !== undefined) {
    toArray(s.hotkeys, "subnetState.hotkeys").forEach((h, i) => {
      if (typeof h !== "string") throw new TaomathError("invalid_type", `subnetState.hotkeys[${i}]`, "expected a hotkey as a string");
    });
  }
  if (s.tempo !== undefined) toU16(s.tempo, "subnetState.tempo");
  if (s.reveal_period_epochs !== undefined) toU64(s.reveal_period_epochs, "subnetState.reveal_period_epochs");
  if (s.weights !== undefined) validateRows(s.weights, "subnetState.weights");
}

/**
 * Stored sparse rows (Weights, Bonds): [uid, u16 value] pairs with no uid twice in a row, as the
 * chain stores them. A uid >= n is kept: the chain tolerates and ignores such entries.
 */
export function validateRows(rows: unknown, field: string): void {
  toArray(rows, field).forEach((row, i) => {
    const seen = new Set<number>();
    toArray(row, `${field}[${i}]`).forEach((e, k) => {
      const f = `${field}[${i}][${k}]`;
      if (!Array.isArray(e) || e.length !== 2) throw new TaomathError("invalid_type", f, "expected a [uid, value] pair");
      const u = toU16(e[0], `${f}[0]`);
      toU16(e[1], `${f}[1]`);
      if (seen.has(u)) throw new TaomathError("invalid_type", f, `uid ${u} appears twice in row ${i}`);
      seen.add(u);
    });
  });
}

/** An options object of a weights call (undefined means none) and its mechanism id (u8, default 0). */
export function mechanismOf(options: unknown): number {
  if (options === undefined) return 0;
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw new TaomathError("invalid_type", "options", `expected an options object, got ${quote(options)}`);
  const m = (options as { mechanism?: unknown }).mechanism;
  return m === undefined ? 0 : toInt(m, "options.mechanism", 0, 255, "u8");
}

/** A WeightCommits queue: each entry a 32-byte hash as 0x hex and its commit epoch (u64). */
export function validateCommits(commits: unknown, field: string): Array<{ hash: string; epoch: bigint }> {
  return toArray(commits, field).map((c, i) => {
    if (c === null || typeof c !== "object") throw new TaomathError("invalid_type", `${field}[${i}]`, `expected {hash, epoch}, got ${quote(c)}`);
    const { hash, epoch } = c as { hash: unknown; epoch: unknown };
    return { hash: hashOf(hash, `${field}[${i}].hash`), epoch: toU64(epoch, `${field}[${i}].epoch`) };
  });
}

/** A commit hash (H256) as 0x followed by 64 hex digits. */
export function hashOf(h: unknown, field: string): string {
  if (typeof h !== "string" || !/^0x[0-9a-fA-F]{64}$/.test(h)) throw new TaomathError("invalid_type", field, `expected 0x and 64 hex digits (an H256), got ${quote(h)}`);
  return h;
}
