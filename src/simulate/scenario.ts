// A scenario (validators with stake and a strategy, miners with a true quality, hyperparameters,
// epochs, a seed) parsed into a plan: uids assigned (validators first, then miners), defaults
// filled with the chain's defaults, seeded values drawn. Input is checked against the shipped
// JSON Schema first, so every error names the field.

import { TaomathError } from "../core/errors.js";
import { validateScenarioJson } from "./validate.js";
import { splitmix, subSeed, STREAM } from "./rng.js";
import { U64_MAX } from "../core/ints.js";

export type WeightRow = number[];
export type Strategy =
  | { type: "honest"; noise?: number }
  | { type: "copier"; source?: "consensus" | number; lag?: number }
  | { type: "cartel"; miners: number[]; noise?: number }
  | { type: "late"; lag?: number; noise?: number }
  | { type: "schedule"; phases: Array<{ from: number; weights: WeightRow }> }
  | { type: "switcher"; from: WeightRow; to: WeightRow; at: number; back_at?: number }
  | { type: "idle" };

export interface Hyperparameters {
  tempo: number;
  activity_cutoff: number;
  kappa: number;
  bonds_penalty: number;
  bonds_moving_average: number;
  yuma3_enabled: boolean;
  liquid_alpha_enabled: boolean;
  alpha_low: number;
  alpha_high: number;
  alpha_sigmoid_steepness: number;
  max_allowed_validators: number;
  commit_reveal_enabled: boolean;
  reveal_period_epochs: number;
  stake_threshold: bigint;
  rao_emission: bigint;
}

type Amount = number | string;

export interface ScenarioJson {
  name: string;
  description?: string;
  seed?: number;
  epochs: number;
  noise?: number;
  quality_drift?: number;
  hyperparameters?: Partial<Record<keyof Hyperparameters, number | boolean | string>>;
  validators: Array<{ label?: string; count?: number; stake?: Amount; join_at?: number; stake_changes?: Array<{ at: number; stake: Amount }>; strategy: Strategy }>;
  miners: Array<{ label?: string; count?: number; quality?: number | number[] | "seeded"; reregister_at?: number[] }>;
}

export interface ValidatorPlan { uid: number; label: string; strategy: Strategy; stake: bigint; joinAt: number | null; stakeChanges: Map<number, bigint> }
export interface MinerPlan { uid: number; index: number; label: string; quality: number[]; reregisterAt: Set<number> }

export interface Plan {
  name: string;
  description: string;
  seed: number;
  epochs: number;
  noise: number;
  drift: number;
  hyper: Hyperparameters;
  validators: ValidatorPlan[];
  miners: MinerPlan[];
  n: number;
}

/** What a run may change without editing the file (CLI flags, sweeps, the dashboard). */
export interface ScenarioOverrides {
  epochs?: number;
  seed?: number;
  hyperparameters?: ScenarioJson["hyperparameters"];
}

/** subtensor's defaults (DefaultKappa, DefaultBondsMovingAverage, ...); rao_emission is one alpha per block. */
export function defaultHyperparameters(tempo = 360): Hyperparameters {
  return {
    tempo,
    activity_cutoff: Math.max(1, Math.floor((13889 * tempo) / 1000)),
    kappa: 32767,
    bonds_penalty: 65535,
    bonds_moving_average: 900_000,
    yuma3_enabled: false,
    liquid_alpha_enabled: false,
    alpha_low: 45875,
    alpha_high: 58982,
    alpha_sigmoid_steepness: 1000,
    max_allowed_validators: 128,
    commit_reveal_enabled: false,
    reveal_period_epochs: 1,
    stake_threshold: 0n,
    rao_emission: BigInt(tempo) * 1_000_000_000n,
  };
}

function amount(x: Amount, field: string): bigint {
  const v = BigInt(x);
  if (v > U64_MAX) throw new TaomathError("out_of_range", field, `must fit in a u64 (<= ${U64_MAX}), got ${x}`);
  return v;
}

/** Applies overrides to a scenario's JSON (before validation, so they are checked too). */
export function withOverrides(json: ScenarioJson, o: ScenarioOverrides = {}): ScenarioJson {
  const out: ScenarioJson = { ...json };
  if (o.epochs !== undefined) out.epochs = o.epochs;
  if (o.seed !== undefined) out.seed = o.seed;
  if (o.hyperparameters) out.hyperparameters = { ...(json.hyperparameters ?? {}), ...o.hyperparameters };
  return out;
}

export function planScenario(input: unknown, overrides: ScenarioOverrides = {}): Plan {
  if (input === null || typeof input !== "object" || Array.isArray(input)) throw new TaomathError("invalid_type", "scenario", "expected a JSON object");
  const json = withOverrides(input as ScenarioJson, overrides);
  validateScenarioJson(json);
  const seed = json.seed ?? 1;
  const hp = json.hyperparameters ?? {};
  const tempo = (hp.tempo as number | undefined) ?? 360;
  const hyper = defaultHyperparameters(tempo);
  for (const [k, v] of Object.entries(hp)) {
    (hyper as unknown as Record<string, unknown>)[k] = k === "stake_threshold" || k === "rao_emission" ? amount(v as Amount, `hyperparameters.${k}`) : v;
  }
  const stakeRand = splitmix(subSeed(seed, STREAM.stake, 0));
  const qualityRand = splitmix(subSeed(seed, STREAM.quality, 0));
  const validators: ValidatorPlan[] = [];
  json.validators.forEach((g, gi) => {
    for (let c = 0; c < (g.count ?? 1); c++) {
      const uid = validators.length;
      // a heavy-tailed stake of 1k..~200k alpha when none is given
      const stake = g.stake !== undefined ? amount(g.stake, `validators[${gi}].stake`) : BigInt(1_000 + Math.floor(200_000 * stakeRand() ** 3)) * 1_000_000_000n;
      validators.push({
        uid, label: g.label ?? g.strategy.type, strategy: g.strategy, stake,
        joinAt: g.join_at ?? null,
        stakeChanges: new Map((g.stake_changes ?? []).map((s, k) => [s.at, amount(s.stake, `validators[${gi}].stake_changes[${k}].stake`)])),
      });
    }
  });
  const V = validators.length;
  const miners: MinerPlan[] = [];
  for (const g of json.miners) {
    for (let c = 0; c < (g.count ?? 1); c++) {
      const q = g.quality ?? "seeded";
      const quality = q === "seeded" ? [qualityRand() ** 2] : Array.isArray(q) ? q : [q];
      miners.push({ uid: V + miners.length, index: miners.length, label: g.label ?? `miner ${miners.length}`, quality, reregisterAt: new Set(g.reregister_at ?? []) });
    }
  }
  const n = V + miners.length;
  if (n > 4096) throw new TaomathError("out_of_range", "validators", `a scenario holds at most 4096 uids, this one ${n}`);
  const M = miners.length;
  validators.forEach((v, i) => {
    const s = v.strategy;
    const at = `validators[${i}].strategy`;
    const rows = s.type === "schedule" ? s.phases.map((p, k) => [`phases[${k}].weights`, p.weights] as const)
      : s.type === "switcher" ? [["from", s.from] as const, ["to", s.to] as const] : [];
    for (const [name, row] of rows) if (row.length > M) throw new TaomathError("wrong_length", `${at}.${name}`, `has ${row.length} values but the scenario has ${M} miners`);
    if (s.type === "cartel") s.miners.forEach((m, k) => { if (m >= M) throw new TaomathError("uid_out_of_range", `${at}.miners[${k}]`, `miner index ${m} past the ${M} miners`); });
    if (s.type === "copier" && typeof s.source === "number" && s.source >= V) throw new TaomathError("uid_out_of_range", `${at}.source`, `uid ${s.source} is not a validator (uids 0..${V - 1})`);
  });
  return {
    name: json.name, description: json.description ?? "", seed, epochs: json.epochs,
    noise: json.noise ?? 0.05, drift: json.quality_drift ?? 0, hyper, validators, miners, n,
  };
}
