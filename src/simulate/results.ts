// What a run reports: per epoch and uid the chain's outputs (dividends, incentive, bonds, validator
// trust, emission), and per strategy the cumulative dividends per unit of stake relative to honest
// validation, and whether the strategy paid.

import type { CsrU16, EpochOutputTyped, SparseRowU16 } from "../bindings/epoch.js";
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

// which u32 word of a u64 is the low one (typed arrays use the platform's byte order)
const LO = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 0 : 1, HI = 1 - LO;

/** The sum of entry `uid` over the first `rows` rows of n u64 each, exact, from u32 words (no BigInt per term: rows < 2^21). */
function sumColumn(a: BigUint64Array, n: number, rows: number, uid: number): bigint {
  const w = new Uint32Array(a.buffer, a.byteOffset, 2 * n * rows);
  let lo = 0, hi = 0;
  for (let e = 0, k = 2 * uid; e < rows; e++, k += 2 * n) { lo += w[k + LO]; hi += w[k + HI]; }
  return (BigInt(hi) << 32n) + BigInt(lo);
}

const U16_FIELDS = ["consensus", "incentive", "dividends", "validator_trust"] as const;
const U64_FIELDS = ["emission", "server_emission", "validator_emission"] as const;

/**
 * Collects records epoch by epoch and summarises them at the end. During the run everything is
 * copied into flat per-run arrays (epoch-major, n per epoch), so the epoch's own output arrays die
 * young; the plain per-epoch records are built on first read.
 */
export class Recorder {
  private count = 0;
  private readonly n: number;
  private readonly blocks: bigint[] = [];
  private stake: BigUint64Array;
  /** each uid's validator emission as a float (what the summaries add up) */
  private dividendsF: Float64Array;
  private readonly u16: Record<(typeof U16_FIELDS)[number], Uint16Array>;
  private readonly u64: Record<(typeof U64_FIELDS)[number], BigUint64Array>;
  private readonly bonds: CsrU16[] = [];
  private records: EpochRecord[] | null = null;
  /** per strategy label and epoch: the share of all stored bond value (sum of u16 entries) its validators hold */
  readonly bondShare: Record<string, number[]> = {};
  private readonly byLabel: Float64Array;
  private readonly labelOf: Int32Array;
  private readonly labels: string[];
  /** summaryOnly: keep only what the per-strategy summary needs (stake and dividends), as a sweep cell does */
  constructor(private plan: Plan, private recordBonds: boolean, private summaryOnly = false) {
    for (const v of plan.validators) this.bondShare[v.label] ??= [];
    this.labels = Object.keys(this.bondShare);
    this.labelOf = Int32Array.from(plan.validators, (v) => this.labels.indexOf(v.label));
    this.byLabel = new Float64Array(this.labels.length);
    const n = (this.n = plan.n), size = Math.max(1, plan.epochs) * n;
    this.stake = new BigUint64Array(size);
    this.dividendsF = new Float64Array(size);
    this.u16 = { consensus: new Uint16Array(size), incentive: new Uint16Array(size), dividends: new Uint16Array(size), validator_trust: new Uint16Array(size) };
    this.u64 = { emission: new BigUint64Array(size), server_emission: new BigUint64Array(size), validator_emission: new BigUint64Array(size) };
  }

  /** Records epoch e (the next one) from the storage it read (stake, block) and the epoch's typed output. */
  step(e: number, storage: SubnetStorage, out: EpochOutputTyped): void {
    const n = this.n, at = this.count * n;
    if (at + n > this.stake.length) this.grow();
    this.stake.set(storage.stake, at);
    // Number(x) of each u64 from its two u32 words: hi * 2^32 is exact and adding lo rounds once,
    // as Number(bigint) does, without a BigInt per uid
    const ve = out.validator_emission, words = new Uint32Array(ve.buffer, ve.byteOffset, 2 * n), d = this.dividendsF;
    for (let i = 0; i < n; i++) d[at + i] = words[2 * i + HI] * 4294967296 + words[2 * i + LO];
    this.count++;
    if (this.summaryOnly) return;
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
    for (const f of U16_FIELDS) this.u16[f].set(out[f], at);
    for (const f of U64_FIELDS) this.u64[f].set(out[f], at);
    if (this.recordBonds) this.bonds.push(out.bonds);
    this.blocks.push(storage.epochBlock(e));
    this.records = null;
  }

  /** Doubles the per-run arrays (a run longer than its plan said). */
  private grow(): void {
    const big = <T extends Uint16Array | BigUint64Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as { new (l: number): T })(a.length * 2);
      b.set(a as never);
      return b;
    };
    this.stake = big(this.stake);
    this.dividendsF = big(this.dividendsF);
    for (const f of U16_FIELDS) this.u16[f] = big(this.u16[f]);
    for (const f of U64_FIELDS) this.u64[f] = big(this.u64[f]);
  }

  private slice<T extends Uint16Array | BigUint64Array | Float64Array>(a: T, e: number): T {
    return a.subarray(e * this.n, (e + 1) * this.n) as T;
  }

  /** Per epoch and uid, as plain arrays (built on first use). */
  get epochs(): EpochRecord[] {
    if (this.records !== null) return this.records;
    const out: EpochRecord[] = [];
    for (let e = 0; e < this.count; e++) {
      const u16 = (f: (typeof U16_FIELDS)[number]) => list(this.slice(this.u16[f], e));
      const u64 = (f: (typeof U64_FIELDS)[number]) => list(this.slice(this.u64[f], e));
      out.push({
        epoch: e, block: this.blocks[e], stake: list(this.slice(this.stake, e)),
        consensus: u16("consensus"), incentive: u16("incentive"), dividends: u16("dividends"), validator_trust: u16("validator_trust"),
        emission: u64("emission"), server_emission: u64("server_emission"), validator_emission: u64("validator_emission"),
        bonds: this.recordBonds ? csrRows(this.bonds[e], this.n) : null,
      });
    }
    return (this.records = out);
  }

  /** Per epoch: each uid's validator emission (rao) as a float. */
  dividendsPerEpoch(): Float64Array[] {
    return Array.from({ length: this.count }, (_, e) => this.slice(this.dividendsF, e));
  }

  strategies(): StrategySummary[] {
    return summarise(this.plan, Array.from({ length: this.count }, (_, e) => ({ stake: this.slice(this.stake, e), dividends: this.slice(this.dividendsF, e) })));
  }

  miners(): MinerSummary[] {
    const groups = new Map<string, MinerSummary>();
    // miners a cartel boosts are their own group, so what the cartel gained through them shows
    const boosted = new Set(this.plan.validators.flatMap((v) => (v.strategy.type === "cartel" ? v.strategy.miners : [])));
    for (const m of this.plan.miners) {
      const label = boosted.has(m.index) ? "boosted by cartel" : m.label.startsWith("miner ") ? "miners" : m.label;
      const g = groups.get(label) ?? { label, uids: [], incentive_emission: 0n };
      g.uids.push(m.uid);
      g.incentive_emission += sumColumn(this.u64.server_emission, this.n, this.count, m.uid);
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
