// subtensor `distribute_emission` after the epoch (run_coinbase.rs), for one subnet: the
// dividends of each uid shared with its parents (`get_parent_child_dividends_distribution`, with
// the childkey take and CKBurn), the incentives with the owner coldkey's hotkeys withheld
// (`get_owner_hotkeys`; burned or recycled by RecycleOrBurn) and MinerBurned, the validator pot
// (the server share too when no incentive was earned), the alpha/root split of the dividends by
// stake (`calculate_dividend_distribution`) and the delegate take (`distribute_dividends_and_incentives`).
// The host keeps the stakes (share pools) and RootClaimable rates and applies the credits this
// computes, in the chain's order. With rules 473 (params[6], run_coinbase.rs @ 29005cb7) the split is
// dividend_split_473.ts (a root part only for hotkeys with a root uid, rootUid u8[H]) and the summary
// says whether the whole pending root alpha is recycled (every root dividend floors to 0).
//
// Memory (host-allocated): n uids with uidHotkey u32[n], server/validator emission u64[n]; H hotkeys
// with alpha, root u64[H], take, childkey take u16[H], withhold u8[H] (owner hotkeys), owner u32[H]
// (coldkey index, u32::MAX unknown), childStart u32[H+1] + childProp u64[], parentStart u32[H+1] +
// parentProp u64[] + parentIdx u32[], rootUid u8[H]; params u64[7] = S, V, R, CKBurn, TaoWeight, recycle, rules.

import { rHi, rLo, rOverflow, udivFixed, uSatAdd128 } from "../fixed/i128";
import { u96Hi, u96Lo } from "../fixed/u128";
import { parentChildDividends, ckBurned } from "./parent_child";
import { dividendDistribution, payDividends } from "./dividends";
import { dividendDistribution473 } from "./dividend_split_473";
import { taoWeightU96 } from "./terms";
import { alloc, sz } from "../arena";
import { satAdd, floor96 } from "./row";

export const P_SERVER = 0, P_VALIDATOR = 1, P_ROOT = 2, P_CK_BURN = 3, P_TAO_WEIGHT = 4, P_RECYCLE = 5, P_RULES = 6;
/** Scalars written to `summary` (u64[9]). */
export const S_WITHHELD = 0, S_INCENTIVE_SUM = 1, S_MB_LO = 2, S_MB_HI = 3, S_CK_BURNED = 4, S_BURNED = 5, S_RECYCLED = 6, S_POT = 7, S_ROOT_RECYCLED = 8;

const NO_OWNER: u32 = u32.MAX_VALUE;

// @ts-ignore: decorator
@inline function u32at(p: usize, i: i32): u32 { return load<u32>(p + (<usize>i << 2)); }
// @ts-ignore: decorator
@inline function u64at(p: usize, i: i32): u64 { return load<u64>(p + (<usize>i << 3)); }

export function distributeEmission(
  n: i32, uidHotkey: usize, server: usize, validator: usize,
  h: i32, alpha: usize, root: usize, take: usize, childkeyTake: usize, withhold: usize, owner: usize,
  childStart: usize, childProp: usize, parentStart: usize, parentProp: usize, parentIdx: usize, params: usize,
  incentivePaid: usize, recipient: usize, alphaTake: usize, alphaRest: usize, rootTake: usize, rootClaimable: usize, summary: usize,
  rootUid: usize,
): void {
  const rules473 = u64at(params, P_RULES) >= 473;
  const S = u64at(params, P_SERVER), V = u64at(params, P_VALIDATOR), R = u64at(params, P_ROOT);
  const ckBurn = u64at(params, P_CK_BURN), taoWeight = u64at(params, P_TAO_WEIGHT), recycle = u64at(params, P_RECYCLE) != 0;
  const m = sz(h);
  // dividends per hotkey, U96F32 (the chain's BTreeMap of saturating sums)
  const divs = alloc(m << 4);
  for (let k = 0; k < h; k++) { store<u64>(divs + (<usize>k << 4), 0); store<u64>(divs + (<usize>k << 4) + 8, 0); store<u8>(recipient + <usize>k, 0); }
  let maxParents = 0;
  for (let k = 0; k < h; k++) { const c = <i32>(u32at(parentStart, k + 1) - u32at(parentStart, k)); if (c > maxParents) maxParents = c; }
  const mp = sz(maxParents);
  const pAlpha = alloc(mp << 3), pRoot = alloc(mp << 3), pSame = alloc(mp), pOut = alloc(mp << 3), scratch = alloc(mp << 4);
  let ckTotal: u64 = 0;
  for (let i = 0; i < n; i++) {
    const hk = <i32>u32at(uidHotkey, i);
    const d = u64at(validator, i);
    const p0 = <i32>u32at(parentStart, hk), np = <i32>u32at(parentStart, hk + 1) - p0;
    let own = d;
    if (np > 0) {
      const c0 = <i32>u32at(childStart, hk), nc = <i32>u32at(childStart, hk + 1) - c0;
      const ownerH = u32at(owner, hk);
      for (let j = 0; j < np; j++) {
        const ph = <i32>u32at(parentIdx, p0 + j);
        store<u64>(pAlpha + (<usize>j << 3), u64at(alpha, ph));
        store<u64>(pRoot + (<usize>j << 3), u64at(root, ph));
        store<u8>(pSame + <usize>j, ownerH != NO_OWNER && u32at(owner, ph) == ownerH ? 1 : 0);
      }
      own = parentChildDividends(d, u64at(alpha, hk), u64at(root, hk), nc, childProp + (<usize>c0 << 3),
        np, parentProp + (<usize>p0 << 3), pAlpha, pRoot, pSame, <u32>load<u16>(childkeyTake + (<usize>hk << 1)), ckBurn, taoWeight, pOut, scratch);
      ckTotal += ckBurned;
      for (let j = 0; j < np; j++) {
        const ph = <i32>u32at(parentIdx, p0 + j);
        addDividend(divs, recipient, ph, u64at(pOut, j));
      }
    }
    addDividend(divs, recipient, hk, own);
  }

  // incentives: the owner's hotkeys' share is withheld
  let incentiveSum: u64 = 0, withheld: u64 = 0;
  for (let i = 0; i < n; i++) {
    const hk = <i32>u32at(uidHotkey, i);
    const inc = u64at(server, i);
    incentiveSum = satAdd(incentiveSum, inc);
    if (load<u8>(withhold + <usize>hk) != 0) { withheld = satAdd(withheld, inc); store<u64>(incentivePaid + (<usize>i << 3), 0); }
    else store<u64>(incentivePaid + (<usize>i << 3), inc);
  }
  // MinerBurned = withheld / total (checked_div, 0 without incentive)
  let mbHi: u64 = 0, mbLo: u64 = 0;
  if (incentiveSum != 0) {
    udivFixed(u96Hi(withheld), u96Lo(withheld), u96Hi(incentiveSum), u96Lo(incentiveSum), 32);
    if (!rOverflow) { mbHi = rHi; mbLo = rLo; }
  }
  const pot = incentiveSum != 0 ? V : satAdd(V, S);

  // the recipients in table order: calculate_dividend_distribution, then the takes
  let nr = 0;
  for (let k = 0; k < h; k++) if (load<u8>(recipient + <usize>k) != 0) nr++;
  const mr = sz(nr);
  const rd = alloc(mr << 4), ra = alloc(mr << 3), rr = alloc(mr << 3), rt = alloc(mr << 1), ad = alloc(mr << 4), rootd = alloc(mr << 4);
  const credited = alloc(mr << 3), claim = alloc(mr << 3), parts = alloc(<usize>mr * 24), ru = alloc(mr);
  let q = 0;
  for (let k = 0; k < h; k++) {
    if (load<u8>(recipient + <usize>k) == 0) continue;
    store<u64>(rd + (<usize>q << 4), load<u64>(divs + (<usize>k << 4))); store<u64>(rd + (<usize>q << 4) + 8, load<u64>(divs + (<usize>k << 4) + 8));
    store<u64>(ra + (<usize>q << 3), u64at(alpha, k)); store<u64>(rr + (<usize>q << 3), u64at(root, k));
    store<u16>(rt + (<usize>q << 1), load<u16>(take + (<usize>k << 1)));
    store<u8>(ru + <usize>q, rules473 ? load<u8>(rootUid + <usize>k) : 0);
    q++;
  }
  taoWeightU96(taoWeight);
  if (rules473) dividendDistribution473(nr, rd, ra, rr, ru, rHi, rLo, pot, R, ad, rootd);
  else dividendDistribution(nr, rd, ra, rr, rHi, rLo, pot, R, ad, rootd);
  // 473: a pending root allocation nobody's root dividend reaches (all floor to 0) is recycled
  let rootRecycled = false;
  if (rules473 && R != 0) {
    rootRecycled = true;
    for (let i = 0; i < nr; i++) if (floor96(load<u64>(rootd + (<usize>i << 4)), load<u64>(rootd + (<usize>i << 4) + 8)) != 0) { rootRecycled = false; break; }
  }
  payDividends(nr, ad, rootd, rt, credited, claim, parts);
  q = 0;
  for (let k = 0; k < h; k++) {
    const o = <usize>k << 3;
    if (load<u8>(recipient + <usize>k) == 0) { store<u64>(alphaTake + o, 0); store<u64>(alphaRest + o, 0); store<u64>(rootTake + o, 0); store<u64>(rootClaimable + o, 0); continue; }
    store<u64>(alphaTake + o, load<u64>(parts + <usize>q * 24));
    store<u64>(alphaRest + o, load<u64>(parts + <usize>q * 24 + 8));
    store<u64>(rootTake + o, load<u64>(parts + <usize>q * 24 + 16));
    store<u64>(rootClaimable + o, load<u64>(claim + (<usize>q << 3)));
    q++;
  }
  store<u64>(summary, withheld); store<u64>(summary + 8, incentiveSum);
  store<u64>(summary + 16, mbLo); store<u64>(summary + 24, mbHi);
  store<u64>(summary + 32, ckTotal);
  store<u64>(summary + 40, recycle ? 0 : withheld); store<u64>(summary + 48, recycle ? withheld : 0);
  store<u64>(summary + 56, pot);
  store<u64>(summary + 64, rootRecycled ? 1 : 0);
}

function addDividend(divs: usize, recipient: usize, k: i32, amount: u64): void {
  const p = divs + (<usize>k << 4);
  uSatAdd128(load<u64>(p + 8), load<u64>(p), u96Hi(amount), u96Lo(amount));
  store<u64>(p, rLo); store<u64>(p + 8, rHi);
  store<u8>(recipient + <usize>k, 1);
}
