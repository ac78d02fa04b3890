// Entry points for the registration burn (assembly/burn), header convention (boundary.json).

import { slot } from "./memory";
import { result, put } from "./result";
import { alloc, sz } from "../arena";
import { decayFactorQ32, powQ32, decayBurn, bumpBurn } from "../burn/registration_burn";
import {
  RB_DECAY_FACTOR_IN_HALF_LIFE, RB_DECAY_FACTOR_OUT_FACTOR, RB_DECAY_FACTOR_OUT_SLOTS,
  RB_POW_Q32_IN_BASE, RB_POW_Q32_IN_EXP, RB_POW_Q32_OUT_VALUE, RB_POW_Q32_OUT_SLOTS,
  RB_DECAY_IN_BURN, RB_DECAY_IN_HALF_LIFE, RB_DECAY_IN_BLOCK, RB_DECAY_IN_MIN_BURN, RB_DECAY_IN_MAX_BURN, RB_DECAY_OUT_BURN, RB_DECAY_OUT_SLOTS,
  RB_BUMP_IN_BURN, RB_BUMP_IN_MULT_LO, RB_BUMP_IN_MULT_HI, RB_BUMP_IN_MIN_BURN, RB_BUMP_IN_MAX_BURN, RB_BUMP_IN_IS_ROOT, RB_BUMP_OUT_BURN, RB_BUMP_OUT_SLOTS,
  RB_RUN_IN_BURN, RB_RUN_IN_MIN_BURN, RB_RUN_IN_MAX_BURN, RB_RUN_IN_HALF_LIFE, RB_RUN_IN_MULT_LO, RB_RUN_IN_MULT_HI, RB_RUN_IN_IS_ROOT,
  RB_RUN_IN_START_BLOCK, RB_RUN_IN_REGISTRATIONS, RB_RUN_IN_N, RB_RUN_OUT_BLOCKS, RB_RUN_OUT_PRICES, RB_RUN_OUT_SLOTS,
} from "./layout";

export function rb_decay_factor(h: usize): usize {
  const o = result(RB_DECAY_FACTOR_OUT_SLOTS);
  put(o, RB_DECAY_FACTOR_OUT_FACTOR, decayFactorQ32(<u32>slot(h, RB_DECAY_FACTOR_IN_HALF_LIFE)));
  return o;
}
export function rb_pow_q32(h: usize): usize {
  const o = result(RB_POW_Q32_OUT_SLOTS);
  put(o, RB_POW_Q32_OUT_VALUE, powQ32(slot(h, RB_POW_Q32_IN_BASE), <u32>slot(h, RB_POW_Q32_IN_EXP)));
  return o;
}

/** Blocks start_block + 1 .. start_block + n. */
export function rb_run(h: usize): usize {
  let burn = slot(h, RB_RUN_IN_BURN);
  const min = slot(h, RB_RUN_IN_MIN_BURN), max = slot(h, RB_RUN_IN_MAX_BURN);
  const hl = <u32>slot(h, RB_RUN_IN_HALF_LIFE);
  const mlo = slot(h, RB_RUN_IN_MULT_LO), mhi = slot(h, RB_RUN_IN_MULT_HI);
  const isRoot = slot(h, RB_RUN_IN_IS_ROOT) != 0;
  const start = slot(h, RB_RUN_IN_START_BLOCK);
  const regs = <usize>slot(h, RB_RUN_IN_REGISTRATIONS), n = <i32>slot(h, RB_RUN_IN_N);
  let total: usize = 0;
  for (let i = 0; i < n; i++) total += <usize>load<u32>(regs + (<usize>i << 2));
  const blocks = alloc(sz(n) << 4), prices = alloc((total > 0 ? total : 1) << 3);
  const f = decayFactorQ32(hl);
  let p = prices;
  for (let i = 0; i < n; i++) {
    burn = decayBurn(burn, f, hl, start + 1 + <u64>i, min, max);
    store<u64>(blocks + (<usize>i << 4), burn);
    const r = load<u32>(regs + (<usize>i << 2));
    for (let j: u32 = 0; j < r; j++) {
      store<u64>(p, burn); p += 8;
      burn = bumpBurn(burn, mhi, mlo, min, max, isRoot);
    }
    store<u64>(blocks + (<usize>i << 4) + 8, burn);
  }
  const o = result(RB_RUN_OUT_SLOTS);
  put(o, RB_RUN_OUT_BLOCKS, blocks); put(o, RB_RUN_OUT_PRICES, prices);
  return o;
}

/** One block's decay and clamp of a subnet's burn. */
export function rb_decay(h: usize): usize {
  const hl = <u32>slot(h, RB_DECAY_IN_HALF_LIFE);
  const o = result(RB_DECAY_OUT_SLOTS);
  put(o, RB_DECAY_OUT_BURN, decayBurn(slot(h, RB_DECAY_IN_BURN), decayFactorQ32(hl), hl, slot(h, RB_DECAY_IN_BLOCK), slot(h, RB_DECAY_IN_MIN_BURN), slot(h, RB_DECAY_IN_MAX_BURN)));
  return o;
}

/** The bump after one registration; no-op on root. */
export function rb_bump(h: usize): usize {
  const o = result(RB_BUMP_OUT_SLOTS);
  put(o, RB_BUMP_OUT_BURN, bumpBurn(slot(h, RB_BUMP_IN_BURN), slot(h, RB_BUMP_IN_MULT_HI), slot(h, RB_BUMP_IN_MULT_LO),
    slot(h, RB_BUMP_IN_MIN_BURN), slot(h, RB_BUMP_IN_MAX_BURN), slot(h, RB_BUMP_IN_IS_ROOT) != 0));
  return o;
}
