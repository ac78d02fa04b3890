// A storage-free stand-in for subtensor's test mock: a subnet whose state is exactly what the
// epoch reads, advanced the way the upstream tests advance it (set_weights stores the
// max-upscaled row and stamps LastUpdate; each epoch writes Bonds and ValidatorPermit back).

import { taomath, type EpochInput, type EpochResult } from "../../src/index.js";

export interface MockOptions {
  n: number;
  stakes: Array<number | bigint>;
  registrationBlock?: number;
  lastUpdate?: number;
  tempo: number;
  maxAllowedValidators: number;
  yuma3?: boolean;
  liquidAlpha?: boolean;
  alphaLow?: number;
  alphaHigh?: number;
  bondsPenalty?: number;
  bondsMovingAverage?: number;
  kappa?: number;
  ownerUid?: number | null;
  commitReveal?: boolean;
  permits?: boolean[];
}

export class MockSubnet {
  readonly tm = taomath();
  n: number;
  block: bigint;
  tempo: number;
  stakes: bigint[];
  registration: bigint[];
  lastUpdate: bigint[];
  weights: Array<Array<[number, number]>>;
  bonds: Array<Array<[number, number]>>;
  permits: boolean[];
  opts: MockOptions;

  constructor(opts: MockOptions) {
    this.opts = opts;
    this.n = opts.n;
    this.tempo = opts.tempo;
    const reg = BigInt(opts.registrationBlock ?? 1);
    this.block = reg;
    this.stakes = opts.stakes.map((s) => BigInt(s));
    this.registration = Array(opts.n).fill(reg);
    this.lastUpdate = Array(opts.n).fill(BigInt(opts.lastUpdate ?? opts.registrationBlock ?? 1));
    this.weights = Array.from({ length: opts.n }, () => []);
    this.bonds = Array.from({ length: opts.n }, () => []);
    this.permits = opts.permits ?? Array(opts.n).fill(false);
  }

  /** set_weights: the row is stored max-upscaled, in the caller's order; LastUpdate = current block. */
  setWeights(uid: number, uids: number[], values: number[]): void {
    const stored = this.tm.math.vecU16MaxUpscaleToU16(values);
    this.weights[uid] = uids.map((u, k) => [u, stored[k]]);
    this.lastUpdate[uid] = this.block;
  }

  /** replace_neuron: new hotkey (stake 0), registration and LastUpdate at the current block, own rows
   *  deleted, every weight pointing at the uid kept with value 0, permit cleared. */
  replace(uid: number): void {
    this.stakes[uid] = 0n;
    this.registration[uid] = this.block;
    this.lastUpdate[uid] = this.block;
    this.weights[uid] = [];
    this.bonds[uid] = [];
    this.weights = this.weights.map((row) => row.map(([j, w]) => [j, j === uid ? 0 : w] as [number, number]));
    if (uid < this.permits.length) this.permits[uid] = false;
  }

  input(raoEmission = 1_000_000_000n): EpochInput {
    const o = this.opts;
    return {
      n: this.n,
      current_block: this.block,
      tempo: this.tempo,
      activity_cutoff: BigInt(Math.max(1, Math.floor((13889 * this.tempo) / 1000))),
      last_mechanism_step_block: 0n,
      alpha_stake: this.stakes,
      tao_stake: Array(this.n).fill(0n),
      tao_weight: 0n,
      stake_threshold: 0n,
      owner_uid: o.ownerUid ?? null,
      validator_permit: this.permits,
      max_allowed_validators: o.maxAllowedValidators,
      last_update: this.lastUpdate,
      block_at_registration: this.registration,
      weights: this.weights,
      bonds: this.bonds,
      kappa: o.kappa ?? 32767,
      bonds_penalty: o.bondsPenalty ?? 65535,
      bonds_moving_average: BigInt(o.bondsMovingAverage ?? 900_000),
      liquid_alpha_enabled: o.liquidAlpha ?? false,
      alpha_low: o.alphaLow ?? 45875,
      alpha_high: o.alphaHigh ?? 58982,
      alpha_sigmoid_steepness: 1000,
      yuma3_enabled: o.yuma3 ?? false,
      commit_reveal_enabled: o.commitReveal ?? false,
      commit_blocks: o.commitReveal ? Array(this.n).fill(null) : null,
      rao_emission: raoEmission,
    };
  }

  /** Runs the epoch at the current block and persists Bonds and ValidatorPermit as the chain does. */
  epoch(raoEmission = 1_000_000_000n): EpochResult {
    const out = this.tm.runEpoch(this.input(raoEmission), { trace: true });
    this.bonds = out.bonds;
    this.permits = out.validator_permit;
    return out;
  }

  /** Bond value of row i, column j as stored (0 when absent). */
  bond(i: number, j: number): number {
    const e = this.bonds[i].find(([c]) => c === j);
    return e ? e[1] : 0;
  }
}
