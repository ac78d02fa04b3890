// Root dividends claims (staking/claim_root.rs) with the numbers of subtensor's tests/claim_root.rs.
// distribute_emission's root side for one validator hotkey is the core's validator payout (its
// whole root pot, since it holds the only root dividend) followed by increase_root_claimable; Keep
// claims are staked as plain alpha per (hotkey, coldkey), Swap claims sell on the Balancer pool
// fee-free (swap_alpha_for_tao with drop_fees).

import { describe, it, expect } from "vitest";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { taomath, TaomathError } from "../src/index.js";
import { coinbaseOf, RootClaims, RootClaimCore, DEFAULT_ROOT_CLAIMABLE_THRESHOLD, MAX_ROOT_CLAIM_THRESHOLD, type ClaimPayer } from "../src/network/index.js";
import { quoteUnstake } from "../src/pool/index.js";

const U64_MAX = (1n << 64n) - 1n;
const near = (a: bigint, b: bigint, eps: bigint) => expect(a > b ? a - b : b - a).toBeLessThanOrEqual(eps);
const f96 = (bits: bigint) => Number(bits) / 2 ** 32;
const NETUID = 1;
const HOTKEY = "1002", OWNER = "1001";

/** A subnet with one validator hotkey and a ledger of alpha stakes the Keep claims add to. */
function world(alphaStake = 10_000_000n) {
  const tm = taomath();
  const claims = new RootClaims(tm.core);
  const alpha = new Map<string, bigint>(); // coldkey -> alpha on NETUID through HOTKEY
  alpha.set(OWNER, alphaStake);
  const keep: ClaimPayer = {
    keep: (_h, c, _n, a) => { alpha.set(c, (alpha.get(c) ?? 0n) + a); },
    swap: () => { throw new Error("not a swap world"); },
  };
  /** distribute_emission(netuid, 0, 0, pendingRoot, 0): take staked to the owner, the rest claimable */
  const distribute = (pendingRoot: bigint) => {
    const total = [...alpha.values()].reduce((s, x) => s + x, 0n);
    const [p] = coinbaseOf(tm).validatorPayout([{ validator_emission: pendingRoot, alpha_stake: total, root_stake: claims.totalRootStake(HOTKEY) }], 0n, pendingRoot, U64_MAX);
    alpha.set(OWNER, alpha.get(OWNER)! + p.root_take);
    if (!claims.increaseRootClaimable(HOTKEY, NETUID, p.root_claimable)) alpha.set(OWNER, alpha.get(OWNER)! + p.root_claimable);
    return p;
  };
  const stake = (c: string) => alpha.get(c) ?? 0n;
  return { tm, claims, keep, distribute, stake };
}

describe("root claimable rates and Keep claims (claim_root.rs)", () => {
  it("test_claim_root_default_mode_keep: a coldkey's claim type is Swap until set", () => {
    const { claims } = world();
    expect(claims.claimType("1003")).toEqual({ type: "swap" });
  });

  it("test_claim_root_set_claim_type: set_root_claim_type(Keep) is stored", () => {
    const { claims } = world();
    claims.setClaimType("1", { type: "keep" });
    expect(claims.claimType("1")).toEqual({ type: "keep" });
  });

  it("test_claim_root_with_drain_emissions: 18% take staked to the owner (±100), rate 1e6·0.82/2e6 (±0.001), claim = root stake × rate (±10), RootClaimed = new stake; round 2 adds the same rate", () => {
    const w = world();
    const coldkey = "1003", rootStake = 2_000_000n, pending = 1_000_000n;
    w.claims.addRootStake(HOTKEY, coldkey, rootStake);
    w.distribute(pending);
    near(w.stake(OWNER), BigInt(Math.trunc(Number(pending) * 0.18 + 10_000_000)), 100n);
    const claimable = w.claims.rate(HOTKEY, NETUID);
    expect(Math.abs(f96(claimable) - (Number(pending) * (1 - 0.18)) / Number(rootStake))).toBeLessThan(0.001);

    w.claims.setClaimType(coldkey, { type: "keep" });
    w.claims.claimRoot(coldkey, w.keep, [NETUID]);
    const newStake = w.stake(coldkey);
    near(newStake, (rootStake * claimable) >> 32n, 10n);
    expect(w.claims.rootClaimed(NETUID, HOTKEY, coldkey)).toBe(newStake);

    w.distribute(pending);
    const claimable2 = w.claims.rate(HOTKEY, NETUID);
    expect(Math.abs(f96(claimable2) - ((Number(pending) * (1 - 0.18)) / Number(rootStake) + f96(claimable)))).toBeLessThan(0.001);
    w.claims.claimRoot(coldkey, w.keep, [NETUID]);
    const newStake2 = w.stake(coldkey);
    near(newStake2, (rootStake * claimable2) >> 32n, 10n);
    expect(w.claims.rootClaimed(NETUID, HOTKEY, coldkey)).toBe(newStake2);
  });

  it("test_claim_root_adding_stake_proportionally_for_two_stakers: alice and bob (10% of root each) get the same, 1e7·0.82·0.1 (±100)", () => {
    const w = world();
    w.claims.addRootStake(HOTKEY, "1003", 1_000_000n);
    w.claims.addRootStake(HOTKEY, "1004", 1_000_000n);
    w.claims.addRootStake(HOTKEY, "10010", 8_000_000n);
    w.claims.setClaimType("1003", { type: "keep" });
    w.claims.setClaimType("1004", { type: "keep" });
    w.distribute(10_000_000n);
    w.claims.claimRoot("1003", w.keep, [NETUID]);
    w.claims.claimRoot("1004", w.keep, [NETUID]);
    expect(w.stake("1003")).toBe(w.stake("1004"));
    near(w.stake("1003"), BigInt(Math.trunc(10_000_000 * (1 - 0.18) * 0.1)), 100n);
  });

  it("test_claim_root_adding_stake_disproportionally_for_two_stakers: bob with twice alice's root stake gets exactly twice; alice 1e7·0.82·0.1 (±100)", () => {
    const w = world();
    w.claims.addRootStake(HOTKEY, "1003", 1_000_000n);
    w.claims.addRootStake(HOTKEY, "1004", 2_000_000n);
    w.claims.addRootStake(HOTKEY, "10010", 7_000_000n);
    w.claims.setClaimType("1003", { type: "keep" });
    w.claims.setClaimType("1004", { type: "keep" });
    w.distribute(10_000_000n);
    w.claims.claimRoot("1003", w.keep, [NETUID]);
    w.claims.claimRoot("1004", w.keep, [NETUID]);
    expect(2n * w.stake("1003")).toBe(w.stake("1004"));
    near(w.stake("1003"), BigInt(Math.trunc(10_000_000 * (1 - 0.18) * 0.1)), 100n);
  });

  it("test_claim_root_with_changed_stake: equal halves, then bob removes half (2:1 split of 1e7·0.82/3), then adds it back (equal again), each ±100", () => {
    const w = world();
    const a = "1003", b = "1004", rootStake = 8_000_000n, pending = 10_000_000n;
    w.claims.addRootStake(HOTKEY, a, rootStake);
    w.claims.addRootStake(HOTKEY, b, rootStake);
    w.claims.setClaimType(a, { type: "keep" });
    w.claims.setClaimType(b, { type: "keep" });
    const round = () => { w.distribute(pending); w.claims.claimRoot(a, w.keep, [NETUID]); w.claims.claimRoot(b, w.keep, [NETUID]); };

    round();
    const a1 = w.stake(a), b1 = w.stake(b);
    expect(a1).toBe(b1);
    near(a1, BigInt(Math.trunc((Number(pending) * (1 - 0.18)) / 2)), 100n);

    w.claims.removeRootStake(HOTKEY, b, rootStake / 2n);
    round();
    const a2 = w.stake(a), b2 = w.stake(b);
    near(a2 - a1, 2n * (b2 - b1), 100n);
    near(b2 - b1, BigInt(Math.trunc((Number(pending) * (1 - 0.18)) / 3)), 100n);

    w.claims.addRootStake(HOTKEY, b, rootStake / 2n);
    round();
    const a3 = w.stake(a), b3 = w.stake(b);
    near(a3 - a2, b3 - b2, 100n);
    near(b3 - b2, BigInt(Math.trunc((Number(pending) * (1 - 0.18)) / 2)), 100n);
  });

  it("test_claim_root_with_moved_stake: bob transfers half his root stake to eve after a distribution; eve gains ~0, alice and bob the same 1e7·0.82/2; after the transfer back again equal (each ±100)", () => {
    const w = world();
    const [alice, bob, eve] = ["1003", "1004", "1005"], rootStake = 8_000_000n, pending = 10_000_000n;
    w.claims.addRootStake(HOTKEY, alice, rootStake);
    w.claims.addRootStake(HOTKEY, bob, rootStake);
    for (const c of [alice, bob, eve]) w.claims.setClaimType(c, { type: "keep" });
    const half = BigInt(Math.trunc((Number(pending) * (1 - 0.18)) / 2));

    w.distribute(pending);
    w.claims.claimRoot(alice, w.keep, [NETUID]);
    w.claims.claimRoot(bob, w.keep, [NETUID]);
    const a1 = w.stake(alice), b1 = w.stake(bob);
    expect(a1).toBe(b1);
    near(a1, half, 100n);

    w.distribute(pending);
    w.claims.transferRootStake(HOTKEY, bob, HOTKEY, eve, rootStake / 2n);
    const e1 = w.stake(eve);
    for (const c of [alice, bob, eve]) w.claims.claimRoot(c, w.keep, [NETUID]);
    const a2 = w.stake(alice), b2 = w.stake(bob), e2 = w.stake(eve);
    near(e2 - e1, 0n, 100n);
    near(a2 - a1, b2 - b1, 100n);
    near(b2 - b1, half, 100n);

    w.claims.transferRootStake(HOTKEY, eve, HOTKEY, bob, rootStake / 2n);
    w.distribute(pending);
    w.claims.claimRoot(alice, w.keep, [NETUID]);
    w.claims.claimRoot(bob, w.keep, [NETUID]);
    const a3 = w.stake(alice), b3 = w.stake(bob);
    near(a3 - a2, b3 - b2, 100n);
    near(b3 - b2, half, 100n);
  });

  it("test_claim_root_with_keep_subnets: KeepSubnets{netuid} keeps that subnet's claim as alpha, root stake × rate (±10)", () => {
    const w = world();
    const coldkey = "1003", rootStake = 2_000_000n;
    w.claims.addRootStake(HOTKEY, coldkey, rootStake);
    w.distribute(1_000_000n);
    const claimable = w.claims.rate(HOTKEY, NETUID);
    w.claims.setClaimType(coldkey, { type: "keep_subnets", subnets: [NETUID] });
    expect(w.claims.claimType(coldkey)).toEqual({ type: "keep_subnets", subnets: [NETUID] });
    const [r] = w.claims.claimRoot(coldkey, w.keep, [NETUID]);
    expect(r.mode).toBe("keep");
    near(w.stake(coldkey), (rootStake * claimable) >> 32n, 10n);
  });

  it("a rate is the amount over the hotkey's root stake in I96F32: 820_000 α over 2_000_000 is floor(0.41·2^32)", () => {
    const { claims } = world();
    claims.addRootStake(HOTKEY, "c", 2_000_000n);
    expect(claims.increaseRootClaimable(HOTKEY, NETUID, 820_000n)).toBe(true);
    expect(claims.rate(HOTKEY, NETUID)).toBe((820_000n << 32n) / 2_000_000n);
  });

  it("more root dividends than the hotkey's root stake are not spread (the chain stakes them to the owner)", () => {
    const { claims } = world();
    claims.addRootStake(HOTKEY, "c", 1_000n);
    expect(claims.increaseRootClaimable(HOTKEY, NETUID, 1_001n)).toBe(false);
    expect(claims.rate(HOTKEY, NETUID)).toBe(0n);
  });

  it("a root stake added after dividends is not owed them: RootClaimed moves by floor(rate·amount)", () => {
    const { claims } = world();
    claims.addRootStake(HOTKEY, "old", 2_000_000n);
    claims.increaseRootClaimable(HOTKEY, NETUID, 820_000n);
    claims.addRootStake(HOTKEY, "new", 1_000_000n);
    const rate = claims.rate(HOTKEY, NETUID);
    expect(claims.rootClaimed(NETUID, HOTKEY, "new")).toBe((rate * 1_000_000n) >> 32n);
    expect(claims.owed(HOTKEY, "new", NETUID, true).pays).toBe(0n);
    expect(claims.owed(HOTKEY, "old", NETUID, true).pays).toBe((rate * 2_000_000n) >> 32n);
  });
});

describe("claims across subnets, key swaps and dissolution (claim_root.rs)", () => {
  it("test_claim_root_with_unrelated_subnets: claiming subnet 100 pays nothing; claiming the subnet pays > 0 and RootClaimed = the new stake", () => {
    const w = world();
    w.claims.addRootStake(HOTKEY, "1003", 2_000_000n);
    w.distribute(1_000_000n);
    w.claims.setClaimType("1003", { type: "keep" });
    expect(w.claims.claimRoot("1003", w.keep, [100])).toEqual([]);
    expect(w.stake("1003")).toBe(0n);
    w.claims.claimRoot("1003", w.keep, [NETUID]);
    expect(w.stake("1003")).toBeGreaterThan(0n);
    expect(w.claims.rootClaimed(NETUID, HOTKEY, "1003")).toBe(w.stake("1003"));
  });

  it("test_claim_root_keep_subnets_swap_claim_type: KeepSubnets{100} swaps the claim on the subnet, 1e7·0.82·0.5·0.1 TAO to root (±10000)", () => {
    const w = world();
    const pool = { tao: 50_000_000_000n, alpha: 100_000_000_000n };
    const payer: ClaimPayer = {
      keep: () => { throw new Error("must swap"); },
      swap: (_h, _c, _n, a) => {
        const q = quoteUnstake({ taoReserve: pool.tao, alphaReserve: pool.alpha, feeRate: 0 }, a, { taomath: w.tm });
        pool.tao -= q.amountOut; pool.alpha += q.paidIn;
        return q.amountOut;
      },
    };
    w.claims.addRootStake(HOTKEY, "1003", 2_000_000n);
    w.claims.addRootStake(HOTKEY, "10010", 18_000_000n);
    w.distribute(10_000_000n);
    w.claims.setClaimType("1003", { type: "keep_subnets", subnets: [100] });
    w.claims.claimRoot("1003", payer, [NETUID]);
    near(w.claims.rootStake(HOTKEY, "1003"), 2_000_000n + BigInt(Math.trunc(10_000_000 * (1 - 0.18) * 0.5 * 0.1)), 10_000n);
  });

  it("test_claim_root_with_keep_subnets: KeepSubnets with no subnets is InvalidSubnetNumber", () => {
    const { claims } = world();
    expect(() => claims.setClaimType("1003", { type: "keep_subnets", subnets: [] })).toThrow(TaomathError);
  });

  it("test_claim_root_swap_failure_does_not_consume_claim: a failed swap leaves RootClaimed and the root stake as they were", () => {
    const w = world();
    w.claims.addRootStake(HOTKEY, "1003", 2_000_000n);
    w.claims.addRootStake(HOTKEY, "10010", 18_000_000n);
    w.distribute(10_000_000n);
    w.claims.setClaimType("1003", { type: "swap" });
    const broke: ClaimPayer = { keep: () => {}, swap: () => { throw new TaomathError("chain_rejected", "subnet", "InsufficientBalance"); } };
    const claimedBefore = w.claims.rootClaimed(NETUID, HOTKEY, "1003"), stakeBefore = w.claims.rootStake(HOTKEY, "1003");
    expect(() => w.claims.claimRoot("1003", broke, [NETUID])).toThrow(/InsufficientBalance/);
    expect(w.claims.rootClaimed(NETUID, HOTKEY, "1003")).toBe(claimedBefore);
    expect(w.claims.rootStake(HOTKEY, "1003")).toBe(stakeBefore);
  });

  it("test_claim_root_with_swap_coldkey: RootClaimed (= the kept stake) moves from the old coldkey to the new one", () => {
    const w = world();
    w.claims.addRootStake(HOTKEY, "1003", 2_000_000n);
    w.distribute(1_000_000n);
    w.claims.setClaimType("1003", { type: "keep" });
    w.claims.claimRoot("1003", w.keep, [NETUID]);
    const kept = w.stake("1003");
    expect(w.claims.rootClaimed(NETUID, HOTKEY, "1003")).toBe(kept);
    expect(w.claims.rootClaimed(NETUID, HOTKEY, "10030")).toBe(0n);
    // do_swap_coldkey moves the subnet stake first, then the watermark where the new coldkey holds stake
    w.claims.swapColdkey("1003", "10030", (h, n) => (h === HOTKEY && n === NETUID ? kept : 0n));
    expect(w.claims.rootClaimed(NETUID, HOTKEY, "1003")).toBe(0n);
    expect(w.claims.rootClaimed(NETUID, HOTKEY, "10030")).toBe(kept);
    expect(w.claims.rootStake(HOTKEY, "10030")).toBe(2_000_000n);
  });

  it("ghsa_2026_010_transfer_root_claimed_merges_legit_positions_by_sum: 1_000_000 + 500_000 = 1_500_000, the old watermark cleared", () => {
    const { claims } = world();
    claims.claimed.set(JSON.stringify([0, "1002", "1004"]), 1_000_000n);
    claims.claimed.set(JSON.stringify([0, "1003", "1004"]), 500_000n);
    claims.transferRootClaimed(0, "1002", "1003", "1004", "1004");
    expect(claims.rootClaimed(0, "1002", "1004")).toBe(0n);
    expect(claims.rootClaimed(0, "1003", "1004")).toBe(1_500_000n);
  });

  it("swapping the root hotkey (transfer_root_claimable_for_new_hotkey) adds its rates to the new hotkey's", () => {
    const { claims } = world();
    claims.addRootStake("old", "c", 1_000n);
    claims.addRootStake("new", "c", 1_000n);
    claims.increaseRootClaimable("old", NETUID, 500n);
    claims.increaseRootClaimable("new", NETUID, 250n);
    const a = claims.rate("old", NETUID), b = claims.rate("new", NETUID);
    claims.transferRootClaimable("old", "new");
    expect(claims.rate("new", NETUID)).toBe(a + b);
    expect(claims.claimableSubnets("old")).toEqual([]);
  });

  it("test_claim_root_on_network_deregistration: dissolving the subnet removes its RootClaimable entry and RootClaimed", () => {
    const w = world();
    w.claims.addRootStake(HOTKEY, "1003", 2_000_000n);
    w.claims.addRootStake(HOTKEY, "10010", 18_000_000n);
    w.distribute(10_000_000n);
    w.claims.setClaimType("1003", { type: "keep" });
    w.claims.claimRoot("1003", w.keep, [NETUID]);
    expect(w.claims.claimableSubnets(HOTKEY)).toEqual([NETUID]);
    expect(w.claims.claimed.has(JSON.stringify([NETUID, HOTKEY, "1003"]))).toBe(true);
    w.claims.finalizeSubnet(NETUID);
    expect(w.claims.claimableSubnets(HOTKEY)).toEqual([]);
    expect(w.claims.claimed.has(JSON.stringify([NETUID, HOTKEY, "1003"]))).toBe(false);
  });

  it("test_claim_root_fill_root_alpha_dividends_per_subnet: RootAlphaDividendsPerSubnet is 1e7·0.82 (±100), the same on the next epoch", () => {
    const w = world();
    w.claims.addRootStake(HOTKEY, "1003", 2_000_000n);
    w.claims.addRootStake(HOTKEY, "10010", 18_000_000n);
    const d1 = w.distribute(10_000_000n).root_claimable;
    near(d1, BigInt(Math.trunc(10_000_000 * (1 - 0.18))), 100n);
    expect(w.distribute(10_000_000n).root_claimable).toBe(d1);
  });
});

describe("claim thresholds and limits", () => {
  it("test_claim_root_threshold: RootClaimableThreshold defaults to DefaultMinRootClaimAmount; 1000 and 2000 are stored; MAX_ROOT_CLAIM_THRESHOLD + 1 is refused", () => {
    const { claims } = world();
    expect(claims.threshold(NETUID)).toBe(DEFAULT_ROOT_CLAIMABLE_THRESHOLD);
    claims.setThreshold(NETUID, 1000n);
    expect(claims.threshold(NETUID)).toBe(1000n);
    claims.setThreshold(NETUID, 2000n);
    expect(claims.threshold(NETUID)).toBe(2000n);
    expect(() => claims.setThreshold(NETUID, MAX_ROOT_CLAIM_THRESHOLD + 1n)).toThrow(TaomathError);
  });

  it("a claim owed less than the threshold is skipped and claims nothing", () => {
    const w = world();
    w.claims.addRootStake(HOTKEY, "c", 2_000_000n);
    w.claims.setClaimType("c", { type: "keep" });
    w.distribute(100_000n); // 82_000 owed < 500_000
    const [r] = w.claims.claimRoot("c", w.keep, [NETUID]);
    expect(r.mode).toBe("skipped");
    expect(w.claims.rootClaimed(NETUID, HOTKEY, "c")).toBe(0n);
    expect(w.claims.owed(HOTKEY, "c", NETUID, true).pays).toBeGreaterThan(0n);
  });

  it("test_claim_root_subnet_limits: claim_root with no subnets or with 11 is InvalidSubnetNumber", () => {
    const { claims, keep } = world();
    expect(() => claims.claimRoot("1003", keep, [])).toThrow(TaomathError);
    expect(() => claims.claimRoot("1003", keep, Array.from({ length: 11 }, (_, i) => i))).toThrow(TaomathError);
  });
});

describe("Swap claims on the Balancer pool", () => {
  it("test_claim_root_with_drain_emissions_and_swap_claim_type: price 0.5; each round adds 1e7·0.82·0.5·(own root share) TAO to root stake (±10000)", () => {
    const w = world();
    const coldkey = "1003", rootStake = 2_000_000n, pending = 10_000_000n, price = 0.5;
    const pool = { tao: 50_000_000_000n, alpha: 100_000_000_000n };
    const tm = w.tm;
    const swap: ClaimPayer = {
      keep: () => { throw new Error("swap world"); },
      swap: (_h, _c, _n, a) => {
        const q = quoteUnstake({ taoReserve: pool.tao, alphaReserve: pool.alpha, feeRate: 0 }, a, { taomath: tm });
        pool.tao -= q.amountOut; pool.alpha += q.paidIn;
        return q.amountOut;
      },
    };
    w.claims.addRootStake(HOTKEY, coldkey, rootStake);
    w.claims.addRootStake(HOTKEY, "10010", 9n * rootStake);
    w.claims.setClaimType(coldkey, { type: "swap" });

    w.distribute(pending);
    w.claims.claimRoot(coldkey, swap, [NETUID]);
    const s1 = w.claims.rootStake(HOTKEY, coldkey);
    const inc1 = Number(pending) * (1 - 0.18) * price * 0.1;
    near(s1, rootStake + BigInt(Math.trunc(inc1)), 10_000n);

    w.distribute(pending);
    w.claims.claimRoot(coldkey, swap, [NETUID]);
    const s2 = w.claims.rootStake(HOTKEY, coldkey);
    const rate2 = (Number(rootStake) + inc1) / (Number(rootStake) / 0.1 + inc1);
    const inc2 = Number(pending) * (1 - 0.18) * price * rate2;
    near(s2, s1 + BigInt(Math.trunc(inc2)), 10_000n);

    w.distribute(pending);
    w.claims.claimRoot(coldkey, swap, [NETUID]);
    const s3 = w.claims.rootStake(HOTKEY, coldkey);
    const rate3 = (Number(rootStake) + inc1 + inc2) / (Number(rootStake) / 0.1 + inc1 + inc2);
    near(s3, s2 + BigInt(Math.trunc(Number(pending) * (1 - 0.18) * price * rate3)), 10_000n);
  });
});

describe("auto-claim picker (block_hash_to_indices)", () => {
  const picker = () => world().claims;
  const hash = (s: string) => keccak_256(new TextEncoder().encode(s));

  it("test_claim_root_block_hash_indices: k = 0 picks nothing", () => {
    expect(picker().blockHashToIndices(hash("zero"), 0n, 15_000n)).toEqual([]);
  });
  it("test_claim_root_block_hash_indices: keccak_256(\"some\"), k = 15, n = 15000", () => {
    expect(picker().blockHashToIndices(hash("some"), 15n, 15_000n)).toEqual(
      [265n, 630n, 1286n, 1558n, 4496n, 4861n, 5517n, 5789n, 6803n, 8096n, 9092n, 11034n, 11399n, 12055n, 12327n]);
  });
  it("test_claim_root_block_hash_indices: keccak_256(\"some2\"), k = 15, n = 15000", () => {
    expect(picker().blockHashToIndices(hash("some2"), 15n, 15_000n)).toEqual(
      [61n, 246n, 1440n, 2855n, 3521n, 5236n, 6130n, 6615n, 8511n, 9405n, 9890n, 11786n, 11971n, 13165n, 14580n]);
  });
});

describe("root claim arithmetic at the edges (I96F32 saturation, the threshold)", () => {
  const cc = () => new RootClaimCore(taomath().core);
  const I96_MAX = (1n << 127n) - 1n;

  it("rate × stake saturates at I96F32::MAX and pays u64::MAX", () => {
    const r = cc().owed(I96_MAX, U64_MAX, 0n, 0n);
    expect(r.owed).toBe(I96_MAX);
    expect(r.pays).toBe(U64_MAX);
  });
  it("a RootClaimed at or above 2^95 saturates to I96F32::MAX, so nothing is owed", () => {
    const r = cc().owed(1n << 32n, 5n, 1n << 100n, 0n);
    expect(r.owed).toBe((5n << 32n) - I96_MAX);
    expect(r.pays).toBe(0n);
  });
  it("owed equal to the threshold is claimed; one bit below it is skipped", () => {
    // rate 0.5 on 1_000_001 rao: owed 500_000.5
    expect(cc().owed(1n << 31n, 1_000_001n, 0n, 500_000n).pays).toBe(500_000n);
    expect(cc().owed(1n << 31n, 1_000_000n, 0n, 500_000n).pays).toBe(500_000n);
    expect(cc().owed((1n << 31n) - 1n, 1_000_000n, 0n, 500_000n).pays).toBe(0n);
  });
  it("the RootClaimed shift floors rate × amount: 1.5 × 3 = 4", () => {
    expect(cc().claimedShift(3n << 31n, 3n)).toBe(4n);
  });
  it("a hotkey with no root stake gets a zero increment, and the amount is staked instead when positive", () => {
    expect(cc().addClaimable(7n, 0n, 0n)).toEqual({ rate: 7n, staked: false });
    expect(cc().addClaimable(7n, 1n, 0n)).toEqual({ rate: 7n, staked: true });
  });
  it("block_hash_to_indices with n = 0 picks index 0 (checked_rem gives none, read as 0)", () => {
    expect(cc().blockHashToIndices(new Uint8Array(32).fill(9), 3n, 0n)).toEqual([0n]);
  });
  it("rejects a hash that is not 32 bytes and a rate outside i128, naming the field", () => {
    expect(() => cc().blockHashToIndices(new Uint8Array(31), 1n, 1n)).toThrow(/block_hash/);
    expect(() => cc().owed(1n << 127n, 1n, 0n, 0n)).toThrow(/rate/);
  });
});
