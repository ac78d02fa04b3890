// Signed arithmetic on Bigs with num-bigint's semantics: div_floor rounds toward -inf, div_rem
// truncates. These are the operations safe-bigmath's fixed-point ln/exp series use.

import {
  blen, bneg, setNeg, setLen, limb, setLimb, trim, cmpMag, addMag, subMag, mulMag, shrMag, divSmall,
  divRemMag, lowBitsZero,
} from "./big";

/** |d| += 1 (d keeps its sign). */
export function incMag(d: usize): void {
  const n = blen(d);
  for (let i = 0; i < n; i++) {
    const v = limb(d, i) + 1;
    setLimb(d, i, v);
    if (v != 0) return;
  }
  setLimb(d, n, 1);
  setLen(d, n + 1);
}

/** d = a + b (d may alias a or b). */
export function sAdd(d: usize, a: usize, b: usize): void {
  const na = bneg(a), nb = bneg(b);
  if (na == nb) { addMag(d, a, b); setNeg(d, na && blen(d) != 0); return; }
  if (cmpMag(a, b) >= 0) { subMag(d, a, b); setNeg(d, na && blen(d) != 0); }
  else { subMag(d, b, a); setNeg(d, nb && blen(d) != 0); }
}

/** d = a - b (d may alias a or b). */
export function sSub(d: usize, a: usize, b: usize): void {
  const na = bneg(a), nb = !bneg(b);
  if (na == nb) { addMag(d, a, b); setNeg(d, na && blen(d) != 0); return; }
  if (cmpMag(a, b) >= 0) { subMag(d, a, b); setNeg(d, na && blen(d) != 0); }
  else { subMag(d, b, a); setNeg(d, nb && blen(d) != 0); }
}

/** d = a * b (d must not alias). */
export function sMul(d: usize, a: usize, b: usize): void {
  mulMag(d, a, b);
  setNeg(d, blen(d) != 0 && bneg(a) != bneg(b));
}

/** d = floor(a / 2^k) (d may alias a). */
export function floorShr(d: usize, a: usize, k: i32): void {
  const neg = bneg(a);
  const lost = shrMag(d, a, k);
  if (neg) {
    if (lost) incMag(d);
    setNeg(d, blen(d) != 0);
  } else setNeg(d, false);
}

/** d = floor(a / m) for a small positive m (d may alias a). */
export function floorDivSmall(d: usize, a: usize, m: u32): void {
  const neg = bneg(a);
  const r = divSmall(d, a, m);
  if (neg) {
    if (r != 0) incMag(d);
    setNeg(d, blen(d) != 0);
  } else setNeg(d, false);
}

/**
 * d = floor(a / b) for b > 0 with more than one limb; q/r/un/vn as divRemMag. d is the quotient
 * buffer q itself.
 */
export function floorDivBig(q: usize, r: usize, a: usize, b: usize, un: usize, vn: usize): void {
  const neg = bneg(a);
  divRemMag(q, r, a, b, un, vn);
  if (neg) {
    if (blen(r) != 0) incMag(q);
    setNeg(q, blen(q) != 0);
  } else setNeg(q, false);
}

/**
 * d = a div_rem 2^g (truncating), then +sign(a) when the remainder is at least half of 2^g
 * (safe-bigmath's round_to_precision with guard factor 2^g). d may alias a.
 */
export function roundShr(d: usize, a: usize, g: i32): void {
  const neg = bneg(a);
  const half = g > 0 && ((limbAt(a, (g - 1) >> 5) >> <u32>((g - 1) & 31)) & 1) != 0;
  shrMag(d, a, g);
  if (half) incMag(d);
  setNeg(d, neg && blen(d) != 0);
}

function limbAt(a: usize, i: i32): u32 { return i < blen(a) ? limb(a, i) : 0; }

/** Whether |a| < 2^k. */
export function magBelowPow2(a: usize, k: i32): bool {
  const n = blen(a);
  if (n == 0) return true;
  const bits = (n << 5) - <i32>clz<u32>(limb(a, n - 1));
  return bits <= k;
}

export { lowBitsZero, trim };
