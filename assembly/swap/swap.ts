// One swap as the chain runs it: the swap pallet's do_swap → swap_inner → BasicSwapStep
// (pallets/swap/src/pallet/{impls.rs, swap_step.rs}) and pallet-subtensor's swap_tao_for_alpha /
// swap_alpha_for_tao reserve bookkeeping, plus get_max_amount_add / get_max_amount_remove.

import { price, expScaled, outOf, limitDeltaIn, bHi, bLo, ACCURACY } from "./balancer";
import { satMulU, safeDivU, uHi, uLo, ltU, leU } from "../fixed/u64f64";

export const OK: i32 = 0;
export const ERR_PRICE_LIMIT: i32 = 1;     // PriceLimitExceeded
export const ERR_RESERVES_TOO_LOW: i32 = 2; // ReservesTooLow
export const ERR_INPUT_TOO_LARGE: i32 = 3;  // SwapInputTooLarge
export const ERR_INSUFFICIENT: i32 = 4;     // InsufficientLiquidity

/** A subnet's pool: reserves y (TAO), x (alpha), outstanding alpha, weight and swap settings. */
export class PoolState {
  tao: u64 = 0;
  alpha: u64 = 0;
  alphaOut: u64 = 0;
  quote: u64 = 500_000_000_000_000_000;
  initialized: bool = true;
  feeRate: u32 = 33;
  minimumReserve: u64 = 1_000_000;
  mechanism: u32 = 1;
}

/** The result of one swap. */
export class SwapResult {
  error: i32 = 0;
  paidIn: u64 = 0;
  paidOut: u64 = 0;
  fee: u64 = 0;
  feeToAuthor: u64 = 0;
  priceBeforeHi: u64 = 0; priceBeforeLo: u64 = 0;
  priceAfterHi: u64 = 0; priceAfterLo: u64 = 0;
}

/** current_alpha_price into bHi/bLo (1 for a stable subnet, 0 with no alpha). */
export function poolPrice(p: PoolState): void {
  if (p.mechanism != 1) { bHi = 1; bLo = 0; return; }
  if (p.alpha == 0) { bHi = 0; bLo = 0; return; }
  price(p.quote, p.alpha, p.tao);
}

export function satAdd(a: u64, b: u64): u64 { const s = a + b; return s < a ? u64.MAX_VALUE : s; }
function satSub(a: u64, b: u64): u64 { return a > b ? a - b : 0; }

/** The output of putting `d` into the pool (convert_deltas), buy = TAO in. */
function convert(quote: u64, x: u64, y: u64, d: u64, buy: bool): u64 {
  if (buy) { expScaled(quote, y, d, false, false); return outOf(x, bHi, bLo); }
  expScaled(quote, x, d, false, true);
  return outOf(y, bHi, bLo);
}

/** fee = floor(amount · (fee_rate / 65535)) in U64F64. */
function feeOf(amount: u64, feeRate: u32): u64 {
  safeDivU(<u64>feeRate, 0, 65535, 0);
  satMulU(amount, 0, uHi, uLo);
  return uHi;
}

/** The swap pallet's swap (with rollback when simulate); fills r. Does not touch the pool. */
export function swapInner(p: PoolState, buy: bool, amount: u64, limitRao: u64, dropFees: bool, simulate: bool, r: SwapResult): void {
  r.error = OK; r.paidIn = 0; r.paidOut = 0; r.fee = 0; r.feeToAuthor = 0;
  if (p.mechanism != 1) {
    r.paidIn = amount; r.paidOut = amount;
    return;
  }
  safeDivU(limitRao, 0, 1_000_000_000, 0);
  const lh = uHi, ll = uLo;
  let fee = dropFees ? 0 : feeOf(amount, p.feeRate);
  const net = amount - fee;
  const inRes = buy ? p.tao : p.alpha;
  const outRes = buy ? p.alpha : p.tao;
  const hi1000 = inRes > u64.MAX_VALUE / 1000 ? u64.MAX_VALUE : inRes * 1000;
  if (net > hi1000) { r.error = ERR_INPUT_TOO_LARGE; return; }
  if (outRes < p.minimumReserve) { r.error = ERR_RESERVES_TOO_LOW; return; }
  const quote = p.initialized ? p.quote : 500_000_000_000_000_000;
  const x = p.alpha, y = p.tao;
  let ph: u64 = 0, pl: u64 = 0;
  if (x != 0) { price(quote, x, y); ph = bHi; pl = bLo; }
  if (buy ? !ltU(ph, pl, lh, ll) : !ltU(lh, ll, ph, pl)) { r.error = ERR_PRICE_LIMIT; return; }
  const out = convert(quote, x, y, net, buy);
  // price the pool would reach with the full amount
  if (buy) price(quote, satSub(x, out), satAdd(y, net));
  else price(quote, satAdd(x, net), satSub(y, out));
  let deltaIn: u64, deltaOut: u64;
  if (buy ? leU(bHi, bLo, lh, ll) : leU(lh, ll, bHi, bLo)) {
    deltaIn = net; deltaOut = out;
  } else {
    deltaIn = buy ? limitDeltaIn(ACCURACY - quote, lh, ll, ph, pl, y) : limitDeltaIn(quote, ph, pl, lh, ll, x);
    if (dropFees) fee = 0;
    else {
      // fee on the filled net leg: delta · (rate / (65535 − rate))
      safeDivU(<u64>p.feeRate, 0, 65535 - <u64>p.feeRate, 0);
      satMulU(deltaIn, 0, uHi, uLo);
      fee = uHi;
    }
    deltaOut = convert(quote, x, y, deltaIn, buy);
  }
  if (deltaIn != 0 && deltaOut == 0) { r.error = ERR_RESERVES_TOO_LOW; return; }
  if (!simulate && outRes < deltaOut) { r.error = ERR_INSUFFICIENT; return; }
  r.paidIn = deltaIn; r.paidOut = deltaOut; r.fee = fee;
  r.feeToAuthor = deltaIn != 0 ? fee : 0;
}

const I64_MAX: u64 = 0x7fffffffffffffff;
const I64_MIN_ABS: u64 = 0x8000000000000000;

/**
 * swap_tao_for_alpha / swap_alpha_for_tao (simulate = false) or the swap pallet's rolled-back
 * swap (simulate = true). On success without simulate the pool's reserves are updated and the
 * weight initialisation persists; prices before/after are recorded in r.
 */
export function swapOnPool(p: PoolState, buy: bool, amount: u64, limitRao: u64, dropFees: bool, simulate: bool, r: SwapResult): void {
  poolPrice(p); r.priceBeforeHi = bHi; r.priceBeforeLo = bLo;
  swapInner(p, buy, amount, limitRao, dropFees, simulate, r);
  if (r.error == OK && !simulate) {
    if (p.mechanism == 1 && !p.initialized) { p.quote = 500_000_000_000_000_000; p.initialized = true; }
    applySwapToReserves(p, buy, r);
  }
  poolPrice(p); r.priceAfterHi = bHi; r.priceAfterLo = bLo;
}

/**
 * pallet-subtensor's reserve bookkeeping after a swap, the same on every curve: the input reserve
 * grows by the amount paid in, the output reserve shrinks by the payout (each delta capped as the
 * pallet's i64 conversion caps it), and alpha out follows the alpha that left or entered the pool.
 */
export function applySwapToReserves(p: PoolState, buy: bool, r: SwapResult): void {
  const inDelta = r.paidIn > I64_MAX ? I64_MAX : r.paidIn;
  const outDelta = r.paidOut > I64_MIN_ABS ? I64_MIN_ABS : r.paidOut;
  if (buy) {
    p.alpha = satSub(p.alpha, outDelta);
    p.alphaOut = satAdd(p.alphaOut, r.paidOut);
    p.tao = satAdd(p.tao, inDelta);
  } else {
    p.alpha = satAdd(p.alpha, inDelta);
    p.alphaOut = satSub(p.alphaOut, inDelta);
    p.tao = satSub(p.tao, outDelta);
  }
}

/** get_max_amount_* on the root and stable subnets: everything or nothing at 1 TAO per alpha. */
export function stableMaxAmount(add: bool, limitRao: u64): u64 {
  if (add) return limitRao >= 1_000_000_000 ? u64.MAX_VALUE : 0;
  return limitRao <= 1_000_000_000 ? u64.MAX_VALUE : 0;
}

/** The order get_max_amount_* simulates at the limit: 1000 × the input reserve (saturating). */
export function maxAmountProbe(p: PoolState, add: bool): u64 {
  const res = add ? p.tao : p.alpha;
  return res > u64.MAX_VALUE / 1000 ? u64.MAX_VALUE : res * 1000;
}

/** get_max_amount_add (add) / get_max_amount_remove; error code in r.error. */
export function maxAmount(p: PoolState, add: bool, limitRao: u64, isRoot: bool, r: SwapResult): u64 {
  r.error = OK;
  if (isRoot || p.mechanism == 0) return stableMaxAmount(add, limitRao);
  swapInner(p, add, maxAmountProbe(p, add), limitRao, false, true, r);
  if (r.error != OK) return 0;
  return satAdd(r.paidIn, r.fee);
}
