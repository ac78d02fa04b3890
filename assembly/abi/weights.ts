// Entry points for the numeric steps of set_weights (subnets/weights.rs): the max weight limit
// test (epoch/math.rs check_vec_max_limited) and the stake a hotkey needs to set weights
// (lib.rs check_weights_min_stake via stake_utils.rs get_stake_weights_for_hotkey_on_subnet).
// The stored row itself is m_vec_u16_max_upscale_to_u16 in abi/math.ts.

import { alloc, sz } from "../arena";
import { getI64, setI64 } from "../math/csr";
import { normalize } from "../math/vector";
import { u16Proportion } from "../fixed/i32f32";
import { computeStake } from "../epoch/stake";

/**
 * check_vec_max_limited: the u16 values as I32F32 integers, normalised to sum 1 (plain sum,
 * safe_div), and the largest share compared with I32F32(limit) safe_div I32F32(65535).
 * Returns 1 when within the limit (an empty vector is within it).
 */
export function w_vec_max_limited(v: usize, n: i32, limit: i32): i32 {
  const f = alloc(sz(n) << 3);
  for (let i = 0; i < n; i++) setI64(f, i, <i64>load<u16>(v + (<usize>i << 1)) << 32);
  normalize(f, n);
  const cap = u16Proportion(<u32>limit);
  for (let i = 0; i < n; i++) if (getI64(f, i) > cap) return 0;
  return 1;
}

/**
 * The hotkey's total stake on the subnet as I64F64 bits written to out (lo at +0, hi at +8):
 * alpha saturating_add tao saturating_mul tao_weight, the same sum the epoch uses.
 */
export function w_hotkey_total_stake(alpha: u64, tao: u64, taoWeight: u64, out: usize): void {
  const a = alloc(8), t = alloc(8), filtered = alloc(16), stake = alloc(8);
  store<u64>(a, alpha);
  store<u64>(t, tao);
  computeStake(1, a, t, taoWeight, 0, -1, out, filtered, stake);
}
