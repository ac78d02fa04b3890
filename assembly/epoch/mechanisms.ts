// Several incentive mechanisms on one subnet (subnets/mechanism.rs): split_emissions divides the
// epoch's emission between mechanisms, and epoch_with_mechanisms folds each mechanism's per-uid
// terms into the subnet's, weighted by that mechanism's share of the emission (U64F64, floored at
// every accumulation step).

import { umul128, wideHi, udiv128by64 } from "../fixed/wide";

/**
 * split_emissions: with a split (u16 parts of 65535) e_k = floor(E * s_k / 65535), else an even
 * floor(E / count); resized to `count`, and the rounding remainder goes to mechanism 0.
 */
export function splitEmissions(e: u64, count: i32, split: usize, splitLen: i32, out: usize): void {
  let sum: u64 = 0;
  for (let k = 0; k < count; k++) {
    let v: u64 = 0;
    if (splitLen >= 0) {
      if (k < splitLen) {
        const lo = umul128(e, <u64>load<u16>(split + (<usize>k << 1)));
        v = udiv128by64(wideHi, lo, 65535); // E * s < 2^80, the quotient fits
      }
    } else {
      v = count > 0 ? e / <u64>count : 0;
    }
    store<u64>(out + (<usize>k << 3), v);
    sum += v;
  }
  if (count > 0) {
    const rounding = e > sum ? e - sum : 0;
    const first = load<u64>(out);
    const s = first + rounding;
    store<u64>(out, s < first ? u64.MAX_VALUE : s);
  }
}

/** The aggregation weight U64F64(e_k) safe_div_or U64F64(E): floor(e_k * 2^64 / E), low word. */
export let weightHi: u64 = 0;
export function mechanismWeight(ek: u64, e: u64, k: i32): u64 {
  if (e == 0) { weightHi = k == 0 ? 1 : 0; return 0; }
  if (ek >= e) {
    // the quotient is >= 2^64: only ek == e can occur (the split never exceeds E)
    if (ek == e) { weightHi = 1; return 0; }
    const q = udiv128by64(ek % e, 0, e);
    weightHi = ek / e;
    return q;
  }
  weightHi = 0;
  return udiv128by64(ek, 0, e);
}

/**
 * acc_i = saturating_to_num(U64F64(acc_i) saturating_add U64F64(x_i) saturating_mul w), clamped to
 * `max` (65535 for u16 terms, u64::MAX for amounts). acc and x are u64 vectors of n.
 */
export function weightedAccumulate(acc: usize, x: usize, n: i32, wLo: u64, wHi: u64, max: u64): void {
  for (let i = 0; i < n; i++) {
    const a = load<u64>(acc + (<usize>i << 3));
    const v = load<u64>(x + (<usize>i << 3));
    // v * w as a 128-bit fixed value with 64 fraction bits: integer part hi, fraction lo
    // the integer part of v * w; its fraction is floored away since U64F64(acc) has none.
    // w <= 1 (a mechanism never gets more than the whole emission), so wHi is 0 or 1 with wLo 0.
    umul128(v, wLo);
    const intPart = wHi != 0 ? v : wideHi;
    let total = a + intPart;
    if (total < a) total = u64.MAX_VALUE;
    store<u64>(acc + (<usize>i << 3), total > max ? max : total);
  }
}
