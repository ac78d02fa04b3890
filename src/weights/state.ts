// The chain storage a set_weights / commit / reveal call reads, as one plain object.
// Field names follow the epoch vector schema (snake_case, u64 as bigint or decimal string), so
// an epoch input extended with the set_weights fields below is a valid SubnetState and the same
// file can drive checkSetWeights and the effect preview.

import { TaomathError } from "../core/errors.js";
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

/** Checks the fields a weights check reads, naming the first bad one (TaomathError). */
export function validateSubnetState(s: SubnetState): void {
  if (s === null || typeof s !== "object") throw new TaomathError("invalid_type", "subnetState", "expected an object");
  toU16(s.netuid, "subnetState.netuid");
  toU16(s.n, "subnetState.n");
  toU16(s.min_allowed_weights, "subnetState.min_allowed_weights");
  if (s.max_weight_limit !== undefined) toU16(s.max_weight_limit, "subnetState.max_weight_limit");
  if (s.mechanism_count !== undefined) toInt(s.mechanism_count, "subnetState.mechanism_count", 0, 255, "u8");
  if (s.exists !== undefined) toBool(s.exists, "subnetState.exists");
  toU64(s.weights_version_key, "subnetState.weights_version_key");
  toU64(s.weights_set_rate_limit, "subnetState.weights_set_rate_limit");
  toBool(s.commit_reveal_enabled, "subnetState.commit_reveal_enabled");
  toArray(s.last_update, "subnetState.last_update");
  toArray(s.validator_permit, "subnetState.validator_permit");
  toArray(s.alpha_stake, "subnetState.alpha_stake");
  toArray(s.tao_stake, "subnetState.tao_stake");
  if (s.owner_uid !== null) toU16(s.owner_uid, "subnetState.owner_uid");
  toU64(s.stake_threshold, "subnetState.stake_threshold");
  toU64(s.tao_weight, "subnetState.tao_weight");
  if (s.hotkeys !== undefined) toArray(s.hotkeys, "subnetState.hotkeys");
}
