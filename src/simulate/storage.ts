// The subnet storage an epoch reads, advanced the way the chain advances it between epochs:
// set_weights stores the max-upscaled row and stamps LastUpdate; commit-reveal stores the row only
// at its reveal (the commit's block stays visible to the epoch as commit_blocks); replace_neuron
// (subnets/uids.rs) resets a uid; each epoch writes Bonds and ValidatorPermit back.
// Block timeline: everything registers at block 1; the warm-up epoch (no weights yet, it grants the
// first permits) runs at 1 + tempo, epoch e at 1 + (e + 2) * tempo, and the weights for epoch e are
// set one block earlier.
// Everything is kept in flat typed arrays reused from epoch to epoch, in the layout runEpochTyped
// reads (u64 vectors, 0/1 permits, CSR matrices), so an epoch's input costs no conversion; the
// plain EpochInput (objects and bigints) is built only when someone asks for it (export, hooks).

import type { CsrU16, EpochInput, EpochInputTyped, SparseRowU16 } from "../bindings/epoch.js";
import { U64_MAX } from "../core/ints.js";
import type { Plan } from "./scenario.js";

export const REGISTRATION_BLOCK = 1n;

/** The input's per-uid arrays and matrices: typed or plain, the rest of the input is the same. */
type EpochArrays = "alpha_stake" | "tao_stake" | "validator_permit" | "last_update" | "block_at_registration" | "weights" | "bonds" | "commit_blocks";

export interface PendingCommit { block: bigint; revealEpoch: number; col: Uint16Array; val: Uint16Array }

/** A CSR with every row empty. */
export function emptyCsr(n: number): CsrU16 {
  return { start: new Uint32Array(n + 1), col: new Uint16Array(0), val: new Uint16Array(0) };
}

/** A CSR's rows as [uid, value] pairs (the plain form). */
export function csrRows(m: CsrU16, n: number): SparseRowU16[] {
  const out: SparseRowU16[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row: SparseRowU16 = new Array(m.start[i + 1] - m.start[i]);
    for (let k = m.start[i], t = 0; k < m.start[i + 1]; k++, t++) row[t] = [m.col[k], m.val[k]];
    out[i] = row;
  }
  return out;
}

export class SubnetStorage {
  readonly n: number;
  readonly stake: BigUint64Array;
  readonly registration: BigUint64Array;
  readonly lastUpdate: BigUint64Array;
  /** ValidatorPermit as 0/1 */
  permits: Uint8Array;
  /** Bonds as the last epoch wrote them */
  bonds: CsrU16;
  readonly commits: PendingCommit[][];
  private readonly taoStake: BigUint64Array;
  private readonly commitBlocks: BigUint64Array;
  /** each uid's stored Weights row (the first rowLen[uid] entries of its buffers) */
  private readonly rowCol: Uint16Array[];
  private readonly rowVal: Uint16Array[];
  private readonly rowLen: Uint32Array;
  /** the Weights CSR, rebuilt from the rows only after a row changed */
  private wStart: Uint32Array;
  private wCol: Uint16Array;
  private wVal: Uint16Array;
  private wDirty = true;
  private readonly activityCutoff: bigint;
  private readonly bondsMovingAverage: bigint;

  constructor(private plan: Plan) {
    const n = (this.n = plan.n);
    this.stake = new BigUint64Array(n);
    for (const v of plan.validators) if (v.joinAt === null) this.stake[v.uid] = v.stake;
    this.registration = new BigUint64Array(n).fill(REGISTRATION_BLOCK);
    this.lastUpdate = new BigUint64Array(n).fill(REGISTRATION_BLOCK);
    this.permits = new Uint8Array(n);
    this.bonds = emptyCsr(n);
    this.commits = Array.from({ length: n }, () => []);
    this.taoStake = new BigUint64Array(n);
    this.commitBlocks = new BigUint64Array(n);
    this.rowCol = Array.from({ length: n }, () => new Uint16Array(0));
    this.rowVal = Array.from({ length: n }, () => new Uint16Array(0));
    this.rowLen = new Uint32Array(n);
    this.wStart = new Uint32Array(n + 1);
    this.wCol = new Uint16Array(0);
    this.wVal = new Uint16Array(0);
    this.activityCutoff = BigInt(plan.hyper.activity_cutoff);
    this.bondsMovingAverage = BigInt(plan.hyper.bonds_moving_average);
  }

  /** The block epoch e runs at (e = -1 is the warm-up epoch). */
  epochBlock(e: number): bigint {
    return REGISTRATION_BLOCK + BigInt(e + 2) * BigInt(this.plan.hyper.tempo);
  }
  /** The block at which submissions, registrations and stake moves for epoch e happen. */
  setBlock(e: number): bigint {
    return this.epochBlock(e) - 1n;
  }

  /** Stores the first `len` entries of (col, val) as uid's Weights row and stamps LastUpdate. */
  setWeights(uid: number, col: ArrayLike<number>, val: ArrayLike<number>, len: number, block: bigint): void {
    if (this.rowCol[uid].length < len) {
      this.rowCol[uid] = new Uint16Array(Math.max(len, this.n));
      this.rowVal[uid] = new Uint16Array(Math.max(len, this.n));
    }
    const c = this.rowCol[uid], v = this.rowVal[uid];
    if (col instanceof Uint16Array && val instanceof Uint16Array) { c.set(col.subarray(0, len)); v.set(val.subarray(0, len)); }
    else for (let k = 0; k < len; k++) { c[k] = col[k]; v[k] = val[k]; }
    this.rowLen[uid] = len;
    this.lastUpdate[uid] = block;
    this.wDirty = true;
  }

  /** uid's stored Weights row as [uid, value] pairs. */
  weightsRow(uid: number): SparseRowU16 {
    const c = this.rowCol[uid], v = this.rowVal[uid];
    const row: SparseRowU16 = new Array(this.rowLen[uid]);
    for (let k = 0; k < row.length; k++) row[k] = [c[k], v[k]];
    return row;
  }

  commit(uid: number, col: ArrayLike<number>, val: ArrayLike<number>, len: number, block: bigint, revealEpoch: number): void {
    // a copy: the caller's buffers are reused for the next submission (a typed copy, not Uint16Array.from's iterator path)
    const c = new Uint16Array(len), v = new Uint16Array(len);
    if (col instanceof Uint16Array && val instanceof Uint16Array) { c.set(col.subarray(0, len)); v.set(val.subarray(0, len)); }
    else for (let k = 0; k < len; k++) { c[k] = col[k]; v[k] = val[k]; }
    this.commits[uid].push({ block, revealEpoch, col: c, val: v });
  }

  /** Reveals every commit due at epoch e (reveal_weights: the row is stored at the reveal block). */
  revealDue(e: number, block: bigint): void {
    for (let uid = 0; uid < this.n; uid++) {
      const q = this.commits[uid];
      if (q.length === 0) continue;
      let due = false;
      for (const c of q) if (c.revealEpoch === e) { this.setWeights(uid, c.col, c.val, c.col.length, block); due = true; }
      if (due) this.commits[uid] = q.filter((c) => c.revealEpoch > e);
    }
  }

  /** replace_neuron: new registration block and LastUpdate, own Weights and Bonds removed, weights to it zeroed, permit cleared. */
  replace(uid: number, block: bigint, stake: bigint): void {
    this.stake[uid] = stake;
    this.registration[uid] = block;
    this.lastUpdate[uid] = block;
    this.rowLen[uid] = 0;
    this.commits[uid] = [];
    for (let i = 0; i < this.n; i++) {
      const c = this.rowCol[i], v = this.rowVal[i];
      for (let k = 0; k < this.rowLen[i]; k++) if (c[k] === uid) v[k] = 0;
    }
    this.wDirty = true;
    this.bonds = withoutRow(this.bonds, this.n, uid);
    if (uid < this.permits.length) this.permits[uid] = 0;
  }

  /** The Weights matrix as a CSR (buffers owned by the storage: valid until the next change). */
  weights(): CsrU16 {
    if (this.wDirty) {
      const n = this.n;
      let total = 0;
      for (let i = 0; i < n; i++) total += this.rowLen[i];
      if (this.wCol.length < total) { this.wCol = new Uint16Array(total + (total >>> 2)); this.wVal = new Uint16Array(this.wCol.length); }
      const col = this.wCol, val = this.wVal, start = this.wStart;
      let w = 0;
      for (let i = 0; i < n; i++) {
        const len = this.rowLen[i];
        if (len > 0) { col.set(this.rowCol[i].subarray(0, len), w); val.set(this.rowVal[i].subarray(0, len), w); w += len; }
        start[i + 1] = w;
      }
      this.wDirty = false;
    }
    const nz = this.wStart[this.n];
    return { start: this.wStart, col: this.wCol.subarray(0, nz), val: this.wVal.subarray(0, nz) };
  }

  /** CommitBlocks per uid: the earliest live commit's block, u64::MAX for none. */
  private commitBlocksNow(): BigUint64Array {
    for (let uid = 0; uid < this.n; uid++) {
      const q = this.commits[uid];
      let m = U64_MAX;
      for (const c of q) if (c.block < m) m = c.block;
      this.commitBlocks[uid] = m;
    }
    return this.commitBlocks;
  }

  /** The epoch input for epoch e in the typed form, on the storage's own buffers (read it before the next change). */
  typedInput(e: number): EpochInputTyped {
    const commits = this.plan.hyper.commit_reveal_enabled ? this.commitBlocksNow() : null;
    return this.fields(e, {
      alpha_stake: this.stake, tao_stake: this.taoStake, validator_permit: this.permits, last_update: this.lastUpdate,
      block_at_registration: this.registration, weights: this.weights(), bonds: this.bonds, commit_blocks: commits,
    });
  }

  /** The epoch input for epoch e as storage holds it now, in the plain form (fresh arrays: later changes do not alter it). */
  input(e: number): EpochInput {
    const commits = this.plan.hyper.commit_reveal_enabled ? Array.from(this.commitBlocksNow(), (b) => (b === U64_MAX ? null : b)) : null;
    return this.fields(e, {
      alpha_stake: Array.from(this.stake), tao_stake: Array(this.n).fill(0n), validator_permit: Array.from(this.permits, (p) => p !== 0),
      last_update: Array.from(this.lastUpdate), block_at_registration: Array.from(this.registration),
      weights: Array.from({ length: this.n }, (_, uid) => this.weightsRow(uid)), bonds: csrRows(this.bonds, this.n), commit_blocks: commits,
    });
  }

  /** The input's fields in the schema's order (the order --export-epochs writes), around the arrays of either form. */
  private fields<A extends Pick<EpochInput | EpochInputTyped, EpochArrays>>(e: number, a: A): Omit<EpochInput, EpochArrays> & A {
    const h = this.plan.hyper;
    return {
      n: this.n, current_block: this.epochBlock(e), tempo: h.tempo, activity_cutoff: this.activityCutoff,
      last_mechanism_step_block: e < 0 ? 0n : this.epochBlock(e - 1),
      alpha_stake: a.alpha_stake, tao_stake: a.tao_stake, tao_weight: 0n, stake_threshold: h.stake_threshold, owner_uid: null,
      validator_permit: a.validator_permit, max_allowed_validators: h.max_allowed_validators, last_update: a.last_update,
      block_at_registration: a.block_at_registration, weights: a.weights, bonds: a.bonds,
      kappa: h.kappa, bonds_penalty: h.bonds_penalty, bonds_moving_average: this.bondsMovingAverage, liquid_alpha_enabled: h.liquid_alpha_enabled,
      alpha_low: h.alpha_low, alpha_high: h.alpha_high, alpha_sigmoid_steepness: h.alpha_sigmoid_steepness, yuma3_enabled: h.yuma3_enabled,
      commit_reveal_enabled: h.commit_reveal_enabled, commit_blocks: a.commit_blocks, rao_emission: h.rao_emission,
    } as Omit<EpochInput, EpochArrays> & A;
  }

  /** What the epoch writes back: Bonds and ValidatorPermit (taken over, not copied). */
  persist(bonds: CsrU16, permits: Uint8Array): void {
    this.bonds = bonds;
    this.permits = permits;
  }
}

/** The CSR without row `uid`'s entries. */
function withoutRow(m: CsrU16, n: number, uid: number): CsrU16 {
  const a = m.start[uid], b = m.start[uid + 1];
  if (a === b) return m;
  const start = new Uint32Array(n + 1);
  for (let i = 1; i <= n; i++) start[i] = i <= uid ? m.start[i] : m.start[i] - (b - a);
  const col = new Uint16Array(m.col.length - (b - a)), val = new Uint16Array(col.length);
  col.set(m.col.subarray(0, a)); col.set(m.col.subarray(b), a);
  val.set(m.val.subarray(0, a)); val.set(m.val.subarray(b), a);
  return { start, col, val };
}
