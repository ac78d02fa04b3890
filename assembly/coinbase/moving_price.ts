// The subnet price EMA: subtensor `update_moving_price` and `get_moving_alpha_price`
// (staking/stake_utils.rs). All in U64F64, stored as I96F32:
//   b = now - start_call_block, alpha = SubnetMovingAlpha * safe_div(b, b + h)
//   new = alpha * min(spot, 1) + (1 - alpha) * moving_alpha_price
// with every product and sum saturating, and the store truncating to 32 fraction bits.

import { rHi, rLo, udivFixed, umulFixedSat, uSatAdd128, uSatSub128, uLess128 } from "../fixed/i128";
import { i96f32ToU64f64 } from "../fixed/u128";

/** The last movingAlphaPrice result (U64F64). */
export let cvHi: u64 = 0;
export let cvLo: u64 = 0;

/** get_moving_alpha_price: 1.0 on root or a stable subnet, else the stored EMA as U64F64 (in cvHi/cvLo). */
export function movingAlphaPrice(netuid: u32, mechanism: u32, storedHi: u64, storedLo: u64): void {
  if (netuid == 0 || mechanism == 0) { cvHi = 1; cvLo = 0; return; }
  i96f32ToU64f64(storedHi, storedLo);
  cvHi = rHi; cvLo = rLo;
}

/** The stored I96F32 after one update, in emaHi/emaLo. */
export let emaHi: u64 = 0;
export let emaLo: u64 = 0;

/**
 * One `update_moving_price` at block `now`. `startCallBlock` is FirstEmissionBlockNumber - 1
 * (saturating, 0 when unset); moving alpha and the stored price are I96F32; spot is U64F64.
 */
export function updateMovingPrice(
  netuid: u32, mechanism: u32, now: u64, startCallBlock: u64, halvingBlocks: u64,
  movingAlphaHi: u64, movingAlphaLo: u64, storedHi: u64, storedLo: u64, spotHi: u64, spotLo: u64,
): void {
  const b = now > startCallBlock ? now - startCallBlock : 0;
  // b + h as U64F64 integers (saturating at U64F64::MAX in the integer word's overflow)
  const bh = b + halvingBlocks;
  let denHi = bh, denLo: u64 = 0;
  if (bh < b) { denHi = u64.MAX_VALUE; denLo = u64.MAX_VALUE; }
  udivFixed(b, 0, denHi, denLo, 64); // safe_div: 0 when b + h == 0
  const ratioHi = rHi, ratioLo = rLo;
  i96f32ToU64f64(movingAlphaHi, movingAlphaLo);
  umulFixedSat(rHi, rLo, ratioHi, ratioLo, 64);
  const aHi = rHi, aLo = rLo;
  uSatSub128(1, 0, aHi, aLo);
  const omHi = rHi, omLo = rLo;
  // spot capped at 1.0
  let pHi = spotHi, pLo = spotLo;
  if (!uLess128(spotHi, spotLo, 1, 0)) { pHi = 1; pLo = 0; }
  umulFixedSat(aHi, aLo, pHi, pLo, 64);
  const curHi = rHi, curLo = rLo;
  movingAlphaPrice(netuid, mechanism, storedHi, storedLo);
  umulFixedSat(omHi, omLo, cvHi, cvLo, 64);
  uSatAdd128(curHi, curLo, rHi, rLo);
  // U64F64 -> I96F32: drop 32 fraction bits (always fits)
  emaLo = (rLo >> 32) | (rHi << 32);
  emaHi = rHi >> 32;
}
