// Arbitrary-precision integers on little-endian u32 limbs, in fixed-capacity buffers taken from
// the arena. Sign-magnitude: the magnitude ops below ignore the sign word; signed.ts adds the
// floor/round semantics of num-bigint that safe-bigmath's pow_ratio_scaled relies on.
// Layout of a Big at p: len u32 (limbs in use, no leading zero limbs), neg u32 (1 = negative,
// never set on zero), cap u32, pad u32, then cap limbs. No op allocates: callers size the
// destination (`cap`) and pass scratch; destinations may alias sources only where stated.

import { salloc } from "./scratch";
import { udivLimbs } from "../fixed/limbs";

// @ts-ignore: decorator
@inline export function blen(p: usize): i32 { return <i32>load<u32>(p); }
// @ts-ignore: decorator
@inline export function bneg(p: usize): bool { return load<u32>(p, 4) != 0; }
// @ts-ignore: decorator
@inline export function bcap(p: usize): i32 { return <i32>load<u32>(p, 8); }
// @ts-ignore: decorator
@inline export function limbs(p: usize): usize { return p + 16; }
// @ts-ignore: decorator
@inline export function limb(p: usize, i: i32): u32 { return load<u32>(p + 16 + (<usize>i << 2)); }
// @ts-ignore: decorator
@inline export function setLimb(p: usize, i: i32, v: u32): void { store<u32>(p + 16 + (<usize>i << 2), v); }
// @ts-ignore: decorator
@inline export function setLen(p: usize, n: i32): void { store<u32>(p, <u32>n); }
// @ts-ignore: decorator
@inline export function setNeg(p: usize, neg: bool): void { store<u32>(p, neg ? 1 : 0, 4); }

/** A zero with room for `cap` limbs. */
export function bigNew(cap: i32): usize {
  if (cap < 1) cap = 1;
  const p = salloc(16 + (<usize>cap << 2));
  store<u32>(p, 0); store<u32>(p, 0, 4); store<u32>(p, <u32>cap, 8); store<u32>(p, 0, 12);
  return p;
}

/** Limbs needed for `bits` bits. */
// @ts-ignore: decorator
@inline export function limbsFor(bits: i32): i32 { return (bits + 31) >> 5; }

/** Drops leading zero limbs; clears the sign of zero. */
export function trim(p: usize, n: i32): void {
  while (n > 0 && limb(p, n - 1) == 0) n--;
  setLen(p, n);
  if (n == 0) setNeg(p, false);
}

export function bigSetU64(p: usize, v: u64): void {
  setLimb(p, 0, <u32>v); setLimb(p, 1, <u32>(v >> 32));
  setNeg(p, false);
  trim(p, 2);
}
export function bigSetU128(p: usize, hi: u64, lo: u64): void {
  setLimb(p, 0, <u32>lo); setLimb(p, 1, <u32>(lo >> 32));
  setLimb(p, 2, <u32>hi); setLimb(p, 3, <u32>(hi >> 32));
  setNeg(p, false);
  trim(p, 4);
}
export function bigFromU64(v: u64): usize { const p = bigNew(2); bigSetU64(p, v); return p; }
export function bigFromU128(hi: u64, lo: u64): usize { const p = bigNew(4); bigSetU128(p, hi, lo); return p; }

export function bigCopy(d: usize, s: usize): void {
  const n = blen(s);
  memory.copy(limbs(d), limbs(s), <usize>n << 2);
  setLen(d, n); setNeg(d, bneg(s));
}

export function bigIsZero(p: usize): bool { return blen(p) == 0; }

/** Low 64 bits of the magnitude. */
export function bigLow64(p: usize): u64 {
  const n = blen(p);
  if (n == 0) return 0;
  const lo = <u64>limb(p, 0);
  return n == 1 ? lo : lo | (<u64>limb(p, 1) << 32);
}
/** The i-th 64-bit word of the magnitude (0 past its end). */
export function bigWord(p: usize, i: i32): u64 {
  const n = blen(p);
  const lo: u64 = 2 * i < n ? <u64>limb(p, 2 * i) : 0;
  const hi: u64 = 2 * i + 1 < n ? <u64>limb(p, 2 * i + 1) : 0;
  return lo | (hi << 32);
}

/** Whether the magnitude fits in 64 bits. */
export function bigFitsU64(p: usize): bool { return blen(p) <= 2; }

export function bigBitlen(p: usize): i32 {
  const n = blen(p);
  if (n == 0) return 0;
  return (n << 5) - <i32>clz<u32>(limb(p, n - 1));
}

/** Compares magnitudes: -1, 0, 1. */
export function cmpMag(a: usize, b: usize): i32 {
  const na = blen(a), nb = blen(b);
  if (na != nb) return na < nb ? -1 : 1;
  for (let i = na - 1; i >= 0; i--) {
    const x = limb(a, i), y = limb(b, i);
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Signed compare. */
export function bigCmp(a: usize, b: usize): i32 {
  const sa = bneg(a), sb = bneg(b);
  if (sa != sb) return sa ? -1 : 1;
  const c = cmpMag(a, b);
  return sa ? -c : c;
}

/** |d| = |a| + |b| (d may alias a or b). */
export function addMag(d: usize, a: usize, b: usize): void {
  let na = blen(a), nb = blen(b);
  if (na < nb) { const t = a; a = b; b = t; const u = na; na = nb; nb = u; }
  let c: u64 = 0;
  for (let i = 0; i < nb; i++) {
    const s = <u64>limb(a, i) + <u64>limb(b, i) + c;
    setLimb(d, i, <u32>s); c = s >> 32;
  }
  for (let i = nb; i < na; i++) {
    const s = <u64>limb(a, i) + c;
    setLimb(d, i, <u32>s); c = s >> 32;
  }
  let n = na;
  if (c != 0) { setLimb(d, n, <u32>c); n++; }
  setLen(d, n);
}

/** |d| = |a| - |b|, requires |a| >= |b| (d may alias a or b). */
export function subMag(d: usize, a: usize, b: usize): void {
  const na = blen(a), nb = blen(b);
  let br: i64 = 0;
  for (let i = 0; i < nb; i++) {
    const s = <i64>limb(a, i) - <i64>limb(b, i) - br;
    setLimb(d, i, <u32>s); br = s < 0 ? 1 : 0;
  }
  for (let i = nb; i < na; i++) {
    const s = <i64>limb(a, i) - br;
    setLimb(d, i, <u32>s); br = s < 0 ? 1 : 0;
  }
  trim(d, na);
}

/** |d| = |a| * |b|; d must not alias a or b. */
export function mulMag(d: usize, a: usize, b: usize): void {
  const na = blen(a), nb = blen(b);
  if (na == 0 || nb == 0) { setLen(d, 0); return; }
  const n = na + nb;
  memory.fill(limbs(d), 0, <usize>n << 2);
  const pa = limbs(a), pb = limbs(b), pd = limbs(d);
  for (let i = 0; i < na; i++) {
    const x = <u64>load<u32>(pa + (<usize>i << 2));
    if (x == 0) continue;
    let c: u64 = 0;
    let at = pd + (<usize>i << 2);
    for (let j = 0; j < nb; j++) {
      const t = x * <u64>load<u32>(pb + (<usize>j << 2)) + <u64>load<u32>(at) + c;
      store<u32>(at, <u32>t);
      c = t >> 32;
      at += 4;
    }
    store<u32>(at, <u32>c);
  }
  trim(d, n);
}

/** |d| = |a| * m for a small m (d may alias a). */
export function mulSmall(d: usize, a: usize, m: u32): void {
  const na = blen(a);
  let c: u64 = 0;
  for (let i = 0; i < na; i++) {
    const t = <u64>limb(a, i) * <u64>m + c;
    setLimb(d, i, <u32>t); c = t >> 32;
  }
  let n = na;
  if (c != 0) { setLimb(d, n, <u32>c); n++; }
  trim(d, n);
}

/** |d| = floor(|a| / m), returns the remainder (d may alias a). */
export function divSmall(d: usize, a: usize, m: u32): u32 {
  const na = blen(a);
  let r: u64 = 0;
  const mm = <u64>m;
  for (let i = na - 1; i >= 0; i--) {
    const cur = (r << 32) | <u64>limb(a, i);
    const q = cur / mm;
    setLimb(d, i, <u32>q);
    r = cur - q * mm;
  }
  trim(d, na);
  return <u32>r;
}

/** |d| = |a| << k (d may alias a). */
export function shlMag(d: usize, a: usize, k: i32): void {
  const na = blen(a);
  if (na == 0) { setLen(d, 0); return; }
  const w = k >> 5, s = k & 31;
  if (s == 0) {
    for (let i = na - 1; i >= 0; i--) setLimb(d, i + w, limb(a, i));
    for (let i = 0; i < w; i++) setLimb(d, i, 0);
    setLen(d, na + w);
    return;
  }
  setLimb(d, na + w, limb(a, na - 1) >> (32 - s));
  for (let i = na - 1; i > 0; i--) setLimb(d, i + w, (limb(a, i) << s) | (limb(a, i - 1) >> (32 - s)));
  setLimb(d, w, limb(a, 0) << s);
  for (let i = 0; i < w; i++) setLimb(d, i, 0);
  trim(d, na + w + 1);
}

/** |d| = floor(|a| / 2^k); returns whether any 1 bit was dropped (d may alias a). */
export function shrMag(d: usize, a: usize, k: i32): bool {
  const na = blen(a);
  const w = k >> 5, s = k & 31;
  if (w >= na) { const nz = na > 0; setLen(d, 0); return nz; }
  let lost = false;
  for (let i = 0; i < w; i++) if (limb(a, i) != 0) { lost = true; break; }
  if (s != 0 && (limb(a, w) & ((<u32>1 << s) - 1)) != 0) lost = true;
  const n = na - w;
  if (s == 0) {
    for (let i = 0; i < n; i++) setLimb(d, i, limb(a, i + w));
  } else {
    for (let i = 0; i < n - 1; i++) setLimb(d, i, (limb(a, i + w) >> s) | (limb(a, i + w + 1) << (32 - s)));
    setLimb(d, n - 1, limb(a, na - 1) >> s);
  }
  trim(d, n);
  return lost;
}

/** Whether the low k bits of |a| are all zero. */
export function lowBitsZero(a: usize, k: i32): bool {
  const na = blen(a);
  const w = k >> 5, s = k & 31;
  for (let i = 0; i < w && i < na; i++) if (limb(a, i) != 0) return false;
  if (s != 0 && w < na && (limb(a, w) & ((<u32>1 << s) - 1)) != 0) return false;
  return true;
}

/**
 * q = floor(|a| / |b|), r = |a| mod |b| (b != 0). q needs blen(a) - blen(b) + 1 limbs, r blen(b);
 * `un` scratch blen(a) + 1 limbs, `vn` blen(b) limbs (plain limb areas, not Bigs).
 */
export function divRemMag(q: usize, r: usize, a: usize, b: usize, un: usize, vn: usize): void {
  const m = blen(a), n = blen(b);
  if (cmpMag(a, b) < 0) {
    bigCopy(r, a); setNeg(r, false); setLen(q, 0);
    return;
  }
  udivLimbs(limbs(a), m, limbs(b), n, limbs(q), limbs(r), un, vn);
  trim(q, m - n + 1);
  trim(r, n);
}

/** Scratch limb area for divRemMag. */
export function scratchLimbs(n: i32): usize { return salloc(<usize>(n + 1) << 2); }
