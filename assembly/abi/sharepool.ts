// Entry points for SafeFloat and the alpha share pool (assembly/sharepool), header convention
// (boundary.json): a SafeFloat crosses as (mantissa_lo, mantissa_hi, exponent) slots; a result
// that is None on the chain has error 1.

import { slot } from "./memory";
import { result, put, putI64, putBool } from "./result";
import { alloc, sz } from "../arena";
import { scratchBegin, smark, srelease } from "../bigint/scratch";
import { sfHi, sfLo, sfExp, sfOk, addSub, mulDiv, div, gt, toU64, fromU64F64 } from "../sharepool/safe_float";
import { applyOp, valueOf } from "../sharepool/share_pool";
import { applyOp473, valueOf473 } from "../sharepool/share_pool_473";
import { subExactFloor, gt473 } from "../sharepool/safe_float_473";
import {
  SF_ADD_IN_A_MANTISSA_LO, SF_ADD_IN_A_MANTISSA_HI, SF_ADD_IN_A_EXPONENT, SF_ADD_IN_B_MANTISSA_LO, SF_ADD_IN_B_MANTISSA_HI, SF_ADD_IN_B_EXPONENT,
  SF_ADD_OUT_ERROR, SF_ADD_OUT_MANTISSA_LO, SF_ADD_OUT_MANTISSA_HI, SF_ADD_OUT_EXPONENT, SF_ADD_OUT_SLOTS,
  SF_MUL_DIV_IN_A_MANTISSA_LO, SF_MUL_DIV_IN_A_MANTISSA_HI, SF_MUL_DIV_IN_A_EXPONENT, SF_MUL_DIV_IN_B_MANTISSA_LO, SF_MUL_DIV_IN_B_MANTISSA_HI,
  SF_MUL_DIV_IN_B_EXPONENT, SF_MUL_DIV_IN_C_MANTISSA_LO, SF_MUL_DIV_IN_C_MANTISSA_HI, SF_MUL_DIV_IN_C_EXPONENT,
  SF_GT_IN_A_MANTISSA_LO, SF_GT_IN_A_MANTISSA_HI, SF_GT_IN_A_EXPONENT, SF_GT_IN_B_MANTISSA_LO, SF_GT_IN_B_MANTISSA_HI, SF_GT_IN_B_EXPONENT,
  SF_GT_OUT_GREATER, SF_GT_OUT_SLOTS,
  SF_TO_U64_IN_A_MANTISSA_LO, SF_TO_U64_IN_A_MANTISSA_HI, SF_TO_U64_IN_A_EXPONENT, SF_TO_U64_OUT_VALUE, SF_TO_U64_OUT_SLOTS,
  SF_FROM_U64F64_IN_BITS_LO, SF_FROM_U64F64_IN_BITS_HI,
  SP_RUN_IN_STATE, SP_RUN_IN_OPS, SP_RUN_IN_N, SP_RUN_OUT_SNAPSHOTS, SP_RUN_OUT_SLOTS,
} from "./layout";

/** The SafeFloat (or None) the last safe_float call left, as the header every sf_ entry returns (sf_add's). */
function safeFloat(): usize {
  const o = result(SF_ADD_OUT_SLOTS);
  put(o, SF_ADD_OUT_ERROR, sfOk ? 0 : 1);
  put(o, SF_ADD_OUT_MANTISSA_LO, sfLo); put(o, SF_ADD_OUT_MANTISSA_HI, sfHi); putI64(o, SF_ADD_OUT_EXPONENT, sfExp);
  return o;
}
// the a and b operands of the two-operand entries (sf_add's slots, shared by sf_sub, sf_div, sf_sub_exact_floor)
function ah(h: usize): u64 { return slot(h, SF_ADD_IN_A_MANTISSA_HI); }
function al(h: usize): u64 { return slot(h, SF_ADD_IN_A_MANTISSA_LO); }
function ae(h: usize): i64 { return <i64>slot(h, SF_ADD_IN_A_EXPONENT); }
function bh(h: usize): u64 { return slot(h, SF_ADD_IN_B_MANTISSA_HI); }
function bl(h: usize): u64 { return slot(h, SF_ADD_IN_B_MANTISSA_LO); }
function be(h: usize): i64 { return <i64>slot(h, SF_ADD_IN_B_EXPONENT); }

export function sf_add(h: usize): usize { scratchBegin(); addSub(ah(h), al(h), ae(h), bh(h), bl(h), be(h), false); return safeFloat(); }
export function sf_sub(h: usize): usize { scratchBegin(); addSub(ah(h), al(h), ae(h), bh(h), bl(h), be(h), true); return safeFloat(); }
export function sf_div(h: usize): usize { scratchBegin(); div(ah(h), al(h), ae(h), bh(h), bl(h), be(h)); return safeFloat(); }
export function sf_sub_exact_floor(h: usize): usize { scratchBegin(); subExactFloor(ah(h), al(h), ae(h), bh(h), bl(h), be(h)); return safeFloat(); }
export function sf_mul_div(h: usize): usize {
  scratchBegin();
  mulDiv(slot(h, SF_MUL_DIV_IN_A_MANTISSA_HI), slot(h, SF_MUL_DIV_IN_A_MANTISSA_LO), <i64>slot(h, SF_MUL_DIV_IN_A_EXPONENT),
    slot(h, SF_MUL_DIV_IN_B_MANTISSA_HI), slot(h, SF_MUL_DIV_IN_B_MANTISSA_LO), <i64>slot(h, SF_MUL_DIV_IN_B_EXPONENT),
    slot(h, SF_MUL_DIV_IN_C_MANTISSA_HI), slot(h, SF_MUL_DIV_IN_C_MANTISSA_LO), <i64>slot(h, SF_MUL_DIV_IN_C_EXPONENT));
  return safeFloat();
}
function greater(v: bool): usize { const o = result(SF_GT_OUT_SLOTS); putBool(o, SF_GT_OUT_GREATER, v); return o; }
export function sf_gt(h: usize): usize {
  scratchBegin();
  return greater(gt(slot(h, SF_GT_IN_A_MANTISSA_HI), slot(h, SF_GT_IN_A_MANTISSA_LO), <i64>slot(h, SF_GT_IN_A_EXPONENT),
    slot(h, SF_GT_IN_B_MANTISSA_HI), slot(h, SF_GT_IN_B_MANTISSA_LO), <i64>slot(h, SF_GT_IN_B_EXPONENT)));
}
export function sf_gt_473(h: usize): usize {
  scratchBegin();
  return greater(gt473(slot(h, SF_GT_IN_A_MANTISSA_HI), slot(h, SF_GT_IN_A_MANTISSA_LO), <i64>slot(h, SF_GT_IN_A_EXPONENT),
    slot(h, SF_GT_IN_B_MANTISSA_HI), slot(h, SF_GT_IN_B_MANTISSA_LO), <i64>slot(h, SF_GT_IN_B_EXPONENT)));
}
export function sf_to_u64(h: usize): usize {
  scratchBegin();
  const v = toU64(slot(h, SF_TO_U64_IN_A_MANTISSA_HI), slot(h, SF_TO_U64_IN_A_MANTISSA_LO), <i64>slot(h, SF_TO_U64_IN_A_EXPONENT));
  const o = result(SF_TO_U64_OUT_SLOTS); put(o, SF_TO_U64_OUT_VALUE, v);
  return o;
}
export function sf_from_u64f64(h: usize): usize { scratchBegin(); fromU64F64(slot(h, SF_FROM_U64F64_IN_BITS_HI), slot(h, SF_FROM_U64F64_IN_BITS_LO)); return safeFloat(); }

export function sp_run(h: usize): usize { return runOps(h, false); }
export function sp_run_473(h: usize): usize { return runOps(h, true); }

/** Applies the ops to the state block in place, writing a snapshot after each (sizes in boundary.json's sp_run). */
function runOps(h: usize, v473: bool): usize {
  scratchBegin();
  const s = <usize>slot(h, SP_RUN_IN_STATE), ops = <usize>slot(h, SP_RUN_IN_OPS), n = <i32>slot(h, SP_RUN_IN_N);
  const keys = <i32>load<u64>(s, 40);
  const width = 6 + 5 * keys;
  const out = alloc(sz(n) * <usize>width * 8);
  for (let i = 0; i < n; i++) {
    const mark = smark();
    const at = ops + <usize>i * 24;
    const op = <i32>load<u64>(at), key = <i32>load<u64>(at, 8), amount = load<u64>(at, 16);
    const t = v473 ? applyOp473(s, op, key, amount) : applyOp(s, op, key, amount);
    const o = out + <usize>(i * width) * 8;
    store<u64>(o, load<u64>(s));
    for (let j = 0; j < 4; j++) store<u64>(o + 8 + (<usize>j << 3), load<u64>(s + 8 + (<usize>j << 3)));
    for (let k = 0; k < keys; k++) {
      const rec = s + 48 + (<usize>k << 5);
      const dst = o + 40 + <usize>(k * 5) * 8;
      for (let j = 0; j < 4; j++) store<u64>(dst + (<usize>j << 3), load<u64>(rec + (<usize>j << 3)));
      store<u64>(dst + 32, v473 ? valueOf473(s, k) : valueOf(s, k));
    }
    store<u64>(o + <usize>(width - 1) * 8, <u64>t);
    srelease(mark);
  }
  const r = result(SP_RUN_OUT_SLOTS); put(r, SP_RUN_OUT_SNAPSHOTS, out);
  return r;
}
