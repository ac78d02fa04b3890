// Root dividends in the network model: epochs raise each hotkey's RootClaimable rate
// (increase_root_claimable_for_hotkey_and_subnet), the alpha waits in the subnet's root_unclaimed,
// and Network.claimRoot pays a coldkey as root_claim_on_subnet does (Keep: alpha staked under the
// hotkey; Swap: sold on the Balancer pool fee-free and staked on root).

import { describe, it, expect } from "vitest";
import { taomath, TaomathError, exampleSubnet } from "../src/index.js";
import { Network, estimateReturns, RootClaimCore } from "../src/network/index.js";
import { quoteUnstake } from "../src/pool/index.js";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { neuronsFor } from "./helpers/network.js";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const cli = fileURLToPath(new URL("../node/cli.mjs", import.meta.url));

const ONE96 = 1n << 32n;
const plain = (x: unknown) => JSON.stringify(x, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
const ROOT_HK = "hk-1-1";

function snapshot(): any {
  const { neurons, stakes, staked } = neuronsFor(1, 16, 4);
  return {
    block: "4000000", total_issuance: "7000000000000000", root_tao: "2000000000000000",
    root_stakes: { [ROOT_HK]: "400000000000000" },
    root_claims: { stakes: { [ROOT_HK]: { alice: "100000000000000", bob: "300000000000000" } }, claim_types: { bob: "keep" } },
    subnets: [{
      netuid: 1, mechanism: 1, owner_hotkey: "hk-1-0", tempo: 10, last_epoch_block: "3999995", first_emission_block_number: "100",
      tao_reserve: "20000000000000", alpha_reserve: "900000000000000", alpha_out: staked.toString(), moving_price: String(2n * ONE96), // Σ EMA price > 1: the network sells root alpha
      stakes, neurons,
    }],
  };
}

function run(blocks = 200) {
  const tm = taomath();
  const net = Network.fromSnapshot(tm, snapshot());
  const r = net.step(blocks);
  expect(r.violations).toEqual([]);
  return { tm, net, sub: net.state.subnets[0] };
}

describe("network model: root dividends become RootClaimable rates", () => {
  it("epochs give the root-staked hotkey a rate on the subnet and keep the alpha in root_unclaimed", () => {
    const { net, sub } = run();
    expect(net.claims.rate(ROOT_HK, 1)).toBeGreaterThan(0n);
    expect(sub.root_unclaimed).toBeGreaterThan(0n);
  });

  it("what its coldkeys are owed is split by their root stake (bob 3x alice, to the rao of flooring)", () => {
    const { net } = run();
    const a = net.claims.owed(ROOT_HK, "alice", 1, true).pays, b = net.claims.owed(ROOT_HK, "bob", 1, true).pays;
    expect(a).toBeGreaterThan(0n);
    expect(b - 3n * a).toBeGreaterThanOrEqual(-3n);
    expect(b - 3n * a).toBeLessThanOrEqual(3n);
  });

  it("the owed amounts never exceed what the hotkey's root dividends left in root_unclaimed", () => {
    const { net, sub } = run();
    const a = net.claims.owed(ROOT_HK, "alice", 1, true).pays, b = net.claims.owed(ROOT_HK, "bob", 1, true).pays;
    expect(a + b).toBeLessThanOrEqual(sub.root_unclaimed);
  });
});

describe("network model: claimRoot", () => {
  it("Keep: bob's owed alpha is staked under the hotkey, leaves root_unclaimed, and is recorded in RootClaimed", () => {
    const { net, sub } = run();
    const owed = net.claims.owed(ROOT_HK, "bob", 1).pays;
    const stakeBefore = sub.stakes.get(ROOT_HK)!, unclaimedBefore = sub.root_unclaimed;
    const [r] = net.claimRoot("bob", [1]);
    expect(r).toMatchObject({ mode: "keep", alpha: owed, tao: 0n });
    expect(sub.stakes.get(ROOT_HK)).toBe(stakeBefore + owed);
    expect(sub.root_unclaimed).toBe(unclaimedBefore - owed);
    expect(net.claims.rootClaimed(1, ROOT_HK, "bob")).toBe(owed);
    expect(net.claims.owed(ROOT_HK, "bob", 1, true).pays).toBe(0n);
  });

  it("Swap (the default): alice's alpha is sold fee-free on the pool and the TAO staked on root", () => {
    const { tm, net, sub } = run();
    const owed = net.claims.owed(ROOT_HK, "alice", 1).pays;
    const q = quoteUnstake({ taoReserve: sub.tao_reserve, alphaReserve: sub.alpha_reserve, quoteWeight: sub.quote_weight, feeRate: 0 }, owed, { taomath: tm });
    const before = { tao: sub.tao_reserve, alpha: sub.alpha_reserve, out: sub.alpha_out, root: net.state.root_tao };
    const [r] = net.claimRoot("alice");
    expect(r).toMatchObject({ mode: "swap", alpha: owed, tao: q.amountOut });
    expect(sub.tao_reserve).toBe(before.tao - q.amountOut);
    expect(sub.alpha_reserve).toBe(before.alpha + owed);
    expect(sub.alpha_out).toBe(before.out - owed);
    expect(net.state.root_tao).toBe(before.root + q.amountOut);
    expect(net.state.root_stakes.get(ROOT_HK)).toBe(400_000_000_000_000n + q.amountOut);
    expect(net.claims.rootStake(ROOT_HK, "alice")).toBe(100_000_000_000_000n + q.amountOut);
    // the new root stake is not owed the dividends paid before it arrived
    expect(net.claims.owed(ROOT_HK, "alice", 1, true).pays).toBe(0n);
  });

  it("a claim whose swap the pool refuses changes nothing (the chain rolls the call back)", () => {
    const { net } = run();
    net.claimRoot("bob"); // a Keep claim first, in its own call
    const sub = net.state.subnets[0];
    sub.tao_reserve = 1_000_000n; // at MinimumReserve: the pool cannot pay out TAO
    const before = plain(net.snapshot());
    expect(() => net.claimRoot("alice")).toThrow(/swap of .* alpha failed/);
    expect(plain(net.snapshot())).toBe(before);
  });

  it("the network keeps conserving TAO and alpha after claims, and snapshots carry the claims ledger", () => {
    const { tm, net } = run();
    net.claimRoot("alice"); net.claimRoot("bob");
    expect(net.step(100).violations).toEqual([]);
    const snap = net.snapshot();
    expect(plain(Network.fromSnapshot(tm, snap).snapshot())).toBe(plain(snap));
  });

  it("the core path and the host path give the same rates and claims", () => {
    const core = Network.fromSnapshot(taomath(), snapshot()), host = Network.fromSnapshot(taomath(), snapshot());
    core.step(150); host.step(150, undefined, { hostOnly: true });
    expect(plain(core.snapshot())).toBe(plain(host.snapshot()));
  });
});

describe("network model: claim_root.rs through the coinbase", () => {
  it("test_claim_root_with_run_coinbase: tempo 1, EMA price 2 (root sell on), pool price 10, threshold 0: after run_coinbase(mint 1_000_000) a Keep claim stakes > 0", () => {
    const { neurons, stakes, staked } = neuronsFor(1, 16, 4);
    // as in the chain test, the hotkey is the only root staker
    neurons.tao_stake = neurons.hotkeys.map((h: string) => (h === ROOT_HK ? "200000000" : "0"));
    const net = Network.fromSnapshot(taomath(), {
      block: "1", total_issuance: "0", tao_weight: ((1n << 64n) - 1n).toString(), root_tao: "200000000",
      root_stakes: { [ROOT_HK]: "200000000" },
      root_claims: { stakes: { [ROOT_HK]: { "1003": "200000000" } }, claim_types: { "1003": "keep" }, thresholds: { "1": "0" } },
      subnets: [{
        netuid: 1, mechanism: 1, owner_hotkey: "hk-1-0", tempo: 1, last_epoch_block: "0", first_emission_block_number: "1",
        tao_reserve: "10000000000000", alpha_reserve: "1000000000000", alpha_out: staked.toString(), moving_price: String(2n * ONE96),
        stakes, neurons,
      }],
    });
    const r = net.runCoinbase(1_000_000n);
    expect(r.violations).toEqual([]);
    expect(r.epochs.some((e) => e.outcome === "ran")).toBe(true);
    const before = net.state.subnets[0].stakes.get(ROOT_HK)!;
    const [c] = net.claimRoot("1003", [1]);
    expect(c.mode).toBe("keep");
    expect(c.alpha).toBeGreaterThan(0n);
    expect(net.state.subnets[0].stakes.get(ROOT_HK)).toBe(before + c.alpha);
  });
});

describe("network model: run_auto_claim_root_divs", () => {
  const blockHash = (b: bigint) => keccak_256(new TextEncoder().encode(`block ${b}`));

  it("with NumRootClaim 0 nothing is claimed and the state equals the run without auto-claims", () => {
    const a = Network.fromSnapshot(taomath(), snapshot()), b = Network.fromSnapshot(taomath(), snapshot());
    const r = a.step(150, undefined, { autoClaim: { blockHash, numRootClaim: 0 } });
    b.step(150);
    expect(r.root_claims).toEqual([]);
    expect(plain(a.snapshot())).toBe(plain(b.snapshot()));
  });

  it("each block claims for the coldkeys block_hash_to_indices picks from the parent hash, and TAO and alpha stay conserved", () => {
    const net = Network.fromSnapshot(taomath(), snapshot());
    const r = net.step(300, undefined, { autoClaim: { blockHash, numRootClaim: 1 } });
    expect(r.violations).toEqual([]);
    expect(r.root_claims!.length).toBeGreaterThan(0);
    const cc = new RootClaimCore(taomath().core), coldkeys = ["alice", "bob"];
    for (const c of r.root_claims!) {
      const picked = cc.blockHashToIndices(blockHash(c.block - 1n), 1n, 2n).map((i) => coldkeys[Number(i)]);
      expect(picked).toContain(c.coldkey);
    }
    expect(new Set(r.root_claims!.map((c) => c.mode))).toEqual(new Set(["keep", "swap"]));
  });
});

describe("estimateReturns for a root staker", () => {
  it("reports the root dividends a coldkey could claim at the end, equal to the model's owed amount, with a TAO rate on its root stake", () => {
    const e = estimateReturns(taomath(), snapshot(), { coldkey: "alice" }, 200);
    const { net } = run(200);
    const owed = net.claims.owed(ROOT_HK, "alice", 1, true).pays;
    expect(e.root_dividends).toHaveLength(1);
    expect(e.root_dividends![0]).toMatchObject({ netuid: 1, hotkey: ROOT_HK, root_stake: 100_000_000_000_000n, alpha_earned: owed });
    expect(e.root_dividends![0].annualized_rate).toBeGreaterThan(0);
    expect(e.assumptions.some((a) => a.startsWith("root dividends are what the coldkey could claim"))).toBe(true);
  });
});

describe("network model: claim_root.rs coinbase distribution", () => {
  // the mock runtime: owner cut 0, TAO weight 1, block emission 1e9 at issuance 0; one subnet whose
  // owner hotkey 1002 is its only neuron, 10_000_000 alpha staked by the owner, 2e8 root stake by 1003
  function mockSubnet() {
    const x: any = exampleSubnet(taomath(), { n: 1, validators: 1, seed: 7 });
    const { n: _n, alpha_stake: _a, current_block: _c, rao_emission: _r, last_mechanism_step_block: _l, ...rest } = x;
    void _n; void _a; void _c; void _r; void _l;
    const neurons = { ...rest, tempo: 2, hotkeys: ["1002"], tao_stake: ["200000000"], last_update: ["1"], block_at_registration: ["0"] };
    return {
      block: "1", total_issuance: "0", subnet_owner_cut: 0, tao_weight: ((1n << 64n) - 1n).toString(), root_tao: "200000000",
      root_claims: { stakes: { "1002": { "1003": "200000000" } }, thresholds: { "1": "0" } },
      subnets: [{
        netuid: 1, mechanism: 1, owner_hotkey: "1002", owners: { "1002": "1001" }, tempo: 2, last_epoch_block: "1", first_emission_block_number: "1",
        tao_reserve: "100000000000", alpha_reserve: "100000000000", alpha_out: "10000000", moving_price: String(2n * ONE96),
        stakes: { "1002": "10000000" }, neurons: JSON.parse(plain(neurons)),
      }],
    };
  }

  it("test_claim_root_coinbase_distribution: block 2 grows alpha issuance by [1e9, 2e9) and pends 1e9·root_prop·0.5 root alpha (±100); block 3's epoch drains it into a rate of 2·pending·0.82/2e8 (±0.001)", () => {
    const net = Network.fromSnapshot(taomath(), mockSubnet());
    const s = net.state.subnets[0];
    const issuance0 = s.alpha_reserve + s.alpha_out;
    expect(net.step(1).violations).toEqual([]);
    const issuance = s.alpha_reserve + s.alpha_out, growth = issuance - issuance0;
    expect(growth).toBeGreaterThanOrEqual(1_000_000_000n);
    expect(growth).toBeLessThan(2_000_000_000n);
    const rootProp = 200_000_000 / (Number(issuance) + 200_000_000);
    const expectedPending = 1e9 * rootProp * 0.5;
    expect(Math.abs(Number(s.pending_root) - expectedPending)).toBeLessThanOrEqual(100);
    const r = net.step(1);
    expect(r.violations).toEqual([]);
    expect(r.epochs).toEqual([{ block: 3n, netuid: 1, outcome: "ran" }]);
    expect(s.pending_root).toBe(0n);
    const rate = Number(net.claims.rate("1002", 1)) / 2 ** 32;
    expect(Math.abs(rate - (expectedPending * 2 * (1 - 0.18)) / 200_000_000)).toBeLessThan(0.001);
  });
});

describe("network model: claim_root.rs auto-claim", () => {
  it("test_claim_root_with_block_emissions: tempo 1, EMA price 2, pool price 10, threshold 0, Keep, one staking coldkey: block 2's auto-claim stakes > 0 alpha", () => {
    const x: any = exampleSubnet(taomath(), { n: 1, validators: 1, seed: 7 });
    const { n: _n, alpha_stake: _a, current_block: _c, rao_emission: _r, last_mechanism_step_block: _l, ...rest } = x;
    void _n; void _a; void _c; void _r; void _l;
    const neurons = { ...rest, tempo: 1, hotkeys: ["1002"], tao_stake: ["200000000"], last_update: ["1"], block_at_registration: ["0"] };
    const net = Network.fromSnapshot(taomath(), {
      block: "1", total_issuance: "0", subnet_owner_cut: 0, tao_weight: ((1n << 64n) - 1n).toString(), root_tao: "200000000",
      root_claims: { stakes: { "1002": { "1003": "200000000" } }, thresholds: { "1": "0" }, claim_types: { "1003": "keep" }, staking_coldkeys: ["1003"] },
      subnets: [{
        netuid: 1, mechanism: 1, owner_hotkey: "1002", owners: { "1002": "1001" }, tempo: 1, last_epoch_block: "1", first_emission_block_number: "1",
        tao_reserve: "10000000000000", alpha_reserve: "1000000000000", alpha_out: "10000000", moving_price: String(2n * ONE96),
        stakes: { "1002": "10000000" }, neurons: JSON.parse(plain(neurons)),
      }],
    });
    // with one staking coldkey every index is 0, whatever the hash
    const r = net.step(1, undefined, { autoClaim: { blockHash: (b) => keccak_256(new TextEncoder().encode(String(b))) } });
    expect(r.violations).toEqual([]);
    expect(r.root_claims!.map((c) => [c.coldkey, c.mode])).toEqual([["1003", "keep"]]);
    expect(r.root_claims![0].alpha).toBeGreaterThan(0n);
    expect(net.state.subnets[0].stakes.get("1002")).toBeGreaterThan(10_000_000n);
  });
});

describe("network model: root claim input", () => {
  it("rejects per-coldkey root stakes that do not sum to the hotkey's root stake, naming the hotkey", () => {
    const s = snapshot();
    s.root_claims.stakes[ROOT_HK].bob = "1";
    expect(() => Network.fromSnapshot(taomath(), s)).toThrow(/root_claims\.stakes\[hk-1-1\]/);
  });
  it("rejects an unknown claim type, naming the coldkey", () => {
    const s = snapshot();
    s.root_claims.claim_types.bob = "burn";
    expect(() => Network.fromSnapshot(taomath(), s)).toThrow(TaomathError);
    expect(() => Network.fromSnapshot(taomath(), s)).toThrow(/claim_types\[bob\]/);
  });
  it("test_sudo_set_num_root_claims: NumRootClaim above MAX_NUM_ROOT_CLAIMS (50) is refused, 27 is accepted", () => {
    const blockHash = () => new Uint8Array(32);
    expect(() => Network.fromSnapshot(taomath(), snapshot()).step(1, undefined, { autoClaim: { blockHash, numRootClaim: 51 } })).toThrow(/numRootClaim/);
    expect(Network.fromSnapshot(taomath(), snapshot()).step(1, undefined, { autoClaim: { blockHash, numRootClaim: 27 } }).violations).toEqual([]);
  });

  it("claim_root naming more than 5 subnets is refused", () => {
    const { net } = run(10);
    expect(() => net.claimRoot("bob", [1, 2, 3, 4, 5, 6])).toThrow(TaomathError);
  });
});

describe("taomath network --claim", () => {
  it("claims each coldkey after the run: the JSON lists the claims and the written snapshot carries the ledger", () => {
    const dir = mkdtempSync(join(tmpdir(), "taomath-claim-"));
    try {
      const file = join(dir, "net.json"), out = join(dir, "next.json");
      writeFileSync(file, plain(snapshot()));
      const r = JSON.parse(execFileSync(process.execPath, [cli, "network", file, "--blocks", "200", "--claim", "bob", "--claim", "alice", "--out", out, "--json"], { encoding: "utf8" }));
      expect(r.violations).toEqual([]);
      expect(r.claims.map((c: any) => [c.coldkey, c.mode])).toEqual([["bob", "keep"], ["alice", "swap"]]);
      // the same run in the library gives the same claims
      const net = Network.fromSnapshot(taomath(), snapshot());
      net.step(200);
      const lib = [...net.claimRoot("bob"), ...net.claimRoot("alice")];
      expect(r.claims.map((c: any) => c.alpha)).toEqual(lib.map((c) => c.alpha.toString()));
      expect(JSON.parse(readFileSync(out, "utf8")).root_claims.claimed.length).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
