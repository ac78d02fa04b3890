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

/** A U64F64 value as its two words. */
export class MechanismWeight { lo: u64 = 0; hi: u64 = 0; }

/** The aggregation weight U64F64(e_k) safe_div_or U64F64(E): floor(e_k * 2^64 / E); 1 for mechanism 0 when E = 0. */
export function mechanismWeight(ek: u64, e: u64, k: i32): MechanismWeight {
  const w = new MechanismWeight();
  if (e == 0) { w.hi = k == 0 ? 1 : 0; return w; }
  if (ek >= e) {
    // the quotient is >= 2^64: only ek == e can occur (the split never exceeds E)
    if (ek == e) { w.hi = 1; return w; }
    w.lo = udiv128by64(ek % e, 0, e);
    w.hi = ek / e;
    return w;
  }
  w.lo = udiv128by64(ek, 0, e);
  return w;
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

/** Pointers to the per-uid terms of one epoch (u64 per uid; u16 terms widened, booleans 0/1). */
export class FoldTerms {
  dividends: usize = 0;
  consensus: usize = 0;
  validatorTrust: usize = 0;
  stakeWeight: usize = 0;
  emission: usize = 0;
  incentive: usize = 0;
  serverEmission: usize = 0;
  validatorEmission: usize = 0;
  stake: usize = 0;
  active: usize = 0;
  validatorPermit: usize = 0;
}

// @ts-ignore: decorator
@inline function satAddInto(acc: usize, x: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const p = acc + (<usize>i << 3);
    const a = load<u64>(p), s = a + load<u64>(x + (<usize>i << 3));
    store<u64>(p, s < a ? u64.MAX_VALUE : s);
  }
}

// @ts-ignore: decorator
@inline function orInto(acc: usize, x: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const p = acc + (<usize>i << 3);
    store<u64>(p, load<u64>(p) | (load<u64>(x + (<usize>i << 3)) != 0 ? 1 : 0));
  }
}

/**
 * epoch_with_mechanisms' fold of mechanism k (its emission e_k of E) into the subnet's terms: the
 * u16 terms and the alpha emission as weighted sums floored at every step, incentive from the first
 * mechanism only (the chain inserts it when a hotkey is first seen), server and validator emission
 * and stake as saturating sums, active and the new permits ORed.
 */
export function foldMechanismTerms(acc: FoldTerms, x: FoldTerms, n: i32, k: i32, ek: u64, e: u64): MechanismWeight {
  const w = mechanismWeight(ek, e, k);
  weightedAccumulate(acc.dividends, x.dividends, n, w.lo, w.hi, 65535);
  weightedAccumulate(acc.consensus, x.consensus, n, w.lo, w.hi, 65535);
  weightedAccumulate(acc.validatorTrust, x.validatorTrust, n, w.lo, w.hi, 65535);
  weightedAccumulate(acc.stakeWeight, x.stakeWeight, n, w.lo, w.hi, 65535);
  weightedAccumulate(acc.emission, x.emission, n, w.lo, w.hi, u64.MAX_VALUE);
  if (k == 0) weightedAccumulate(acc.incentive, x.incentive, n, w.lo, w.hi, 65535);
  satAddInto(acc.serverEmission, x.serverEmission, n);
  satAddInto(acc.validatorEmission, x.validatorEmission, n);
  satAddInto(acc.stake, x.stake, n);
  orInto(acc.active, x.active, n);
  orInto(acc.validatorPermit, x.validatorPermit, n);
  return w;
}
