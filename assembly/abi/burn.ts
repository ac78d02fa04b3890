// Entry points for the registration burn (assembly/burn).

import { decayFactorQ32, powQ32, decayBurn, bumpBurn } from "../burn/registration_burn";

export function rb_decay_factor(halfLife: i32): u64 { return decayFactorQ32(<u32>halfLife); }
export function rb_pow_q32(base: u64, exp: i32): u64 { return powQ32(base, <u32>exp); }

/**
 * Runs `n` blocks from `startBlock`+1: params u64 slots [burn, min, max, half_life, mult lo, mult hi,
 * is_root, start_block]; regs u32[n] registrations per block; out per block [burn_after_decay,
 * burn_end_of_block] (2n u64) and prices (one u64 per registration, in order).
 */
export function rb_run(params: usize, regs: usize, n: i32, out: usize, prices: usize): void {
  let burn = load<u64>(params);
  const min = load<u64>(params, 8), max = load<u64>(params, 16);
  const hl = <u32>load<u64>(params, 24);
  const mlo = load<u64>(params, 32), mhi = load<u64>(params, 40);
  const isRoot = load<u64>(params, 48) != 0;
  const start = load<u64>(params, 56);
  const f = decayFactorQ32(hl);
  let p = prices;
  for (let i = 0; i < n; i++) {
    burn = decayBurn(burn, f, hl, start + 1 + <u64>i, min, max);
    store<u64>(out + (<usize>i << 4), burn);
    const r = load<u32>(regs + (<usize>i << 2));
    for (let j: u32 = 0; j < r; j++) {
      store<u64>(p, burn); p += 8;
      burn = bumpBurn(burn, mhi, mlo, min, max, isRoot);
    }
    store<u64>(out + (<usize>i << 4) + 8, burn);
  }
}

/** One block's decay and clamp of a subnet's burn. */
export function rb_decay(burn: u64, halfLife: i32, block: u64, min: u64, max: u64): u64 {
  return decayBurn(burn, decayFactorQ32(<u32>halfLife), <u32>halfLife, block, min, max);
}

/** The bump after one registration (mult as U64F64 hi/lo); no-op on root. */
export function rb_bump(burn: u64, multHi: u64, multLo: u64, min: u64, max: u64, isRoot: i32): u64 {
  return bumpBurn(burn, multHi, multLo, min, max, isRoot != 0);
}
