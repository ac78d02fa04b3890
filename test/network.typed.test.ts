// The network model runs its epochs in the typed form, keeping each subnet's converted neuron arrays
// (weights, bonds, stakes, permits) between epochs. A run that keeps them must end in the state of
// a run that converts everything afresh from the plain snapshot before every few blocks, and each
// payout's epoch must be runEpoch's on the plain input.

import { describe, it, expect } from "vitest";
import { taomath } from "../src/index.js";
import { Network, syntheticNetworkSnapshot } from "../src/network/index.js";
import { snapshotAtRuntime } from "../src/network/state.js";

const plain = (x: unknown) => JSON.stringify(x, (_k, v) => (typeof v === "bigint" ? v.toString() : v));

describe("network model epochs in the typed form", () => {
  for (const runtime of ["425", "473"]) {
    it(`at ${runtime}, kept typed arrays give the snapshot of a run reloaded from its plain snapshot every 7 blocks`, () => {
      const tm = taomath();
      const snap = snapshotAtRuntime(syntheticNetworkSnapshot(tm, { subnets: 5, uids: 24, tempo: 6 }), runtime, "runtime");
      const kept = Network.fromSnapshot(tm, snap);
      const report = kept.step(70);
      expect(report.violations).toEqual([]);
      expect(report.epochs.filter((e) => e.outcome === "ran").length).toBeGreaterThan(30);
      let fresh = Network.fromSnapshot(tm, snap);
      for (let b = 0; b < 70; b += 7) {
        fresh.step(7);
        fresh = Network.fromSnapshot(tm, JSON.parse(plain(fresh.snapshot())));
      }
      expect(plain(kept.snapshot())).toBe(plain(fresh.snapshot()));
    });
  }

  it("records each payout's epoch as runEpoch gives it on the plain input of that block", () => {
    const tm = taomath();
    const net = Network.fromSnapshot(tm, syntheticNetworkSnapshot(tm, { subnets: 2, uids: 16, tempo: 4 }));
    net.step(12);
    let checked = 0;
    // the next epoch of each subnet, from the state before it, through the plain path
    for (let b = 0; b < 6; b++) {
      const blockBefore = net.state.block;
      const stakesBefore = new Map(net.state.subnets.map((s) => [s.netuid, new Map(s.stakes)]));
      const neuronsBefore = new Map(net.state.subnets.map((s) => [s.netuid, JSON.parse(plain(s.neurons))]));
      const r = net.step(1);
      for (const e of r.epochs.filter((x) => x.outcome === "ran")) {
        const rec = net.payouts.get(e.netuid)!;
        expect(rec.block).toBe(blockBefore + 1n);
        const nn = neuronsBefore.get(e.netuid);
        const s = net.state.subnets.find((x) => x.netuid === e.netuid)!;
        const { hotkeys, takes: _t, ...fields } = nn;
        void _t;
        const stakes = stakesBefore.get(e.netuid)!;
        const input = {
          ...fields, n: hotkeys.length, current_block: blockBefore + 1n, last_mechanism_step_block: s.last_mechanism_step_block,
          last_update: hotkeys.map((_: string, uid: number) => (nn.weights[uid]?.length ? blockBefore + 1n : BigInt(nn.last_update[uid] ?? 0))),
          alpha_stake: hotkeys.map((h: string) => stakes.get(h) ?? 0n), tao_weight: net.state.tao_weight,
          // bonds, incentive and dividends do not depend on the emission's size
          rao_emission: 1_000_000_000n,
        };
        const want = tm.runEpoch(input as never);
        expect(plain(rec.epoch!.bonds)).toBe(plain(want.bonds));
        expect(plain(rec.epoch!.incentive)).toBe(plain(want.incentive));
        expect(plain(rec.epoch!.dividends)).toBe(plain(want.dividends));
        expect(plain(s.neurons!.bonds)).toBe(plain(want.bonds));
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });
});
