// Entry points for the runtime-473 superellipse pool (assembly/swap/superellipse*.ts). An ellipse
// crosses as 8 u64 slots: alpha_scale lo/hi, tao_scale lo/hi, center_alpha lo/hi, center_tao
// lo/hi (i128 in two's complement). A 473 pool crosses as 17 slots: the 8 slots of a Balancer-era
// pool (abi/swap.ts), a has-ellipse flag, then the ellipse. Curve errors come back as a code:
// 0 none, 1 InvalidParameters, 2 Overflow, 3 OutsideDomain, 4 InsufficientReserves; swap errors
// as abi/swap.ts's codes plus 5 ReservesOutOfBalance.

import { newHeader, setSlot, slot } from "./memory";
import { scratchBegin, smark, srelease } from "../bigint/scratch";
import { bigNew, blen } from "../bigint/big";
import { sqrtFloor, sqrtFloorFromPow2 } from "../bigint/u512";
import { price as balancerPrice, bHi, bLo } from "../swap/balancer";
import { SwapResult } from "../swap/swap";
import {
  Ellipse, prepare, eErr, pHi, pLo, fromWeights, fromPrice, calculatePrice, tradeOutput, maxInput,
  deltaToPrice, deltaToPriceBisect, baseNeededForQuote, translateLiquidity,
} from "../swap/superellipse";
import { Pool473, swapOnPool473, quoteBatch473, maxAmount473, migrate473, spotPrice473, spHi, spLo } from "../swap/superellipse_swap";

function readEllipse(h: usize, at: i32, e: Ellipse): void {
  e.aLo = slot(h, at); e.aHi = slot(h, at + 1); e.bLo = slot(h, at + 2); e.bHi = slot(h, at + 3);
  e.caLo = slot(h, at + 4); e.caHi = slot(h, at + 5); e.ctLo = slot(h, at + 6); e.ctHi = slot(h, at + 7);
  prepare(e);
}
function writeEllipse(h: usize, at: i32, e: Ellipse): void {
  setSlot(h, at, e.aLo); setSlot(h, at + 1, e.aHi); setSlot(h, at + 2, e.bLo); setSlot(h, at + 3, e.bHi);
  setSlot(h, at + 4, e.caLo); setSlot(h, at + 5, e.caHi); setSlot(h, at + 6, e.ctLo); setSlot(h, at + 7, e.ctHi);
}
function ellipseOf(h: usize): Ellipse { const e = new Ellipse(); readEllipse(h, 0, e); return e; }

function readPool473(h: usize): Pool473 {
  const p = new Pool473();
  const s = p.pool;
  s.tao = slot(h, 0); s.alpha = slot(h, 1); s.alphaOut = slot(h, 2); s.quote = slot(h, 3);
  s.initialized = slot(h, 4) != 0; s.feeRate = <u32>slot(h, 5); s.minimumReserve = slot(h, 6);
  s.mechanism = <u32>slot(h, 7);
  p.hasEllipse = slot(h, 8) != 0;
  if (p.hasEllipse) readEllipse(h, 9, p.ellipse);
  return p;
}
function writePool473(h: usize, at: i32, p: Pool473): void {
  const s = p.pool;
  setSlot(h, at, s.tao); setSlot(h, at + 1, s.alpha); setSlot(h, at + 2, s.alphaOut); setSlot(h, at + 3, s.quote);
  setSlot(h, at + 4, s.initialized ? 1 : 0); setSlot(h, at + 5, <u64>s.feeRate); setSlot(h, at + 6, s.minimumReserve);
  setSlot(h, at + 7, <u64>s.mechanism); setSlot(h, at + 8, p.hasEllipse ? 1 : 0);
  if (p.hasEllipse) writeEllipse(h, at + 9, p.ellipse);
}

// ---- the curve ----
/** from_weights: header [error, ellipse (8)]. */
export function se_from_weights(alpha: u64, tao: u64, weight: u64): usize {
  scratchBegin();
  const e = new Ellipse();
  fromWeights(alpha, tao, weight, e);
  const h = newHeader(9); setSlot(h, 0, <u64>eErr);
  if (eErr == 0) writeEllipse(h, 1, e);
  return h;
}
/** from_price: header [error, ellipse (8)]. */
export function se_from_price(alpha: u64, tao: u64, priceLo: u64, priceHi: u64): usize {
  scratchBegin();
  const e = new Ellipse();
  fromPrice(alpha, tao, priceHi, priceLo, e);
  const h = newHeader(9); setSlot(h, 0, <u64>eErr);
  if (eErr == 0) writeEllipse(h, 1, e);
  return h;
}
/** calculate_price: header [error, price lo, price hi]. */
export function se_price(ellH: usize, alpha: u64, tao: u64): usize {
  scratchBegin();
  calculatePrice(ellipseOf(ellH), alpha, tao);
  const h = newHeader(3); setSlot(h, 0, <u64>eErr);
  if (eErr == 0) { setSlot(h, 1, pLo); setSlot(h, 2, pHi); }
  return h;
}
/**
 * One exact-input curve function: 0 buy_output, 1 sell_output (arg = input), 2 max buy input,
 * 3 max sell input (arg = reserve floor), 4 quote_delta_to_price, 5 base_delta_to_price
 * (arg/argHi = U64F64 target), 6 base_needed_for_quote (arg = output); 7 and 8 are 4 and 5 by
 * the chain's own full bisection (every probe as the chain makes it); 9 and 10 are 0 and 1 by the
 * chain's division and square root (no fast path). Header [error, result].
 */
export function se_trade(fn: i32, ellH: usize, alpha: u64, tao: u64, arg: u64, argHi: u64): usize {
  scratchBegin();
  const e = ellipseOf(ellH);
  let v: u64 = 0;
  switch (fn) {
    case 0: v = tradeOutput(e, alpha, tao, arg, true); break;
    case 1: v = tradeOutput(e, alpha, tao, arg, false); break;
    case 2: v = maxInput(e, alpha, tao, true, arg); break;
    case 3: v = maxInput(e, alpha, tao, false, arg); break;
    case 4: v = deltaToPrice(e, alpha, tao, argHi, arg, true); break;
    case 5: v = deltaToPrice(e, alpha, tao, argHi, arg, false); break;
    case 7: v = deltaToPriceBisect(e, alpha, tao, argHi, arg, true); break;
    case 8: v = deltaToPriceBisect(e, alpha, tao, argHi, arg, false); break;
    case 9: v = tradeOutput(e, alpha, tao, arg, true, true); break;
    case 10: v = tradeOutput(e, alpha, tao, arg, false, true); break;
    default: v = baseNeededForQuote(e, alpha, tao, arg);
  }
  const h = newHeader(2); setSlot(h, 0, <u64>eErr); setSlot(h, 1, eErr == 0 ? v : 0);
  return h;
}
/** translate_liquidity: header [error, ellipse (8)]. */
export function se_translate(ellH: usize, alphaDelta: u64, taoDelta: u64): usize {
  scratchBegin();
  const e = ellipseOf(ellH);
  const ok = translateLiquidity(e, alphaDelta, taoDelta);
  const h = newHeader(9); setSlot(h, 0, <u64>eErr);
  if (ok) writeEllipse(h, 1, e);
  return h;
}
/** The floor square root of a Big below 2^512 (fromPow2: the chain's own starting point). */
export function se_sqrt(v: usize, fromPow2: i32): usize {
  scratchBegin();
  const d = bigNew(blen(v) + 2);
  if (fromPow2 != 0) sqrtFloorFromPow2(d, v); else sqrtFloor(d, v);
  return d;
}

// ---- the pool ----
/** Spot price (current_alpha_price): header [lo, hi]. */
export function se_spot(poolH: usize): usize {
  scratchBegin();
  spotPrice473(readPool473(poolH));
  const h = newHeader(2); setSlot(h, 0, spLo); setSlot(h, 1, spHi);
  return h;
}

/** One swap: header [error, paid_in, paid_out, fee, fee_to_author, price_before lo/hi, price_after lo/hi, pool after (17)]. */
export function se_swap(poolH: usize, buy: i32, amount: u64, limitRao: u64, dropFees: i32, simulate: i32): usize {
  scratchBegin();
  const p = readPool473(poolH);
  const r = new SwapResult();
  swapOnPool473(p, buy != 0, amount, limitRao, dropFees != 0, simulate != 0, r);
  const h = newHeader(26);
  setSlot(h, 0, <u64>r.error); setSlot(h, 1, r.paidIn); setSlot(h, 2, r.paidOut); setSlot(h, 3, r.fee);
  setSlot(h, 4, r.feeToAuthor); setSlot(h, 5, r.priceBeforeLo); setSlot(h, 6, r.priceBeforeHi);
  setSlot(h, 7, r.priceAfterLo); setSlot(h, 8, r.priceAfterHi);
  writePool473(h, 9, p);
  return h;
}

/**
 * A quote: the simulated swap and the price the pool would show after it had committed:
 * header [error, paid_in, paid_out, fee, price_before lo/hi, price_after lo/hi].
 */
export function se_quote(poolH: usize, buy: i32, amount: u64, limitRao: u64): usize {
  scratchBegin();
  const p = readPool473(poolH);
  const r = new SwapResult();
  const h = newHeader(8);
  spotPrice473(p); setSlot(h, 4, spLo); setSlot(h, 5, spHi);
  swapOnPool473(p, buy != 0, amount, limitRao, false, false, r);
  setSlot(h, 0, <u64>r.error); setSlot(h, 1, r.paidIn); setSlot(h, 2, r.paidOut); setSlot(h, 3, r.fee);
  setSlot(h, 6, r.priceAfterLo); setSlot(h, 7, r.priceAfterHi);
  return h;
}

/** Quotes for many amounts on one pool (simulated swaps): [error, paid_in, paid_out, fee] per amount into `out`. */
export function se_quote_batch(poolH: usize, buy: i32, amounts: usize, n: i32, limitRao: u64, dropFees: i32, out: usize): void {
  scratchBegin();
  quoteBatch473(readPool473(poolH), buy != 0, amounts, n, limitRao, dropFees != 0, out);
}

/** get_max_amount_add (add != 0) / get_max_amount_remove on a 473 pool: header [error, max]. */
export function se_max_amount(poolH: usize, add: i32, limitRao: u64, isRoot: i32): usize {
  scratchBegin();
  const r = new SwapResult();
  const m = maxAmount473(readPool473(poolH), add != 0, limitRao, isRoot != 0, r);
  const h = newHeader(2); setSlot(h, 0, <u64>r.error); setSlot(h, 1, m);
  return h;
}

/**
 * migrate_balancer_to_superellipse on one subnet: header [complete, balancer price lo/hi,
 * price before lo/hi, price after lo/hi, pool after (17)].
 */
export function se_migrate(poolH: usize, candidate: i32, exists: i32): usize {
  scratchBegin();
  const p = readPool473(poolH);
  const h = newHeader(24);
  const s = p.pool;
  balancerPrice(s.quote, s.alpha, s.tao); setSlot(h, 1, bLo); setSlot(h, 2, bHi);
  spotPrice473(p); setSlot(h, 3, spLo); setSlot(h, 4, spHi);
  const complete = migrate473(p, candidate != 0, exists != 0);
  spotPrice473(p); setSlot(h, 5, spLo); setSlot(h, 6, spHi);
  setSlot(h, 0, complete ? 1 : 0);
  writePool473(h, 7, p);
  return h;
}

