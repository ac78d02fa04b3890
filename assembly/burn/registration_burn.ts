// The neuron registration burn (pallets/subtensor subnets/registration.rs, utils/misc.rs): the
// per-block continuous decay by a Q32 factor f with f^half_life ≈ 1/2, the clamp to
// [MinBurn, MaxBurn], and the multiplicative bump after each registration (U64F64).

import { umul128, wideHi } from "../fixed/wide";
import { satMulU, uHi } from "../fixed/u64f64";

/** mul_by_q32: min((a·b) >> 32, u64::MAX). */
export function mulByQ32(a: u64, b: u64): u64 {
  const lo = umul128(a, b);
  const hi = wideHi;
  if ((hi >> 32) != 0) return u64.MAX_VALUE;
  return (hi << 32) | (lo >> 32);
}

/** pow_q32: square and multiply with clamped Q32 products. */
export function powQ32(base: u64, exp: u32): u64 {
  let result: u64 = 1 << 32;
  let factor = base;
  let power = exp;
  while (power > 0) {
    if ((power & 1) == 1) result = mulByQ32(result, factor);
    power >>= 1;
    if (power > 0) factor = mulByQ32(factor, factor);
  }
  return result;
}

/** decay_factor_q32: the largest f < 2^32 with pow_q32(f, half_life) <= 2^31 (2^32 for half-life 0). */
export function decayFactorQ32(halfLife: u32): u64 {
  if (halfLife == 0) return 1 << 32;
  let lo: u64 = 0, hi: u64 = 1 << 32;
  while (lo + 1 < hi) {
    const mid = lo + ((hi - lo) >> 1);
    if (powQ32(mid, halfLife) > (<u64>1 << 31)) hi = mid; else lo = mid;
  }
  return lo;
}

function clamp(v: u64, min: u64, max: u64): u64 {
  if (v < min) v = min;
  if (v > max) v = max;
  return v;
}

/** One block's update_registration_prices_for_networks for one subnet. */
export function decayBurn(burn: u64, factor: u64, halfLife: u32, block: u64, min: u64, max: u64): u64 {
  let b = burn;
  if (halfLife > 0 && block > 1) b = mulByQ32(burn, factor);
  return clamp(b, min, max);
}

/** bump_registration_price_after_registration (a no-op on root): burn · max(mult, 1), clamped. */
export function bumpBurn(burn: u64, multHi: u64, multLo: u64, min: u64, max: u64, isRoot: bool): u64 {
  if (isRoot) return burn;
  if (multHi == 0) { multHi = 1; multLo = 0; }
  satMulU(burn, 0, multHi, multLo);
  return clamp(uHi, min, max);
}
