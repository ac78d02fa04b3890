// Typed wrappers over assembly/abi/swap.ts (header convention, boundary.json): the Balancer
// pool's primitives, one swap, the limit-price maximums, the weight update and the big-integer
// module. Inputs here are already validated (see src/pool/ for the public, validating API).

import { Core } from "./core.js";
import { TaomathError } from "../core/errors.js";
import { MASK64, U64_MAX } from "../core/ints.js";
import { POOL, POOL_SLOTS, layouts } from "./layout.js";

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
    return this.readBig(this.core.invoke(`bi_${op}`, { a: this.writeBig(a), b: this.writeBig(b) }).num("result"));
  }
  bigCmp(a: bigint, b: bigint): number { this.core.reset(); return this.core.invoke("bi_cmp", { a: this.writeBig(a), b: this.writeBig(b) }).num("order"); }
  bigDivRem(a: bigint, b: bigint): [bigint, bigint] {
    if (b === 0n) throw new TaomathError("out_of_range", "b", "division by zero");
    this.core.reset();
    const out = this.core.invoke("bi_divrem", { a: this.writeBig(a), b: this.writeBig(b) });
    return [this.readBig(out.num("quotient")), this.readBig(out.num("remainder"))];
  }
  private shifted(entry: "bi_shl" | "bi_floor_shr" | "bi_round_shr", a: bigint, k: number): bigint {
    shift(k);
    this.core.reset();
    return this.readBig(this.core.invoke(entry, { a: this.writeBig(a), k }).num("result"));
  }
  bigShl(a: bigint, k: number): bigint { return this.shifted("bi_shl", a, k); }
  bigFloorShr(a: bigint, k: number): bigint { return this.shifted("bi_floor_shr", a, k); }
  bigFloorDivSmall(a: bigint, m: number): bigint {
    if (!Number.isInteger(m) || m < 1 || m > 0xffffffff) throw new TaomathError("out_of_range", "m", "expected a divisor in [1, 2^32)");
    this.core.reset(); return this.readBig(this.core.invoke("bi_floor_div_small", { a: this.writeBig(a), m }).num("result")); }
  bigRoundShr(a: bigint, g: number): bigint { return this.shifted("bi_round_shr", a, g); }

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
    const p = this.core.invoke("bi_pow_ratio", {
      base_numerator: this.writeBig(bn), base_denominator: this.writeBig(bd), exponent_numerator: en, exponent_denominator: ed,
      precision, scale: this.writeBig(scale),
    }).num("result");
    return p === 0 ? null : this.readBig(p);
  }

  price(quote: bigint, alpha: bigint, tao: bigint, mechanism = 1): bigint {
    this.core.reset();
    return this.core.invoke("sw_price", { quote: s(quote), alpha: s(alpha), tao: s(tao), mechanism }).u128("price");
  }
  /** exp_base_quote (baseQuote) / exp_quote_base; negative delta for get_base_needed's path. */
  expScaled(quote: bigint, reserve: bigint, delta: bigint, baseQuote: boolean): bigint {
    this.core.reset();
    const neg = delta < 0n;
    return this.core.invoke("sw_exp_scaled", { quote: s(quote), reserve: s(reserve), delta: s(neg ? -delta : delta), delta_negative: neg, base_quote: baseQuote }).u128("value");
  }
  quoteDeltaIn(quote: bigint, current: bigint, target: bigint, reserve: bigint): bigint { return this.limitDelta(false, quote, current, target, reserve); }
  baseDeltaIn(quote: bigint, current: bigint, target: bigint, reserve: bigint): bigint { return this.limitDelta(true, quote, current, target, reserve); }
  private limitDelta(base: boolean, quote: bigint, cur: bigint, tgt: bigint, reserve: bigint): bigint {
    this.core.reset();
    return this.core.invoke("sw_limit_delta", {
      base, quote: s(quote), current_lo: cur & MASK64, current_hi: s(cur >> 64n), target_lo: tgt & MASK64, target_hi: s(tgt >> 64n), reserve: s(reserve),
    }).get("delta");
  }
  baseNeededForQuote(quote: bigint, tao: bigint, alpha: bigint, deltaTao: bigint): bigint {
    this.core.reset();
    return this.core.invoke("sw_base_needed", { quote: s(quote), tao: s(tao), alpha: s(alpha), delta_tao: s(deltaTao) }).get("base");
  }

  /** A pool block (layout pool), and `extra` u64 slots after it (a hot path's input header, in the same allocation). */
  private writePool(p: PoolInput, extra = 0): number {
    const d = DEFAULT_POOL;
    chk(p.taoReserve, "pool.taoReserve"); chk(p.alphaReserve, "pool.alphaReserve");
    if (p.alphaOut !== undefined) chk(p.alphaOut, "pool.alphaOut");
    if (p.minimumReserve !== undefined) chk(p.minimumReserve, "pool.minimumReserve");
    if (p.quoteWeight !== undefined && (p.quoteWeight < 0n || p.quoteWeight > 10n ** 18n)) throw new TaomathError("out_of_range", "pool.quoteWeight", "a Perquintill is at most 1e18 parts");
    if (p.feeRate !== undefined && !(Number.isInteger(p.feeRate) && p.feeRate >= 0 && p.feeRate <= 65535)) throw new TaomathError("out_of_range", "pool.feeRate", "expected a u16");
    const at = this.core.alloc((POOL_SLOTS + extra) * 8);
    const v = new BigUint64Array(this.core.buffer, at, POOL_SLOTS);
    v[POOL.TAO] = p.taoReserve; v[POOL.ALPHA] = p.alphaReserve; v[POOL.ALPHA_OUT] = p.alphaOut ?? d.alphaOut; v[POOL.QUOTE] = p.quoteWeight ?? d.quoteWeight;
    v[POOL.INITIALIZED] = (p.palSwapInitialized ?? d.palSwapInitialized) ? 1n : 0n; v[POOL.FEE_RATE] = BigInt(p.feeRate ?? d.feeRate);
    v[POOL.MINIMUM_RESERVE] = p.minimumReserve ?? d.minimumReserve; v[POOL.MECHANISM] = BigInt(p.mechanism ?? d.mechanism);
    return at;
  }
  private readPool(at: number): PoolState {
    const v = new BigUint64Array(this.core.buffer, at, POOL_SLOTS);
    return {
      taoReserve: v[POOL.TAO], alphaReserve: v[POOL.ALPHA], alphaOut: v[POOL.ALPHA_OUT], quoteWeight: v[POOL.QUOTE],
      palSwapInitialized: v[POOL.INITIALIZED] !== 0n, feeRate: Number(v[POOL.FEE_RATE]), minimumReserve: v[POOL.MINIMUM_RESERVE],
      mechanism: Number(v[POOL.MECHANISM]),
    };
  }

  swap(pool: PoolInput, buy: boolean, amount: bigint, limitPriceRao: bigint, dropFees: boolean, simulate: boolean): SwapOutcome {
    this.core.reset();
    const out = this.core.invoke("sw_swap", { pool: this.writePool(pool), buy, amount: s(amount), limit_price: s(limitPriceRao), drop_fees: dropFees, simulate });
    const err = SWAP_ERRORS[out.num("error")];
    return {
      ok: err === null, ...(err ? { error: err } : {}),
      paidIn: out.get("paid_in"), paidOut: out.get("paid_out"), fee: out.get("fee"), feeToBlockAuthor: out.get("fee_to_author"),
      priceBefore: out.u128("price_before"), priceAfter: out.u128("price_after"),
      stateAfter: this.readPool(out.num("pool_after")),
    };
  }

  /** A simulated swap with the spot price before and the price the pool would show after it. */
  quote(pool: PoolInput, buy: boolean, amount: bigint, limitPriceRao: bigint): { error: SwapError | null; paidIn: bigint; paidOut: bigint; fee: bigint; priceBefore: bigint; priceAfter: bigint } {
    const amt = s(amount), limit = s(limitPriceRao);
    this.core.reset();
    // the one hot single call: its header is written and read at the generated indexes directly
    const L = layouts.sw_quote, ph = this.writePool(pool, L.inSlots), h = (ph >>> 3) + POOL_SLOTS;
    let v = this.core.words();
    v[h + L.in.pool[0]] = BigInt(ph); v[h + L.in.buy[0]] = buy ? 1n : 0n; v[h + L.in.amount[0]] = amt; v[h + L.in.limit_price[0]] = limit;
    const o = this.core.enter("sw_quote", h * 8) >>> 3, out = L.out;
    v = this.core.words();
    return {
      error: SWAP_ERRORS[Number(v[o + out.error[0]])], paidIn: v[o + out.paid_in[0]], paidOut: v[o + out.paid_out[0]], fee: v[o + out.fee[0]],
      priceBefore: (v[o + out.price_before_hi[0]] << 64n) | v[o + out.price_before_lo[0]],
      priceAfter: (v[o + out.price_after_hi[0]] << 64n) | v[o + out.price_after_lo[0]],
    };
  }

  maxAmount(pool: PoolInput, addStake: boolean, limitPriceRao: bigint, isRoot = false): { ok: true; maxAmount: bigint } | { ok: false; error: SwapError } {
    this.core.reset();
    const out = this.core.invoke("sw_max_amount", { pool: this.writePool(pool), add: addStake, limit_price: s(limitPriceRao), is_root: isRoot });
    const err = SWAP_ERRORS[out.num("error")];
    return err === null ? { ok: true, maxAmount: out.get("max_amount") } : { ok: false, error: err! };
  }

  /** get_max_amount_move: the largest alpha swap_stake_limit moves before origin/destination price hits the limit. */
  maxAmountMove(origin: PoolInput, destination: PoolInput, limitPriceRao: bigint, originIsRoot = false, destinationIsRoot = false): { ok: true; maxAmount: bigint } | { ok: false; error: SwapError } {
    this.core.reset();
    const out = this.core.invoke("sw_max_amount_move", {
      origin: this.writePool(origin), origin_is_root: originIsRoot, destination: this.writePool(destination), destination_is_root: destinationIsRoot,
      limit_price: s(limitPriceRao),
    });
    const err = SWAP_ERRORS[out.num("error")];
    return err === null ? { ok: true, maxAmount: out.get("max_amount") } : { ok: false, error: err! };
  }

  weightUpdate(tao: bigint, alpha: bigint, quote: bigint, taoDelta: bigint, alphaDelta: bigint): { accepted: boolean; quoteWeight: bigint } {
    this.core.reset();
    const out = this.core.invoke("sw_weight_update", { tao: s(tao), alpha: s(alpha), quote: s(quote), tao_delta: s(taoDelta), alpha_delta: s(alphaDelta) });
    return { accepted: out.flag("accepted"), quoteWeight: out.get("quote") };
  }

  /** Simulated swaps of each amount on one pool, one wasm call: rows [error, paid_in, paid_out, fee]. */
  quoteBatch(pool: PoolInput, buy: boolean, amounts: ArrayLike<bigint>, limitPriceRao: bigint, dropFees = false): BigUint64Array {
    this.core.reset();
    const out = this.core.invoke("sw_quote_batch", {
      pool: this.writePool(pool), buy, amounts: this.core.u64(amounts), n: amounts.length, limit_price: s(limitPriceRao), drop_fees: dropFees,
    });
    const rows = out.num("rows");
    return new BigUint64Array(this.core.buffer.slice(rows, rows + amounts.length * 32));
  }
}

/** u64 range check: the low-level bindings take bigints that the wasm side reads as u64. */
function chk(v: bigint, field: string): void {
  if (typeof v !== "bigint" || v < 0n || v > U64_MAX) throw new TaomathError("out_of_range", field, `expected a u64 bigint, got ${String(v)}`);
}
function shift(k: number): void {
  if (!Number.isInteger(k) || k < 0 || k > 1 << 20) throw new TaomathError("out_of_range", "shift", "expected a shift in [0, 2^20]");
}
const s = (x: bigint) => { if (x < 0n || x > MASK64) throw new TaomathError("out_of_range", "value", `${x} is not a u64`); return x; };
