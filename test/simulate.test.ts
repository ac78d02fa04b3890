// The Yuma lab's library: scenario validation against the shipped schema, each strategy's
// submissions, the storage the epoch reads (re-registration, joins, stake moves, commit-reveal),
// determinism, the float64 engine beside the exact one, and sweep cells.

import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { taomath, TaomathError, type EpochInput, type EpochResult } from "../src/index.js";
import { simulate, simulateStrategies } from "../src/simulate/simulate.js";
import { simulationToJson } from "../src/simulate/json.js";
import { splitmix, SplitmixStream, subSeed, STREAM } from "../src/simulate/rng.js";
import { planScenario, type ScenarioJson } from "../src/simulate/scenario.js";
import { runScenarioExact, runPlan, exactEngine } from "../src/simulate/runner.js";
import { namedScenario, SCENARIOS } from "../src/simulate/library.js";
import { SCENARIO_SCHEMA } from "../src/simulate/schema.js";
import { sweepCells, runSweepCell, sweepTable } from "../src/simulate/sweep.js";
import { storedRow } from "../src/weights/index.js";
import { floatEngine } from "../src/simulate/float.js";

const tm = taomath();
const small = (extra: Partial<ScenarioJson> = {}): ScenarioJson => ({
  name: "t", seed: 3, epochs: 8, noise: 0.05, quality_drift: 0.05,
  validators: [{ count: 4, stake: 100_000_000_000, strategy: { type: "honest" } }, { label: "copier", stake: 100_000_000_000, strategy: { type: "copier" } }],
  miners: [{ count: 6 }], ...extra,
});
function trace(s: unknown, overrides = {}) {
  const ins: EpochInput[] = [], outs: EpochResult[] = [];
  runScenarioExact(tm, s, overrides, { onEpoch: (_e, i, o) => { ins.push(i); outs.push(o); } });
  return { ins, outs };
}
const errOf = (f: () => unknown) => { try { f(); } catch (e) { return e as TaomathError; } throw new Error("no error"); };

describe("scenario files are validated against the shipped JSON Schema", () => {
  it("schema/scenario.schema.json is the schema the library checks with", () => {
    expect(JSON.parse(readFileSync("schema/scenario.schema.json", "utf8"))).toEqual(JSON.parse(JSON.stringify(SCENARIO_SCHEMA)));
  });
  it("every named scenario is valid", () => {
    for (const s of SCENARIOS) expect(() => planScenario(s)).not.toThrow();
  });
  it("a missing field is named", () => {
    const e = errOf(() => planScenario({ name: "x", epochs: 1, validators: [{ strategy: { type: "honest" } }] }));
    expect([e.code, e.field]).toEqual(["invalid_type", "miners"]);
  });
  it("an unknown strategy field is named with its path", () => {
    const e = errOf(() => planScenario(small({ validators: [{ strategy: { type: "honest", lag: 2 } as never }] })));
    expect(e.field).toBe("validators[0].strategy.lag");
  });
  it("an out-of-range hyperparameter is named", () => {
    const e = errOf(() => planScenario(small({ hyperparameters: { kappa: 70000 } })));
    expect([e.code, e.field]).toEqual(["out_of_range", "hyperparameters.kappa"]);
  });
  it("a cartel miner past the miners is named", () => {
    const e = errOf(() => planScenario(small({ validators: [{ strategy: { type: "cartel", miners: [9] } }] })));
    expect([e.code, e.field]).toEqual(["uid_out_of_range", "validators[0].strategy.miners[0]"]);
  });
  it("a schedule row longer than the miners is named", () => {
    const e = errOf(() => planScenario(small({ validators: [{ strategy: { type: "schedule", phases: [{ from: 0, weights: [1, 2, 3, 4, 5, 6, 7] }] } }] })));
    expect(e.field).toBe("validators[0].strategy.phases[0].weights");
  });
  it("a stake past u64 is named", () => {
    const e = errOf(() => planScenario(small({ validators: [{ stake: "18446744073709551616", strategy: { type: "honest" } }] })));
    expect([e.code, e.field]).toEqual(["out_of_range", "validators[0].stake"]);
  });
  it("a fractional stake is rejected", () => {
    const e = errOf(() => planScenario(small({ validators: [{ stake: 1.5, strategy: { type: "honest" } }] })));
    expect(e.field).toBe("validators[0].stake");
  });
});

describe("seeded streams", () => {
  it("a noise stream draws splitmix's numbers, one at a time or a row at a time, across the u32 wrap", () => {
    for (const seed of [0, 1, 0xfffffff0, subSeed(3, STREAM.noise, 7)]) {
      const ref = splitmix(seed), one = new SplitmixStream(seed), rows = new SplitmixStream(seed);
      const want = Array.from({ length: 300 }, () => ref());
      const got = new Float64Array(300);
      rows.fill(got, 100); rows.fill(got.subarray(100), 200);
      expect(Array.from({ length: 300 }, () => one.next())).toEqual(want);
      expect(Array.from(got)).toEqual(want);
    }
  });
});

describe("epoch inputs are chain storage", () => {
  it("uids: validators first, then miners; all registered at block 1", () => {
    const p = planScenario(small());
    expect(p.validators.map((v) => v.uid)).toEqual([0, 1, 2, 3, 4]);
    expect(p.miners.map((m) => m.uid)).toEqual([5, 6, 7, 8, 9, 10]);
  });
  it("submitted rows are stored max-upscaled: every honest row's maximum is 65535, as the weights helper stores it", () => {
    const { ins } = trace(small());
    for (const inp of ins) for (let v = 0; v < 4; v++) {
      const row = inp.weights[v];
      expect(Math.max(...row.map(([, w]) => w))).toBe(65535);
      expect(storedRow(tm, row.map(([j]) => j), row.map(([, w]) => w))).toEqual(row);
    }
  });
  it("a scripted row that is not max-upscaled is stored as vec_u16_max_upscale_to_u16 makes it", () => {
    const { ins } = trace(small({ validators: [{ stake: 1000, strategy: { type: "schedule", phases: [{ from: 0, weights: [1, 6] }] } }], miners: [{ count: 2 }] }));
    expect(ins[0].weights[0]).toEqual(storedRow(tm, [1, 2], [1, 6]));
    expect(ins[0].weights[0]).toEqual([[1, 10923], [2, 65535]]);
  });
  it("bonds and permits carry from each epoch's output into the next input", () => {
    const { ins, outs } = trace(small());
    for (let e = 1; e < ins.length; e++) {
      expect(ins[e].bonds).toEqual(outs[e - 1].bonds);
      expect(ins[e].validator_permit).toEqual(outs[e - 1].validator_permit);
    }
  });
  it("the same scenario and seed give the same epochs; another seed does not", () => {
    const a = trace(small()).outs.map((o) => o.dividends), b = trace(small()).outs.map((o) => o.dividends);
    expect(a).toEqual(b);
    expect(trace(small({ seed: 4 })).outs.map((o) => o.dividends)).not.toEqual(a);
  });
});

describe("strategies", () => {
  it("a copier submits the consensus stored by the previous epoch (scaled to max 65535)", () => {
    const { ins, outs } = trace(small());
    expect(ins[0].weights[4]).toEqual([]);
    for (let e = 1; e < ins.length; e++) {
      const c = [5, 6, 7, 8, 9, 10].map((u) => outs[e - 1].consensus[u]);
      const max = Math.max(...c);
      const expected = c.map((x, k) => [5 + k, Math.round((x / max) * 65535)]).filter(([, w]) => w > 0);
      expect(ins[e].weights[4]).toEqual(expected);
    }
  });
  it("a copier with lag 3 copies the consensus of three epochs before", () => {
    const s = small({ validators: [{ count: 4, strategy: { type: "honest" } }, { strategy: { type: "copier", lag: 3 } }] });
    const { ins, outs } = trace(s);
    expect(ins[2].weights[4]).toEqual([]);
    const c = [5, 6, 7, 8, 9, 10].map((u) => outs[2].consensus[u]);
    const max = Math.max(...c);
    expect(ins[5].weights[4]).toEqual(c.map((x, k) => [5 + k, Math.round((x / max) * 65535)]).filter(([, w]) => w > 0));
  });
  it("a copier of a uid copies that validator's stored row of the last epoch", () => {
    const { ins } = trace(small({ validators: [{ count: 4, strategy: { type: "honest" } }, { strategy: { type: "copier", source: 2 } }] }));
    for (let e = 1; e < ins.length; e++) expect(ins[e].weights[4]).toEqual(ins[e - 1].weights[2]);
  });
  it("with commit-reveal, rows reach storage reveal_period epochs later and commit_blocks hold the pending commit", () => {
    const s = small({ hyperparameters: { commit_reveal_enabled: true, reveal_period_epochs: 2 } });
    const cr = trace(s), plain = trace(small());
    expect(cr.ins[0].weights[0]).toEqual([]);
    expect(cr.ins[1].weights[0]).toEqual([]);
    expect(cr.ins[2].weights[0]).toEqual(plain.ins[0].weights[0]);
    expect(cr.ins[5].weights[1]).toEqual(plain.ins[3].weights[1]);
    expect(cr.ins[3].commit_blocks![0]).toBe(BigInt(cr.ins[2].current_block as bigint) - 1n);
  });
  it("a cartel gives its miners the top score", () => {
    const { ins } = trace(small({ validators: [{ count: 3, strategy: { type: "honest" } }, { strategy: { type: "cartel", miners: [0, 3] } }] }));
    for (const inp of ins) {
      const row = new Map(inp.weights[3]);
      expect([row.get(4), row.get(7)]).toEqual([65535, 65535]);
    }
  });
  it("the miners a cartel boosts are reported as their own group", () => {
    const r = simulate(tm, small({ validators: [{ count: 3, strategy: { type: "honest" } }, { strategy: { type: "cartel", miners: [0, 3] } }] }));
    const g = r.miner_groups.find((m) => m.label === "boosted by cartel")!;
    expect(g.uids).toEqual([4, 7]);
    expect(g.incentive_emission).toBe(r.epochs.reduce((a, e) => a + e.server_emission[4] + e.server_emission[7], 0n));
    expect(r.miner_groups.find((m) => m.label === "miners")!.uids).toEqual([5, 6, 8, 9]);
  });
  it("a late validator submits what an honest one would have submitted one epoch earlier (noise-free)", () => {
    const s = small({ noise: 0, validators: [{ strategy: { type: "honest" } }, { strategy: { type: "late" } }] });
    const { ins } = trace(s);
    for (let e = 1; e < ins.length; e++) expect(ins[e].weights[1]).toEqual(ins[e - 1].weights[0].map(([j, w]) => [j, w]));
  });
  it("a switcher moves its row at `at` and back at `back_at`", () => {
    const s = small({ validators: [{ strategy: { type: "switcher", from: [65535, 0], to: [0, 65535], at: 2, back_at: 4 } }], miners: [{ count: 2 }] });
    const { ins } = trace(s);
    expect(ins.slice(0, 6).map((i) => i.weights[0])).toEqual([
      [[1, 65535], [2, 0]], [[1, 65535], [2, 0]], [[1, 0], [2, 65535]], [[1, 0], [2, 65535]], [[1, 65535], [2, 0]], [[1, 65535], [2, 0]],
    ]);
  });
});

describe("events: joins, re-registration, stake moves", () => {
  it("a validator joining at epoch 3 holds no stake before, registers at the block before epoch 3, and is paid after", () => {
    const s = small({ validators: [{ count: 3, stake: 1000, strategy: { type: "honest" } }, { label: "new", stake: 1000, join_at: 3, strategy: { type: "honest" } }] });
    const { ins, outs } = trace(s);
    expect(ins[2].alpha_stake[3]).toBe(0n);
    expect(ins[2].weights[3]).toEqual([]);
    expect(ins[3].alpha_stake[3]).toBe(1000n);
    expect(ins[3].block_at_registration[3]).toBe(BigInt(ins[3].current_block as bigint) - 1n);
    expect(outs[3].validator_permit[3]).toBe(true);
    expect(outs[7].dividends[3]).toBeGreaterThan(0);
  });
  it("a re-registered miner's bonds are reset: its bond column is empty the epoch it re-registers", () => {
    const s = small({ miners: [{ count: 1, reregister_at: [4] }, { count: 5 }] });
    const { ins, outs } = trace(s);
    const col = (o: EpochResult) => o.bonds.flatMap((row) => row.filter(([j]) => j === 5));
    expect(col(outs[3]).length).toBeGreaterThan(0);
    expect(ins[4].block_at_registration[5]).toBe(BigInt(ins[4].current_block as bigint) - 1n);
    expect(col(outs[4]).every(([, b]) => b === 0)).toBe(true);
    expect(outs[4].incentive[5]).toBe(0);
  });
  it("stake moves at the stated epoch", () => {
    const s = small({ validators: [{ stake: 1000, stake_changes: [{ at: 2, stake: 5000 }], strategy: { type: "honest" } }, { stake: 1000, strategy: { type: "honest" } }] });
    const { ins } = trace(s);
    expect(ins.map((i) => i.alpha_stake[0])).toEqual([1000n, 1000n, 5000n, 5000n, 5000n, 5000n, 5000n, 5000n]);
  });
});

describe("results and the float64 engine", () => {
  it("per-strategy returns are dividends over stake-epochs, relative to honest", () => {
    const r = simulate(tm, small());
    const honest = r.strategies.find((s) => s.label === "honest")!, copier = r.strategies.find((s) => s.label === "copier")!;
    const div = (uids: number[]) => r.epochs.reduce((a, e) => a + uids.reduce((b, u) => b + Number(e.validator_emission[u]), 0), 0);
    expect(Number(copier.dividends)).toBe(div([4]));
    expect(copier.relative_to_honest).toBeCloseTo((div([4]) / Number(copier.stake_epochs)) / (div([0, 1, 2, 3]) / Number(honest.stake_epochs)) - 1, 12);
    expect(copier.paid).toBe(copier.relative_to_honest! > 0);
  });
  it("each epoch's record holds what that epoch wrote and the stake it read (the onEpoch hook's result and input)", () => {
    const ins: EpochInput[] = [], outs: EpochResult[] = [];
    const s = small({ validators: [{ count: 3, strategy: { type: "honest" } }, { label: "copier", strategy: { type: "copier" }, stake_changes: [{ at: 4, stake: 7_000_000_000 }] }] });
    const r = simulate(tm, s, { recordBonds: true, onEpoch: (_e, i, o) => { ins.push(i); outs.push(o); } });
    expect(r.epochs).toHaveLength(8);
    r.epochs.forEach((rec, e) => {
      expect(rec.block).toBe(ins[e].current_block);
      expect(rec.stake).toEqual(ins[e].alpha_stake);
      for (const k of ["consensus", "incentive", "dividends", "validator_trust", "emission", "server_emission", "validator_emission", "bonds"] as const) expect(rec[k]).toEqual(outs[e][k]);
    });
    expect(r.epochs[4].stake[3]).toBe(7_000_000_000n);
  });
  it("the per-epoch records are left out of the JSON without being built, and are the same when built", () => {
    const r = simulate(tm, small());
    const summary = simulationToJson(r, { epochs: false });
    expect(Object.keys(summary)).not.toContain("epochs");
    expect(simulationToJson(r).epochs).toEqual(JSON.parse(JSON.stringify(r.epochs, (_k, v) => (typeof v === "bigint" ? v.toString() : v))));
  });
  it("bond shares per strategy are each group's part of all stored bond value, summing to 1", () => {
    const r = simulate(tm, small());
    const e = 5, rows = r.epochs[e].bonds!;
    const sum = (uids: number[]) => uids.reduce((a, u) => a + rows[u].reduce((b, [, x]) => b + x, 0), 0);
    expect(r.group_bond_share.copier[e]).toBeCloseTo(sum([4]) / sum([0, 1, 2, 3, 4]), 12);
    expect(r.group_bond_share.copier[e] + r.group_bond_share.honest[e]).toBeCloseTo(1, 12);
  });
  it("the float64 engine tracks the exact epoch to within 1e-3 of a share on the chain's Yuma3 case, but not exactly", () => {
    const r = simulate(tm, namedScenario("yuma3-kappa-moves-first"), { float: true });
    const d = r.float!.epochs.map((e) => e.max_dividend_diff);
    expect(Math.max(...d)).toBeLessThan(1e-3);
    expect(Math.max(...d)).toBeGreaterThan(0);
  });
  it("the weight-copier scenario: copying does not pay under the chain's defaults", () => {
    const r = simulate(tm, namedScenario("weight-copier"), { epochs: 30 });
    const c = r.strategies.find((s) => s.label === "copier")!;
    expect(c.paid).toBe(false);
  });
});

describe("docs/simulate.md's findings about copying", () => {
  // the copier's dividends per stake over epochs [a, b) relative to the honest validators', in %
  function steady(hyperparameters: Record<string, boolean | number>, engine: "exact" | "float") {
    const plan = planScenario(namedScenario("weight-copier"), { epochs: 120, hyperparameters });
    const rows: Array<{ stake: bigint[]; div: ArrayLike<number> }> = [];
    if (engine === "exact") runPlan(tm, plan, exactEngine(tm), { onEpoch: (_e, i, o) => rows.push({ stake: i.alpha_stake as bigint[], div: o.validator_emission.map(Number) }) });
    else runPlan(tm, plan, floatEngine(plan.n), { onEpoch: (_e, i, o) => rows.push({ stake: i.alpha_stake as bigint[], div: o.validator_emission }) });
    return (a: number, b: number) => {
      let d = 0, st = 0, hd = 0, hs = 0;
      for (const r of rows.slice(a, b)) {
        d += r.div[16]; st += Number(r.stake[16]);
        for (let u = 0; u < 16; u++) { hd += r.div[u]; hs += Number(r.stake[u]); }
      }
      return ((d / st) / (hd / hs) - 1) * 100;
    };
  }
  it("copying costs most in the first ten epochs and is about break-even once bonds have matured (classic bonds)", () => {
    const r = steady({}, "exact");
    expect(r(0, 10)).toBeLessThan(-50);
    expect(r(60, 120)).toBeGreaterThan(0);
    expect(r(60, 120)).toBeLessThan(1);
  });
  it("with commit-reveal period 2 the copier stays below honest validators in steady state", () => {
    expect(steady({ commit_reveal_enabled: true, reveal_period_epochs: 2 }, "exact")(60, 120)).toBeLessThan(0);
    expect(steady({ yuma3_enabled: true, commit_reveal_enabled: true, reveal_period_epochs: 2 }, "exact")(60, 120)).toBeLessThan(0);
  });
  it("with Yuma3 and liquid alpha the exact epoch says the steady-state copier gains, the float64 engine says it loses", () => {
    const h = { yuma3_enabled: true, liquid_alpha_enabled: true };
    expect(steady(h, "exact")(60, 120)).toBeGreaterThan(0);
    expect(steady(h, "float")(60, 120)).toBeLessThan(0);
  });
});

describe("sweeps", () => {
  it("the default grid is kappa x bonds penalty x Yuma3 x liquid alpha x copier delay", () => {
    expect(sweepCells()).toHaveLength(3 * 2 * 2 * 2 * 3);
    const cells = sweepCells({ kappa: [32767], copier_delay: [0, 2] });
    expect(cells).toHaveLength(2 * 2 * 2 * 2);
    expect(cells.slice(0, 2).map((c) => [c.index, c.kappa, c.bonds_penalty, c.yuma3_enabled, c.liquid_alpha_enabled, c.copier_delay])).toEqual([
      [0, 32767, 0, false, false, 0], [1, 32767, 0, false, false, 2],
    ]);
  });
  it("an unknown axis is named", () => {
    expect(errOf(() => sweepCells({ tempo: [1] } as never)).field).toBe("grid.tempo");
  });
  it("a cell's summary-only run gives the per-strategy summary of a full run", () => {
    const s = namedScenario("strategies-mix");
    expect(simulateStrategies(tm, s, { epochs: 12 })).toEqual(simulate(tm, s, { epochs: 12 }).strategies);
  });
  it("a cell is the scenario run with the cell's hyperparameters", () => {
    const cell = sweepCells({ kappa: [49151], bonds_penalty: [0], yuma3_enabled: [true], liquid_alpha_enabled: [false], copier_delay: [1] })[0];
    const row = runSweepCell(tm, small(), cell);
    const direct = simulate(tm, small(), { hyperparameters: { kappa: 49151, bonds_penalty: 0, yuma3_enabled: true, liquid_alpha_enabled: false, commit_reveal_enabled: true, reveal_period_epochs: 1 } });
    expect(row.strategies[0].relative_to_honest).toBe(direct.strategies.find((s) => s.label === "copier")!.relative_to_honest);
    expect(sweepTable([row])).toMatch(/\| 49151 \| 0 \| true \| false \| 1 \| (loses|\*\*beats\*\*) [+-]\d+\.\d\d% \|/);
  });
});
