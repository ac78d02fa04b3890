// The network model runs its epochs in the typed form, keeping each subnet's converted neuron arrays
// (weights, bonds, stakes, permits) between epochs. A run that keeps them must end in the state of
// a run that converts everything afresh from the plain snapshot before every few blocks, and each
// payout's epoch must be runEpoch's on the plain input.

import { describe, it, expect } from "vitest";
import { taomath } from "../src/index.js";
import { Network } from "../src/network/index.js";
import { neuronsFor } from "./helpers/network.js";
import { snapshotAtRuntime } from "../src/network/state.js";

const plain = (x: unknown) => JSON.stringify(x, (_k, v) => (typeof v === "bigint" ? v.toString() : v));

const ONE96 = 1n << 32n;

/** Two dynamic subnets of example neurons whose bonds start empty, so that every epoch changes them. */
function network(): Record<string, unknown> {
  const subnets = ([[1, 10, 16, 4, 1n], [2, 13, 12, 3, 3n]] as const).map(([netuid, tempo, n, v, ema]) => {
    const { neurons, stakes, staked } = neuronsFor(netuid, n, v);
    neurons.bonds = neurons.bonds.map(() => []);
    return {
      netuid, mechanism: 1, owner_hotkey: `hk-${netuid}-0`, tempo, last_epoch_block: String(4_000_000 - netuid), first_emission_block_number: "100",
      tao_reserve: String(20_000_000_000_000n * ema), alpha_reserve: "900000000000000", alpha_out: staked.toString(),
      moving_price: String((ONE96 * ema) / 10n), stakes, neurons,
    };
  });
  return { block: "4000000", total_issuance: "7000000000000000", root_tao: "2000000000000000", subnets };
}

describe("network model epochs in the typed form", () => {
  for (const runtime of ["425", "473"]) {
    it(`at ${runtime}, kept typed arrays give the snapshot of a run reloaded from its plain snapshot every 7 blocks`, () => {
      const tm = taomath();
      const snap = snapshotAtRuntime(network(), runtime, "runtime");
      const kept = Network.fromSnapshot(tm, snap);
      const report = kept.step(70);
      expect(report.violations).toEqual([]);
      expect(report.epochs.filter((e) => e.outcome === "ran").length).toBeGreaterThanOrEqual(10);
      // the bonds moved: the run is not at a fixed point where stale bonds would pass unseen
      expect(kept.state.subnets.some((n) => n.neurons?.bonds.some((r) => r.length > 0))).toBe(true);
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
    const net = Network.fromSnapshot(tm, network());
    net.step(12);
    let checked = 0;
    // the next epoch of each subnet, from the state before it, through the plain path
    for (let b = 0; b < 30; b++) {
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
