// What each validator strategy submits to set_weights before an epoch, from what it could see:
// the true miner qualities (honest, cartel, late) or the chain's stored state (copier). The row
// is (uids, u16 values) as the Python SDK would send it; the chain's max-upscaling is applied by
// the input builder, not here. Rows are written into a buffer the caller reuses every epoch.

import type { Plan, Strategy, WeightRow } from "./scenario.js";
import { splitmix, subSeed, SplitmixStream, STREAM } from "./rng.js";

/** A submitted row: uids and u16 values in submission order (the first `len` entries), and its largest value. */
export class RowBuffer {
  readonly col: Uint16Array;
  readonly val: Uint16Array;
  len = 0;
  max = 0;
  constructor(capacity: number) {
    this.col = new Uint16Array(capacity);
    this.val = new Uint16Array(capacity);
  }
}

/** One stored Weights row: entries from .. to of a CSR's col/val. */
export interface StoredRow { col: Uint16Array; val: Uint16Array; from: number; to: number }

/** What a strategy may look at when it submits before epoch `e`. */
export interface View {
  /** true quality of every miner (by miner index) at epoch e (clamped to epoch 0 below it) */
  quality(e: number): Float64Array;
  /** the stored Consensus (u16 per uid) written by epoch e, or null before the first epoch */
  consensusAt(e: number): ArrayLike<number> | null;
  /** the Weights row of `uid` as epoch e read it, or null before the first epoch */
  storedRowAt(e: number, uid: number): StoredRow | null;
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

/**
 * Scales the first `count` non-negative scores so the largest is 65535 (round half up), dropping
 * zeros as the SDK does; false when no score is positive.
 */
function scoresToU16(uids: ArrayLike<number>, scores: ArrayLike<number>, count: number, keepZeros: boolean, out: RowBuffer): boolean {
  let max = 0;
  for (let k = 0; k < count; k++) if (scores[k] > max) max = scores[k];
  return scaleToU16(uids, scores, count, max, keepZeros, out);
}

/** scoresToU16 with the largest score already known. */
function scaleToU16(uids: ArrayLike<number>, scores: ArrayLike<number>, count: number, max: number, keepZeros: boolean, out: RowBuffer): boolean {
  if (!(max > 0)) return false;
  const f = 65535 / max, col = out.col, val = out.val;
  let w = 0;
  for (let k = 0; k < count; k++) {
    const v = Math.round(scores[k] * f) | 0;
    if (v > 0 || keepZeros) { col[w] = uids[k]; val[w] = v > 65535 ? 65535 : v; w++; }
  }
  out.len = w;
  out.max = 65535;
  return true;
}

/** A scripted row: integer u16 values are sent as given (the chain upscales them); fractions are scaled. */
function scripted(minerUids: Uint16Array, row: WeightRow, out: RowBuffer): void {
  const len = Math.min(row.length, minerUids.length);
  if (row.every((x) => Number.isInteger(x) && x <= 65535)) {
    for (let k = 0; k < len; k++) { out.col[k] = minerUids[k]; out.val[k] = row[k]; }
    out.len = len;
    out.max = Math.max(0, ...row);
    return;
  }
  if (scoresToU16(minerUids, row, len, true, out)) return;
  for (let k = 0; k < len; k++) { out.col[k] = minerUids[k]; out.val[k] = 0; }
  out.len = len;
  out.max = 0;
}

/** One validator's decision rule, with its own noise stream (seeded by scenario seed and uid). */
export class Submitter {
  private rand: SplitmixStream;
  private scores: Float64Array;
  constructor(readonly uid: number, readonly strategy: Strategy, private plan: Plan, private minerUids: Uint16Array) {
    this.rand = new SplitmixStream(subSeed(plan.seed, STREAM.noise, uid));
    this.scores = new Float64Array(minerUids.length);
  }

  /** Writes the row submitted before epoch e into `out`; false when this strategy sets no weights then. */
  submit(e: number, view: View, out: RowBuffer): boolean {
    const s = this.strategy;
    switch (s.type) {
      case "idle": return false;
      case "honest": return this.noisy(view.quality(e), s.noise, undefined, out);
      case "late": return this.noisy(view.quality(e - (s.lag ?? 1)), s.noise, undefined, out);
      case "cartel": return this.noisy(view.quality(e), s.noise, s.miners, out);
      case "copier": {
        const lag = s.lag ?? 1;
        if (s.source === undefined || s.source === "consensus") {
          const c = view.consensusAt(e - lag);
          if (c === null) return false;
          const m = this.minerUids, sc = this.scores;
          for (let k = 0; k < m.length; k++) sc[k] = c[m[k]];
          return scoresToU16(m, sc, m.length, false, out);
        }
        const row = view.storedRowAt(e - lag, s.source);
        if (row === null || row.to === row.from) return false;
        let w = 0, max = 0;
        for (let k = row.from; k < row.to; k++) {
          if (row.col[k] === this.uid) continue;
          out.col[w] = row.col[k]; out.val[w] = row.val[k];
          if (row.val[k] > max) max = row.val[k];
          w++;
        }
        out.len = w;
        out.max = max;
        return w > 0;
      }
      case "schedule": {
        let phase = null;
        for (const p of s.phases) if (p.from <= e && (phase === null || p.from >= phase.from)) phase = p;
        if (phase === null) return false;
        scripted(this.minerUids, phase.weights, out);
        return true;
      }
      case "switcher": {
        const moved = e >= s.at && (s.back_at === undefined || e < s.back_at);
        scripted(this.minerUids, moved ? s.to : s.from, out);
        return true;
      }
    }
  }

  /** Quality plus uniform noise in +-noise; a cartel's own miners get the top score. */
  private noisy(q: Float64Array, noise: number | undefined, boosted: number[] | undefined, out: RowBuffer): boolean {
    const a = noise ?? this.plan.noise;
    const sc = this.scores;
    this.rand.fill(sc, q.length); // one uniform draw per miner, in miner order
    let max = 0;
    for (let k = 0; k < q.length; k++) {
      const x = q[k] + a * (2 * sc[k] - 1);
      const y = x > 0 ? x : 0;
      sc[k] = y;
      if (y > max) max = y;
    }
    if (boosted === undefined) return scaleToU16(this.minerUids, sc, q.length, max, false, out);
    for (const m of boosted) sc[m] = max > 0 ? max : 1;
    return scoresToU16(this.minerUids, sc, q.length, false, out);
  }
}
