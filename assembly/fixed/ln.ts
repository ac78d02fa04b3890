// ln for I32F32 as substrate-fixed v0.6.0 computes it (transcendental::ln = log2 / LOG2_E), and
// subtensor math.rs safe_ln, which maps its errors (x <= 0, or 1/x overflowing) to 0.
// log2 counts halvings down to [1, 2) with a rounding right shift, then squares 32 times,
// taking one result bit per squaring; inputs below 1 go through 1/x (truncating) and a negation.

import { ONE, mulRaw, divRaw, overflowed } from "./i32f32";

/** LOG2_E as an I9F23 (log2(e) truncated to 23 fraction bits), widened to I32F32. */
const LOG2_E_BITS: i64 = <i64>12102203 << 9;
const TWO: i64 = 2 * ONE;

/** substrate-fixed `rs`: halve, rounding the dropped bit up. */
// @ts-ignore: decorator
@inline function rs(x: i64): i64 { return (x >> 1) + (x & 1); }

/** log2_inner for x >= 1 (I32F32 bits in and out). */
function log2Inner(x: i64): i64 {
  let result: i64 = 0;
  while (x >= TWO) { result += 1; x = rs(x); }
  if (x == ONE) return result << 32; // D::from_num(count)
  for (let i = 0; i < 32; i++) {
    x = mulRaw(x, x); // x < 2, so x * x < 4 never overflows
    result <<= 1;
    if (x >= TWO) { result |= 1; x = rs(x); }
  }
  return result;
}

/** Set by lnChecked when the chain's ln returns Err. */
export let lnFailed: bool = false;

export function lnChecked(x: i64): i64 {
  lnFailed = false;
  if (x <= 0) { lnFailed = true; return 0; }
  let l2: i64;
  if (x < ONE) {
    const inv = divRaw(ONE, x);
    if (overflowed) { lnFailed = true; return 0; }
    l2 = -log2Inner(inv);
  } else {
    l2 = log2Inner(x);
  }
  return divRaw(l2, LOG2_E_BITS); // |log2| < 32, never overflows
}

/** math.rs safe_ln: ln, or 0 where ln fails. */
export function safeLn(x: i64): i64 {
  const r = lnChecked(x);
  return lnFailed ? 0 : r;
}
