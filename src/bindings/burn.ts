// Typed wrappers over assembly/abi/burn.ts: the registration burn's decay factor and block sequences
// (subtensor utils/misc.rs decay_factor_q32 / pow_q32, registration.rs burn updates). Every input is
// checked against its chain type first (u64 burns and blocks, u16 half-life, U64F64 multiplier).

import { Core } from "./core.js";
import { TaomathError } from "../core/errors.js";
import { toArray, toBool, toInt, toU16, toU64, typeOf, checkBits } from "./values.js";
import { MASK64 } from "../core/ints.js";

/** Most blocks, and most registrations over all blocks, one run may ask for (each costs 8-16 bytes of output). */
export const MAX_BURN_BLOCKS = 1_000_000;
export const MAX_BURN_REGISTRATIONS = 1_000_000;

export interface BurnParams {
  burn: bigint; minBurn: bigint; maxBurn: bigint; halfLife: number;
  /** BurnIncreaseMult as U64F64 bits (1.26 = 23_242_897_532_874_035_200) */
  burnIncreaseMult: bigint;
  isRoot: boolean;
  /** the block before the first step */
  startBlock: bigint;
}

export interface BurnBlock { block: bigint; burnAfterDecay: bigint; registrationPrices: bigint[]; burnEndOfBlock: bigint }



export class BurnCore {
  constructor(private readonly core: Core) {}
  decayFactorQ32(halfLife: number): bigint {
    const hl = toU16(halfLife, "halfLife");
    this.core.reset();
    return this.core.invoke("rb_decay_factor", { half_life: hl }).get("factor");
  }
  powQ32(base: bigint, exp: number): bigint {
    const b = toU64(base, "base"), e = toU16(exp, "exp");
    this.core.reset();
    return this.core.invoke("rb_pow_q32", { base: b, exp: e }).get("value");
  }

  decay(burn: bigint, halfLife: number, block: bigint, min: bigint, max: bigint): bigint {
    const b = toU64(burn, "burn"), hl = toU16(halfLife, "halfLife"), blk = toU64(block, "block");
    const lo = toU64(min, "minBurn"), hi = toU64(max, "maxBurn");
    this.core.reset();
    return this.core.invoke("rb_decay", { burn: b, half_life: hl, block: blk, min_burn: lo, max_burn: hi }).get("burn");
  }
  bump(burn: bigint, mult: bigint, min: bigint, max: bigint, isRoot: boolean): bigint {
    const b = toU64(burn, "burn"), m = checkBits(mult, "burnIncreaseMult", "u128");
    const lo = toU64(min, "minBurn"), hi = toU64(max, "maxBurn"), root = toBool(isRoot, "isRoot");
    this.core.reset();
    return this.core.invoke("rb_bump", { burn: b, mult_lo: m & MASK64, mult_hi: m >> 64n, min_burn: lo, max_burn: hi, is_root: root }).get("burn");
  }

  /** Blocks start_block+1 .. start_block+n, with registrationsPerBlock[i] registrations in block i. */
  run(p: BurnParams, registrationsPerBlock: number[]): BurnBlock[] {
    const q = burnParams(p);
    const list = toArray(registrationsPerBlock, "registrationsPerBlock");
    const n = list.length;
    if (n > MAX_BURN_BLOCKS) throw new TaomathError("wrong_length", "registrationsPerBlock", `${n} blocks; at most ${MAX_BURN_BLOCKS} per run`);
    if (q.startBlock + BigInt(n) > MASK64) throw new TaomathError("out_of_range", "startBlock", "the last block of the run is past u64::MAX");
    const regs: number[] = new Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      // registrations in one block: the chain caps them by MaxRegistrationsPerBlock, a u16
      regs[i] = toInt(list[i], `registrationsPerBlock[${i}]`, 0, 65535, "u16");
      total += regs[i];
      if (total > MAX_BURN_REGISTRATIONS) throw new TaomathError("wrong_length", "registrationsPerBlock", `more than ${MAX_BURN_REGISTRATIONS} registrations in one run`);
    }
    this.core.reset();
    const out = this.core.invoke("rb_run", {
      burn: q.burn, min_burn: q.minBurn, max_burn: q.maxBurn, half_life: q.halfLife, mult_lo: q.burnIncreaseMult & MASK64,
      mult_hi: q.burnIncreaseMult >> 64n, is_root: q.isRoot, start_block: q.startBlock, registrations: this.core.u32(regs), n,
    });
    const o = this.core.readU64(out.num("blocks"), 2 * n), pr = this.core.readU64(out.num("prices"), total);
    const blocks: BurnBlock[] = [];
    let k = 0;
    for (let i = 0; i < n; i++) {
      const r = regs[i];
      blocks.push({ block: q.startBlock + BigInt(i + 1), burnAfterDecay: o[2 * i], registrationPrices: pr.slice(k, k + r), burnEndOfBlock: o[2 * i + 1] });
      k += r;
    }
    return blocks;
  }
}

function burnParams(p: BurnParams): BurnParams {
  if (p === null || typeof p !== "object" || Array.isArray(p)) throw new TaomathError("invalid_type", "params", `expected the burn parameters as an object, got ${typeOf(p)}`);
  return {
    burn: toU64(p.burn, "burn"), minBurn: toU64(p.minBurn, "minBurn"), maxBurn: toU64(p.maxBurn, "maxBurn"),
    halfLife: toU16(p.halfLife, "halfLife"), burnIncreaseMult: checkBits(p.burnIncreaseMult, "burnIncreaseMult", "u128"),
    isRoot: toBool(p.isRoot, "isRoot"), startBlock: toU64(p.startBlock, "startBlock"),
  };
}
