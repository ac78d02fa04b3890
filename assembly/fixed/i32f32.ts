// I32F32 (substrate-fixed FixedI64<U32>) on raw i64 bits.
// Multiplication floors toward -inf (arithmetic shift of the exact product), division truncates
// toward zero, exactly as substrate-fixed v0.6.0 computes them through a 128-bit intermediate.
// Every operation reports overflow through `overflowed` so that the checked, saturating and
// wrapping variants the chain uses can all be built on one routine.

import { umul128, udiv128by64, wideHi } from "./wide";

export const ONE: i64 = 0x100000000;
export const MAX: i64 = i64.MAX_VALUE;
export const MIN: i64 = i64.MIN_VALUE;

/** Set by `mulRaw` / `divRaw`: true when the exact result does not fit in I32F32. */
export let overflowed: bool = false;

/** Product bits floor(a*b / 2^32); on overflow returns the wrapped bits and sets `overflowed`. */
// @ts-ignore: decorator
@inline
export function mulRaw(a: i64, b: i64): i64 {
  // Fast path: both non-negative and the exact product fits in 64 bits.
  if ((a | b) >= 0 && clz(a) + clz(b) >= 64) {
    overflowed = false;
    return <i64>(<u64>(a * b) >> 32);
  }
  return mulSlow(a, b);
}

function mulSlow(a: i64, b: i64): i64 {
  const neg = (a ^ b) < 0;
  const ua: u64 = a < 0 ? <u64>(0 - a) : <u64>a;
  const ub: u64 = b < 0 ? <u64>(0 - b) : <u64>b;
  let lo = umul128(ua, ub);
  let hi = wideHi;
  if (neg) {
    // two's complement of the 128-bit magnitude
    lo = ~lo + 1;
    hi = ~hi + (lo == 0 ? 1 : 0);
  }
  const r = <i64>((hi << 32) | (lo >> 32));
  overflowed = (<i64>hi >> 32) != (r >> 63);
  return r;
}

/** Quotient bits trunc(a * 2^32 / b), b != 0; on overflow sets `overflowed` (value undefined). */
// @ts-ignore: decorator
@inline
export function divRaw(a: i64, b: i64): i64 {
  if ((a | b) >= 0) {
    if ((<u64>a >> 32) == 0) {
      // a < 1.0 over b < 2^-31 gives a quotient past i64::MAX: checked_div's None
      const q = (<u64>a << 32) / <u64>b;
      overflowed = q > <u64>i64.MAX_VALUE;
      return <i64>q;
    }
    // integer-valued operands (u16 weights and bonds as I32F32, and their sums): a·2^32/b is
    // (a>>32)·2^32/(b>>32) exactly, and (a>>32) < 2^31 keeps the numerator in 64 bits
    if (((a | b) & 0xffffffff) == 0) {
      overflowed = false;
      return <i64>((<u64>a) / <u64>(b >> 32));
    }
  }
  return divSlow(a, b);
}

function divSlow(a: i64, b: i64): i64 {
  const neg = (a ^ b) < 0;
  const ua: u64 = a < 0 ? <u64>(0 - a) : <u64>a;
  const ub: u64 = b < 0 ? <u64>(0 - b) : <u64>b;
  let q: u64;
  // Integer-valued operands (raw u16 bonds, u16 weights) share trailing zero bits; dropping them
  // leaves the exact quotient unchanged and usually brings the numerator under 2^64.
  const tz = min(ctz(ua), ctz(ub));
  if (tz > 0) {
    const sa = ua >> tz, sb = ub >> tz;
    if ((sa >> 32) == 0) {
      q = (sa << 32) / sb;
      if (neg) { overflowed = q > 0x8000000000000000; return <i64>(0 - q); }
      overflowed = q > 0x7fffffffffffffff;
      return <i64>q;
    }
  }
  const hi = ua >> 32;
  if (hi == 0) {
    q = (ua << 32) / ub;
  } else {
    if (hi >= ub) { overflowed = true; return 0; }
    q = udiv128by64(hi, ua << 32, ub);
  }
  if (neg) {
    overflowed = q > 0x8000000000000000;
    return <i64>(0 - q);
  }
  overflowed = q > 0x7fffffffffffffff;
  return <i64>q;
}

// @ts-ignore: decorator
@inline
export function satMul(a: i64, b: i64): i64 {
  // the fast path of mulRaw without the `overflowed` flag (a global store and load per product)
  if ((a | b) >= 0 && clz(a) + clz(b) >= 64) return <i64>(<u64>(a * b) >> 32);
  const r = mulSlow(a, b);
  if (!overflowed) return r;
  return (a ^ b) < 0 ? MIN : MAX;
}

/** checked_mul(..).unwrap_or(0) */
// @ts-ignore: decorator
@inline
export function mulOrZero(a: i64, b: i64): i64 {
  if ((a | b) >= 0 && clz(a) + clz(b) >= 64) return <i64>(<u64>(a * b) >> 32);
  const r = mulSlow(a, b);
  return overflowed ? 0 : r;
}

/** safe-math safe_div: checked_div, or 0 for a zero divisor and for overflow. */
// @ts-ignore: decorator
@inline
export function safeDiv(a: i64, b: i64): i64 {
  if (b == 0) return 0;
  // divRaw's two fast paths without the `overflowed` flag
  if ((a | b) >= 0) {
    if ((<u64>a >> 32) == 0) {
      const q = (<u64>a << 32) / <u64>b;
      return q > <u64>i64.MAX_VALUE ? 0 : <i64>q;
    }
    if (((a | b) & 0xffffffff) == 0) return <i64>((<u64>a) / <u64>(b >> 32));
  }
  const r = divSlow(a, b);
  return overflowed ? 0 : r;
}

/** saturating_div; the chain never divides by zero here, a zero divisor saturates by sign. */
// @ts-ignore: decorator
@inline
export function satDiv(a: i64, b: i64): i64 {
  if (b == 0) return a < 0 ? MIN : MAX;
  const r = divRaw(a, b);
  if (!overflowed) return r;
  return (a ^ b) < 0 ? MIN : MAX;
}

// @ts-ignore: decorator
@inline
export function satAdd(a: i64, b: i64): i64 {
  const s = a + b;
  // overflow iff a and b share a sign that s does not
  if (((a ^ s) & (b ^ s)) < 0) return a < 0 ? MIN : MAX;
  return s;
}

// @ts-ignore: decorator
@inline
export function satSub(a: i64, b: i64): i64 {
  const d = a - b;
  if (((a ^ b) & (a ^ d)) < 0) return a < 0 ? MIN : MAX;
  return d;
}

/** saturating_to_num::<u16>: floor, clamped to [0, 65535]. */
// @ts-ignore: decorator
@inline
export function toU16(x: i64): u32 {
  if (x < 0) return 0;
  const i = x >> 32;
  return i > 65535 ? 65535 : <u32>i;
}

/** saturating_to_num::<u64>: floor, negative -> 0. */
// @ts-ignore: decorator
@inline
export function toU64(x: i64): u64 {
  return x < 0 ? 0 : <u64>(x >> 32);
}

/** fixed_proportion_to_u16: saturating_to_num::<u16>(x saturating_mul 65535). */
// @ts-ignore: decorator
@inline
export function proportionToU16(x: i64): u32 {
  if (x <= 0) return 0;
  if (x >= ONE) return 65535;
  return <u32>((<u64>x * 65535) >> 32);
}

/** u16_proportion_to_fixed: I32F32(u) safe_div I32F32(65535). */
// @ts-ignore: decorator
@inline
export function u16Proportion(u: u32): i64 {
  return <i64>((<u64>u << 32) / 65535);
}

/** I32F32 bits of the integer u (saturating; callers pass values that fit). */
// @ts-ignore: decorator
@inline
export function fromInt(u: i64): i64 {
  if (u >= 0x80000000) return MAX;
  if (u < -0x80000000) return MIN;
  return u << 32;
}

// @ts-ignore: decorator
@inline
export function min64(a: i64, b: i64): i64 { return a < b ? a : b; }
// @ts-ignore: decorator
@inline
export function max64(a: i64, b: i64): i64 { return a > b ? a : b; }
