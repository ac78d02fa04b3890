// 64x64->128 multiply and 128/64 divide built from 32-bit halves.
// WebAssembly has no widening multiply, so every fixed-point product that can leave
// 64 bits goes through here. Results wider than one word return the low word and
// leave the high word in `wideHi`, which avoids allocating a pair per call.

export let wideHi: u64 = 0;

/** Unsigned 64x64 -> 128. Returns the low word; the high word is in `wideHi`. */
// @ts-ignore: decorator
@inline
export function umul128(a: u64, b: u64): u64 {
  const a0 = a & 0xffffffff, a1 = a >> 32;
  const b0 = b & 0xffffffff, b1 = b >> 32;
  const p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  const mid = (p00 >> 32) + (p01 & 0xffffffff) + (p10 & 0xffffffff);
  wideHi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
  return (mid << 32) | (p00 & 0xffffffff);
}

/**
 * Unsigned (hi:lo) / d with hi < d, so the quotient fits in 64 bits (Hacker's Delight divlu,
 * normalised two-digit long division in base 2^32). The remainder is left in `wideHi`.
 */
export function udiv128by64(hi: u64, lo: u64, d: u64): u64 {
  const s = <u64>clz(d);
  d <<= s;
  const un32 = s == 0 ? hi : (hi << s) | (lo >> (64 - s));
  const un10 = lo << s;
  const vn1 = d >> 32, vn0 = d & 0xffffffff;
  const un1 = un10 >> 32, un0 = un10 & 0xffffffff;

  let q1 = un32 / vn1;
  let rhat = un32 - q1 * vn1;
  while (q1 >= 0x100000000 || q1 * vn0 > ((rhat << 32) | un1)) {
    q1 -= 1;
    rhat += vn1;
    if (rhat >= 0x100000000) break;
  }
  const un21 = (un32 << 32) + un1 - q1 * d;

  let q0 = un21 / vn1;
  rhat = un21 - q0 * vn1;
  while (q0 >= 0x100000000 || q0 * vn0 > ((rhat << 32) | un0)) {
    q0 -= 1;
    rhat += vn1;
    if (rhat >= 0x100000000) break;
  }
  wideHi = ((un21 << 32) + un0 - q0 * d) >> s;
  return (q1 << 32) | q0;
}

/** Remainder words of the last div3by2. */
export let remHi: u64 = 0;
export let remLo: u64 = 0;

/**
 * One quotient digit in base 2^64: ⌊(u2·2^128 + u1·2^64 + u0) / v⌋ for a normalised two-word
 * divisor v = v1·2^64 + v0 (v1 ≥ 2^63) with (u2, u1) < v, so the digit fits 64 bits (Knuth's
 * step D3 with the divisor's whole second word: the estimate from v1 is lowered until its product
 * with v fits, which leaves it exact). The remainder (< v) goes to remHi/remLo.
 */
export function div3by2(u2: u64, u1: u64, u0: u64, v1: u64, v0: u64): u64 {
  let q: u64, rhat: u64, rhatOver = false;
  if (u2 >= v1) {
    // (u2, u1) < v forces u2 == v1: the estimate is b − 1, rhat = u2·b + u1 − (b − 1)·v1 = u1 + v1
    q = u64.MAX_VALUE;
    rhat = u1 + v1; rhatOver = rhat < u1;
  } else {
    q = udiv128by64(u2, u1, v1); rhat = wideHi;
  }
  // q·v ≤ u  ⇔  q·v0 ≤ rhat·b + u0; once rhat reaches b the product of two words cannot exceed it
  while (!rhatOver) {
    const pl = umul128(q, v0), ph = wideHi;
    if (ph < rhat || (ph == rhat && pl <= u0)) break;
    q--;
    const t = rhat + v1; rhatOver = t < rhat; rhat = t;
  }
  // u − q·v < v < 2^128: two words, computed modulo 2^128
  const l0 = umul128(q, v0), l0h = wideHi;
  const l1 = umul128(q, v1);
  const w1 = l0h + l1;
  remLo = u0 - l0;
  remHi = u1 - w1 - (u0 < l0 ? 1 : 0);
  return q;
}
