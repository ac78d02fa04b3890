// The coinbase after 425 (rules 459 and 473), one behaviour each, against numbers worked from the
// chain's code: RaoFoundation/subtensor run_coinbase.rs @ 29005cb7 (inject_and_maybe_swap,
// drain_pending, distribute_emission) and impls.rs @ 0249a4a4 (adjust_protocol_liquidity). Expected
// pool outcomes come from the superellipse curve itself (tm.ellipse, exact on the chain's vectors),
// applied in the order the chain's code applies them.

import { describe, it, expect } from "vitest";
import { taomath, TaomathError } from "../src/index.js";
import { Network, coinbaseOf } from "../src/network/index.js";
import { neuronsFor } from "./helpers/network.js";

const tm = taomath();
const MAX_PRICE = 1_000_000_000_000_000n;
const HALF = 500_000_000_000_000_000n;
const U64_MAX = (1n << 64n) - 1n;
const I128_MAX = (1n << 127n) - 1n;

type Ell = { alpha_scale: bigint; tao_scale: bigint; center_alpha: bigint; center_tao: bigint };
const ellJson = (e: Ell) => ({ alpha_scale: String(e.alpha_scale), tao_scale: String(e.tao_scale), center_alpha: String(e.center_alpha), center_tao: String(e.center_tao) });

function curve(alpha: bigint, tao: bigint, w = HALF): Ell {
  const r = tm.ellipse.fromWeights(alpha, tao, w);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** One subnet (netuid 1) whose alpha out is all staked to its owner hotkey. */
function snapshot(runtime: number, sub: Record<string, unknown> = {}, top: Record<string, unknown> = {}) {
  const alphaOut = String(sub.alpha_out ?? "1000000000000000");
  return {
    runtime, block: "1001", total_issuance: "7000000000000000", root_tao: "3000000000000000",
    subnets: [{
      netuid: 1, tao_reserve: "1000000000000000", alpha_reserve: "3000000000000000", alpha_out: alphaOut,
      moving_price: String(1n << 29n), tempo: 100, last_epoch_block: "990", first_emission_block_number: "10",
      owner_hotkey: "owner", stakes: { owner: alphaOut }, subnet_account_balance: "1000000000000000", ...sub,
    }],
    ...top,
  };
}

function step(snap: unknown, blocks = 1) {
  const net = Network.fromSnapshot(tm, snap);
  const before = structuredClone(net.state.subnets[0]);
  const r = net.step(blocks);
  expect(r.violations).toEqual([]);
  return { net, r, before, after: net.state.subnets[0] };
}

describe("inject_and_maybe_swap at 473", () => {
  it("the chain buy runs first, on the pool before this block's injection, and the injection translates the ellipse", () => {
    // a thin alpha reserve: the buy is clamped to keep MinimumReserve, so the injected alpha would change it
    const alpha0 = 1_500_000n, tao0 = 1_000_000_000n, e0 = curve(alpha0, tao0);
    const snap = snapshot(473, { alpha_reserve: String(alpha0), tao_reserve: String(tao0), ellipse: ellJson(e0) }, { root_tao: "9500000000000" });
    const price = tm.ellipse.price(e0, alpha0, tao0);
    if (!price.ok) throw new Error(price.error);
    const [terms] = coinbaseOf(tm).subnetTerms([{ netuid: 1, tao_emission: 1_000_000_000n << 32n, subnet_alpha_in: alpha0, subnet_alpha_out: 1_000_000_000_000_000n, spot_price: price.value }], 9_500_000_000_000n);
    const { r, after, before } = step(snap);
    expect(terms.excess_tao_rao).toBeGreaterThan(0n);
    expect(terms.tao_in_rao).toBeGreaterThan(0n);
    const pool = { taoReserve: tao0, alphaReserve: alpha0, alphaOut: before.alpha_out, ellipse: e0, minimumReserve: 1_000_000n };
    const buy = tm.ellipse.swap(pool, true, terms.excess_tao_rao, MAX_PRICE, true, false);
    expect(buy.ok).toBe(true);
    expect(after.excess_tao).toBe(buy.paidIn);
    expect(after.protocol_alpha - before.protocol_alpha).toBe(buy.paidOut);
    // injecting first (the 425 order) would have let the buy take more: the order is visible
    const moved = tm.ellipse.translate(e0, terms.alpha_in_rao, terms.tao_in_rao);
    if (!moved.ok) throw new Error(moved.error);
    const late = tm.ellipse.swap({ ...pool, taoReserve: tao0 + terms.tao_in_rao, alphaReserve: alpha0 + terms.alpha_in_rao, ellipse: moved.value }, true, terms.excess_tao_rao, MAX_PRICE, true, false);
    expect(late.paidIn).toBeGreaterThan(buy.paidIn);
    expect([after.tao_in_emission, after.alpha_in_emission]).toEqual([terms.tao_in_rao, terms.alpha_in_rao]);
    expect(after.tao_reserve).toBe(tao0 + buy.paidIn + terms.tao_in_rao);
    expect(after.alpha_reserve).toBe(alpha0 - buy.paidOut + terms.alpha_in_rao);
    expect(after.ellipse).toEqual(moved.value);
    // the unspent TAO of the clamped buy went back to the credit: only the flooring dust of the terms adds to it
    expect(r.tao_recycled).toBe(1_000_000_000n - terms.tao_in_rao - buy.paidIn);
    expect([after.tao_reservoir, after.alpha_reservoir]).toEqual([0n, 0n]);
  });

  it("a failed chain buy gives all its TAO back to the block's credit, which is recycled", () => {
    // root_tao 0: no injection, the whole 1e9 credit is excess; an alpha reserve under MinimumReserve fails the buy
    const e0 = curve(900_000n, 1_000_000_000n);
    const { r, net, before, after } = step(snapshot(473, { alpha_reserve: "900000", tao_reserve: "1000000000", ellipse: ellJson(e0) }, { root_tao: "0" }));
    expect(after.excess_tao).toBe(0n);
    expect(r.tao_recycled).toBe(1_000_000_000n);
    expect(after.subnet_account_balance).toBe(before.subnet_account_balance);
    expect(after.untracked_tao).toBe(before.untracked_tao);
    expect(net.state.total_issuance).toBe(7_000_000_000_000_000n);
  });

  it("a failed chain buy at 425 leaves the TAO in the subnet account, outside SubnetTAO", () => {
    const { r, before, after } = step(snapshot(425, { alpha_reserve: "900000", tao_reserve: "1000000000" }, { root_tao: "0" }));
    expect(r.tao_recycled).toBe(0n);
    expect(after.untracked_tao - before.untracked_tao).toBe(1_000_000_000n);
  });

  it("the unspent part of a partial chain buy (clamped to keep MinimumReserve) goes back to the credit", () => {
    const e0 = curve(2_000_000n, 1_000_000_000n);
    const { r, before, after } = step(snapshot(473, { alpha_reserve: "2000000", tao_reserve: "1000000000", ellipse: ellJson(e0) }, { root_tao: "0" }));
    const buy = tm.ellipse.swap({ taoReserve: 1_000_000_000n, alphaReserve: 2_000_000n, alphaOut: before.alpha_out, ellipse: e0, minimumReserve: 1_000_000n }, true, 1_000_000_000n, MAX_PRICE, true, false);
    expect(buy.ok).toBe(true);
    expect(buy.paidIn).toBeLessThan(1_000_000_000n);
    expect(after.excess_tao).toBe(buy.paidIn);
    expect(r.tao_recycled).toBe(1_000_000_000n - buy.paidIn);
    expect(after.subnet_account_balance - before.subnet_account_balance).toBe(buy.paidIn);
    expect(after.untracked_tao).toBe(before.untracked_tao);
  });

  it("while a projected side is 0 the materialized TAO waits in BalancerTaoReservoir (price-active nothing)", () => {
    // no alpha in the pool: price 0, so the whole TAO emission is tao_in and no alpha is injected
    const { r, before, after } = step(snapshot(473, { alpha_reserve: "0", tao_reserve: "1000000000" }));
    expect(after.tao_reservoir).toBe(1_000_000_000n);
    expect(after.tao_in_emission).toBe(0n);
    expect(after.tao_reserve).toBe(before.tao_reserve);
    expect(after.subnet_account_balance - before.subnet_account_balance).toBe(1_000_000_000n);
    expect(after.ellipse).toBeNull();
    expect(r.tao_recycled).toBe(0n);
  });

  it("held-back reservoirs are released with the next injection and translate the ellipse with it", () => {
    const e0 = curve(3_000_000_000_000_000n, 1_000_000_000_000_000n);
    const { r, before, after } = step(snapshot(473, { ellipse: ellJson(e0), tao_reservoir: "7000000", alpha_reservoir: "11000000" }));
    expect(after.tao_reservoir).toBe(0n);
    expect(after.alpha_reservoir).toBe(0n);
    const taoIn = after.tao_in_emission, alphaIn = after.alpha_in_emission;
    // SubnetTaoInEmission / SubnetAlphaInEmission hold the price-active amounts, the reservoirs included
    expect(taoIn).toBeGreaterThan(7_000_000n);
    expect(alphaIn).toBeGreaterThan(11_000_000n);
    expect(after.tao_reserve).toBe(before.tao_reserve + after.excess_tao + taoIn);
    const moved = tm.ellipse.translate(e0, alphaIn, taoIn);
    if (!moved.ok) throw new Error(moved.error);
    expect(after.ellipse).toEqual(moved.value);
    // only this block's alpha_in was minted: the reservoir's alpha was minted when it was parked
    // (root alpha is recycled: the moving price sum is below 1, so the network does not sell root alpha)
    expect(after.alpha_assets_issuance - before.alpha_assets_issuance).toBe(alphaIn - 11_000_000n + after.alpha_out_emission - r.alpha_recycled);
  });

  it("a refused adjustment (the translation overflows i128) refunds the materialized TAO and mints no alpha", () => {
    // a valid curve whose centres sit just under i128::MAX: it prices, but cannot move further
    const alpha = 3_000_000_000_000_000n, tao = 1_000_000_000_000_000n;
    const x = I128_MAX - (1n << 40n) - alpha * (1n << 32n);
    const e: Ell = { alpha_scale: 1n << 40n, tao_scale: 1n << 40n, center_alpha: x + alpha * (1n << 32n), center_tao: x + tao * (1n << 32n) };
    const { r, net, before, after } = step(snapshot(473, { ellipse: ellJson(e) }));
    expect(after.tao_in_emission).toBe(0n);
    expect(after.alpha_in_emission).toBe(0n);
    expect(after.alpha_assets_issuance - before.alpha_assets_issuance).toBe(after.alpha_out_emission - r.alpha_recycled);
    // the TAO that stayed is exactly what the chain buy paid into SubnetTAO
    expect(after.subnet_account_balance - before.subnet_account_balance).toBe(after.tao_reserve - before.tao_reserve);
    expect(after.tao_reserve - before.tao_reserve).toBe(after.excess_tao);
    expect(net.state.total_issuance - 7_000_000_000_000_000n).toBe(after.excess_tao);
    expect(after.ellipse).toEqual(e);
  });

  it("a pool without an ellipse gets one from its Balancer weight on the first injection", () => {
    const { after, before } = step(snapshot(473, { quote_weight: "430000000000000000" }, { root_tao: "30000000000000000" }));
    // the chain buy's first swap or the injection initialises it at the reserves before the block; the buy keeps the curve
    const moved = tm.ellipse.translate(curve(before.alpha_reserve, before.tao_reserve, 430_000_000_000_000_000n), after.alpha_in_emission, after.tao_in_emission);
    if (!moved.ok) throw new Error(moved.error);
    expect(after.ellipse).toEqual(moved.value);
  });
});

describe("alpha issuance after 425", () => {
  it("counts the alpha reservoir: it can move a subnet past a halving of its alpha emission", () => {
    // SubnetAlphaIn + SubnetAlphaOut just under 10.5e15 (the first halving); the reservoir pushes it over
    const sub = { alpha_reserve: "5250000000000000", alpha_out: "5249999000000000", tao_reserve: "1000000000000" };
    const none = step(snapshot(459, sub)).after;
    const parked = step(snapshot(459, { ...sub, alpha_reservoir: "2000000000" })).after;
    expect(none.alpha_out_emission).toBe(1_000_000_000n);
    expect(parked.alpha_out_emission).toBe(500_000_000n);
  });
});

describe("adjust_protocol_liquidity", () => {
  const cb = coinbaseOf(tm);
  // the chain's own tests of the Balancer-with-reservoirs version (pallets/swap/src/pallet/tests/adjust_protocol_liquidity.rs)
  it("459: TAO that would push the weight out of bounds waits; the alpha alone becomes active", () => {
    const r = cb.adjustProtocolLiquidity("459", { tao_reserve: 1_000n, alpha_reserve: 1_000n }, 200_000n, 1_000n);
    expect([r.tao, r.alpha, r.tao_reservoir, r.alpha_reservoir]).toEqual([0n, 1_000n, 200_000n, 0n]);
  });
  it("459: alpha that would push the weight out of bounds waits; the TAO alone becomes active", () => {
    const r = cb.adjustProtocolLiquidity("459", { tao_reserve: 1_000n, alpha_reserve: 1_000n }, 1_000n, 200_000n);
    expect([r.tao, r.alpha, r.tao_reservoir, r.alpha_reservoir]).toEqual([1_000n, 0n, 0n, 200_000n]);
  });
  it("459: a later injection that rebalances releases the waiting TAO with it", () => {
    const first = cb.adjustProtocolLiquidity("459", { tao_reserve: 1_000n, alpha_reserve: 1_000n }, 200_000n, 1_000n);
    const r = cb.adjustProtocolLiquidity("459", { tao_reserve: 1_000n, alpha_reserve: 2_000n, quote_weight: first.quote_weight, tao_reservoir: first.tao_reservoir }, 1_000n, 200_000n);
    expect(r.tao).toBeGreaterThanOrEqual(1_000n);
    expect(r.alpha).toBeGreaterThanOrEqual(200_000n);
    expect([r.tao_reservoir, r.alpha_reservoir]).toEqual([0n, 0n]);
  });
  it("459: reservoir amounts become active together with the deltas", () => {
    const r = cb.adjustProtocolLiquidity("459", { tao_reserve: 1_000_000n, alpha_reserve: 1_000_000n, tao_reservoir: 10_000n, alpha_reservoir: 20_000n }, 300n, 400n);
    expect([r.tao, r.alpha, r.tao_reservoir, r.alpha_reservoir]).toEqual([10_300n, 20_400n, 0n, 0n]);
  });
  it("473: an empty pool anchors its ellipse at the projected reserves without translating", () => {
    const r = cb.adjustProtocolLiquidity("473", { tao_reserve: 0n, alpha_reserve: 0n, tao_reservoir: 5_000_000n }, 1_000_000n, 3_000_000n);
    expect([r.accepted, r.tao, r.alpha, r.tao_reservoir, r.alpha_reservoir]).toEqual([true, 6_000_000n, 3_000_000n, 0n, 0n]);
    expect(r.ellipse).toEqual(curve(3_000_000n, 6_000_000n));
    expect(r.pal_swap_initialized).toBe(true);
  });
  it("473: pending amounts past u64 are refused and nothing changes", () => {
    const r = cb.adjustProtocolLiquidity("473", { tao_reserve: 1_000n, alpha_reserve: 1_000n, alpha_reservoir: U64_MAX }, 0n, 1n);
    expect([r.accepted, r.alpha_reservoir, r.ellipse]).toEqual([false, U64_MAX, null]);
  });
  it("names the rule set when asked for 425, which has no reservoirs", () => {
    expect(() => cb.adjustProtocolLiquidity("425" as "459", { tao_reserve: 1n, alpha_reserve: 1n }, 0n, 0n)).toThrow(TaomathError);
  });
});

describe("drain_pending at 473", () => {
  function skipping(runtime: number) {
    const { neurons, stakes, staked } = neuronsFor(1, 4, 2);
    neurons.hotkeys[1] = neurons.hotkeys[0]; // a duplicate hotkey: the epoch input is inconsistent, every epoch is skipped
    return snapshot(runtime, { tempo: 10, last_epoch_block: "1000", blocks_since_last_step: "0", neurons, stakes, alpha_out: staked.toString() });
  }
  it("caps BlocksSinceLastStep at tempo + 1 while epochs keep being skipped", () => {
    const { after, r } = step(skipping(473), 40);
    expect(after.blocks_since_last_step).toBe(11n);
    expect(r.epochs.every((e) => e.outcome === "skipped")).toBe(true);
  });
  it("leaves BlocksSinceLastStep unbounded at 425", () => {
    expect(step(skipping(425), 40).after.blocks_since_last_step).toBe(40n);
  });
  it("recycles the pending root alpha of an epoch nobody earns root dividends in (a subnet without uids)", () => {
    const s = snapshot(473, { tempo: 1, last_epoch_block: "1000", pending_root: "12345" }, { root_tao: "3000000000000000" });
    s.subnets[0].alpha_out = String(BigInt(s.subnets[0].alpha_out) + 12_345n);
    const { r, before, after } = step(s);
    expect(r.epochs.map((e) => e.outcome)).toEqual(["ran"]);
    // the drained root alpha left SubnetAlphaOut; what stayed unowned is only this block's other dust
    expect(r.alpha_recycled).toBeGreaterThanOrEqual(12_345n);
    expect(after.unowned_alpha - before.unowned_alpha).toBeLessThan(after.alpha_out_emission);
    const at425 = step({ ...s, runtime: 425 }).after;
    expect(at425.unowned_alpha - after.unowned_alpha).toBe(12_345n + after.pending_root);
  });
});

describe("distribute_emission's dividend split at 473", () => {
  const cb = coinbaseOf(tm);
  // tao weight 1 (TaoWeight = u64::MAX); A: alpha 300, root 100, root uid; B: alpha 100, root 300, no root uid
  const base = (rules: "425" | "473", uidA = true, uidB = false) => cb.distributeEmission({
    uid_hotkey: [0, 1], server_emission: [5n, 5n], validator_emission: [1_000n, 1_000n],
    hotkeys: [
      { alpha: 300n, root: 100n, take: 0, childkey_take: 0, withhold: false, child_proportions: [], parents: [], root_uid: uidA },
      { alpha: 100n, root: 300n, take: 0, childkey_take: 0, withhold: false, child_proportions: [], parents: [], root_uid: uidB },
    ],
    pending_server: 10n, pending_validator: 4_000n, pending_root: 800n, ck_burn: 0n, tao_weight: U64_MAX, recycle: false, rules,
  });
  it("gives the root-weighted slice to root only for hotkeys with a root uid", () => {
    // alpha parts 750 and 250 (of Σ 1000), root parts 250 (A) and 0 (B, no root uid)
    const r = base("473");
    expect(r.hotkeys.map((h) => [h.alpha_rest, h.root_claimable])).toEqual([[3_000n, 800n], [1_000n, 0n]]);
    expect(r.root_recycled).toBe(false);
  });
  it("425 split the same epoch by root weight with no root-uid rule", () => {
    // root parts 250 (A) and 750 (B): the pot of 800 splits 200 / 600
    expect(base("425").hotkeys.map((h) => [h.alpha_rest, h.root_claimable])).toEqual([[3_000n, 200n], [1_000n, 600n]]);
  });
  it("recycles the whole pending root alpha when no dividend earner holds a root uid", () => {
    const r = base("473", false, false);
    expect(r.root_recycled).toBe(true);
    expect(r.hotkeys.map((h) => h.root_claimable)).toEqual([0n, 0n]);
  });
});

describe("payout at 473 in the network model", () => {
  function withNeurons(runtime: number, extra: Record<string, unknown> = {}) {
    const { neurons, stakes, staked } = neuronsFor(1, 8, 3);
    return snapshot(runtime, { tempo: 10, last_epoch_block: "995", neurons, stakes, alpha_out: staked.toString(), moving_price: String(1n << 33n) },
      { root_stakes: { "hk-1-0": "500000000000000", "hk-1-1": "500000000000000" }, ...extra });
  }
  it("queues root dividends for baskets (kept in root_unclaimed) without raising RootClaimable, and conserves alpha", () => {
    const { net, after, r } = step(withNeurons(473, { root_uids: ["hk-1-0"] }), 30);
    expect(r.epochs.filter((e) => e.outcome === "ran").length).toBeGreaterThanOrEqual(3);
    expect(after.root_unclaimed).toBeGreaterThan(0n);
    expect(net.claims.isEmpty()).toBe(true);
    expect(net.payouts.get(1)!.root_alpha_dividends.has("hk-1-1")).toBe(false);
    expect(net.payouts.get(1)!.root_alpha_dividends.get("hk-1-0")).toBeGreaterThan(0n);
  });
  it("recycles every epoch's root alpha when no dividend earner holds a root uid", () => {
    const { after, r } = step(withNeurons(473, { root_uids: [] }), 30);
    expect(after.root_unclaimed).toBe(0n);
    const withUid = step(withNeurons(473, { root_uids: ["hk-1-0"] }), 30).r;
    expect(r.alpha_recycled).toBeGreaterThan(withUid.alpha_recycled);
  });
  it("425 raises RootClaimable rates for the same epochs", () => {
    const { net } = step(withNeurons(425), 30);
    expect(net.claims.isEmpty()).toBe(false);
  });
});

describe("the nominator credit at 473", () => {
  function emptyPool(runtime: number) {
    const { neurons, stakes, staked } = neuronsFor(1, 8, 3);
    neurons.takes = neurons.hotkeys.map(() => 0); // no take: nothing opens the pool before the nominators' share
    return snapshot(runtime, {
      tempo: 10, last_epoch_block: "995", neurons, stakes, alpha_out: staked.toString(),
      share_pools: { "hk-1-0": { denominator: null, shares: {} } },
    });
  }
  it("a hotkey whose share pool has no member gets its nominators' share as its owner's stake", () => {
    const { net } = step(emptyPool(473), 10);
    const rest = net.payouts.get(1)!.alpha_dividends.get("hk-1-0")!;
    expect(rest).toBeGreaterThan(0n);
    expect(net.coldkeyStakesOf(1, "hk-1-0").get("hk-1-0")).toBeGreaterThanOrEqual(rest);
  });
  it("425 credits it pool-wide, where no coldkey owns it", () => {
    const { net } = step(emptyPool(425), 10);
    expect(net.payouts.get(1)!.alpha_dividends.get("hk-1-0")!).toBeGreaterThan(0n);
    expect(net.coldkeyStakesOf(1, "hk-1-0").get("hk-1-0") ?? 0n).toBe(0n);
  });
});

describe("root claims at 473", () => {
  it("a claim whose type is Swap sells the alpha on the subnet's superellipse", () => {
    const { neurons, stakes, staked } = neuronsFor(1, 16, 4);
    const s425 = {
      block: "4000000", total_issuance: "7000000000000000", root_tao: "2000000000000000",
      root_stakes: { "hk-1-1": "400000000000000" }, root_claims: { stakes: { "hk-1-1": { alice: "400000000000000" } } },
      subnets: [{
        netuid: 1, owner_hotkey: "hk-1-0", tempo: 10, last_epoch_block: "3999995", first_emission_block_number: "100",
        tao_reserve: "20000000000000", alpha_reserve: "900000000000000", alpha_out: staked.toString(), moving_price: String(2n << 32n), stakes, neurons,
      }],
    };
    // RootClaimable rates accrue under 425; the state then runs (and claims) with the 473 rules
    const before = Network.fromSnapshot(tm, s425);
    before.step(100);
    const json = JSON.parse(JSON.stringify(before.snapshot()));
    json.runtime = 473;
    const net = Network.fromSnapshot(tm, json);
    const n = net.state.subnets[0];
    const owed = net.claims.owed("hk-1-1", "alice", 1, true).pays;
    expect(owed).toBeGreaterThan(0n);
    const expected = tm.ellipse.swap({ taoReserve: n.tao_reserve, alphaReserve: n.alpha_reserve, alphaOut: n.alpha_out, quoteWeight: n.quote_weight, ellipse: n.ellipse }, false, owed, 1_000n, true, false);
    const [c] = net.claimRoot("alice");
    expect(c.mode).toBe("swap");
    expect(c.tao).toBe(expected.paidOut);
    expect(net.state.subnets[0].ellipse).toEqual(expected.stateAfter.ellipse);
  });
});
