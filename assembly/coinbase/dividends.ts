// Splitting an epoch's validator dividends into alpha and root parts: subtensor
// `calculate_dividend_distribution` (run_coinbase.rs), all U96F32. For each hotkey x with
// dividend d_x, own alpha a_x and root stake r_x:
//   rp_x = (r_x * tw) / (a_x + r_x * tw), root_x = d_x * rp_x, alpha_x = d_x - root_x
// then the pots are shared by proportion: alpha_div_x = pending_alpha * alpha_x / Σ alpha,
// root_div_x = pending_root * root_x / Σ root (0 when a total is 0).

import { rHi, rLo, rOverflow, udivFixed, umulFixedSat, uSatAdd128, uSatSub128 } from "../fixed/i128";
import { ldHi, ldLo, st128, u96Hi, u96Lo } from "../fixed/u128";

/**
 * The pots shared by proportion, the same at every runtime: alphaDiv and rootDiv hold each hotkey's raw
 * alpha and root parts (U96F32[n]) with totals Σ alpha (taHi, taLo) and Σ root (trHi, trLo), and become
 * pending_alpha · alpha_x / Σ alpha and pending_root · root_x / Σ root (0 when a total is 0).
 */
export function sharePots(
  n: i32, alphaDiv: usize, rootDiv: usize, taHi: u64, taLo: u64, trHi: u64, trLo: u64, pendingAlpha: u64, pendingRoot: u64,
): void {
  for (let i = 0; i < n; i++) {
    udivFixed(ldHi(rootDiv, i), ldLo(rootDiv, i), trHi, trLo, 32);
    let sHi = rOverflow ? 0 : rHi, sLo = rOverflow ? 0 : rLo;
    umulFixedSat(u96Hi(pendingRoot), u96Lo(pendingRoot), sHi, sLo, 32);
    st128(rootDiv, i, rHi, rLo);
    udivFixed(ldHi(alphaDiv, i), ldLo(alphaDiv, i), taHi, taLo, 32);
    sHi = rOverflow ? 0 : rHi; sLo = rOverflow ? 0 : rLo;
    umulFixedSat(u96Hi(pendingAlpha), u96Lo(pendingAlpha), sHi, sLo, 32);
    st128(alphaDiv, i, rHi, rLo);
  }
}

/**
 * n hotkeys in the chain's (BTreeMap) order. dividend: U96F32[n]; alphaStake, rootStake: u64[n];
 * tao weight U96F32 (twHi, twLo). Writes alphaDiv and rootDiv (U96F32[n]).
 */
export function dividendDistribution(
  n: i32, dividend: usize, alphaStake: usize, rootStake: usize, twHi: u64, twLo: u64,
  pendingAlpha: u64, pendingRoot: u64, alphaDiv: usize, rootDiv: usize,
): void {
  let taHi: u64 = 0, taLo: u64 = 0, trHi: u64 = 0, trLo: u64 = 0;
  for (let i = 0; i < n; i++) {
    const a = load<u64>(alphaStake + (<usize>i << 3)), r = load<u64>(rootStake + (<usize>i << 3));
    umulFixedSat(u96Hi(r), u96Lo(r), twHi, twLo, 32);
    const raHi = rHi, raLo = rLo;
    uSatAdd128(u96Hi(a), u96Lo(a), raHi, raLo);
    udivFixed(raHi, raLo, rHi, rLo, 32); // checked_div or 0
    const pHi = rHi, pLo = rLo;
    const dHi = ldHi(dividend, i), dLo = ldLo(dividend, i);
    umulFixedSat(dHi, dLo, pHi, pLo, 32);
    const rdHi = rHi, rdLo = rLo;
    uSatSub128(dHi, dLo, rdHi, rdLo);
    st128(alphaDiv, i, rHi, rLo); // the raw alpha part until the pots are shared below
    st128(rootDiv, i, rdHi, rdLo);
    uSatAdd128(taHi, taLo, rHi, rLo); taHi = rHi; taLo = rLo;
    uSatAdd128(trHi, trLo, rdHi, rdLo); trHi = rHi; trLo = rLo;
  }
  sharePots(n, alphaDiv, rootDiv, taHi, taLo, trHi, trLo, pendingAlpha, pendingRoot);
}

/**
 * The amounts `distribute_dividends_and_incentives` credits per hotkey from its alpha and root
 * dividends (U96F32[n] each) with delegate take u16[n] (take = U96F32(take) / 65535):
 * alpha stake += floor(τ·ad) + floor(ad − τ·ad) + floor(τ·rd), root claimable += floor(rd − τ·rd).
 * Writes alphaCredited u64[n] and rootClaimable u64[n].
 */
export function payDividends(n: i32, alphaDiv: usize, rootDiv: usize, take: usize, alphaCredited: usize, rootClaimable: usize, parts: usize = 0): void {
  for (let i = 0; i < n; i++) {
    const t = <u64>load<u16>(take + (<usize>i << 1));
    udivFixed(0, t << 32, 0, <u64>65535 << 32, 32);
    const tauHi = rHi, tauLo = rLo;
    const aHi = ldHi(alphaDiv, i), aLo = ldLo(alphaDiv, i);
    umulFixedSat(tauHi, tauLo, aHi, aLo, 32);
    const atHi = rHi, atLo = rLo;
    uSatSub128(aHi, aLo, atHi, atLo);
    let credited = floor96(atHi, atLo) + floor96(rHi, rLo);
    const dHi = ldHi(rootDiv, i), dLo = ldLo(rootDiv, i);
    umulFixedSat(tauHi, tauLo, dHi, dLo, 32);
    const rtHi = rHi, rtLo = rLo;
    credited += floor96(rtHi, rtLo);
    uSatSub128(dHi, dLo, rtHi, rtLo);
    store<u64>(alphaCredited + (<usize>i << 3), credited);
    if (parts != 0) {
      // the three credits the chain makes to the hotkey's share pool, in its order: alpha take
      // (owner coldkey), alpha rest (pool-wide), root take (owner coldkey)
      const at = floor96(atHi, atLo), rt = floor96(rtHi, rtLo);
      store<u64>(parts + <usize>i * 24, at);
      store<u64>(parts + <usize>i * 24 + 8, credited - at - rt);
      store<u64>(parts + <usize>i * 24 + 16, rt);
    }
    store<u64>(rootClaimable + (<usize>i << 3), floor96(rHi, rLo));
  }
}

// @ts-ignore: decorator
@inline function floor96(hi: u64, lo: u64): u64 { return (hi >> 32) != 0 ? u64.MAX_VALUE : (hi << 32) | (lo >> 32); }
