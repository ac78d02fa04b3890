// The swap pallet's `adjust_protocol_liquidity` after 425, for one subnet row: what of this block's
// materialized injection (plus whatever waited in BalancerTaoReservoir / BalancerAlphaReservoir)
// becomes price-active, and what keeps waiting. Results in activeTao/activeAlpha, the reservoirs
// are written to the row; a refusal (false) leaves every curve and reservoir as it was.
//
// 473 (impls.rs @ 0249a4a4, adjust_protocol_liquidity): the pending amounts (reservoir + delta,
// checked) are refused on overflow; while a projected side is 0 both wait; otherwise the curve
// (the stored ellipse, validated at the current reserves; or from_balancer of the current
// reserves and the stored Balancer weight; or, for an empty pool, from_balancer of the projected
// reserves with no translation) is translated by the pending amounts, must price the projected
// reserves, and everything pending becomes active.
//
// 459 (Balancer with reservoirs): the swap pallet's code of that runtime is not readable (see
// docs/runtimes.md). ASSUMED from the chain's own tests of this function (pallets/swap/src/pallet/
// tests/adjust_protocol_liquidity.rs @ 71ddeedc, whose four exact cases hold here): the Balancer
// weight update (update_weights_for_added_liquidity) is tried on everything pending; if refused,
// on the pending alpha alone (the TAO waits), then on the pending TAO alone (the alpha waits);
// if all are refused everything waits. Sums saturate.

import { Ellipse, E_OK, eErr, fromWeights, calculatePrice, keepPrice, translateLiquidity } from "./superellipse";
import { updateWeights, newQuote } from "./weights";
import { smark, srelease } from "../bigint/scratch";
import { F_TAO, F_ALPHA, F_QUOTE, F_INIT, F_TAO_RESERVOIR, F_ALPHA_RESERVOIR, ld, st, satAdd } from "../coinbase/row";
import { loadEllipse, storeEllipse } from "../coinbase/rules";

export let activeTao: u64 = 0;
export let activeAlpha: u64 = 0;

function settle(row: usize, tao: u64, alpha: u64, waitTao: u64, waitAlpha: u64): bool {
  activeTao = tao; activeAlpha = alpha;
  st(row, F_TAO_RESERVOIR, waitTao); st(row, F_ALPHA_RESERVOIR, waitAlpha);
  return true;
}

/** Runtime 473: translate the superellipse by the pending liquidity. `e` is scratch. */
export function adjustEllipse(row: usize, taoDelta: u64, alphaDelta: u64, e: Ellipse): bool {
  activeTao = 0; activeAlpha = 0;
  const alpha = ld(row, F_ALPHA), tao = ld(row, F_TAO);
  const resTao = ld(row, F_TAO_RESERVOIR), resAlpha = ld(row, F_ALPHA_RESERVOIR);
  const pendingTao = resTao + taoDelta;
  if (pendingTao < resTao) return false;
  const pendingAlpha = resAlpha + alphaDelta;
  if (pendingAlpha < resAlpha) return false;
  const newTao = tao + pendingTao;
  if (newTao < tao) return false;
  const newAlpha = alpha + pendingAlpha;
  if (newAlpha < alpha) return false;
  // an unfunded side has no price: everything waits until both sides can start together
  if (newTao == 0 || newAlpha == 0) return settle(row, 0, 0, pendingTao, pendingAlpha);
  const mark = smark();
  const ok = translated(row, alpha, tao, pendingAlpha, pendingTao, newAlpha, newTao, e);
  srelease(mark);
  if (!ok) return false;
  st(row, F_INIT, 1);
  return settle(row, pendingTao, pendingAlpha, 0, 0);
}

function translated(row: usize, alpha: u64, tao: u64, pendingAlpha: u64, pendingTao: u64, newAlpha: u64, newTao: u64, e: Ellipse): bool {
  if (loadEllipse(row, e)) {
    calculatePrice(e, alpha, tao);
    if (eErr != E_OK) return false;
  } else if (tao != 0 && alpha != 0) {
    fromWeights(alpha, tao, ld(row, F_QUOTE), e);
    if (eErr != E_OK) return false;
  } else {
    // an empty pool anchors at the projected reserves: nothing to translate
    fromWeights(newAlpha, newTao, ld(row, F_QUOTE), e);
    if (eErr != E_OK) return false;
    keepPrice(e, newAlpha, newTao); // the pool's price until its next trade or injection
    if (eErr != E_OK) return false;
    storeEllipse(row, e);
    return true;
  }
  if (!translateLiquidity(e, pendingAlpha, pendingTao)) return false;
  keepPrice(e, newAlpha, newTao);
  if (eErr != E_OK) return false;
  storeEllipse(row, e);
  return true;
}

/** Runtime 459: the Balancer weight update on what can join without leaving the weight bounds. */
export function adjustBalancer(row: usize, taoDelta: u64, alphaDelta: u64): bool {
  const alpha = ld(row, F_ALPHA), tao = ld(row, F_TAO), quote = ld(row, F_QUOTE);
  const pendingTao = satAdd(ld(row, F_TAO_RESERVOIR), taoDelta), pendingAlpha = satAdd(ld(row, F_ALPHA_RESERVOIR), alphaDelta);
  if (tryWeights(row, quote, tao, alpha, pendingTao, pendingAlpha)) return settle(row, pendingTao, pendingAlpha, 0, 0);
  if (tryWeights(row, quote, tao, alpha, 0, pendingAlpha)) return settle(row, 0, pendingAlpha, pendingTao, 0);
  if (tryWeights(row, quote, tao, alpha, pendingTao, 0)) return settle(row, pendingTao, 0, 0, pendingAlpha);
  return settle(row, 0, 0, pendingTao, pendingAlpha);
}

function tryWeights(row: usize, quote: u64, tao: u64, alpha: u64, dTao: u64, dAlpha: u64): bool {
  const mark = smark();
  const ok = updateWeights(quote, tao, alpha, dTao, dAlpha);
  srelease(mark);
  if (ok) st(row, F_QUOTE, newQuote);
  return ok;
}
