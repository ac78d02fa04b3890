// Typed wrappers over assembly/abi/swap.ts: the Balancer pool's primitives, one swap, the
// limit-price maximums, the weight update and the big-integer module. Inputs here are already
// validated (see src/pool.ts for the public, validating API).

import { Core } from "./core.js";
import { TaomathError } from "../core/errors.js";
import { MASK64, U64_MAX } from "../core/ints.js";

/** A subnet pool as the chain stores it. quote = TAO weight in Perquintill parts (1e18 = 1). */
export interface PoolInput {
  taoReserve: bigint;
  alphaReserve: bigint;
  alphaOut?: bigint;
  quoteWeight?: bigint;
  palSwapInitialized?: boolean;
  feeRate?: number;
  minimumReserve?: bigint;
  mechanism?: number;
}

export interface PoolState {
  taoReserve: bigint; alphaReserve: bigint; alphaOut: bigint; quoteWeight: bigint;
  palSwapInitialized: boolean; feeRate: number; minimumReserve: bigint; mechanism: number;
}

export type SwapError = "PriceLimitExceeded" | "ReservesTooLow" | "SwapInputTooLarge" | "InsufficientLiquidity";
export const SWAP_ERRORS: Array<SwapError | null> = [null, "PriceLimitExceeded", "ReservesTooLow", "SwapInputTooLarge", "InsufficientLiquidity"];

export interface SwapOutcome {
  ok: boolean;
  error?: SwapError;
  paidIn: bigint; paidOut: bigint; fee: bigint; feeToBlockAuthor: bigint;
  /** U64F64 bits */
  priceBefore: bigint; priceAfter: bigint;
  stateAfter: PoolState;
}

export const DEFAULT_POOL = {
  alphaOut: 0n, quoteWeight: 500_000_000_000_000_000n, palSwapInitialized: true, feeRate: 33,
  minimumReserve: 1_000_000n, mechanism: 1,
};

export class SwapCore {
  constructor(private readonly core: Core) {}

  private fn<T>(name: string, ...args: unknown[]): T { return this.core.call<T>(name, ...args); }
  private pair(p: number): bigint { const [lo, hi] = this.core.readU64(p >>> 0, 2); return (hi << 64n) | lo; }

  /** Writes a non-negative or negative bigint as a Big (assembly/bigint/big.ts layout). */
  writeBig(x: bigint): number {
    const neg = x < 0n;
    let m = neg ? -x : x;
    const limbs: number[] = [];
    while (m > 0n) { limbs.push(Number(m & 0xffffffffn)); m >>= 32n; }
    const cap = Math.max(limbs.length, 1);
    const p = this.core.alloc(16 + cap * 4);
    const v = new Uint32Array(this.core.buffer, p, 4 + cap);
    v[0] = limbs.length; v[1] = neg && limbs.length > 0 ? 1 : 0; v[2] = cap; v[3] = 0;
    for (let i = 0; i < limbs.length; i++) v[4 + i] = limbs[i];
    return p;
  }
  readBig(p: number): bigint {
    p >>>= 0;
    const head = new Uint32Array(this.core.buffer, p, 2);
    const n = head[0], neg = head[1] !== 0;
    const l = new Uint32Array(this.core.buffer, p + 16, n);
    let x = 0n;
    for (let i = n - 1; i >= 0; i--) x = (x << 32n) | BigInt(l[i]);
    return neg ? -x : x;
  }

  bigOp(op: "add" | "sub" | "mul", a: bigint, b: bigint): bigint {
    this.core.reset();
    return this.readBig(this.fn<number>(`bi_${op}`, this.writeBig(a), this.writeBig(b)));
  }
  bigCmp(a: bigint, b: bigint): number { this.core.reset(); return this.fn<number>("bi_cmp", this.writeBig(a), this.writeBig(b)); }
  bigDivRem(a: bigint, b: bigint): [bigint, bigint] {
    if (b === 0n) throw new TaomathError("out_of_range", "b", "division by zero");
    this.core.reset();
    const h = this.fn<number>("bi_divrem", this.writeBig(a), this.writeBig(b));
    const [q, r] = this.core.slots(h >>> 0, 2);
    return [this.readBig(q), this.readBig(r)];
  }
  bigShl(a: bigint, k: number): bigint {
    shift(k);
    this.core.reset(); return this.readBig(this.fn<number>("bi_shl", this.writeBig(a), k)); }
  bigFloorShr(a: bigint, k: number): bigint {
    shift(k);
    this.core.reset(); return this.readBig(this.fn<number>("bi_floor_shr", this.writeBig(a), k)); }
  bigFloorDivSmall(a: bigint, m: number): bigint {
    if (!Number.isInteger(m) || m < 1 || m > 0xffffffff) throw new TaomathError("out_of_range", "m", "expected a divisor in [1, 2^32)");
    this.core.reset(); return this.readBig(this.fn<number>("bi_floor_div_small", this.writeBig(a), m)); }
  bigRoundShr(a: bigint, g: number): bigint {
    shift(g);
    this.core.reset(); return this.readBig(this.fn<number>("bi_round_shr", this.writeBig(a), g)); }

  /** safe-bigmath pow_ratio_scaled; null for None. Exponent parts must fit u64. */
  powRatioScaled(bn: bigint, bd: bigint, en: bigint, ed: bigint, precision: number, scale: bigint): bigint | null {
    for (const [v, f] of [[bn, "base_numerator"], [bd, "base_denominator"], [scale, "scale"]] as const) {
      if (v < 0n) throw new TaomathError("out_of_range", f, "must be >= 0");
    }
    for (const [v, f] of [[en, "exponent_numerator"], [ed, "exponent_denominator"]] as const) {
      if (v < 0n || v > U64_MAX) throw new TaomathError("out_of_range", f, "must fit in u64");
    }
    if (!Number.isInteger(precision) || precision < 0 || precision > 65536) throw new TaomathError("out_of_range", "precision", "expected an integer in [0, 65536]");
    this.core.reset();
    const p = this.fn<number>("bi_pow_ratio", this.writeBig(bn), this.writeBig(bd), BigInt.asIntN(64, en), BigInt.asIntN(64, ed), precision, this.writeBig(scale));
    return p === 0 ? null : this.readBig(p);
  }

  price(quote: bigint, alpha: bigint, tao: bigint, mechanism = 1): bigint {
    this.core.reset();
    return this.pair(this.fn<number>("sw_price", s(quote), s(alpha), s(tao), mechanism));
  }
  /** exp_base_quote (baseQuote) / exp_quote_base; negative delta for get_base_needed's path. */
  expScaled(quote: bigint, reserve: bigint, delta: bigint, baseQuote: boolean): bigint {
    this.core.reset();
    const neg = delta < 0n;
    return this.pair(this.fn<number>("sw_exp_scaled", s(quote), s(reserve), s(neg ? -delta : delta), neg ? 1 : 0, baseQuote ? 1 : 0));
  }
  quoteDeltaIn(quote: bigint, current: bigint, target: bigint, reserve: bigint): bigint { return this.limitDelta(0, quote, current, target, reserve); }
  baseDeltaIn(quote: bigint, current: bigint, target: bigint, reserve: bigint): bigint { return this.limitDelta(1, quote, current, target, reserve); }
  private limitDelta(base: number, quote: bigint, cur: bigint, tgt: bigint, reserve: bigint): bigint {
    this.core.reset();
    return u(this.fn<bigint>("sw_limit_delta", base, s(quote), s(cur >> 64n), s(cur & MASK64), s(tgt >> 64n), s(tgt & MASK64), s(reserve)));
  }
  baseNeededForQuote(quote: bigint, tao: bigint, alpha: bigint, deltaTao: bigint): bigint {
    this.core.reset();
    return u(this.fn<bigint>("sw_base_needed", s(quote), s(tao), s(alpha), s(deltaTao)));
  }

  private writePool(p: PoolInput): number {
    const d = DEFAULT_POOL;
    chk(p.taoReserve, "pool.taoReserve"); chk(p.alphaReserve, "pool.alphaReserve");
    if (p.alphaOut !== undefined) chk(p.alphaOut, "pool.alphaOut");
    if (p.minimumReserve !== undefined) chk(p.minimumReserve, "pool.minimumReserve");
    if (p.quoteWeight !== undefined && (p.quoteWeight < 0n || p.quoteWeight > 10n ** 18n)) throw new TaomathError("out_of_range", "pool.quoteWeight", "a Perquintill is at most 1e18 parts");
    if (p.feeRate !== undefined && !(Number.isInteger(p.feeRate) && p.feeRate >= 0 && p.feeRate <= 65535)) throw new TaomathError("out_of_range", "pool.feeRate", "expected a u16");
    const at = this.core.alloc(64);
    const v = new BigUint64Array(this.core.buffer, at, 8);
    v[0] = p.taoReserve; v[1] = p.alphaReserve; v[2] = p.alphaOut ?? d.alphaOut; v[3] = p.quoteWeight ?? d.quoteWeight;
    v[4] = (p.palSwapInitialized ?? d.palSwapInitialized) ? 1n : 0n; v[5] = BigInt(p.feeRate ?? d.feeRate);
    v[6] = p.minimumReserve ?? d.minimumReserve; v[7] = BigInt(p.mechanism ?? d.mechanism);
    return at;
  }

  swap(pool: PoolInput, buy: boolean, amount: bigint, limitPriceRao: bigint, dropFees: boolean, simulate: boolean): SwapOutcome {
    this.core.reset();
    const h = this.fn<number>("sw_swap", this.writePool(pool), buy ? 1 : 0, s(amount), s(limitPriceRao), dropFees ? 1 : 0, simulate ? 1 : 0);
    const v = this.core.readU64(h >>> 0, 17);
    const err = SWAP_ERRORS[Number(v[0])];
    return {
      ok: err === null, ...(err ? { error: err } : {}),
      paidIn: v[1], paidOut: v[2], fee: v[3], feeToBlockAuthor: v[4],
      priceBefore: (v[6] << 64n) | v[5], priceAfter: (v[8] << 64n) | v[7],
      stateAfter: {
        taoReserve: v[9], alphaReserve: v[10], alphaOut: v[11], quoteWeight: v[12], palSwapInitialized: v[13] !== 0n,
        feeRate: Number(v[14]), minimumReserve: v[15], mechanism: Number(v[16]),
      },
    };
  }

  /** A simulated swap with the spot price before and the price the pool would show after it. */
  quote(pool: PoolInput, buy: boolean, amount: bigint, limitPriceRao: bigint): { error: SwapError | null; paidIn: bigint; paidOut: bigint; fee: bigint; priceBefore: bigint; priceAfter: bigint } {
    this.core.reset();
    const h = this.fn<number>("sw_quote", this.writePool(pool), buy ? 1 : 0, s(amount), s(limitPriceRao));
    const v = new BigUint64Array(this.core.buffer, h >>> 0, 8);
    return { error: SWAP_ERRORS[Number(v[0])], paidIn: v[1], paidOut: v[2], fee: v[3], priceBefore: (v[5] << 64n) | v[4], priceAfter: (v[7] << 64n) | v[6] };
  }

  maxAmount(pool: PoolInput, addStake: boolean, limitPriceRao: bigint, isRoot = false): { ok: true; maxAmount: bigint } | { ok: false; error: SwapError } {
    this.core.reset();
    const h = this.fn<number>("sw_max_amount", this.writePool(pool), addStake ? 1 : 0, s(limitPriceRao), isRoot ? 1 : 0);
    const [e, m] = this.core.readU64(h >>> 0, 2);
    const err = SWAP_ERRORS[Number(e)];
    return err === null ? { ok: true, maxAmount: m } : { ok: false, error: err! };
  }

  /** get_max_amount_move: the largest alpha swap_stake_limit moves before origin/destination price hits the limit. */
  maxAmountMove(origin: PoolInput, destination: PoolInput, limitPriceRao: bigint, originIsRoot = false, destinationIsRoot = false): { ok: true; maxAmount: bigint } | { ok: false; error: SwapError } {
    this.core.reset();
    const h = this.fn<number>("sw_max_amount_move", this.writePool(origin), originIsRoot ? 1 : 0, this.writePool(destination), destinationIsRoot ? 1 : 0, s(limitPriceRao));
    const [e, m] = this.core.readU64(h >>> 0, 2);
    const err = SWAP_ERRORS[Number(e)];
    return err === null ? { ok: true, maxAmount: m } : { ok: false, error: err! };
  }

  weightUpdate(tao: bigint, alpha: bigint, quote: bigint, taoDelta: bigint, alphaDelta: bigint): { accepted: boolean; quoteWeight: bigint } {
    this.core.reset();
    const h = this.fn<number>("sw_weight_update", s(tao), s(alpha), s(quote), s(taoDelta), s(alphaDelta));
    const [a, q] = this.core.readU64(h >>> 0, 2);
    return { accepted: a !== 0n, quoteWeight: q };
  }

  /** Simulated swaps of each amount on one pool, one wasm call: rows [error, paid_in, paid_out, fee]. */
  quoteBatch(pool: PoolInput, buy: boolean, amounts: ArrayLike<bigint>, limitPriceRao: bigint, dropFees = false): BigUint64Array {
    this.core.reset();
    const ph = this.writePool(pool);
    const a = this.core.u64(amounts);
    const out = this.core.alloc(amounts.length * 32);
    this.fn<void>("sw_quote_batch", ph, buy ? 1 : 0, a, amounts.length, s(limitPriceRao), dropFees ? 1 : 0, out);
    return new BigUint64Array(this.core.buffer.slice(out, out + amounts.length * 32));
  }
}

/** u64 range check: the low-level bindings take bigints that the wasm side reads as u64. */
function chk(v: bigint, field: string): void {
  if (typeof v !== "bigint" || v < 0n || v > U64_MAX) throw new TaomathError("out_of_range", field, `expected a u64 bigint, got ${String(v)}`);
}
function shift(k: number): void {
  if (!Number.isInteger(k) || k < 0 || k > 1 << 20) throw new TaomathError("out_of_range", "shift", "expected a shift in [0, 2^20]");
}
const s = (x: bigint) => { if (x < 0n || x > MASK64) throw new TaomathError("out_of_range", "value", `${x} is not a u64`); return BigInt.asIntN(64, x); };
const u = (x: bigint) => BigInt.asUintN(64, x);
