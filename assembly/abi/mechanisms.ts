// Entry points for multi-mechanism epochs: the emission split and the weighted aggregation of
// per-mechanism terms (the per-mechanism epochs themselves go through `epoch`).

import { splitEmissions, mechanismWeight, weightHi, weightedAccumulate } from "../epoch/mechanisms";

/** splitLen < 0: no MechanismEmissionSplit stored (even split). */
export function mech_split(e: u64, count: i32, split: usize, splitLen: i32, out: usize): void {
  splitEmissions(e, count, split, splitLen, out);
}
export function mech_weight(ek: u64, e: u64, k: i32): u64 { return mechanismWeight(ek, e, k); }
export function mech_weight_hi(): u64 { return weightHi; }
export function mech_accumulate(acc: usize, x: usize, n: i32, wLo: u64, wHi: u64, max: u64): void {
  weightedAccumulate(acc, x, n, wLo, wHi, max);
}
