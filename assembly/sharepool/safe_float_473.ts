// SafeFloat additions of runtime 473 (primitives/share-pool lib.rs, the 97,226-character version):
// `sub_exact_floor`, the subtraction the 473 share pool uses to move a member's share by exactly what
// the denominator moved, and `gt` with its zero guard (425 compared a zero by exponent alone).
// Results come back in safe_float.ts's registers (sfHi/sfLo/sfExp, sfOk = false for None).

import { bigNew, bigFromU128, bigSetU64, cmpMag, mulMag, mulSmall, subMag, blen } from "../bigint/big";
import { normalize, gt, setNone, setRaw } from "./safe_float";

// U256: the chain's checked arithmetic fails past 8 u32 limbs.
const U256_LIMBS = 8;

/** 10^k in U256, or 0 (usize) when it does not fit (10^78 and up), as `checked_pow`. */
function pow10Checked(k: u64): usize {
  if (k > 77) return 0;
  const p = bigNew(U256_LIMBS + 1);
  bigSetU64(p, 1);
  for (let i: u64 = 0; i < k; i++) mulSmall(p, p, 10);
  return p;
}

/** mantissa·10^(e − base) in U256, or 0 (usize) when the shift or the product overflows. */
function scaled(h: u64, l: u64, e: i64, base: i64): usize {
  const shift = e - base;
  if (((e ^ base) & (e ^ shift)) < 0) return 0; // i64 checked_sub
  const f = pow10Checked(<u64>shift);
  if (f == 0) return 0;
  const p = bigNew(2 * U256_LIMBS + 4);
  mulMag(p, bigFromU128(h, l), f);
  return blen(p) > U256_LIMBS ? 0 : p;
}

/**
 * self − a, exact at the finer of the two exponents and then normalized (which floors), so
 * the result never exceeds the true difference. None when self < a, self is zero with a
 * nonzero a, or the alignment leaves U256.
 */
export function subExactFloor(sh: u64, sl: u64, se: i64, ah: u64, al: u64, ae: i64): void {
  if (ah == 0 && al == 0) { setRaw(sh, sl, se); return; }
  if (sh == 0 && sl == 0) { setNone(); return; }
  const base = se < ae ? se : ae;
  const m = scaled(sh, sl, se, base), s = scaled(ah, al, ae, base);
  if (m == 0 || s == 0 || cmpMag(m, s) < 0) { setNone(); return; }
  const d = bigNew(2 * U256_LIMBS + 4);
  subMag(d, m, s);
  normalize(d, base);
}

/** self > a with the 473 zero guard: zero is never greater, and anything nonzero beats zero. */
export function gt473(sh: u64, sl: u64, se: i64, ah: u64, al: u64, ae: i64): bool {
  if (sh == 0 && sl == 0) return false;
  if (ah == 0 && al == 0) return true;
  return gt(sh, sl, se, ah, al, ae);
}
