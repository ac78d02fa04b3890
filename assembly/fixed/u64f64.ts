// Unsigned U64F64 (substrate-fixed, u128 raw with 64 fraction bits) on (hi, lo) word pairs: the
// saturating multiply and safe_div the swap pallet uses for prices, fees and limit factors.
// Results come back in uHi/uLo; nothing allocates.

import { umul256, p0, p1, p2, p3, udivFixed, rHi, rLo } from "./i128";

export let uHi: u64 = 0;
export let uLo: u64 = 0;

/** saturating_mul: floor(a·b / 2^64), clamped to u128::MAX. */
export function satMulU(ah: u64, al: u64, bh: u64, bl: u64): void {
  umul256(ah, al, bh, bl);
  if (p3 != 0) { uHi = u64.MAX_VALUE; uLo = u64.MAX_VALUE; return; }
  uHi = p2; uLo = p1;
}

/** safe_div: floor(a·2^64 / b), or 0 when b = 0 or the quotient leaves u128. */
export function safeDivU(ah: u64, al: u64, bh: u64, bl: u64): void {
  udivFixed(ah, al, bh, bl, 64); // 0 on a zero divisor or a quotient past u128
  uHi = rHi; uLo = rLo;
}

/** a < b on (hi, lo). */
// @ts-ignore: decorator
@inline export function ltU(ah: u64, al: u64, bh: u64, bl: u64): bool { return ah < bh || (ah == bh && al < bl); }
// @ts-ignore: decorator
@inline export function leU(ah: u64, al: u64, bh: u64, bl: u64): bool { return ah < bh || (ah == bh && al <= bl); }
