// Entry points for SafeFloat and the alpha share pool (assembly/sharepool). SafeFloats cross as
// (mantissa hi, mantissa lo, exponent); results as a 4-slot header [ok, mantissa lo, hi, exponent].

import { newHeader, setSlot } from "./memory";
import { scratchBegin, smark, srelease } from "../bigint/scratch";
import { sfHi, sfLo, sfExp, sfOk, addSub, mulDiv, div, gt, toU64, fromU64F64 } from "../sharepool/safe_float";
import { applyOp, valueOf } from "../sharepool/share_pool";
import { applyOp473, valueOf473 } from "../sharepool/share_pool_473";
import { subExactFloor, gt473 } from "../sharepool/safe_float_473";

function result(): usize {
  const h = newHeader(4);
  setSlot(h, 0, sfOk ? 1 : 0); setSlot(h, 1, sfLo); setSlot(h, 2, sfHi); setSlot(h, 3, <u64>sfExp);
  return h;
}

export function sf_add(ah: u64, al: u64, ae: i64, bh: u64, bl: u64, be: i64): usize { scratchBegin(); addSub(ah, al, ae, bh, bl, be, false); return result(); }
export function sf_sub(ah: u64, al: u64, ae: i64, bh: u64, bl: u64, be: i64): usize { scratchBegin(); addSub(ah, al, ae, bh, bl, be, true); return result(); }
export function sf_mul_div(ah: u64, al: u64, ae: i64, bh: u64, bl: u64, be: i64, ch: u64, cl: u64, ce: i64): usize {
  scratchBegin(); mulDiv(ah, al, ae, bh, bl, be, ch, cl, ce); return result();
}
export function sf_div(ah: u64, al: u64, ae: i64, bh: u64, bl: u64, be: i64): usize { scratchBegin(); div(ah, al, ae, bh, bl, be); return result(); }
export function sf_gt(ah: u64, al: u64, ae: i64, bh: u64, bl: u64, be: i64): i32 { scratchBegin(); return gt(ah, al, ae, bh, bl, be) ? 1 : 0; }
export function sf_to_u64(ah: u64, al: u64, ae: i64): u64 { scratchBegin(); return toU64(ah, al, ae); }
export function sf_from_u64f64(hi: u64, lo: u64): usize { scratchBegin(); fromU64F64(hi, lo); return result(); }

/**
 * Runs `n` ops ([op, key index, amount] u64 triples) on the share-pool state block `s` (layout in
 * share_pool.ts), writing after each op a snapshot to `out`: shared value, denominator record (4),
 * per key its record (4) and value, then the try_stake answer: 1 + 4 + 5·keys + 1 slots.
 */
export function sp_run(s: usize, ops: usize, n: i32, out: usize): void { runOps(s, ops, n, out, false); }
/** sp_run under the runtime-473 share pool (sharepool/share_pool_473.ts), same layouts; ops 5–7 added. */
export function sp_run_473(s: usize, ops: usize, n: i32, out: usize): void { runOps(s, ops, n, out, true); }
export function sf_sub_exact_floor(ah: u64, al: u64, ae: i64, bh: u64, bl: u64, be: i64): usize { scratchBegin(); subExactFloor(ah, al, ae, bh, bl, be); return result(); }
export function sf_gt_473(ah: u64, al: u64, ae: i64, bh: u64, bl: u64, be: i64): i32 { scratchBegin(); return gt473(ah, al, ae, bh, bl, be) ? 1 : 0; }

function runOps(s: usize, ops: usize, n: i32, out: usize, v473: bool): void {
  scratchBegin();
  const keys = <i32>load<u64>(s, 40);
  const width = 6 + 5 * keys;
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
}
