// Runtime 473's `calculate_dividend_distribution` (coinbase/run_coinbase.rs at RaoFoundation/subtensor
// 29005cb7), all U96F32. It differs from 425 (dividends.ts) in how a hotkey's dividend d_x is split:
//   total_x = a_x + r_x·tw;  alpha_x = d_x when total_x = 0, else d_x · (a_x / total_x)
//   root_x  = d_x − alpha_x when the hotkey holds a root uid, else 0 (that slice is assigned to nobody)
// (425 computed the root part first, d_x · (r_x·tw / total_x), and gave alpha the rest.) The pots are
// then shared as in 425: alpha_div_x = pending_alpha · alpha_x / Σ alpha, root_div_x =
// pending_root · root_x / Σ root, 0 when a total is 0.

import { rHi, rLo, rOverflow, udivFixed, umulFixedSat, uSatAdd128, uSatSub128 } from "../fixed/i128";
import { ldHi, ldLo, st128, u96Hi, u96Lo } from "../fixed/u128";
import { sharePots } from "./dividends";

/**
 * n hotkeys in the chain's (BTreeMap) order. dividend: U96F32[n]; alphaStake, rootStake: u64[n];
 * rootUid: u8[n] (1 = Uids(ROOT, hotkey) exists); tao weight U96F32 (twHi, twLo).
 * Writes alphaDiv and rootDiv (U96F32[n]).
 */
export function dividendDistribution473(
  n: i32, dividend: usize, alphaStake: usize, rootStake: usize, rootUid: usize, twHi: u64, twLo: u64,
  pendingAlpha: u64, pendingRoot: u64, alphaDiv: usize, rootDiv: usize,
): void {
  let taHi: u64 = 0, taLo: u64 = 0, trHi: u64 = 0, trLo: u64 = 0;
  for (let i = 0; i < n; i++) {
    const a = load<u64>(alphaStake + (<usize>i << 3)), r = load<u64>(rootStake + (<usize>i << 3));
    const dHi = ldHi(dividend, i), dLo = ldLo(dividend, i);
    umulFixedSat(u96Hi(r), u96Lo(r), twHi, twLo, 32);
    uSatAdd128(u96Hi(a), u96Lo(a), rHi, rLo);
    const totHi = rHi, totLo = rLo;
    let adHi = dHi, adLo = dLo;
    if (totHi != 0 || totLo != 0) {
      udivFixed(u96Hi(a), u96Lo(a), totHi, totLo, 32); // checked_div, or 0
      const pHi = rOverflow ? 0 : rHi, pLo = rOverflow ? 0 : rLo;
      umulFixedSat(dHi, dLo, pHi, pLo, 32);
      adHi = rHi; adLo = rLo;
    }
    let rdHi: u64 = 0, rdLo: u64 = 0;
    if (load<u8>(rootUid + <usize>i) != 0) { uSatSub128(dHi, dLo, adHi, adLo); rdHi = rHi; rdLo = rLo; }
    st128(alphaDiv, i, adHi, adLo); // the raw parts until the pots are shared below
    st128(rootDiv, i, rdHi, rdLo);
    uSatAdd128(taHi, taLo, adHi, adLo); taHi = rHi; taLo = rLo;
    uSatAdd128(trHi, trLo, rdHi, rdLo); trHi = rHi; trLo = rLo;
  }
  sharePots(n, alphaDiv, rootDiv, taHi, taLo, trHi, trLo, pendingAlpha, pendingRoot);
}
