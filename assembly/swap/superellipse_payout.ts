// The payout of buy_output / sell_output (pallets/swap/src/pallet/superellipse.rs, runtime 473)
// without the chain's division and square root, for the common case where it fits 62 bits.
//
// The chain computes P = ⌊(⌊√(o² + ⌊t/B⌋)⌋ − o) / 2^32⌋ with t = step·(c + c') · A, step =
// input·2^32, c' = c − step, A = s_in², B = s_out². For an integer p ≥ 0,
//   P ≥ p  ⇔  (o + p·2^32)² ≤ o² + ⌊t/B⌋      (floor square root)
//          ⇔  p·2^32·(2o + p·2^32) ≤ ⌊t/B⌋    (expand; both sides integers)
//          ⇔  p·2^32·(2o + p·2^32)·B ≤ t      (an integer is ≤ ⌊t/B⌋ iff its product with B is ≤ t)
//          ⇔  L(p) := p·(2o + p·2^32)·B ≤ R := input·(2c − input·2^32)·A   (cancel 2^32).
// So P is the p with L(p) ≤ R < L(p + 1), and (same chain of equivalences with reals) P = ⌊P*⌋
// for the real P* = (√(o² + t/B) − o)/2^32 = q*/(√(o² + q*) + o)/2^32, q* = t/B.
//
// First, doubles: P* from double o, c, A, B (each within 2^-52 of its value) by a formula with
// no cancellation (k = 2c − step > c loses at most a factor 2; everything else adds, multiplies
// or divides positives, and P* changes by at most the relative change of q* or o). That is about
// twenty roundings of 2^-53 each: the double est is within 2^-48 of P* relatively. When even
// est·(1 ± 2^-44) lie on the same side of every integer, P = ⌊est⌋ with no big integer at all
// (most quotes; a payout within 2^-44 relatively of an integer is decided below).
// Otherwise exact products settle it from the estimate (an estimate off by more moves by a step
// solved from the exact remainder). No step here can meet the chain's Overflow (c < 2^127 and
// A, B < 2^256 keep t below 2^480), so the caller only adds InsufficientReserves. Anything
// unexpected (P near 2^62, an estimate that does not settle) returns −1 and the caller runs the
// chain's own computation.

import { mulMag, subMag, cmpMag, setLimb, trim } from "../bigint/big";
import { toF64 } from "../bigint/u512";

// static operands: no allocation per quote (each holds a 1024-bit product with room to spare)
const R = memory.data(16 + 36 * 4, 16);
const L0 = memory.data(16 + 36 * 4, 16);
const L1 = memory.data(16 + 36 * 4, 16);
const T = memory.data(16 + 36 * 4, 16);
const U = memory.data(16 + 36 * 4, 16);
const V = memory.data(16 + 36 * 4, 16);
const D = memory.data(16 + 36 * 4, 16);

const TWO32: f64 = 4294967296.0;
const LIMIT: u64 = 1 << 62;

/** p as a big integer of up to 160 bits: top·2^128 + hi·2^64 + lo. */
function setWide(p: usize, top: u64, hi: u64, lo: u64): void {
  setLimb(p, 0, <u32>lo); setLimb(p, 1, <u32>(lo >> 32));
  setLimb(p, 2, <u32>hi); setLimb(p, 3, <u32>(hi >> 32));
  setLimb(p, 4, <u32>top);
  trim(p, 5);
}

/** L(p) = p·(2o + p·2^32)·B into d (p < 2^62, o < 2^127). */
function lhs(d: usize, p: u64, oHi: u64, oLo: u64, b2: usize): void {
  const tLo = oLo << 1, tHi = (oHi << 1) | (oLo >> 63);
  const addLo = p << 32, addHi = p >> 32;
  const lo = tLo + addLo;
  const c1: u64 = lo < tLo ? 1 : 0;
  const hi1 = tHi + addHi;
  const c2: u64 = hi1 < tHi ? 1 : 0;
  const hi = hi1 + c1;
  const c3: u64 = hi < hi1 ? 1 : 0;
  setWide(U, c2 + c3, hi, lo);
  setWide(V, 0, 0, p);
  mulMag(T, V, U);
  mulMag(d, T, b2);
}

/** The payout's coordinate step d = s·2^32 solving d·(2m + d) = k from m (both in doubles). */
// @ts-ignore: decorator
@inline function upStep(k: f64, m: f64): f64 { return k / (Math.sqrt(m * m + k) + m) / TWO32; }
/** The step d solving d·(2m − d) = k. */
// @ts-ignore: decorator
@inline function downStep(k: f64, m: f64): f64 { const r = m * m - k; return r > 0.0 ? k / (m + Math.sqrt(r)) / TWO32 : Infinity; }

/**
 * P for input > 0 with step < c (the caller has checked both), or −1 when this path does not
 * settle it. a2 = A, b2 = B as big integers, a2F, b2F the same as doubles.
 */
export function fastPayout(oHi: u64, oLo: u64, cHi: u64, cLo: u64, input: u64, a2: usize, b2: usize, a2F: f64, b2F: f64): i64 {
  const oF = <f64>oHi * 18446744073709551616.0 + <f64>oLo;
  const scale = TWO32 / b2F;
  const inF = <f64>input;
  const cF = <f64>cHi * 18446744073709551616.0 + <f64>cLo;
  const guess = upStep(inF * (2.0 * cF - inF * TWO32) * a2F * scale, oF);
  if (guess < 4503599627370496.0) { // 2^52: ⌊⌋ of a double below it is exact
    const lo = Math.floor(guess * (1.0 - 5.684341886080802e-14)), hi = Math.floor(guess * (1.0 + 5.684341886080802e-14)); // 2^-44
    if (lo == hi) return <i64>lo;
  }
  // k = 2c − input·2^32 (> c > 0, below 2^128)
  const sLo = input << 32, sHi = input >> 32;
  const dLo = cLo << 1, dHi = (cHi << 1) | (cLo >> 63);
  const kLo = dLo - sLo;
  const kHi = dHi - sHi - (dLo < sLo ? 1 : 0);
  setWide(U, 0, kHi, kLo);
  setWide(V, 0, 0, input);
  mulMag(T, V, U);
  mulMag(R, T, a2);
  const est = upStep(toF64(R) * scale, oF);
  if (!(est < <f64>LIMIT)) return -1;
  let p = <u64>est;
  for (let i = 0; i < 6; i++) {
    lhs(L0, p, oHi, oLo, b2);
    const m = oF + <f64>p * TWO32;
    if (cmpMag(L0, R) <= 0) {
      lhs(L1, p + 1, oHi, oLo, b2);
      if (cmpMag(L1, R) > 0) return <i64>p;
      subMag(D, R, L0);
      let s = <u64>upStep(toF64(D) * scale, m);
      if (s == 0) s = 1;
      if (s >= LIMIT - p) return -1;
      p += s;
    } else {
      subMag(D, L0, R);
      const sF = Math.ceil(downStep(toF64(D) * scale, m));
      p = sF >= <f64>p ? 0 : p - (sF < 1.0 ? 1 : <u64>sF);
    }
  }
  return -1;
}

// ---- calculate_price's quotient ⌊num/den⌋ below 2^128, by the same method ----

const QP = memory.data(16 + 36 * 4, 16);
const QR = memory.data(16 + 36 * 4, 16);
export let quoHi: u64 = 0;
export let quoLo: u64 = 0;

/**
 * ⌊num/den⌋ into quoHi/quoLo when it is below 2^127 (den > 0): a double estimate, then q·den
 * against num exactly, moving q by the remainder's quotient in doubles until
 * q·den ≤ num < (q+1)·den. false (the caller divides) when the estimate is near 2^127 or does
 * not settle in four rounds.
 */
export function fastQuotient128(num: usize, den: usize): bool {
  const denF = toF64(den);
  const qF = toF64(num) / denF;
  if (!(qF < 1.7014118346046923e38)) return false; // 2^127: a true quotient ≥ 2^128 never gets here
  let hi = <u64>(qF / 18446744073709551616.0);
  let lo = <u64>(qF - <f64>hi * 18446744073709551616.0);
  for (let i = 0; i < 4; i++) {
    setWide(U, 0, hi, lo);
    mulMag(QP, U, den);
    if (cmpMag(QP, num) <= 0) {
      subMag(QR, num, QP);
      if (cmpMag(QR, den) < 0) { quoHi = hi; quoLo = lo; return true; }
      let c = <u64>(toF64(QR) / denF);
      if (c == 0) c = 1;
      const s = lo + c;
      hi += s < lo ? 1 : 0; lo = s;
    } else {
      subMag(QR, QP, num);
      const cF = Math.ceil(toF64(QR) / denF);
      const c: u64 = cF < 1.0 ? 1 : cF >= 1.8e19 ? u64.MAX_VALUE : <u64>cF;
      if (hi == 0 && c > lo) { hi = 0; lo = 0; continue; }
      hi -= lo < c ? 1 : 0; lo -= c;
    }
    if (hi >= (<u64>1 << 63)) return false;
  }
  return false;
}
