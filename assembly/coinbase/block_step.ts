// Many blocks of subtensor's `block_step` (block_step.rs) for all subnets at once, in the chain's
// order: get_block_emission (mint), run_coinbase (subnets to emit to, their shares and the root
// sell flag, emit_to_subnets, drain_pending with the empty epochs), update_moving_prices and
// update_root_prop. TAO, each subnet's alpha issuance, its asset issuance and its alpha ledger
// are checked for conservation after every block. The call stops after a block in which a
// subnet's epoch was handed to the host (neurons, share pools), so the host runs that epoch and
// its payout before the next block. With a caller-supplied pool (G_HOST_POOL) a call runs at most
// one block in two halves: it stops after get_subnet_terms for the host to answer for the pool,
// and the next call finishes the block.

import { alphaIssuance } from "./block_emission";
import { subnetBlockEmissions } from "./shares";
import { rootProportion, taoWeightU96 } from "./terms";
import { spotPrice } from "./spot_price";
import { movingAlphaPrice, cvHi, cvLo, updateMovingPrice, emaHi, emaLo } from "./moving_price";
import { rHi, rLo } from "../fixed/i128";
import { alloc, sz } from "../arena";
import { PoolState, SwapResult } from "../swap/swap";
import {
  F_NETUID, F_MECH, F_EMITS, F_EMISSION_ENABLED, F_TAO, F_ALPHA, F_ALPHA_OUT, F_QUOTE, F_MP_LO, F_MP_HI, F_MB_LO,
  F_MB_HI, F_START, F_HALVING, F_UNTRACKED, F_OWNED, F_P_SERVER, F_P_VALIDATOR, F_P_ROOT, F_P_OWNER, F_PROTOCOL,
  F_UNOWNED, F_ROOT_UNCLAIMED, F_IN_FLIGHT, F_AA_ISSUANCE, F_RP_LO, F_RP_HI, F_RP_SET,
  G_BLOCK, G_ISSUANCE, G_TAO_MINTED, G_TAO_RECYCLED, G_ALPHA_MINTED, G_ALPHA_RECYCLED, G_EVENTS, G_VIOLATIONS,
  G_FIRST_VIOLATION, G_VIOLATION_KIND, G_STOPPED_FOR_HOST, G_TAO_EMISSION, G_ROOT_SELL, G_ROOT_TAO, G_TAO_WEIGHT,
  G_MA_HI, G_MA_LO, G_MINT_SET, G_MINT, G_HOST_POOL, G_PHASE, G_CREDIT, G_TAO_BEFORE, V_TAO, V_ALPHA, V_LEDGER, V_ASSETS, rowAt, ld, st, gld, gst,
} from "./row";
import { blockEmissionWritten, mintTao } from "./tao";
import { getSubnetTerms, emitToSubnets } from "./emit_to_subnets";
import { drainPending, handedToHost } from "./drain_pending";
import { alphaMinted, alphaRecycled, assetsMinted, assetsRecycled, resetAlphaCounters } from "./alpha";

function ledgerOk(row: usize): bool {
  const owned = ld(row, F_OWNED) + ld(row, F_P_SERVER) + ld(row, F_P_VALIDATOR) + ld(row, F_P_ROOT) + ld(row, F_P_OWNER)
    + ld(row, F_PROTOCOL) + ld(row, F_UNOWNED) + ld(row, F_ROOT_UNCLAIMED) + ld(row, F_IN_FLIGHT);
  return owned == ld(row, F_ALPHA_OUT);
}

function violation(g: usize, block: u64, kind: u64): void {
  const c = gld(g, G_VIOLATIONS);
  if (c == 0) { gst(g, G_FIRST_VIOLATION, block); gst(g, G_VIOLATION_KIND, kind); }
  gst(g, G_VIOLATIONS, c + 1);
}

/**
 * Runs up to `blocks` blocks over n subnet rows at `rows` with the globals at `g` (see row.ts).
 * Events go to `events` (capacity `cap` records of EV u64). Returns the number of blocks run.
 */
export function runBlocks(n: i32, rows: usize, g: usize, blocks: i32, events: usize, cap: i32): i32 {
  const m = sz(n);
  const emitRows = alloc(m << 3);
  const price = alloc(m << 4), burned = alloc(m << 4), enabled = alloc(m), shares = alloc(m << 4), taoEm = alloc(m << 4);
  const aaBefore = alloc(m << 3);
  const pool = new PoolState(), res = new SwapResult();
  let evCount = <i32>gld(g, G_EVENTS);
  let done = 0;
  gst(g, G_STOPPED_FOR_HOST, 0);
  const hostPool = gld(g, G_HOST_POOL) != 0;
  while (done < blocks && evCount + n <= cap) {
    // run_coinbase: get_subnets_to_emit_to (the gates do not move within a run)
    let k = 0;
    for (let i = 0; i < n; i++) {
      const row = rowAt(rows, i);
      if (ld(row, F_EMITS) == 0) continue;
      store<usize>(emitRows + (<usize>k << 3), row);
      k++;
    }
    let block: u64, credit: u64, rootSell: bool;
    if (gld(g, G_PHASE) == 0) {
      block = gld(g, G_BLOCK) + 1;
      gst(g, G_BLOCK, block);
      const issuance = gld(g, G_ISSUANCE);
      gst(g, G_TAO_BEFORE, issuance);
      // get_block_emission: computed on TotalIssuance, minted when nonzero (or the caller's mint)
      let emission: u64;
      if (gld(g, G_MINT_SET) != 0) { emission = gld(g, G_MINT); gst(g, G_MINT_SET, 0); }
      else emission = blockEmissionWritten(g, issuance);
      gst(g, G_TAO_EMISSION, emission);
      credit = emission != 0 ? mintTao(g, emission) : 0;
      // get_subnet_block_emissions, get_network_root_sell_flag, then get_subnet_terms
      for (let j = 0; j < k; j++) {
        const row = load<usize>(emitRows + (<usize>j << 3));
        movingAlphaPrice(<u32>ld(row, F_NETUID), <u32>ld(row, F_MECH), ld(row, F_MP_HI), ld(row, F_MP_LO));
        store<u64>(price + (<usize>j << 4), cvLo); store<u64>(price + (<usize>j << 4) + 8, cvHi);
        store<u64>(burned + (<usize>j << 4), ld(row, F_MB_LO)); store<u64>(burned + (<usize>j << 4) + 8, ld(row, F_MB_HI));
        store<u8>(enabled + <usize>j, <u8>ld(row, F_EMISSION_ENABLED));
      }
      rootSell = subnetBlockEmissions(k, price, burned, enabled, credit, shares, taoEm);
      gst(g, G_ROOT_SELL, rootSell ? 1 : 0);
      getSubnetTerms(g, k, emitRows, taoEm);
      if (hostPool) {
        // the host answers for the pool of each subnet emitted to, then calls again
        gst(g, G_PHASE, 1); gst(g, G_CREDIT, credit);
        break;
      }
    } else {
      block = gld(g, G_BLOCK); credit = gld(g, G_CREDIT); rootSell = gld(g, G_ROOT_SELL) != 0;
      gst(g, G_PHASE, 0);
    }
    const taoBefore = gld(g, G_TAO_BEFORE);
    // the terms moved no reserve: the ledgers before the block are the ones now
    let accountedBefore: u64 = 0, issuanceBefore: u64 = 0;
    for (let i = 0; i < n; i++) {
      const row = rowAt(rows, i);
      accountedBefore += ld(row, F_TAO) + ld(row, F_UNTRACKED);
      issuanceBefore += alphaIssuance(ld(row, F_ALPHA), ld(row, F_ALPHA_OUT));
      store<u64>(aaBefore + (<usize>i << 3), ld(row, F_AA_ISSUANCE));
    }
    resetAlphaCounters();
    const recycled = emitToSubnets(g, k, emitRows, credit, rootSell, pool, res);
    gst(g, G_TAO_MINTED, gld(g, G_TAO_MINTED) + credit);
    gst(g, G_TAO_RECYCLED, gld(g, G_TAO_RECYCLED) + recycled);
    evCount = drainPending(g, n, rows, block, events, evCount);
    const hostDrain = handedToHost;

    // update_moving_prices, then update_root_prop, for the subnets emitted to
    const ma96Hi = gld(g, G_MA_HI), ma96Lo = gld(g, G_MA_LO);
    for (let j = 0; j < k; j++) {
      const row = load<usize>(emitRows + (<usize>j << 3));
      const mech = <u32>ld(row, F_MECH);
      spotPrice(mech, ld(row, F_TAO), ld(row, F_ALPHA), ld(row, F_QUOTE));
      updateMovingPrice(<u32>ld(row, F_NETUID), mech, block, ld(row, F_START), ld(row, F_HALVING), ma96Hi, ma96Lo, ld(row, F_MP_HI), ld(row, F_MP_LO), rHi, rLo);
      st(row, F_MP_LO, emaLo); st(row, F_MP_HI, emaHi);
    }
    taoWeightU96(gld(g, G_TAO_WEIGHT));
    const twHi = rHi, twLo = rLo, rootTao = gld(g, G_ROOT_TAO);
    for (let j = 0; j < k; j++) {
      const row = load<usize>(emitRows + (<usize>j << 3));
      rootProportion(rootTao, twHi, twLo, alphaIssuance(ld(row, F_ALPHA), ld(row, F_ALPHA_OUT)));
      st(row, F_RP_LO, rLo); st(row, F_RP_HI, rHi); st(row, F_RP_SET, 1);
    }

    gst(g, G_ALPHA_MINTED, gld(g, G_ALPHA_MINTED) + alphaMinted);
    gst(g, G_ALPHA_RECYCLED, gld(g, G_ALPHA_RECYCLED) + alphaRecycled);
    // conservation, to the rao
    let accountedAfter: u64 = 0, issuanceAfter: u64 = 0;
    for (let i = 0; i < n; i++) {
      const row = rowAt(rows, i);
      accountedAfter += ld(row, F_TAO) + ld(row, F_UNTRACKED);
      issuanceAfter += alphaIssuance(ld(row, F_ALPHA), ld(row, F_ALPHA_OUT));
      if (!ledgerOk(row)) violation(g, block, V_LEDGER);
    }
    const dTao = gld(g, G_ISSUANCE) - taoBefore;
    if (dTao != accountedAfter - accountedBefore || dTao != credit - recycled) violation(g, block, V_TAO);
    if (issuanceAfter - issuanceBefore != alphaMinted - alphaRecycled) violation(g, block, V_ALPHA);
    let aaDelta: u64 = 0;
    for (let i = 0; i < n; i++) aaDelta += ld(rowAt(rows, i), F_AA_ISSUANCE) - load<u64>(aaBefore + (<usize>i << 3));
    if (aaDelta != assetsMinted - assetsRecycled) violation(g, block, V_ASSETS);
    done++;
    if (hostDrain) { gst(g, G_STOPPED_FOR_HOST, 1); break; }
  }
  gst(g, G_EVENTS, <u64>evCount);
  return done;
}
