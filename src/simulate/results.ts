// What a run reports: per epoch and uid the chain's outputs (dividends, incentive, bonds, validator
// trust, emission), and per strategy the cumulative dividends per unit of stake relative to honest
// validation, and whether the strategy paid.

import type { EpochOutputTyped, SparseRowU16 } from "../bindings/epoch.js";
import { csrRows, type SubnetStorage } from "./storage.js";
import type { Plan } from "./scenario.js";

export interface EpochRecord {
  epoch: number;
  block: bigint;
  stake: bigint[];
  consensus: number[];
  incentive: number[];
  dividends: number[];
  validator_trust: number[];
  emission: bigint[];
  server_emission: bigint[];
  validator_emission: bigint[];
  /** the Bonds rows the epoch wrote (recorded for scenarios up to 64 uids, or when asked) */
  bonds: SparseRowU16[] | null;
}

export interface StrategySummary {
  label: string;
  type: string;
  uids: number[];
  /** validator emission (dividends) summed over the run, in rao */
  dividends: bigint;
  /** stake summed over the epochs (rao x epochs): the denominator of the return */
  stake_epochs: bigint;
  /** dividends per unit of stake and epoch (rao per rao) */
  return_per_stake: number;
  /** return_per_stake / that of the honest validators - 1 (null without honest validators) */
  relative_to_honest: number | null;
  /** true when the strategy earned more per unit of stake than honest validation */
  paid: boolean | null;
}

export interface MinerSummary { label: string; uids: number[]; incentive_emission: bigint }

/** A typed array as a plain array (an indexed loop: Array.from goes through the iterator protocol). */
function list<T extends number | bigint>(a: { readonly length: number; readonly [i: number]: T }): T[] {
  const out: T[] = [];
  for (let i = 0; i < a.length; i++) out.push(a[i]);
  return out;
}

/** One epoch as the recorder keeps it during the run: typed arrays, turned into an EpochRecord on demand. */
interface TypedRecord { block: bigint; stake: BigUint64Array; out: EpochOutputTyped; dividends: Float64Array }

/** Collects records epoch by epoch (typed, no per-uid objects in the loop) and summarises them at the end. */
export class Recorder {
  private readonly typed: TypedRecord[] = [];
  private records: EpochRecord[] | null = null;
  /** per strategy label and epoch: the share of all stored bond value (sum of u16 entries) its validators hold */
  readonly bondShare: Record<string, number[]> = {};
  private readonly byLabel: Float64Array;
  private readonly labelOf: Int32Array;
  private readonly labels: string[];
  constructor(private plan: Plan, private recordBonds: boolean) {
    for (const v of plan.validators) this.bondShare[v.label] ??= [];
    this.labels = Object.keys(this.bondShare);
    this.labelOf = Int32Array.from(plan.validators, (v) => this.labels.indexOf(v.label));
    this.byLabel = new Float64Array(this.labels.length);
  }

  /** Records epoch e from the storage it read (stake, block) and the epoch's typed output. */
  step(e: number, storage: SubnetStorage, out: EpochOutputTyped): void {
    const { start, val } = out.bonds;
    const byLabel = this.byLabel.fill(0);
    let total = 0;
    for (const v of this.plan.validators) {
      let t = 0;
      for (let k = start[v.uid]; k < start[v.uid + 1]; k++) t += val[k];
      byLabel[this.labelOf[v.uid]] += t;
      total += t;
    }
    this.labels.forEach((l, k) => this.bondShare[l].push(total > 0 ? byLabel[k] / total : 0));
    const ve = out.validator_emission, dividends = new Float64Array(ve.length);
    for (let i = 0; i < ve.length; i++) dividends[i] = Number(ve[i]);
    this.typed.push({ block: storage.epochBlock(e), stake: storage.stake.slice(), out, dividends });
    this.records = null;
  }

  /** Per epoch and uid, as plain arrays (built on first use). */
  get epochs(): EpochRecord[] {
    return (this.records ??= this.typed.map((r, e) => ({
      epoch: e, block: r.block, stake: list(r.stake),
      consensus: list(r.out.consensus), incentive: list(r.out.incentive), dividends: list(r.out.dividends),
      validator_trust: list(r.out.validator_trust), emission: list(r.out.emission),
      server_emission: list(r.out.server_emission), validator_emission: list(r.out.validator_emission),
      bonds: this.recordBonds ? csrRows(r.out.bonds, this.plan.n) : null,
    })));
  }

  /** Per epoch: each uid's validator emission (rao) as a float. */
  dividendsPerEpoch(): Float64Array[] {
    return this.typed.map((r) => r.dividends);
  }

  strategies(): StrategySummary[] {
    return summarise(this.plan, this.typed.map((r) => ({ stake: r.stake, dividends: r.dividends })));
  }

  miners(): MinerSummary[] {
    const groups = new Map<string, MinerSummary>();
    // miners a cartel boosts are their own group, so what the cartel gained through them shows
    const boosted = new Set(this.plan.validators.flatMap((v) => (v.strategy.type === "cartel" ? v.strategy.miners : [])));
    for (const m of this.plan.miners) {
      const label = boosted.has(m.index) ? "boosted by cartel" : m.label.startsWith("miner ") ? "miners" : m.label;
      const g = groups.get(label) ?? { label, uids: [], incentive_emission: 0n };
      g.uids.push(m.uid);
      for (const r of this.typed) g.incentive_emission += r.out.server_emission[m.uid];
      groups.set(label, g);
    }
    return [...groups.values()];
  }
}

/** Per-strategy returns from per-epoch stakes and dividends (rao; floats allowed for the float engine). */
export function summarise(plan: Plan, epochs: Array<{ stake: ArrayLike<bigint>; dividends: ArrayLike<number> }>): StrategySummary[] {
  const groups = new Map<string, { type: string; uids: number[]; div: number; stake: bigint }>();
  for (const v of plan.validators) {
    const g = groups.get(v.label) ?? { type: v.strategy.type, uids: [], div: 0, stake: 0n };
    g.uids.push(v.uid);
    for (const r of epochs) { g.div += r.dividends[v.uid]; g.stake += r.stake[v.uid]; }
    groups.set(v.label, g);
  }
  let honestDiv = 0, honestStake = 0n;
  for (const g of groups.values()) if (g.type === "honest") { honestDiv += g.div; honestStake += g.stake; }
  const honest = honestStake > 0n ? honestDiv / Number(honestStake) : null;
  return [...groups].map(([label, g]) => {
    const ret = g.stake > 0n ? g.div / Number(g.stake) : 0;
    const rel = honest !== null && honest > 0 && g.type !== "honest" ? ret / honest - 1 : g.type === "honest" && honest !== null ? 0 : null;
    return {
      label, type: g.type, uids: g.uids, dividends: BigInt(Math.round(g.div)), stake_epochs: g.stake,
      return_per_stake: ret, relative_to_honest: rel, paid: rel === null || g.type === "honest" ? null : rel > 0,
    };
  });
}
