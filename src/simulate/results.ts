// What a run reports: per epoch and uid the chain's outputs (dividends, incentive, bonds, validator
// trust, emission), and per strategy the cumulative dividends per unit of stake relative to honest
// validation, and whether the strategy paid.

import type { EpochInput, EpochResult, SparseRowU16 } from "../bindings/epoch.js";
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

/** Collects records epoch by epoch and summarises them at the end. */
export class Recorder {
  readonly epochs: EpochRecord[] = [];
  /** per strategy label and epoch: the share of all stored bond value (sum of u16 entries) its validators hold */
  readonly bondShare: Record<string, number[]> = {};
  constructor(private plan: Plan, private recordBonds: boolean) {
    for (const v of plan.validators) this.bondShare[v.label] ??= [];
  }

  add(e: number, input: EpochInput, out: EpochResult): void {
    let total = 0;
    const byLabel: Record<string, number> = {};
    for (const v of this.plan.validators) {
      let t = 0;
      for (const [, b] of out.bonds[v.uid]) t += b;
      byLabel[v.label] = (byLabel[v.label] ?? 0) + t;
      total += t;
    }
    for (const l of Object.keys(this.bondShare)) this.bondShare[l].push(total > 0 ? byLabel[l] / total : 0);
    this.epochs.push({
      epoch: e, block: BigInt(input.current_block as bigint), stake: input.alpha_stake as bigint[],
      consensus: out.consensus, incentive: out.incentive, dividends: out.dividends, validator_trust: out.validator_trust,
      emission: out.emission, server_emission: out.server_emission, validator_emission: out.validator_emission,
      bonds: this.recordBonds ? out.bonds : null,
    });
  }

  strategies(): StrategySummary[] {
    return summarise(this.plan, this.epochs.map((r) => ({ stake: r.stake, dividends: r.validator_emission.map(Number) })));
  }

  miners(): MinerSummary[] {
    const groups = new Map<string, MinerSummary>();
    // miners a cartel boosts are their own group, so what the cartel gained through them shows
    const boosted = new Set(this.plan.validators.flatMap((v) => (v.strategy.type === "cartel" ? v.strategy.miners : [])));
    for (const m of this.plan.miners) {
      const label = boosted.has(m.index) ? "boosted by cartel" : m.label.startsWith("miner ") ? "miners" : m.label;
      const g = groups.get(label) ?? { label, uids: [], incentive_emission: 0n };
      g.uids.push(m.uid);
      for (const r of this.epochs) g.incentive_emission += r.server_emission[m.uid];
      groups.set(label, g);
    }
    return [...groups.values()];
  }
}

/** Per-strategy returns from per-epoch stakes and dividends (rao; floats allowed for the float engine). */
export function summarise(plan: Plan, epochs: Array<{ stake: bigint[]; dividends: ArrayLike<number> }>): StrategySummary[] {
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
