// The epoch's stake vector (stake_utils.rs get_stake_weights_for_network, then run_epoch.rs
// steps S1-S3): alpha + tao x tao_weight in I64F64, the stake threshold, I64F64 normalisation,
// and the floor conversion to I32F32.

import { rHi, rLo, rOverflow, satAdd128, satMulFixed, divFixed, add128, i64f64ToI32f32 } from "../fixed/i128";
import { udiv128by64 } from "../fixed/wide";
import { setI64, vecI64 } from "../math/csr";
import { sz, alloc } from "../arena";
import { isTopkNonzero } from "../math/vector";
import { EpochOutput } from "./epoch";

/** I64F64::saturating_from_num(u64) as (hi, lo) -> writes to `hiOut/loOut` via the globals. */
// @ts-ignore: decorator
@inline function satFromU64Hi(x: u64): u64 { return x > 0x7fffffffffffffff ? 0x7fffffffffffffff : x; }
// @ts-ignore: decorator
@inline function satFromU64Lo(x: u64): u64 { return x > 0x7fffffffffffffff ? 0xffffffffffffffff : 0; }

/**
 * tao_weight as I64F64 bits: U96F32(TaoWeight) safe_div U96F32(u64::MAX) keeps 32 fraction bits
 * (floor(w * 2^32 / (2^64 - 1))), then widens exactly. Returns the low word (the high word is
 * 0 except for TaoWeight = u64::MAX, which gives exactly 1.0 = hi 1, lo 0).
 */
export function taoWeightBits32(taoWeight: u64): u64 {
  return udiv128by64(taoWeight >> 32, taoWeight << 32, 0xffffffffffffffff);
}

/**
 * Fills total (i128 pairs, lo at +0 and hi at +8, n entries) with alpha + tao*tao_weight,
 * then stake (I32F32) after the threshold and normalisation. `ownerUid` < 0 means none.
 */
export function computeStake(
  n: i32, alpha: usize, tao: usize, taoWeight: u64, threshold: u64, ownerUid: i32,
  total: usize, filtered: usize, stake: usize,
): void {
  const w32 = taoWeightBits32(taoWeight);
  const wHi: u64 = w32 >> 32, wLo: u64 = w32 << 32;
  for (let i = 0; i < n; i++) {
    const a = load<u64>(alpha + (<usize>i << 3));
    const t = load<u64>(tao + (<usize>i << 3));
    satMulFixed(satFromU64Hi(t), satFromU64Lo(t), wHi, wLo, 64);
    satAdd128(satFromU64Hi(a), satFromU64Lo(a), rHi, rLo);
    const at = total + (<usize>i << 4);
    store<u64>(at, rLo);
    store<u64>(at + 8, rHi);
    // S1: below the threshold (floor to u64) -> 0, the owner excepted
    const floorU64: u64 = <i64>rHi < 0 ? 0 : rHi;
    const keep = i == ownerUid || floorU64 >= threshold;
    store<u64>(filtered + (<usize>i << 4), keep ? rLo : 0);
    store<u64>(filtered + (<usize>i << 4) + 8, keep ? rHi : 0);
  }
  normalize64(filtered, n);
  for (let i = 0; i < n; i++) {
    const at = filtered + (<usize>i << 4);
    setI64(stake, i, i64f64ToI32f32(load<u64>(at + 8), load<u64>(at)));
  }
}

/** inplace_normalize_64 on i128 pairs: wrapping sum; x_i safe_div sum unless the sum is 0. */
export function normalize64(x: usize, n: i32): void {
  let sh: u64 = 0, sl: u64 = 0;
  for (let i = 0; i < n; i++) {
    const at = x + (<usize>i << 4);
    add128(sh, sl, load<u64>(at + 8), load<u64>(at));
    sh = rHi; sl = rLo;
  }
  if (sh == 0 && sl == 0) return;
  for (let i = 0; i < n; i++) {
    const at = x + (<usize>i << 4);
    divFixed(load<u64>(at + 8), load<u64>(at), sh, sl, 64);
    store<u64>(at, rOverflow ? 0 : rLo);
    store<u64>(at + 8, rOverflow ? 0 : rHi);
  }
}

/** What step S leaves for the rest of the epoch. */
export class StakeStep {
  constructor(public total: usize, public stake: usize, public forbids: usize) {}
}

/**
 * Step S1-S5 shared by the sparse and dense epochs: stake (with `out.stake` as floor_u64 of the
 * unfiltered total), the forbid mask from the stored permits, and the new top-k permits.
 * `owner` gets the sparse path's privileges (threshold exemption, forced permits); the dense path
 * passes -1 because it grants none.
 */
export function stakeStep(
  n: i32, alphaStake: usize, taoStake: usize, taoWeight: u64, threshold: u64, owner: i32,
  permit: usize, permitLen: i32, maxValidators: i32, out: EpochOutput,
): StakeStep {
  const total = alloc(sz(n) << 4);
  const filtered = alloc(sz(n) << 4);
  const stake = vecI64(n);
  computeStake(n, alphaStake, taoStake, taoWeight, threshold, owner, total, filtered, stake);
  out.stake = alloc(sz(n) << 3);
  for (let i = 0; i < n; i++) {
    const hi = load<u64>(total + (<usize>i << 4) + 8);
    store<u64>(out.stake + (<usize>i << 3), <i64>hi < 0 ? 0 : hi);
  }
  const forbids = alloc(sz(permitLen));
  for (let i = 0; i < permitLen; i++) {
    const p = load<u8>(permit + i) != 0 || i == owner;
    store<u8>(forbids + i, p ? 0 : 1);
  }
  out.newPermit = alloc(sz(n));
  isTopkNonzero(stake, n, maxValidators, out.newPermit);
  if (owner >= 0 && owner < n) store<u8>(out.newPermit + owner, 1);
  return new StakeStep(total, stake, forbids);
}
