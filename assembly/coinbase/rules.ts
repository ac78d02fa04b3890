// The rule set a coinbase run follows (G_RULES; src/core/runtime.ts keys them by spec_version) and
// the row state that only the later rule sets have: the swap pallet's two reservoirs (459, 473)
// and the SwapSuperellipse entry (473). Alpha issuance, the spot price and the epoch scheduler's
// BlocksSinceLastStep depend on the rule set; each is one function here.
//   alpha issuance: `get_alpha_issuance` = SubnetAlphaIn + SubnetAlphaOut (425), plus the swap's
//     BalancerAlphaReservoir from 459 on (stake_utils.rs of the 459 period; 473 coinbase reads it)
//   spot price: `current_price` (impls.rs @ 0249a4a4): the ellipse's price when the subnet has one
//     (0 when the curve cannot price), else the stored Balancer weight's
//   scheduler (run_coinbase.rs @ 29005cb7, drain_pending / should_run_epoch_with_tempo): at 473
//     BlocksSinceLastStep is capped at tempo + 1 and the safety net fires above tempo

import { alphaIssuance } from "./block_emission";
import { spotPrice } from "./spot_price";
import { MAX_TEMPO } from "./schedule";
import { setR128 } from "../fixed/i128";
import { smark, srelease } from "../bigint/scratch";
import { Ellipse, prepare, keepPrice, keptPrice, eErr, pHi, pLo, E_OK } from "../swap/superellipse";
import {
  F_ALPHA, F_ALPHA_OUT, F_TAO, F_QUOTE, F_MECH, F_ALPHA_RESERVOIR, F_HAS_ELLIPSE, F_EL_A_HI, F_EL_A_LO, F_EL_B_HI, F_EL_B_LO,
  F_EL_CA_HI, F_EL_CA_LO, F_EL_CT_HI, F_EL_CT_LO, G_RULES, ld, st, gld, satAdd,
} from "./row";

export const RULES_425: u32 = 425;
export const RULES_459: u32 = 459;
export const RULES_473: u32 = 473;

/** The run's rule set: 0 (a globals block written before the slot existed) is 425. */
export function rulesOf(g: usize): u32 {
  const r = <u32>gld(g, G_RULES);
  return r == 0 ? RULES_425 : r;
}

/** Whether injected liquidity that is not price-active waits in the swap pallet's reservoirs. */
// @ts-ignore: decorator
@inline export function hasReservoirs(rules: u32): bool { return rules >= RULES_459; }

/** get_alpha_issuance of a row under `rules` (saturating sums, in the chain's order). */
export function rowIssuance(row: usize, rules: u32): u64 {
  const base = alphaIssuance(ld(row, F_ALPHA), ld(row, F_ALPHA_OUT));
  return hasReservoirs(rules) ? satAdd(base, ld(row, F_ALPHA_RESERVOIR)) : base;
}

/** The row's SwapSuperellipse entry into `e` (prepared); false when the subnet has none. */
export function loadEllipse(row: usize, e: Ellipse): bool {
  if (ld(row, F_HAS_ELLIPSE) == 0) return false;
  e.aHi = ld(row, F_EL_A_HI); e.aLo = ld(row, F_EL_A_LO); e.bHi = ld(row, F_EL_B_HI); e.bLo = ld(row, F_EL_B_LO);
  e.caHi = ld(row, F_EL_CA_HI); e.caLo = ld(row, F_EL_CA_LO); e.ctHi = ld(row, F_EL_CT_HI); e.ctLo = ld(row, F_EL_CT_LO);
  prepare(e);
  return true;
}

export function storeEllipse(row: usize, e: Ellipse): void {
  st(row, F_HAS_ELLIPSE, 1);
  st(row, F_EL_A_HI, e.aHi); st(row, F_EL_A_LO, e.aLo); st(row, F_EL_B_HI, e.bHi); st(row, F_EL_B_LO, e.bLo);
  st(row, F_EL_CA_HI, e.caHi); st(row, F_EL_CA_LO, e.caLo); st(row, F_EL_CT_HI, e.ctHi); st(row, F_EL_CT_LO, e.ctLo);
}

/**
 * current_alpha_price of a row under `rules`, U64F64 into rHi/rLo. `e` is the caller's scratch
 * ellipse (objects live in the per-call arena, so none is kept between calls).
 */
export function rowSpotPrice(row: usize, rules: u32, e: Ellipse): void {
  const mech = <u32>ld(row, F_MECH), tao = ld(row, F_TAO), alpha = ld(row, F_ALPHA);
  if (rules >= RULES_473 && mech == 1 && alpha != 0 && ld(row, F_HAS_ELLIPSE) != 0) {
    // the price kept by the last adjustment or price update is found without loading the ellipse
    // (same key words, straight from the row)
    if (keptPrice(ld(row, F_EL_A_HI), ld(row, F_EL_A_LO), ld(row, F_EL_B_HI), ld(row, F_EL_B_LO), ld(row, F_EL_CA_HI), ld(row, F_EL_CA_LO), ld(row, F_EL_CT_HI), ld(row, F_EL_CT_LO), alpha, tao)) {
      setR128(eErr != E_OK ? 0 : pHi, eErr != E_OK ? 0 : pLo);
      return;
    }
    const mark = smark();
    loadEllipse(row, e);
    keepPrice(e, alpha, tao);
    if (eErr != E_OK) setR128(0, 0); else setR128(pHi, pLo);
    srelease(mark);
    return;
  }
  spotPrice(mech, tao, alpha, ld(row, F_QUOTE));
}

/** drain_pending's BlocksSinceLastStep bound under `rules` (u64::MAX: unbounded). */
export function sinceCap(rules: u32, tempo: u32): u64 {
  return rules >= RULES_473 ? <u64>tempo + 1 : u64.MAX_VALUE;
}

/** should_run_epoch's safety net: BlocksSinceLastStep above this fires the epoch. */
export function safetyNet(rules: u32, tempo: u32): u64 {
  return rules >= RULES_473 ? <u64>tempo : MAX_TEMPO;
}
