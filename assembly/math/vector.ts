// Dense vector helpers of subtensor's epoch/math.rs on i64 (I32F32 bits) memory:
// normalisation by the plain (wrapping) sum, masks, and the top-k validator permit rule.

import { getI64, setI64 } from "./csr";
import { sz, alloc } from "../arena";
import { safeDiv } from "../fixed/i32f32";

/** Plain wrapping sum (Iterator::sum in a release build). */
export function sumI64(x: usize, n: i32): i64 {
  let s: i64 = 0;
  for (let i = 0; i < n; i++) s += getI64(x, i);
  return s;
}

/** inplace_normalize_using_sum: x_i safe_div s unless s == 0. */
export function normalizeUsingSum(x: usize, n: i32, s: i64): void {
  if (s == 0) return;
  for (let i = 0; i < n; i++) setI64(x, i, safeDiv(getI64(x, i), s));
}

/** inplace_normalize. */
export function normalize(x: usize, n: i32): void {
  normalizeUsingSum(x, n, sumI64(x, n));
}

/** inplace_mask_vector: no-op for an empty mask, else zero where mask[i] or i >= maskLen. */
export function maskVector(mask: usize, maskLen: i32, v: usize, n: i32): void {
  if (maskLen == 0) return;
  for (let i = 0; i < n; i++) {
    if (i >= maskLen || load<u8>(mask + i) != 0) setI64(v, i, 0);
  }
}

/**
 * is_topk_nonzero(v, k) into out (u8 flags): non-zero entries, minus the first n - k of a
 * stable ascending sort by value (so ties at the cut keep the higher uids). n < k keeps all.
 */
export function isTopkNonzero(v: usize, n: i32, k: i32, out: usize): void {
  topk(v, n, k, out, true);
}

/** is_topk: the same without the zero rule. */
export function isTopk(v: usize, n: i32, k: i32, out: usize): void {
  topk(v, n, k, out, false);
}

function topk(v: usize, n: i32, k: i32, out: usize, dropZeros: bool): void {
  for (let i = 0; i < n; i++) store<u8>(out + i, !dropZeros || getI64(v, i) != 0 ? 1 : 0);
  if (n < k) return;
  const idx = alloc(sz(n) << 2);
  const tmp = alloc(sz(n) << 2);
  for (let i = 0; i < n; i++) store<u32>(idx + (<usize>i << 2), i);
  stableSortByValue(idx, tmp, n, v);
  const drop = n - k;
  for (let t = 0; t < drop; t++) store<u8>(out + load<u32>(idx + (<usize>t << 2)), 0);
}

/** Bottom-up merge sort of indices by v[index], stable. */
function stableSortByValue(idx: usize, tmp: usize, n: i32, v: usize): void {
  let src = idx, dst = tmp;
  for (let width = 1; width < n; width <<= 1) {
    for (let lo = 0; lo < n; lo += width << 1) {
      const mid = min(lo + width, n), hi = min(lo + (width << 1), n);
      let a = lo, b = mid, o = lo;
      while (a < mid && b < hi) {
        const ia = load<u32>(src + (<usize>a << 2)), ib = load<u32>(src + (<usize>b << 2));
        if (getI64(v, ib) < getI64(v, ia)) { store<u32>(dst + (<usize>o << 2), ib); b++; }
        else { store<u32>(dst + (<usize>o << 2), ia); a++; }
        o++;
      }
      while (a < mid) { store<u32>(dst + (<usize>o << 2), load<u32>(src + (<usize>a << 2))); a++; o++; }
      while (b < hi) { store<u32>(dst + (<usize>o << 2), load<u32>(src + (<usize>b << 2))); b++; o++; }
    }
    const t = src; src = dst; dst = t;
  }
  if (src != idx) memory.copy(idx, src, <usize>n << 2);
}

/** vecdiv: x_i safe_div y_i, with y_i = 0 (so a 0 result) past yLen; n = len(x). */
export function vecdiv(x: usize, n: i32, y: usize, yLen: i32, out: usize): void {
  for (let i = 0; i < n; i++) setI64(out, i, i < yLen ? safeDiv(getI64(x, i), getI64(y, i)) : 0);
}

/** Set by checkedSumU64: true when the sum overflowed (the chain's None). */
export let checkedSumOverflow: bool = false;

/** checked_sum over u64: 0 for an empty slice; overflow flagged in checkedSumOverflow. */
export function checkedSumU64(x: usize, n: i32): u64 {
  checkedSumOverflow = false;
  let s: u64 = 0;
  for (let i = 0; i < n; i++) {
    const v = load<u64>(x + (<usize>i << 3));
    const t = s + v;
    if (t < s) { checkedSumOverflow = true; return 0; }
    s = t;
  }
  return s;
}
