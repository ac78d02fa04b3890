// SafeFloat (primitives/share-pool): a decimal float with a u128 mantissa in (1e20, 1e21] and an
// i64 exponent, used for share-pool shares and denominators. Intermediates are U256 in the chain;
// here they are Bigs. Results come back in sfHi/sfLo/sfExp with sfOk = false for None.

import { bigNew, bigFromU128, bigCopy, blen, cmpMag, mulMag, mulSmall, divSmall, divRemMag, scratchLimbs, addMag, subMag, bigIsZero, bigSetU64, bigWord } from "../bigint/big";

export let sfHi: u64 = 0;
export let sfLo: u64 = 0;
export let sfExp: i64 = 0;
export let sfOk: bool = true;

// 1e21 = 0x36_35C9ADC5_DEA00000
const MAX_HI: u64 = 0x36;
const MAX_LO: u64 = 0x35C9ADC5DEA00000;
// 1e20 = 0x5_6BC75E2D_63100000
const MIN_HI: u64 = 0x5;
const MIN_LO: u64 = 0x6BC75E2D63100000;


/** cappow10(e): 10^e, or 1e22 for e > 22 (the chain's cap). */
function pow10(e: u64): usize {
  const p = bigNew(4);
  if (e > 22) e = 22;
  bigSetU64(p, 1);
  for (let i: u64 = 0; i < e; i++) mulSmall(p, p, 10);
  return p;
}

/** normalize(M, e) into the result registers; M is consumed. */
export function normalize(m: usize, e: i64): void {
  sfOk = true;
  if (bigIsZero(m)) { sfHi = 0; sfLo = 0; sfExp = 0; return; }
  const max = bigFromU128(MAX_HI, MAX_LO), min = bigFromU128(MIN_HI, MIN_LO);
  while (cmpMag(m, max) > 0) {
    if (e == i64.MAX_VALUE) { sfOk = false; return; }
    divSmall(m, m, 10); e += 1;
  }
  while (cmpMag(m, min) <= 0) {
    if (e == i64.MIN_VALUE) { sfOk = false; return; }
    mulSmall(m, m, 10); e -= 1;
  }
  sfHi = bigWord(m, 1); sfLo = bigWord(m, 0); sfExp = e;
}

function big(hi: u64, lo: u64): usize { const p = bigNew(10); bigCopy(p, bigFromU128(hi, lo)); return p; }

/** a + b (sub = false) or a − b saturating at 0 (sub = true), aligned on the larger exponent. */
export function addSub(ah: u64, al: u64, ae: i64, bh: u64, bl: u64, be: i64, sub: bool): void {
  const aZero = ah == 0 && al == 0, bZero = bh == 0 && bl == 0;
  sfOk = true;
  if (sub) {
    if (aZero && bZero) { sfHi = 0; sfLo = 0; sfExp = 0; return; }
    if (aZero) { sfOk = false; return; }
    if (bZero) { sfHi = ah; sfLo = al; sfExp = ae; return; }
  } else {
    if (aZero) { sfHi = bh; sfLo = bl; sfExp = be; return; }
    if (bZero) { sfHi = ah; sfLo = al; sfExp = ae; return; }
  }
  let m1 = big(ah, al), m2 = big(bh, bl);
  let e: i64;
  const q = bigNew(10), r = bigNew(10);
  if (ae >= be) {
    const diff = <u64>(ae - be); // saturating_sub on i64 then as u64: ae >= be so exact unless overflow
    const d = pow10(satDiff(ae, be, diff));
    divRemMag(q, r, m2, d, scratchLimbs(blen(m2) + 1), scratchLimbs(blen(d)));
    m2 = q; e = ae;
  } else {
    const diff = <u64>(be - ae);
    const d = pow10(satDiff(be, ae, diff));
    divRemMag(q, r, m1, d, scratchLimbs(blen(m1) + 1), scratchLimbs(blen(d)));
    m1 = q; e = be;
  }
  const s = bigNew(10);
  if (!sub) addMag(s, m1, m2);
  else if (cmpMag(m1, m2) <= 0) bigSetU64(s, 0);
  else subMag(s, m1, m2);
  normalize(s, e);
}

/** i64 saturating_sub(x, y) for x >= y, as u64. */
function satDiff(x: i64, y: i64, wrapped: u64): u64 {
  const d = x - y;
  if ((x ^ y) < 0 && (x ^ d) < 0) return <u64>i64.MAX_VALUE; // overflowed: saturates at i64::MAX
  return wrapped;
}

/** a·b/c (None if c = 0 or the exponent arithmetic overflows). */
export function mulDiv(ah: u64, al: u64, ae: i64, bh: u64, bl: u64, be: i64, ch: u64, cl: u64, ce: i64): void {
  if (ch == 0 && cl == 0) { sfOk = false; return; }
  const p = bigNew(10);
  mulMag(p, bigFromU128(ah, al), bigFromU128(bh, bl));
  const s = ae + be;
  if (((ae ^ s) & (be ^ s)) < 0) { sfOk = false; return; }
  const e = s - ce;
  if (((s ^ ce) & (s ^ e)) < 0) { sfOk = false; return; }
  const c = bigFromU128(ch, cl);
  const q = bigNew(10), r = bigNew(10);
  divRemMag(q, r, p, c, scratchLimbs(blen(p) + 1), scratchLimbs(blen(c)));
  normalize(q, e);
}

/** a / b = normalize(a.m·1e21 / b.m, a.e − b.e − 21); None when that exponent (exact, i128) leaves i64. */
export function div(ah: u64, al: u64, ae: i64, bh: u64, bl: u64, be: i64): void {
  // (ae − be − 21) in 128-bit two's complement on (hi, lo)
  const aHi: u64 = ae < 0 ? u64.MAX_VALUE : 0, bHi: u64 = be < 0 ? u64.MAX_VALUE : 0;
  const lo1 = <u64>ae - <u64>be;
  const hi1 = aHi - bHi - (<u64>ae < <u64>be ? 1 : 0);
  const lo = lo1 - 21;
  const hi = hi1 - (lo1 < 21 ? 1 : 0);
  if (hi != ((<i64>lo) < 0 ? u64.MAX_VALUE : 0)) { sfOk = false; return; }
  const e = <i64>lo;
  if (bh == 0 && bl == 0) { sfOk = false; return; }
  const p = bigNew(10);
  mulMag(p, bigFromU128(ah, al), bigFromU128(MAX_HI, MAX_LO));
  const b = bigFromU128(bh, bl);
  const q = bigNew(10), r = bigNew(10);
  divRemMag(q, r, p, b, scratchLimbs(blen(p) + 1), scratchLimbs(blen(b)));
  normalize(q, e);
}

/** a > b as the chain compares (exponent gap > 1 decides alone). */
export function gt(ah: u64, al: u64, ae: i64, bh: u64, bl: u64, be: i64): bool {
  if (ae == be) return ah > bh || (ah == bh && al > bl);
  if (ae > be) {
    if (ae - be > 1 || ae - be < 0) return true;
    const a10 = bigNew(10); bigCopy(a10, bigFromU128(ah, al)); mulSmall(a10, a10, 10);
    return cmpMag(a10, bigFromU128(bh, bl)) > 0;
  }
  if (be - ae > 1 || be - ae < 0) return false;
  const b10 = bigNew(10); bigCopy(b10, bigFromU128(bh, bl)); mulSmall(b10, b10, 10);
  return cmpMag(bigFromU128(ah, al), b10) > 0;
}

/** u64::from(&SafeFloat): floor, saturating. */
export function toU64(h: u64, l: u64, e: i64): u64 {
  if (e == 0) return h != 0 ? u64.MAX_VALUE : l;
  const absE: u64 = e < 0 ? <u64>(0 - e) : <u64>e;
  const scale = pow10(absE);
  const m = bigNew(10); bigCopy(m, bigFromU128(h, l));
  let q: usize;
  if (e > 0) { q = bigNew(12); mulMag(q, m, scale); }
  else { q = bigNew(10); const r = bigNew(10); divRemMag(q, r, m, scale, scratchLimbs(blen(m) + 1), scratchLimbs(blen(scale))); }
  if (bigIsZero(q)) return 0;
  return blen(q) > 2 ? u64.MAX_VALUE : bigWord(q, 0);
}

/** SafeFloat::new(v, 0) for v <= 1e21 (else zero, as unwrap_or_default). */
export function fromInt(h: u64, l: u64): void {
  const m = big(h, l);
  if (cmpMag(m, bigFromU128(MAX_HI, MAX_LO)) > 0) { sfOk = true; sfHi = 0; sfLo = 0; sfExp = 0; return; }
  normalize(m, 0);
  if (!sfOk) { sfOk = true; sfHi = 0; sfLo = 0; sfExp = 0; }
}

/** From<U64F64>: int + (frac / 2^64) in SafeFloat arithmetic. */
export function fromU64F64(hi: u64, lo: u64): void {
  if (hi == 0 && lo == 0) { sfOk = true; sfHi = 0; sfLo = 0; sfExp = 0; return; }
  fromInt(0, hi); const ih = sfHi, il = sfLo, ie = sfExp;
  fromInt(0, lo); const fh = sfHi, fl = sfLo, fe = sfExp;
  fromInt(1, 0); const th = sfHi, tl = sfLo, te = sfExp;
  div(fh, fl, fe, th, tl, te);
  let qh = sfHi, ql = sfLo, qe = sfExp;
  if (!sfOk) { qh = 0; ql = 0; qe = 0; }
  addSub(ih, il, ie, qh, ql, qe, false);
  if (!sfOk) { sfOk = true; sfHi = 0; sfLo = 0; sfExp = 0; }
}


/** The result registers set to None. */
export function setNone(): void { sfOk = false; }
/** The result registers set to an already-normalized value (the chain's `clone`). */
export function setRaw(h: u64, l: u64, e: i64): void { sfOk = true; sfHi = h; sfLo = l; sfExp = e; }
