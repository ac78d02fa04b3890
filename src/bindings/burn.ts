// Typed wrappers over assembly/abi/burn.ts: the registration burn's decay factor and block sequences.

import { Core } from "./core.js";

const M64 = (1n << 64n) - 1n;

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
  decayFactorQ32(halfLife: number): bigint { this.core.reset(); return BigInt.asUintN(64, this.core.call<bigint>("rb_decay_factor", halfLife)); }
  powQ32(base: bigint, exp: number): bigint { this.core.reset(); return BigInt.asUintN(64, this.core.call<bigint>("rb_pow_q32", BigInt.asIntN(64, base), exp)); }

  decay(burn: bigint, halfLife: number, block: bigint, min: bigint, max: bigint): bigint {
    this.core.reset();
    return BigInt.asUintN(64, this.core.call<bigint>("rb_decay", BigInt.asIntN(64, burn), halfLife, BigInt.asIntN(64, block), BigInt.asIntN(64, min), BigInt.asIntN(64, max)));
  }
  bump(burn: bigint, mult: bigint, min: bigint, max: bigint, isRoot: boolean): bigint {
    this.core.reset();
    const s = (x: bigint) => BigInt.asIntN(64, x);
    return BigInt.asUintN(64, this.core.call<bigint>("rb_bump", s(burn), s(mult >> 64n), s(mult & M64), s(min), s(max), isRoot ? 1 : 0));
  }

  /** Blocks start_block+1 .. start_block+n, with registrationsPerBlock[i] registrations in block i. */
  run(p: BurnParams, registrationsPerBlock: number[]): BurnBlock[] {
    this.core.reset();
    const n = registrationsPerBlock.length;
    const total = registrationsPerBlock.reduce((a, b) => a + b, 0);
    const params = this.core.u64([p.burn, p.minBurn, p.maxBurn, BigInt(p.halfLife), p.burnIncreaseMult & M64, p.burnIncreaseMult >> 64n, p.isRoot ? 1n : 0n, p.startBlock]);
    const regs = this.core.u32(registrationsPerBlock);
    const out = this.core.alloc(n * 16), prices = this.core.alloc(total * 8);
    this.core.call<void>("rb_run", params, regs, n, out, prices);
    const o = this.core.readU64(out, 2 * n), pr = this.core.readU64(prices, total);
    const blocks: BurnBlock[] = [];
    let k = 0;
    for (let i = 0; i < n; i++) {
      const r = registrationsPerBlock[i];
      blocks.push({ block: p.startBlock + BigInt(i + 1), burnAfterDecay: o[2 * i], registrationPrices: pr.slice(k, k + r), burnEndOfBlock: o[2 * i + 1] });
      k += r;
    }
    return blocks;
  }
}
