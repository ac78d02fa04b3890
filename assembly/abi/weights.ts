// Entry points for the numeric steps of set_weights (subnets/weights.rs), header convention
// (boundary.json): the max weight limit test (epoch/math.rs check_vec_max_limited) and the stake a
// hotkey needs to set weights (lib.rs check_weights_min_stake via stake_utils.rs
// get_stake_weights_for_hotkey_on_subnet). The stored row itself is m_vec_u16_max_upscale_to_u16
// in abi/math.ts.

import { alloc, sz } from "../arena";
import { getI64, setI64 } from "../math/csr";
import { normalize } from "../math/vector";
import { u16Proportion } from "../fixed/i32f32";
import { computeStake } from "../epoch/stake";
import { slot } from "./memory";
import { result, putBool, put128 } from "./result";
import {
  W_VEC_MAX_LIMITED_IN_VALUES, W_VEC_MAX_LIMITED_IN_N, W_VEC_MAX_LIMITED_IN_LIMIT, W_VEC_MAX_LIMITED_OUT_WITHIN, W_VEC_MAX_LIMITED_OUT_SLOTS,
  W_HOTKEY_TOTAL_STAKE_IN_ALPHA, W_HOTKEY_TOTAL_STAKE_IN_TAO, W_HOTKEY_TOTAL_STAKE_IN_TAO_WEIGHT,
  W_HOTKEY_TOTAL_STAKE_OUT_STAKE_LO, W_HOTKEY_TOTAL_STAKE_OUT_STAKE_HI, W_HOTKEY_TOTAL_STAKE_OUT_SLOTS,
} from "./layout";

/**
 * check_vec_max_limited: the u16 values as I32F32 integers, normalised to sum 1 (plain sum,
 * safe_div), and the largest share compared with I32F32(limit) safe_div I32F32(65535).
 */
export function w_vec_max_limited(h: usize): usize {
  const v = <usize>slot(h, W_VEC_MAX_LIMITED_IN_VALUES), n = <i32>slot(h, W_VEC_MAX_LIMITED_IN_N);
  const f = alloc(sz(n) << 3);
  for (let i = 0; i < n; i++) setI64(f, i, <i64>load<u16>(v + (<usize>i << 1)) << 32);
  normalize(f, n);
  const cap = u16Proportion(<u32>slot(h, W_VEC_MAX_LIMITED_IN_LIMIT));
  let within = true;
  for (let i = 0; i < n; i++) if (getI64(f, i) > cap) { within = false; break; }
  const o = result(W_VEC_MAX_LIMITED_OUT_SLOTS); putBool(o, W_VEC_MAX_LIMITED_OUT_WITHIN, within);
  return o;
}

/** The hotkey's total stake on the subnet (I64F64): alpha saturating_add tao saturating_mul tao_weight, the sum the epoch uses. */
export function w_hotkey_total_stake(h: usize): usize {
  const a = alloc(8), t = alloc(8), filtered = alloc(16), stake = alloc(8), total = alloc(16);
  store<u64>(a, slot(h, W_HOTKEY_TOTAL_STAKE_IN_ALPHA));
  store<u64>(t, slot(h, W_HOTKEY_TOTAL_STAKE_IN_TAO));
  computeStake(1, a, t, slot(h, W_HOTKEY_TOTAL_STAKE_IN_TAO_WEIGHT), 0, -1, total, filtered, stake);
  const o = result(W_HOTKEY_TOTAL_STAKE_OUT_SLOTS);
  put128(o, W_HOTKEY_TOTAL_STAKE_OUT_STAKE_LO, W_HOTKEY_TOTAL_STAKE_OUT_STAKE_HI, load<u64>(total), load<u64>(total, 8));
  return o;
}
