// subtensor's own whole-epoch tests (pallets/subtensor/src/tests/epoch.rs), replayed on a storage-free
// mock with the numbers they assert. Untagged numbers are upstream assertions; "[ref]" numbers are the
// exact values of the chain's own math code where upstream compares with a tolerance (yuma.md §10.2).

import { describe, it, expect } from "vitest";
import { MockSubnet } from "./helpers/mock_subnet.js";

const col = (m: MockSubnet, j: number, rows: number[]) => rows.map((i) => m.bond(i, j));
const E = (xs: number[]) => xs.map((x) => BigInt(x));

describe("test_bonds (sparse, classic EMA)", () => {
  const m = new MockSubnet({ n: 8, stakes: [1, 2, 3, 4, 0, 0, 0, 0], tempo: 1, maxAllowedValidators: 8 });
  const servers = [4, 5, 6, 7];
  const vals = [0, 1, 2, 3];

  it("block 1 without weights grants permits to the staked uids and pays validators by stake", () => {
    const out = m.epoch();
    expect(out.validator_permit).toEqual([true, true, true, true, false, false, false, false]);
    expect(out.emission).toEqual(E([99999999, 199999999, 299999999, 399999999, 0, 0, 0, 0]));
    expect(out.validator_emission).toEqual(out.emission);
  });

  it("block 2: first weights give bonds column 4 = [16383, 32767, 49151, 65535]", () => {
    m.block = 2n;
    for (const v of vals) m.setWeights(v, servers, [16383, 32767, 49149, 65535]);
    const out = m.epoch();
    expect(col(m, 4, vals)).toEqual([16383, 32767, 49151, 65535]);
    // [ref]
    expect(out.debug!.stake_i32f32.bits).toEqual(E([429496729, 858993459, 1288490188, 1717986918, 0, 0, 0, 0]));
    expect(out.debug!.weights_normalized_i32f32[0]).toEqual([[4, 429486243n], [5, 858998702n], [6, 1288458730n], [7, 1718023619n]]);
    expect(out.debug!.incentive_i32f32.bits).toEqual(E([0, 0, 0, 0, 429486242, 858998702, 1288458729, 1718023621]));
    expect(out.debug!.dividends_i32f32.bits).toEqual(E([429496720, 858993452, 1288490194, 1717986928, 0, 0, 0, 0]));
    expect(out.consensus).toEqual([0, 0, 0, 0, 6553, 13107, 19660, 26214]);
    expect(out.incentive).toEqual([0, 0, 0, 0, 6553, 13107, 19660, 26214]);
    expect(out.dividends).toEqual([6553, 13106, 19660, 26214, 0, 0, 0, 0]);
    expect(out.validator_trust).toEqual([65534, 65534, 65534, 65534, 0, 0, 0, 0]);
    expect(out.stake_weight).toEqual([6553, 13106, 19660, 26213, 0, 0, 0, 0]);
    expect(out.emission).toEqual(E([49999998, 99999999, 150000000, 200000001, 49998779, 100000610, 149996337, 200004272]));
    expect(out.server_emission).toEqual(E([0, 0, 0, 0, 49998779, 100000610, 149996337, 200004272]));
    expect(out.validator_emission).toEqual(E([49999998, 99999999, 150000000, 200000001, 0, 0, 0, 0]));
    expect(m.bonds.slice(0, 4)).toEqual([16383, 32767, 49151, 65535].map((b) => servers.map((j) => [j, b])));
  });

  it("block 3: uid 0 switches to a self weight, bonds column 4 = [14582, 32767, 49151, 65535]", () => {
    m.block = 3n;
    m.setWeights(0, [0], [65535]);
    const out = m.epoch();
    expect(col(m, 4, vals)).toEqual([14582, 32767, 49151, 65535]);
    expect(out.dividends.slice(0, 4)).toEqual([5897, 13252, 19879, 26505]);
    expect(out.emission).toEqual(E([44998351, 101110561, 151667215, 202223870, 49998779, 100000610, 149996337, 200004272]));
  });

  it("block 4: uid 1 switches to a self weight, bonds column 4 = [12603, 28321, 49151, 65535]", () => {
    m.block = 4n;
    m.setWeights(1, [1], [65535]);
    const out = m.epoch();
    expect(col(m, 4, vals)).toEqual([12603, 28321, 49151, 65535]);
    expect(out.dividends.slice(0, 4)).toEqual([5307, 11927, 20699, 27599]);
    expect(out.emission).toEqual(E([40496805, 90999783, 157929636, 210573773, 49998779, 100000610, 149996337, 200004272]));
  });

  it("block 5: only uid 3 (0.4 < kappa) still votes, consensus collapses and validators are paid by stake", () => {
    m.block = 5n;
    m.setWeights(2, [2], [65535]);
    const out = m.epoch();
    expect(col(m, 7, vals)).toEqual([12602, 28320, 49150, 65535]);
    expect(out.consensus).toEqual(Array(8).fill(0));
    expect(out.incentive).toEqual(Array(8).fill(0));
    expect(out.dividends).toEqual(Array(8).fill(0));
    expect(out.emission).toEqual(E([99999999, 199999999, 299999999, 399999999, 0, 0, 0, 0]));
  });

  it("block 6: uid 2 weights server 7, bonds column 7 = [10951, 24609, 49150, 65535]", () => {
    m.block = 6n;
    m.setWeights(2, [7], [65535]);
    const out = m.epoch();
    expect(col(m, 7, vals)).toEqual([10951, 24609, 49150, 65535]);
    expect(out.consensus).toEqual([0, 0, 0, 0, 0, 0, 0, 26214]);
    expect(out.incentive).toEqual([0, 0, 0, 0, 0, 0, 0, 65535]);
    expect(out.dividends).toEqual([4776, 10734, 21438, 28585, 0, 0, 0, 0]);
    expect(out.validator_trust).toEqual([0, 0, 26214, 26214, 0, 0, 0, 0]);
    expect(out.emission).toEqual(E([36443733, 81898628, 163565493, 218092144, 0, 0, 0, 500000000]));
  });

  it("blocks 7 and 8 decay the bonds of the validators that left: [9559, 21482, 49150, 65535] then [8376, 18824, 49150, 65535]", () => {
    m.block = 7n;
    let out = m.epoch();
    expect(col(m, 7, vals)).toEqual([9559, 21482, 49150, 65535]);
    expect(out.emission).toEqual(E([32799427, 73706612, 168638129, 224855830, 0, 0, 0, 500000000]));
    m.block = 8n;
    out = m.epoch();
    expect(col(m, 7, vals)).toEqual([8376, 18824, 49150, 65535]);
    expect(out.emission).toEqual(E([29518068, 66336137, 173203134, 230942659, 0, 0, 0, 500000000]));
    expect(m.bonds.slice(0, 4)).toEqual([
      [[4, 12599], [5, 12599], [6, 12599], [7, 8376]],
      [[4, 28317], [5, 28317], [6, 28317], [7, 18824]],
      [[4, 49147], [5, 49147], [6, 49147], [7, 49150]],
      [[4, 65535], [5, 65535], [6, 65535], [7, 65535]],
    ]);
  });

  it("block 9 matches the emission trace written in the upstream test's comments", () => {
    m.block = 9n;
    expect(m.epoch().emission).toEqual(E([26565175, 59701871, 177311856, 236421095, 0, 0, 0, 500000000]));
  });
});

describe("test_active_stake", () => {
  const m = new MockSubnet({ n: 4, stakes: [1, 1, 1, 1], registrationBlock: 0, tempo: 1, maxAllowedValidators: 4 });

  it("the first epoch grants all four permits", () => {
    m.block = 0n;
    expect(m.epoch().validator_permit).toEqual([true, true, true, true]);
  });

  it("two active validators split dividends evenly", () => {
    m.block = 1n;
    for (const v of [0, 1]) m.setWeights(v, [2, 3], [32767, 32767]);
    const out = m.epoch();
    expect(out.dividends.slice(0, 2)).toEqual([32767, 32767]);
    expect(out.emission).toEqual(E([250000000, 250000000, 250000000, 250000000]));
    expect(m.bonds.slice(0, 2)).toEqual([[[2, 65535], [3, 65535]], [[2, 65535], [3, 65535]]]);
  });

  it("an inactive validator's stake stops counting: D0 36044, D1 29490", () => {
    m.block = 5002n;
    m.setWeights(0, [2, 3], [32767, 32767]);
    const out = m.epoch();
    expect(out.active.slice(0, 2)).toEqual([true, false]);
    expect([out.dividends[0], out.emission[0]]).toEqual([36044, 274999999n]);
    expect([out.dividends[1], out.emission[1]]).toEqual([29490, 224999999n]);
    expect([m.bond(0, 2), m.bond(0, 3), m.bond(1, 2), m.bond(1, 3)]).toEqual([65535, 65535, 53619, 53619]);
    expect(out.emission.slice(2)).toEqual(E([250000000, 250000000]));
  });

  it("after it returns its bonds recover: D0 35716, D1 29818", () => {
    m.setWeights(1, [2, 3], [32767, 32767]); // still block 5002
    m.block = 5003n;
    const out = m.epoch();
    expect([out.dividends[0], out.emission[0]]).toEqual([35716, 272501132n]);
    expect([out.dividends[1], out.emission[1]]).toEqual([29818, 227498866n]);
    expect([m.bond(0, 2), m.bond(0, 3), m.bond(1, 2), m.bond(1, 3)]).toEqual([65535, 65535, 54712, 54712]);
  });
});

describe("test_outdated_weights", () => {
  const m = new MockSubnet({ n: 4, stakes: [1, 1, 1, 1], tempo: 0, maxAllowedValidators: 4 });

  it("weights set after registration count: I [0,0,43689,21845]", () => {
    m.block = 1n;
    expect(m.epoch().validator_permit).toEqual([true, true, true, true]);
    m.block = 2n;
    for (const v of [0, 1]) m.setWeights(v, [2, 3], [43690, 21845]);
    for (const s of [2, 3]) m.setWeights(s, [s], [65535]);
    expect(m.weights[0]).toEqual([[2, 65535], [3, 32768]]);
    const out = m.epoch();
    expect(out.incentive).toEqual([0, 0, 43689, 21845]);
    expect(out.dividends).toEqual([32767, 32767, 0, 0]);
    expect(out.emission).toEqual(E([250000000, 250000000, 333331637, 166668361]));
  });

  it("weights older than a uid's re-registration are masked for that uid", () => {
    m.replace(3);
    m.block = 3n;
    m.setWeights(0, [2, 3], [43690, 21845]);
    const out = m.epoch();
    expect([out.dividends[0], out.emission[0]]).toEqual([32767, 250000000n]);
    expect([m.bond(0, 2), m.bond(0, 3)]).toEqual([65535, 65535]);
    expect(out.incentive).toEqual([0, 0, 65535, 0]);
    expect(out.emission).toEqual(E([250000000, 250000000, 500000000, 0]));
    expect(out.debug!.masked_weights).toContainEqual({ validator: 1, uid: 3, reason: "outdated" });
  });
});

describe("test_zero_weights", () => {
  const m = new MockSubnet({ n: 2, stakes: [1, 0], tempo: 65534, maxAllowedValidators: 64 });

  it("without weights the only staked uid gets everything", () => {
    m.block = 1n;
    expect(m.epoch().emission).toEqual(E([1e9, 0]));
    m.setWeights(1, [1], [65535]);
    const out = m.epoch();
    expect(out.emission).toEqual(E([1e9, 0]));
    expect(out.validator_permit).toEqual([true, false]);
  });

  it("a weight to a uid registered in the same block is outdated", () => {
    m.block = 2n;
    m.setWeights(0, [1], [65535]);
    m.replace(1);
    expect(m.epoch().emission).toEqual(E([1e9, 0]));
  });

  it("a fresh weight splits emission between validator and server", () => {
    m.block = 3n;
    m.setWeights(0, [1], [65535]);
    const out = m.epoch();
    expect(out.emission).toEqual(E([500000000, 500000000]));
    expect(out.consensus).toEqual([0, 65535]);
    expect(out.incentive).toEqual([0, 65535]);
    expect(out.dividends).toEqual([65535, 0]);
    expect(m.bonds[0]).toEqual([[1, 65535]]);
  });
});

describe("test_512_graph (sparse epoch, same expectations as the dense upstream run)", () => {
  for (const interleave of [0, 1]) {
    it(`64 validators on 448 servers agree: validators D 1023 E 7812500, servers I 146 E 1116071 (interleave ${interleave})`, () => {
      const n = 512, v = 64;
      const isVal = (u: number) => (interleave === 0 ? u < v : u % 8 === 0);
      const stakes = Array.from({ length: n }, (_, u) => (isVal(u) ? 328_125_000_000_000n : 0n));
      const m = new MockSubnet({ n, stakes, registrationBlock: 0, tempo: 65534, maxAllowedValidators: v });
      m.block = 1n;
      m.epoch();
      const servers = [...Array(n).keys()].filter((u) => !isVal(u));
      for (const u of [...Array(n).keys()].filter(isVal)) m.setWeights(u, servers, servers.map(() => 127));
      for (let e = 0; e < 3; e++) {
        const out = m.epoch();
        for (let u = 0; u < n; u++) {
          if (isVal(u)) {
            expect([out.consensus[u], out.incentive[u], out.dividends[u], out.emission[u]]).toEqual([0, 0, 1023, 7812500n]);
            expect(m.bonds[u].every(([j, b]) => !isVal(j) && b === 65535)).toBe(true);
            expect(m.bonds[u].length).toBe(servers.length);
          } else {
            expect([out.consensus[u], out.incentive[u], out.dividends[u], out.emission[u]]).toEqual([146, 146, 0, 1116071n]);
            expect(m.bonds[u]).toEqual([]);
          }
        }
      }
    });
  }
});

describe("test_1_graph / test_10_graph", () => {
  it("a single staked neuron with only a self weight earns nothing but the stake fallback", () => {
    const m = new MockSubnet({ n: 1, stakes: [1], tempo: 1, maxAllowedValidators: 64 });
    m.setWeights(0, [0], [65535]);
    const out = m.epoch();
    expect([out.consensus[0], out.incentive[0], out.dividends[0]]).toEqual([0, 0, 0]);
  });
  it("ten self-weighting neurons without permits each get Emission 99999999", () => {
    const m = new MockSubnet({ n: 10, stakes: Array(10).fill(1), registrationBlock: 0, tempo: 1, maxAllowedValidators: 64 });
    m.block = 1n;
    for (let i = 0; i < 10; i++) m.setWeights(i, [i], [65535]);
    const out = m.epoch();
    expect(out.consensus).toEqual(Array(10).fill(0));
    expect(out.incentive).toEqual(Array(10).fill(0));
    expect(out.dividends).toEqual(Array(10).fill(0));
    expect(out.emission).toEqual(Array(10).fill(99999999n));
  });
});

describe("test_can_set_self_weight_as_subnet_owner", () => {
  for (const yuma3 of [true, false]) {
    it(`the owner keeps its self weight: SE [250000000, 250000000], VE [500000000, 0] (Yuma3 ${yuma3 ? "on" : "off"})`, () => {
      const m = new MockSubnet({
        n: 2, stakes: [5_000_000_000_000n, 0], tempo: 360, maxAllowedValidators: 64, ownerUid: 0, yuma3,
        commitReveal: true, permits: [true, false],
      });
      m.weights[0] = [[0, 32767], [1, 32767]];
      m.lastUpdate = [2n, 0n];
      m.block = 2n;
      const out = m.epoch();
      expect(out.server_emission).toEqual(E([250000000, 250000000]));
      expect(out.validator_emission).toEqual(E([500000000, 0]));
      expect(out.incentive).toEqual([32767, 32767]);
    });
  }
});

describe("test_epoch_outputs_single_staker_registered_no_weights", () => {
  it("server plus validator emission adds up to the whole epoch emission", () => {
    const m = new MockSubnet({ n: 1, stakes: [1], tempo: 360, maxAllowedValidators: 64 });
    const out = m.epoch();
    expect(out.server_emission[0] + out.validator_emission[0]).toBe(1_000_000_000n);
  });
});

describe("epoch_mechanism_emergency_mode_distributes_by_stake", () => {
  it("with no weights validators are paid by stake: [99999, 299999, 600000, 0]", () => {
    const m = new MockSubnet({ n: 4, stakes: [10, 30, 60, 0], tempo: 1, maxAllowedValidators: 64, permits: [true, true, true, false] });
    const out = m.epoch(1_000_000n);
    expect(out.server_emission).toEqual(E([0, 0, 0, 0]));
    expect(out.validator_emission).toEqual(E([99999, 299999, 600000, 0]));
  });
});

describe("test_validator_permits", () => {
  for (const [n, k] of [[2, 1], [4, 2], [8, 4]]) {
    for (const interleave of [0, 1, 2]) {
      it(`n ${n}, k ${k}, interleave ${interleave}: permits follow the top-k stakes, then move to the servers`, () => {
        const isVal = (u: number) => (interleave === 0 ? u < k : interleave === 1 ? u % 2 === 0 && u < 2 * k : u >= n - k);
        const stakes = Array.from({ length: n }, (_, u) => (isVal(u) ? BigInt(k) : 0n));
        const m = new MockSubnet({ n, stakes, registrationBlock: 0, tempo: 1, maxAllowedValidators: k });
        m.block = 1n;
        let out = m.epoch();
        for (let u = 0; u < n; u++) expect(out.validator_permit[u]).toBe(isVal(u));
        m.stakes = m.stakes.map((s, u) => (isVal(u) ? s : s + BigInt(2 * n)));
        m.block = 2n;
        out = m.epoch();
        for (let u = 0; u < n; u++) expect(out.validator_permit[u]).toBe(!isVal(u));
      });
    }
  }
});

describe("test_last_update_size_mismatch", () => {
  it("a LastUpdate longer than n does not fail and leaves every output at 0", () => {
    const m = new MockSubnet({ n: 1, stakes: [0], tempo: 1, maxAllowedValidators: 64 });
    m.lastUpdate = [0n, 0n, 0n];
    const out = m.epoch();
    expect(out.emission).toEqual([0n]);
    expect([out.incentive[0], out.dividends[0], out.consensus[0]]).toEqual([0, 0, 0]);
  });
});

// ---------------------------------------------------------------------------------------------
// Yuma3 suite: 3 validators, 2 (or 3) servers, liquid alpha (0.1, 0.3), bonds penalty 0, BMA 975000.

const m16 = 65535, h = 32767;
type Schedule = (e: number) => number[][];

function yuma3Run(stakes: number[], uids: number[], schedule: Schedule, epochs: number, liquid = true) {
  const n = stakes.length;
  const m = new MockSubnet({
    n, stakes, tempo: 1, maxAllowedValidators: 3, yuma3: true, liquidAlpha: liquid, alphaLow: 6553, alphaHigh: 19660,
    bondsPenalty: 0, bondsMovingAverage: 975_000,
  });
  m.block = 2n;
  m.epoch(); // permits
  const dividends: number[][] = [];
  const emissions: bigint[][] = [];
  const bonds: Array<Array<Array<[number, number]>>> = [];
  for (let e = 0; e < epochs; e++) {
    const rows = schedule(e);
    for (let v = 0; v < 3; v++) m.setWeights(v, uids, rows[v]);
    m.block += 1n;
    const out = m.epoch();
    dividends.push(out.dividends.slice(0, 3));
    emissions.push(out.emission);
    bonds.push(m.bonds.slice(0, 3));
  }
  return { dividends, emissions, bonds };
}

const all = (row: number[]) => [row, row, row];
const firstSchedule: Schedule = (e) =>
  e === 0 ? all([m16, 0]) : e === 1 ? [[0, m16], [m16, 0], [m16, 0]] : e === 2 ? [[0, m16], [0, m16], [m16, 0]] : all([0, m16]);
const secondSchedule: Schedule = (e) =>
  e === 0 ? all([m16, 0]) : e === 1 ? [[m16, 0], [0, m16], [m16, 0]] : e === 2 ? [[0, m16], [0, m16], [m16, 0]] : all([0, m16]);
const lastSchedule: Schedule = (e) =>
  e === 0 ? all([m16, 0]) : e === 1 ? [[m16, 0], [0, m16], [m16, 0]] : e === 2 ? [[m16, 0], [0, m16], [0, m16]] : all([0, m16]);
const switchSchedule: Schedule = (e) => (e === 2 ? [[m16, 0], [m16, 0], [0, m16]] : all([m16, 0]));
const stableSchedule: Schedule = (e) =>
  e === 0 ? all([h, 0, h]) : e === 1 ? [[h, 0, h], [0, h, h], [h, 0, h]] : e === 2 ? [[0, h, h], [0, h, h], [h, 0, h]] : all([0, h, h]);

describe("Yuma3 suite (test_yuma_3_*): dividends per epoch", () => {
  const table: Array<[string, number[], number[], Schedule, boolean, number[][]]> = [
    ["kappa_moves_first", [8, 1, 1, 0, 0], [3, 4], firstSchedule, true,
      [[52428, 6553, 6553], [65535, 0, 0], [61486, 4048, 0], [57796, 5068, 2669], [56122, 5531, 3881], [55170, 5795, 4569]]],
    ["kappa_moves_second", [8, 1, 1, 0, 0], [3, 4], secondSchedule, true,
      [[52428, 6553, 6553], [55350, 3266, 6918], [45007, 20527, 0], [48632, 13700, 3201], [49969, 11183, 4382], [50661, 9879, 4993]]],
    ["kappa_moves_last", [8, 1, 1, 0, 0], [3, 4], lastSchedule, true,
      [[52428, 6553, 6553], [55350, 3266, 6918], [58761, 2181, 4592], [30561, 21034, 13938], [39164, 15337, 11033], [43202, 12663, 9669]]],
    ["one_epoch_switch", [33, 33, 34, 0, 0], [3, 4], switchSchedule, true,
      [[21626, 21626, 22281], [21626, 21626, 22281], [24784, 24784, 15965], [23773, 23773, 17988], [23209, 23209, 19116], [22851, 22851, 19832]]],
    ["liquid_alpha_disabled", [33, 33, 34, 0, 0], [3, 4], switchSchedule, false,
      [[21626, 21626, 22281], [21626, 21626, 22281], [24470, 24470, 16593], [23662, 23662, 18209], [23203, 23203, 19128], [22907, 22907, 19720]]],
    ["stable_miner", [8, 1, 1, 0, 0, 0], [3, 4, 5], stableSchedule, true,
      [[52428, 6553, 6553], [53911, 4884, 6738], [50789, 11044, 3700], [51538, 8990, 5005], [51851, 8133, 5550], [52013, 7688, 5832]]],
  ];
  for (const [name, stakes, uids, schedule, liquid, expected] of table) {
    it(`${name}: u16 dividends of validators A, B, C over six epochs`, () => {
      expect(yuma3Run(stakes, uids, schedule, 6, liquid).dividends).toEqual(expected);
    });
  }

  it("kappa_moves_first: stored bonds and emissions epoch by epoch [ref]", () => {
    const r = yuma3Run([8, 1, 1, 0, 0], [3, 4], firstSchedule, 6);
    expect(r.emissions[0]).toEqual(E([400000000, 49999999, 49999999, 500000000, 0]));
    expect(r.emissions[1]).toEqual(E([500000000, 0, 0, 0, 500000000]));
    expect(r.bonds).toEqual([
      [[[3, 6640]], [[3, 6640]], [[3, 6640]]],
      [[[3, 5951], [4, 6640]], [[3, 24229]], [[3, 24229]]],
      [[[3, 5336], [4, 12607]], [[3, 20770], [4, 6640]], [[3, 36565]]],
      [[[3, 4786], [4, 17970]], [[3, 18119], [4, 12607]], [[3, 28221], [4, 6640]]],
      [[[3, 4294], [4, 22789]], [[3, 15957], [4, 17970]], [[3, 23518], [4, 12607]]],
      [[[3, 3853], [4, 27120]], [[3, 14133], [4, 22789]], [[3, 20244], [4, 17970]]],
    ]);
  });

  it("liquid_alpha_disabled: fixed alpha 0.025 bonds [ref]", () => {
    const r = yuma3Run([33, 33, 34, 0, 0], [3, 4], switchSchedule, 6, false);
    expect(r.bonds[0]).toEqual([[[3, 1638]], [[3, 1638]], [[3, 1638]]]);
    expect(r.bonds[5][0]).toEqual([[3, 9233]]);
    expect(r.bonds[5][1]).toEqual([[3, 9233]]);
    expect(r.bonds[5][2]).toEqual([[3, 7715], [4, 1518]]);
  });
});

describe("test_yuma_3_bonds_reset", () => {
  it("removing a uid's bond column mid-run changes dividends exactly as upstream asserts", () => {
    const m = new MockSubnet({
      n: 5, stakes: [8, 1, 1, 0, 0], tempo: 1, maxAllowedValidators: 3, yuma3: true, liquidAlpha: true,
      alphaLow: 6553, alphaHigh: 19660, bondsPenalty: 0, bondsMovingAverage: 975_000,
    });
    m.block = 2n;
    m.epoch();
    const expected: Record<number, number[]> = {
      0: [52428, 6553, 6553], 1: [58617, 3458, 3458], 2: [34272, 15631, 15631], 19: [51897, 6818, 6818],
      20: [51958, 6788, 6788], 21: [55491, 5021, 5021], 40: [51958, 6788, 6788],
    };
    const expectedBonds: Record<number, Array<Array<[number, number]>>> = {
      20: [[[4, 56923]], [[4, 59494]], [[4, 59494]]],
      21: [[[4, 57795]], [[3, 19572], [4, 41844]], [[3, 19572], [4, 41844]]],
      40: [[[3, 56923], [4, 3784]], [[3, 59494], [4, 3425]], [[3, 59494], [4, 3425]]],
    };
    for (let e = 0; e <= 40; e++) {
      const rows =
        e === 0 ? all([m16, 0]) : e === 1 ? [[m16, 0], [0, m16], [0, m16]] : e <= 20 ? all([0, m16]) : e === 21 ? [[0, m16], [m16, 0], [m16, 0]] : all([m16, 0]);
      for (let v = 0; v < 3; v++) m.setWeights(v, [3, 4], rows[v]);
      if (e === 20) m.bonds = m.bonds.map((row) => row.filter(([j]) => j !== 3));
      m.block += 1n;
      const out = m.epoch();
      if (expected[e]) expect(out.dividends.slice(0, 3), `epoch ${e}`).toEqual(expected[e]);
      if (expectedBonds[e]) expect(m.bonds.slice(0, 3), `bonds epoch ${e}`).toEqual(expectedBonds[e]);
    }
  });
});
