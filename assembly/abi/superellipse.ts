// Entry points for the runtime-473 superellipse pool (assembly/swap/superellipse*.ts), header
// convention (boundary.json): an ellipse crosses as a block of layout `ellipse`, a 473 pool as a
// block of layout `pool_473`. Curve errors come back as a code: 0 none, 1 InvalidParameters,
// 2 Overflow, 3 OutsideDomain, 4 InsufficientReserves; swap errors as abi/swap.ts's codes plus
// 5 ReservesOutOfBalance.

import { slot } from "./memory";
import { result, put, putBool, put128 } from "./result";
import { alloc, sz } from "../arena";
import * as L from "./layout";
import { scratchBegin } from "../bigint/scratch";
import { bigNew, blen } from "../bigint/big";
import { sqrtFloor, sqrtFloorFromPow2 } from "../bigint/u512";
import { price as balancerPrice, bHi, bLo } from "../swap/balancer";
import { SwapResult } from "../swap/swap";
import {
  Ellipse, prepare, eErr, pHi, pLo, fromWeights, fromPrice, calculatePrice, tradeOutput, maxInput,
  deltaToPrice, deltaToPriceBisect, baseNeededForQuote, translateLiquidity,
} from "../swap/superellipse";
import { Pool473, swapOnPool473, quoteBatch473, maxAmount473, migrate473, spotPrice473, spHi, spLo } from "../swap/superellipse_swap";

function ellipseOf(p: usize): Ellipse {
  const e = new Ellipse();
  e.aLo = slot(p, L.ELL_ALPHA_SCALE_LO); e.aHi = slot(p, L.ELL_ALPHA_SCALE_HI);
  e.bLo = slot(p, L.ELL_TAO_SCALE_LO); e.bHi = slot(p, L.ELL_TAO_SCALE_HI);
  e.caLo = slot(p, L.ELL_CENTER_ALPHA_LO); e.caHi = slot(p, L.ELL_CENTER_ALPHA_HI);
  e.ctLo = slot(p, L.ELL_CENTER_TAO_LO); e.ctHi = slot(p, L.ELL_CENTER_TAO_HI);
  prepare(e);
  return e;
}
/** A fresh ellipse block: the ellipse when `ok`, zero otherwise. */
function ellipseBlock(e: Ellipse, ok: bool): usize {
  const p = result(L.ELL_SLOTS);
  if (ok) {
    put128(p, L.ELL_ALPHA_SCALE_LO, L.ELL_ALPHA_SCALE_HI, e.aLo, e.aHi);
    put128(p, L.ELL_TAO_SCALE_LO, L.ELL_TAO_SCALE_HI, e.bLo, e.bHi);
    put128(p, L.ELL_CENTER_ALPHA_LO, L.ELL_CENTER_ALPHA_HI, e.caLo, e.caHi);
    put128(p, L.ELL_CENTER_TAO_LO, L.ELL_CENTER_TAO_HI, e.ctLo, e.ctHi);
  }
  return p;
}

function readPool473(b: usize): Pool473 {
  const p = new Pool473();
  const s = p.pool;
  s.tao = slot(b, L.SEPOOL_TAO); s.alpha = slot(b, L.SEPOOL_ALPHA); s.alphaOut = slot(b, L.SEPOOL_ALPHA_OUT); s.quote = slot(b, L.SEPOOL_QUOTE);
  s.initialized = slot(b, L.SEPOOL_INITIALIZED) != 0; s.feeRate = <u32>slot(b, L.SEPOOL_FEE_RATE);
  s.minimumReserve = slot(b, L.SEPOOL_MINIMUM_RESERVE); s.mechanism = <u32>slot(b, L.SEPOOL_MECHANISM);
  p.hasEllipse = slot(b, L.SEPOOL_HAS_ELLIPSE) != 0;
  if (p.hasEllipse) {
    const e = p.ellipse;
    e.aLo = slot(b, L.SEPOOL_ALPHA_SCALE_LO); e.aHi = slot(b, L.SEPOOL_ALPHA_SCALE_HI);
    e.bLo = slot(b, L.SEPOOL_TAO_SCALE_LO); e.bHi = slot(b, L.SEPOOL_TAO_SCALE_HI);
    e.caLo = slot(b, L.SEPOOL_CENTER_ALPHA_LO); e.caHi = slot(b, L.SEPOOL_CENTER_ALPHA_HI);
    e.ctLo = slot(b, L.SEPOOL_CENTER_TAO_LO); e.ctHi = slot(b, L.SEPOOL_CENTER_TAO_HI);
    prepare(e);
  }
  return p;
}
function pool473Block(p: Pool473): usize {
  const b = result(L.SEPOOL_SLOTS);
  const s = p.pool;
  put(b, L.SEPOOL_TAO, s.tao); put(b, L.SEPOOL_ALPHA, s.alpha); put(b, L.SEPOOL_ALPHA_OUT, s.alphaOut); put(b, L.SEPOOL_QUOTE, s.quote);
  putBool(b, L.SEPOOL_INITIALIZED, s.initialized); put(b, L.SEPOOL_FEE_RATE, <u64>s.feeRate);
  put(b, L.SEPOOL_MINIMUM_RESERVE, s.minimumReserve); put(b, L.SEPOOL_MECHANISM, <u64>s.mechanism);
  putBool(b, L.SEPOOL_HAS_ELLIPSE, p.hasEllipse);
  if (p.hasEllipse) {
    const e = p.ellipse;
    put128(b, L.SEPOOL_ALPHA_SCALE_LO, L.SEPOOL_ALPHA_SCALE_HI, e.aLo, e.aHi);
    put128(b, L.SEPOOL_TAO_SCALE_LO, L.SEPOOL_TAO_SCALE_HI, e.bLo, e.bHi);
    put128(b, L.SEPOOL_CENTER_ALPHA_LO, L.SEPOOL_CENTER_ALPHA_HI, e.caLo, e.caHi);
    put128(b, L.SEPOOL_CENTER_TAO_LO, L.SEPOOL_CENTER_TAO_HI, e.ctLo, e.ctHi);
  }
  return b;
}

// ---- the curve ----
/** The curve's error and a new ellipse (se_from_weights's output header, shared by se_from_price and se_translate). */
function curveEllipse(e: Ellipse, ok: bool): usize {
  const o = result(L.SE_FROM_WEIGHTS_OUT_SLOTS);
  put(o, L.SE_FROM_WEIGHTS_OUT_ERROR, <u64>eErr); put(o, L.SE_FROM_WEIGHTS_OUT_ELLIPSE, ellipseBlock(e, ok));
  return o;
}
export function se_from_weights(h: usize): usize {
  scratchBegin();
  const e = new Ellipse();
  fromWeights(slot(h, L.SE_FROM_WEIGHTS_IN_ALPHA), slot(h, L.SE_FROM_WEIGHTS_IN_TAO), slot(h, L.SE_FROM_WEIGHTS_IN_WEIGHT), e);
  return curveEllipse(e, eErr == 0);
}
export function se_from_price(h: usize): usize {
  scratchBegin();
  const e = new Ellipse();
  fromPrice(slot(h, L.SE_FROM_PRICE_IN_ALPHA), slot(h, L.SE_FROM_PRICE_IN_TAO), slot(h, L.SE_FROM_PRICE_IN_PRICE_HI), slot(h, L.SE_FROM_PRICE_IN_PRICE_LO), e);
  return curveEllipse(e, eErr == 0);
}
export function se_price(h: usize): usize {
  scratchBegin();
  calculatePrice(ellipseOf(<usize>slot(h, L.SE_PRICE_IN_ELLIPSE)), slot(h, L.SE_PRICE_IN_ALPHA), slot(h, L.SE_PRICE_IN_TAO));
  const o = result(L.SE_PRICE_OUT_SLOTS);
  put(o, L.SE_PRICE_OUT_ERROR, <u64>eErr);
  if (eErr == 0) put128(o, L.SE_PRICE_OUT_PRICE_LO, L.SE_PRICE_OUT_PRICE_HI, pLo, pHi);
  return o;
}
/**
 * One exact-input curve function: 0 buy_output, 1 sell_output (arg_lo = input), 2 max buy input,
 * 3 max sell input (arg = reserve floor), 4 quote_delta_to_price, 5 base_delta_to_price
 * (arg/argHi = U64F64 target), 6 base_needed_for_quote (arg = output); 7 and 8 are 4 and 5 by
 * the chain's own full bisection (every probe as the chain makes it); 9 and 10 are 0 and 1 by the
 * chain's division and square root (no fast path). Output: error and the value.
 */
export function se_trade(h: usize): usize {
  scratchBegin();
  const e = ellipseOf(<usize>slot(h, L.SE_TRADE_IN_ELLIPSE));
  const alpha = slot(h, L.SE_TRADE_IN_ALPHA), tao = slot(h, L.SE_TRADE_IN_TAO);
  const arg = slot(h, L.SE_TRADE_IN_ARG_LO), argHi = slot(h, L.SE_TRADE_IN_ARG_HI);
  let v: u64 = 0;
  switch (<i32>slot(h, L.SE_TRADE_IN_FUNCTION)) {
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
  const o = result(L.SE_TRADE_OUT_SLOTS);
  put(o, L.SE_TRADE_OUT_ERROR, <u64>eErr); put(o, L.SE_TRADE_OUT_VALUE, eErr == 0 ? v : 0);
  return o;
}
export function se_translate(h: usize): usize {
  scratchBegin();
  const e = ellipseOf(<usize>slot(h, L.SE_TRANSLATE_IN_ELLIPSE));
  const ok = translateLiquidity(e, slot(h, L.SE_TRANSLATE_IN_ALPHA_DELTA), slot(h, L.SE_TRANSLATE_IN_TAO_DELTA));
  return curveEllipse(e, ok);
}
/** The floor square root of a Big below 2^512. */
export function se_sqrt(h: usize): usize {
  scratchBegin();
  const v = <usize>slot(h, L.SE_SQRT_IN_VALUE);
  const d = bigNew(blen(v) + 2);
  if (slot(h, L.SE_SQRT_IN_FROM_POW2) != 0) sqrtFloorFromPow2(d, v); else sqrtFloor(d, v);
  const o = result(L.SE_SQRT_OUT_SLOTS); put(o, L.SE_SQRT_OUT_ROOT, d);
  return o;
}

// ---- the pool ----
/** Spot price (current_alpha_price). */
export function se_spot(h: usize): usize {
  scratchBegin();
  spotPrice473(readPool473(<usize>slot(h, L.SE_SPOT_IN_POOL)));
  const o = result(L.SE_SPOT_OUT_SLOTS); put128(o, L.SE_SPOT_OUT_PRICE_LO, L.SE_SPOT_OUT_PRICE_HI, spLo, spHi);
  return o;
}

export function se_swap(h: usize): usize {
  scratchBegin();
  const p = readPool473(<usize>slot(h, L.SE_SWAP_IN_POOL));
  const r = new SwapResult();
  swapOnPool473(p, slot(h, L.SE_SWAP_IN_BUY) != 0, slot(h, L.SE_SWAP_IN_AMOUNT), slot(h, L.SE_SWAP_IN_LIMIT_PRICE),
    slot(h, L.SE_SWAP_IN_DROP_FEES) != 0, slot(h, L.SE_SWAP_IN_SIMULATE) != 0, r);
  const o = result(L.SE_SWAP_OUT_SLOTS);
  put(o, L.SE_SWAP_OUT_ERROR, <u64>r.error); put(o, L.SE_SWAP_OUT_PAID_IN, r.paidIn); put(o, L.SE_SWAP_OUT_PAID_OUT, r.paidOut);
  put(o, L.SE_SWAP_OUT_FEE, r.fee); put(o, L.SE_SWAP_OUT_FEE_TO_AUTHOR, r.feeToAuthor);
  put128(o, L.SE_SWAP_OUT_PRICE_BEFORE_LO, L.SE_SWAP_OUT_PRICE_BEFORE_HI, r.priceBeforeLo, r.priceBeforeHi);
  put128(o, L.SE_SWAP_OUT_PRICE_AFTER_LO, L.SE_SWAP_OUT_PRICE_AFTER_HI, r.priceAfterLo, r.priceAfterHi);
  put(o, L.SE_SWAP_OUT_POOL_AFTER, pool473Block(p));
  return o;
}

/** A quote: the simulated swap and the price the pool would show after it had committed. */
export function se_quote(h: usize): usize {
  scratchBegin();
  const p = readPool473(<usize>slot(h, L.SE_QUOTE_IN_POOL));
  const r = new SwapResult();
  const o = result(L.SE_QUOTE_OUT_SLOTS);
  spotPrice473(p); put128(o, L.SE_QUOTE_OUT_PRICE_BEFORE_LO, L.SE_QUOTE_OUT_PRICE_BEFORE_HI, spLo, spHi);
  swapOnPool473(p, slot(h, L.SE_QUOTE_IN_BUY) != 0, slot(h, L.SE_QUOTE_IN_AMOUNT), slot(h, L.SE_QUOTE_IN_LIMIT_PRICE), false, false, r);
  put(o, L.SE_QUOTE_OUT_ERROR, <u64>r.error); put(o, L.SE_QUOTE_OUT_PAID_IN, r.paidIn); put(o, L.SE_QUOTE_OUT_PAID_OUT, r.paidOut); put(o, L.SE_QUOTE_OUT_FEE, r.fee);
  put128(o, L.SE_QUOTE_OUT_PRICE_AFTER_LO, L.SE_QUOTE_OUT_PRICE_AFTER_HI, r.priceAfterLo, r.priceAfterHi);
  return o;
}

/** Quotes for many amounts on one pool (simulated swaps). */
export function se_quote_batch(h: usize): usize {
  scratchBegin();
  const n = <i32>slot(h, L.SE_QUOTE_BATCH_IN_N);
  const rows = alloc(sz(n) << 5);
  quoteBatch473(readPool473(<usize>slot(h, L.SE_QUOTE_BATCH_IN_POOL)), slot(h, L.SE_QUOTE_BATCH_IN_BUY) != 0, <usize>slot(h, L.SE_QUOTE_BATCH_IN_AMOUNTS), n,
    slot(h, L.SE_QUOTE_BATCH_IN_LIMIT_PRICE), slot(h, L.SE_QUOTE_BATCH_IN_DROP_FEES) != 0, rows);
  const o = result(L.SE_QUOTE_BATCH_OUT_SLOTS); put(o, L.SE_QUOTE_BATCH_OUT_ROWS, rows);
  return o;
}

/** get_max_amount_add (add set) / get_max_amount_remove on a 473 pool. */
export function se_max_amount(h: usize): usize {
  scratchBegin();
  const r = new SwapResult();
  const m = maxAmount473(readPool473(<usize>slot(h, L.SE_MAX_AMOUNT_IN_POOL)), slot(h, L.SE_MAX_AMOUNT_IN_ADD) != 0,
    slot(h, L.SE_MAX_AMOUNT_IN_LIMIT_PRICE), slot(h, L.SE_MAX_AMOUNT_IN_IS_ROOT) != 0, r);
  const o = result(L.SE_MAX_AMOUNT_OUT_SLOTS); put(o, L.SE_MAX_AMOUNT_OUT_ERROR, <u64>r.error); put(o, L.SE_MAX_AMOUNT_OUT_MAX_AMOUNT, m);
  return o;
}

/** migrate_balancer_to_superellipse on one subnet. */
export function se_migrate(h: usize): usize {
  scratchBegin();
  const p = readPool473(<usize>slot(h, L.SE_MIGRATE_IN_POOL));
  const o = result(L.SE_MIGRATE_OUT_SLOTS);
  const s = p.pool;
  balancerPrice(s.quote, s.alpha, s.tao); put128(o, L.SE_MIGRATE_OUT_BALANCER_PRICE_LO, L.SE_MIGRATE_OUT_BALANCER_PRICE_HI, bLo, bHi);
  spotPrice473(p); put128(o, L.SE_MIGRATE_OUT_PRICE_BEFORE_LO, L.SE_MIGRATE_OUT_PRICE_BEFORE_HI, spLo, spHi);
  const complete = migrate473(p, slot(h, L.SE_MIGRATE_IN_CANDIDATE) != 0, slot(h, L.SE_MIGRATE_IN_EXISTS) != 0);
  spotPrice473(p); put128(o, L.SE_MIGRATE_OUT_PRICE_AFTER_LO, L.SE_MIGRATE_OUT_PRICE_AFTER_HI, spLo, spHi);
  putBool(o, L.SE_MIGRATE_OUT_COMPLETE, complete);
  put(o, L.SE_MIGRATE_OUT_POOL_AFTER, pool473Block(p));
  return o;
}
