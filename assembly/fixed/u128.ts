// Unsigned 128-bit fixed point (U96F32, U64F64) beside i128.ts: conversions between the two
// unsigned 128-bit types (substrate-fixed from_num between them), loads and stores of 128-bit
// values kept in linear memory as (lo at +0, hi at +8).

import { setR128 } from "./i128";

// @ts-ignore: decorator
@inline export function ldLo(p: usize, i: i32): u64 { return load<u64>(p + (<usize>i << 4)); }
// @ts-ignore: decorator
@inline export function ldHi(p: usize, i: i32): u64 { return load<u64>(p + (<usize>i << 4) + 8); }
// @ts-ignore: decorator
@inline export function st128(p: usize, i: i32, hi: u64, lo: u64): void {
  store<u64>(p + (<usize>i << 4), lo);
  store<u64>(p + (<usize>i << 4) + 8, hi);
}

/** U64F64 -> U96F32 (floor to 32 fraction bits; always fits), into rHi/rLo. */
export function u64f64ToU96f32(hi: u64, lo: u64): void {
  setR128(hi >> 32, (hi << 32) | (lo >> 32));
}

/** U96F32 -> U64F64 (saturating when the integer part needs more than 64 bits), into rHi/rLo. */
export function u96f32ToU64f64(hi: u64, lo: u64): void {
  if ((hi >> 32) != 0) { setR128(u64.MAX_VALUE, u64.MAX_VALUE); return; }
  setR128((hi << 32) | (lo >> 32), lo << 32);
}

/** I96F32 -> U64F64 (saturating_from_num): negative -> 0, integer part >= 2^64 -> U64F64::MAX; into rHi/rLo. */
export function i96f32ToU64f64(hi: u64, lo: u64): void {
  if (<i64>hi < 0) { setR128(0, 0); return; }
  if ((hi >> 32) != 0) { setR128(u64.MAX_VALUE, u64.MAX_VALUE); return; }
  setR128((hi << 32) | (lo >> 32), lo << 32);
}

/** floor of a U96F32 as u64 (saturating_to_num::<u64>). */
// @ts-ignore: decorator
@inline export function u96f32Floor(hi: u64, lo: u64): u64 {
  return (hi >> 32) != 0 ? u64.MAX_VALUE : (hi << 32) | (lo >> 32);
}

/** U96F32 of an integer u64: (n >> 32, n << 32). */
// @ts-ignore: decorator
@inline export function u96Hi(n: u64): u64 { return n >> 32; }
// @ts-ignore: decorator
@inline export function u96Lo(n: u64): u64 { return n << 32; }

