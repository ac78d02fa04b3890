// The subnet storage an epoch reads, advanced the way the chain advances it between epochs:
// set_weights stores the max-upscaled row and stamps LastUpdate; commit-reveal stores the row only
// at its reveal (the commit's block stays visible to the epoch as commit_blocks); replace_neuron
// (subnets/uids.rs) resets a uid; each epoch writes Bonds and ValidatorPermit back.
// Block timeline: everything registers at block 1; the warm-up epoch (no weights yet, it grants the
// first permits) runs at 1 + tempo, epoch e at 1 + (e + 2) * tempo, and the weights for epoch e are
// set one block earlier.

import type { EpochInput, SparseRowU16 } from "../bindings/epoch.js";
import type { Plan } from "./scenario.js";

export const REGISTRATION_BLOCK = 1n;

export interface PendingCommit { block: bigint; revealEpoch: number; row: SparseRowU16 }

export class SubnetStorage {
  readonly n: number;
  stake: bigint[];
  registration: bigint[];
  lastUpdate: bigint[];
  weights: SparseRowU16[];
  bonds: SparseRowU16[];
  permits: boolean[];
  commits: PendingCommit[][];

  constructor(private plan: Plan) {
    const n = (this.n = plan.n);
    this.stake = Array(n).fill(0n);
    for (const v of plan.validators) if (v.joinAt === null) this.stake[v.uid] = v.stake;
    this.registration = Array(n).fill(REGISTRATION_BLOCK);
    this.lastUpdate = Array(n).fill(REGISTRATION_BLOCK);
    this.weights = Array.from({ length: n }, () => []);
    this.bonds = Array.from({ length: n }, () => []);
    this.permits = Array(n).fill(false);
    this.commits = Array.from({ length: n }, () => []);
  }

  /** The block epoch e runs at (e = -1 is the warm-up epoch). */
  epochBlock(e: number): bigint {
    return REGISTRATION_BLOCK + BigInt(e + 2) * BigInt(this.plan.hyper.tempo);
  }
  /** The block at which submissions, registrations and stake moves for epoch e happen. */
  setBlock(e: number): bigint {
    return this.epochBlock(e) - 1n;
  }

  setWeights(uid: number, row: SparseRowU16, block: bigint): void {
    this.weights[uid] = row;
    this.lastUpdate[uid] = block;
  }

  commit(uid: number, row: SparseRowU16, block: bigint, revealEpoch: number): void {
    this.commits[uid].push({ block, revealEpoch, row });
  }

  /** Reveals every commit due at epoch e (reveal_weights: the row is stored at the reveal block). */
  revealDue(e: number, block: bigint): void {
    for (let uid = 0; uid < this.n; uid++) {
      const q = this.commits[uid];
      if (q.length === 0) continue;
      const due = q.filter((c) => c.revealEpoch === e);
      for (const c of due) this.setWeights(uid, c.row, block);
      if (due.length > 0) this.commits[uid] = q.filter((c) => c.revealEpoch > e);
    }
  }

  /** replace_neuron: new registration block and LastUpdate, own Weights and Bonds removed, weights to it zeroed, permit cleared. */
  replace(uid: number, block: bigint, stake: bigint): void {
    this.stake[uid] = stake;
    this.registration[uid] = block;
    this.lastUpdate[uid] = block;
    this.weights[uid] = [];
    this.bonds[uid] = [];
    this.commits[uid] = [];
    for (let i = 0; i < this.n; i++) {
      const row = this.weights[i];
      if (row.some(([j]) => j === uid)) this.weights[i] = row.map(([j, w]) => [j, j === uid ? 0 : w] as [number, number]);
    }
    if (uid < this.permits.length) this.permits[uid] = false;
  }

  /** The epoch input for epoch e as storage holds it now (arrays copied: later changes do not alter it). */
  input(e: number): EpochInput {
    const h = this.plan.hyper;
    let commitBlocks: Array<bigint | null> | null = null;
    if (h.commit_reveal_enabled) {
      commitBlocks = this.commits.map((q) => (q.length === 0 ? null : q.reduce((m, c) => (c.block < m ? c.block : m), q[0].block)));
    }
    return {
      n: this.n,
      current_block: this.epochBlock(e),
      tempo: h.tempo,
      activity_cutoff: BigInt(h.activity_cutoff),
      last_mechanism_step_block: e < 0 ? 0n : this.epochBlock(e - 1),
      alpha_stake: this.stake.slice(),
      tao_stake: Array(this.n).fill(0n),
      tao_weight: 0n,
      stake_threshold: h.stake_threshold,
      owner_uid: null,
      validator_permit: this.permits.slice(),
      max_allowed_validators: h.max_allowed_validators,
      last_update: this.lastUpdate.slice(),
      block_at_registration: this.registration.slice(),
      weights: this.weights.slice(),
      bonds: this.bonds,
      kappa: h.kappa,
      bonds_penalty: h.bonds_penalty,
      bonds_moving_average: BigInt(h.bonds_moving_average),
      liquid_alpha_enabled: h.liquid_alpha_enabled,
      alpha_low: h.alpha_low,
      alpha_high: h.alpha_high,
      alpha_sigmoid_steepness: h.alpha_sigmoid_steepness,
      yuma3_enabled: h.yuma3_enabled,
      commit_reveal_enabled: h.commit_reveal_enabled,
      commit_blocks: commitBlocks,
      rao_emission: h.rao_emission,
    };
  }

  /** What the epoch writes back: Bonds and ValidatorPermit. */
  persist(bonds: SparseRowU16[], permits: boolean[]): void {
    this.bonds = bonds;
    this.permits = permits;
  }
}
