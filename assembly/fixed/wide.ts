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
