// The effect preview: the epoch run twice, with the stored rows and with the proposed row.

import { describe, it, expect } from "vitest";
import { taomath, epochInputFromJson } from "../src/index.js";
import { previewWeights, whatIfReveal, storedRow } from "../src/weights/index.js";
import { readShared, sharedPresent } from "./helpers/shared.js";

const tm = taomath();

describe.skipIf(!sharedPresent)("previewWeights / whatIfReveal on epoch vector 004_small_sparse_classic", () => {
  const input = () => epochInputFromJson(readShared("vectors", "epoch", "004_small_sparse_classic.json"));

  it("revealing the row already stored changes nothing", () => {
    const inp = input();
    const row = inp.weights[1];
    const e = whatIfReveal(tm, inp, 1, row.map(([u]) => u), row.map(([, v]) => v));
    expect(e.dividends.change).toBe(0);
    expect(e.validator_emission.change).toBe(0n);
    expect(e.miners).toEqual([]);
  });

  it("the second run is exactly the epoch on the state with the stored row substituted", () => {
    const inp = input();
    const e = whatIfReveal(tm, inp, 1, [7, 5], [1, 3]);
    expect(e.stored_row).toEqual(storedRow(tm, [7, 5], [1, 3]));
    const direct = tm.runEpoch({ ...inp, weights: inp.weights.map((r, i) => (i === 1 ? e.stored_row : r)) });
    expect(e.after).toEqual(direct);
    expect(e.before).toEqual(tm.runEpoch(inp));
  });

  it("reports the validator's dividend change and each changed miner's incentive", () => {
    const inp = input();
    const e = whatIfReveal(tm, inp, 1, [5], [1]);
    expect(e.dividends.change).toBe(e.after.dividends[1] - e.before.dividends[1]);
    for (const m of e.miners) {
      expect(m.incentive_change).toBe(e.after.incentive[m.uid] - e.before.incentive[m.uid]);
      expect(m.emission_change).toBe(e.after.server_emission[m.uid] - e.before.server_emission[m.uid]);
    }
    const changed = [...Array(inp.n).keys()].filter((j) => e.after.incentive[j] !== e.before.incentive[j]);
    expect(e.miners.map((m) => m.uid)).toEqual(expect.arrayContaining(changed));
    expect(changed.length).toBeGreaterThan(0);
  });

  it("a direct set_weights (commit-reveal off) also moves LastUpdate to the current block", () => {
    const inp = input();
    inp.last_update = inp.last_update.map(() => "0");
    const e = previewWeights(tm, inp, 1, [5], [1]);
    const direct = tm.runEpoch({ ...inp, weights: inp.weights.map((r, i) => (i === 1 ? [[5, 65535]] : r)), last_update: inp.last_update.map((x, i) => (i === 1 ? inp.current_block : x)) });
    expect(e.after).toEqual(direct);
  });

  it("rejects a validator uid outside the subnet", () => {
    expect(() => whatIfReveal(tm, input(), 99, [0], [1])).toThrow(/not a uid/);
  });
});
