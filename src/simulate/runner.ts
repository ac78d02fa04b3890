// The lab's loop: for every epoch, apply the scenario's events (re-registrations, joins, stake
// moves) and the validators' submissions to the subnet storage, build the epoch input exactly as
// storage holds it, run the bit-exact epoch, and write its Bonds and ValidatorPermit back.

import type { EpochInput, EpochResult, SparseRowU16 } from "../bindings/epoch.js";
import type { Taomath } from "../core/taomath.js";
import { storedRow } from "../weights/check.js";
import { planScenario, type Plan, type ScenarioOverrides } from "./scenario.js";
import { SubnetStorage } from "./storage.js";
import { Qualities, Submitter, type View } from "./strategies.js";

/** One engine step: the exact epoch, or the float64 one (float.ts) that keeps its own bonds. */
export interface EpochEngine<R> {
  run(input: EpochInput): R;
  /** Consensus on the u16 scale (what a copier reads from storage) */
  consensus(r: R): ArrayLike<number>;
  permits(r: R): boolean[];
  /** the Bonds rows storage keeps for the next epoch */
  bonds(r: R): SparseRowU16[];
}

export function exactEngine(tm: Taomath): EpochEngine<EpochResult> {
  return {
    run: (input) => tm.runEpoch(input),
    consensus: (r) => r.consensus,
    permits: (r) => r.validator_permit,
    bonds: (r) => r.bonds,
  };
}

export interface RunHooks<R> {
  /** called after each reported epoch with its input (as storage held it) and result */
  onEpoch?(epoch: number, input: EpochInput, result: R): void;
}

/**
 * Runs a planned scenario on an engine. A warm-up epoch without weights runs first (epoch -1:
 * the chain's first permits), then epochs 0..plan.epochs-1 are reported through onEpoch.
 */
export function runPlan<R>(tm: Taomath, plan: Plan, engine: EpochEngine<R>, hooks: RunHooks<R> = {}): void {
  const storage = new SubnetStorage(plan);
  const qualities = new Qualities(plan);
  const minerUids = plan.miners.map((m) => m.uid);
  const submitters = plan.validators.map((v) => new Submitter(v.uid, v.strategy, plan, minerUids));
  // only the last `keep` epochs are visible to any strategy: older state is dropped, not retained
  const keep = 1 + Math.max(1, ...plan.validators.map((v) => (v.strategy.type === "copier" ? v.strategy.lag ?? 1 : 1)));
  const consensusHistory: Array<ArrayLike<number>> = [];
  const weightsHistory: SparseRowU16[][] = [];
  // stored rows are kept only when a copier reads another validator's row (they are most of the memory)
  const copiesRows = plan.validators.some((v) => v.strategy.type === "copier" && typeof v.strategy.source === "number");
  const seen = (e: number, done: number) => e >= 0 && e < done && e >= done - keep;
  const view: View = {
    quality: (e) => qualities.at(e),
    consensusAt: (e) => (seen(e, consensusHistory.length) ? consensusHistory[e] : null),
    storedRowAt: (e, uid) => (seen(e, weightsHistory.length) ? weightsHistory[e][uid] : null),
  };
  const h = plan.hyper;
  const warm = engine.run(storage.input(-1));
  storage.persist(engine.bonds(warm), engine.permits(warm));
  for (let e = 0; e < plan.epochs; e++) {
    const block = storage.setBlock(e);
    for (const m of plan.miners) if (m.reregisterAt.has(e)) storage.replace(m.uid, block, 0n);
    for (const v of plan.validators) {
      if (v.joinAt === e) storage.replace(v.uid, block, v.stake);
      const moved = v.stakeChanges.get(e);
      // a validator that has not joined yet holds no stake, whatever its schedule says
      if (moved !== undefined && (v.joinAt === null || e >= v.joinAt)) storage.stake[v.uid] = moved;
    }
    if (h.commit_reveal_enabled) storage.revealDue(e, block);
    for (const s of submitters) {
      const v = plan.validators[s.uid];
      if (v.joinAt !== null && e < v.joinAt) continue;
      const row = s.submit(e, view);
      if (row === null) continue;
      // a row whose maximum is already 65535 is stored as sent (the upscale factor is exactly 1);
      // any other row is max-upscaled by the chain's vec_u16_max_upscale_to_u16
      const stored = row.max === 65535 ? row.pairs : storedRow(tm, row.pairs.map(([j]) => j), row.pairs.map(([, w]) => w));
      if (h.commit_reveal_enabled) storage.commit(s.uid, stored, block, e + h.reveal_period_epochs);
      else storage.setWeights(s.uid, stored, block);
    }
    const input = storage.input(e);
    const out = engine.run(input);
    storage.persist(engine.bonds(out), engine.permits(out));
    consensusHistory.push(engine.consensus(out));
    weightsHistory.push(copiesRows ? input.weights as SparseRowU16[] : []);
    if (e >= keep) { consensusHistory[e - keep] = []; weightsHistory[e - keep] = []; }
    hooks.onEpoch?.(e, input, out);
  }
}

/** Plans and runs a scenario on the exact epoch. */
export function runScenarioExact(tm: Taomath, scenario: unknown, overrides: ScenarioOverrides = {}, hooks: RunHooks<EpochResult> = {}): Plan {
  const plan = planScenario(scenario, overrides);
  runPlan(tm, plan, exactEngine(tm), hooks);
  return plan;
}
