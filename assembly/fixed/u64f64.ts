// Unsigned U64F64 (substrate-fixed, u128 raw with 64 fraction bits) on (hi, lo) word pairs: the
// saturating multiply and safe_div the swap pallet uses for prices, fees and limit factors.
// Results come back in uHi/uLo; nothing allocates.

import { umul256, p0, p1, p2, p3 } from "./i128";
import { udivLimbs } from "./limbs";

export let uHi: u64 = 0;
export let uLo: u64 = 0;

const N = memory.data(8 * 4);
const D = memory.data(4 * 4);
const Q = memory.data(8 * 4);
const R = memory.data(4 * 4);
const UN = memory.data(9 * 4);
const VN = memory.data(4 * 4);

function put(at: usize, w: u64): void { store<u32>(at, <u32>w); store<u32>(at + 4, <u32>(w >> 32)); }
function word(at: usize): u64 { return <u64>load<u32>(at) | (<u64>load<u32>(at + 4) << 32); }

/** saturating_mul: floor(a·b / 2^64), clamped to u128::MAX. */
export function satMulU(ah: u64, al: u64, bh: u64, bl: u64): void {
  umul256(ah, al, bh, bl);
  if (p3 != 0) { uHi = u64.MAX_VALUE; uLo = u64.MAX_VALUE; return; }
  uHi = p2; uLo = p1;
}

/** safe_div: floor(a·2^64 / b), or 0 when b = 0 or the quotient leaves u128. */
export function safeDivU(ah: u64, al: u64, bh: u64, bl: u64): void {
  if (bh == 0 && bl == 0) { uHi = 0; uLo = 0; return; }
  memory.fill(N, 0, 32);
  put(N + 8, al); put(N + 16, ah);
  let m = 6;
  while (m > 1 && load<u32>(N + (<usize>(m - 1) << 2)) == 0) m--;
  put(D, bl); put(D + 8, bh);
  let n = 4;
  while (n > 1 && load<u32>(D + (<usize>(n - 1) << 2)) == 0) n--;
  memory.fill(Q, 0, 32);
  if (m >= n) udivLimbs(N, m, D, n, Q, R, UN, VN);
  if (word(Q + 16) != 0 || word(Q + 24) != 0) { uHi = 0; uLo = 0; return; }
  uHi = word(Q + 8); uLo = word(Q);
}

/** a < b on (hi, lo). */
// @ts-ignore: decorator
@inline export function ltU(ah: u64, al: u64, bh: u64, bl: u64): bool { return ah < bh || (ah == bh && al < bl); }
// @ts-ignore: decorator
@inline export function leU(ah: u64, al: u64, bh: u64, bl: u64): bool { return ah < bh || (ah == bh && al <= bl); }
