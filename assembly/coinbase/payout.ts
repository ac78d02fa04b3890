// Splitting an epoch's validator pot by proportion (subtensor `calculate_dividend_distribution`,
// run_coinbase.rs, on the alpha side): share_x = checked_div(U96F32(d_x), Σ U96F32(d)) or 0,
// paid floor(U96F32(pot) * share_x). Only the ratios of the epoch's validator emissions matter.

import { rHi, rLo, rOverflow, udivFixed, umulFixedSat, uSatAdd128 } from "../fixed/i128";
import { u96f32Floor, u96Hi, u96Lo } from "../fixed/u128";

/** weights u64[n] -> out u64[n]; returns the sum paid (<= pot). */
export function splitPot(n: i32, weights: usize, pot: u64, out: usize): u64 {
  let sHi: u64 = 0, sLo: u64 = 0;
  for (let i = 0; i < n; i++) {
    const w = load<u64>(weights + (<usize>i << 3));
    uSatAdd128(sHi, sLo, u96Hi(w), u96Lo(w)); sHi = rHi; sLo = rLo;
  }
  let paid: u64 = 0;
  for (let i = 0; i < n; i++) {
    const w = load<u64>(weights + (<usize>i << 3));
    udivFixed(u96Hi(w), u96Lo(w), sHi, sLo, 32);
    let v: u64 = 0;
    if (!rOverflow) {
      umulFixedSat(u96Hi(pot), u96Lo(pot), rHi, rLo, 32);
      v = u96f32Floor(rHi, rLo);
    }
    store<u64>(out + (<usize>i << 3), v);
    paid += v;
  }
  return paid;
}
