// subtensor `run_coinbase` (run_coinbase.rs) over the subnet rows, in two halves so that a
// caller-supplied pool can answer in between: the start (get_subnets_to_emit_to,
// get_subnet_block_emissions with get_network_root_sell_flag, and get_subnet_terms) and the rest
// (inject_and_maybe_swap and the alpha emission of emit_to_subnets, then drain_pending, which
// pays the empty epochs itself and hands the others to the host).

import { subnetBlockEmissions } from "./shares";
import { movingAlphaPrice, cvHi, cvLo } from "./moving_price";
import { sz } from "../arena";
import { salloc } from "../bigint/scratch";
import { PoolState, SwapResult } from "../swap/swap";
import { F_NETUID, F_MECH, F_EMITS, F_EMISSION_ENABLED, F_MP_LO, F_MP_HI, F_MB_LO, F_MB_HI, G_ROOT_SELL, rowAt, ld, gst } from "./row";
import { getSubnetTerms, emitToSubnets } from "./emit_to_subnets";
import { drainPending } from "./drain_pending";
import { rulesOf } from "./rules";
import { Pool473 } from "../swap/superellipse_swap";

/** get_subnets_to_emit_to: the rows (usize[k] at `out`) with FirstEmissionBlockNumber set, SubtokenEnabled and registration allowed. */
export function subnetsToEmitTo(n: i32, rows: usize, out: usize): i32 {
  let k = 0;
  for (let i = 0; i < n; i++) {
    const row = rowAt(rows, i);
    if (ld(row, F_EMITS) == 0) continue;
    store<usize>(out + (<usize>k << 3), row);
    k++;
  }
  return k;
}

/** The first half: shares of `credit`, the root sell flag (returned, and in G_ROOT_SELL) and each subnet's terms. */
export function runCoinbaseStart(g: usize, k: i32, emitRows: usize, credit: u64, p: Pool473): bool {
  const m = sz(k);
  // per-block buffers in the scratch region (runBlocks releases them after each block)
  const price = salloc(m << 4), burned = salloc(m << 4), enabled = salloc(m), shares = salloc(m << 4), taoEm = salloc(m << 4);
  for (let j = 0; j < k; j++) {
    const row = load<usize>(emitRows + (<usize>j << 3));
    movingAlphaPrice(<u32>ld(row, F_NETUID), <u32>ld(row, F_MECH), ld(row, F_MP_HI), ld(row, F_MP_LO));
    store<u64>(price + (<usize>j << 4), cvLo); store<u64>(price + (<usize>j << 4) + 8, cvHi);
    store<u64>(burned + (<usize>j << 4), ld(row, F_MB_LO)); store<u64>(burned + (<usize>j << 4) + 8, ld(row, F_MB_HI));
    store<u8>(enabled + <usize>j, <u8>ld(row, F_EMISSION_ENABLED));
  }
  const rootSell = subnetBlockEmissions(k, price, burned, enabled, credit, shares, taoEm);
  gst(g, G_ROOT_SELL, rootSell ? 1 : 0);
  getSubnetTerms(g, k, emitRows, taoEm, p);
  return rootSell;
}

/** Recycled credit of the last runCoinbaseFinish. */
export let creditRecycled: u64 = 0;

/** The second half; returns the new event count (drain_pending's events are appended at `events`). */
export function runCoinbaseFinish(
  g: usize, n: i32, rows: usize, k: i32, emitRows: usize, credit: u64, rootSell: bool, block: u64,
  events: usize, evCount: i32, pool: PoolState, res: SwapResult, p: Pool473,
): i32 {
  creditRecycled = emitToSubnets(g, k, emitRows, credit, rootSell, pool, res, p);
  return drainPending(g, n, rows, block, events, evCount, rulesOf(g));
}
