// The network model on the Balancer pool (the default CoinbasePool): the weight update of
// adjust_protocol_liquidity and the chain buy of inject_and_maybe_swap, with the numbers of the
// economics spec's worked example (§4.6) and of subtensor's tests/coinbase.rs, and a long
// multi-subnet dynamic run checked for conservation on every block.

import { describe, it, expect } from "vitest";
import { taomath, exampleSubnet } from "../src/index.js";
import { Network, balancerPool } from "../src/network/index.js";
import { emissionOf } from "../src/emission/index.js";
import { neuronsFor } from "./helpers/network.js";

const ONE96 = 1n << 32n; // I96F32 1.0
const U64_MAX = (1n << 64n) - 1n;
const FULL_ROOT = 1_000_000_000_000_000_000n; // set_full_injection_root_stake: root 1e18 at tao weight u64::MAX

const price = (s: { mechanism: number; tao_reserve: bigint; alpha_reserve: bigint; quote_weight: bigint }) =>
  emissionOf(taomath()).spotPrice(s.mechanism, s.tao_reserve, s.alpha_reserve, s.quote_weight);

describe("Balancer pool in the coinbase (spec §4.6 worked example)", () => {
  const snap = () => ({
    block: "1000", total_issuance: "7000000000000000", root_tao: "1000000000000000",
    subnets: [{
      netuid: 1, mechanism: 1, tempo: 360, last_epoch_block: "1000", first_emission_block_number: "10",
      tao_reserve: "1000000000000", alpha_reserve: "100000000000000", alpha_out: "50000000000000",
      moving_price: (2n * ONE96).toString(), stakes: { "owner-1": "50000000000000" },
    }],
  });

  it("moves the quote weight to 499_999_999_999_845_000 parts for the injection at the truncated price", () => {
    const net = Network.fromSnapshot(taomath(), snap());
    net.step(1);
    expect(net.state.subnets[0].quote_weight).toBe(499_999_999_999_845_000n);
  });

  it("buys 99_640_712_160 alpha with the 997_400_939 rao of excess TAO, then injects 259_906_062 alpha and 2_599_060 rao", () => {
    const net = Network.fromSnapshot(taomath(), snap());
    const r = net.step(1);
    const n = net.state.subnets[0];
    expect(n.protocol_alpha).toBe(99_640_712_160n);
    expect(n.tao_reserve).toBe(1_000_000_000_000n + 997_400_939n + 2_599_060n);
    expect(n.alpha_reserve).toBe(100_000_000_000_000n - 99_640_712_160n + 259_906_062n);
    expect(n.alpha_out).toBe(50_000_000_000_000n + 99_640_712_160n + 1_000_000_000n);
    // the fractional rao of the three floors is the block's recycled credit
    expect(r.tao_recycled).toBe(1n);
    expect(r.violations).toEqual([]);
  });

  it("pends owner cut 179_995_422, server 410_002_288, validator 303_440_870 and root 106_561_417", () => {
    const net = Network.fromSnapshot(taomath(), snap());
    net.step(1);
    const n = net.state.subnets[0];
    expect([n.pending_owner_cut, n.pending_server, n.pending_validator, n.pending_root]).toEqual([179_995_422n, 410_002_288n, 303_440_870n, 106_561_417n]);
  });

  it("ends the block at a price of about 0.0100199579 TAO per alpha", () => {
    const net = Network.fromSnapshot(taomath(), snap());
    net.step(1);
    expect(Number(price(net.state.subnets[0])) / 2 ** 64).toBeCloseTo(0.0100199579, 9);
  });
});

describe("tests/coinbase.rs through the pool (run_coinbase on a given credit)", () => {
  const pool = () => balancerPool(taomath(), { minimumReserve: 100n }); // the mock runtime's SwapMinimumReserve
  const dyn = (netuid: number, tao: bigint, alpha: bigint, ema: bigint, extra: Record<string, unknown> = {}) => ({
    netuid, mechanism: 1, tempo: 360, last_epoch_block: "0", first_emission_block_number: "1",
    tao_reserve: tao.toString(), alpha_reserve: alpha.toString(), alpha_out: "0", moving_price: ema.toString(), ...extra,
  });
  const full = { block: "1", total_issuance: "0", root_tao: FULL_ROOT.toString(), tao_weight: U64_MAX.toString() };

  it("test_coinbase_tao_issuance_base: a dynamic subnet at price 1 takes the whole 1_234_567 rao into SubnetTAO", () => {
    const net = Network.fromSnapshot(taomath(), { ...full, subnets: [dyn(1, 100_000_000_000n, 100_000_000_000n, ONE96)] });
    const r = net.runCoinbase(1_234_567n, pool());
    expect(net.state.subnets[0].tao_reserve).toBe(100_000_000_000n + 1_234_567n);
    expect(net.state.total_issuance).toBe(1_234_567n);
    expect(r.violations).toEqual([]);
  });

  it("test_coinbase_alpha_issuance_base: two stable subnets at price 1 inject emission/2 = 500_000 alpha each", () => {
    const net = Network.fromSnapshot(taomath(), { ...full, subnets: [
      { ...dyn(1, 1_000_000n, 1_000_000n, 0n), mechanism: 0 }, { ...dyn(2, 1_000_000n, 1_000_000n, 0n), mechanism: 0 },
    ] });
    const r = net.runCoinbase(1_000_000n, pool());
    expect(net.state.subnets.map((n) => n.alpha_reserve)).toEqual([1_500_000n, 1_500_000n]);
    expect(net.state.subnets.map((n) => n.tao_reserve)).toEqual([1_500_000n, 1_500_000n]);
    expect(r.violations).toEqual([]);
  });

  it("test_coinbase_alpha_issuance_with_cap_trigger: at price 1e-6 the injection stays below a block of alpha and SubnetAlphaOutEmission is 1e9", () => {
    const net = Network.fromSnapshot(taomath(), { ...full, subnets: [
      dyn(1, 1_000n, 1_000_000_000n, ONE96, { pal_swap_initialized: false }), dyn(2, 1_000n, 1_000_000_000n, 2n * ONE96, { pal_swap_initialized: false }),
    ] });
    const r = net.runCoinbase(1_000_000n, pool());
    for (const n of net.state.subnets) {
      expect(n.alpha_reserve).toBeLessThan(1_000_000_000n + 1_000_000_000n);
      // the block's alpha out emission (alpha_out starts at 0; the chain buy adds its protocol alpha)
      expect(n.alpha_out - n.protocol_alpha).toBe(1_000_000_000n);
    }
    expect(r.violations).toEqual([]);
  });

  it("test_coinbase_alpha_issuance_different: EMA 1 and 2 on pools at prices 1 and 2 both inject 333_333 alpha", () => {
    const net = Network.fromSnapshot(taomath(), { ...full, subnets: [
      dyn(1, 1_000_000n, 1_000_000n, ONE96, { pal_swap_initialized: false }),
      dyn(2, 2_000_000n, 1_000_000n, 2n * ONE96, { pal_swap_initialized: false }),
    ] });
    const r = net.runCoinbase(1_000_000n, pool());
    expect(net.state.subnets.map((n) => n.alpha_reserve)).toEqual([1_000_000n + 333_333n, 1_000_000n + 333_333n]);
    expect(r.violations).toEqual([]);
  });

  it("test_coinbase_alpha_issuance_with_cap_trigger_and_block_emission: above 21M alpha the whole credit buys alpha, which stays in SubnetAlphaOut as protocol alpha, and both prices rise", () => {
    const out = 21_000_000_000_000_000n;
    const net = Network.fromSnapshot(taomath(), { ...full, subnets: [
      dyn(1, 10_000n, 1_000_000_000n, ONE96, { alpha_out: out.toString(), stakes: { s1: out.toString() } }),
      dyn(2, 10_000n, 1_000_000_000n, 2n * ONE96, { alpha_out: out.toString(), stakes: { s2: out.toString() } }),
    ] });
    const before = net.state.subnets.map(price);
    const r = net.runCoinbase(1_000_000n, pool());
    const [a, b] = net.state.subnets;
    expect(a.protocol_alpha > 0n || b.protocol_alpha > 0n).toBe(true);
    for (const n of [a, b]) {
      expect(n.alpha_reserve).toBeLessThan(1_000_000_000n);
      expect(n.alpha_out).toBe(out + n.protocol_alpha);
    }
    const after = net.state.subnets.map(price);
    expect(after[0]).toBeGreaterThan(before[0]);
    expect(after[1]).toBeGreaterThan(before[1]);
    expect(r.violations).toEqual([]);
  });

  it("test_coinbase_inject_and_maybe_swap_does_not_skew_reserves: weights first, buy on the old reserves, then inject: alpha/TAO stays at the price within 1", () => {
    const p = balancerPool(taomath(), { minimumReserve: 100n });
    const pool = { netuid: 1, mechanism: 1, tao_reserve: 1_000_000_000_000_000n, alpha_reserve: 1_000_000_000_000_000n, alpha_out: 0n, quote_weight: 500_000_000_000_000_000n, pal_swap_initialized: true, fee_rate: 33 };
    const adj = p.adjustProtocolLiquidity(pool, 123n, 456n);
    expect(adj.tao).toBe(123n);
    const buy = p.buyAlpha({ ...pool, quote_weight: adj.quote_weight }, 789_100n);
    expect(buy.ok).toBe(true);
    const tao = pool.tao_reserve + buy.paid_in + adj.tao, alpha = pool.alpha_reserve - buy.paid_out + adj.alpha;
    const spot = Number(price({ mechanism: 1, tao_reserve: tao, alpha_reserve: alpha, quote_weight: buy.quote_weight })) / 2 ** 64;
    expect(Math.abs(Number(alpha) / Number(tao) - spot)).toBeLessThanOrEqual(1.0);
  });

  it("refuses an injection that would push a weight below 0.01: nothing is injected and the credit is recycled", () => {
    const p = balancerPool(taomath());
    const pool = { netuid: 1, mechanism: 1, tao_reserve: 1_000n, alpha_reserve: 1_000_000_000_000n, alpha_out: 0n, quote_weight: 500_000_000_000_000_000n, pal_swap_initialized: true, fee_rate: 33 };
    expect(p.adjustProtocolLiquidity(pool, 1_000_000_000n, 0n)).toEqual({ tao: 0n, alpha: 0n, quote_weight: 500_000_000_000_000_000n });
  });
});

describe("a multi-subnet dynamic network over thousands of blocks", () => {
  function snapshot() {
    const subnets: any[] = [];
    // young pools (injection dominates) and old ones (alpha issuance high: chain buys dominate)
    [[1, 10, 16, 4, 1n], [2, 25, 24, 6, 3n], [3, 7, 12, 3, 2n], [4, 40, 8, 2, 1n]].forEach(([netuid, tempo, n, v, ema]) => {
      const { neurons, stakes, staked } = neuronsFor(Number(netuid), Number(n), Number(v));
      subnets.push({
        netuid, mechanism: 1, owner_hotkey: `hk-${netuid}-0`, tempo, last_epoch_block: String(4_000_000 - Number(netuid)),
        first_emission_block_number: "100", tao_reserve: String(20_000_000_000_000n * BigInt(ema)), alpha_reserve: "900000000000000",
        alpha_out: staked.toString(), moving_price: String((ONE96 * BigInt(ema)) / 10n), stakes, neurons,
      });
    });
    for (let netuid = 5; netuid <= 8; netuid++) {
      subnets.push({ netuid, mechanism: 1, tempo: 20 + netuid, first_emission_block_number: "100", tao_reserve: "3000000000000", alpha_reserve: "1000000000000000",
        alpha_out: "4000000000000000", stakes: { [`big-${netuid}`]: "4000000000000000" }, moving_price: String(ONE96 / 50n) });
    }
    return { block: "4000000", total_issuance: "7000000000000000", root_tao: "2000000000000000", subnets,
      root_stakes: { "hk-1-1": "500000000000000", "hk-2-0": "300000000000000" } };
  }

  it("conserves TAO and alpha to the rao on every block over 3000 blocks of 8 dynamic subnets with injections, chain buys and epochs", () => {
    const net = Network.fromSnapshot(taomath(), snapshot());
    const issuance0 = net.state.total_issuance;
    const prot0 = net.state.subnets.map((n) => n.protocol_alpha);
    const r = net.step(3000);
    expect(r.violations).toEqual([]);
    expect(net.state.total_issuance).toBe(issuance0 + r.tao_minted - r.tao_recycled);
    // every subnet bought alpha and ran epochs
    net.state.subnets.forEach((n, i) => expect(n.protocol_alpha).toBeGreaterThan(prot0[i]));
    expect(r.epochs.filter((e) => e.outcome === "ran").length).toBeGreaterThan(500);
  });
});
