// The per-block coinbase pieces that do not need the pool's swap, with the numbers of subtensor's
// tests/coinbase.rs and the worked example and schedule vectors of the economics spec (§4.6, §5).

import { describe, it, expect } from "vitest";
import { taomath, TaomathError } from "../src/index.js";
import { coinbaseOf } from "../src/network/index.js";
import { emissionOf } from "../src/emission/index.js";

const cb = () => coinbaseOf(taomath());
const ONE96 = 1n << 32n;
const ONE64 = 1n << 64n;
const U64_MAX = (1n << 64n) - 1n;
const floor96 = (x: bigint) => x >> 32n;
const near = (a: bigint, b: bigint, eps: bigint) => expect(a > b ? a - b : b - a).toBeLessThanOrEqual(eps);
const stable = (netuid: number) => ({ netuid, mechanism: 0, moving_price: 0n });

describe("subnet emission shares (get_subnet_block_emissions)", () => {
  it("test_coinbase_tao_issuance_multiple: three stable subnets split 3_333_333 rao evenly (±1)", () => {
    const r = cb().subnetBlockEmissions([stable(1), stable(2), stable(3)], 3_333_333n);
    for (const s of r.subnets) near(floor96(s.tao_emission), 3_333_333n / 3n, 1n);
  });

  it("test_coinbase_tao_issuance_different_prices: EMA prices 0.1 and 0.2 get 1/3 and 2/3 of 1e8 (±10)", () => {
    const r = cb().subnetBlockEmissions([
      { netuid: 1, mechanism: 1, moving_price: 429_496_730n }, // I96F32::from_num(0.1)
      { netuid: 2, mechanism: 1, moving_price: 858_993_459n }, // I96F32::from_num(0.2)
    ], 100_000_000n);
    near(floor96(r.subnets[0].tao_emission), 100_000_000n / 3n, 10n);
    near(floor96(r.subnets[1].tao_emission), 200_000_000n / 3n, 10n);
  });

  it("test_coinbase_disabled_subnet_emission_redistributes_tao_to_enabled_subnets: the disabled one gets 0, the others half each (±2)", () => {
    const r = cb().subnetBlockEmissions([stable(1), { ...stable(2), emission_enabled: false }, stable(3)], 3_333_333n);
    near(floor96(r.subnets[0].tao_emission), 3_333_333n / 2n, 2n);
    expect(r.subnets[1].tao_emission).toBe(0n);
    near(floor96(r.subnets[2].tao_emission), 3_333_333n / 2n, 2n);
    // the disabled subnet still gets alpha out, but no alpha in and no excess TAO
    const t = cb().subnetTerms(r.subnets.map((s) => ({ netuid: s.netuid, tao_emission: s.tao_emission, subnet_alpha_in: 0n, subnet_alpha_out: 0n, spot_price: ONE64 })), 0n);
    expect(t[1].alpha_in).toBe(0n);
    expect(t[1].excess_tao).toBe(0n);
    expect(t[1].alpha_emission).toBeGreaterThan(0n);
  });

  it("test_zero_shares_zero_emission: a subnet with zero EMA price gets no TAO; all zero prices give all zero shares", () => {
    const r = cb().subnetBlockEmissions([{ netuid: 1, mechanism: 1, moving_price: 0n }, { netuid: 2, mechanism: 1, moving_price: 0n }], 1_000_000_000n);
    expect(r.subnets.map((s) => s.tao_emission)).toEqual([0n, 0n]);
    expect(r.root_sell).toBe(false);
  });

  it("weights shares by 1 - MinerBurned: a subnet that burned all its miner emission gets nothing", () => {
    const r = cb().subnetBlockEmissions([
      { netuid: 1, mechanism: 1, moving_price: ONE96 / 2n, miner_burned: ONE96 },
      { netuid: 2, mechanism: 1, moving_price: ONE96 / 2n },
    ], 1_000_000_000n);
    expect(r.subnets[0].share).toBe(0n);
    expect(r.subnets[1].share).toBe(ONE64);
    expect(r.subnets[1].tao_emission).toBe(1_000_000_000n << 32n);
  });

  it("falls back to the plain price shares when every subnet burned everything", () => {
    const r = cb().subnetBlockEmissions([
      { netuid: 1, mechanism: 1, moving_price: ONE96 / 2n, miner_burned: ONE96 },
      { netuid: 2, mechanism: 1, moving_price: ONE96 / 2n, miner_burned: 2n * ONE96 },
    ], 1_000_000_000n);
    expect(r.subnets.map((s) => s.share)).toEqual([ONE64 / 2n, ONE64 / 2n]);
  });

  it("subnet_emissions.rs get_shares_ignores_root_prop_storage_when_prices_and_burns_match: equal prices and burns give 0.5 / 0.5", () => {
    const r = cb().subnetBlockEmissions([
      { netuid: 1, mechanism: 1, moving_price: ONE96, miner_burned: 0n },
      { netuid: 2, mechanism: 1, moving_price: ONE96, miner_burned: 0n },
    ], 1_000_000_000n);
    expect(r.subnets.map((x) => x.share)).toEqual([ONE64 / 2n, ONE64 / 2n]);
  });

  it("test_pending_emission: root sell is on when the EMA prices sum above 1 (price 2)", () => {
    expect(cb().subnetBlockEmissions([{ netuid: 1, mechanism: 1, moving_price: 2n * ONE96 }], 0n).root_sell).toBe(true);
    expect(cb().subnetBlockEmissions([{ netuid: 1, mechanism: 1, moving_price: ONE96 }], 0n).root_sell).toBe(false);
  });
});

describe("subnet terms and root proportion (get_subnet_terms, root_proportion)", () => {
  it("test_root_proportion: tw * root / (tw * root + alpha issuance) in U96F32", () => {
    const tw = 3_320_413_933_267_719_290n, root = 1_000_000_000_000n, alpha = 100_000_000_000n;
    // reference on raw U96F32 bits with BigInt: every op floors
    const twf = ((tw << 32n) << 32n) / (U64_MAX << 32n);
    const num = ((root << 32n) * twf) >> 32n;
    const expected = (num << 32n) / (num + (alpha << 32n));
    expect(cb().rootProportion(root, alpha, tw)).toBe(expected);
  });

  it("test_get_subnet_terms_alpha_emissions_cap: alpha in is tao/price below the cap and the cap above it", () => {
    const rootTao = 1_000_000_000_000_000_000n, tw = U64_MAX, issuance = 1_000_000_000_000n;
    const cap = (cb().rootProportion(rootTao, issuance, tw) * (1_000_000_000n << 32n)) >> 32n;
    const terms = (e: bigint) => cb().subnetTerms([{ netuid: 1, tao_emission: e, subnet_alpha_in: issuance, subnet_alpha_out: 0n, spot_price: ONE64 }], rootTao, tw)[0];
    const e1 = 100_000_000n << 32n, e2 = 10_000_000_000n << 32n;
    expect(e1).toBeLessThan(cap);
    expect(terms(e1).alpha_in).toBe(e1);
    expect(e2).toBeGreaterThan(cap);
    expect(terms(e2).alpha_in).toBe(cap);
  });

  it("test_coinbase_subnet_terms_with_alpha_in_lte_alpha_emission: uncapped, tao_in is the whole emission and excess 0", () => {
    const t = cb().subnetTerms([{ netuid: 1, tao_emission: 34_566_756n << 32n, subnet_alpha_in: 1_000_000_000_000_000n, subnet_alpha_out: 0n, spot_price: ONE64 }], 1_000_000_000_000_000_000n, U64_MAX)[0];
    expect(t.tao_in).toBe(34_566_756n << 32n);
    expect(t.alpha_in).toBe(34_566_756n << 32n);
    expect(t.excess_tao).toBe(0n);
    expect(t.alpha_emission).toBe(1_000_000_000n);
  });

  it("test_coinbase_subnet_terms_with_alpha_in_gt_alpha_emission: capped, tao_in = alpha_in * price and excess = emission - tao_in", () => {
    const price = 184_467_440_737_095_516n; // U64F64::from_num(0.01)
    const t = cb().subnetTerms([{ netuid: 1, tao_emission: (10_000_000n << 32n) + 42_949_673n, subnet_alpha_in: 100_000_000_000n, subnet_alpha_out: 0n, spot_price: price }], 1_000_000_000_000_000_000n, U64_MAX)[0];
    const p96 = price >> 32n;
    expect(t.alpha_in).toBe((t.root_proportion * (1_000_000_000n << 32n)) >> 32n);
    expect(t.tao_in).toBe((t.alpha_in * p96) >> 32n);
    expect(t.excess_tao).toBe((10_000_000n << 32n) + 42_949_673n - t.tao_in);
  });

  it("spec §4.6 worked example: 1000 TAO / 100k alpha pool, 50k alpha out, 1M TAO on root, default tao weight", () => {
    const spot = (1_000_000_000_000n << 64n) / 100_000_000_000_000n; // (w1/w2 = 1) * y/x
    const t = cb().subnetTerms([{ netuid: 1, tao_emission: 1_000_000_000n << 32n, subnet_alpha_in: 100_000_000_000_000n, subnet_alpha_out: 50_000_000_000_000n, spot_price: spot }], 1_000_000_000_000_000n)[0];
    expect(t.alpha_emission).toBe(1_000_000_000n);
    expect(t.root_proportion).toBe(1_116_288_037n);
    expect(t.alpha_in).toBe(1_116_288_037_000_000_000n);
    expect(t.alpha_in_rao).toBe(259_906_062n);
    expect(t.tao_in).toBe(11_162_880_120_490_180n);
    expect(t.tao_in_rao).toBe(2_599_060n);
    expect(t.excess_tao).toBe(4_283_804_415_879_509_820n);
    expect(t.excess_tao_rao).toBe(997_400_939n);
    // after the injection (accepted) and the mint; the chain buy moves alpha between in and out only
    const after = 150_000_000_000_000n + 259_906_062n + 1_000_000_000n;
    expect(cb().rootProportion(1_000_000_000_000_000n, after)).toBe(1_116_281_098n);
    const s = cb().splitAlphaOut({ alpha_out: 1_000_000_000n, owner_cut: 11_796, root_tao: 1_000_000_000_000_000n, alpha_issuance_after: after });
    expect(s).toEqual({ owner_cut: 179_995_422n, server: 410_002_288n, validator: 303_440_870n, root_alpha: 106_561_417n });
  });
});

describe("owner cut and pending emissions (emit_to_subnets)", () => {
  it("test_owner_cut_base: cut 0 pends nothing, cut u16::MAX pends the whole 1e9", () => {
    const base = { alpha_out: 1_000_000_000n, root_tao: 0n, alpha_issuance_after: 2_000_000_000_000n };
    expect(cb().splitAlphaOut({ ...base, owner_cut: 0 }).owner_cut).toBe(0n);
    expect(cb().splitAlphaOut({ ...base, owner_cut: 65535 }).owner_cut).toBe(1_000_000_000n);
  });

  it("test_pending_emission: 1 TAO of alpha, root 1e9 at tao weight 1, issuance 3e9+1: server 5e8, validator 3.75e8, root 1.25e8 (±1)", () => {
    const s = cb().splitAlphaOut({ alpha_out: 1_000_000_000n, owner_cut: 0, root_tao: 1_000_000_000n, tao_weight: U64_MAX, alpha_issuance_after: 3_000_000_001n });
    near(s.server, 500_000_000n, 1n);
    near(s.validator, 375_000_000n, 1n);
    near(s.root_alpha, 125_000_000n, 1n);
  });

  it("test_disabling_owner_cut_sends_subnet_emission_to_miners_and_validators: no cut when disabled", () => {
    const s = cb().splitAlphaOut({ alpha_out: 1_000_000_000n, owner_cut_enabled: false, owner_cut: 11_796, root_tao: 0n, alpha_issuance_after: 1_000_000_000n });
    expect(s).toEqual({ owner_cut: 0n, server: 500_000_000n, validator: 500_000_000n, root_alpha: 0n });
  });

  it("loses at most 3 rao of flooring dust per block", () => {
    const a = 999_999_937n;
    const s = cb().splitAlphaOut({ alpha_out: a, owner_cut: 11_796, root_tao: 12_345_678_901_234n, alpha_issuance_after: 987_654_321_987n });
    const dust = a - (s.owner_cut + s.server + s.validator + s.root_alpha);
    expect(dust).toBeGreaterThanOrEqual(0n);
    expect(dust).toBeLessThanOrEqual(3n);
  });

  it("rejects an owner cut outside u16, naming the field", () => {
    expect(() => cb().splitAlphaOut({ alpha_out: 1n, owner_cut: 70_000, root_tao: 0n, alpha_issuance_after: 0n })).toThrow(TaomathError);
    expect(() => cb().splitAlphaOut({ alpha_out: 1n, owner_cut: 70_000, root_tao: 0n, alpha_issuance_after: 0n })).toThrow(/owner_cut/);
  });
});

describe("epoch schedule (drain_pending, should_run_epoch)", () => {
  const state = (netuid: number, tempo: number, last: bigint, pending = 0n) => ({ netuid, tempo, last_epoch_block: last, pending_epoch_at: pending, blocks_since_last_step: 0n, epoch_index: 0n });

  it("spec §5.2: next epoch start is 150 for last 100 tempo 50, 120 with pending 120, 150 with pending 200", () => {
    expect(cb().nextEpochStartBlock(50, 100n, 0n)).toBe(150n);
    expect(cb().nextEpochStartBlock(50, 100n, 120n)).toBe(120n);
    expect(cb().nextEpochStartBlock(50, 100n, 200n)).toBe(150n);
    expect(cb().nextEpochStartBlock(0, 100n, 0n)).toBeNull();
  });

  it("spec §5.2: blocks_until_next_auto_epoch is 5 (tempo 10, block 5), 0 (tempo 20, block 21), u64::MAX at tempo 0", () => {
    expect(cb().blocksUntilNextAutoEpoch(10, 0n, 5n)).toBe(5n);
    expect(cb().blocksUntilNextAutoEpoch(20, 0n, 21n)).toBe(0n);
    expect(cb().blocksUntilNextAutoEpoch(0, 0n, 21n)).toBe(U64_MAX);
  });

  it("fires every tempo blocks from the anchor: netuid 3, tempo 360, registered at 1000 fires at 1357, 1717, 2077", () => {
    let s = [state(3, 360, 1000n - 3n)];
    const fired: bigint[] = [];
    for (let b = 1001n; b <= 2100n; b++) {
      const r = cb().scheduleBlock(s, b);
      s = r.states;
      if (r.outcomes[0] === "ran") fired.push(b);
    }
    expect(fired).toEqual([1357n, 1717n, 2077n]);
    expect(s[0].epoch_index).toBe(3n);
  });

  it("test_epochs_deferred_this_block_respects_cap: with 4 due subnets and cap 2, the last 2 are deferred to the next block", () => {
    const s = [1, 2, 3, 4].map((i) => state(i, 100, 0n, 1n));
    const r = cb().scheduleBlock(s, 1n, 2);
    expect(r.outcomes).toEqual(["ran", "ran", "deferred", "deferred"]);
    expect(r.states.map((x) => x.pending_epoch_at)).toEqual([0n, 0n, 2n, 2n]);
    expect(r.states.map((x) => x.last_epoch_block)).toEqual([1n, 1n, 0n, 0n]);
    const next = cb().scheduleBlock(r.states, 2n, 2);
    expect(next.outcomes).toEqual(["not_due", "not_due", "ran", "ran"]);
  });

  it("test_coinbase_drain_pending_increments_blockssincelaststep / resets_blockssincelaststep", () => {
    const r = cb().scheduleBlock([state(1, 100, 0n)], 5n);
    expect(r.states[0].blocks_since_last_step).toBe(1n);
    const ran = cb().scheduleBlock([{ ...state(1, 100, 0n), blocks_since_last_step: 99n }], 100n);
    expect(ran.outcomes[0]).toBe("ran");
    expect(ran.states[0].blocks_since_last_step).toBe(0n);
  });

  it("a skipped (inconsistent) epoch consumes its slot but does not count towards the cap", () => {
    const s = [{ ...state(1, 10, 0n), consistent: false }, state(2, 10, 0n), state(3, 10, 0n)];
    const r = cb().scheduleBlock(s, 10n, 2);
    expect(r.outcomes).toEqual(["skipped", "ran", "ran"]);
    expect(r.states[0].last_epoch_block).toBe(10n);
    expect(r.states[0].blocks_since_last_step).toBe(1n);
  });

  it("the safety net fires when more than 50_400 blocks passed since the last step; tempo 0 never fires", () => {
    expect(cb().shouldRunEpoch(60_000, 0n, 0n, 50_401n, 100n)).toBe(true);
    expect(cb().shouldRunEpoch(0, 0n, 5n, 50_401n, 100n)).toBe(false);
  });
});

describe("dividend distribution into alpha and root parts (calculate_dividend_distribution)", () => {
  const TW18 = 773_094_113n; // U96F32::from_num(0.18)
  const hotkeys = [
    { dividend: 77_783_738n << 32n, alpha_stake: 4_859_302n, root_stake: 2_342_352n },
    { dividend: 19_283_940n << 32n, alpha_stake: 23_423n, root_stake: 859_273n },
  ];
  const total = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n) >> 32n;

  it("test_calculate_dividend_distribution_totals: each pot is shared out within 1000 rao", () => {
    const r = cb().dividendDistribution(hotkeys, 183_123_567_452n, 837_120_949_872n, TW18);
    near(total(r.map((x) => x.alpha_dividend)), 183_123_567_452n, 1000n);
    near(total(r.map((x) => x.root_dividend)), 837_120_949_872n, 1000n);
  });

  it("spec §13 row 31: alpha 176_856_534_496.556 / 6_267_032_912.807, root 226_443_796_624.142 / 610_677_153_052.951", () => {
    const r = cb().dividendDistribution(hotkeys, 183_123_567_452n, 837_120_949_872n, TW18);
    const f = (b: bigint) => Number(b >> 32n) + Number(b & 0xffffffffn) / 2 ** 32;
    expect(r.map((x) => x.alpha_dividend >> 32n)).toEqual([176_856_534_496n, 6_267_032_912n]);
    expect(r.map((x) => x.root_dividend >> 32n)).toEqual([226_443_796_624n, 610_677_153_052n]);
    expect(f(r[0].alpha_dividend) % 1).toBeCloseTo(0.556, 3);
    expect(f(r[1].root_dividend) % 1).toBeCloseTo(0.951, 3);
  });

  it("test_calculate_dividend_distribution_total_only_tao: no pending alpha gives no alpha dividends", () => {
    const r = cb().dividendDistribution(hotkeys, 0n, 837_120_949_872n, TW18);
    expect(total(r.map((x) => x.alpha_dividend))).toBe(0n);
    near(total(r.map((x) => x.root_dividend)), 837_120_949_872n, 1000n);
  });

  it("test_calculate_dividend_distribution_total_no_tao_weight: tao weight 0 sends everything to alpha dividends", () => {
    const r = cb().dividendDistribution(hotkeys, 183_123_567_452n, 0n, 0n);
    near(total(r.map((x) => x.alpha_dividend)), 183_123_567_452n, 1000n);
    expect(total(r.map((x) => x.root_dividend))).toBe(0n);
  });

  it("test_calculate_dividend_distribution_total_only_alpha: no pending root gives no root dividends", () => {
    const r = cb().dividendDistribution(hotkeys, 183_123_567_452n, 0n, TW18);
    near(total(r.map((x) => x.alpha_dividend)), 183_123_567_452n, 1000n);
    expect(total(r.map((x) => x.root_dividend))).toBe(0n);
  });

  it("get_tao_weight: the default TaoWeight 971_718_665_099_567_868 is U96F32 raw 226_245_882", () => {
    expect(cb().taoWeight()).toBe(226_245_882n);
    expect(cb().taoWeight(U64_MAX)).toBe(ONE96);
  });
});

describe("child keys (tests/children.rs)", () => {
  const QUARTER = U64_MAX / 4n, HALF = U64_MAX / 2n;

  it("test_children_stake_values: 1e14 alpha with 3 children at u64::MAX/4 each: 25_000_000_069_849 kept, 24_999_999_976_716 per child", () => {
    const parent = cb().inheritedAlpha(100_000_000_000_000n, [QUARTER, QUARTER, QUARTER], []);
    const child = cb().inheritedAlpha(0n, [], [{ proportion: QUARTER, alpha: 100_000_000_000_000n }]);
    expect(parent).toBe(25_000_000_069_849n);
    expect(child).toBe(24_999_999_976_716n);
    expect(parent + 3n * child).toBe(99_999_999_999_997n);
  });

  // A (300k) -> B (100k) at 1/2, B -> C (50k) at 1/2, childkey take 1/9, tao weight 0, different coldkeys
  const ALPHA_A = 300_000_000_000_000n, ALPHA_B = 100_000_000_000_000n, ALPHA_C = 50_000_000_000_000n;
  const TAKE = Number(((((1n << 32n) + 4n) / 9n) * 65535n) >> 32n); // (I96F32(1/9) * 65535) as u16
  const E = 1_000_000n;

  it("test_parent_child_chain_emission: A has no parents and keeps its whole dividend", () => {
    const r = cb().parentChildDividends({ dividend: E, alpha: ALPHA_A, root: 0n, child_proportions: [HALF], parents: [], childkey_take: TAKE, tao_weight: 0n });
    expect(r.parents).toEqual([]);
    expect(r.child).toBe(E);
  });

  it("test_parent_child_chain_emission: B keeps its own share plus the 1/9 take on A's share (±1/1000)", () => {
    const r = cb().parentChildDividends({
      dividend: E, alpha: ALPHA_B, root: 0n, child_proportions: [HALF],
      parents: [{ proportion: HALF, alpha: ALPHA_A, root: 0n, same_owner: false }], childkey_take: TAKE, tao_weight: 0n,
    });
    // rel stakes 2/3 (A) and 2/9 (B): B's own half is 1/9, A gives 1/3
    const total = 1 / 9 + 1 / 3;
    const expectedB = BigInt(Math.floor((1 / 9 / total) * 1e6 + (1 / 3 / total) * 1e6 * (TAKE / 65535)));
    near(r.child, expectedB, E / 1000n);
    near(r.parents[0], E - expectedB, E / 1000n);
    near(r.child + r.parents[0], E, E / 1000n);
  });

  it("test_parent_child_chain_emission: C keeps its own share plus the take on B's share (±1/1000)", () => {
    const r = cb().parentChildDividends({
      dividend: E, alpha: ALPHA_C, root: 0n, child_proportions: [],
      parents: [{ proportion: HALF, alpha: ALPHA_B, root: 0n, same_owner: false }], childkey_take: TAKE, tao_weight: 0n,
    });
    const total = 1 / 9 + 1 / 9;
    const expectedC = BigInt(Math.floor((1 / 9 / total) * 1e6 + (1 / 9 / total) * 1e6 * (TAKE / 65535)));
    near(r.child, expectedC, E / 1000n);
    near(r.parents[0], E - expectedC, E / 1000n);
  });

  it("takes no childkey take and burns nothing when parent and child share a coldkey; CKBurn recycles a share otherwise", () => {
    const base = { dividend: E, alpha: 0n, root: 0n, child_proportions: [], childkey_take: 11_796, tao_weight: 0n };
    const same = cb().parentChildDividends({ ...base, parents: [{ proportion: U64_MAX, alpha: ALPHA_A, root: 0n, same_owner: true }], ck_burn: HALF });
    expect(same.ck_burned).toBe(0n);
    near(same.parents[0], E, 1n);
    const other = cb().parentChildDividends({ ...base, parents: [{ proportion: U64_MAX, alpha: ALPHA_A, root: 0n, same_owner: false }], ck_burn: HALF });
    near(other.ck_burned, E / 2n, 1n);
    expect(other.parents[0] + other.child + other.ck_burned).toBeLessThanOrEqual(E);
  });
});

describe("validator payout with delegate take (distribute_dividends_and_incentives)", () => {
  it("spec §13 row 29 (tests/claim_root.rs): root dividends of 1e6 with take 11_796 stake 179_995 and leave ~0.41 per root stake claimable", () => {
    const [p] = cb().validatorPayout([{ validator_emission: 1_000_000n, alpha_stake: 10_000_000n, root_stake: 2_000_000n, take: 11_796 }], 0n, 1_000_000n, U64_MAX);
    expect(p.alpha_credited).toBe(179_995n);
    near(p.root_claimable, 820_005n, 1n);
    expect(Math.abs(Number(p.root_claimable) / 2_000_000 - 0.41)).toBeLessThan(0.001);
  });

  it("without root stake everything is alpha dividend, and take plus rest lose at most 1 rao to flooring", () => {
    const r = cb().validatorPayout([
      { validator_emission: 3n, alpha_stake: 1_000n, root_stake: 0n },
      { validator_emission: 7n, alpha_stake: 1_000n, root_stake: 0n },
    ], 1_000_000_001n, 0n);
    expect(r.map((x) => x.root_claimable)).toEqual([0n, 0n]);
    near(r[0].alpha_credited, 300_000_000n, 2n);
    near(r[1].alpha_credited, 700_000_000n, 2n);
  });
});

describe("alpha issuance per block at the terms level (tests/coinbase.rs; the injection itself needs the pool's weight update)", () => {
  const FULL_ROOT = 1_000_000_000_000_000_000n; // set_full_injection_root_stake: root 1e18 at tao weight 1
  const W = 500_000_000_000_000_000n;
  const terms = (pools: Array<{ mech: number; tao: bigint; alpha: bigint; ema: bigint }>, emission: bigint) => {
    const sh = cb().subnetBlockEmissions(pools.map((p, i) => ({ netuid: i + 1, mechanism: p.mech, moving_price: p.ema })), emission);
    return cb().subnetTerms(pools.map((p, i) => ({
      netuid: i + 1, tao_emission: sh.subnets[i].tao_emission, subnet_alpha_in: p.alpha, subnet_alpha_out: 0n,
      spot_price: emissionOf(taomath()).spotPrice(p.mech, p.tao, p.alpha, W),
    })), FULL_ROOT, U64_MAX);
  };

  it("test_coinbase_alpha_issuance_base: two stable subnets inject emission/2 alpha each (500_000)", () => {
    const t = terms([{ mech: 0, tao: 1_000_000n, alpha: 1_000_000n, ema: 0n }, { mech: 0, tao: 1_000_000n, alpha: 1_000_000n, ema: 0n }], 1_000_000n);
    expect(t.map((x) => x.alpha_in_rao)).toEqual([500_000n, 500_000n]);
    expect(t.map((x) => x.tao_in_rao)).toEqual([500_000n, 500_000n]);
    expect(t.map((x) => x.excess_tao_rao)).toEqual([0n, 0n]);
  });

  it("test_coinbase_alpha_issuance_different (spec row 23): EMA 1 and 2, prices 1 and 2: both inject 333_333 alpha", () => {
    const t = terms([{ mech: 1, tao: 1_000_000n, alpha: 1_000_000n, ema: ONE96 }, { mech: 1, tao: 2_000_000n, alpha: 1_000_000n, ema: 2n * ONE96 }], 1_000_000n);
    expect(t.map((x) => x.alpha_in_rao)).toEqual([333_333n, 333_333n]);
  });

  it("test_coinbase_alpha_issuance_with_cap_trigger: at price 1e-6 the injection is capped below one block of alpha, alpha out stays 1e9", () => {
    const t = terms([{ mech: 1, tao: 1_000n, alpha: 1_000_000_000n, ema: ONE96 }, { mech: 1, tao: 1_000n, alpha: 1_000_000_000n, ema: 2n * ONE96 }], 1_000_000n);
    for (const x of t) {
      expect(x.alpha_in_rao).toBeLessThan(1_000_000_000n);
      expect(x.alpha_emission).toBe(1_000_000_000n);
      expect(x.excess_tao_rao).toBeGreaterThan(0n);
    }
  });

  it("test_coinbase_alpha_issuance_with_cap_trigger_and_block_emission: alpha issuance above 21M emits no alpha, so all TAO is excess for the chain buy", () => {
    const sh = cb().subnetBlockEmissions([{ netuid: 1, mechanism: 1, moving_price: ONE96 }], 1_000_000n);
    const [t] = cb().subnetTerms([{ netuid: 1, tao_emission: sh.subnets[0].tao_emission, subnet_alpha_in: 1_000_000_000n, subnet_alpha_out: 21_000_000_000_000_000n, spot_price: ONE64 / 100_000n }], FULL_ROOT, U64_MAX);
    expect(t.alpha_emission).toBe(0n);
    expect(t.alpha_in_rao).toBe(0n);
    expect(t.excess_tao_rao).toBe(1_000_000n);
  });
});

describe("legacy schedule migration (dynamic_tempo_v1) and trigger window", () => {
  it("spec §13 row 33: tempo 360, netuid 7, block 1234 -> LastEpochBlock 1075, next epoch 1435 as under the legacy rule", () => {
    const r = cb().legacyAnchor(7, 360, 1234n);
    expect(r.last_epoch_block).toBe(1075n);
    expect(r.last_epoch_block + 360n).toBe(1435n);
    // the legacy rule fired when blocks_until_next = tempo - (block + netuid + 1) mod (tempo + 1) reached 0
    expect(360n - ((1435n + 7n + 1n) % 361n)).toBe(0n);
    expect(r.epoch_index).toBe((1234n + 8n) / 361n);
  });

  it("spec §5.2: last 1, tempo 10, now 5 leaves 6 blocks, under an admin window of 8 (AutoEpochAlreadyImminent)", () => {
    expect(cb().blocksUntilNextAutoEpoch(10, 1n, 5n)).toBe(6n);
    expect(cb().blocksUntilNextAutoEpoch(10, 1n, 5n) < 8n).toBe(true);
  });
});
