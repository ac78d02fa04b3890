// The coinbase's pool for every subnet, on the wasm Balancer pool (assembly/swap): the weight
// update of pallet_subtensor_swap::adjust_protocol_liquidity (update_weights_for_added_liquidity
// against the current reserves; a refused update injects nothing) and the chain buy of
// run_coinbase::inject_and_maybe_swap (swap_tao_for_alpha at the max price, fees dropped).
// Stable (mechanism 0) subnets go through the same calls: the weight update still runs and the
// swap is 1:1 there, as on chain.

import type { Taomath } from "../core/taomath.js";
import type { CoinbasePool, PoolReserves } from "./coinbase.js";
import { swapCoreOf } from "../core/cores.js";
import { MAX_PRICE_RAO } from "../pool/quote.js";

/** The runtime's MinimumReserve (subtensor's mock runtime uses smaller values in some tests). */
export const RUNTIME_MINIMUM_RESERVE = 1_000_000n;

const minimumReserves = new WeakMap<CoinbasePool, bigint>();
/** The MinimumReserve of a pool made by balancerPool (the network model then runs blocks in the core), else undefined. */
export function balancerMinimumReserve(pool: CoinbasePool): bigint | undefined { return minimumReserves.get(pool); }

export function balancerPool(tm: Taomath, options: { minimumReserve?: bigint } = {}): CoinbasePool {
  const sw = swapCoreOf(tm);
  const minimumReserve = options.minimumReserve ?? RUNTIME_MINIMUM_RESERVE;
  const pool: CoinbasePool = {
    adjustProtocolLiquidity(pool: PoolReserves, tao: bigint, alpha: bigint) {
      const r = sw.weightUpdate(pool.tao_reserve, pool.alpha_reserve, pool.quote_weight, tao, alpha);
      return r.accepted ? { tao, alpha, quote_weight: r.quoteWeight } : { tao: 0n, alpha: 0n, quote_weight: pool.quote_weight };
    },
    buyAlpha(pool: PoolReserves, tao: bigint) {
      const r = sw.swap({
        taoReserve: pool.tao_reserve, alphaReserve: pool.alpha_reserve, alphaOut: pool.alpha_out, quoteWeight: pool.quote_weight,
        palSwapInitialized: pool.pal_swap_initialized, feeRate: pool.fee_rate, minimumReserve, mechanism: pool.mechanism,
      }, true, tao, MAX_PRICE_RAO, true, false);
      if (!r.ok) return { ok: false, paid_in: 0n, paid_out: 0n, quote_weight: pool.quote_weight, pal_swap_initialized: pool.pal_swap_initialized };
      return { ok: true, paid_in: r.paidIn, paid_out: r.paidOut, quote_weight: r.stateAfter.quoteWeight, pal_swap_initialized: r.stateAfter.palSwapInitialized };
    },
  };
  minimumReserves.set(pool, minimumReserve);
  return pool;
}
