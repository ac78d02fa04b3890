// What each validator strategy submits to set_weights before an epoch, from what it could see:
// the true miner qualities (honest, cartel, late) or the chain's stored state (copier). The row
// is (uids, u16 values) as the Python SDK would send it; the chain's max-upscaling is applied by
// the input builder, not here.

import type { Plan, Strategy, WeightRow } from "./scenario.js";
import { splitmix, subSeed, STREAM } from "./rng.js";

/** A submitted row as [uid, u16] pairs in submission order, and its largest value. */
export interface SubmittedRow { pairs: Array<[number, number]>; max: number }

/** What a strategy may look at when it submits before epoch `e`. */
export interface View {
  /** true quality of every miner (by miner index) at epoch e (clamped to epoch 0 below it) */
  quality(e: number): Float64Array;
  /** the stored Consensus (u16 per uid) written by epoch e, or null before the first epoch */
  consensusAt(e: number): ArrayLike<number> | null;
  /** the Weights row of `uid` as epoch e read it, or null before the first epoch */
  storedRowAt(e: number, uid: number): ReadonlyArray<readonly [number, number]> | null;
}

/** True qualities per epoch: the scenario's base values plus a seeded random walk of +-drift. */
export class Qualities {
  private rows: Float64Array[] = [];
  private offset: Float64Array;
  private rand: () => number;
  constructor(private plan: Plan) {
    this.offset = new Float64Array(plan.miners.length);
    this.rand = splitmix(subSeed(plan.seed, STREAM.drift, 0));
  }
  at(e: number): Float64Array {
    const k = Math.max(0, e);
    while (this.rows.length <= k) {
      const t = this.rows.length, d = this.plan.drift;
      const row = new Float64Array(this.plan.miners.length);
      this.plan.miners.forEach((m, i) => {
        if (d > 0 && t > 0) this.offset[i] += d * (2 * this.rand() - 1);
        const base = m.quality[Math.min(t, m.quality.length - 1)];
        row[i] = Math.min(1, Math.max(0, base + this.offset[i]));
      });
      this.rows.push(row);
    }
    return this.rows[k];
  }
}

/** Scales non-negative scores so the largest is 65535 (round half up), dropping zeros as the SDK does. */
function scoresToU16(uids: number[], scores: ArrayLike<number>, keepZeros: boolean): SubmittedRow | null {
  let max = 0;
  for (let k = 0; k < scores.length; k++) if (scores[k] > max) max = scores[k];
  if (!(max > 0)) return null;
  const pairs: Array<[number, number]> = [];
  const f = 65535 / max;
  for (let k = 0; k < scores.length; k++) {
    const v = Math.round(scores[k] * f) | 0;
    if (v > 0 || keepZeros) pairs.push([uids[k], v > 65535 ? 65535 : v]);
  }
  return { pairs, max: 65535 };
}

/** A scripted row: integer u16 values are sent as given (the chain upscales them); fractions are scaled. */
function scripted(minerUids: number[], row: WeightRow): SubmittedRow {
  const uids = minerUids.slice(0, row.length);
  if (row.every((x) => Number.isInteger(x) && x <= 65535)) return { pairs: uids.map((u, k) => [u, row[k]]), max: Math.max(0, ...row) };
  return scoresToU16(uids, row, true) ?? { pairs: uids.map((u) => [u, 0]), max: 0 };
}

/** One validator's decision rule, with its own noise stream (seeded by scenario seed and uid). */
export class Submitter {
  private rand: () => number;
  private scores: Float64Array;
  constructor(readonly uid: number, readonly strategy: Strategy, private plan: Plan, private minerUids: number[]) {
    this.rand = splitmix(subSeed(plan.seed, STREAM.noise, uid));
    this.scores = new Float64Array(minerUids.length);
  }

  /** The row submitted before epoch e, or null when this strategy sets no weights then. */
  submit(e: number, view: View): SubmittedRow | null {
    const s = this.strategy;
    switch (s.type) {
      case "idle": return null;
      case "honest": return this.noisy(view.quality(e), s.noise);
      case "late": return this.noisy(view.quality(e - (s.lag ?? 1)), s.noise);
      case "cartel": {
        return this.noisy(view.quality(e), s.noise, s.miners);
      }
      case "copier": {
        const lag = s.lag ?? 1;
        if (s.source === undefined || s.source === "consensus") {
          const c = view.consensusAt(e - lag);
          if (c === null) return null;
          const vals = this.minerUids.map((u) => c[u]);
          return scoresToU16(this.minerUids, vals, false);
        }
        const row = view.storedRowAt(e - lag, s.source);
        if (row === null || row.length === 0) return null;
        const kept = row.filter(([j]) => j !== this.uid);
        return kept.length === 0 ? null : { pairs: kept.map(([j, w]) => [j, w]), max: Math.max(...kept.map(([, w]) => w)) };
      }
      case "schedule": {
        let phase = null;
        for (const p of s.phases) if (p.from <= e && (phase === null || p.from >= phase.from)) phase = p;
        return phase === null ? null : scripted(this.minerUids, phase.weights);
      }
      case "switcher": {
        const moved = e >= s.at && (s.back_at === undefined || e < s.back_at);
        return scripted(this.minerUids, moved ? s.to : s.from);
      }
    }
  }

  /** Quality plus uniform noise in +-noise; a cartel's own miners get the top score. */
  private noisy(q: Float64Array, noise: number | undefined, boosted?: number[]): SubmittedRow | null {
    const a = noise ?? this.plan.noise;
    const sc = this.scores;
    let max = 0;
    for (let k = 0; k < q.length; k++) {
      const x = q[k] + a * (2 * this.rand() - 1);
      sc[k] = x > 0 ? x : 0;
      if (sc[k] > max) max = sc[k];
    }
    if (boosted) for (const m of boosted) sc[m] = max > 0 ? max : 1;
    return scoresToU16(this.minerUids, sc, false);
  }
}
