// Public coinbase API over a Taomath instance: the per-block pieces of run_coinbase that do not
// need the pool's swap (shares, terms, alpha-out split, epoch schedule), and the narrow interface
// the pool module must provide for the rest (weight update on injection and the chain buy).

import type { Taomath } from "../core/taomath.js";
import type { CoinbaseCore } from "../bindings/coinbase.js";
import { defaultTaomath } from "../core/default.js";

/** The instance's coinbase core (the same as `tm.coinbase`). */
export function coinbaseOf(tm: Taomath): CoinbaseCore {
  return tm.coinbase;
}

/** get_moving_alpha_price on the default instance: 1.0 (2^64) on root and stable subnets, else the stored I96F32 as U64F64. */
export function movingAlphaPrice(netuid: number, mechanism: number, movingPrice: bigint, tm: Taomath = defaultTaomath()): bigint {
  return coinbaseOf(tm).movingAlphaPrices([{ netuid, mechanism, moving_price: movingPrice }])[0];
}

/** One subnet's pool as the coinbase sees it (chain storage names). */
export interface PoolReserves {
  netuid: number;
  /** SubnetMechanism: 1 dynamic (Balancer), 0 stable */
  mechanism: number;
  /** SubnetTAO (y) */
  tao_reserve: bigint;
  /** SubnetAlphaIn (x) */
  alpha_reserve: bigint;
  /** SubnetAlphaOut */
  alpha_out: bigint;
  /** SwapBalancer quote (TAO) weight, Perquintill parts */
  quote_weight: bigint;
  /** PalSwapInitialized */
  pal_swap_initialized: boolean;
  /** FeeRate (u16 / 65535); the chain buy drops fees */
  fee_rate: number;
}

/**
 * What the coinbase needs from the pool math (issue 3). Both mirror pallet_subtensor_swap and
 * must be bit-exact; the coinbase applies the returned reserves/weights to its state.
 */
export interface CoinbasePool {
  /**
   * `adjust_protocol_liquidity(netuid, tao, alpha)`: update the Balancer weights for injecting
   * (tao, alpha) against the CURRENT reserves (update_weights_for_added_liquidity). Returns what is
   * actually injected ((0, 0) when the new weights leave [0.01, 0.99]) and the new quote weight.
   * It does not change the reserves; the coinbase adds the injected amounts afterwards.
   */
  adjustProtocolLiquidity(pool: PoolReserves, tao: bigint, alpha: bigint): { tao: bigint; alpha: bigint; quote_weight: bigint };
  /**
   * The chain buy: `swap_tao_for_alpha(netuid, tao, max_price = 1e15 rao, drop_fees = true)` on
   * the pre-injection reserves with the new weights (not simulated). Returns ok = false on a swap
   * error; otherwise paid_in (TAO into SubnetTAO), paid_out (alpha moved SubnetAlphaIn ->
   * SubnetAlphaOut) and the pool's weight and init flag after the swap (lazy initialisation).
   */
  buyAlpha(pool: PoolReserves, tao: bigint): { ok: boolean; paid_in: bigint; paid_out: bigint; quote_weight: bigint; pal_swap_initialized: boolean };
}
