// Why a uid got what it got: reads a traced epoch result and says, in words, which step decided
// its incentive (as a miner) and its dividends (as a validator). Pure reading of the trace; no math.

import type { EpochInput, EpochResult } from "../bindings/epoch.js";
import { TaomathError, quote } from "../core/errors.js";

export interface UidExplanation {
  uid: number;
  incentive: number;
  dividends: number;
  /** one line per finding, most decisive first */
  reasons: string[];
}

export function explainUid(input: EpochInput, result: EpochResult, uid: number): UidExplanation {
  if (input === null || typeof input !== "object" || !Array.isArray(input.weights)) throw new TaomathError("invalid_type", "input", "expected the epoch input the result came from");
  if (result === null || typeof result !== "object" || !Array.isArray(result.incentive)) throw new TaomathError("invalid_type", "result", "expected a result of runEpoch");
  const d = result.debug;
  if (!d) throw new TaomathError("invalid_type", "result", "explainUid needs a result from runEpoch(input, { trace: true })");
  const n = result.incentive.length;
  if (typeof uid !== "number" || !Number.isInteger(uid) || uid < 0 || uid >= n) {
    throw new TaomathError("uid_out_of_range", "uid", `${quote(uid)} is not a uid of this result (n = ${n})`);
  }
  if (input.weights.length !== n) throw new TaomathError("wrong_length", "input.weights", `has ${input.weights.length} rows; the result has n = ${n}`);
  const reasons: string[] = [];
  const submitted = input.weights.filter((row) => row.some(([j]) => j === uid)).length;
  const masked = d.masked_weights.filter((m) => m.uid === uid);
  const counted = d.weights_normalized_i32f32.filter((row, i) => row.some(([j]) => j === uid) && d.active_stake_i32f32.bits[i] > 0n).length;
  const clippedAway = d.weights_normalized_i32f32.filter((row, i) => row.some(([j]) => j === uid) && !d.weights_clipped_i32f32[i].some(([j]) => j === uid)).length;

  // as a miner
  if (result.incentive[uid] > 0) {
    reasons.push(`earns incentive ${(result.incentive[uid] / 65535 * 100).toFixed(3)}% from ${counted} validator(s) with active stake; consensus weight ${d.consensus_i32f32.float[uid].toFixed(6)}`);
  } else if (submitted === 0) {
    reasons.push("no validator set a weight on this uid");
  } else if (masked.length === submitted) {
    const by = new Map<string, number>();
    for (const m of masked) by.set(m.reason, (by.get(m.reason) ?? 0) + 1);
    reasons.push(`every weight on this uid was masked: ${[...by].map(([r, c]) => `${c} ${r.replace(/_/g, " ")}`).join(", ")}`);
  } else if (counted === 0) {
    reasons.push("only validators without active stake (inactive or no permit in force) weighted this uid");
  } else if (d.consensus_i32f32.bits[uid] === 0n) {
    reasons.push(`consensus is 0: the stake-weighted median of its weights falls below kappa, so all ${clippedAway} weight(s) were clipped away`);
  } else {
    reasons.push("its clipped weights round to 0 incentive");
  }
  if (masked.length > 0 && masked.length < submitted) {
    reasons.push(`${masked.length} of ${submitted} weights on it were masked (${[...new Set(masked.map((m) => m.reason))].join(", ")})`);
  }

  // as a validator
  const rowLen = uid < input.weights.length ? input.weights[uid].length : 0;
  if (result.dividends[uid] > 0) {
    reasons.push(`earns dividends ${(result.dividends[uid] / 65535 * 100).toFixed(3)}% with validator trust ${(result.validator_trust[uid] / 65535 * 100).toFixed(2)}%`);
  } else if (rowLen > 0) {
    if (!result.active[uid]) reasons.push("as a validator: inactive (last update older than the activity cutoff), its stake does not count");
    else if (d.active_stake_i32f32.bits[uid] === 0n) reasons.push("as a validator: no validator permit in force this epoch (or zero stake), its weights do not count");
    else reasons.push("as a validator: its weights earned no bonds with incentive this epoch");
  }
  if (result.validator_permit[uid] && !(uid < input.validator_permit.length && input.validator_permit[uid])) {
    reasons.push("gains a validator permit for the next epoch (top stake)");
  } else if (!result.validator_permit[uid] && uid < input.validator_permit.length && input.validator_permit[uid]) {
    reasons.push("loses its validator permit for the next epoch");
  }
  return { uid, incentive: result.incentive[uid], dividends: result.dividends[uid], reasons };
}
