// substrate-fixed v0.6.0 `transcendental::log2` on I96F32 (i128 raw, 32 fraction bits), the
// function the chain uses for the block emission. Its integer part comes from repeated
// "rounding halvings" x -> (x >> 1) + (x & 1) while x >= 2, not from the exact floor(log2), so
// it is ported literally; the 32 fraction bits come from repeated squaring.

import { rHi, rLo, rOverflow, divFixed, isNeg, neg128 } from "./i128";
import { umul128, wideHi } from "./wide";

/** False when the last call had no result (operand <= 0, or 1/operand overflowed). */
export let log2Ok: bool = true;

const ONE: u64 = 1 << 32;
const TWO: u64 = 2 << 32;

/**
 * log2 of a positive I96F32 (hi, lo). The result is an I96F32 in rHi/rLo (|result| < 96, so it
 * always fits one word, sign-extended into rHi). log2Ok is false for operand <= 0.
 */
export function log2I96F32(hi: u64, lo: u64): void {
  if (isNeg(hi) || (hi == 0 && lo == 0)) { log2Ok = false; rHi = 0; rLo = 0; return; }
  log2Ok = true;
  if (hi == 0 && lo < ONE) {
    // operand < 1: log2(x) = -log2(1/x)
    divFixed(0, ONE, hi, lo, 32);
    if (rOverflow) { log2Ok = false; rHi = 0; rLo = 0; return; }
    const r = log2Inner(rHi, rLo, true);
    neg128(<u64>(r >> 63), <u64>r);
    return;
  }
  const r = log2Inner(hi, lo, true);
  rHi = <u64>(r >> 63); rLo = <u64>r;
}

/**
 * floor(log2(x)) as substrate-fixed computes it, for x >= 1 (I96F32 raw). The fraction loop
 * cannot change the integer part, so the block emission can stop after the halvings.
 */
export function log2FloorI96F32(hi: u64, lo: u64): i64 {
  return log2Inner(hi, lo, false) >> 32;
}

/** log2_inner for x >= 1: returns the I96F32 raw result (it fits an i64). */
function log2Inner(hi: u64, lo: u64, fraction: bool): i64 {
  let k: i64 = 0;
  // integer part: halve with rounding until x < 2
  while (hi != 0) {
    k++;
    const carry = lo & 1;
    lo = (lo >> 1) | (hi << 63);
    hi >>= 1;
    const s = lo + carry;
    if (s < lo) hi++;
    lo = s;
  }
  let x = lo;
  while (x >= TWO) {
    k++;
    x = (x >> 1) + (x & 1);
  }
  if (!fraction || x == ONE) return k << 32;
  let result = k;
  for (let i = 0; i < 32; i++) {
    // x *= x in I96F32 (x < 2, so the product < 4 fits easily)
    const plo = umul128(x, x);
    x = (plo >> 32) | (wideHi << 32);
    result <<= 1;
    if (x >= TWO) {
      result |= 1;
      x = (x >> 1) + (x & 1);
    }
  }
  return result;
}
