// The lab's named chain scenarios reproduce subtensor's Yuma3 dividend tables (tests/epoch.rs
// test_yuma_3_*, already replayed on the mock in epoch.upstream.test.ts): same numbers, from
// scenarios built only from stakes, switch epochs and hyperparameters.

import { describe, it, expect } from "vitest";
import { taomath, type EpochResult } from "../src/index.js";
import { runScenarioExact } from "../src/simulate/runner.js";
import { namedScenario } from "../src/simulate/library.js";

function run(name: string) {
  const outs: EpochResult[] = [];
  runScenarioExact(taomath(), namedScenario(name), {}, { onEpoch: (_e, _i, o) => outs.push(o) });
  return outs;
}

const tables: Array<[string, number[][]]> = [
  ["yuma3-kappa-moves-first", [[52428, 6553, 6553], [65535, 0, 0], [61486, 4048, 0], [57796, 5068, 2669], [56122, 5531, 3881], [55170, 5795, 4569]]],
  ["yuma3-kappa-moves-second", [[52428, 6553, 6553], [55350, 3266, 6918], [45007, 20527, 0], [48632, 13700, 3201], [49969, 11183, 4382], [50661, 9879, 4993]]],
  ["yuma3-kappa-moves-last", [[52428, 6553, 6553], [55350, 3266, 6918], [58761, 2181, 4592], [30561, 21034, 13938], [39164, 15337, 11033], [43202, 12663, 9669]]],
  ["yuma3-one-epoch-switch", [[21626, 21626, 22281], [21626, 21626, 22281], [24784, 24784, 15965], [23773, 23773, 17988], [23209, 23209, 19116], [22851, 22851, 19832]]],
  ["yuma3-liquid-alpha-disabled", [[21626, 21626, 22281], [21626, 21626, 22281], [24470, 24470, 16593], [23662, 23662, 18209], [23203, 23203, 19128], [22907, 22907, 19720]]],
  ["yuma3-stable-miner", [[52428, 6553, 6553], [53911, 4884, 6738], [50789, 11044, 3700], [51538, 8990, 5005], [51851, 8133, 5550], [52013, 7688, 5832]]],
];

describe("the lab's chain scenarios reproduce subtensor's Yuma3 dividend tables", () => {
  for (const [name, expected] of tables) {
    it(`${name}: u16 dividends of validators A, B, C over six epochs`, () => {
      expect(run(name).map((o) => o.dividends.slice(0, 3))).toEqual(expected);
    });
  }

  it("yuma3-kappa-moves-first: stored bonds and the first two emissions equal the chain's exact values", () => {
    const outs = run("yuma3-kappa-moves-first");
    expect(outs[0].emission).toEqual([400000000n, 49999999n, 49999999n, 500000000n, 0n]);
    expect(outs[1].emission).toEqual([500000000n, 0n, 0n, 0n, 500000000n]);
    expect(outs.map((o) => o.bonds.slice(0, 3))).toEqual([
      [[[3, 6640]], [[3, 6640]], [[3, 6640]]],
      [[[3, 5951], [4, 6640]], [[3, 24229]], [[3, 24229]]],
      [[[3, 5336], [4, 12607]], [[3, 20770], [4, 6640]], [[3, 36565]]],
      [[[3, 4786], [4, 17970]], [[3, 18119], [4, 12607]], [[3, 28221], [4, 6640]]],
      [[[3, 4294], [4, 22789]], [[3, 15957], [4, 17970]], [[3, 23518], [4, 12607]]],
      [[[3, 3853], [4, 27120]], [[3, 14133], [4, 22789]], [[3, 20244], [4, 17970]]],
    ]);
  });
});
