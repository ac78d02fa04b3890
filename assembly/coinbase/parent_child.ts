// Child-key delegation on a subnet, in U96F32 with proportions as u64 fractions of u64::MAX:
// - `get_inherited_for_hotkey_on_subnet` (staking/stake_utils.rs): own alpha minus what is
//   delegated to children plus what parents delegate (the stake the epoch sees);
// - `get_parent_child_dividends_distribution` (run_coinbase.rs): a hotkey's validator dividend
//   shared with its parents by their contributions (alpha + root * tao weight, times the
//   proportion), the childkey take kept by the child and the CKBurn share recycled when the parent
//   has another owner.

import { rHi, rLo, rOverflow, udivFixed, umulFixedSat, uSatAdd128, uSatSub128 } from "../fixed/i128";
import { u96f32Floor, u96Hi, u96Lo } from "../fixed/u128";
import { taoWeightU96 } from "./terms";

/** proportion / u64::MAX as U96F32, into rHi/rLo. */
function normalized(p: u64): void {
  udivFixed(u96Hi(p), u96Lo(p), u96Hi(u64.MAX_VALUE), u96Lo(u64.MAX_VALUE), 32);
}

/** Inherited alpha of a hotkey. children: u64[nc] proportions; parents: u64[np] proportions and u64[np] alpha. */
export function inheritedAlpha(alpha: u64, nc: i32, childProps: usize, np: i32, parentProps: usize, parentAlpha: usize): u64 {
  let toHi: u64 = 0, toLo: u64 = 0, fromHi: u64 = 0, fromLo: u64 = 0;
  for (let i = 0; i < nc; i++) {
    normalized(load<u64>(childProps + (<usize>i << 3)));
    umulFixedSat(u96Hi(alpha), u96Lo(alpha), rHi, rLo, 32);
    uSatAdd128(toHi, toLo, rHi, rLo); toHi = rHi; toLo = rLo;
  }
  for (let i = 0; i < np; i++) {
    const pa = load<u64>(parentAlpha + (<usize>i << 3));
    normalized(load<u64>(parentProps + (<usize>i << 3)));
    umulFixedSat(u96Hi(pa), u96Lo(pa), rHi, rLo, 32);
    uSatAdd128(fromHi, fromLo, rHi, rLo); fromHi = rHi; fromLo = rLo;
  }
  uSatSub128(u96Hi(alpha), u96Lo(alpha), toHi, toLo);
  uSatAdd128(rHi, rLo, fromHi, fromLo);
  return u96f32Floor(rHi, rLo);
}

/** Alpha recycled by CKBurn in the last parentChildDividends call (sum of the floored burns). */
export let ckBurned: u64 = 0;

/**
 * Splits `dividend` of a child hotkey. The child has `alpha`/`root` own stake and children
 * proportions childProps u64[nc]; its parents have proportions, alpha and root stakes u64[np]
 * and sameOwner u8[np]. Writes each parent's amount to parentOut u64[np]; returns the child's.
 */
export function parentChildDividends(
  dividend: u64, alpha: u64, root: u64, nc: i32, childProps: usize,
  np: i32, parentProps: usize, parentAlpha: usize, parentRoot: usize, sameOwner: usize,
  childkeyTake: u32, ckBurn: u64, taoWeight: u64, parentOut: usize, scratch: usize,
): u64 {
  taoWeightU96(taoWeight);
  const twHi = rHi, twLo = rLo;
  normalized(ckBurn);
  const burnHi = rHi, burnLo = rLo;
  udivFixed(0, <u64>childkeyTake << 32, 0, <u64>65535 << 32, 32);
  const takeHi = rHi, takeLo = rLo;
  // self contribution: floor((alpha * remaining) + (root * remaining) * tw) with remaining = 1 - Σ child proportions
  let remHi: u64 = 0, remLo: u64 = <u64>1 << 32;
  for (let i = 0; i < nc; i++) {
    normalized(load<u64>(childProps + (<usize>i << 3)));
    uSatSub128(remHi, remLo, rHi, rLo); remHi = rHi; remLo = rLo;
  }
  umulFixedSat(u96Hi(alpha), u96Lo(alpha), remHi, remLo, 32);
  const acHi = rHi, acLo = rLo;
  umulFixedSat(u96Hi(root), u96Lo(root), remHi, remLo, 32);
  umulFixedSat(rHi, rLo, twHi, twLo, 32);
  uSatAdd128(acHi, acLo, rHi, rLo);
  const self = u96f32Floor(rHi, rLo);
  let totHi = u96Hi(self), totLo = u96Lo(self);
  // parent contributions, kept in scratch (2 words each)
  for (let i = 0; i < np; i++) {
    normalized(load<u64>(parentProps + (<usize>i << 3)));
    const pHi = rHi, pLo = rLo;
    const pa = load<u64>(parentAlpha + (<usize>i << 3)), pr = load<u64>(parentRoot + (<usize>i << 3));
    umulFixedSat(u96Hi(pa), u96Lo(pa), pHi, pLo, 32);
    const caHi = rHi, caLo = rLo;
    umulFixedSat(u96Hi(pr), u96Lo(pr), pHi, pLo, 32);
    umulFixedSat(rHi, rLo, twHi, twLo, 32);
    uSatAdd128(caHi, caLo, rHi, rLo);
    store<u64>(scratch + (<usize>i << 4), rLo);
    store<u64>(scratch + (<usize>i << 4) + 8, rHi);
    uSatAdd128(totHi, totLo, rHi, rLo); totHi = rHi; totLo = rLo;
  }
  const vHi = u96Hi(dividend), vLo = u96Lo(dividend);
  let remEHi = vHi, remELo = vLo;
  let ctHi: u64 = 0, ctLo: u64 = 0;
  ckBurned = 0;
  for (let i = 0; i < np; i++) {
    udivFixed(load<u64>(scratch + (<usize>i << 4) + 8), load<u64>(scratch + (<usize>i << 4)), totHi, totLo, 32);
    const fHi = rOverflow ? 0 : rHi, fLo = rOverflow ? 0 : rLo;
    umulFixedSat(vHi, vLo, fHi, fLo, 32);
    let peHi = rHi, peLo = rLo;
    uSatSub128(remEHi, remELo, peHi, peLo); remEHi = rHi; remELo = rLo;
    if (load<u8>(sameOwner + <usize>i) == 0) {
      umulFixedSat(burnHi, burnLo, peHi, peLo, 32);
      const bHi = rHi, bLo = rLo;
      umulFixedSat(takeHi, takeLo, peHi, peLo, 32);
      const tHi = rHi, tLo = rLo;
      uSatSub128(peHi, peLo, bHi, bLo);
      uSatSub128(rHi, rLo, tHi, tLo); peHi = rHi; peLo = rLo;
      uSatAdd128(ctHi, ctLo, tHi, tLo); ctHi = rHi; ctLo = rLo;
      ckBurned += u96f32Floor(bHi, bLo);
    }
    store<u64>(parentOut + (<usize>i << 3), u96f32Floor(peHi, peLo));
  }
  uSatAdd128(remEHi, remELo, ctHi, ctLo);
  return u96f32Floor(rHi, rLo);
}
