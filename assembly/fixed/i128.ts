// 128-bit fixed-point values (I64F64, I96F32, U64F64 ...) as (hi, lo) word pairs.
// Results come back through the globals `rHi` / `rLo` plus a flag, so the hot paths never
// allocate. Stored in linear memory as lo at +0, hi at +8 (little-endian i128).

import { umul128, wideHi, udiv128by64, div3by2, remHi, remLo } from "./wide";

export let rHi: u64 = 0;
export let rLo: u64 = 0;
export let rOverflow: bool = false;

// @ts-ignore: decorator
@inline export function isNeg(hi: u64): bool { return <i64>hi < 0; }

/** Two's-complement negation of (hi, lo) into rHi/rLo. */
export function neg128(hi: u64, lo: u64): void {
  rLo = ~lo + 1;
  rHi = ~hi + (rLo == 0 ? 1 : 0);
}

/** Wrapping 128-bit add. */
export function add128(ah: u64, al: u64, bh: u64, bl: u64): void {
  const lo = al + bl;
  rHi = ah + bh + (lo < al ? 1 : 0);
  rLo = lo;
}

/** Signed saturating 128-bit add. */
export function satAdd128(ah: u64, al: u64, bh: u64, bl: u64): void {
  add128(ah, al, bh, bl);
  if (((ah ^ rHi) & (bh ^ rHi)) >> 63) {
    if (isNeg(ah)) { rHi = 0x8000000000000000; rLo = 0; }
    else { rHi = 0x7fffffffffffffff; rLo = 0xffffffffffffffff; }
  }
}

/** Unsigned 128x128 product; fills the 4 words p0..p3 (low to high). */
export let p0: u64 = 0, p1: u64 = 0, p2: u64 = 0, p3: u64 = 0;
export function umul256(ah: u64, al: u64, bh: u64, bl: u64): void {
  const ll = umul128(al, bl); const llh = wideHi;
  const lh = umul128(al, bh); const lhh = wideHi;
  const hl = umul128(ah, bl); const hlh = wideHi;
  const hh = umul128(ah, bh); const hhh = wideHi;
  p0 = ll;
  let c: u64 = 0;
  let s = llh + lh; c = s < llh ? 1 : 0;
  const s2 = s + hl; c += s2 < s ? 1 : 0;
  p1 = s2;
  let t = lhh + hlh; let c2: u64 = t < lhh ? 1 : 0;
  const t2 = t + hh; c2 += t2 < t ? 1 : 0;
  const t3 = t2 + c; c2 += t3 < t2 ? 1 : 0;
  p2 = t3;
  p3 = hhh + c2;
}

/**
 * Signed fixed-point multiply with `frac` fraction bits (64 for I64F64, 32 for I96F32):
 * floor(a*b / 2^frac), overflow flagged when it leaves i128 (saturating: MAX/MIN by sign).
 */
export function satMulFixed(ah: u64, al: u64, bh: u64, bl: u64, frac: u32): void {
  const neg = isNeg(ah) != isNeg(bh);
  let xh = ah, xl = al, yh = bh, yl = bl;
  if (isNeg(xh)) { neg128(xh, xl); xh = rHi; xl = rLo; }
  if (isNeg(yh)) { neg128(yh, yl); yh = rHi; yl = rLo; }
  umul256(xh, xl, yh, yl);
  let w0 = p0, w1 = p1, w2 = p2, w3 = p3;
  if (neg) {
    // negate the 256-bit magnitude so the shift below floors toward -inf
    w0 = ~w0; w1 = ~w1; w2 = ~w2; w3 = ~w3;
    w0 += 1;
    if (w0 == 0) { w1 += 1; if (w1 == 0) { w2 += 1; if (w2 == 0) w3 += 1; } }
  }
  let lo: u64, hi: u64, top: u64;
  if (frac == 64) { lo = w1; hi = w2; top = w3; }
  else { // frac == 32
    lo = (w0 >> 32) | (w1 << 32);
    hi = (w1 >> 32) | (w2 << 32);
    top = (w2 >> 32) | (w3 << 32);
  }
  // fits iff `top` is the sign extension of hi
  const ext: u64 = isNeg(hi) ? 0xffffffffffffffff : 0;
  rOverflow = top != ext;
  if (rOverflow) {
    if (neg) { rHi = 0x8000000000000000; rLo = 0; }
    else { rHi = 0x7fffffffffffffff; rLo = 0xffffffffffffffff; }
  } else { rHi = hi; rLo = lo; }
}

/**
 * Unsigned fixed-point division with `frac` fraction bits: floor(a * 2^frac / b) on u128 magnitudes
 * (U64F64 with frac 64, U96F32 with frac 32). rOverflow is set on a zero divisor or when the
 * quotient leaves u128; rHi/rLo are then 0 (what `safe_div` returns).
 */
export function udivFixed(xh: u64, xl: u64, yh: u64, yl: u64, frac: u32): void {
  if (yh == 0 && yl == 0) { rOverflow = true; rHi = 0; rLo = 0; return; }
  // the numerator a·2^frac as three words n2·2^128 + n1·2^64 + n0
  let n2: u64, n1: u64, n0: u64;
  if (frac == 64) { n2 = xh; n1 = xl; n0 = 0; }
  else { n2 = xh >> 32; n1 = (xh << 32) | (xl >> 32); n0 = xl << 32; }
  if (yh == 0) {
    // a one-word divisor: the quotient leaves u128 exactly when n2 ≥ y
    if (n2 >= yl) { rOverflow = true; rHi = 0; rLo = 0; return; }
    const q1 = udiv128by64(n2, n1, yl);
    const q0 = udiv128by64(wideHi, n0, yl);
    rOverflow = false; rHi = q1; rLo = q0;
    return;
  }
  // a two-word divisor (≥ 2^64): the quotient is below 2^192 / 2^64, always a u128. Normalise
  // (top bit of the divisor set), then two digits of long division in base 2^64.
  const s = <u64>clz(yh);
  const v1 = s == 0 ? yh : (yh << s) | (yl >> (64 - s)), v0 = yl << s;
  const u3 = s == 0 ? 0 : n2 >> (64 - s);
  const u2 = s == 0 ? n2 : (n2 << s) | (n1 >> (64 - s));
  const u1 = s == 0 ? n1 : (n1 << s) | (n0 >> (64 - s));
  const u0 = n0 << s;
  // (u3, u2) < 2^(64+s) ≤ 2^127 ≤ v: the first digit fits a word
  const q1 = div3by2(u3, u2, u1, v1, v0);
  const q0 = div3by2(remHi, remLo, u0, v1, v0);
  rOverflow = false; rHi = q1; rLo = q0;
}

/**
 * Signed fixed-point division with `frac` fraction bits: trunc(a * 2^frac / b).
 * rOverflow is set on a zero divisor or when the quotient leaves i128 (checked_div's None).
 */
export function divFixed(ah: u64, al: u64, bh: u64, bl: u64, frac: u32): void {
  if (bh == 0 && bl == 0) { rOverflow = true; rHi = 0; rLo = 0; return; }
  const neg = isNeg(ah) != isNeg(bh);
  let xh = ah, xl = al, yh = bh, yl = bl;
  if (isNeg(xh)) { neg128(xh, xl); xh = rHi; xl = rLo; }
  if (isNeg(yh)) { neg128(yh, yl); yh = rHi; yl = rLo; }
  udivFixed(xh, xl, yh, yl, frac);
  if (rOverflow) return;
  const q1 = rHi, q0 = rLo;
  if (neg) {
    rOverflow = q1 > 0x8000000000000000 || (q1 == 0x8000000000000000 && q0 != 0);
    neg128(q1, q0);
  } else {
    rOverflow = q1 > 0x7fffffffffffffff;
    rHi = q1; rLo = q0;
  }
}

// ---- unsigned 128-bit fixed point (U64F64 with frac 64, U96F32 with frac 32) ----

/** Unsigned saturating_mul: floor(a*b / 2^frac), u128::MAX when it overflows (rOverflow set). */
export function umulFixedSat(ah: u64, al: u64, bh: u64, bl: u64, frac: u32): void {
  umul256(ah, al, bh, bl);
  let lo: u64, hi: u64, top: u64;
  if (frac == 64) { lo = p1; hi = p2; top = p3; }
  else { // frac == 32
    lo = (p0 >> 32) | (p1 << 32);
    hi = (p1 >> 32) | (p2 << 32);
    top = (p2 >> 32) | p3;
  }
  rOverflow = top != 0;
  if (rOverflow) { rHi = 0xffffffffffffffff; rLo = 0xffffffffffffffff; }
  else { rHi = hi; rLo = lo; }
}

/** Unsigned saturating add. */
export function uSatAdd128(ah: u64, al: u64, bh: u64, bl: u64): void {
  add128(ah, al, bh, bl);
  if (rHi < ah || (rHi == ah && rLo < al)) { rHi = 0xffffffffffffffff; rLo = 0xffffffffffffffff; }
}

/** Unsigned saturating sub (floors at 0). */
export function uSatSub128(ah: u64, al: u64, bh: u64, bl: u64): void {
  if (uLess128(ah, al, bh, bl)) { rHi = 0; rLo = 0; return; }
  rLo = al - bl;
  rHi = ah - bh - (al < bl ? 1 : 0);
}

// @ts-ignore: decorator
@inline export function uLess128(ah: u64, al: u64, bh: u64, bl: u64): bool { return ah < bh || (ah == bh && al < bl); }

/** I64F64 -> I32F32 saturating_from_num: floor to 32 fraction bits, clamped. */
export function i64f64ToI32f32(hi: u64, lo: u64): i64 {
  const r = <i64>((hi << 32) | (lo >> 32));
  const top = <i64>hi >> 32;
  if (top != (r >> 63)) return <i64>hi < 0 ? i64.MIN_VALUE : i64.MAX_VALUE;
  return r;
}

/** Sets rHi/rLo (for helpers that return a constant through the shared result registers). */
export function setR128(hi: u64, lo: u64): void { rHi = hi; rLo = lo; rOverflow = false; }
/** Marks the last result as a failed division or saturated product (rOverflow). */
export function setOverflow(): void { rOverflow = true; }
