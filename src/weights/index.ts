// A validator's round trip: scores per uid -> the SDK's processing -> the u16 row to submit ->
// the row the chain stores -> the chain's verdict on it. Re-exports the weights toolkit.

import type { Taomath } from "../core/taomath.js";
import { TaomathError, quote } from "../core/errors.js";
import { toArray, toI64Bits, toU16 } from "../bindings/values.js";
import { processWeightsForNetuid, convertWeightsAndUidsForEmit } from "./sdk.js";
import { checkSetWeights, storedRow, type SetWeightsCheck } from "./check.js";
import { validateSubnetState, type SubnetState } from "./state.js";

export { normalizeMaxWeight, convertWeightsAndUidsForEmit, processWeights, processWeightsForNetuid, type FloatDtype, type ProcessWeightsOptions, type SdkSubnetLimits } from "./sdk.js";
export { validateSubnetState, SET_WEIGHTS_CHECK_ORDER, type SubnetState, type SetWeightsError, type SetWeightsVerdict } from "./state.js";
export { checkSetWeights, storedRow, type CheckOptions, type SetWeightsCheck } from "./check.js";
export { commitHash, commitPreimage, mechanismStorageIndex, epochAt, firstBlockOfEpoch, revealWindow, checkReveal, GLOBAL_MAX_SUBNET_COUNT, type CommitInput, type EpochSchedule, type RevealWindow, type RevealVerdict, type StoredCommit } from "./commit.js";
export { checkCommitWeights, MAX_UNREVEALED_COMMITS, type CommitVerdict, type CommitCheck } from "./commit_check.js";
export { previewWeights, whatIfReveal, type WeightsEffect, type PreviewOptions } from "./preview.js";
export { WeightsCore } from "../bindings/weights.js";

export interface ScoresToRowOptions {
  /** the caller: its hotkey (looked up in state.hotkeys) or its uid */
  hotkey: string | number;
  versionKey?: bigint | string | number;
  /** block the call would land in (for the rate limit); default 0 */
  block?: bigint | string | number;
  /** SDK exclude_quantile (u16, default 0) */
  excludeQuantile?: number;
  /**
   * true (default): convert exactly like convert_weights_and_uids_for_emit, which drops entries
   * that round to 0. false: keep them as 1, so no uid the SDK processing kept is lost.
   */
  sdkCompatible?: boolean;
}

export interface ScoresToRow {
  /** process_weights_for_netuid's output (uids and float shares) */
  processed: { uids: number[]; weights: number[] };
  /** what to pass to set_weights / hash in a commit */
  submit: { uids: number[]; values: number[] };
  /** what Weights[netuid][uid] will hold: the chain's max-upscale of submit.values */
  stored: Array<[number, number]>;
  check: SetWeightsCheck;
}

/** Scores per uid (floats, or I32F32 bits as bigint) to the checked row. `uids` defaults to 0..len-1. */
export function scoresToRow(tm: Taomath, state: SubnetState, scores: ReadonlyArray<number | bigint>, options: ScoresToRowOptions, uids?: readonly number[]): ScoresToRow {
  validateSubnetState(state);
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw new TaomathError("invalid_type", "options", `expected {hotkey, ...}, got ${quote(options)}`);
  const list = toArray(scores, "scores");
  if (list.length > 65536) throw new TaomathError("wrong_length", "scores", `${list.length} scores; a subnet has at most 65536 uids`);
  const floats = list.map((s, i) => {
    const f = typeof s === "bigint" ? Number(toI64Bits(s, `scores[${i}]`)) / 2 ** 32 : s;
    if (typeof f !== "number" || !Number.isFinite(f)) throw new TaomathError("invalid_type", `scores[${i}]`, "expected a finite number or I32F32 bits as a bigint");
    return f;
  });
  const ids = uids === undefined ? floats.map((_, i) => i) : toArray(uids, "uids").map((u, i) => toU16(u, `uids[${i}]`));
  if (ids.length !== floats.length) throw new TaomathError("wrong_length", "uids", `${ids.length} uids for ${floats.length} scores`);
  if (options.excludeQuantile !== undefined) toU16(options.excludeQuantile, "options.excludeQuantile");
  if (options.sdkCompatible !== undefined && typeof options.sdkCompatible !== "boolean") throw new TaomathError("invalid_type", "options.sdkCompatible", "expected a boolean");
  const processed = processWeightsForNetuid(ids, floats, state, options.excludeQuantile ?? 0);
  const submit = processed.uids.length === 0 ? { uids: [], values: [] }
    : convertWeightsAndUidsForEmit(processed.uids, processed.weights, { keepTiny: options.sdkCompatible === false });
  const check = checkSetWeights(tm, state, options.hotkey, submit.uids, submit.values, options.versionKey === undefined ? 0n : options.versionKey, options.block === undefined ? 0n : options.block);
  return { processed, submit, stored: check.stored ?? storedRow(tm, submit.uids, submit.values), check };
}
