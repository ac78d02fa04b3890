// simulate(): a scenario run on the exact epoch, optionally beside the float64 engine, with the
// per-epoch records, the per-strategy summary and the float-versus-chain differences.

import type { EpochInput, EpochResult } from "../bindings/epoch.js";
import type { Taomath } from "../core/taomath.js";
import { exactEngine, runPlan } from "./runner.js";
import { planScenario, type Hyperparameters, type Plan, type ScenarioOverrides } from "./scenario.js";
import { Recorder, summarise, type EpochRecord, type MinerSummary, type StrategySummary } from "./results.js";
import { floatEngine, type FloatEpoch } from "./float.js";

export interface SimulateOptions extends ScenarioOverrides {
  /** also run the float64 engine and report the differences */
  float?: boolean;
  /** record every epoch's Bonds rows (default: only for scenarios of up to 64 uids) */
  recordBonds?: boolean;
  onEpoch?(epoch: number, input: EpochInput, result: EpochResult): void;
  onProgress?(done: number, total: number): void;
}

export interface FloatComparison {
  /** per epoch: largest |exact - float| over uids of the dividend and incentive shares */
  epochs: Array<{ epoch: number; max_dividend_diff: number; max_incentive_diff: number }>;
  /** per strategy: the verdict of each engine */
  strategies: Array<{ label: string; exact_relative: number | null; float_relative: number | null; exact_paid: boolean | null; float_paid: boolean | null; verdict_differs: boolean }>;
  /** per epoch and strategy label: the share of the epoch's emission paid as dividends, float engine */
  group_dividend_share: Record<string, number[]>;
}

export interface SimulationResult {
  scenario: { name: string; description: string; seed: number; epochs: number; n: number; hyperparameters: Hyperparameters };
  validators: Array<{ uid: number; label: string; strategy: string; stake: bigint; join_at: number | null }>;
  miners: Array<{ uid: number; label: string }>;
  /** per epoch and uid (plain arrays, built on first read) */
  epochs: EpochRecord[];
  strategies: StrategySummary[];
  miner_groups: MinerSummary[];
  /** per epoch and strategy label: the share of the epoch's emission paid as dividends, exact engine */
  group_dividend_share: Record<string, number[]>;
  /** per epoch and strategy label: the share of all stored bond value its validators hold */
  group_bond_share: Record<string, number[]>;
  float: FloatComparison | null;
}

function groupShares(plan: Plan, perEpoch: Array<ArrayLike<number>>): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  const rao = Number(plan.hyper.rao_emission);
  for (const v of plan.validators) out[v.label] ??= perEpoch.map(() => 0);
  perEpoch.forEach((d, e) => { for (const v of plan.validators) out[v.label][e] += d[v.uid] / rao; });
  return out;
}

/** Plans a scenario and runs it on the exact epoch into a Recorder (what simulate and a sweep cell share). */
function recordExact(tm: Taomath, scenario: unknown, options: SimulateOptions, summaryOnly = false): { plan: Plan; rec: Recorder } {
  const plan = planScenario(scenario, options);
  const rec = new Recorder(plan, options.recordBonds ?? plan.n <= 64, summaryOnly);
  const total = plan.epochs * (options.float ? 2 : 1);
  const onEpoch = options.onEpoch;
  runPlan(tm, plan, exactEngine(tm), {
    onStep(e, storage, out) {
      rec.step(e, storage, out);
      if (!onEpoch) options.onProgress?.(e + 1, total);
    },
    // the plain input and result objects are built only when the caller asks for them
    onEpoch: onEpoch && ((e, input, out) => {
      onEpoch(e, input, out);
      options.onProgress?.(e + 1, total);
    }),
  });
  return { plan, rec };
}

export function simulate(tm: Taomath, scenario: unknown, options: SimulateOptions = {}): SimulationResult {
  const { plan, rec } = recordExact(tm, scenario, options);
  const strategies = rec.strategies();
  let float: FloatComparison | null = null;
  if (options.float) float = compareFloat(tm, plan, rec, strategies, options.onProgress);
  return {
    scenario: { name: plan.name, description: plan.description, seed: plan.seed, epochs: plan.epochs, n: plan.n, hyperparameters: plan.hyper },
    validators: plan.validators.map((v) => ({ uid: v.uid, label: v.label, strategy: v.strategy.type, stake: v.stake, join_at: v.joinAt })),
    miners: plan.miners.map((m) => ({ uid: m.uid, label: m.label })),
    // the per-epoch records stay typed in the recorder until someone reads them
    get epochs() { return rec.epochs; },
    strategies,
    miner_groups: rec.miners(),
    group_dividend_share: groupShares(plan, rec.dividendsPerEpoch()),
    group_bond_share: rec.bondShare,
    float,
  };
}

/** Only the per-strategy summary of an exact run (a sweep cell): no per-epoch records are built. */
export function simulateStrategies(tm: Taomath, scenario: unknown, options: Omit<SimulateOptions, "float" | "onEpoch"> = {}): StrategySummary[] {
  return recordExact(tm, scenario, { ...options, recordBonds: false }, true).rec.strategies();
}

function compareFloat(tm: Taomath, plan: Plan, rec: Recorder, exact: StrategySummary[], onProgress?: (d: number, t: number) => void): FloatComparison {
  const runs: Array<{ stake: BigUint64Array; out: FloatEpoch }> = [];
  runPlan(tm, plan, floatEngine(plan.n), {
    onStep(e, storage, out) {
      runs.push({ stake: storage.stake.slice(), out });
      onProgress?.(plan.epochs + e + 1, 2 * plan.epochs);
    },
  });
  const fl = summarise(plan, runs.map((r) => ({ stake: r.stake, dividends: r.out.validator_emission })));
  const epochs = runs.map((r, e) => {
    const x = rec.epochs[e];
    let dd = 0, di = 0;
    for (let i = 0; i < plan.n; i++) {
      dd = Math.max(dd, Math.abs(x.dividends[i] / 65535 - r.out.dividends[i]));
      di = Math.max(di, Math.abs(x.incentive[i] / 65535 - r.out.incentive[i]));
    }
    return { epoch: e, max_dividend_diff: dd, max_incentive_diff: di };
  });
  const strategies = exact.map((s) => {
    const f = fl.find((g) => g.label === s.label)!;
    return { label: s.label, exact_relative: s.relative_to_honest, float_relative: f.relative_to_honest, exact_paid: s.paid, float_paid: f.paid, verdict_differs: s.paid !== f.paid };
  });
  return { epochs, strategies, group_dividend_share: groupShares(plan, runs.map((r) => r.out.validator_emission)) };
}
