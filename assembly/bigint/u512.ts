// Checked 512-bit unsigned integers on top of big.ts, with the semantics of primitive-types' U512
// as the runtime-473 superellipse uses it (pallets/swap/src/pallet/superellipse.rs): a product or
// sum reaching 2^512 and a subtraction going below zero fail instead of wrapping, a division by
// zero fails, and the floor square root is exact. The caller maps a failure to the chain's error.
// Every value lives in a Big with room for a full 1024-bit product, so overflow is detected on
// the exact result rather than predicted.

import { salloc } from "./scratch";
import {
  bigNew, blen, limb, setLimb, trim, bigBitlen, cmpMag, addMag, subMag, mulMag,
  divRemMag, shlMag, shrMag, bigCopy, bigWord,
} from "./big";

/** Limbs of capacity: a 1024-bit product plus headroom for a shift. */
const CAP: i32 = 36;
const LIMIT_LIMBS: i32 = 16;

/** A zero U512 temporary (scratch memory, released with the caller's mark). */
// @ts-ignore: decorator
@inline export function w512(): usize {
  const p = salloc(16 + (<usize>CAP << 2));
  store<u64>(p, 0); store<u64>(p, <u64>CAP, 8); // len 0, not negative, cap CAP
  return p;
}

export function w512U64(v: u64): usize {
  const p = w512();
  setLimb(p, 0, <u32>v); setLimb(p, 1, <u32>(v >> 32));
  trim(p, 2);
  return p;
}

export function w512U128(hi: u64, lo: u64): usize {
  const p = w512();
  setLimb(p, 0, <u32>lo); setLimb(p, 1, <u32>(lo >> 32));
  setLimb(p, 2, <u32>hi); setLimb(p, 3, <u32>(hi >> 32));
  trim(p, 4);
  return p;
}

/** Whether the value still fits the 512-bit type. */
// @ts-ignore: decorator
@inline function fits(p: usize): bool { return blen(p) <= LIMIT_LIMBS; }

/** d = a · b (d distinct from a and b); false on overflow of 2^512. */
export function mulC(d: usize, a: usize, b: usize): bool { mulMag(d, a, b); return fits(d); }

/** d = a + b (d may alias); false on overflow of 2^512. */
export function addC(d: usize, a: usize, b: usize): bool { addMag(d, a, b); return fits(d); }

/** d = a − b (d may alias); false when b > a. */
export function subC(d: usize, a: usize, b: usize): bool {
  if (cmpMag(a, b) < 0) return false;
  subMag(d, a, b);
  return true;
}

/** d = a · 2^k (d may alias); false on overflow. */
export function shlC(d: usize, a: usize, k: i32): bool { shlMag(d, a, k); return fits(d); }

/** d = floor(a / 2^k) (d may alias). */
// @ts-ignore: decorator
@inline export function shr(d: usize, a: usize, k: i32): void { shrMag(d, a, k); }

/** q = floor(a / b) (q distinct from a and b); false when b = 0. */
export function divC(q: usize, a: usize, b: usize): bool {
  const n = blen(b);
  if (n == 0) return false;
  const r = bigNew(n + 1);
  const un = salloc(<usize>(blen(a) + 2) << 2);
  const vn = salloc(<usize>(n + 1) << 2);
  divRemMag(q, r, a, b, un, vn);
  return true;
}

/** Compare magnitudes: −1, 0, 1. */
// @ts-ignore: decorator
@inline export function cmp512(a: usize, b: usize): i32 { return cmpMag(a, b); }

export function isZero512(a: usize): bool { return blen(a) == 0; }

/** Whether the value fits u128 (the chain's `narrow`). */
export function fitsU128(a: usize): bool { return blen(a) <= 4; }
/** Whether the value fits u64. */
export function fitsU64(a: usize): bool { return blen(a) <= 2; }
/** 64-bit word i of the value. */
// @ts-ignore: decorator
@inline export function word512(a: usize, i: i32): u64 { return bigWord(a, i); }

export function copy512(d: usize, s: usize): void { bigCopy(d, s); }

/**
 * floor(√v), exact. The chain runs Newton's iteration down from 2^ceil(bits/2); every start at or
 * above the root reaches the same floor root (each step from above the root strictly decreases
 * and never crosses below it), so this starts from a double-precision estimate rounded up with
 * margin, which saves about half of the 512/256-bit divisions and changes no result.
 */
export function sqrtFloor(d: usize, v: usize): void {
  const bits = bigBitlen(v);
  if (bits <= 1) { bigCopy(d, v); return; }
  // top bits of v with an even shift, as a double
  let sh = bits - 62;
  if (sh < 0) sh = 0;
  sh = (sh + 1) & ~1;
  const t = w512();
  shrMag(t, v, sh);
  const top = bigWord(t, 0);
  const est = Math.sqrt(<f64>top) * (1.0 + 1.0 / 1099511627776.0);
  const root = w512U64(<u64>est + 2);
  shlMag(root, root, sh >> 1);
  newtonDown(d, v, root);
}

/** The value as a double, from its top 96 bits (relative error below 2^-52). */
export function toF64(p: usize): f64 {
  const n = blen(p);
  if (n <= 2) return <f64>bigWord(p, 0);
  const top = <f64>limb(p, n - 1) * 18446744073709551616.0 + <f64>limb(p, n - 2) * 4294967296.0 + <f64>limb(p, n - 3);
  return top * reinterpret<f64>(<u64>(1023 + 32 * (n - 3)) << 52);
}

/** d = a + ⌈x⌉ for a double x ≥ 0 (d distinct from a). */
export function addF64(d: usize, a: usize, x: f64): void {
  let t: usize;
  if (x < 9.2e18) t = w512U64(<u64>Math.ceil(x));
  else {
    // x = mantissa · 2^e exactly, an integer when e >= 0
    const bits = reinterpret<u64>(x);
    const e = <i32>((bits >> 52) & 0x7ff) - 1075;
    t = w512U64((bits & 0xfffffffffffff) | 0x10000000000000);
    shlMag(t, t, e);
  }
  addMag(d, a, t);
}

/**
 * Newton's integer iteration downwards from `root` (which must be at least the floor root) to
 * floor(√v), into d; `root` is overwritten.
 */
export function newtonDown(d: usize, v: usize, root: usize): void {
  const q = w512(), next = w512(), sq = w512();
  const r = bigNew(CAP);
  const un = salloc(<usize>(CAP + 2) << 2);
  const vn = salloc(<usize>(CAP + 1) << 2);
  for (;;) {
    divRemMag(q, r, v, root, un, vn);
    addMag(next, root, q);
    shrMag(next, next, 1);
    if (cmpMag(next, root) >= 0) { bigCopy(d, root); return; }
    // an iterate from above whose square is at most v is the floor root: a product settles it
    // one division earlier than the step that stops moving
    mulMag(sq, next, next);
    if (cmpMag(sq, v) <= 0) { bigCopy(d, next); return; }
    bigCopy(root, next);
  }
}

/** The chain's own start (2^ceil(bits/2)), kept for the upstream tests and the bench baseline. */
export function sqrtFloorFromPow2(d: usize, v: usize): void {
  const bits = bigBitlen(v);
  if (bits <= 1) { bigCopy(d, v); return; }
  const root = w512U64(1);
  shlMag(root, root, (bits + 1) >> 1);
  const q = w512(), next = w512();
  const r = bigNew(CAP);
  const un = salloc(<usize>(CAP + 2) << 2);
  const vn = salloc(<usize>(CAP + 1) << 2);
  for (;;) {
    divRemMag(q, r, v, root, un, vn);
    addMag(next, root, q);
    shrMag(next, next, 1);
    if (cmpMag(next, root) >= 0) { bigCopy(d, root); return; }
    bigCopy(root, next);
  }
}
