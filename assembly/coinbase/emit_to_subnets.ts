// subtensor `emit_to_subnets` (run_coinbase.rs) in two steps, so that a caller-supplied pool can
// answer in between: `get_subnet_terms` for every subnet emitted to, then `inject_and_maybe_swap`
// in their order (the unspent credit is recycled) and per subnet the
// alpha emission: minted into SubnetAlphaOut (SubnetAlphaOutEmission), the owner cut, and the
// server, validator and root shares accumulated into the pending counters (root alpha is
// recycled instead when the network does not sell root alpha).

import { subnetTerms } from "./terms";
import { splitAlphaOut, outOwner, outServer, outValidator, outRoot } from "./alpha_out";
import { rHi, rLo } from "../fixed/i128";
import { salloc } from "../bigint/scratch";
import { PoolState, SwapResult } from "../swap/swap";
import {
  F_NETUID, F_MECH, F_TAO, F_ALPHA, F_ALPHA_OUT, F_QUOTE, F_OWNER_CUT_ENABLED, F_P_SERVER, F_P_VALIDATOR, F_P_ROOT,
  F_P_OWNER, F_UNOWNED, F_E_ALPHA_OUT, F_T_TAO_IN, F_T_ALPHA_IN, F_T_EXCESS, F_T_ALPHA_EM, G_ROOT_TAO, G_TAO_WEIGHT,
  G_OWNER_CUT, G_BLOCK_EMISSION, ld, st, gld, gst, satAdd, floor96,
} from "./row";
import { TOTAL_SUPPLY } from "./block_emission";
import { injectAndMaybeSwap } from "./inject_and_maybe_swap";
import { injectAfter425 } from "./inject_after_425";
import { rulesOf, rowIssuance, rowSpotPrice, RULES_425 } from "./rules";
import { Pool473 } from "../swap/superellipse_swap";
import { recycleCredit } from "./tao";
import { mintAlphaOut, recycleSubnetAlpha } from "./alpha";

/**
 * get_subnet_terms: `rows[j]` (usize[k]) are the subnets emitted to in storage order, `taoEmission`
 * their U96F32 shares of the block's credit. Writes each row's floored tao_in, alpha_in,
 * excess_tao and alpha emission (F_T_*), and BlockEmission.
 */
export function getSubnetTerms(g: usize, k: i32, rows: usize, taoEmission: usize, p: Pool473): void {
  const rules = rulesOf(g);
  const m: usize = k > 0 ? <usize>k : 1;
  // per-block buffers in the scratch region (runBlocks releases them after each block)
  const issuance = salloc(m << 3), spot = salloc(m << 4), alphaEm = salloc(m << 3), taoIn = salloc(m << 4), alphaIn = salloc(m << 4),
    excess = salloc(m << 4), rootProp = salloc(m << 4);
  for (let j = 0; j < k; j++) {
    const row = load<usize>(rows + (<usize>j << 3));
    store<u64>(issuance + (<usize>j << 3), rowIssuance(row, rules));
    rowSpotPrice(row, rules, p.work);
    store<u64>(spot + (<usize>j << 4), rLo); store<u64>(spot + (<usize>j << 4) + 8, rHi);
  }
  subnetTerms(k, taoEmission, issuance, spot, gld(g, G_ROOT_TAO), gld(g, G_TAO_WEIGHT), alphaEm, taoIn, alphaIn, excess, rootProp);
  // BlockEmission keeps the alpha emission computed last: the terms run in netuid order
  let lastNetuid: i64 = -1;
  for (let j = 0; j < k; j++) {
    const row = load<usize>(rows + (<usize>j << 3));
    const o = <usize>j << 4;
    st(row, F_T_TAO_IN, floor96(load<u64>(taoIn + o), load<u64>(taoIn + o + 8)));
    st(row, F_T_ALPHA_IN, floor96(load<u64>(alphaIn + o), load<u64>(alphaIn + o + 8)));
    st(row, F_T_EXCESS, floor96(load<u64>(excess + o), load<u64>(excess + o + 8)));
    st(row, F_T_ALPHA_EM, load<u64>(alphaEm + (<usize>j << 3)));
    const netuid = <i64>ld(row, F_NETUID);
    if (netuid > lastNetuid && load<u64>(issuance + (<usize>j << 3)) < TOTAL_SUPPLY) {
      lastNetuid = netuid;
      gst(g, G_BLOCK_EMISSION, load<u64>(alphaEm + (<usize>j << 3)));
    }
  }
}

/**
 * emit_to_subnets after the terms: inject_and_maybe_swap for each subnet (the unspent credit is
 * recycled), then the alpha emission of each. Returns the credit recycled.
 */
export function emitToSubnets(g: usize, k: i32, rows: usize, credit: u64, rootSell: bool, pool: PoolState, res: SwapResult, p: Pool473): u64 {
  const rules = rulesOf(g);
  let remaining = credit;
  for (let j = 0; j < k; j++) {
    const row = load<usize>(rows + (<usize>j << 3));
    remaining = rules == RULES_425 ? injectAndMaybeSwap(g, row, remaining, pool, res) : injectAfter425(g, row, remaining, rules, p, res);
  }
  recycleCredit(g, remaining);

  const rootTao = gld(g, G_ROOT_TAO), taoWeight = gld(g, G_TAO_WEIGHT), ownerCut = <u32>gld(g, G_OWNER_CUT);
  for (let j = 0; j < k; j++) {
    const row = load<usize>(rows + (<usize>j << 3));
    const a = ld(row, F_T_ALPHA_EM);
    st(row, F_E_ALPHA_OUT, a);
    mintAlphaOut(row, a);
    splitAlphaOut(a, ld(row, F_OWNER_CUT_ENABLED) != 0, ownerCut, rootTao, taoWeight, rowIssuance(row, rules));
    const ow = outOwner, sv = outServer, va = outValidator, ro = outRoot;
    st(row, F_P_OWNER, satAdd(ld(row, F_P_OWNER), ow));
    st(row, F_P_SERVER, satAdd(ld(row, F_P_SERVER), sv));
    st(row, F_P_VALIDATOR, satAdd(ld(row, F_P_VALIDATOR), va));
    if (rootSell) st(row, F_P_ROOT, satAdd(ld(row, F_P_ROOT), ro));
    else recycleSubnetAlpha(row, ro);
    // flooring dust of the four shares belongs to nobody
    st(row, F_UNOWNED, ld(row, F_UNOWNED) + (a - (ow + sv + va + ro)));
  }
  return remaining;
}
