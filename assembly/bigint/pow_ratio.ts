// safe-bigmath 0.4.1 SafeInt::pow_ratio_scaled(bn, bd, en, ed, precision, scale) ≈ scale·(bn/bd)^(en/ed),
// the exponentiation under every Balancer swap and limit price. Two paths, as the crate runs them:
// reduced exponents both <= 1024 → exact integer root (largest r with r^ed·bd^en <= bn^en·scale^ed);
// otherwise fixed-point Taylor series for ln(1+x) and exp(x) at 2^(P+24) with early exits, then
// rounding away the 24 guard bits. Every floor/truncation below is the crate's, step for step.

import {
  bigNew, bigCopy, bigSetU64, blen, bneg, setNeg, limbsFor, bigBitlen, bigIsZero, cmpMag, mulMag, shlMag, shrMag,
  divRemMag, scratchLimbs, limb, bigFromU64,
} from "./big";
import { sAdd, sSub, sMul, floorShr, floorDivSmall, floorDivBig, roundShr, magBelowPow2, incMag } from "./signed";
import { fastPow, DECIDED, TOO_BIG, fastResult, straddle } from "./pow_fast";

const GUARD: i32 = 24;
const MAX_EXACT: u64 = 1024;

function gcd64(a: u64, b: u64): u64 {
  while (b != 0) { const r = a % b; a = b; b = r; }
  return a;
}

/** d = a^e (square and multiply); d must not alias a; t1 is scratch of the same capacity. */
function powInto(d: usize, a: usize, e: u32, t1: usize): void {
  bigSetU64(d, 1);
  let bit: i32 = 31 - <i32>clz<u32>(e);
  for (; bit >= 0; bit--) {
    mulMag(t1, d, d); bigCopy(d, t1);
    if (((e >> <u32>bit) & 1) != 0) { mulMag(t1, d, a); bigCopy(d, t1); }
  }
}

/** floor of the q-th root of num/den (q >= 1). */
function nthRootRatioFloor(num: usize, den: usize, q: u32): usize {
  const nb = bigBitlen(num), db = bigBitlen(den);
  if (cmpMag(num, den) < 0) return bigNew(1);
  if (q == 1) {
    const qq = bigNew(blen(num) - blen(den) + 2);
    const rr = bigNew(blen(den) + 1);
    divRemMag(qq, rr, num, den, scratchLimbs(blen(num) + 1), scratchLimbs(blen(den)));
    return qq;
  }
  // r^q <= num/den < 2^(nb - db + 1)  =>  bitlen(r) <= ceil((nb - db + 1) / q)
  const rbits = (nb - db + 1 + <i32>q - 1) / <i32>q;
  const capR = limbsFor(rbits + 1) + 1;
  const capP = limbsFor((rbits + 1) * <i32>q + db + 64) + 2;
  const r = bigNew(capR), cand = bigNew(capR), p = bigNew(capP), t = bigNew(capP), pd = bigNew(capP);
  for (let bit = rbits - 1; bit >= 0; bit--) {
    bigCopy(cand, r);
    const w = bit >> 5;
    // set the bit (cand may be shorter than w+1 limbs)
    const n = blen(cand);
    for (let i = n; i <= w; i++) store<u32>(cand + 16 + (<usize>i << 2), 0);
    const at = cand + 16 + (<usize>w << 2);
    store<u32>(at, load<u32>(at) | (<u32>1 << <u32>(bit & 31)));
    if (w + 1 > n) store<u32>(cand, <u32>(w + 1));
    powInto(p, cand, q, t);
    mulMag(pd, p, den);
    if (cmpMag(pd, num) <= 0) bigCopy(r, cand);
  }
  return r;
}

/** Whether m^ed·bd^en <= bn^en·scale^ed, i.e. m <= X: one step of the exact path's search. */
function atMostX(bn: usize, bd: usize, en: u32, ed: u32, scale: usize, m: usize): bool {
  const bnb = bigBitlen(bn), bdb = bigBitlen(bd), sb = bigBitlen(scale), mb = bigBitlen(m);
  const capN = limbsFor(bnb * <i32>en + sb * <i32>ed + 64) + 2;
  const capD = limbsFor(bdb * <i32>en + mb * <i32>ed + 64) + 2;
  const t1 = bigNew(capN), bnp = bigNew(capN), sp = bigNew(capN), num = bigNew(capN);
  powInto(bnp, bn, en, t1);
  powInto(sp, scale, ed, t1);
  mulMag(num, bnp, sp);
  const t2 = bigNew(capD), den = bigNew(capD), mp = bigNew(capD), lhs = bigNew(capD);
  powInto(den, bd, en, t2);
  powInto(mp, m, ed, t2);
  mulMag(lhs, mp, den);
  return cmpMag(lhs, num) <= 0;
}

function exactPath(bn: usize, bd: usize, en: u32, ed: u32, scale: usize): usize {
  const bnb = bigBitlen(bn), bdb = bigBitlen(bd), sb = bigBitlen(scale);
  const capN = limbsFor(bnb * <i32>en + sb * <i32>ed + 64) + 2;
  const capD = limbsFor(bdb * <i32>en + 64) + 2;
  const t1 = bigNew(capN);
  const bnp = bigNew(capN); powInto(bnp, bn, en, t1);
  const sp = bigNew(capN); powInto(sp, scale, ed, t1);
  const num = bigNew(capN);
  if (bigIsZero(scale)) return bigNew(1);
  mulMag(num, bnp, sp);
  const t2 = bigNew(capD);
  const den = bigNew(capD); powInto(den, bd, en, t2);
  return nthRootRatioFloor(num, den, ed);
}

// ---- fallback path ----

let IP: i32 = 0;       // internal precision: fraction bits of every fixed-point value below
let ITERS: i32 = 0;
let CAP: i32 = 0;
let tTerm: usize = 0, tTmp: usize = 0, tNext: usize = 0;

function setup(ip: i32, extraBits: i32): void {
  IP = ip;
  ITERS = ip + 128 < 4096 ? ip + 128 : 4096;
  temps(limbsFor(2 * ip + extraBits + 160) + 2);
}

function temps(cap: i32): void {
  CAP = cap;
  tTerm = bigNew(CAP); tTmp = bigNew(CAP); tNext = bigNew(CAP);
}

/** out = ln(1 + x/2^IP)·2^IP by the crate's series (x signed, |x| < 2^IP). */
function ln1p(out: usize, x: usize): void { ln1pScaled(out, x, x, IP); }

/**
 * The same series when x = xs·2^(IP − shift) exactly: then floor(term·x / 2^IP) equals
 * floor(term·xs / 2^shift), so each step multiplies by the short xs instead of the full x.
 */
function ln1pScaled(out: usize, x: usize, xs: usize, shift: i32): void {
  bigCopy(tTerm, x);
  bigCopy(out, x);
  for (let n = 2; n <= ITERS; n++) {
    sMul(tTmp, tTerm, xs);
    floorShr(tTerm, tTmp, shift);
    if (bigIsZero(tTerm)) break;
    floorDivSmall(tNext, tTerm, <u32>n);
    if (bigIsZero(tNext)) break;
    if ((n & 1) == 0) sSub(out, out, tNext); else sAdd(out, out, tNext);
    // The crate also stops when round(res, 2^24) did not change. Rounding half away from zero
    // moves by at least one whenever its argument moves by 2^24 or more, so that can only happen
    // when |next| < 2^24, which already stops the loop: the test below is the whole rule.
    if (magBelowPow2(tNext, GUARD)) break;
  }
}

/** out = exp(x/2^IP)·2^IP by the crate's series. */
function expf(out: usize, x: usize): void {
  bigSetU64(tTerm, 1); shlMag(tTerm, tTerm, IP);
  bigCopy(out, tTerm);
  for (let n = 1; n <= ITERS; n++) {
    sMul(tTmp, tTerm, x);
    // floor(t·x / (S·n)) == floor(floor(t·x / S) / n) for positive S, n
    floorShr(tTmp, tTmp, IP);
    floorDivSmall(tTerm, tTmp, <u32>n);
    if (bigIsZero(tTerm)) break;
    sAdd(out, out, tTerm);
    // as in ln1p: an unchanged rounded sum implies |term| < 2^24
    if (magBelowPow2(tTerm, GUARD)) break;
  }
}

// ln 2 at the two internal precisions the swap uses, kept across calls in static memory.
const LN2_CAP: i32 = 72;
const LN2_280 = memory.data(16 + (LN2_CAP << 2), 16);
const LN2_1048 = memory.data(16 + (LN2_CAP << 2), 16);
let have280: bool = false, have1048: bool = false;

function ln2Into(out: usize): void {
  const x = bigNew(CAP);
  bigSetU64(x, 1); shlMag(x, x, IP - 1); setNeg(x, true);
  ln1p(out, x);
  setNeg(out, !bigIsZero(out) && !bneg(out));
}

function ln2For(): usize {
  if (IP == 280 || IP == 1048) {
    const at = IP == 280 ? LN2_280 : LN2_1048;
    if (IP == 280 ? !have280 : !have1048) {
      const t = bigNew(CAP);
      ln2Into(t);
      bigCopy(at, t);
      store<u32>(at, <u32>LN2_CAP, 8);
      if (IP == 280) have280 = true; else have1048 = true;
    }
    return at;
  }
  const t = bigNew(CAP);
  ln2Into(t);
  return t;
}

/** out = ln(v)·2^IP for v > 0 (mantissa normalised to [0.75, 1.5) as the crate does). */
// ln(v) at a given IP is a pure function of (v, IP): a few results are kept across calls (a batch
// of quotes on one pool asks for ln of the same reserve every time).
const MEMO_N: i32 = 4;
const MEMO_CAP: i32 = 72;
const MEMO_STRIDE: usize = 16 + 16 + (<usize>MEMO_CAP << 2);
const MEMO = memory.data(<i32>(MEMO_STRIDE * <usize>MEMO_N), 16);
let memoNext: i32 = 0;

function memoFind(v: usize): usize {
  if (blen(v) > 4) return 0;
  for (let i = 0; i < MEMO_N; i++) {
    const e = MEMO + <usize>i * MEMO_STRIDE;
    if (load<i32>(e) != IP || load<u32>(e, 4) == 0) continue;
    const n = blen(v);
    let same = true;
    const kv = e + 16; // key words (4 limbs)
    for (let j = 0; j < 4; j++) {
      const a: u32 = j < n ? limb(v, j) : 0;
      if (load<u32>(kv + (<usize>j << 2)) != a) { same = false; break; }
    }
    if (same) return e + 32;
  }
  return 0;
}

function memoPut(v: usize, val: usize): void {
  if (blen(v) > 4 || blen(val) > MEMO_CAP) return;
  const e = MEMO + <usize>memoNext * MEMO_STRIDE;
  memoNext = (memoNext + 1) % MEMO_N;
  store<i32>(e, IP); store<u32>(e, 1, 4);
  const n = blen(v);
  for (let j = 0; j < 4; j++) store<u32>(e + 16 + (<usize>j << 2), j < n ? limb(v, j) : 0);
  const b = e + 32;
  store<u32>(b, 0); store<u32>(b, 0, 4); store<u32>(b, <u32>MEMO_CAP, 8);
  bigCopy(b, val);
}

function lnBig(out: usize, v: usize, ln2: usize): void {
  const hit = memoFind(v);
  if (hit != 0) { bigCopy(out, hit); return; }
  lnCompute(out, v, ln2);
  memoPut(v, out);
}

function lnCompute(out: usize, v: usize, ln2: usize): void {
  let sh = bigBitlen(v) - 1;
  const m = bigNew(CAP);
  shlMag(m, v, IP);
  shrMag(m, m, sh);
  // m >= 1.5·2^IP  <=>  bit IP set (always) and bit IP-1 set
  if (bigBitlen(m) == IP + 1 && ((limb(m, (IP - 1) >> 5) >> <u32>((IP - 1) & 31)) & 1) != 0) {
    shrMag(m, m, 1);
    sh += 1;
  }
  const one = bigNew(CAP); bigSetU64(one, 1); shlMag(one, one, IP);
  sSub(m, m, one);
  // m was v·2^(IP − sh) exactly when no bit of v was shifted out: then x = (v − 2^sh)·2^(IP − sh)
  const e = IP - sh;
  if (e >= 0) {
    const xs = bigNew(blen(v) + 2);
    const p2 = bigNew(blen(v) + 2); bigSetU64(p2, 1); shlMag(p2, p2, sh);
    sSub(xs, v, p2);
    ln1pScaled(out, m, xs, sh);
  } else ln1p(out, m);
  const k = bigFromU64(<u64>sh);
  const prod = bigNew(CAP);
  sMul(prod, ln2, k);
  sAdd(out, out, prod);
}

function fallback(bn: usize, bd: usize, en: u64, ed: u64, precision: i32, scale: usize): usize {
  let p = precision > 32 ? precision : 32;
  const sp = bigBitlen(scale) + 8;
  if (sp > p) p = sp;
  const ip = p + GUARD;
  setup(ip, 192);
  const ln2 = ln2For();
  const lnN = bigNew(CAP), lnD = bigNew(CAP);
  lnBig(lnN, bn, ln2);
  lnBig(lnD, bd, ln2);
  const diff = bigNew(CAP);
  sSub(diff, lnN, lnD);
  const enB = bigFromU64(en), edB = bigFromU64(ed);
  const prod = bigNew(CAP);
  sMul(prod, diff, enB);
  const L = bigNew(CAP), rem = bigNew(CAP);
  if (blen(edB) == 1) { floorDivSmall(L, prod, limb(edB, 0)); }
  else floorDivBig(L, rem, prod, edB, scratchLimbs(blen(prod) + 1), scratchLimbs(blen(edB)));
  // exp's terms reach S·|x|^n/n!, so they can grow by log2|x| bits per step when |x| > 1
  const grow = bigBitlen(L) - IP;
  if (grow > 0) temps(limbsFor(2 * (IP + ITERS * (grow + 1)) + 512) + 2);
  const e = bigNew(CAP);
  expf(e, L);
  roundShr(e, e, GUARD);
  const out = bigNew(CAP + blen(scale) + 2);
  sMul(out, e, scale);
  floorShr(out, out, p);
  return out;
}

/**
 * The crate's pow_ratio_scaled on non-negative Bigs (bn, bd, scale) and u64 exponent parts.
 * Returns a Big (possibly negative on the fallback path), or 0 for None.
 */
export function powRatioScaled(bn: usize, bd: usize, en: u64, ed: u64, precision: i32, scale: usize): usize {
  return powRatio(bn, bd, en, ed, precision, scale, false);
}

/**
 * The same for callers that only ask whether the result fits u64 (the swap's exp_scaled and
 * limit prices): any result >= 2^64 may come back as 2^64.
 */
export function powRatioScaledU64(bn: usize, bd: usize, en: u64, ed: u64, precision: i32, scale: usize): usize {
  return powRatio(bn, bd, en, ed, precision, scale, true);
}

function powRatio(bn: usize, bd: usize, en: u64, ed: u64, precision: i32, scale: usize, capped: bool): usize {
  if (bigIsZero(bd) || ed == 0) return 0;
  if (bigIsZero(bn)) return bigNew(1);
  if (en == 0) { const s = bigNew(blen(scale) + 1); bigCopy(s, scale); return s; }
  const g = gcd64(en, ed);
  if (g > 1) { en /= g; ed /= g; }
  const exact = en <= MAX_EXACT && ed <= MAX_EXACT;
  // bn = bd: X = scale exactly, and both paths give it (ln bn − ln bd is 0, so expf returns 2^IP)
  if (cmpMag(bn, bd) == 0) { const s = bigNew(blen(scale) + 1); bigCopy(s, scale); return s; }
  // pow_fast.ts: floor(X) from a proven enclosure of X; the crate's own computation otherwise
  const sb = bigBitlen(scale);
  if (sb > 0 && bigBitlen(bn) <= 256 && bigBitlen(bd) <= 256 &&
      (exact ? sb <= 128 && en / ed < (1 << 20) : sb <= 64 && precision >= 256 && en / ed < (1 << 10))) {
    const v = fastPow(bn, bd, en, ed, scale, !exact, exact ? -f64.MAX_VALUE : -60);
    if (v == DECIDED) return fastResult;
    if (v == TOO_BIG && capped) { const t = bigNew(3); bigSetU64(t, 1); shlMag(t, t, 64); return t; }
    // the enclosure holds one integer m: floor(X) is m or m − 1, one comparison decides
    if (exact && straddle != 0) return atMostX(bn, bd, <u32>en, <u32>ed, scale, fastResult) ? fastResult : straddle;
  }
  if (exact) return exactPath(bn, bd, <u32>en, <u32>ed, scale);
  return fallback(bn, bd, en, ed, precision, scale);
}
