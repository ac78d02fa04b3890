// The effect of a weight row on the next epoch: run the epoch (the core's epoch_mechanism) once
// with the stored rows as they are and once with this validator's row replaced by what
// set_weights / a reveal would store, and report the difference.

import type { Taomath } from "../core/taomath.js";
import type { EpochInput, EpochOutput } from "../bindings/epoch.js";
import { TaomathError, quote } from "../core/errors.js";
import { toU64 } from "../bindings/values.js";
import { storedRow } from "./check.js";

export interface WeightsEffect {
  validator_uid: number;
  /** the row the epoch was re-run with (as stored on chain) */
  stored_row: Array<[number, number]>;
  /** this validator's dividends (u16 share) and validator emission (rao), before and after */
  dividends: { before: number; after: number; change: number };
  validator_emission: { before: bigint; after: bigint; change: bigint };
  /** every uid whose incentive (u16 share) or server emission changed */
  miners: Array<{ uid: number; incentive_before: number; incentive_after: number; incentive_change: number; emission_change: bigint }>;
  before: EpochOutput;
  after: EpochOutput;
}

export interface PreviewOptions {
  /**
   * LastUpdate to give the validator in the second run. Default: the input's current_block for a
   * direct set_weights (commit-reveal off), unchanged for a reveal (the commit set it).
   */
  last_update?: bigint | string | number;
}

/** Runs the epoch with the current rows and with `uids`/`values` as `validatorUid`'s row. */
export function previewWeights(
  tm: Taomath, input: EpochInput, validatorUid: number, uids: readonly number[], values: readonly number[], options: PreviewOptions = {},
): WeightsEffect {
  // the first run validates the input, so the fields read below are known to be well formed
  const before = tm.runEpoch(input);
  if (typeof validatorUid !== "number" || !Number.isInteger(validatorUid) || validatorUid < 0 || validatorUid >= input.n) {
    throw new TaomathError("uid_out_of_range", "validatorUid", `${quote(validatorUid)} is not a uid of this subnet (n = ${input.n})`);
  }
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw new TaomathError("invalid_type", "options", `expected an options object, got ${quote(options)}`);
  const row = storedRow(tm, uids, values);
  const weights = input.weights.map((r, i) => (i === validatorUid ? row.map(([u, v]) => [u, v] as [number, number]) : r));
  const lastUpdate = [...input.last_update];
  while (lastUpdate.length <= validatorUid) lastUpdate.push("0");
  const newLast = options.last_update !== undefined ? toU64(options.last_update, "last_update")
    : input.commit_reveal_enabled ? null : toU64(input.current_block, "current_block");
  if (newLast !== null) lastUpdate[validatorUid] = newLast;
  const after = tm.runEpoch({ ...input, weights, last_update: lastUpdate });
  const miners: WeightsEffect["miners"] = [];
  for (let j = 0; j < input.n; j++) {
    const ib = before.incentive[j], ia = after.incentive[j];
    const ed = after.server_emission[j] - before.server_emission[j];
    if (ib !== ia || ed !== 0n) miners.push({ uid: j, incentive_before: ib, incentive_after: ia, incentive_change: ia - ib, emission_change: ed });
  }
  const v = validatorUid;
  return {
    validator_uid: v,
    stored_row: row,
    dividends: { before: before.dividends[v], after: after.dividends[v], change: after.dividends[v] - before.dividends[v] },
    validator_emission: { before: before.validator_emission[v], after: after.validator_emission[v], change: after.validator_emission[v] - before.validator_emission[v] },
    miners,
    before,
    after,
  };
}

/** The epoch effect of revealing `uids`/`values`: the stored row changes, LastUpdate does not (the commit set it). */
export function whatIfReveal(tm: Taomath, input: EpochInput, validatorUid: number, uids: readonly number[], values: readonly number[]): WeightsEffect {
  const last = Array.isArray(input?.last_update) && Number.isInteger(validatorUid) ? input.last_update[validatorUid] ?? 0n : 0n;
  return previewWeights(tm, input, validatorUid, uids, values, { last_update: last });
}
