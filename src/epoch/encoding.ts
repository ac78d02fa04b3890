// The shared vector encoding (vectors/README.md): u64 and fixed-point bits as decimal strings,
// u16 as numbers, sparse rows as [uid, value] pairs. Used by the CLI and the conformance suite.

import type { EpochInput, EpochResult } from "../bindings/epoch.js";
import { TaomathError } from "../core/errors.js";

const str = (v: bigint) => v.toString();

function fixedVec(v: { bits: bigint[]; float: number[] }) { return { bits: v.bits.map(str), float: v.float }; }
function fixedRows(rows: Array<Array<[number, bigint]>>) { return rows.map((r) => r.map(([j, b]) => [j, str(b)])); }

/** An epoch result as the vectors encode `outputs` (and `debug` when traced). */
export function epochToVectorEncoding(r: EpochResult): { outputs: Record<string, unknown>; debug?: Record<string, unknown> } {
  if (r === null || typeof r !== "object" || !Array.isArray(r.emission)) throw new TaomathError("invalid_type", "result", "expected a result of runEpoch");
  const outputs = {
    active: r.active,
    bonds: r.bonds,
    consensus: r.consensus,
    dividends: r.dividends,
    emission: r.emission.map(str),
    incentive: r.incentive,
    server_emission: r.server_emission.map(str),
    stake: r.stake.map(str),
    stake_weight: r.stake_weight,
    validator_emission: r.validator_emission.map(str),
    validator_permit: r.validator_permit,
    validator_trust: r.validator_trust,
  };
  if (!r.debug) return { outputs };
  const d = r.debug;
  return {
    outputs,
    debug: {
      active_stake_i32f32: fixedVec(d.active_stake_i32f32),
      consensus_i32f32: fixedVec(d.consensus_i32f32),
      dividends_i32f32: fixedVec(d.dividends_i32f32),
      ema_bonds_i32f32: fixedRows(d.ema_bonds_i32f32),
      incentive_i32f32: fixedVec(d.incentive_i32f32),
      masked_weights: d.masked_weights,
      normalized_combined_emission_i32f32: fixedVec(d.normalized_combined_emission_i32f32),
      normalized_server_emission_i32f32: fixedVec(d.normalized_server_emission_i32f32),
      normalized_validator_emission_i32f32: fixedVec(d.normalized_validator_emission_i32f32),
      stake_i32f32: fixedVec(d.stake_i32f32),
      total_stake_i64f64: fixedVec(d.total_stake_i64f64),
      validator_trust_i32f32: fixedVec(d.validator_trust_i32f32),
      weights_clipped_i32f32: fixedRows(d.weights_clipped_i32f32),
      weights_for_bonds_i32f32: fixedRows(d.weights_for_bonds_i32f32),
      weights_normalized_i32f32: fixedRows(d.weights_normalized_i32f32),
    },
  };
}

/** The epoch inputs of a parsed JSON file: a vector file's `inputs`, or a bare inputs object. */
export function epochInputFromJson(json: unknown): EpochInput {
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new TaomathError("invalid_type", "file", "expected a JSON object (a vector file or an epoch inputs object)");
  }
  const o = json as Record<string, unknown>;
  if ("inputs" in o) return o.inputs as EpochInput;
  return o as unknown as EpochInput;
}
