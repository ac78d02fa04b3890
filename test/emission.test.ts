// Block emission and halvings as the chain computes them, substrate-fixed's log2, the price EMA
// (ported from subtensor tests/coinbase.rs), and the supply projection.

import { describe, it, expect } from "vitest";
import { taomath, TaomathError } from "../src/index.js";
import { emissionOf, projectEmission } from "../src/emission/index.js";

const e = () => emissionOf(taomath());
const ONE_I96 = 1n << 32n;
const ONE_U64F64 = 1n << 64n;

describe("block emission", () => {
  it("is 1 TAO per block from zero issuance up to the last rao before 10.5M TAO", () => {
    expect(e().blockEmission(0n)).toBe(1_000_000_000n);
    expect(e().blockEmission(10_499_999_999_999_999n)).toBe(1_000_000_000n);
  });

  it("halves at 10.5M, 15.75M, 18.375M, 19.6875M TAO of issuance", () => {
    expect(e().blockEmission(10_500_000_000_000_000n)).toBe(500_000_000n);
    expect(e().blockEmission(15_750_000_000_000_000n)).toBe(250_000_000n);
    expect(e().blockEmission(18_375_000_000_000_000n)).toBe(125_000_000n);
    expect(e().blockEmission(19_687_500_000_000_000n)).toBe(62_500_000n);
  });

  it("floors 1e9 / 2^k: 976_562 rao per block after the 10th halving", () => {
    expect(e().blockEmission(20_979_492_187_500_000n)).toBe(976_562n);
    expect(e().halvings(20_979_492_187_500_000n)).toBe(10);
  });

  it("is 0 at and beyond the total supply of 21e15 rao, up to u64::MAX", () => {
    expect(e().blockEmission(21_000_000_000_000_000n)).toBe(0n);
    expect(e().blockEmission((1n << 64n) - 1n)).toBe(0n);
    expect(e().halvings(21_000_000_000_000_000n)).toBeNull();
  });

  it("reaches 0 at halving 30 (issuance 20_999_999_980_442_226)", () => {
    expect(e().firstIssuanceOfHalving(30)).toBe(20_999_999_980_442_226n);
    expect(e().blockEmission(20_999_999_980_442_225n)).toBe(1n);
    expect(e().blockEmission(20_999_999_980_442_226n)).toBe(0n);
  });

  it("gives each alpha the same curve on SubnetAlphaIn + SubnetAlphaOut (saturating sum)", () => {
    expect(e().alphaEmission(9_457_909_258_916_378n, 1_042_090_741_083_622n)).toEqual({ alpha_issuance: 10_500_000_000_000_000n, alpha_emission: 500_000_000n });
    expect(e().alphaEmission((1n << 64n) - 1n, 5n)).toEqual({ alpha_issuance: (1n << 64n) - 1n, alpha_emission: 0n });
  });

  it("SubnetAlphaOutEmission is 1e9 while alpha issuance is below 10.5M (coinbase.rs alpha out emission)", () => {
    expect(e().alphaEmission(1_000_000n, 0n).alpha_emission).toBe(1_000_000_000n);
  });

  it("accumulates block by block: 1000 blocks from zero mint exactly 1000 TAO", () => {
    const r = e().run(0n, 1000, true);
    expect(r.issuance).toBe(1_000_000_000_000n);
    expect(r.emissions!.every((x) => x === 1_000_000_000n)).toBe(true);
  });

  it("rejects a negative issuance with a typed error naming the field", () => {
    expect(() => e().blockEmission(-1n)).toThrow(TaomathError);
    expect(() => e().blockEmission(-1n)).toThrow(/issuance/);
  });
});

describe("substrate-fixed log2 on I96F32 (transcendental.rs log2_works)", () => {
  const f = (bits: bigint | null) => Number(bits) / 2 ** 32;
  it("is undefined at 0 and exactly 0 at 1", () => {
    expect(e().log2I96F32(0n)).toBeNull();
    expect(e().log2I96F32(-ONE_I96)).toBeNull();
    expect(e().log2I96F32(ONE_I96)).toBe(0n);
  });
  it("is 1 at 2 and 2 at 4", () => {
    expect(e().log2I96F32(2n * ONE_I96)).toBe(ONE_I96);
    expect(e().log2I96F32(4n * ONE_I96)).toBe(2n * ONE_I96);
  });
  it("log2(3.33333) ~ 1.73696 and log2(0.11111) ~ -3.16994", () => {
    expect(Math.abs(f(e().log2I96F32(BigInt(Math.round(3.33333 * 2 ** 32)))) - 1.73696)).toBeLessThan(1e-5);
    expect(Math.abs(f(e().log2I96F32(BigInt(Math.round(0.11111 * 2 ** 32)))) + 3.16994)).toBeLessThan(1e-2);
  });
});

describe("price EMA (tests/coinbase.rs)", () => {
  const pool = (block: bigint) => ({ block, tao_reserve: 1_000_000n, alpha_reserve: 1_000_000n, quote_weight: 500_000_000_000_000_000n });
  const subnet = (alpha: bigint, price: bigint, first: bigint | null) => ({
    netuid: 1, mechanism: 1, first_emission_block_number: first, ema_price_halving_blocks: 201_600n,
    subnet_moving_alpha: alpha, moving_price: price,
  });

  it("test_coinbase_moving_prices: price 1 stays exactly 1", () => {
    const r = e().updateMovingPrice(subnet(12_885n, ONE_I96, 1n), pool(7_200_000n));
    expect(r.moving_alpha_price).toBe(ONE_U64F64);
    expect(r.spot_price).toBe(ONE_U64F64);
  });

  it("test_coinbase_moving_prices: alpha 1.0 moves a zero price to within 0.05 of the spot in one update", () => {
    const r = e().updateMovingPrice(subnet(ONE_I96, 0n, 1n), pool(7_200_000n));
    expect(Number(ONE_U64F64 - r.moving_alpha_price) / 2 ** 64).toBeLessThan(0.05);
  });

  it("test_coinbase_moving_prices: alpha 0.1, 28 days after start, 14 updates from 0 give 0.512325 (raw 2_200_419_206)", () => {
    let price = 0n;
    let last = 0n;
    for (let k = 0; k < 14; k++) {
      const r = e().updateMovingPrice(subnet(429_496_730n, price, 1n), pool(201_600n));
      price = r.subnet_moving_price;
      last = r.moving_alpha_price;
    }
    expect(price).toBe(2_200_419_206n);
    expect(Math.abs(Number(last) / 2 ** 64 - 0.512325)).toBeLessThan(0.001);
  });

  it("test_update_moving_price_initial: 10 blocks after start_call the EMA barely moves (< 0.001)", () => {
    const r = e().updateMovingPrice(subnet(ONE_I96 / 2n, 0n, 500n), pool(510n));
    expect(Number(r.subnet_moving_price) / 2 ** 32).toBeLessThan(0.001);
  });

  it("test_update_moving_price_after_time: alpha 0.5 long after start gives ~0.5 (raw 2_144_481_374)", () => {
    const r = e().updateMovingPrice(subnet(ONE_I96 / 2n, 0n, 500n), pool(144_000_500n));
    expect(r.subnet_moving_price).toBe(2_144_481_374n);
    expect(Math.abs(Number(r.subnet_moving_price) / 2 ** 32 - 0.5)).toBeLessThan(0.001);
  });

  it("caps the spot at 1.0: a pool priced 2.0 pulls the EMA toward 1 only", () => {
    const r = e().updateMovingPrice(subnet(ONE_I96, 0n, 1n), { block: 1_000_000_000n, tao_reserve: 2_000_000n, alpha_reserve: 1_000_000n, quote_weight: 500_000_000_000_000_000n });
    expect(r.spot_price).toBe(2n * ONE_U64F64);
    expect(r.subnet_moving_price).toBeLessThan(ONE_I96);
  });

  it("reads 1.0 back on root and on stable subnets whatever is stored", () => {
    const s = { ...subnet(12_885n, 0n, 1n), mechanism: 0 };
    expect(e().updateMovingPrice(s, pool(100n)).moving_alpha_price).toBe(ONE_U64F64);
    expect(e().updateMovingPrice({ ...subnet(12_885n, 0n, 1n), netuid: 0 }, pool(100n)).moving_alpha_price).toBe(ONE_U64F64);
  });

  it("prices a Balancer pool as (w1/w2)(y/x): 1e9 TAO / 4e9 alpha at w 0.5 is exactly 0.25", () => {
    expect(e().spotPrice(1, 1_000_000_000n, 4_000_000_000n, 500_000_000_000_000_000n)).toBe(1n << 62n);
    expect(e().spotPrice(1, 5n, 0n, 500_000_000_000_000_000n)).toBe(0n);
  });

  it("rejects a quote weight past 10^18 parts", () => {
    expect(() => e().spotPrice(1, 1n, 1n, 1_000_000_000_000_000_001n)).toThrow(/quote_weight/);
  });
});

describe("supply projection", () => {
  const start = new Date("2026-01-01T00:00:00Z");
  it("without recycling the first halving comes after exactly 10.5M TAO of blocks from zero", () => {
    const p = projectEmission(taomath(), 0n, { years: 5, startDate: start });
    expect(p.halvings[0].halving).toBe(1);
    expect(p.halvings[0].block_offset).toBe(10_500_000n);
    expect(p.halvings[0].first_issuance).toBe(10_500_000_000_000_000n);
  });

  it("matches stepping every block: the day totals equal the per-block run", () => {
    const p = projectEmission(taomath(), 10_499_000_000_000_000n, { years: 1 / 365.25, startDate: start });
    const r = e().run(10_499_000_000_000_000n, 7200);
    expect(p.daily[0].issuance).toBe(r.issuance);
    expect(p.halvings[0].block_offset).toBe(1_000n);
  });

  it("with recycling, each day equals stepping its 7200 blocks one by one and recycling at the end of the day", () => {
    const start0 = 10_499_990_000_000_000n, recycled = 5_000_000_000_000n;
    const p = projectEmission(taomath(), start0, { years: 5 / 365.25, recycledPerDay: recycled, startDate: start });
    let s = start0;
    for (let d = 0; d < 5; d++) {
      s = e().run(s, 7200).issuance - recycled;
      expect(p.daily[d].issuance).toBe(s);
    }
  });

  it("recycling delays each halving, and the delay is reported in days", () => {
    const p = projectEmission(taomath(), 10_000_000_000_000_000n, { years: 10, recycledPerDay: 720_000_000_000n, startDate: start });
    const base = projectEmission(taomath(), 10_000_000_000_000_000n, { years: 10, startDate: start });
    expect(base.halvings[0].block_offset).toBe(500_000n);
    // recycling 10% of the daily mint stretches the way to 10.5M by about 1/0.9
    expect(p.halvings[0].block_offset).toBeGreaterThan(base.halvings[0].block_offset);
    expect(p.halvings[0].delay_days).toBeGreaterThan(7);
    expect(p.daily[0].recycled).toBe(720_000_000_000n);
  });

  it("rejects an issuance above the total supply, naming the field", () => {
    expect(() => projectEmission(taomath(), 21_000_000_000_000_001n)).toThrow(/issuance/);
  });
});
