// Spot price of alpha in TAO, U64F64: the swap pallet's `current_price` (pallets/swap impls.rs)
// with `Balancer::calculate_price` (balancer.rs): (w1 / w2) * (y / x), each division a U64F64
// safe_div (0 on overflow or a zero divisor), then a saturating floored product. Mechanism 1
// (dynamic) prices the pool; any other mechanism (stable, root) is 1.0. Only the price lives here;
// swaps belong to the pool module.

import { rHi, rLo, udivFixed, umulFixedSat, setR128 } from "../fixed/i128";

export const PERQUINTILL: u64 = 1_000_000_000_000_000_000;

/** Leaves the U64F64 price in rHi/rLo. `quoteWeight` is the TAO weight in Perquintill parts. */
export function spotPrice(mechanism: u32, taoReserve: u64, alphaReserve: u64, quoteWeight: u64): void {
  if (mechanism != 1) { setR128(1, 0); return; }
  if (alphaReserve == 0) { setR128(0, 0); return; }
  const w2 = quoteWeight > PERQUINTILL ? PERQUINTILL : quoteWeight;
  const w1 = PERQUINTILL - w2;
  udivFixed(w1, 0, w2, 0, 64);
  const wh = rHi, wl = rLo;
  udivFixed(taoReserve, 0, alphaReserve, 0, 64);
  umulFixedSat(wh, wl, rHi, rLo, 64);
}
