// Step E and the u16 outputs of the epoch, shared by the sparse and dense paths: combined =
// incentive sat+ dividends, each side normalised by the combined sum (with the chain's fallback to
// active stake, then stake, when that sum is 0), each share times rao_emission in I96F32 floored
// to u64; proportions stored as floor(x * 65535).

import { EpochOutput } from "./epoch";
import { getI64, setI64, vecI64 } from "../math/csr";
import { sz, alloc } from "../arena";
import { satAdd, proportionToU16 } from "../fixed/i32f32";
import { sumI64, normalize, normalizeUsingSum } from "../math/vector";
import { umul128, wideHi } from "../fixed/wide";

/** I96F32(x) saturating_mul I96F32(rao), saturating_to_num::<u64>: floor(x * rao), clamped. */
// @ts-ignore: decorator
@inline export function emissionOf(x: i64, rao: u64): u64 {
  if (x <= 0) return 0;
  const lo = umul128(<u64>x, rao);
  const hi = wideHi;
  if ((hi >> 32) != 0) return u64.MAX_VALUE;
  return (hi << 32) | (lo >> 32);
}

export function u16Vec(src: usize, n: i32): usize {
  const out = alloc(sz(n) << 1);
  for (let i = 0; i < n; i++) store<u16>(out + (<usize>i << 1), <u16>proportionToU16(getI64(src, i)));
  return out;
}

/** Fills the emission vectors (and their normalised shares when `trace`) and the u16 outputs. */
export function splitEmission(
  n: i32, rao: u64, stake: usize, activeStake: usize, consensus: usize, validatorTrust: usize,
  incentive: usize, dividends: usize, out: EpochOutput, trace: bool,
): void {
  const combined = vecI64(n);
  for (let i = 0; i < n; i++) setI64(combined, i, satAdd(getI64(incentive, i), getI64(dividends, i)));
  const esum = sumI64(combined, n);
  const nse = vecI64(n), nve = vecI64(n), nce = vecI64(n);
  memory.copy(nse, incentive, <usize>n << 3);
  memory.copy(nve, dividends, <usize>n << 3);
  memory.copy(nce, combined, <usize>n << 3);
  normalizeUsingSum(nse, n, esum);
  normalizeUsingSum(nve, n, esum);
  normalize(nce, n);
  if (esum == 0) {
    const src = sumI64(activeStake, n) == 0 ? stake : activeStake;
    memory.copy(nve, src, <usize>n << 3);
    memory.copy(nce, src, <usize>n << 3);
  }
  const n8 = sz(n) << 3;
  out.serverEmission = alloc(n8);
  out.validatorEmission = alloc(n8);
  out.emission = alloc(n8);
  for (let i = 0; i < n; i++) {
    store<u64>(out.serverEmission + (<usize>i << 3), emissionOf(getI64(nse, i), rao));
    store<u64>(out.validatorEmission + (<usize>i << 3), emissionOf(getI64(nve, i), rao));
    store<u64>(out.emission + (<usize>i << 3), emissionOf(getI64(nce, i), rao));
  }
  out.stakeWeight = u16Vec(stake, n);
  out.consensus = u16Vec(consensus, n);
  out.incentive = u16Vec(incentive, n);
  out.dividends = u16Vec(dividends, n);
  out.validatorTrust = u16Vec(validatorTrust, n);
  if (trace) { out.nse = nse; out.nve = nve; out.nce = nce; }
}
