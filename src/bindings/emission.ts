// Block emission, halvings and the price EMA on the wasm core (assembly/abi/emission.ts).
// u64 amounts are bigint; U64F64 / I96F32 values are raw bits as bigint.

import { Core } from "./core.js";
import { toU64, toInt, typeOf, toFixedBits } from "./values.js";
import { TaomathError, quote } from "../core/errors.js";
import { MASK64 } from "../core/ints.js";

const s64 = (x: bigint) => BigInt.asIntN(64, x);
const u64 = (x: bigint) => BigInt.asUintN(64, x);
const hi = (x: bigint) => s64(BigInt.asUintN(128, x) >> 64n);
const lo = (x: bigint) => s64(BigInt.asUintN(128, x) & MASK64);

export const TOTAL_SUPPLY = 21_000_000_000_000_000n;
export const DEFAULT_BLOCK_EMISSION = 1_000_000_000n;
/** SubnetMovingAlpha default, I96F32 raw (0.000003 rounded to 32 fraction bits). */
export const DEFAULT_SUBNET_MOVING_ALPHA = 12_885n;
/** EMAPriceHalvingBlocks default. */
export const DEFAULT_EMA_PRICE_HALVING_BLOCKS = 201_600n;

/** One pool at the moment of an EMA update. */
export interface PoolAt {
  block: bigint;
  tao_reserve: bigint;
  alpha_reserve: bigint;
  /** TAO (quote) weight in Perquintill parts (5e17 = 0.5) */
  quote_weight: bigint;
}

export interface MovingPriceSubnet {
  netuid: number;
  mechanism: number;
  /** FirstEmissionBlockNumber, or null when start_call has not run */
  first_emission_block_number: bigint | null;
  ema_price_halving_blocks: bigint;
  /** SubnetMovingAlpha, I96F32 bits */
  subnet_moving_alpha: bigint;
  /** SubnetMovingPrice before the update, I96F32 bits */
  moving_price: bigint;
}

export interface MovingPriceStep {
  /** current_alpha_price of the pool, U64F64 bits */
  spot_price: bigint;
  /** SubnetMovingPrice stored by the update, I96F32 bits */
  subnet_moving_price: bigint;
  /** get_moving_alpha_price after the update, U64F64 bits */
  moving_alpha_price: bigint;
}

export interface RawProjection {
  /** TotalIssuance at the end of each day (after that day's recycling) */
  daily_issuance: bigint[];
  /** TAO minted during each day */
  daily_minted: bigint[];
  /** each halving count reached for the first time: blocks from the start to the first block at the lower rate */
  halvings: Array<{ halving: number; block_offset: bigint }>;
}

export class EmissionCore {
  constructor(private readonly core: Core) {}

  /** Rao per block at this issuance (subtensor get_block_emission_for_issuance; 0 at and past 21e15). */
  blockEmission(issuance: bigint): bigint {
    const i = toU64(issuance, "issuance");
    this.core.reset();
    return u64(this.core.call<bigint>("e_block_emission", s64(i)));
  }

  /** Halvings k the chain counts at this issuance (null at and past total supply). */
  halvings(issuance: bigint): number | null {
    const i = toU64(issuance, "issuance");
    this.core.reset();
    const k = this.core.call<number>("e_halvings", s64(i));
    return k < 0 ? null : k;
  }

  /** SubnetAlphaIn + SubnetAlphaOut (saturating) and its block emission. */
  alphaEmission(alphaIn: bigint, alphaOut: bigint): { alpha_issuance: bigint; alpha_emission: bigint } {
    const a = toU64(alphaIn, "subnet_alpha_in"), b = toU64(alphaOut, "subnet_alpha_out");
    this.core.reset();
    const iss = u64(this.core.call<bigint>("e_alpha_issuance", s64(a), s64(b)));
    return { alpha_issuance: iss, alpha_emission: u64(this.core.call<bigint>("e_block_emission", s64(iss))) };
  }

  /**
   * Emissions of `count` consecutive blocks from `issuance` without recycling; returns the final
   * issuance (and the per-block emissions when `record` is set).
   */
  run(issuance: bigint, count: number, record = false): { issuance: bigint; emissions?: bigint[] } {
    const i = toU64(issuance, "issuance");
    const n = toInt(count, "count", 0, 1 << 24, "block count");
    this.core.reset();
    const out = record ? this.core.alloc(n * 8) : 0;
    const end = u64(this.core.call<bigint>("e_emission_run", s64(i), n, out));
    return record ? { issuance: end, emissions: this.core.readU64(out, n) } : { issuance: end };
  }

  /** The smallest issuance at which the chain counts k halvings (21e15 when the curve never does). */
  firstIssuanceOfHalving(k: number): bigint {
    const kk = toInt(k, "halving", 0, 64, "halving count");
    this.core.reset();
    return u64(this.core.call<bigint>("e_first_issuance_with_halvings", kk));
  }

  /**
   * Day-by-day supply from `issuance`, minting by the chain's curve every block (7200 blocks a day)
   * and recycling `recycledPerDay` rao at the end of each day. Exact per block.
   */
  project(issuance: bigint, recycledPerDay: bigint, days: number): RawProjection {
    const i = toU64(issuance, "issuance");
    const r = toU64(recycledPerDay, "recycled_per_day");
    const d = toInt(days, "days", 1, 400 * 366, "day count");
    this.core.reset();
    const di = this.core.alloc(d * 8), dm = this.core.alloc(d * 8);
    const max = 40;
    const hb = this.core.alloc(max * 8), hk = this.core.alloc(max * 4);
    const n = this.core.call<number>("e_project", s64(i), s64(r), d, di, dm, hb, hk, max);
    const blocks = this.core.readU64(hb, n), ks = this.core.readU32(hk, n);
    return {
      daily_issuance: this.core.readU64(di, d),
      daily_minted: this.core.readU64(dm, d),
      halvings: blocks.map((b, j) => ({ halving: ks[j], block_offset: b })),
    };
  }

  /** substrate-fixed log2 of an I96F32 (bits); null for operands <= 0. */
  log2I96F32(bits: bigint): bigint | null {
    bits = toFixedBits(bits, "bits", "i128");
    this.core.reset();
    const out = this.core.alloc(16);
    const ok = this.core.call<number>("e_log2_i96f32", hi(bits), lo(bits), out);
    return ok ? this.core.readI128(out, 1)[0] : null;
  }

  /** current_alpha_price (U64F64 bits) of a pool; 1.0 for any mechanism but 1 (dynamic). */
  spotPrice(mechanism: number, taoReserve: bigint, alphaReserve: bigint, quoteWeight: bigint): bigint {
    const m = toU16Mech(mechanism);
    const t = toU64(taoReserve, "tao_reserve"), a = toU64(alphaReserve, "alpha_reserve"), w = toPerquintill(quoteWeight);
    this.core.reset();
    const out = this.core.alloc(16);
    this.core.call("e_spot_price", m, s64(t), s64(a), s64(w), out);
    return BigInt.asUintN(128, this.core.readI128(out, 1)[0]);
  }

  /** One update_moving_price on `pool`; returns the new state and the values the chain reads back. */
  updateMovingPrice(subnet: MovingPriceSubnet, pool: PoolAt): MovingPriceStep {
    if (subnet === null || typeof subnet !== "object") throw new TaomathError("invalid_type", "subnet", `expected the subnet's moving-price state, got ${typeOf(subnet)}`);
    if (pool === null || typeof pool !== "object") throw new TaomathError("invalid_type", "pool", `expected the pool at a block, got ${typeOf(pool)}`);
    const netuid = toInt(subnet.netuid, "netuid", 0, 65535, "u16");
    const mech = toU16Mech(subnet.mechanism);
    const first = subnet.first_emission_block_number === null ? 0n : toU64(subnet.first_emission_block_number, "first_emission_block_number");
    const start = first > 0n ? first - 1n : 0n;
    const h = toU64(subnet.ema_price_halving_blocks, "ema_price_halving_blocks");
    const block = toU64(pool.block, "block");
    const t = toU64(pool.tao_reserve, "tao_reserve"), a = toU64(pool.alpha_reserve, "alpha_reserve");
    const w = toPerquintill(pool.quote_weight);
    const ma = toFixedBits(subnet.subnet_moving_alpha, "subnet_moving_alpha", "i128");
    const mp = toFixedBits(subnet.moving_price, "moving_price", "i128");
    this.core.reset();
    const out = this.core.alloc(48);
    this.core.call("e_update_moving_price", netuid, mech, s64(block), s64(start), s64(h), hi(ma), lo(ma), hi(mp), lo(mp), s64(t), s64(a), s64(w), out);
    const [spot, ema, map] = this.core.readI128(out, 3);
    return { spot_price: BigInt.asUintN(128, spot), subnet_moving_price: ema, moving_alpha_price: BigInt.asUintN(128, map) };
  }
}

function toU16Mech(v: unknown): number { return toInt(v, "mechanism", 0, 65535, "u16"); }

function toPerquintill(v: unknown): bigint {
  const w = toU64(v as bigint, "quote_weight");
  if (w > 1_000_000_000_000_000_000n) throw new TaomathError("out_of_range", "quote_weight", `${quote(w)} is past 10^18 (Perquintill parts)`);
  return w;
}

