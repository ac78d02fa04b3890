// The Balancer weighted pool's primitives (pallets/swap/src/pallet/balancer.rs): spot price,
// exp_scaled (the swap's (r/(r±d))^(w/w') factor), the limit-price deltas and
// get_base_needed_for_quote. Weights are Perquintill parts: w2 = quote (TAO), w1 = 1e18 − quote.
// U64F64 results come back in bHi/bLo.

import { umul128, wideHi, udiv128by64 } from "../fixed/wide";
import { umul256, p1, p2 } from "../fixed/i128";
import { satMulU, safeDivU, uHi, uLo } from "../fixed/u64f64";
import { bigFromU64, bigFromU128, bigFitsU64, bigLow64, bneg, bigIsZero } from "../bigint/big";
import { powRatioScaledU64 } from "../bigint/pow_ratio";

export const ACCURACY: u64 = 1_000_000_000_000_000_000;
export const MIN_WEIGHT: u64 = 10_000_000_000_000_000;

export let bHi: u64 = 0;
export let bLo: u64 = 0;

/** calculate_price(x, y) = (w1/w2)·(y/x), each division safe_div, then saturating_mul. */
export function price(quote: u64, x: u64, y: u64): void {
  safeDivU(ACCURACY - quote, 0, quote, 0);
  const wh = uHi, wl = uLo;
  safeDivU(y, 0, x, 0);
  satMulU(wh, wl, uHi, uLo);
  bHi = uHi; bLo = uLo;
}

/** U64F64(v) / U64F64(1e18) = floor(v·2^64 / 1e18) for a u64 v. */
function perAccuracy(v: u64): void {
  const qh = v / ACCURACY;
  const r = v - qh * ACCURACY;
  bLo = udiv128by64(r, 0, ACCURACY);
  bHi = qh;
}

/**
 * exp_scaled(r, ±d, base_quote): U64F64 of (r/(r±d))^(en/ed) with (en, ed) = (w1, w2) when
 * base_quote, else (w2, w1); 0 if r±d = 0 or the scaled power leaves u64; capped at 1 for +d.
 */
export function expScaled(quote: u64, r: u64, d: u64, dNeg: bool, baseQuote: bool): void {
  let rp: u64;
  if (!dNeg) { rp = r + d; if (rp < r) rp = u64.MAX_VALUE; }
  else rp = d > r ? 0 : r - d;
  bHi = 0; bLo = 0;
  if (rp == 0) return;
  const w1 = ACCURACY - quote, w2 = quote;
  let v: u64;
  if (w1 == w2) {
    // reduced exponent 1/1: the exact path is floor(r·1e18 / rp), no big integers needed
    const lo = umul128(r, ACCURACY);
    const hi = wideHi;
    if (hi >= rp) return; // quotient >= 2^64: does not fit u64
    v = udiv128by64(hi, lo, rp);
  } else {
    const res = powRatioScaledU64(bigFromU64(r), bigFromU64(rp), baseQuote ? w1 : w2, baseQuote ? w2 : w1, 256, bigFromU64(ACCURACY));
    if (res == 0 || bneg(res) || !bigFitsU64(res)) return;
    v = bigLow64(res);
  }
  perAccuracy(v);
  if (!dNeg && (bHi > 1 || (bHi == 1 && bLo != 0))) { bHi = 1; bLo = 0; }
}

/** floor(x·(1 − e)) with e <= 1 as U64F64: the output of a swap leg (convert_deltas). */
export function outOf(reserve: u64, eh: u64, el: u64): u64 {
  if (eh >= 1) return 0; // e = 1 (e is capped at 1 on this path)
  if (el == 0) return reserve; // e = 0: 1 − e = 1
  umul128(reserve, 0 - el);
  return wideHi;
}

/**
 * calculate_quote_delta_in / calculate_base_delta_in: floor(reserve · sat_sub(min(v, u64::MAX)/1e18, 1))
 * with v = pow_ratio_scaled(num, den, w, 1e18, 1024, 1e18) on raw U64F64 prices.
 */
export function limitDeltaIn(w: u64, nh: u64, nl: u64, dh: u64, dl: u64, reserve: u64): u64 {
  const res = powRatioScaledU64(bigFromU128(nh, nl), bigFromU128(dh, dl), w, ACCURACY, 1024, bigFromU64(ACCURACY));
  if (res == 0) return 0;
  let v: u64;
  if (bneg(res) || bigIsZero(res)) v = 0;
  else v = bigFitsU64(res) ? bigLow64(res) : u64.MAX_VALUE;
  perAccuracy(v);
  // sat_sub(f, 1)
  if (bHi == 0) return 0;
  const fh = bHi - 1, fl = bLo;
  umul256(0, reserve, fh, fl);
  if (p2 != 0) return u64.MAX_VALUE;
  return p1;
}

/** get_base_needed_for_quote(y, x, Δy) = floor(x · sat_sub(exp_scaled(y, −Δy, quote_base), 1)). */
export function baseNeededForQuote(quote: u64, y: u64, x: u64, dy: u64): u64 {
  expScaled(quote, y, dy, true, false);
  if (bHi == 0) return 0;
  const eh = bHi - 1, el = bLo;
  satMulU(x, 0, eh, el);
  return uHi;
}

