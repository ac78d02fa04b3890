// Many blocks of subtensor's `block_step` (block_step.rs) for all subnets at once, in the chain's
// order: get_block_emission (mint), run_coinbase (run_coinbase.ts), update_moving_prices and
// update_root_prop, with the conservation checks of conservation.ts after every block. A call
// stops inside a block where the host must act, and the next call resumes it (G_PHASE): after
// drain_pending when a drained subnet's epoch is the host's (neurons, share pools: the host runs
// the epoch and its payout, as distribute_emissions_to_subnets does before the price updates),
// and, with a caller-supplied pool (G_HOST_POOL, one block per call), after get_subnet_terms for
// the host to answer for the pool.

import { rootProportion, taoWeightU96 } from "./terms";
import { updateMovingPrice, emaHi, emaLo } from "./moving_price";
import { rHi, rLo } from "../fixed/i128";
import { alloc, sz } from "../arena";
import { PoolState, SwapResult } from "../swap/swap";
import {
  F_NETUID, F_MECH, F_TAO, F_ALPHA, F_ALPHA_OUT, F_QUOTE, F_MP_LO, F_MP_HI, F_START, F_HALVING, F_RP_LO, F_RP_HI, F_RP_SET,
  G_BLOCK, G_ISSUANCE, G_TAO_MINTED, G_TAO_RECYCLED, G_ALPHA_MINTED, G_ALPHA_RECYCLED, G_EVENTS, G_STOPPED_FOR_HOST,
  G_TAO_EMISSION, G_ROOT_SELL, G_ROOT_TAO, G_TAO_WEIGHT, G_MA_HI, G_MA_LO, G_MINT_SET, G_MINT, G_HOST_POOL, G_PHASE,
  G_CREDIT, G_TAO_BEFORE, G_RECYCLED, G_HOST_RECYCLED, G_ALPHA_MINTED_BLOCK, G_ALPHA_RECYCLED_BLOCK, G_ASSETS_MINTED_BLOCK,
  G_ASSETS_RECYCLED_BLOCK, PHASE_NONE, PHASE_POOL, PHASE_PAYOUT, ld, st, gld, gst,
} from "./row";
import { blockEmissionWritten, mintTao } from "./tao";
import { subnetsToEmitTo, runCoinbaseStart, runCoinbaseFinish, creditRecycled } from "./run_coinbase";
import { handedToHost } from "./drain_pending";
import { alphaMinted, alphaRecycled, assetsMinted, assetsRecycled, resetAlphaCounters } from "./alpha";
import { conservationBefore, conservationAfter } from "./conservation";
import { rulesOf, rowIssuance, rowSpotPrice } from "./rules";
import { Pool473 } from "../swap/superellipse_swap";
import { smark, srelease } from "../bigint/scratch";

/** get_block_emission: computed on TotalIssuance (or the caller's mint), minted when nonzero. Returns the credit. */
function getBlockEmission(g: usize): u64 {
  let emission: u64;
  if (gld(g, G_MINT_SET) != 0) { emission = gld(g, G_MINT); gst(g, G_MINT_SET, 0); }
  else emission = blockEmissionWritten(g, gld(g, G_ISSUANCE));
  gst(g, G_TAO_EMISSION, emission);
  return emission != 0 ? mintTao(g, emission) : 0;
}

/** update_moving_prices for the subnets emitted to, on the pools after this block's coinbase. */
function updateMovingPrices(g: usize, k: i32, emitRows: usize, block: u64, p: Pool473): void {
  const maHi = gld(g, G_MA_HI), maLo = gld(g, G_MA_LO), rules = rulesOf(g);
  for (let j = 0; j < k; j++) {
    const row = load<usize>(emitRows + (<usize>j << 3));
    const mech = <u32>ld(row, F_MECH);
    rowSpotPrice(row, rules, p.work);
    updateMovingPrice(<u32>ld(row, F_NETUID), mech, block, ld(row, F_START), ld(row, F_HALVING), maHi, maLo, ld(row, F_MP_HI), ld(row, F_MP_LO), rHi, rLo);
    st(row, F_MP_LO, emaLo); st(row, F_MP_HI, emaHi);
  }
}

/** update_root_prop: RootProp of each subnet emitted to, from its alpha issuance after the block. */
function updateRootProp(g: usize, k: i32, emitRows: usize): void {
  taoWeightU96(gld(g, G_TAO_WEIGHT));
  const twHi = rHi, twLo = rLo, rootTao = gld(g, G_ROOT_TAO), rules = rulesOf(g);
  for (let j = 0; j < k; j++) {
    const row = load<usize>(emitRows + (<usize>j << 3));
    rootProportion(rootTao, twHi, twLo, rowIssuance(row, rules));
    st(row, F_RP_LO, rLo); st(row, F_RP_HI, rHi); st(row, F_RP_SET, 1);
  }
}

/**
 * Runs up to `blocks` blocks over n subnet rows at `rows` with the globals at `g` (see row.ts).
 * Events go to `events` (capacity `cap` records of EV u64). Returns the number of blocks run.
 */
export function runBlocks(n: i32, rows: usize, g: usize, blocks: i32, events: usize, cap: i32): i32 {
  const emitRows = alloc(sz(n) << 3);
  const pool = new PoolState(), res = new SwapResult(), p473 = new Pool473();
  const hostPool = gld(g, G_HOST_POOL) != 0;
  let evCount = <i32>gld(g, G_EVENTS);
  let done = 0;
  gst(g, G_STOPPED_FOR_HOST, 0);
  while (done < blocks && evCount + n <= cap) {
    // a block's buffers live in the scratch region and are dropped after it: memory stays flat
    // however many blocks one call runs (the caller began the region: c_run_blocks)
    const mark = smark();
    const k = subnetsToEmitTo(n, rows, emitRows); // the gates do not move within a run
    let block: u64, credit: u64, rootSell: bool;
    const phase = gld(g, G_PHASE);
    if (phase == PHASE_NONE) {
      block = gld(g, G_BLOCK) + 1;
      gst(g, G_BLOCK, block);
      gst(g, G_TAO_BEFORE, gld(g, G_ISSUANCE));
      credit = getBlockEmission(g);
      rootSell = runCoinbaseStart(g, k, emitRows, credit, p473);
      if (hostPool) {
        // the host answers for the pool of each subnet emitted to, then calls again
        gst(g, G_PHASE, PHASE_POOL); gst(g, G_CREDIT, credit);
        break;
      }
    } else {
      block = gld(g, G_BLOCK); credit = gld(g, G_CREDIT); rootSell = gld(g, G_ROOT_SELL) != 0;
      if (phase == PHASE_POOL) gst(g, G_PHASE, PHASE_NONE);
    }
    let recycled: u64;
    if (gld(g, G_PHASE) != PHASE_PAYOUT) {
      // the first half moved no reserve: the ledgers before the block are the ones now
      conservationBefore(g, n, rows);
      resetAlphaCounters();
      evCount = runCoinbaseFinish(g, n, rows, k, emitRows, credit, rootSell, block, events, evCount, pool, res, p473);
      recycled = creditRecycled;
      gst(g, G_ALPHA_MINTED_BLOCK, alphaMinted); gst(g, G_ALPHA_RECYCLED_BLOCK, alphaRecycled);
      gst(g, G_ASSETS_MINTED_BLOCK, assetsMinted); gst(g, G_ASSETS_RECYCLED_BLOCK, assetsRecycled);
      if (handedToHost) {
        // distribute_emissions_to_subnets of the subnets with neurons is the host's: stop, and finish the block once it paid
        gst(g, G_PHASE, PHASE_PAYOUT); gst(g, G_CREDIT, credit); gst(g, G_RECYCLED, recycled);
        gst(g, G_STOPPED_FOR_HOST, 1);
        break;
      }
    } else {
      recycled = gld(g, G_RECYCLED);
      gst(g, G_PHASE, PHASE_NONE);
    }
    const hostRecycled = gld(g, G_HOST_RECYCLED);
    gst(g, G_HOST_RECYCLED, 0);
    gst(g, G_TAO_MINTED, gld(g, G_TAO_MINTED) + credit);
    gst(g, G_TAO_RECYCLED, gld(g, G_TAO_RECYCLED) + recycled);
    updateMovingPrices(g, k, emitRows, block, p473);
    updateRootProp(g, k, emitRows);
    gst(g, G_ALPHA_MINTED, gld(g, G_ALPHA_MINTED) + gld(g, G_ALPHA_MINTED_BLOCK));
    gst(g, G_ALPHA_RECYCLED, gld(g, G_ALPHA_RECYCLED) + gld(g, G_ALPHA_RECYCLED_BLOCK) + hostRecycled);
    conservationAfter(g, n, rows, block, credit, recycled, hostRecycled);
    done++;
    srelease(mark);
  }
  gst(g, G_EVENTS, <u64>evCount);
  return done;
}
