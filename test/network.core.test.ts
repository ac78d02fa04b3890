// The network model's core path (many blocks of the coinbase in one wasm call, the host only for
// epochs of subnets with neurons) against its block-by-block host path: the same snapshot, the
// same report, on networks that exercise every branch of the coinbase.

import { describe, it, expect } from "vitest";
import { taomath } from "../src/index.js";
import { Network, exampleNetworkSnapshot } from "../src/network/index.js";
import { neuronsFor } from "./helpers/network.js";

const ONE96 = 1n << 32n;
const plain = (x: unknown) => JSON.stringify(x, (_k, v) => (typeof v === "bigint" ? v.toString() : v));

function rich() {
  const subnets: any[] = [];
  [[1, 10, 16, 4, 1n], [2, 13, 12, 3, 3n], [3, 7, 12, 3, 2n]].forEach(([netuid, tempo, n, v, ema]) => {
    const { neurons, stakes, staked } = neuronsFor(Number(netuid), Number(n), Number(v));
    subnets.push({
      netuid, mechanism: 1, owner_hotkey: `hk-${netuid}-0`, tempo, last_epoch_block: String(4_000_000 - Number(netuid)),
      first_emission_block_number: "100", tao_reserve: String(20_000_000_000_000n * BigInt(ema)), alpha_reserve: "900000000000000",
      alpha_out: staked.toString(), moving_price: String((ONE96 * BigInt(ema)) / 10n), stakes, neurons, owners: { [`hk-${netuid}-1`]: "ck-v1" },
    });
  });
  // children on subnet 1, nominators on subnet 2, a second mechanism on subnet 3
  subnets[0].children = { "hk-1-1": [[((1n << 64n) / 2n).toString(), "hk-1-2"]] };
  subnets[0].childkey_takes = { "hk-1-2": 5_000 };
  const total = BigInt(subnets[1].stakes["hk-2-1"]);
  subnets[1].nominators = { "hk-2-1": { "ck-v1": (total - total / 3n).toString(), alice: (total / 3n).toString() } };
  const m0 = subnets[2].neurons;
  m0.extra_mechanisms = [{ weights: m0.weights.map((r: unknown[]) => (r.length ? [[8, 65535]] : [])), bonds: m0.weights.map(() => []), last_update: m0.last_update }];
  // a subnet with duplicate hotkeys (its epochs are skipped), one without uids, a stable one, one not started
  const dup = neuronsFor(4, 8, 2);
  dup.neurons.hotkeys[7] = dup.neurons.hotkeys[6];
  subnets.push({ netuid: 4, mechanism: 1, tempo: 9, first_emission_block_number: "100", tao_reserve: "3000000000000", alpha_reserve: "1000000000000000",
    alpha_out: dup.staked.toString(), stakes: dup.stakes, neurons: dup.neurons, moving_price: String(ONE96 / 50n) });
  subnets.push({ netuid: 5, mechanism: 1, tempo: 6, first_emission_block_number: "100", tao_reserve: "3000000000000", alpha_reserve: "1000000000000000",
    alpha_out: "4000000000000000", stakes: { big: "4000000000000000" }, moving_price: String(ONE96 / 50n), pal_swap_initialized: false });
  subnets.push({ netuid: 6, mechanism: 0, tempo: 5, first_emission_block_number: "100", tao_reserve: "1000000000", alpha_reserve: "1000000000000", alpha_out: "0" });
  subnets.push({ netuid: 7, mechanism: 1, tempo: 5, first_emission_block_number: null, tao_reserve: "1000000000", alpha_reserve: "1000000000", alpha_out: "0" });
  return {
    block: "4000000", total_issuance: "7000000000000000", root_tao: "2000000000000000", max_epochs_per_block: 1,
    ck_burn: ((1n << 64n) / 10n).toString(), subnets, root_stakes: { "hk-1-1": "500000000000000", "hk-2-0": "300000000000000" },
  };
}

function same(snapshot: unknown, blocks: number) {
  const core = Network.fromSnapshot(taomath(), snapshot), host = Network.fromSnapshot(taomath(), snapshot);
  const a = core.step(blocks), b = host.step(blocks, undefined, { hostOnly: true });
  return { core, host, a, b };
}

describe("network model: core path = host path", () => {
  it("on a network with children, nominators, two mechanisms, a skipped subnet, deferrals, a stable and an unstarted subnet (600 blocks)", () => {
    const { core, host, a, b } = same(rich(), 600);
    expect(a.violations).toEqual([]);
    expect(b.violations).toEqual([]);
    expect(plain(core.snapshot())).toBe(plain(host.snapshot()));
    expect(plain(a)).toBe(plain(b));
    expect(a.epochs.some((e) => e.outcome === "deferred")).toBe(true);
    expect(a.epochs.some((e) => e.outcome === "skipped")).toBe(true);
  });

  it("on the example network (3000 blocks)", () => {
    const { core, host, a, b } = same(exampleNetworkSnapshot(taomath()), 3000);
    expect(plain(core.snapshot())).toBe(plain(host.snapshot()));
    expect(plain(a)).toBe(plain(b));
  });

  it("continues identically after a snapshot taken between core calls", () => {
    const a = Network.fromSnapshot(taomath(), rich());
    a.step(123);
    const b = Network.fromSnapshot(taomath(), JSON.parse(JSON.stringify(a.snapshot())));
    a.step(77); b.step(77, undefined, { hostOnly: true });
    expect(plain(b.snapshot())).toBe(plain(a.snapshot()));
  });

  it("reports a broken ledger on the first block on both paths (the core's per-block check is live)", () => {
    for (const hostOnly of [false, true]) {
      const net = Network.fromSnapshot(taomath(), rich());
      net.state.subnets.find((x) => x.netuid === 5)!.alpha_out += 1n; // one alpha rao nobody owns
      const r = net.step(3, undefined, { hostOnly });
      expect(r.violations.length).toBeGreaterThan(0);
      expect(r.violations[0]).toMatch(/^block 4000001: .*(ledger|subnet 5)/);
    }
  });

  it("calls onBlock with the last block done", () => {
    const net = Network.fromSnapshot(taomath(), rich());
    const seen: bigint[] = [];
    net.step(50, undefined, { onBlock: (b) => seen.push(b) });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[seen.length - 1]).toBe(4_000_050n);
  });
});
