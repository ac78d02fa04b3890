// Splitting a block's TAO among subnets: subtensor `get_shares_price_ema`, `get_shares` and
// `get_subnet_block_emissions` (coinbase/subnet_emissions.rs), plus `get_network_root_sell_flag`
// (run_coinbase.rs). Shares are U64F64: EMA price over the sum of EMA prices, weighted by
// (1 - MinerBurned), renormalised (falling back to the plain price shares when the weights sum to
// 0), then renormalised over emission-enabled subnets when any is disabled. Each subnet's TAO is
// U96F32(U64F64(block_emission) * share).

import { rHi, rLo, rOverflow, udivFixed, umulFixedSat, uSatAdd128, uSatSub128, uLess128, add128 } from "../fixed/i128";
import { ldHi, ldLo, st128, u64f64ToU96f32, u96f32ToU64f64 } from "../fixed/u128";

/**
 * n subnets. price: U64F64[n] moving alpha prices; minerBurned: U96F32[n]; enabled: u8[n].
 * Writes shares (U64F64[n]) and taoEmission (U96F32[n]). Returns the root sell flag
 * (Σ price > 1, with the wrapping sum the chain's `.sum()` uses).
 */
export function subnetBlockEmissions(
  n: i32, price: usize, minerBurned: usize, enabled: usize, blockEmission: u64, shares: usize, taoEmission: usize,
): bool {
  // total of prices (saturating), and the wrapping total for the root sell flag
  let tHi: u64 = 0, tLo: u64 = 0, wHi: u64 = 0, wLo: u64 = 0;
  for (let i = 0; i < n; i++) {
    uSatAdd128(tHi, tLo, ldHi(price, i), ldLo(price, i)); tHi = rHi; tLo = rLo;
    add128(wHi, wLo, ldHi(price, i), ldLo(price, i)); wHi = rHi; wLo = rLo;
  }
  const rootSell = uLess128(1, 0, wHi, wLo);
  // price shares s_i, then weighted w_i = s_i * (1 - min(burned, 1)) kept in `shares`
  let sumHi: u64 = 0, sumLo: u64 = 0;
  for (let i = 0; i < n; i++) {
    udivFixed(ldHi(price, i), ldLo(price, i), tHi, tLo, 64);
    const sHi = rOverflow ? 0 : rHi, sLo = rOverflow ? 0 : rLo;
    st128(taoEmission, i, sHi, sLo); // scratch: the unweighted share
    u96f32ToU64f64(ldHi(minerBurned, i), ldLo(minerBurned, i));
    let bHi = rHi, bLo = rLo;
    if (!uLess128(bHi, bLo, 1, 0)) { bHi = 1; bLo = 0; }
    uSatSub128(1, 0, bHi, bLo);
    umulFixedSat(sHi, sLo, rHi, rLo, 64);
    st128(shares, i, rHi, rLo);
    uSatAdd128(sumHi, sumLo, rHi, rLo); sumHi = rHi; sumLo = rLo;
  }
  const weighted = sumHi != 0 || sumLo != 0;
  let anyDisabled = false;
  let eHi: u64 = 0, eLo: u64 = 0;
  for (let i = 0; i < n; i++) {
    let hi: u64, lo: u64;
    if (weighted) {
      udivFixed(ldHi(shares, i), ldLo(shares, i), sumHi, sumLo, 64);
      hi = rHi; lo = rLo; // 0 on None (safe_div)
    } else { hi = ldHi(taoEmission, i); lo = ldLo(taoEmission, i); }
    st128(shares, i, hi, lo);
    if (load<u8>(enabled + <usize>i) != 0) { uSatAdd128(eHi, eLo, hi, lo); eHi = rHi; eLo = rLo; }
    else anyDisabled = true;
  }
  for (let i = 0; i < n; i++) {
    let hi = ldHi(shares, i), lo = ldLo(shares, i);
    if (anyDisabled) {
      if (load<u8>(enabled + <usize>i) != 0 && (eHi != 0 || eLo != 0)) { udivFixed(hi, lo, eHi, eLo, 64); hi = rHi; lo = rLo; }
      else { hi = 0; lo = 0; }
      st128(shares, i, hi, lo);
    }
    // U64F64(block_emission) * share, truncated to U96F32
    umulFixedSat(blockEmission, 0, hi, lo, 64);
    u64f64ToU96f32(rHi, rLo);
    st128(taoEmission, i, rHi, rLo);
  }
  return rootSell;
}
