// u16_proportion_to_fixed (I32F32(u) safe_div I32F32(65535)) without a 64-bit division, for the
// Yuma3 bonds, which the epoch converts once per stored entry. 2^32 = 65535 * 65537 + 1, so
// u * 2^32 / 65535 = u * 65537 + u / 65535, whose floor for u < 65535 is u * 65537: the same bits
// as u16Proportion (fixed/i32f32.ts), which takes every other u.

import { u16Proportion } from "../fixed/i32f32";

// @ts-ignore: decorator
@inline
export function u16ProportionOf(u: u32): i64 {
  return u < 65535 ? <i64>u * 65537 : u16Proportion(u);
}
