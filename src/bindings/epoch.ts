// runEpoch: validates an epoch input (the chain storage the epoch reads, in the field names of
// the shared vector schema), writes it into wasm memory, runs the core, and reads the outputs.
// Slot numbers mirror assembly/abi/epoch.ts.

import { TaomathError } from "../core/errors.js";
import { Core } from "./core.js";
import { toU64, toU16, toI16, toBool, toArray, U64_MAX, type U64Like } from "./values.js";

/** One stored sparse row: [uid, value] pairs in stored order. */
export type SparseRowU16 = Array<[number, number]>;

export interface EpochInput {
  n: number;
  current_block: U64Like;
  tempo: number;
  /** effective cutoff in blocks: max(1, floor(ActivityCutoffFactorMilli * tempo / 1000)) */
  activity_cutoff: U64Like;
  last_mechanism_step_block: U64Like;
  alpha_stake: U64Like[];
  tao_stake: U64Like[];
  tao_weight: U64Like;
  stake_threshold: U64Like;
  owner_uid: number | null;
  validator_permit: boolean[];
  max_allowed_validators: number;
  last_update: U64Like[];
  block_at_registration: U64Like[];
  weights: SparseRowU16[];
  bonds: SparseRowU16[];
  kappa: number;
  bonds_penalty: number;
  bonds_moving_average: U64Like;
  liquid_alpha_enabled: boolean;
  alpha_low: number;
  alpha_high: number;
  alpha_sigmoid_steepness: number;
  yuma3_enabled: boolean;
  commit_reveal_enabled: boolean;
  commit_blocks: Array<U64Like | null> | null;
  rao_emission: U64Like;
}

export interface EpochOutput {
  stake: bigint[];
  stake_weight: number[];
  active: boolean[];
  validator_permit: boolean[];
  consensus: number[];
  incentive: number[];
  dividends: number[];
  validator_trust: number[];
  emission: bigint[];
  server_emission: bigint[];
  validator_emission: bigint[];
  bonds: SparseRowU16[];
}

/** A fixed-point vector: raw bits (exact) and their value as a float (for reading only). */
export interface FixedVector { bits: bigint[]; float: number[] }
export type FixedSparse = Array<Array<[number, bigint]>>;

export interface EpochTrace {
  total_stake_i64f64: FixedVector;
  stake_i32f32: FixedVector;
  active_stake_i32f32: FixedVector;
  consensus_i32f32: FixedVector;
  validator_trust_i32f32: FixedVector;
  incentive_i32f32: FixedVector;
  dividends_i32f32: FixedVector;
  normalized_server_emission_i32f32: FixedVector;
  normalized_validator_emission_i32f32: FixedVector;
  normalized_combined_emission_i32f32: FixedVector;
  /** weights after the permit, diagonal, outdated and commit-reveal masks, row-normalised */
  weights_normalized_i32f32: FixedSparse;
  /** weights clipped at consensus (what validator trust and incentive are built from) */
  weights_clipped_i32f32: FixedSparse;
  weights_for_bonds_i32f32: FixedSparse;
  ema_bonds_i32f32: FixedSparse;
  /** weight entries each validator submitted that the masks removed, with the reason */
  masked_weights: Array<{ validator: number; uid: number; reason: "no_validator_permit" | "self_weight" | "outdated" | "commit_reveal" }>;
}

export interface EpochResult extends EpochOutput { debug?: EpochTrace }

/** Validated, normalised input as the core reads it. */
interface Prepared {
  n: number;
  scalars: bigint[];
  alpha: bigint[]; tao: bigint[]; registration: bigint[];
  permit: number[]; lastUpdate: bigint[];
  wStart: Uint32Array; wCol: Uint16Array; wVal: Uint16Array;
  bStart: Uint32Array; bCol: Uint16Array; bVal: Uint16Array;
  commits: bigint[] | null;
}

function field<T>(obj: Record<string, unknown>, name: string): T {
  if (!(name in obj)) throw new TaomathError("invalid_type", name, "is missing");
  return obj[name] as T;
}

function u64Vec(v: unknown, name: string, len: number | null): bigint[] {
  const a = toArray(v, name);
  if (len !== null && a.length !== len) throw new TaomathError("wrong_length", name, `has ${a.length} entries, expected n = ${len}`);
  const out: bigint[] = new Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    // fast path for the common encodings; anything unusual goes through the full check for its message
    if (typeof x === "bigint" && x >= 0n && x <= U64_MAX) out[i] = x;
    else if (typeof x === "string" && x.length > 0 && x.length < 20 && DIGITS.test(x)) out[i] = BigInt(x);
    else out[i] = toU64(x, `${name}[${i}]`);
  }
  return out;
}

const DIGITS = /^[0-9]+$/;

const isU16 = (x: unknown): x is number => typeof x === "number" && x >= 0 && x <= 65535 && Math.floor(x) === x;

// Duplicate-uid check per row: seen[uid] holds the stamp of the last row that had it (no clearing).
const seen = new Uint32Array(65536);
let stamp = 0;

function sparse(v: unknown, name: string, n: number, dropColumnsPastN: boolean): { start: Uint32Array; col: Uint16Array; val: Uint16Array } {
  const rows = toArray(v, name);
  if (rows.length !== n) throw new TaomathError("wrong_length", name, `has ${rows.length} rows, expected n = ${n}`);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (!Array.isArray(row)) toArray(row, `${name}[${i}]`);
    total += (row as unknown[]).length;
  }
  const start = new Uint32Array(n + 1);
  const col = new Uint16Array(total), val = new Uint16Array(total);
  let w = 0;
  for (let i = 0; i < n; i++) {
    const row = rows[i] as unknown[];
    if (++stamp === 0xffffffff) { seen.fill(0); stamp = 1; }
    for (let k = 0; k < row.length; k++) {
      const e = row[k];
      let j: unknown, x: unknown;
      if (Array.isArray(e) && e.length === 2 && isU16((j = e[0])) && isU16((x = e[1]))) {
        // a stored row never holds a uid twice (set_weights refuses DuplicateUids)
        if (seen[j as number] === stamp) throw new TaomathError("invalid_type", `${name}[${i}][${k}]`, `uid ${j} appears twice in row ${i}`);
        seen[j as number] = stamp;
        // the chain reads weights only for uids < n; bond columns are carried as stored
        if (dropColumnsPastN && (j as number) >= n) continue;
        col[w] = j as number; val[w] = x as number; w++;
        continue;
      }
      const at = `${name}[${i}][${k}]`;
      const pair = toArray(e, at);
      if (pair.length !== 2) throw new TaomathError("wrong_length", at, "expected a [uid, value] pair");
      toU16(pair[0], `${at}[0]`);
      toU16(pair[1], `${at}[1]`);
    }
    start[i + 1] = w;
  }
  return { start, col: col.subarray(0, w), val: val.subarray(0, w) };
}

export function prepareEpoch(input: EpochInput): Prepared {
  if (input === null || typeof input !== "object") throw new TaomathError("invalid_type", "inputs", "expected an object");
  const o = input as unknown as Record<string, unknown>;
  const n = toU16(field(o, "n"), "n");
  const owner = field<unknown>(o, "owner_uid");
  const ownerUid = owner === null ? -1 : toU16(owner, "owner_uid");
  if (ownerUid >= n) throw new TaomathError("uid_out_of_range", "owner_uid", `uid ${ownerUid} is not below n = ${n} (the owner's hotkey is registered or null)`);
  const permits = toArray(field(o, "validator_permit"), "validator_permit").map((x, i) => (toBool(x, `validator_permit[${i}]`) ? 1 : 0));
  const lastUpdate = u64Vec(field(o, "last_update"), "last_update", null);
  while (lastUpdate.length < n) lastUpdate.push(0n); // the chain pads LastUpdate with 0 up to n
  const commitsRaw = field<unknown>(o, "commit_blocks");
  let commits: bigint[] | null = null;
  if (commitsRaw !== null) {
    const a = toArray(commitsRaw, "commit_blocks");
    if (a.length !== n) throw new TaomathError("wrong_length", "commit_blocks", `has ${a.length} entries, expected n = ${n}`);
    commits = a.map((x, i) => (x === null ? U64_MAX : toU64(x, `commit_blocks[${i}]`)));
  }
  const w = sparse(field(o, "weights"), "weights", n, true);
  const b = sparse(field(o, "bonds"), "bonds", n, false);
  const scalars: bigint[] = [
    BigInt(n),
    toU64(field(o, "current_block"), "current_block"),
    BigInt(toU16(field(o, "tempo"), "tempo")),
    toU64(field(o, "activity_cutoff"), "activity_cutoff"),
    toU64(field(o, "last_mechanism_step_block"), "last_mechanism_step_block"),
    toU64(field(o, "tao_weight"), "tao_weight"),
    toU64(field(o, "stake_threshold"), "stake_threshold"),
    BigInt.asUintN(64, BigInt(ownerUid)),
    BigInt(toU16(field(o, "max_allowed_validators"), "max_allowed_validators")),
    BigInt(toU16(field(o, "kappa"), "kappa")),
    BigInt(toU16(field(o, "bonds_penalty"), "bonds_penalty")),
    toU64(field(o, "bonds_moving_average"), "bonds_moving_average"),
    toBool(field(o, "liquid_alpha_enabled"), "liquid_alpha_enabled") ? 1n : 0n,
    BigInt(toU16(field(o, "alpha_low"), "alpha_low")),
    BigInt(toU16(field(o, "alpha_high"), "alpha_high")),
    BigInt.asUintN(64, BigInt(toI16(field(o, "alpha_sigmoid_steepness"), "alpha_sigmoid_steepness"))),
    toBool(field(o, "yuma3_enabled"), "yuma3_enabled") ? 1n : 0n,
    toBool(field(o, "commit_reveal_enabled"), "commit_reveal_enabled") ? 1n : 0n,
    toU64(field(o, "rao_emission"), "rao_emission"),
  ];
  return {
    n, scalars,
    alpha: u64Vec(field(o, "alpha_stake"), "alpha_stake", n),
    tao: u64Vec(field(o, "tao_stake"), "tao_stake", n),
    registration: u64Vec(field(o, "block_at_registration"), "block_at_registration", n),
    permit: permits, lastUpdate,
    wStart: w.start, wCol: w.col, wVal: w.val,
    bStart: b.start, bCol: b.col, bVal: b.val,
    commits,
  };
}

const OUT_SLOTS = 36;

function fixedVec(bits: bigint[], frac: number): FixedVector {
  const scale = 2 ** frac;
  return { bits, float: bits.map((b) => Number(b) / scale) };
}

/** The stored bond rows: CSR columns (u32) and u16 values, as [uid, value] pairs. */
function bondRows(core: Core, rows: number, start: number, col: number, val: number): SparseRowU16[] {
  const s = new Uint32Array(core.buffer, start >>> 0, rows + 1);
  const nz = s[rows];
  const c = new Uint32Array(core.buffer, col >>> 0, nz);
  const v = new Uint16Array(core.buffer, val >>> 0, nz);
  const out: SparseRowU16[] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const row: SparseRowU16 = new Array(s[i + 1] - s[i]);
    for (let k = s[i], t = 0; k < s[i + 1]; k++, t++) row[t] = [c[k], v[k]];
    out[i] = row;
  }
  return out;
}

/**
 * Runs one prepared epoch on a core and reads the results: `entry` "epoch" is the chain's sparse
 * epoch_mechanism, "epoch_dense" its test-only epoch_dense_mechanism (no trace).
 */
export function runPrepared(core: Core, p: Prepared, trace: boolean, entry: "epoch" | "epoch_dense" = "epoch"): EpochResult {
  const n = p.n;
  core.reset();
  const ptrs: bigint[] = [
    ...p.scalars,
    trace ? 1n : 0n,
    BigInt(core.u64(p.alpha)),
    BigInt(core.u64(p.tao)),
    BigInt(core.u8(p.permit)),
    BigInt(p.permit.length),
    BigInt(core.u64(p.lastUpdate)),
    BigInt(p.lastUpdate.length),
    BigInt(core.u64(p.registration)),
    BigInt(core.u32(p.wStart)), BigInt(core.u16(p.wCol)), BigInt(core.u16(p.wVal)),
    BigInt(core.u32(p.bStart)), BigInt(core.u16(p.bCol)), BigInt(core.u16(p.bVal)),
    p.commits === null ? 0n : BigInt(core.u64(p.commits)),
  ];
  const out = core.call<number>(entry, core.header(ptrs)) >>> 0;
  const s = core.slots(out, OUT_SLOTS);
  const result: EpochResult = {
    stake: core.readU64(s[0], n),
    stake_weight: core.readU16(s[1], n),
    active: core.readBool(s[2], n),
    validator_permit: core.readBool(s[3], n),
    consensus: core.readU16(s[4], n),
    incentive: core.readU16(s[5], n),
    dividends: core.readU16(s[6], n),
    validator_trust: core.readU16(s[7], n),
    emission: core.readU64(s[8], n),
    server_emission: core.readU64(s[9], n),
    validator_emission: core.readU64(s[10], n),
    bonds: bondRows(core, n, s[11], s[12], s[13]),
  };
  if (trace) {
    const v32 = (i: number) => fixedVec(core.readI64(s[i], n), 32);
    const m = (i: number) => core.readCsrFixed(n, s[i], s[i + 1], s[i + 2]);
    const normalized = m(24);
    result.debug = {
      total_stake_i64f64: fixedVec(core.readI128(s[14], n), 64),
      stake_i32f32: v32(15),
      active_stake_i32f32: v32(16),
      consensus_i32f32: v32(17),
      validator_trust_i32f32: v32(18),
      incentive_i32f32: v32(19),
      dividends_i32f32: v32(20),
      normalized_server_emission_i32f32: v32(21),
      normalized_validator_emission_i32f32: v32(22),
      normalized_combined_emission_i32f32: v32(23),
      weights_normalized_i32f32: normalized,
      weights_clipped_i32f32: m(27),
      weights_for_bonds_i32f32: m(30),
      ema_bonds_i32f32: m(33),
      masked_weights: explainMasks(p, normalized),
    };
  }
  return result;
}

/** Why each submitted weight entry did not survive the masks (the same rules as step W). */
function explainMasks(p: Prepared, kept: FixedSparse): EpochTrace["masked_weights"] {
  const out: EpochTrace["masked_weights"] = [];
  const owner = Number(BigInt.asIntN(64, p.scalars[7]));
  const commitReveal = p.scalars[17] !== 0n;
  for (let i = 0; i < p.n; i++) {
    const survivors = new Set(kept[i].map(([j]) => j));
    const permitted = (i < p.permit.length && p.permit[i] !== 0) || (i === owner && i < p.permit.length);
    for (let k = p.wStart[i]; k < p.wStart[i + 1]; k++) {
      const j = p.wCol[k];
      if (survivors.has(j)) continue;
      let reason: EpochTrace["masked_weights"][number]["reason"];
      if (!permitted) reason = "no_validator_permit";
      else if (i === j && i !== owner) reason = "self_weight";
      else if (p.lastUpdate[i] <= p.registration[j]) reason = "outdated";
      else if (commitReveal && p.commits !== null && p.commits[i] < p.registration[j]) reason = "commit_reveal";
      else continue;
      out.push({ validator: i, uid: j, reason });
    }
  }
  return out;
}
