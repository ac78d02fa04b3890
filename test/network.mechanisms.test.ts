// Subnets with several incentive mechanisms in the network model: each due epoch runs
// epoch_with_mechanisms (split_emissions, one epoch per mechanism, terms summed per uid).

import { describe, it, expect } from "vitest";
import { taomath } from "../src/index.js";
import { Network } from "../src/network/index.js";
import { neuronsFor } from "./helpers/network.js";

function snapshot(extra: unknown[] | undefined, split: number[] | null | undefined) {
  const { neurons, stakes, staked } = neuronsFor(1, 16, 4);
  const nn: any = { ...neurons };
  if (extra !== undefined) nn.extra_mechanisms = extra;
  if (split !== undefined) nn.mechanism_emission_split = split;
  return {
    block: "4000000", total_issuance: "7000000000000000", root_tao: "0",
    subnets: [{ netuid: 1, mechanism: 0, owner_hotkey: "hk-1-0", tempo: 10, last_epoch_block: "3999999", first_emission_block_number: "100",
      tao_reserve: "5000000000000", alpha_reserve: "900000000000000", alpha_out: staked.toString(), moving_price: "0", stakes, neurons: nn }],
  };
}

/** Mechanism 1: the same validators weigh only the last miner. */
function otherWeights() {
  const { neurons } = neuronsFor(1, 16, 4);
  const last = 13;
  return {
    weights: neurons.weights.map((row: unknown[]) => (row.length ? [[last, 65535]] : [])),
    bonds: neurons.weights.map(() => []),
    last_update: neurons.last_update,
  };
}

describe("network model with several mechanisms per subnet", () => {
  it("with the whole split on mechanism 0, pays exactly what the single-mechanism subnet pays", () => {
    const one = Network.fromSnapshot(taomath(), snapshot(undefined, undefined));
    const two = Network.fromSnapshot(taomath(), snapshot([otherWeights()], [65535, 0]));
    one.step(60); two.step(60);
    expect([...two.state.subnets[0].stakes]).toEqual([...one.state.subnets[0].stakes]);
  });

  it("pays the miner that mechanism 1 weighs alone more once the split gives mechanism 1 emission", () => {
    const last = "hk-1-13";
    const only0 = Network.fromSnapshot(taomath(), snapshot([otherWeights()], [65535, 0]));
    const half = Network.fromSnapshot(taomath(), snapshot([otherWeights()], [32768, 32767]));
    only0.step(60); half.step(60);
    const gain = (n: Network) => n.state.subnets[0].stakes.get(last)! - BigInt(snapshot(undefined, undefined).subnets[0].stakes[last]);
    expect(gain(half)).toBeGreaterThan(gain(only0));
  });

  it("conserves TAO and alpha on every block with an even split over 1000 blocks, and keeps mechanism 1's bonds", () => {
    const net = Network.fromSnapshot(taomath(), snapshot([otherWeights()], null));
    const r = net.step(1000);
    expect(r.violations).toEqual([]);
    const m1 = net.state.subnets[0].neurons!.extra_mechanisms![0];
    expect(m1.bonds.some((row) => row.length > 0)).toBe(true);
    // and the snapshot carries the mechanisms through JSON
    const again = Network.fromSnapshot(taomath(), JSON.parse(JSON.stringify(net.snapshot())));
    expect(again.state.subnets[0].neurons!.extra_mechanisms!.length).toBe(1);
  });

  it("rejects a mechanism whose weights do not have one row per uid, naming the subnet and mechanism", () => {
    const m = otherWeights();
    m.weights = m.weights.slice(1);
    expect(() => Network.fromSnapshot(taomath(), snapshot([m], null))).toThrow(/extra_mechanisms\[0\]\.weights/);
    expect(() => Network.fromSnapshot(taomath(), snapshot([otherWeights()], [65535]))).toThrow(/mechanism_emission_split/);
  });
});
