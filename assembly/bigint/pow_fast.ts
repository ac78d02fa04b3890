// A certified shortcut for safe-bigmath's pow_ratio_scaled (see pow_ratio.ts): both of the crate's
// paths return floor(X) for X = scale·(bn/bd)^(en/ed) whenever X is not extremely close to an
// integer, so X is enclosed in a proven interval with 128-bit fixed-point ln/exp and the answer is
// read off when the interval holds a single integer. Otherwise the caller runs the crate's own
// computation. Costs a few dozen 4-limb products, whatever the weight.
//
// Why floor(X) is the crate's answer:
// - exact path (reduced en, ed <= 1024): the largest r with r^ed·bd^en <= bn^en·scale^ed is
//   floor(X) by definition.
// - ln/exp path at precision P >= 256 (IP = P + 24 >= 280), en/ed <= 2^10, |L| <= 60: every floor
//   in ln1p costs < 2 ulps of 2^-IP per term (|x| <= 1/2) and the series stops once a term is
//   below 2^24 ulps (reached by n = 256 < iters), so each ln, ln2 included, is within 2^26 ulps;
//   with sh <= 256 and the factor en/ed the exponent L is within 2^45 ulps, a relative error of
//   2^-235 on exp(L). In expf (it converges by n = 300 < iters for |L| <= 60) each floor error is
//   carried forward by |L|/n, at most e^|L| <= 2^87 in all over <= 2^9 terms, the truncation adds
//   < 2^25 ulps and round(·, 2^24) <= 2^23 ulps. So with Y = round(expf(L))·scale / 2^P, the value
//   the crate floors, |Y − X| <= scale·2^(96 − 280) + X·2^-234 <= 2^-110 for scale < 2^64 and
//   X < 2^66. MARGIN (2^-100) covers it.
//
// Error bounds of the enclosure below (u = 2^-F, F = 128), each floor losing < 1 u:
// - ln: bn/bd = 2^k·ρ with ρ in [0.70, 1.42] so t = (ρ − 1)/(ρ + 1) has |t| < 0.18, t² < 0.0325;
//   ln ρ = 2·atanh t = 2·Σ t^(2j+1)/(2j+1). t̃ = floor(t) (< 1 u); the powers t̃^(2j+1) by
//   repeated floor(p·q̃) with q̃ = floor(t̃²) stay within 1.25 u (e_j <= 0.0325·e_(j−1) + 0.18 + 1),
//   each term within 1.5 u, the tail after |p| <= 1 within 0.8 u, t̃'s own error costs 2·1.04 u,
//   and k·ln2 (ln2 truncated at 2^-192) 2 u: |z − ln(bn/bd)| <= 4.5·J + 9 <= 256 u for J <= 40.
// - L = z·en/ed floored: E_L <= 256·en/ed + 1 u.
// - exp(L) = 2^k2·exp(r), r = L − k2·ln2, |r| <= 0.36: terms r^n/n! by floor(floor(T·r̃/2^F)/n)
//   stay within 1.57 u, the tail after T = 0 within 4.1 u, and r̃'s error E_L + 2 costs
//   e^0.36 <= 1.44 times that: E_exp <= 2·N + 5 + 2·(E_L + 2) u.

import {
  bigNew, bigCopy, blen, bneg, setNeg, bigBitlen, bigIsZero, cmpMag, shlMag, limb, bigFromU64, bigSetU64,
  mulMag, scratchLimbs, setLimb, trim,
} from "./big";
import { sAdd, sSub, sMul, floorShr, floorDivSmall, floorDivBig, magBelowPow2 } from "./signed";

const F: i32 = 128;
// floor(ln 2 · 2^192), little-endian u32 limbs
const LN2_192 = memory.data<u32>([0x7298b62d, 0x40f34326, 0x03f2f6af, 0xc9e3b398, 0xd1cf79ab, 0xb17217f7]);
const LN2: f64 = 0.6931471805599453;
const MAX_TERMS: i32 = 40;
const ERR_LN: u64 = 256;
/** the crate's own distance from X on its ln/exp path, in units of 2^-100 (see the header) */
const MARGIN_BITS: i32 = 100;

/** Result of fastPow: DECIDED (value in `fastResult`), UNDECIDED, or TOO_BIG (X >= 2^64 surely). */
export const UNDECIDED: i32 = 0;
export const DECIDED: i32 = 1;
export const TOO_BIG: i32 = 2;
export let fastResult: usize = 0;
/** lower candidate when the enclosure straddles one integer m: floor(X) is m or m − 1 */
export let straddle: usize = 0;

function ln2Big(): usize {
  const p = bigNew(6);
  for (let i = 0; i < 6; i++) setLimb(p, i, load<u32>(LN2_192 + (<usize>i << 2)));
  trim(p, 6);
  return p;
}

/** 2^k as f64 for |k| < 1000 (built from its exponent bits). */
// @ts-ignore: decorator
@inline function pow2(k: i32): f64 { return reinterpret<f64>(<u64>(1023 + k) << 52); }

/** A Big's value times 2^-shift as f64 (top three limbs, enough for range decisions). */
function toF64(p: usize, shift: i32 = 0): f64 {
  const n = blen(p);
  let v: f64 = 0;
  for (let i = n - 1; i >= 0 && i >= n - 3; i--) v += <f64>limb(p, i) * pow2(32 * i - shift);
  return bneg(p) ? -v : v;
}

/** q = floor(a / b) for b > 0 of any length; q has room for blen(a) + 1 limbs. */
function floorDiv(q: usize, a: usize, b: usize): void {
  if (blen(b) == 1) { floorDivSmall(q, a, limb(b, 0)); return; }
  const r = bigNew(blen(b) + 1);
  floorDivBig(q, r, a, b, scratchLimbs(blen(a) + 1), scratchLimbs(blen(b)));
}

/** |a| <= 1 */
function atMostOne(a: usize): bool { return blen(a) == 0 || (blen(a) == 1 && limb(a, 0) == 1); }

/**
 * Encloses X = scale·(bn/bd)^(en/ed) (bn, bd, scale > 0, bn != bd, en, ed >= 1, en/ed < 2^20) and
 * decides floor(X) when it can. `crateMargin` widens the enclosure by 2^-100 for the ln/exp path;
 * `minL` is the smallest exponent L accepted (the ln/exp path needs L >= -60).
 */
export function fastPow(bn: usize, bd: usize, en: u64, ed: u64, scale: usize, crateMargin: bool, minL: f64): i32 {
  straddle = 0;
  const nb = bigBitlen(bn), db = bigBitlen(bd), sb = bigBitlen(scale);
  let k = nb - db;
  // u/v = bn/(bd·2^k) in (1/2, 2); move k by one when the ratio leaves [0.70, 1.42]
  const rough = toF64(bn, nb) / toF64(bd, db);
  if (rough > 1.41) k += 1; else if (rough < 0.71) k -= 1;
  const cap = limbsOf(nb + db + 8 + (k < 0 ? -k : k)) + 2;
  const u = bigNew(cap), v = bigNew(cap);
  bigCopy(u, bn); bigCopy(v, bd);
  if (k >= 0) shlMag(v, v, k); else shlMag(u, u, -k);
  const num = bigNew(cap + 5), den = bigNew(cap);
  sSub(num, u, v);
  shlMag(num, num, F);
  sAdd(den, u, v);
  const t = bigNew(cap + 6);
  floorDiv(t, num, den);
  // the bounds above need |t| < 0.18 (checked with slack against f64 rounding)
  if (!magBelowPow2(t, F) || Math.abs(toF64(t, F)) >= 0.179) return UNDECIDED;

  // ln ρ = 2·atanh(t)
  const W = 3 * (F >> 5) + 6;
  const q = bigNew(W), p = bigNew(W), prod = bigNew(W), term = bigNew(W), s = bigNew(W);
  sMul(prod, t, t); floorShr(q, prod, F);
  bigCopy(p, t); bigCopy(s, t);
  let j = 1;
  for (; j <= MAX_TERMS; j++) {
    sMul(prod, p, q); floorShr(p, prod, F);
    if (atMostOne(p)) break;
    floorDivSmall(term, p, <u32>(2 * j + 1));
    sAdd(s, s, term);
  }
  if (j > MAX_TERMS) return UNDECIDED;
  const z = bigNew(W + 2);
  shlMag(z, s, 1); setNeg(z, bneg(s));
  if (k != 0) {
    const kb = bigFromU64(<u64>(k < 0 ? -k : k));
    const kl = bigNew(10);
    mulMag(kl, ln2Big(), kb); setNeg(kl, k < 0);
    floorShr(kl, kl, 192 - F);
    sAdd(z, z, kl);
  }

  // L = floor(z·en/ed)
  const ratio = en / ed;
  const errL: u64 = ERR_LN * (ratio + 1) + 1;
  const L = bigNew(W + 6), zl = bigNew(W + 6);
  sMul(zl, z, bigFromU64(en));
  floorDiv(L, zl, bigFromU64(ed));
  const Lf = toF64(L, F);
  if (Lf < minL) return UNDECIDED;
  // X <= 2^sb·e^L < 1 below this; X >= 2^(sb-1)·e^L > 2^64 above the next one
  if (Lf < -(<f64>sb) * LN2 - 1) {
    if (crateMargin) return UNDECIDED;
    fastResult = bigNew(1);
    return DECIDED;
  }
  if (Lf > <f64>(65 - sb) * LN2 + 1) return crateMargin && Lf > 60 ? UNDECIDED : TOO_BIG;

  // exp(L) = 2^k2 · exp(r)
  const k2 = <i32>Math.round(Lf / LN2);
  const r = bigNew(W + 6);
  bigCopy(r, L);
  if (k2 != 0) {
    const kl = bigNew(10);
    mulMag(kl, ln2Big(), bigFromU64(<u64>(k2 < 0 ? -k2 : k2))); setNeg(kl, k2 < 0);
    floorShr(kl, kl, 192 - F);
    sSub(r, r, kl);
  }
  if (!magBelowPow2(r, F) || Math.abs(toF64(r, F)) >= 0.359) return UNDECIDED;
  const T = bigNew(W + 6), e = bigNew(W + 6);
  bigSetU64(T, 1); shlMag(T, T, F);
  bigCopy(e, T);
  let n = 1;
  for (; n <= MAX_TERMS; n++) {
    sMul(prod, T, r); floorShr(prod, prod, F);
    floorDivSmall(T, prod, <u32>n);
    if (bigIsZero(T)) break;
    sAdd(e, e, T);
  }
  if (n > MAX_TERMS) return UNDECIDED;
  const errE: u64 = 2 * <u64>n + 5 + 2 * (errL + 2);

  // X in [scale·(e − errE), scale·(e + errE)] · 2^(k2 − F)
  const sh = F - k2;
  if (sh <= 0) return UNDECIDED;
  const eb = bigFromU64(errE);
  const lo = bigNew(W + 12), hi = bigNew(W + 12), x = bigNew(W + 12);
  sSub(x, e, eb); sMul(lo, x, scale);
  sAdd(x, e, eb); sMul(hi, x, scale);
  if (crateMargin) {
    const m = bigNew(W + 12);
    bigSetU64(m, 1);
    if (sh > MARGIN_BITS) shlMag(m, m, sh - MARGIN_BITS);
    sSub(lo, lo, m); sAdd(hi, hi, m);
  }
  floorShr(lo, lo, sh); floorShr(hi, hi, sh);
  if (bneg(lo)) {
    // X > 0: floor is 0 when the top is below 1 (the exact path only; the crate's Y could dip)
    if (crateMargin || !bigIsZero(hi) || bneg(hi)) return UNDECIDED;
    fastResult = bigNew(1);
    return DECIDED;
  }
  const c = cmpMag(lo, hi);
  if (c == 0) { fastResult = lo; return DECIDED; }
  // one integer boundary inside: floor(X) is hi or hi − 1
  const one = bigFromU64(1);
  const lo1 = bigNew(blen(lo) + 1);
  sAdd(lo1, lo, one);
  if (cmpMag(lo1, hi) == 0) { straddle = lo; fastResult = hi; }
  return UNDECIDED;
}

// @ts-ignore: decorator
@inline function limbsOf(bits: i32): i32 { return (bits + 31) >> 5; }
