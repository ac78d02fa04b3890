// Entry points for the Balancer pool, its limit prices and weight updates, and the big-integer
// module under them (exposed so that hosts can test it against their own bignums). Pools cross as
// an 8-slot u64 header: tao, alpha, alpha_out, quote, initialized, fee_rate, minimum_reserve,
// mechanism. U64F64 values cross as (lo, hi) slot pairs. Bigs cross in their own layout
// (assembly/bigint/big.ts).

import { newHeader, setSlot, slot } from "./memory";
import { scratchBegin, smark, srelease } from "../bigint/scratch";
import { bigNew, blen, cmpMag, bigCmp, divRemMag, scratchLimbs, shlMag } from "../bigint/big";
import { sAdd, sSub, sMul, floorShr, floorDivSmall, roundShr } from "../bigint/signed";
import { powRatioScaled } from "../bigint/pow_ratio";
import { expScaled, limitDeltaIn, baseNeededForQuote, bHi, bLo, ACCURACY } from "../swap/balancer";
import { PoolState, SwapResult, swapOnPool, swapInner, maxAmount, poolPrice, satAdd } from "../swap/swap";
import { updateWeights, newQuote } from "../swap/weights";
import { maxAmountMove } from "../staking/max_move";

// ---- big integers ----
function cap2(a: usize, b: usize): i32 { return (blen(a) > blen(b) ? blen(a) : blen(b)) + 2; }
export function bi_add(a: usize, b: usize): usize { scratchBegin(); const d = bigNew(cap2(a, b)); sAdd(d, a, b); return d; }
export function bi_sub(a: usize, b: usize): usize { scratchBegin(); const d = bigNew(cap2(a, b)); sSub(d, a, b); return d; }
export function bi_mul(a: usize, b: usize): usize { scratchBegin(); const d = bigNew(blen(a) + blen(b) + 1); sMul(d, a, b); return d; }
export function bi_cmp(a: usize, b: usize): i32 { return bigCmp(a, b); }
export function bi_cmp_mag(a: usize, b: usize): i32 { return cmpMag(a, b); }
/** Magnitudes: header [q, r]. */
export function bi_divrem(a: usize, b: usize): usize {
  scratchBegin();
  const q = bigNew(blen(a) + 2), r = bigNew(blen(b) + 2);
  divRemMag(q, r, a, b, scratchLimbs(blen(a) + 1), scratchLimbs(blen(b)));
  const h = newHeader(2); setSlot(h, 0, q); setSlot(h, 1, r);
  return h;
}
export function bi_shl(a: usize, k: i32): usize { scratchBegin(); const d = bigNew(blen(a) + (k >> 5) + 2); shlMag(d, a, k); return d; }
export function bi_floor_shr(a: usize, k: i32): usize { scratchBegin(); const d = bigNew(blen(a) + 1); floorShr(d, a, k); return d; }
export function bi_floor_div_small(a: usize, m: u32): usize { scratchBegin(); const d = bigNew(blen(a) + 1); floorDivSmall(d, a, m); return d; }
export function bi_round_shr(a: usize, g: i32): usize { scratchBegin(); const d = bigNew(blen(a) + 1); roundShr(d, a, g); return d; }
/** pow_ratio_scaled; 0 for None. */
export function bi_pow_ratio(bn: usize, bd: usize, en: u64, ed: u64, precision: i32, scale: usize): usize {
  scratchBegin();
  return powRatioScaled(bn, bd, en, ed, precision, scale);
}

// ---- Balancer primitives ----
function pair(hi: u64, lo: u64): usize { const h = newHeader(2); setSlot(h, 0, lo); setSlot(h, 1, hi); return h; }

export function sw_price(quote: u64, x: u64, y: u64, mechanism: i32): usize {
  const p = new PoolState();
  p.quote = quote; p.alpha = x; p.tao = y; p.mechanism = <u32>mechanism;
  poolPrice(p);
  return pair(bHi, bLo);
}
export function sw_exp_scaled(quote: u64, r: u64, d: u64, dNeg: i32, baseQuote: i32): usize {
  scratchBegin();
  expScaled(quote, r, d, dNeg != 0, baseQuote != 0);
  return pair(bHi, bLo);
}
/** base = 0: calculate_quote_delta_in (TAO to buy up to target); 1: calculate_base_delta_in. */
export function sw_limit_delta(base: i32, quote: u64, curHi: u64, curLo: u64, tgtHi: u64, tgtLo: u64, reserve: u64): u64 {
  scratchBegin();
  if (base == 0) return limitDeltaIn(ACCURACY - quote, tgtHi, tgtLo, curHi, curLo, reserve);
  return limitDeltaIn(quote, curHi, curLo, tgtHi, tgtLo, reserve);
}
export function sw_base_needed(quote: u64, y: u64, x: u64, dy: u64): u64 {
  scratchBegin();
  return baseNeededForQuote(quote, y, x, dy);
}

function readPool(h: usize): PoolState {
  const p = new PoolState();
  p.tao = slot(h, 0); p.alpha = slot(h, 1); p.alphaOut = slot(h, 2); p.quote = slot(h, 3);
  p.initialized = slot(h, 4) != 0; p.feeRate = <u32>slot(h, 5); p.minimumReserve = slot(h, 6);
  p.mechanism = <u32>slot(h, 7);
  return p;
}

/** One swap: header [error, paid_in, paid_out, fee, fee_to_author, price_before lo/hi, price_after lo/hi, pool after (8 slots)]. */
export function sw_swap(poolH: usize, buy: i32, amount: u64, limitRao: u64, dropFees: i32, simulate: i32): usize {
  scratchBegin();
  const p = readPool(poolH);
  const r = new SwapResult();
  swapOnPool(p, buy != 0, amount, limitRao, dropFees != 0, simulate != 0, r);
  const h = newHeader(17);
  setSlot(h, 0, <u64>r.error); setSlot(h, 1, r.paidIn); setSlot(h, 2, r.paidOut); setSlot(h, 3, r.fee);
  setSlot(h, 4, r.feeToAuthor); setSlot(h, 5, r.priceBeforeLo); setSlot(h, 6, r.priceBeforeHi);
  setSlot(h, 7, r.priceAfterLo); setSlot(h, 8, r.priceAfterHi);
  setSlot(h, 9, p.tao); setSlot(h, 10, p.alpha); setSlot(h, 11, p.alphaOut); setSlot(h, 12, p.quote);
  setSlot(h, 13, p.initialized ? 1 : 0); setSlot(h, 14, <u64>p.feeRate); setSlot(h, 15, p.minimumReserve);
  setSlot(h, 16, <u64>p.mechanism);
  return h;
}

/** get_max_amount_add (add != 0) / get_max_amount_remove: header [error, max_amount]. */
export function sw_max_amount(poolH: usize, add: i32, limitRao: u64, isRoot: i32): usize {
  scratchBegin();
  const p = readPool(poolH);
  const r = new SwapResult();
  const m = maxAmount(p, add != 0, limitRao, isRoot != 0, r);
  const h = newHeader(2); setSlot(h, 0, <u64>r.error); setSlot(h, 1, m);
  return h;
}

/** adjust_protocol_liquidity: header [accepted, quote_after]. */
export function sw_weight_update(y: u64, x: u64, quote: u64, dy: u64, dx: u64): usize {
  scratchBegin();
  const ok = updateWeights(quote, y, x, dy, dx);
  const h = newHeader(2); setSlot(h, 0, ok ? 1 : 0); setSlot(h, 1, ok ? newQuote : quote);
  return h;
}

/**
 * Quotes for many amounts on one pool in one call (simulated swaps, nothing persists): writes
 * [error, paid_in, paid_out, fee] per amount to `out` (n × 4 u64).
 */
export function sw_quote_batch(poolH: usize, buy: i32, amounts: usize, n: i32, limitRao: u64, dropFees: i32, out: usize): void {
  scratchBegin();
  const p = readPool(poolH);
  const r = new SwapResult();
  const mark = smark();
  for (let i = 0; i < n; i++) {
    swapInner(p, buy != 0, load<u64>(amounts + (<usize>i << 3)), limitRao, dropFees != 0, true, r);
    const o = out + (<usize>i << 5);
    store<u64>(o, <u64>r.error); store<u64>(o, r.paidIn, 8); store<u64>(o, r.paidOut, 16); store<u64>(o, r.fee, 24);
    srelease(mark);
  }
}

/**
 * A quote: the simulated swap plus the price the pool would show after it (the reserves a
 * committed swap would leave): header [error, paid_in, paid_out, fee, price_before lo/hi, price_after lo/hi].
 */
export function sw_quote(poolH: usize, buy: i32, amount: u64, limitRao: u64): usize {
  scratchBegin();
  const p = readPool(poolH);
  const r = new SwapResult();
  swapInner(p, buy != 0, amount, limitRao, false, true, r);
  const h = newHeader(8);
  setSlot(h, 0, <u64>r.error); setSlot(h, 1, r.paidIn); setSlot(h, 2, r.paidOut); setSlot(h, 3, r.fee);
  poolPrice(p); setSlot(h, 4, bLo); setSlot(h, 5, bHi);
  if (r.error == 0) {
    if (!p.initialized) { p.quote = 500_000_000_000_000_000; p.initialized = true; }
    if (buy != 0) { p.tao = satAdd(p.tao, r.paidIn); p.alpha = p.alpha > r.paidOut ? p.alpha - r.paidOut : 0; }
    else { p.alpha = satAdd(p.alpha, r.paidIn); p.tao = p.tao > r.paidOut ? p.tao - r.paidOut : 0; }
    poolPrice(p);
  }
  setSlot(h, 6, bLo); setSlot(h, 7, bHi);
  return h;
}

/** get_max_amount_move(origin, destination, limit): header [error, max_amount]. */
export function sw_max_amount_move(originH: usize, originRoot: i32, destH: usize, destRoot: i32, limitRao: u64): usize {
  scratchBegin();
  const r = new SwapResult();
  const m = maxAmountMove(readPool(originH), originRoot != 0, readPool(destH), destRoot != 0, limitRao, r);
  const h = newHeader(2); setSlot(h, 0, <u64>r.error); setSlot(h, 1, m);
  return h;
}
