// exp for I32F32 as substrate-fixed v0.6.0 computes it (transcendental::exp): a Taylor series
// truncated at the 31st term with checked floor-multiplies and truncating divides, the
// 23-bit constant E for an input of exactly 1, and 1/exp(-x) for negative inputs.
// exp_safe (subtensor math.rs) clamps the input to [-20, 20] and maps errors to 0 or MAX.

import { ONE, MAX, mulRaw, divRaw, overflowed } from "./i32f32";

/** substrate-fixed's E: an I9F23 (e truncated to 23 fraction bits) widened to I32F32. */
const E_BITS: i64 = 11674931200;
const LIMIT: i64 = 20 * ONE;

/** Set by `expChecked` when the series overflows (the chain's Err). */
export let expFailed: bool = false;

export function expChecked(x: i64): i64 {
  expFailed = false;
  if (x == 0) return ONE;
  if (x == ONE) return E_BITS;
  const neg = x < 0;
  if (neg) {
    if (x == i64.MIN_VALUE) { expFailed = true; return 0; }
    x = -x;
  }
  let result = x + ONE;
  if (result < x) { expFailed = true; return 0; }
  let term = x;
  for (let i: i64 = 2; i < 32; i++) {
    term = mulRaw(term, x);
    if (overflowed) { expFailed = true; return 0; }
    term = divRaw(term, i << 32);
    if (overflowed) { expFailed = true; return 0; }
    const s = result + term;
    if (((result ^ s) & (term ^ s)) < 0) { expFailed = true; return 0; }
    result = s;
  }
  if (neg) {
    if (result == 0) { expFailed = true; return 0; }
    result = divRaw(ONE, result);
    if (overflowed) { expFailed = true; return 0; }
  }
  return result;
}

/** subtensor math.rs exp_safe. */
export function expSafe(input: i64): i64 {
  let x = input;
  if (x < -LIMIT) x = -LIMIT;
  else if (LIMIT < x) x = LIMIT;
  const r = expChecked(x);
  if (!expFailed) return r;
  return x <= 0 ? 0 : MAX;
}
