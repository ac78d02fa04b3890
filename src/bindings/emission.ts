// Block emission, halvings and the price EMA on the wasm core (assembly/abi/emission.ts, header convention).
// u64 amounts are bigint; U64F64 / I96F32 values are raw bits as bigint.

import { Core } from "./core.js";
import { toU64, toInt, typeOf, toFixedBits } from "./values.js";
import { TaomathError, quote } from "../core/errors.js";
import { MASK64 } from "../core/ints.js";

const hi = (x: bigint) => BigInt.asUintN(128, x) >> 64n;
const lo = (x: bigint) => BigInt.asUintN(128, x) & MASK64;

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
    return this.core.invoke("e_block_emission", { issuance: i }).get("emission");
  }

  /** Halvings k the chain counts at this issuance (null at and past total supply). */
  halvings(issuance: bigint): number | null {
    const i = toU64(issuance, "issuance");
    this.core.reset();
    const k = this.core.invoke("e_halvings", { issuance: i }).num("halvings");
    return k < 0 ? null : k;
  }

  /** SubnetAlphaIn + SubnetAlphaOut (saturating) and its block emission. */
  alphaEmission(alphaIn: bigint, alphaOut: bigint): { alpha_issuance: bigint; alpha_emission: bigint } {
    const a = toU64(alphaIn, "subnet_alpha_in"), b = toU64(alphaOut, "subnet_alpha_out");
    this.core.reset();
    const iss = this.core.invoke("e_alpha_issuance", { alpha_in: a, alpha_out: b }).get("issuance");
    return { alpha_issuance: iss, alpha_emission: this.core.invoke("e_block_emission", { issuance: iss }).get("emission") };
  }

  /**
   * Emissions of `count` consecutive blocks from `issuance` without recycling; returns the final
   * issuance (and the per-block emissions when `record` is set).
   */
  run(issuance: bigint, count: number, record = false): { issuance: bigint; emissions?: bigint[] } {
    const i = toU64(issuance, "issuance");
    const n = toInt(count, "count", 0, 1 << 24, "block count");
    this.core.reset();
    const out = this.core.invoke("e_emission_run", { issuance: i, count: n, record });
    const end = out.get("issuance");
    return record ? { issuance: end, emissions: this.core.readU64(out.num("emissions"), n) } : { issuance: end };
  }

  /** The smallest issuance at which the chain counts k halvings (21e15 when the curve never does). */
  firstIssuanceOfHalving(k: number): bigint {
    const kk = toInt(k, "halving", 0, 64, "halving count");
    this.core.reset();
    return this.core.invoke("e_first_issuance_with_halvings", { k: kk }).get("issuance");
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
    const out = this.core.invoke("e_project", { issuance: i, recycled_per_day: r, days: d, max_events: 40 });
    const n = out.num("halvings");
    const blocks = this.core.readU64(out.num("halving_block"), n), ks = this.core.readU32(out.num("halving_k"), n);
    return {
      daily_issuance: this.core.readU64(out.num("daily_issuance"), d),
      daily_minted: this.core.readU64(out.num("daily_minted"), d),
      halvings: blocks.map((b, j) => ({ halving: ks[j], block_offset: b })),
    };
  }

  /** substrate-fixed log2 of an I96F32 (bits); null for operands <= 0. */
  log2I96F32(bits: bigint): bigint | null {
    bits = toFixedBits(bits, "bits", "i128");
    this.core.reset();
    const out = this.core.invoke("e_log2_i96f32", { bits_lo: lo(bits), bits_hi: hi(bits) });
    return out.num("error") === 0 ? out.i128("log2") : null;
  }

  /** current_alpha_price (U64F64 bits) of a pool; 1.0 for any mechanism but 1 (dynamic). */
  spotPrice(mechanism: number, taoReserve: bigint, alphaReserve: bigint, quoteWeight: bigint): bigint {
    const m = toU16Mech(mechanism);
    const t = toU64(taoReserve, "tao_reserve"), a = toU64(alphaReserve, "alpha_reserve"), w = toPerquintill(quoteWeight);
    this.core.reset();
    return this.core.invoke("e_spot_price", { mechanism: m, tao: t, alpha: a, quote_weight: w }).u128("price");
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
    const out = this.core.invoke("e_update_moving_price", {
      netuid, mechanism: mech, block, start_call_block: start, halving_blocks: h, moving_alpha_lo: lo(ma), moving_alpha_hi: hi(ma),
      moving_price_lo: lo(mp), moving_price_hi: hi(mp), tao: t, alpha: a, quote_weight: w,
    });
    return { spot_price: out.u128("spot"), subnet_moving_price: out.i128("moving_price"), moving_alpha_price: out.u128("moving_alpha_price") };
  }
}

function toU16Mech(v: unknown): number { return toInt(v, "mechanism", 0, 65535, "u16"); }

function toPerquintill(v: unknown): bigint {
  const w = toU64(v as bigint, "quote_weight");
  if (w > 1_000_000_000_000_000_000n) throw new TaomathError("out_of_range", "quote_weight", `${quote(w)} is past 10^18 (Perquintill parts)`);
  return w;
}

