// Entry points for the Balancer pool, its limit prices and weight updates, and the big-integer
// module under them (exposed so that hosts can test it against their own bignums). Header
// convention (boundary.json): a pool crosses as a block of layout `pool`; U64F64 values as
// `_lo`/`_hi` slot pairs; Bigs in their own layout (assembly/bigint/big.ts).

import { slot } from "./memory";
import { result, put, putBool, put128 } from "./result";
import { alloc, sz } from "../arena";
import { scratchBegin, smark, srelease } from "../bigint/scratch";
import { bigNew, blen, cmpMag, bigCmp, divRemMag, scratchLimbs, shlMag } from "../bigint/big";
import { sAdd, sSub, sMul, floorShr, floorDivSmall, roundShr } from "../bigint/signed";
import { powRatioScaled } from "../bigint/pow_ratio";
import { expScaled, limitDeltaIn, baseNeededForQuote, bHi, bLo, ACCURACY } from "../swap/balancer";
import { PoolState, SwapResult, swapOnPool, swapInner, maxAmount, poolPrice, satAdd } from "../swap/swap";
import { updateWeights, newQuote } from "../swap/weights";
import { maxAmountMove } from "../staking/max_move";
import {
  POOL_TAO, POOL_ALPHA, POOL_ALPHA_OUT, POOL_QUOTE, POOL_INITIALIZED, POOL_FEE_RATE, POOL_MINIMUM_RESERVE, POOL_MECHANISM, POOL_SLOTS,
  BI_ADD_IN_A, BI_ADD_IN_B, BI_ADD_OUT_RESULT, BI_ADD_OUT_SLOTS, BI_CMP_IN_A, BI_CMP_IN_B, BI_CMP_OUT_ORDER, BI_CMP_OUT_SLOTS,
  BI_DIVREM_IN_A, BI_DIVREM_IN_B, BI_DIVREM_OUT_QUOTIENT, BI_DIVREM_OUT_REMAINDER, BI_DIVREM_OUT_SLOTS,
  BI_SHL_IN_A, BI_SHL_IN_K, BI_SHL_OUT_RESULT, BI_SHL_OUT_SLOTS,
  BI_FLOOR_DIV_SMALL_IN_A, BI_FLOOR_DIV_SMALL_IN_M, BI_FLOOR_DIV_SMALL_OUT_RESULT, BI_FLOOR_DIV_SMALL_OUT_SLOTS,
  BI_POW_RATIO_IN_BASE_NUMERATOR, BI_POW_RATIO_IN_BASE_DENOMINATOR, BI_POW_RATIO_IN_EXPONENT_NUMERATOR, BI_POW_RATIO_IN_EXPONENT_DENOMINATOR,
  BI_POW_RATIO_IN_PRECISION, BI_POW_RATIO_IN_SCALE, BI_POW_RATIO_OUT_RESULT, BI_POW_RATIO_OUT_SLOTS,
  SW_PRICE_IN_QUOTE, SW_PRICE_IN_ALPHA, SW_PRICE_IN_TAO, SW_PRICE_IN_MECHANISM, SW_PRICE_OUT_PRICE_LO, SW_PRICE_OUT_PRICE_HI, SW_PRICE_OUT_SLOTS,
  SW_EXP_SCALED_IN_QUOTE, SW_EXP_SCALED_IN_RESERVE, SW_EXP_SCALED_IN_DELTA, SW_EXP_SCALED_IN_DELTA_NEGATIVE, SW_EXP_SCALED_IN_BASE_QUOTE,
  SW_EXP_SCALED_OUT_VALUE_LO, SW_EXP_SCALED_OUT_VALUE_HI, SW_EXP_SCALED_OUT_SLOTS,
  SW_LIMIT_DELTA_IN_BASE, SW_LIMIT_DELTA_IN_QUOTE, SW_LIMIT_DELTA_IN_CURRENT_LO, SW_LIMIT_DELTA_IN_CURRENT_HI, SW_LIMIT_DELTA_IN_TARGET_LO,
  SW_LIMIT_DELTA_IN_TARGET_HI, SW_LIMIT_DELTA_IN_RESERVE, SW_LIMIT_DELTA_OUT_DELTA, SW_LIMIT_DELTA_OUT_SLOTS,
  SW_BASE_NEEDED_IN_QUOTE, SW_BASE_NEEDED_IN_TAO, SW_BASE_NEEDED_IN_ALPHA, SW_BASE_NEEDED_IN_DELTA_TAO, SW_BASE_NEEDED_OUT_BASE, SW_BASE_NEEDED_OUT_SLOTS,
  SW_SWAP_IN_POOL, SW_SWAP_IN_BUY, SW_SWAP_IN_AMOUNT, SW_SWAP_IN_LIMIT_PRICE, SW_SWAP_IN_DROP_FEES, SW_SWAP_IN_SIMULATE,
  SW_SWAP_OUT_ERROR, SW_SWAP_OUT_PAID_IN, SW_SWAP_OUT_PAID_OUT, SW_SWAP_OUT_FEE, SW_SWAP_OUT_FEE_TO_AUTHOR, SW_SWAP_OUT_PRICE_BEFORE_LO,
  SW_SWAP_OUT_PRICE_BEFORE_HI, SW_SWAP_OUT_PRICE_AFTER_LO, SW_SWAP_OUT_PRICE_AFTER_HI, SW_SWAP_OUT_POOL_AFTER, SW_SWAP_OUT_SLOTS,
  SW_QUOTE_IN_POOL, SW_QUOTE_IN_BUY, SW_QUOTE_IN_AMOUNT, SW_QUOTE_IN_LIMIT_PRICE,
  SW_QUOTE_OUT_ERROR, SW_QUOTE_OUT_PAID_IN, SW_QUOTE_OUT_PAID_OUT, SW_QUOTE_OUT_FEE, SW_QUOTE_OUT_PRICE_BEFORE_LO, SW_QUOTE_OUT_PRICE_BEFORE_HI,
  SW_QUOTE_OUT_PRICE_AFTER_LO, SW_QUOTE_OUT_PRICE_AFTER_HI, SW_QUOTE_OUT_SLOTS,
  SW_QUOTE_BATCH_IN_POOL, SW_QUOTE_BATCH_IN_BUY, SW_QUOTE_BATCH_IN_AMOUNTS, SW_QUOTE_BATCH_IN_N, SW_QUOTE_BATCH_IN_LIMIT_PRICE,
  SW_QUOTE_BATCH_IN_DROP_FEES, SW_QUOTE_BATCH_OUT_ROWS, SW_QUOTE_BATCH_OUT_SLOTS,
  SW_MAX_AMOUNT_IN_POOL, SW_MAX_AMOUNT_IN_ADD, SW_MAX_AMOUNT_IN_LIMIT_PRICE, SW_MAX_AMOUNT_IN_IS_ROOT,
  SW_MAX_AMOUNT_OUT_ERROR, SW_MAX_AMOUNT_OUT_MAX_AMOUNT, SW_MAX_AMOUNT_OUT_SLOTS,
  SW_MAX_AMOUNT_MOVE_IN_ORIGIN, SW_MAX_AMOUNT_MOVE_IN_ORIGIN_IS_ROOT, SW_MAX_AMOUNT_MOVE_IN_DESTINATION, SW_MAX_AMOUNT_MOVE_IN_DESTINATION_IS_ROOT,
  SW_MAX_AMOUNT_MOVE_IN_LIMIT_PRICE, SW_MAX_AMOUNT_MOVE_OUT_ERROR, SW_MAX_AMOUNT_MOVE_OUT_MAX_AMOUNT, SW_MAX_AMOUNT_MOVE_OUT_SLOTS,
  SW_WEIGHT_UPDATE_IN_TAO, SW_WEIGHT_UPDATE_IN_ALPHA, SW_WEIGHT_UPDATE_IN_QUOTE, SW_WEIGHT_UPDATE_IN_TAO_DELTA, SW_WEIGHT_UPDATE_IN_ALPHA_DELTA,
  SW_WEIGHT_UPDATE_OUT_ACCEPTED, SW_WEIGHT_UPDATE_OUT_QUOTE, SW_WEIGHT_UPDATE_OUT_SLOTS,
} from "./layout";

// ---- big integers ----
function a(h: usize): usize { return <usize>slot(h, BI_ADD_IN_A); }
function b(h: usize): usize { return <usize>slot(h, BI_ADD_IN_B); }
function cap2(x: usize, y: usize): i32 { return (blen(x) > blen(y) ? blen(x) : blen(y)) + 2; }
function big(v: usize): usize { const o = result(BI_ADD_OUT_SLOTS); put(o, BI_ADD_OUT_RESULT, v); return o; }
function order(v: i32): usize { const o = result(BI_CMP_OUT_SLOTS); put(o, BI_CMP_OUT_ORDER, <u64>v); return o; }

export function bi_add(h: usize): usize { scratchBegin(); const d = bigNew(cap2(a(h), b(h))); sAdd(d, a(h), b(h)); return big(d); }
export function bi_sub(h: usize): usize { scratchBegin(); const d = bigNew(cap2(a(h), b(h))); sSub(d, a(h), b(h)); return big(d); }
export function bi_mul(h: usize): usize { scratchBegin(); const d = bigNew(blen(a(h)) + blen(b(h)) + 1); sMul(d, a(h), b(h)); return big(d); }
export function bi_cmp(h: usize): usize { return order(bigCmp(<usize>slot(h, BI_CMP_IN_A), <usize>slot(h, BI_CMP_IN_B))); }
export function bi_cmp_mag(h: usize): usize { return order(cmpMag(<usize>slot(h, BI_CMP_IN_A), <usize>slot(h, BI_CMP_IN_B))); }
/** Magnitudes. */
export function bi_divrem(h: usize): usize {
  scratchBegin();
  const x = <usize>slot(h, BI_DIVREM_IN_A), y = <usize>slot(h, BI_DIVREM_IN_B);
  const q = bigNew(blen(x) + 2), r = bigNew(blen(y) + 2);
  divRemMag(q, r, x, y, scratchLimbs(blen(x) + 1), scratchLimbs(blen(y)));
  const o = result(BI_DIVREM_OUT_SLOTS);
  put(o, BI_DIVREM_OUT_QUOTIENT, q); put(o, BI_DIVREM_OUT_REMAINDER, r);
  return o;
}
function shifted(h: usize): usize { return <usize>slot(h, BI_SHL_IN_A); }
function bits(h: usize): i32 { return <i32>slot(h, BI_SHL_IN_K); }
function shiftResult(v: usize): usize { const o = result(BI_SHL_OUT_SLOTS); put(o, BI_SHL_OUT_RESULT, v); return o; }
export function bi_shl(h: usize): usize { scratchBegin(); const x = shifted(h); const d = bigNew(blen(x) + (bits(h) >> 5) + 2); shlMag(d, x, bits(h)); return shiftResult(d); }
export function bi_floor_shr(h: usize): usize { scratchBegin(); const x = shifted(h); const d = bigNew(blen(x) + 1); floorShr(d, x, bits(h)); return shiftResult(d); }
export function bi_round_shr(h: usize): usize { scratchBegin(); const x = shifted(h); const d = bigNew(blen(x) + 1); roundShr(d, x, bits(h)); return shiftResult(d); }
export function bi_floor_div_small(h: usize): usize {
  scratchBegin();
  const x = <usize>slot(h, BI_FLOOR_DIV_SMALL_IN_A);
  const d = bigNew(blen(x) + 1);
  floorDivSmall(d, x, <u32>slot(h, BI_FLOOR_DIV_SMALL_IN_M));
  const o = result(BI_FLOOR_DIV_SMALL_OUT_SLOTS); put(o, BI_FLOOR_DIV_SMALL_OUT_RESULT, d);
  return o;
}
/** pow_ratio_scaled; result 0 for None. */
export function bi_pow_ratio(h: usize): usize {
  scratchBegin();
  const r = powRatioScaled(<usize>slot(h, BI_POW_RATIO_IN_BASE_NUMERATOR), <usize>slot(h, BI_POW_RATIO_IN_BASE_DENOMINATOR),
    slot(h, BI_POW_RATIO_IN_EXPONENT_NUMERATOR), slot(h, BI_POW_RATIO_IN_EXPONENT_DENOMINATOR),
    <i32>slot(h, BI_POW_RATIO_IN_PRECISION), <usize>slot(h, BI_POW_RATIO_IN_SCALE));
  const o = result(BI_POW_RATIO_OUT_SLOTS); put(o, BI_POW_RATIO_OUT_RESULT, r);
  return o;
}

// ---- Balancer primitives ----
export function sw_price(h: usize): usize {
  const p = new PoolState();
  p.quote = slot(h, SW_PRICE_IN_QUOTE); p.alpha = slot(h, SW_PRICE_IN_ALPHA); p.tao = slot(h, SW_PRICE_IN_TAO);
  p.mechanism = <u32>slot(h, SW_PRICE_IN_MECHANISM);
  poolPrice(p);
  const o = result(SW_PRICE_OUT_SLOTS); put128(o, SW_PRICE_OUT_PRICE_LO, SW_PRICE_OUT_PRICE_HI, bLo, bHi);
  return o;
}
export function sw_exp_scaled(h: usize): usize {
  scratchBegin();
  expScaled(slot(h, SW_EXP_SCALED_IN_QUOTE), slot(h, SW_EXP_SCALED_IN_RESERVE), slot(h, SW_EXP_SCALED_IN_DELTA),
    slot(h, SW_EXP_SCALED_IN_DELTA_NEGATIVE) != 0, slot(h, SW_EXP_SCALED_IN_BASE_QUOTE) != 0);
  const o = result(SW_EXP_SCALED_OUT_SLOTS); put128(o, SW_EXP_SCALED_OUT_VALUE_LO, SW_EXP_SCALED_OUT_VALUE_HI, bLo, bHi);
  return o;
}
/** base unset: calculate_quote_delta_in (TAO to buy up to target); set: calculate_base_delta_in. */
export function sw_limit_delta(h: usize): usize {
  scratchBegin();
  const quote = slot(h, SW_LIMIT_DELTA_IN_QUOTE), reserve = slot(h, SW_LIMIT_DELTA_IN_RESERVE);
  const curHi = slot(h, SW_LIMIT_DELTA_IN_CURRENT_HI), curLo = slot(h, SW_LIMIT_DELTA_IN_CURRENT_LO);
  const tgtHi = slot(h, SW_LIMIT_DELTA_IN_TARGET_HI), tgtLo = slot(h, SW_LIMIT_DELTA_IN_TARGET_LO);
  const d = slot(h, SW_LIMIT_DELTA_IN_BASE) == 0
    ? limitDeltaIn(ACCURACY - quote, tgtHi, tgtLo, curHi, curLo, reserve)
    : limitDeltaIn(quote, curHi, curLo, tgtHi, tgtLo, reserve);
  const o = result(SW_LIMIT_DELTA_OUT_SLOTS); put(o, SW_LIMIT_DELTA_OUT_DELTA, d);
  return o;
}
export function sw_base_needed(h: usize): usize {
  scratchBegin();
  const v = baseNeededForQuote(slot(h, SW_BASE_NEEDED_IN_QUOTE), slot(h, SW_BASE_NEEDED_IN_TAO), slot(h, SW_BASE_NEEDED_IN_ALPHA), slot(h, SW_BASE_NEEDED_IN_DELTA_TAO));
  const o = result(SW_BASE_NEEDED_OUT_SLOTS); put(o, SW_BASE_NEEDED_OUT_BASE, v);
  return o;
}

function readPool(p: usize): PoolState {
  const s = new PoolState();
  s.tao = slot(p, POOL_TAO); s.alpha = slot(p, POOL_ALPHA); s.alphaOut = slot(p, POOL_ALPHA_OUT); s.quote = slot(p, POOL_QUOTE);
  s.initialized = slot(p, POOL_INITIALIZED) != 0; s.feeRate = <u32>slot(p, POOL_FEE_RATE);
  s.minimumReserve = slot(p, POOL_MINIMUM_RESERVE); s.mechanism = <u32>slot(p, POOL_MECHANISM);
  return s;
}
function writePool(s: PoolState): usize {
  const p = result(POOL_SLOTS);
  put(p, POOL_TAO, s.tao); put(p, POOL_ALPHA, s.alpha); put(p, POOL_ALPHA_OUT, s.alphaOut); put(p, POOL_QUOTE, s.quote);
  putBool(p, POOL_INITIALIZED, s.initialized); put(p, POOL_FEE_RATE, <u64>s.feeRate);
  put(p, POOL_MINIMUM_RESERVE, s.minimumReserve); put(p, POOL_MECHANISM, <u64>s.mechanism);
  return p;
}

/** One swap, and the pool it leaves. */
export function sw_swap(h: usize): usize {
  scratchBegin();
  const p = readPool(<usize>slot(h, SW_SWAP_IN_POOL));
  const r = new SwapResult();
  swapOnPool(p, slot(h, SW_SWAP_IN_BUY) != 0, slot(h, SW_SWAP_IN_AMOUNT), slot(h, SW_SWAP_IN_LIMIT_PRICE),
    slot(h, SW_SWAP_IN_DROP_FEES) != 0, slot(h, SW_SWAP_IN_SIMULATE) != 0, r);
  const o = result(SW_SWAP_OUT_SLOTS);
  put(o, SW_SWAP_OUT_ERROR, <u64>r.error); put(o, SW_SWAP_OUT_PAID_IN, r.paidIn); put(o, SW_SWAP_OUT_PAID_OUT, r.paidOut);
  put(o, SW_SWAP_OUT_FEE, r.fee); put(o, SW_SWAP_OUT_FEE_TO_AUTHOR, r.feeToAuthor);
  put128(o, SW_SWAP_OUT_PRICE_BEFORE_LO, SW_SWAP_OUT_PRICE_BEFORE_HI, r.priceBeforeLo, r.priceBeforeHi);
  put128(o, SW_SWAP_OUT_PRICE_AFTER_LO, SW_SWAP_OUT_PRICE_AFTER_HI, r.priceAfterLo, r.priceAfterHi);
  put(o, SW_SWAP_OUT_POOL_AFTER, writePool(p));
  return o;
}

/** get_max_amount_add (add set) / get_max_amount_remove. */
export function sw_max_amount(h: usize): usize {
  scratchBegin();
  const r = new SwapResult();
  const m = maxAmount(readPool(<usize>slot(h, SW_MAX_AMOUNT_IN_POOL)), slot(h, SW_MAX_AMOUNT_IN_ADD) != 0,
    slot(h, SW_MAX_AMOUNT_IN_LIMIT_PRICE), slot(h, SW_MAX_AMOUNT_IN_IS_ROOT) != 0, r);
  const o = result(SW_MAX_AMOUNT_OUT_SLOTS); put(o, SW_MAX_AMOUNT_OUT_ERROR, <u64>r.error); put(o, SW_MAX_AMOUNT_OUT_MAX_AMOUNT, m);
  return o;
}

/** adjust_protocol_liquidity's weight update. */
export function sw_weight_update(h: usize): usize {
  scratchBegin();
  const quote = slot(h, SW_WEIGHT_UPDATE_IN_QUOTE);
  const ok = updateWeights(quote, slot(h, SW_WEIGHT_UPDATE_IN_TAO), slot(h, SW_WEIGHT_UPDATE_IN_ALPHA),
    slot(h, SW_WEIGHT_UPDATE_IN_TAO_DELTA), slot(h, SW_WEIGHT_UPDATE_IN_ALPHA_DELTA));
  const o = result(SW_WEIGHT_UPDATE_OUT_SLOTS); putBool(o, SW_WEIGHT_UPDATE_OUT_ACCEPTED, ok); put(o, SW_WEIGHT_UPDATE_OUT_QUOTE, ok ? newQuote : quote);
  return o;
}

/** Quotes for many amounts on one pool in one call (simulated swaps, nothing persists). */
export function sw_quote_batch(h: usize): usize {
  scratchBegin();
  const p = readPool(<usize>slot(h, SW_QUOTE_BATCH_IN_POOL));
  const buy = slot(h, SW_QUOTE_BATCH_IN_BUY) != 0, dropFees = slot(h, SW_QUOTE_BATCH_IN_DROP_FEES) != 0;
  const limitRao = slot(h, SW_QUOTE_BATCH_IN_LIMIT_PRICE);
  const amounts = <usize>slot(h, SW_QUOTE_BATCH_IN_AMOUNTS), n = <i32>slot(h, SW_QUOTE_BATCH_IN_N);
  const rows = alloc(sz(n) << 5);
  const r = new SwapResult();
  const mark = smark();
  for (let i = 0; i < n; i++) {
    swapInner(p, buy, load<u64>(amounts + (<usize>i << 3)), limitRao, dropFees, true, r);
    const at = rows + (<usize>i << 5);
    store<u64>(at, <u64>r.error); store<u64>(at, r.paidIn, 8); store<u64>(at, r.paidOut, 16); store<u64>(at, r.fee, 24);
    srelease(mark);
  }
  const o = result(SW_QUOTE_BATCH_OUT_SLOTS); put(o, SW_QUOTE_BATCH_OUT_ROWS, rows);
  return o;
}

/** A quote: the simulated swap plus the price the pool would show after it (the reserves a committed swap would leave). */
export function sw_quote(h: usize): usize {
  scratchBegin();
  const p = readPool(<usize>slot(h, SW_QUOTE_IN_POOL));
  const buy = slot(h, SW_QUOTE_IN_BUY) != 0;
  const r = new SwapResult();
  swapInner(p, buy, slot(h, SW_QUOTE_IN_AMOUNT), slot(h, SW_QUOTE_IN_LIMIT_PRICE), false, true, r);
  const o = result(SW_QUOTE_OUT_SLOTS);
  put(o, SW_QUOTE_OUT_ERROR, <u64>r.error); put(o, SW_QUOTE_OUT_PAID_IN, r.paidIn); put(o, SW_QUOTE_OUT_PAID_OUT, r.paidOut); put(o, SW_QUOTE_OUT_FEE, r.fee);
  poolPrice(p); put128(o, SW_QUOTE_OUT_PRICE_BEFORE_LO, SW_QUOTE_OUT_PRICE_BEFORE_HI, bLo, bHi);
  if (r.error == 0) {
    if (!p.initialized) { p.quote = 500_000_000_000_000_000; p.initialized = true; }
    if (buy) { p.tao = satAdd(p.tao, r.paidIn); p.alpha = p.alpha > r.paidOut ? p.alpha - r.paidOut : 0; }
    else { p.alpha = satAdd(p.alpha, r.paidIn); p.tao = p.tao > r.paidOut ? p.tao - r.paidOut : 0; }
    poolPrice(p);
  }
  put128(o, SW_QUOTE_OUT_PRICE_AFTER_LO, SW_QUOTE_OUT_PRICE_AFTER_HI, bLo, bHi);
  return o;
}

/** get_max_amount_move(origin, destination, limit). */
export function sw_max_amount_move(h: usize): usize {
  scratchBegin();
  const r = new SwapResult();
  const m = maxAmountMove(readPool(<usize>slot(h, SW_MAX_AMOUNT_MOVE_IN_ORIGIN)), slot(h, SW_MAX_AMOUNT_MOVE_IN_ORIGIN_IS_ROOT) != 0,
    readPool(<usize>slot(h, SW_MAX_AMOUNT_MOVE_IN_DESTINATION)), slot(h, SW_MAX_AMOUNT_MOVE_IN_DESTINATION_IS_ROOT) != 0,
    slot(h, SW_MAX_AMOUNT_MOVE_IN_LIMIT_PRICE), r);
  const o = result(SW_MAX_AMOUNT_MOVE_OUT_SLOTS); put(o, SW_MAX_AMOUNT_MOVE_OUT_ERROR, <u64>r.error); put(o, SW_MAX_AMOUNT_MOVE_OUT_MAX_AMOUNT, m);
  return o;
}
