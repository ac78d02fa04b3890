// One simulated epoch as a file of the shared epoch vector schema ("yuma-epoch-vector/1": the
// storage the epoch read as `inputs`, what it wrote as `outputs`), so `taomath epoch FILE` or the
// chain's own code can re-run it.

import type { EpochInput, EpochResult } from "../bindings/epoch.js";
import { epochToVectorEncoding } from "../epoch/encoding.js";

/** Epoch inputs in the vector encoding: u64 values as decimal strings, the rest as they are. */
export function epochInputToVectorEncoding(input: EpochInput): Record<string, unknown> {
  const enc = (v: unknown): unknown => (typeof v === "bigint" ? v.toString() : Array.isArray(v) ? v.map(enc) : v);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(input).sort()) out[k] = enc((input as unknown as Record<string, unknown>)[k]);
  return out;
}

export function epochVectorFile(scenario: { name: string; seed: number }, epoch: number, input: EpochInput, result: EpochResult): Record<string, unknown> {
  return {
    schema: "yuma-epoch-vector/1",
    name: `${scenario.name}-epoch-${String(epoch).padStart(4, "0")}`,
    description: `taomath lab: epoch ${epoch} of scenario ${scenario.name} (inputs as chain storage held them; outputs from the bit-exact epoch)`,
    tags: ["simulate"],
    generator_seed: scenario.seed,
    inputs: epochInputToVectorEncoding(input),
    outputs: epochToVectorEncoding(result).outputs,
  };
}
