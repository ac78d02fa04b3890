// One swap on a runtime-473 pool as the chain runs it: the swap pallet's do_swap → swap_inner
// (impls.rs at 0249a4a4: input pre-check, reserve floor, first-swap initialisation, price-limit
// check) → BasicSwapStep (swap_step.rs at 29005cb7: the endpoint clamp to the largest input that
// keeps MinimumReserve, the fallback when the full-fill price cannot be represented, the limit
// fill, the recomputed fee), then pallet-subtensor's reserve bookkeeping as in swap.ts. Also the
// spot price with its read-only Balancer fallback and migrate_balancer_to_superellipse.

import { price as balancerPrice, bHi, bLo } from "./balancer";
import { PoolState, SwapResult, OK, ERR_PRICE_LIMIT, ERR_RESERVES_TOO_LOW, ERR_INPUT_TOO_LARGE, ERR_INSUFFICIENT, satAdd, applySwapToReserves, stableMaxAmount, maxAmountProbe } from "./swap";
import {
  Ellipse, E_OK, eErr, pHi, pLo, fromWeights, calculatePrice, tradeOutput, maxInput, inputWithinMax,
  deltaToPrice, copyEllipse,
} from "./superellipse";
import { satMulU, safeDivU, uHi, uLo, ltU, leU } from "../fixed/u64f64";
import { smark, srelease } from "../bigint/scratch";

export const ERR_OUT_OF_BALANCE: i32 = 5; // ReservesOutOfBalance

const HALF: u64 = 500_000_000_000_000_000;

/** A pool of runtime 473: the Balancer-era state plus its `SwapSuperellipse` entry, if any. */
export class Pool473 {
  pool: PoolState = new PoolState();
  ellipse: Ellipse = new Ellipse();
  hasEllipse: bool = false;
  /** the curve a swap runs on: the pool's own, or the one its first swap would initialise */
  work: Ellipse = new Ellipse();
}

export let spHi: u64 = 0;
export let spLo: u64 = 0;

/** current_price: 1 off the dynamic mechanism, 0 without alpha, the ellipse's price (0 on its
 * error), else the archived Balancer price. Into spHi/spLo. */
export function spotPrice473(p: Pool473): void {
  const s = p.pool;
  if (s.mechanism != 1) { spHi = 1; spLo = 0; return; }
  if (s.alpha == 0) { spHi = 0; spLo = 0; return; }
  if (p.hasEllipse) {
    calculatePrice(p.ellipse, s.alpha, s.tao);
    if (eErr != E_OK) { spHi = 0; spLo = 0; } else { spHi = pHi; spLo = pLo; }
    return;
  }
  balancerPrice(s.quote, s.alpha, s.tao);
  spHi = bHi; spLo = bLo;
}

// The U64F64 fee factor and limit price depend only on the pool and the order, not on the
// amount: a batch of quotes converts them once (same values as converting them every time).
let feeMemo: i64 = -1, feeFHi: u64 = 0, feeFLo: u64 = 0;
let limitMemo = false, limitRaoMemo: u64 = 0, limHi: u64 = 0, limLo: u64 = 0;

function feeOf(amount: u64, feeRate: u32): u64 {
  if (feeMemo != <i64>feeRate) {
    safeDivU(<u64>feeRate, 0, 65535, 0);
    feeMemo = <i64>feeRate; feeFHi = uHi; feeFLo = uLo;
  }
  satMulU(amount, 0, feeFHi, feeFLo);
  return uHi;
}

function limitPrice(limitRao: u64): void {
  if (!limitMemo || limitRao != limitRaoMemo) {
    safeDivU(limitRao, 0, 1_000_000_000, 0);
    limitMemo = true; limitRaoMemo = limitRao; limHi = uHi; limLo = uLo;
  }
}

/** Set by quoteBatch473 while every order of the batch is known to fill in full within the limit. */
let knownWithinLimit = false;
/** Whether the last swapInner473 found its full-fill price representable and within the limit, unclamped. */
let targetWithinLimit = false;
let deltaIn0: u64 = 0;

/** Whether the last swapInner473 initialised `work` (written only when the swap commits). */
export let initialised: bool = false;

let stepErr: i32 = OK;

/** price_target: the price after `dIn` in and `dOut` out; errors in stepErr. */
function priceAfter(work: Ellipse, s: PoolState, buy: bool, dIn: u64, dOut: u64): void {
  let alpha: u64, tao: u64;
  if (buy) {
    if (dOut > s.alpha) { stepErr = ERR_INSUFFICIENT; return; }
    alpha = s.alpha - dOut;
    tao = s.tao + dIn;
    if (tao < s.tao) { stepErr = ERR_OUT_OF_BALANCE; return; }
  } else {
    alpha = s.alpha + dIn;
    if (alpha < s.alpha) { stepErr = ERR_OUT_OF_BALANCE; return; }
    if (dOut > s.tao) { stepErr = ERR_INSUFFICIENT; return; }
    tao = s.tao - dOut;
  }
  calculatePrice(work, alpha, tao);
  stepErr = eErr != E_OK ? ERR_OUT_OF_BALANCE : OK;
}

/** The swap pallet's swap on a 473 pool; fills r and leaves the pool as it was. */
export function swapInner473(p: Pool473, buy: bool, amount: u64, limitRao: u64, dropFees: bool, simulate: bool, r: SwapResult): void {
  const s = p.pool, work = p.work;
  r.error = OK; r.paidIn = 0; r.paidOut = 0; r.fee = 0; r.feeToAuthor = 0;
  initialised = false;
  if (s.mechanism != 1) { r.paidIn = amount; r.paidOut = amount; return; }
  limitPrice(limitRao);
  const lh = limHi, ll = limLo;
  // ensure_swap_input_within_reserve_limit
  let fee = dropFees ? 0 : feeOf(amount, s.feeRate);
  const net = amount - fee;
  const inRes = buy ? s.tao : s.alpha;
  const outRes = buy ? s.alpha : s.tao;
  const cap = inRes > u64.MAX_VALUE / 1000 ? u64.MAX_VALUE : inRes * 1000;
  if (net > cap) { r.error = ERR_INPUT_TOO_LARGE; return; }
  if (outRes < s.minimumReserve) { r.error = ERR_RESERVES_TOO_LOW; return; }
  // maybe_initialize_palswap(netuid, None)
  if (p.hasEllipse) copyEllipse(work, p.ellipse);
  else {
    if (s.tao == 0 || s.alpha == 0) { r.error = ERR_RESERVES_TOO_LOW; return; }
    fromWeights(s.alpha, s.tao, s.initialized ? s.quote : HALF, work);
    if (eErr != E_OK) { r.error = ERR_OUT_OF_BALANCE; return; }
    calculatePrice(work, s.alpha, s.tao);
    if (eErr != E_OK) { r.error = ERR_OUT_OF_BALANCE; return; }
    initialised = true;
  }
  // the limit must lie beyond the current price
  let ch: u64 = 0, cl: u64 = 0;
  if (s.alpha != 0) {
    calculatePrice(work, s.alpha, s.tao);
    if (eErr == E_OK) { ch = pHi; cl = pLo; }
  }
  if (buy ? !ltU(ch, cl, lh, ll) : !ltU(lh, ll, ch, cl)) { r.error = ERR_PRICE_LIMIT; return; }

  // BasicSwapStep::new
  // an order well inside the largest input needs no exact bound (inputWithinMax: a proved margin)
  let req = net;
  if (!inputWithinMax(work, s.alpha, s.tao, buy, s.minimumReserve, net)) {
    const maxIn = maxInput(work, s.alpha, s.tao, buy, s.minimumReserve);
    if (eErr != E_OK) { r.error = ERR_OUT_OF_BALANCE; return; }
    if (maxIn < net) req = maxIn;
  }
  let clamped = req < net;
  let reqOut = tradeOutput(work, s.alpha, s.tao, req, buy);
  if (eErr != E_OK) { r.error = ERR_OUT_OF_BALANCE; return; }
  calculatePrice(work, s.alpha, s.tao);
  if (eErr != E_OK) { r.error = ERR_OUT_OF_BALANCE; return; }
  targetWithinLimit = false;
  if (knownWithinLimit) {
    // a batch has shown that a larger order's full-fill price is representable and within the
    // limit; this order's price is no further from the current one (see quoteBatch473)
    deltaIn0 = req;
  } else {
    priceAfter(work, s, buy, req, reqOut);
    if (stepErr != OK) {
      // the full fill's price is not representable: solve the limit fill first
      const lim = deltaToPrice(work, s.alpha, s.tao, lh, ll, buy);
      if (eErr != E_OK) { r.error = ERR_OUT_OF_BALANCE; return; }
      if (lim < req) req = lim;
      reqOut = tradeOutput(work, s.alpha, s.tao, req, buy);
      if (eErr != E_OK) { r.error = ERR_OUT_OF_BALANCE; return; }
      clamped = true;
      priceAfter(work, s, buy, req, reqOut);
      if (stepErr != OK) { r.error = stepErr; return; }
    }
    const th = pHi, tl = pLo;

    // determine_action
    if (buy ? leU(th, tl, lh, ll) : leU(lh, ll, th, tl)) {
      deltaIn0 = req;
      targetWithinLimit = !clamped;
    } else {
      const lim = deltaToPrice(work, s.alpha, s.tao, lh, ll, buy);
      if (eErr != E_OK) { r.error = ERR_OUT_OF_BALANCE; return; }
      deltaIn0 = lim < req ? lim : req;
      clamped = true;
    }
  }
  let recalc = clamped;
  const deltaIn = deltaIn0;
  if (recalc) {
    if (dropFees) fee = 0;
    else {
      safeDivU(<u64>s.feeRate, 0, 65535 - <u64>s.feeRate, 0);
      satMulU(deltaIn, 0, uHi, uLo);
      fee = uHi;
    }
  }
  // process_swap
  let deltaOut = reqOut;
  if (deltaIn != req) {
    deltaOut = tradeOutput(work, s.alpha, s.tao, deltaIn, buy);
    if (eErr != E_OK) { r.error = ERR_OUT_OF_BALANCE; return; }
  }
  if (deltaIn != 0 && deltaOut == 0) { r.error = ERR_RESERVES_TOO_LOW; return; }
  if (!simulate && outRes < deltaOut) { r.error = ERR_INSUFFICIENT; return; }
  r.paidIn = deltaIn; r.paidOut = deltaOut; r.fee = fee;
  r.feeToAuthor = deltaIn != 0 ? fee : 0;
}

/** swap_tao_for_alpha / swap_alpha_for_tao (or the rolled-back swap when simulate) on a 473 pool. */
export function swapOnPool473(p: Pool473, buy: bool, amount: u64, limitRao: u64, dropFees: bool, simulate: bool, r: SwapResult): void {
  spotPrice473(p); r.priceBeforeHi = spHi; r.priceBeforeLo = spLo;
  swapInner473(p, buy, amount, limitRao, dropFees, simulate, r);
  const s = p.pool;
  if (r.error == OK && !simulate) {
    if (initialised) {
      copyEllipse(p.ellipse, p.work);
      p.hasEllipse = true;
      if (!s.initialized) s.quote = HALF;
      s.initialized = true;
    }
    applySwapToReserves(s, buy, r);
  }
  spotPrice473(p); r.priceAfterHi = spHi; r.priceAfterLo = spLo;
}

/** get_max_amount_add / get_max_amount_remove on a 473 pool (the 425 rule: a simulated swap of
 * 1000 × the input reserve at the limit, paid-in plus fee). */
export function maxAmount473(p: Pool473, add: bool, limitRao: u64, isRoot: bool, r: SwapResult): u64 {
  r.error = OK;
  const s = p.pool;
  if (isRoot || s.mechanism == 0) return stableMaxAmount(add, limitRao);
  swapInner473(p, add, maxAmountProbe(s, add), limitRao, false, true, r);
  if (r.error != OK) return 0;
  return satAdd(r.paidIn, r.fee);
}

/**
 * migrate_balancer_to_superellipse for one subnet: a candidate (it has a PalSwapInitialized or a
 * SwapBalancer entry) that exists, is dynamic, has no ellipse and is funded gets
 * from_balancer(alpha, tao, stored weight) if that curve prices; a curve that fails leaves the
 * pool alone and the migration incomplete. Returns whether the migration completed.
 */
export function migrate473(p: Pool473, candidate: bool, exists: bool): bool {
  const s = p.pool;
  if (!candidate || !exists || s.mechanism != 1 || p.hasEllipse) return true;
  if (s.alpha == 0 || s.tao == 0) return true;
  const e = new Ellipse();
  fromWeights(s.alpha, s.tao, s.quote, e);
  if (eErr != E_OK) return false;
  calculatePrice(e, s.alpha, s.tao);
  if (eErr != E_OK) return false;
  copyEllipse(p.ellipse, e);
  p.hasEllipse = true;
  s.initialized = true;
  return true;
}

/**
 * Simulated swaps of many amounts on one pool, [error, paid_in, paid_out, fee] per amount. Each
 * result is swapInner473's; the one shortcut: the full-fill price after a swap step only moves
 * away from the current price as the order grows (the net input never falls as the amount grows,
 * the input reserve's coordinate shrinks and the rounded payout never falls), so once an order
 * of the batch fills in full, unclamped, at a representable price within the limit, no smaller
 * order can hit the limit or the fallback, and their post-trade prices need not be computed. The
 * largest order is tried first; if it is limited, the bound rises with each order that is not.
 */
export function quoteBatch473(p: Pool473, buy: bool, amounts: usize, n: i32, limitRao: u64, dropFees: bool, out: usize): void {
  const r = new SwapResult();
  let largest: u64 = 0;
  for (let i = 0; i < n; i++) { const a = load<u64>(amounts + (<usize>i << 3)); if (a > largest) largest = a; }
  const mark = smark();
  knownWithinLimit = false;
  swapInner473(p, buy, largest, limitRao, dropFees, true, r);
  // orders up to okUpTo are known to fill in full within the limit (none while okAny is false)
  let okAny = r.error == OK && targetWithinLimit, okUpTo = largest;
  srelease(mark);
  for (let i = 0; i < n; i++) {
    const amount = load<u64>(amounts + (<usize>i << 3));
    knownWithinLimit = okAny && amount <= okUpTo;
    const known = knownWithinLimit;
    swapInner473(p, buy, amount, limitRao, dropFees, true, r);
    knownWithinLimit = false;
    if (!known && r.error == OK && targetWithinLimit && (!okAny || amount > okUpTo)) { okAny = true; okUpTo = amount; }
    const o = out + (<usize>i << 5);
    store<u64>(o, <u64>r.error); store<u64>(o, r.paidIn, 8); store<u64>(o, r.paidOut, 16); store<u64>(o, r.fee, 24);
    srelease(mark);
  }
}
