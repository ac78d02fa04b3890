// subtensor `inject_and_maybe_swap` for one subnet under the rules after 425 (run_coinbase.rs @
// RaoFoundation/subtensor 29005cb7 for 473; the Balancer-era form of the same function for 459).
// The order changed from 425: the chain buy of the excess TAO runs FIRST, on the pool before this
// block's injection; a failed buy gives its TAO back to the block's credit (withdraw_tao_as_credit)
// and at 473 so does the unspent part of a partial buy (the ellipse can stop at its limit). Then
// tao_in is materialized into the subnet account, adjust_protocol_liquidity
// (swap/protocol_liquidity.ts) says what is price-active (it may include amounts held back in
// earlier blocks), all of alpha_in is minted but only the active parts join SubnetAlphaIn /
// SubnetTAO, TotalStake and the inflow record; the rest waits in the reservoirs. When the 473
// adjustment refuses, the materialized TAO goes back to the credit, no alpha is minted and the
// subnet is done for the block. At 473 the per-block counters are zeroed first and swaps run on
// the superellipse (swap/superellipse_swap.ts); at 459 on the Balancer pool.

import { PoolState, SwapResult, swapOnPool, OK } from "../swap/swap";
import { Pool473, swapOnPool473, initialised } from "../swap/superellipse_swap";
import { adjustEllipse, adjustBalancer, activeTao, activeAlpha } from "../swap/protocol_liquidity";
import { smark, srelease } from "../bigint/scratch";
import {
  F_TAO, F_ALPHA, F_ALPHA_OUT, F_QUOTE, F_INIT, F_FEE, F_MECH, F_PROTOCOL, F_UNTRACKED, F_FLOW, F_VOL_LO, F_VOL_HI,
  F_ACCOUNT, F_E_ALPHA_IN, F_E_TAO_IN, F_E_EXCESS, G_TOTAL_STAKE, G_MIN_RESERVE, F_T_TAO_IN, F_T_ALPHA_IN, F_T_EXCESS,
  ld, st, gld, gst, satAdd, flowAdd,
} from "./row";
import { MAX_PRICE_RAO, spendTao } from "./tao";
import { mintAlphaAsset, countUnbackedAlpha, addAlphaIn } from "./alpha";
import { RULES_473, loadEllipse, storeEllipse } from "./rules";



/**
 * withdraw_tao_as_credit (Precision::Exact, Expendable, Polite): the whole amount leaves the
 * subnet account or nothing does. What an account left below the existential deposit does with
 * its dust is not modelled (docs/runtimes.md).
 */
function withdraw(row: usize, amount: u64): bool {
  const balance = ld(row, F_ACCOUNT);
  if (balance < amount) return false;
  st(row, F_ACCOUNT, balance - amount);
  return true;
}

/** Gives `amount` back to the credit, or leaves it in the account outside SubnetTAO. Returns the credit. */
function refund(row: usize, remaining: u64, amount: u64): u64 {
  if (amount == 0) return remaining;
  if (withdraw(row, amount)) return remaining + amount;
  st(row, F_UNTRACKED, ld(row, F_UNTRACKED) + amount);
  return remaining;
}

function chainBuy(g: usize, row: usize, rules: u32, excess: u64, remaining: u64, p: Pool473, res: SwapResult): u64 {
  const pool = p.pool;
  pool.tao = ld(row, F_TAO); pool.alpha = ld(row, F_ALPHA); pool.alphaOut = ld(row, F_ALPHA_OUT);
  pool.quote = ld(row, F_QUOTE); pool.initialized = ld(row, F_INIT) != 0; pool.feeRate = <u32>ld(row, F_FEE);
  pool.mechanism = <u32>ld(row, F_MECH); pool.minimumReserve = gld(g, G_MIN_RESERVE);
  const mark = smark();
  if (rules >= RULES_473) {
    p.hasEllipse = loadEllipse(row, p.ellipse);
    swapOnPool473(p, true, excess, MAX_PRICE_RAO, true, false, res);
  } else swapOnPool(pool, true, excess, MAX_PRICE_RAO, true, false, res);
  if (res.error != OK) {
    srelease(mark);
    return refund(row, remaining, excess);
  }
  if (rules >= RULES_473 && initialised) storeEllipse(row, p.ellipse);
  srelease(mark);
  const before = satAdd(ld(row, F_ALPHA), ld(row, F_ALPHA_OUT)), after = satAdd(pool.alpha, pool.alphaOut);
  if (after > before) countUnbackedAlpha(after - before);
  st(row, F_TAO, pool.tao); st(row, F_ALPHA, pool.alpha); st(row, F_ALPHA_OUT, pool.alphaOut);
  st(row, F_QUOTE, pool.quote); st(row, F_INIT, pool.initialized ? 1 : 0);
  st(row, F_PROTOCOL, satAdd(ld(row, F_PROTOCOL), res.paidOut));
  // swap_tao_for_alpha's bookkeeping (assumed as 425: TotalStake and SubnetVolume grow by the order)
  gst(g, G_TOTAL_STAKE, satAdd(gld(g, G_TOTAL_STAKE), excess));
  const vl = ld(row, F_VOL_LO) + excess;
  st(row, F_VOL_LO, vl);
  if (vl < excess) st(row, F_VOL_HI, ld(row, F_VOL_HI) + 1);
  const unspent = excess - res.paidIn;
  if (rules >= RULES_473) remaining = refund(row, remaining, unspent);
  else st(row, F_UNTRACKED, ld(row, F_UNTRACKED) + unspent);
  st(row, F_E_EXCESS, res.paidIn);
  st(row, F_FLOW, flowAdd(ld(row, F_FLOW), res.paidIn));
  return remaining;
}

/** One subnet of inject_and_maybe_swap after 425; returns the credit left. `p`, `res` are scratch. */
export function injectAfter425(g: usize, row: usize, remaining: u64, rules: u32, p: Pool473, res: SwapResult): u64 {
  const taoIn = ld(row, F_T_TAO_IN), alphaIn = ld(row, F_T_ALPHA_IN), excessTao = ld(row, F_T_EXCESS);
  st(row, F_E_EXCESS, 0);
  st(row, F_E_TAO_IN, 0);
  if (rules >= RULES_473) st(row, F_E_ALPHA_IN, 0);

  if (excessTao > 0 && spendTao(row, remaining, excessTao)) {
    remaining = chainBuy(g, row, rules, excessTao, remaining - excessTao, p, res);
  }

  let materialized: u64 = 0;
  if (taoIn != 0 && spendTao(row, remaining, taoIn)) { remaining -= taoIn; materialized = taoIn; }

  const accepted = rules >= RULES_473 ? adjustEllipse(row, materialized, alphaIn, p.work) : adjustBalancer(row, materialized, alphaIn);
  if (!accepted) return refund(row, remaining, materialized);

  mintAlphaAsset(row, alphaIn);
  st(row, F_E_ALPHA_IN, activeAlpha);
  addAlphaIn(row, activeAlpha);
  if (activeTao != 0) {
    st(row, F_E_TAO_IN, activeTao);
    st(row, F_TAO, satAdd(ld(row, F_TAO), activeTao));
    gst(g, G_TOTAL_STAKE, satAdd(gld(g, G_TOTAL_STAKE), activeTao));
    st(row, F_FLOW, flowAdd(ld(row, F_FLOW), activeTao));
  }
  return remaining;
}
