// subtensor `inject_and_maybe_swap` (run_coinbase.rs) for one subnet: the Balancer weight update
// of `adjust_protocol_liquidity` (refused: nothing is injected), the chain buy of the excess TAO
// (`swap_tao_for_alpha` at the max price with fees dropped), the injection of alpha into the
// reserve and of TAO into SubnetTAO, and the per-block counters, flows and volume they record.
// Each TAO amount is first spent from the block's credit into the subnet account (spend_tao); a
// refused spend leaves the credit untouched and skips what it was for. The amounts are the block's
// terms in the row; with a caller-supplied pool (G_HOST_POOL) the weight update's and the chain
// buy's answers are the host's, written into the row before the block resumes.

import { PoolState, SwapResult, swapOnPool, OK } from "../swap/swap";
import { updateWeights, newQuote } from "../swap/weights";
import { smark, srelease } from "../bigint/scratch";
import {
  F_TAO, F_ALPHA, F_ALPHA_OUT, F_QUOTE, F_INIT, F_FEE, F_MECH, F_PROTOCOL, F_UNTRACKED, F_FLOW, F_VOL_LO, F_VOL_HI,
  F_ACCOUNT, F_E_ALPHA_IN, F_E_TAO_IN, F_E_EXCESS, G_TOTAL_STAKE, G_MIN_RESERVE, G_HOST_POOL, F_T_TAO_IN, F_T_ALPHA_IN,
  F_T_EXCESS, F_D_TAO, F_D_ALPHA, F_D_QUOTE, F_D_BUY_OK, F_D_PAID_IN, F_D_PAID_OUT, F_D_BUY_QUOTE, F_D_BUY_INIT,
  ld, st, gld, gst, satAdd, satSub, flowAdd,
} from "./row";
import { MAX_PRICE_RAO, spendTao } from "./tao";
import { mintAlphaIn, countUnbackedAlpha } from "./alpha";




/** One subnet of inject_and_maybe_swap; returns the credit left. */
export function injectAndMaybeSwap(g: usize, row: usize, remaining: u64, pool: PoolState, res: SwapResult): u64 {
  const taoIn = ld(row, F_T_TAO_IN), alphaIn = ld(row, F_T_ALPHA_IN), excessTao = ld(row, F_T_EXCESS);
  const hostPool = gld(g, G_HOST_POOL) != 0;
  let injTao: u64, injAlpha: u64;
  if (hostPool) {
    injTao = ld(row, F_D_TAO); injAlpha = ld(row, F_D_ALPHA);
    st(row, F_QUOTE, ld(row, F_D_QUOTE));
  } else {
    const mark = smark();
    const accepted = updateWeights(ld(row, F_QUOTE), ld(row, F_TAO), ld(row, F_ALPHA), taoIn, alphaIn);
    srelease(mark);
    injTao = accepted ? taoIn : 0; injAlpha = accepted ? alphaIn : 0;
    if (accepted) st(row, F_QUOTE, newQuote);
  }
  st(row, F_E_EXCESS, 0);
  st(row, F_E_TAO_IN, 0);

  if (excessTao > 0 && spendTao(row, remaining, excessTao)) {
    remaining -= excessTao;
    pool.tao = ld(row, F_TAO); pool.alpha = ld(row, F_ALPHA); pool.alphaOut = ld(row, F_ALPHA_OUT);
    pool.quote = ld(row, F_QUOTE); pool.initialized = ld(row, F_INIT) != 0; pool.feeRate = <u32>ld(row, F_FEE);
    pool.mechanism = <u32>ld(row, F_MECH); pool.minimumReserve = gld(g, G_MIN_RESERVE);
    if (hostPool) {
      // the host's swap_tao_for_alpha answer, booked as pallet-subtensor books it
      res.error = ld(row, F_D_BUY_OK) != 0 ? OK : 1;
      res.paidIn = ld(row, F_D_PAID_IN); res.paidOut = ld(row, F_D_PAID_OUT);
      if (res.error == OK) {
        pool.alpha = satSub(pool.alpha, res.paidOut); pool.alphaOut = satAdd(pool.alphaOut, res.paidOut);
        pool.tao = satAdd(pool.tao, res.paidIn); pool.quote = ld(row, F_D_BUY_QUOTE); pool.initialized = ld(row, F_D_BUY_INIT) != 0;
      }
    } else {
      const mk = smark();
      swapOnPool(pool, true, excessTao, MAX_PRICE_RAO, true, false, res);
      srelease(mk);
    }
    if (res.error == OK) {
      const before = satAdd(ld(row, F_ALPHA), ld(row, F_ALPHA_OUT)), after = satAdd(pool.alpha, pool.alphaOut);
      if (after > before) countUnbackedAlpha(after - before);
      st(row, F_TAO, pool.tao); st(row, F_ALPHA, pool.alpha); st(row, F_ALPHA_OUT, pool.alphaOut);
      st(row, F_QUOTE, pool.quote); st(row, F_INIT, pool.initialized ? 1 : 0);
      st(row, F_PROTOCOL, satAdd(ld(row, F_PROTOCOL), res.paidOut));
      st(row, F_UNTRACKED, ld(row, F_UNTRACKED) + (excessTao - res.paidIn));
      gst(g, G_TOTAL_STAKE, satAdd(gld(g, G_TOTAL_STAKE), excessTao));
      const vl = ld(row, F_VOL_LO) + excessTao;
      st(row, F_VOL_LO, vl);
      if (vl < excessTao) st(row, F_VOL_HI, ld(row, F_VOL_HI) + 1);
      st(row, F_E_EXCESS, res.paidIn);
      st(row, F_FLOW, flowAdd(ld(row, F_FLOW), res.paidIn));
    } else {
      // the TAO is in the subnet account but not in SubnetTAO
      st(row, F_UNTRACKED, ld(row, F_UNTRACKED) + excessTao);
    }
  }

  st(row, F_E_ALPHA_IN, injAlpha);
  mintAlphaIn(row, injAlpha);

  if (injTao != 0 && spendTao(row, remaining, injTao)) {
    remaining -= injTao;
    st(row, F_E_TAO_IN, injTao);
    st(row, F_TAO, satAdd(ld(row, F_TAO), injTao));
    gst(g, G_TOTAL_STAKE, satAdd(gld(g, G_TOTAL_STAKE), injTao));
    st(row, F_FLOW, flowAdd(ld(row, F_FLOW), injTao));
  }
  return remaining;
}
