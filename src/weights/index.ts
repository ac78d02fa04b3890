// A validator's round trip: scores per uid -> the SDK's processing -> the u16 row to submit ->
// the row the chain stores -> the chain's verdict on it. Re-exports the weights toolkit.

import type { Taomath } from "../core/taomath.js";
import { TaomathError } from "../core/errors.js";
import { processWeightsForNetuid, convertWeightsAndUidsForEmit } from "./sdk.js";
import { checkSetWeights, storedRow, type SetWeightsCheck } from "./check.js";
import type { SubnetState } from "./state.js";

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
  const floats = scores.map((s, i) => {
    const f = typeof s === "bigint" ? Number(s) / 2 ** 32 : s;
    if (typeof f !== "number" || !Number.isFinite(f)) throw new TaomathError("invalid_type", `scores[${i}]`, "expected a finite number or I32F32 bits as a bigint");
    return f;
  });
  const ids = uids ? [...uids] : floats.map((_, i) => i);
  const processed = processWeightsForNetuid(ids, floats, state, options.excludeQuantile ?? 0);
  const submit = processed.uids.length === 0 ? { uids: [], values: [] }
    : convertWeightsAndUidsForEmit(processed.uids, processed.weights, { keepTiny: options.sdkCompatible === false });
  const check = checkSetWeights(tm, state, options.hotkey, submit.uids, submit.values, options.versionKey ?? 0n, options.block ?? 0n);
  return { processed, submit, stored: check.stored ?? storedRow(tm, submit.uids, submit.values), check };
}
