// The two sigmoids of subtensor's epoch: sigmoid_safe (math.rs, pinned by tests) and
// alpha_sigmoid (run_epoch.rs), which turns a (consensus, weight, bond) triple into the
// per-entry liquid-alpha EMA coefficient.

import { ONE, satAdd, satSub, satMul, satDiv, safeDiv, min64, max64 } from "../fixed/i32f32";
import { expSafe } from "../fixed/exp";

const HALF: i64 = 0x80000000;
const MINUS_100: i64 = -100 * ONE;

/** math.rs clamp_value: min with high first, then max with low. */
// @ts-ignore: decorator
@inline
export function clampValue(v: i64, lo: i64, hi: i64): i64 {
  return max64(min64(v, hi), lo);
}

export function sigmoidSafe(input: i64, rho: i64, kappa: i64): i64 {
  const offset = satSub(input, kappa);
  const negRho = satMul(rho, satSub(0, ONE)); // rho * (-1), saturating
  const e = expSafe(satMul(negRho, offset));
  return safeDiv(ONE, satAdd(e, ONE));
}

/** run_epoch.rs alpha_sigmoid; `steepnessOver` is steepness saturating_div -100, computed once. */
// @ts-ignore: decorator
@inline
export function alphaSigmoid(consensus: i64, weight: i64, bond: i64, low: i64, high: i64, steepnessOver: i64): i64 {
  const diffBuy = clampValue(satSub(weight, consensus), 0, ONE);
  const diffSell = clampValue(satSub(bond, weight), 0, ONE);
  const d = weight >= bond ? diffBuy : diffSell;
  const sig = satDiv(ONE, satAdd(ONE, expSafe(satMul(steepnessOver, satSub(d, HALF)))));
  const a = satAdd(low, satMul(sig, satSub(high, low)));
  return clampValue(a, low, high);
}

export function steepnessFactor(steepness: i32): i64 {
  return satDiv(<i64>steepness << 32, MINUS_100);
}

