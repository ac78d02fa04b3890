// vec_max_upscale_to_u16 / vec_u16_max_upscale_to_u16 (math.rs): how set_weights scales a row
// so that its largest value becomes 65535. Rounds to nearest, ties away from zero.

import { getI64 } from "./csr";
import { ONE, satMul, safeDiv } from "../fixed/i32f32";

const U16_MAX_FIXED: i64 = 65535 * ONE;
const THRESHOLD: i64 = 32768 * ONE;

/** I32F32 round (ties away from zero) then saturating_to_num::<u16>. */
// @ts-ignore: decorator
@inline function roundToU16(x: i64): u16 {
  // round: add one half toward the sign, then truncate toward zero via floor on magnitudes
  let r: i64;
  if (x >= 0) {
    r = x > i64.MAX_VALUE - 0x80000000 ? i64.MAX_VALUE : ((x + 0x80000000) >> 32) << 32;
  } else {
    const m = -x; // x > MIN here in practice; MIN rounds to MIN
    r = x == i64.MIN_VALUE ? x : -(((m + 0x80000000) >> 32) << 32);
  }
  if (r < 0) return 0;
  const i = r >> 32;
  return i > 65535 ? 65535 : <u16>i;
}

// @ts-ignore: decorator
@inline function floorToU16(x: i64): u16 {
  if (x < 0) return 0;
  const i = x >> 32;
  return i > 65535 ? 65535 : <u16>i;
}

/** vec is n I32F32 values; out receives n u16. */
export function vecMaxUpscaleToU16(vec: usize, n: i32, out: usize): void {
  if (n == 0) return;
  let mx = getI64(vec, 0);
  for (let i = 1; i < n; i++) { const v = getI64(vec, i); if (v > mx) mx = v; }
  if (mx == 0) {
    for (let i = 0; i < n; i++) store<u16>(out + (<usize>i << 1), floorToU16(satMul(getI64(vec, i), U16_MAX_FIXED)));
    return;
  }
  if (mx > THRESHOLD) {
    const f = safeDiv(U16_MAX_FIXED, mx);
    for (let i = 0; i < n; i++) store<u16>(out + (<usize>i << 1), roundToU16(satMul(getI64(vec, i), f)));
    return;
  }
  for (let i = 0; i < n; i++) store<u16>(out + (<usize>i << 1), roundToU16(safeDiv(satMul(getI64(vec, i), U16_MAX_FIXED), mx)));
}
