// The lab's loop: for every epoch, apply the scenario's events (re-registrations, joins, stake
// moves) and the validators' submissions to the subnet storage, build the epoch input exactly as
// storage holds it, run the bit-exact epoch, and write its Bonds and ValidatorPermit back.
// The exact engine reads and writes the storage's typed arrays as they are (runEpochTyped, typed
// output): bonds go from one epoch's output to the next input without conversion, and the plain
// EpochInput / EpochResult objects are built only for a caller's onEpoch hook.

import type { EpochInput, EpochOutputTyped, EpochResult } from "../bindings/epoch.js";
import type { Taomath } from "../core/taomath.js";
import { storedRow } from "../weights/check.js";
import { planScenario, type Plan, type ScenarioOverrides } from "./scenario.js";
import { csrRows, SubnetStorage } from "./storage.js";
import { Qualities, RowBuffer, Submitter, type StoredRow, type View } from "./strategies.js";

/**
 * One engine step: the exact epoch, or the float64 one (float.ts) that keeps its own bonds. R is
 * what the engine computes, O what an onEpoch hook is shown (the exact engine: an EpochResult).
 */
export interface EpochEngine<R, O = R> {
  /** runs epoch e on what storage holds now; `plain` builds the plain input (once) for engines that read it */
  run(storage: SubnetStorage, e: number, plain: () => EpochInput): R;
  /** Consensus on the u16 scale (what a copier reads from storage) */
  consensus(r: R): ArrayLike<number>;
  /** writes the epoch's Bonds and ValidatorPermit into storage */
  persist(r: R, storage: SubnetStorage): void;
  /** the result as a hook sees it */
  output(r: R): O;
}

/** The typed output as runEpoch returns it (the same arrays and key order, for hooks and exports). */
export function epochResultOf(t: EpochOutputTyped): EpochResult {
  const bools = (a: Uint8Array) => Array.from(a, (x) => x !== 0);
  return {
    stake: Array.from(t.stake), stake_weight: Array.from(t.stake_weight), active: bools(t.active), validator_permit: bools(t.validator_permit),
    consensus: Array.from(t.consensus), incentive: Array.from(t.incentive), dividends: Array.from(t.dividends), validator_trust: Array.from(t.validator_trust),
    emission: Array.from(t.emission), server_emission: Array.from(t.server_emission), validator_emission: Array.from(t.validator_emission),
    bonds: csrRows(t.bonds, t.consensus.length),
  };
}

export function exactEngine(tm: Taomath): EpochEngine<EpochOutputTyped, EpochResult> {
  return {
    run: (storage, e) => tm.runEpochTyped(storage.typedInput(e), { output: "typed" }),
    consensus: (r) => r.consensus,
    persist: (r, storage) => storage.persist(r.bonds, r.validator_permit),
    output: epochResultOf,
  };
}

export interface RunHooks<O, R = unknown> {
  /** called after each reported epoch with its input (as storage held it) and result, as plain objects */
  onEpoch?(epoch: number, input: EpochInput, result: O): void;
  /** called after each reported epoch with the storage as the epoch read it (before the write-back) and the engine's own result */
  onStep?(epoch: number, storage: SubnetStorage, result: R): void;
}

/**
 * Runs a planned scenario on an engine. A warm-up epoch without weights runs first (epoch -1:
 * the chain's first permits), then epochs 0..plan.epochs-1 are reported through the hooks.
 */
export function runPlan<R, O>(tm: Taomath, plan: Plan, engine: EpochEngine<R, O>, hooks: RunHooks<O, R> = {}): void {
  const storage = new SubnetStorage(plan);
  const qualities = new Qualities(plan);
  const minerUids = Uint16Array.from(plan.miners, (m) => m.uid);
  const submitters = plan.validators.map((v) => new Submitter(v.uid, v.strategy, plan, minerUids));
  const row = new RowBuffer(plan.n);
  // only the last `keep` epochs are visible to any strategy: older state is dropped, not retained
  const keep = 1 + Math.max(1, ...plan.validators.map((v) => (v.strategy.type === "copier" ? v.strategy.lag ?? 1 : 1)));
  const consensusHistory: Array<ArrayLike<number>> = [];
  const weightsHistory: Array<ReturnType<SubnetStorage["weights"]> | null> = [];
  // stored rows are kept only when a copier reads another validator's row
  const copiesRows = plan.validators.some((v) => v.strategy.type === "copier" && typeof v.strategy.source === "number");
  const seen = (e: number, done: number) => e >= 0 && e < done && e >= done - keep;
  const view: View = {
    quality: (e) => qualities.at(e),
    consensusAt: (e) => (seen(e, consensusHistory.length) ? consensusHistory[e] : null),
    storedRowAt: (e, uid): StoredRow | null => {
      const w = seen(e, weightsHistory.length) ? weightsHistory[e] : null;
      return w === null ? null : { col: w.col, val: w.val, from: w.start[uid], to: w.start[uid + 1] };
    },
  };
  // only the uids with scheduled events are visited every epoch (in uid order, as the events apply)
  const reregistered = plan.miners.filter((m) => m.reregisterAt.size > 0);
  const withEvents = plan.validators.filter((v) => v.joinAt !== null || v.stakeChanges.size > 0);
  const h = plan.hyper;
  const noPlain = (): EpochInput => storage.input(-1);
  engine.persist(engine.run(storage, -1, noPlain), storage);
  for (let e = 0; e < plan.epochs; e++) {
    const block = storage.setBlock(e);
    for (const m of reregistered) if (m.reregisterAt.has(e)) storage.replace(m.uid, block, 0n);
    for (const v of withEvents) {
      if (v.joinAt === e) storage.replace(v.uid, block, v.stake);
      const moved = v.stakeChanges.get(e);
      // a validator that has not joined yet holds no stake, whatever its schedule says
      if (moved !== undefined && (v.joinAt === null || e >= v.joinAt)) storage.stake[v.uid] = moved;
    }
    if (h.commit_reveal_enabled) storage.revealDue(e, block);
    for (const s of submitters) {
      const v = plan.validators[s.uid];
      if (v.joinAt !== null && e < v.joinAt) continue;
      if (!s.submit(e, view, row)) continue;
      // a row whose maximum is already 65535 is stored as sent (the upscale factor is exactly 1);
      // any other row is max-upscaled by the chain's vec_u16_max_upscale_to_u16
      let col: ArrayLike<number> = row.col, val: ArrayLike<number> = row.val;
      if (row.max !== 65535) {
        const uids = Array.from(row.col.subarray(0, row.len));
        const up = storedRow(tm, uids, Array.from(row.val.subarray(0, row.len)));
        val = up.map(([, w]) => w);
        col = uids;
      }
      if (h.commit_reveal_enabled) storage.commit(s.uid, col, val, row.len, block, e + h.reveal_period_epochs);
      else storage.setWeights(s.uid, col, val, row.len, block);
    }
    let plain: EpochInput | null = null;
    const plainInput = () => (plain ??= storage.input(e));
    if (hooks.onEpoch) plainInput();
    if (copiesRows) {
      const w = storage.weights();
      weightsHistory.push({ start: w.start.slice(), col: w.col.slice(), val: w.val.slice() });
    } else weightsHistory.push(null);
    const out = engine.run(storage, e, plainInput);
    hooks.onStep?.(e, storage, out);
    engine.persist(out, storage);
    consensusHistory.push(engine.consensus(out));
    if (e >= keep) { consensusHistory[e - keep] = []; weightsHistory[e - keep] = null; }
    hooks.onEpoch?.(e, plain!, engine.output(out));
  }
}

/** Plans and runs a scenario on the exact epoch. */
export function runScenarioExact(tm: Taomath, scenario: unknown, overrides: ScenarioOverrides = {}, hooks: RunHooks<EpochResult, EpochOutputTyped> = {}): Plan {
  const plan = planScenario(scenario, overrides);
  runPlan(tm, plan, exactEngine(tm), hooks);
  return plan;
}
