// checkSetWeights: the verdict subtensor's internal_set_weights (subnets/weights.rs) gives a
// call, check by check in the chain's order, and the row it would store (the max-upscale of
// step 14). Stake and the max weight limit are computed by the wasm core.

import type { Taomath } from "../core/taomath.js";
import { TaomathError } from "../core/errors.js";
import { toU64, toU16, toArray, toBool } from "../bindings/values.js";
import { validateSubnetState, mechanismOf, type SubnetState, type SetWeightsVerdict } from "./state.js";
import { U16_MAX } from "../core/ints.js";

export interface CheckOptions {
  /** mechanism id (MechId, default 0 = main) */
  mechanism?: number;
  /**
   * Judge the row against state.max_weight_limit as runtimes before the constant limit did.
   * Default false: at 14bc6f9f the limit is u16::MAX and MaxWeightExceeded cannot occur.
   */
  enforceMaxWeightLimit?: boolean;
}

export interface SetWeightsCheck {
  verdict: SetWeightsVerdict;
  /** the caller's uid, when it is registered */
  uid: number | null;
  /** what Weights[netuid_index][uid] would hold after the call ([uid, value] pairs), on ok */
  stored: Array<[number, number]> | null;
}

/** The uid a hotkey holds: a number is taken as the uid itself, a string is looked up in `hotkeys`. */
export function uidOf(state: SubnetState, hotkey: string | number): number | null {
  if (typeof hotkey === "number") {
    // a uid is a u16; one at or past n is simply not registered
    const uid = toU16(hotkey, "hotkey");
    return uid < state.n ? uid : null;
  }
  if (typeof hotkey !== "string") throw new TaomathError("invalid_type", "hotkey", "expected a hotkey (string) or a uid (number)");
  if (!state.hotkeys) throw new TaomathError("invalid_type", "subnetState.hotkeys", "needed to find a hotkey's uid (or pass the uid as a number)");
  const i = state.hotkeys.indexOf(hotkey);
  return i >= 0 && i < state.n ? i : null;
}

/** A caller: a hotkey string, or a uid (u16), checked before any verdict is given. */
export function hotkeyArg(hotkey: unknown): void {
  if (typeof hotkey === "number") toU16(hotkey, "hotkey");
  else if (typeof hotkey !== "string") throw new TaomathError("invalid_type", "hotkey", "expected a hotkey (string) or a uid (number)");
}

/** is_self_weight: exactly one value and the first uid is the caller's. */
export function isSelfWeight(uid: number, uids: readonly number[], values: readonly number[]): boolean {
  return values.length === 1 && uids.length > 0 && uids[0] === uid;
}

/** has_duplicate_uids. */
export function hasDuplicateUids(uids: readonly number[]): boolean {
  return new Set(uids).size !== uids.length;
}

/** check_length: self weight (off root), or at least min(n, min_allowed_weights) values. */
export function checkLength(state: Pick<SubnetState, "netuid" | "n" | "min_allowed_weights">, uid: number, uids: readonly number[], values: readonly number[]): boolean {
  const minAllowed = Math.min(state.n, state.min_allowed_weights);
  if (state.netuid !== 0 && isSelfWeight(uid, uids, values)) return true;
  return values.length >= minAllowed;
}

/** check_rate_limit for a registered uid: never set (0), or at least the limit since. */
export function checkRateLimit(lastUpdate: bigint, rateLimit: bigint, block: bigint): boolean {
  if (lastUpdate === 0n) return true;
  const since = block > lastUpdate ? block - lastUpdate : 0n;
  return since >= rateLimit;
}

/** check_version_key: the subnet's key is 0 or the caller's is at least it. */
export function checkVersionKey(subnetKey: bigint, key: bigint): boolean {
  return subnetKey === 0n || key >= subnetKey;
}

function u16List(v: readonly unknown[], field: string): number[] {
  return toArray(v, field).map((x, i) => toU16(x, `${field}[${i}]`));
}

/**
 * The chain's verdict on set_weights(netuid, uids, values, versionKey) signed by `hotkey` at
 * `block`: "ok" or the first error name internal_set_weights would return. (A reveal runs the
 * same checks, with the rate limit skipped because commit-reveal is on.)
 */
export function checkSetWeights(
  tm: Taomath, state: SubnetState, hotkey: string | number, uids: readonly number[], values: readonly number[],
  versionKey: bigint | string | number, block: bigint | string | number, options: CheckOptions = {},
): SetWeightsCheck {
  validateSubnetState(state);
  hotkeyArg(hotkey);
  const us = u16List(uids, "uids");
  const vs = u16List(values, "values");
  const key = toU64(versionKey, "versionKey");
  const now = toU64(block, "block");
  const mecid = mechanismOf(options);
  if (options?.enforceMaxWeightLimit !== undefined) toBool(options.enforceMaxWeightLimit, "options.enforceMaxWeightLimit");
  const core = tm.weights;
  const fail = (verdict: SetWeightsVerdict, uid: number | null = null): SetWeightsCheck => ({ verdict, uid, stored: null });

  if (state.netuid === 0) return fail("CanNotSetRootNetworkWeights");
  if (us.length !== vs.length) return fail("WeightVecNotEqualSize");
  if (state.exists === false || (state.mechanism_count ?? 1) <= mecid) return fail("MechanismDoesNotExist");
  if (us.length > state.n) return fail("UidsLengthExceedUidsInSubNet");
  const uid = uidOf(state, hotkey);
  if (uid === null) return fail("HotKeyNotRegisteredInSubNet");

  const isOwner = state.owner_uid !== null && state.owner_uid === uid;
  if (!isOwner) {
    const total = core.hotkeyTotalStake(
      toU64(state.alpha_stake[uid] ?? 0n, `alpha_stake[${uid}]`),
      toU64(state.tao_stake[uid] ?? 0n, `tao_stake[${uid}]`),
      toU64(state.tao_weight, "tao_weight"),
    );
    // I64F64 total >= u64 threshold, compared exactly
    if (total < toU64(state.stake_threshold, "stake_threshold") << 64n) return fail("NotEnoughStakeToSetWeights", uid);
  }
  if (!checkVersionKey(toU64(state.weights_version_key, "weights_version_key"), key)) return fail("IncorrectWeightVersionKey", uid);
  if (!toBool(state.commit_reveal_enabled, "commit_reveal_enabled")) {
    const last = toU64(state.last_update[uid] ?? 0n, `last_update[${uid}]`);
    if (!checkRateLimit(last, toU64(state.weights_set_rate_limit, "weights_set_rate_limit"), now)) return fail("SettingWeightsTooFast", uid);
  }
  const permitted = isSelfWeight(uid, us, vs) || isOwner || state.validator_permit[uid] === true;
  if (!permitted) return fail("NeuronNoValidatorPermit", uid);
  if (hasDuplicateUids(us)) return fail("DuplicateUids", uid);
  if (us.some((u) => u >= state.n)) return fail("UidVecContainInvalidOne", uid);
  if (!checkLength(state, uid, us, vs)) return fail("WeightVecLengthIsLow", uid);

  const upscaled = core.maxUpscale(vs);
  const limit = options.enforceMaxWeightLimit === true ? state.max_weight_limit ?? U16_MAX : U16_MAX;
  const limited = isSelfWeight(uid, us, upscaled) || limit === U16_MAX || core.vecMaxLimited(upscaled, limit);
  if (!limited) return fail("MaxWeightExceeded", uid);

  return { verdict: "ok", uid, stored: us.map((u, i) => [u, upscaled[i]]) };
}

/** The row set_weights stores for `values`: vec_u16_max_upscale_to_u16, computed by the core. */
export function storedRow(tm: Taomath, uids: readonly number[], values: readonly number[]): Array<[number, number]> {
  const us = u16List(uids, "uids");
  const vs = u16List(values, "values");
  if (us.length !== vs.length) throw new TaomathError("wrong_length", "values", `uids and values differ in length (${us.length} and ${vs.length})`);
  const up = tm.weights.maxUpscale(vs);
  return us.map((u, i) => [u, up[i]]);
}
