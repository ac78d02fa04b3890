// runEpoch: validates an epoch input (the chain storage the epoch reads, in the field names of
// the shared vector schema), writes it into wasm memory, runs the core, and reads the outputs.
// Header slots are the `epoch` entry of assembly/abi/boundary.json (generated into ./layout.ts).

import { TaomathError } from "../core/errors.js";
import { Core } from "./core.js";
import { layouts } from "./layout.js";
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

/**
 * The same input with every vector already in the layout the core reads: nothing is converted,
 * each array is copied once into wasm memory (a typed-array set). u64 vectors are BigUint64Array,
 * permits a Uint8Array (0/1, any length, as runEpoch accepts), last_update any length (padded
 * with 0 up to n), sparse matrices in CSR form: row i holds entries start[i] .. start[i+1] of
 * col/val in stored order. commit_blocks uses u64::MAX for "no live commit". Scalars as in
 * EpochInput. Weight entries to uids >= n are ignored, as in runEpoch.
 */
export interface CsrU16 { start: Uint32Array; col: Uint16Array; val: Uint16Array }
export interface EpochInputTyped extends Omit<EpochInput,
  "alpha_stake" | "tao_stake" | "validator_permit" | "last_update" | "block_at_registration" | "weights" | "bonds" | "commit_blocks"> {
  alpha_stake: BigUint64Array;
  tao_stake: BigUint64Array;
  validator_permit: Uint8Array;
  last_update: BigUint64Array;
  block_at_registration: BigUint64Array;
  weights: CsrU16;
  bonds: CsrU16;
  commit_blocks: BigUint64Array | null;
}

/** Validated, normalised input as the core reads it. */
interface Prepared {
  n: number;
  /** the input header with its scalar slots written (pointers and trace are written per call) */
  header: BigUint64Array;
  alpha: BigUint64Array; tao: BigUint64Array; registration: BigUint64Array;
  /** any length (the chain tolerates a short or long ValidatorPermit) */
  permit: Uint8Array;
  /** at least n long (zero-padded) */
  lastUpdate: BigUint64Array;
  wStart: Uint32Array; wCol: Uint16Array; wVal: Uint16Array;
  bStart: Uint32Array; bCol: Uint16Array; bVal: Uint16Array;
  commits: BigUint64Array | null;
}

function field<T>(obj: Record<string, unknown>, name: string): T {
  if (!(name in obj)) throw new TaomathError("invalid_type", name, "is missing");
  return obj[name] as T;
}

function u64Vec(v: unknown, name: string, len: number | null, padTo = 0): BigUint64Array {
  const a = toArray(v, name);
  if (len !== null && a.length !== len) throw new TaomathError("wrong_length", name, `has ${a.length} entries, expected n = ${len}`);
  const out = new BigUint64Array(Math.max(a.length, padTo));
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
    stamp = stamp === 0xffffffff ? (seen.fill(0), 1) : stamp + 1;
    for (let k = 0; k < row.length; k++) {
      const e = row[k] as unknown[];
      let j: unknown, x: unknown;
      // a u16 is an integer number in [0, 65535]: (x & 0xffff) === x says so in one test
      if (Array.isArray(e) && e.length === 2 && typeof (j = e[0]) === "number" && ((j as number) & 0xffff) === j &&
          typeof (x = e[1]) === "number" && ((x as number) & 0xffff) === x) {
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

function ownerOf(o: Record<string, unknown>, n: number): number {
  const owner = field<unknown>(o, "owner_uid");
  const uid = owner === null ? -1 : toU16(owner, "owner_uid");
  if (uid >= n) throw new TaomathError("uid_out_of_range", "owner_uid", `uid ${uid} is not below n = ${n} (the owner's hotkey is registered or null)`);
  return uid;
}

// Duplicate-uid check per row: seen[uid] holds the stamp of the last row that had it (no clearing).
const seen = new Uint32Array(65536);
let stamp = 0;

/** Slot indexes of one side of an entry's header, by slot name. */
function indexes<T extends Readonly<Record<string, readonly [number, string]>>>(side: T): { readonly [K in keyof T]: number } {
  const o: Record<string, number> = {};
  for (const [name, [i]] of Object.entries(side)) o[name] = i;
  return o as { [K in keyof T]: number };
}

// the epoch's header slots (epoch_dense shares them: same_as in boundary.json)
const IN = indexes(layouts.epoch.in);
const OUT = indexes(layouts.epoch.out);

/** The input header with the scalar fields written (shared by both input forms), checked in slot order. */
function headerOf(o: Record<string, unknown>, n: number): BigUint64Array {
  const ownerUid = ownerOf(o, n);
  const h = new BigUint64Array(layouts.epoch.inSlots);
  h[IN.n] = BigInt(n);
  h[IN.current_block] = toU64(field(o, "current_block"), "current_block");
  h[IN.tempo] = BigInt(toU16(field(o, "tempo"), "tempo"));
  h[IN.activity_cutoff] = toU64(field(o, "activity_cutoff"), "activity_cutoff");
  h[IN.last_mechanism_step_block] = toU64(field(o, "last_mechanism_step_block"), "last_mechanism_step_block");
  h[IN.tao_weight] = toU64(field(o, "tao_weight"), "tao_weight");
  h[IN.stake_threshold] = toU64(field(o, "stake_threshold"), "stake_threshold");
  h[IN.owner_uid] = BigInt.asUintN(64, BigInt(ownerUid));
  h[IN.max_allowed_validators] = BigInt(toU16(field(o, "max_allowed_validators"), "max_allowed_validators"));
  h[IN.kappa] = BigInt(toU16(field(o, "kappa"), "kappa"));
  h[IN.bonds_penalty] = BigInt(toU16(field(o, "bonds_penalty"), "bonds_penalty"));
  h[IN.bonds_moving_average] = toU64(field(o, "bonds_moving_average"), "bonds_moving_average");
  h[IN.liquid_alpha_enabled] = toBool(field(o, "liquid_alpha_enabled"), "liquid_alpha_enabled") ? 1n : 0n;
  h[IN.alpha_low] = BigInt(toU16(field(o, "alpha_low"), "alpha_low"));
  h[IN.alpha_high] = BigInt(toU16(field(o, "alpha_high"), "alpha_high"));
  h[IN.alpha_sigmoid_steepness] = BigInt.asUintN(64, BigInt(toI16(field(o, "alpha_sigmoid_steepness"), "alpha_sigmoid_steepness")));
  h[IN.yuma3_enabled] = toBool(field(o, "yuma3_enabled"), "yuma3_enabled") ? 1n : 0n;
  h[IN.commit_reveal_enabled] = toBool(field(o, "commit_reveal_enabled"), "commit_reveal_enabled") ? 1n : 0n;
  h[IN.rao_emission] = toU64(field(o, "rao_emission"), "rao_emission");
  return h;
}

export function prepareEpoch(input: EpochInput): Prepared {
  if (input === null || typeof input !== "object") throw new TaomathError("invalid_type", "inputs", "expected an object");
  const o = input as unknown as Record<string, unknown>;
  const n = toU16(field(o, "n"), "n");
  ownerOf(o, n); // fields are checked in the order errors have always been reported
  const permitsIn = toArray(field(o, "validator_permit"), "validator_permit");
  const permits = new Uint8Array(permitsIn.length);
  for (let i = 0; i < permitsIn.length; i++) permits[i] = toBool(permitsIn[i], `validator_permit[${i}]`) ? 1 : 0;
  // the chain pads LastUpdate with 0 up to n
  const lastUpdate = u64Vec(field(o, "last_update"), "last_update", null, n);
  const commitsRaw = field<unknown>(o, "commit_blocks");
  let commits: BigUint64Array | null = null;
  if (commitsRaw !== null) {
    const a = toArray(commitsRaw, "commit_blocks");
    if (a.length !== n) throw new TaomathError("wrong_length", "commit_blocks", `has ${a.length} entries, expected n = ${n}`);
    commits = new BigUint64Array(n);
    for (let i = 0; i < n; i++) commits[i] = a[i] === null ? U64_MAX : toU64(a[i], `commit_blocks[${i}]`);
  }
  const w = sparse(field(o, "weights"), "weights", n, true);
  const b = sparse(field(o, "bonds"), "bonds", n, false);
  const header = headerOf(o, n);
  return {
    n, header,
    alpha: u64Vec(field(o, "alpha_stake"), "alpha_stake", n),
    tao: u64Vec(field(o, "tao_stake"), "tao_stake", n),
    registration: u64Vec(field(o, "block_at_registration"), "block_at_registration", n),
    permit: permits, lastUpdate,
    wStart: w.start, wCol: w.col, wVal: w.val,
    bStart: b.start, bCol: b.col, bVal: b.val,
    commits,
  };
}

function typedOf<T>(o: Record<string, unknown>, name: string, ctor: { new (n: number): T; name: string }, len: number | null, label = name): T {
  if (!(name in o)) throw new TaomathError("invalid_type", label, "is missing");
  const v = o[name];
  if (!(v instanceof ctor)) throw new TaomathError("invalid_type", label, `expected a ${ctor.name}`);
  const l = (v as unknown as ArrayLike<unknown>).length;
  if (len !== null && l !== len) throw new TaomathError("wrong_length", label, `has ${l} entries, expected ${len}`);
  return v as T;
}

/** A validated CSR input and its largest column (what weightsBelowN needs to know). */
function csrOf(o: Record<string, unknown>, name: string, n: number): CsrU16 & { maxCol: number } {
  const m = field<CsrU16>(o, name);
  if (m === null || typeof m !== "object") throw new TaomathError("invalid_type", name, "expected { start, col, val }");
  const r = m as unknown as Record<string, unknown>;
  const start = typedOf(r, "start", Uint32Array, n + 1, `${name}.start`);
  const col = typedOf(r, "col", Uint16Array, null, `${name}.col`), val = typedOf(r, "val", Uint16Array, null, `${name}.val`);
  if (col.length !== val.length) throw new TaomathError("wrong_length", `${name}.val`, `has ${val.length} entries, col has ${col.length}`);
  if (start[0] !== 0) throw new TaomathError("out_of_range", `${name}.start[0]`, "must be 0");
  for (let i = 0; i < n; i++) {
    if (start[i + 1] < start[i]) throw new TaomathError("out_of_range", `${name}.start[${i + 1}]`, "row starts must not decrease");
  }
  if (start[n] !== col.length) throw new TaomathError("wrong_length", `${name}.start[${n}]`, `is ${start[n]}, expected col.length = ${col.length}`);
  let maxCol = -1;
  for (let i = 0, k = 0; i < n; i++) {
    const end = start[i + 1];
    // a stored row never holds a uid twice (set_weights refuses DuplicateUids); rows come in
    // ascending uid order almost always, which proves it without the stamp table
    let prev = -1;
    for (; k < end; k++) { const c = col[k]; if (c <= prev) break; prev = c; }
    if (k === end) { if (prev > maxCol) maxCol = prev; continue; }
    stamp = stamp === 0xffffffff ? (seen.fill(0), 1) : stamp + 1;
    for (k = start[i]; k < end; k++) {
      const c = col[k];
      if (seen[c] === stamp) throw new TaomathError("invalid_type", `${name}.col[${k}]`, `uid ${c} appears twice in row ${i}`);
      seen[c] = stamp;
      if (c > maxCol) maxCol = c;
    }
  }
  return { start, col, val, maxCol };
}

/** Weight rows without their entries to uids >= n (a copy only when there is one). */
function weightsBelowN(m: CsrU16 & { maxCol: number }, n: number): CsrU16 {
  if (m.maxCol < n) return m;
  const start = new Uint32Array(n + 1), col = new Uint16Array(m.col.length), val = new Uint16Array(m.col.length);
  let w = 0;
  for (let i = 0; i < n; i++) {
    for (let k = m.start[i]; k < m.start[i + 1]; k++) if (m.col[k] < n) { col[w] = m.col[k]; val[w] = m.val[k]; w++; }
    start[i + 1] = w;
  }
  return { start, col: col.subarray(0, w), val: val.subarray(0, w) };
}

export function prepareEpochTyped(input: EpochInputTyped): Prepared {
  if (input === null || typeof input !== "object") throw new TaomathError("invalid_type", "inputs", "expected an object");
  const o = input as unknown as Record<string, unknown>;
  const n = toU16(field(o, "n"), "n");
  ownerOf(o, n);
  let lastUpdate = typedOf(o, "last_update", BigUint64Array, null);
  if (lastUpdate.length < n) { const padded = new BigUint64Array(n); padded.set(lastUpdate); lastUpdate = padded; }
  const commitsRaw = field<unknown>(o, "commit_blocks");
  const commits = commitsRaw === null ? null : typedOf(o, "commit_blocks", BigUint64Array, n);
  const w = weightsBelowN(csrOf(o, "weights", n), n);
  const b = csrOf(o, "bonds", n);
  return {
    n, header: headerOf(o, n),
    alpha: typedOf(o, "alpha_stake", BigUint64Array, n),
    tao: typedOf(o, "tao_stake", BigUint64Array, n),
    registration: typedOf(o, "block_at_registration", BigUint64Array, n),
    permit: typedOf(o, "validator_permit", Uint8Array, null), lastUpdate,
    wStart: w.start, wCol: w.col, wVal: w.val,
    bStart: b.start, bCol: b.col, bVal: b.val,
    commits,
  };
}

/**
 * The typed form of a plain input, validated once: convert a subnet's state once and run many
 * epochs on it (what-if sweeps) without paying the conversion each time.
 */
export function epochInputTyped(input: EpochInput): EpochInputTyped {
  const p = prepareEpoch(input);
  return {
    ...input,
    alpha_stake: p.alpha, tao_stake: p.tao, validator_permit: p.permit, last_update: p.lastUpdate,
    block_at_registration: p.registration,
    weights: { start: p.wStart, col: p.wCol, val: p.wVal },
    bonds: { start: p.bStart, col: p.bCol, val: p.bVal },
    commit_blocks: p.commits,
  };
}

/** Views over the whole of a core's memory, one per element width, remade only after growth. */
interface MemoryViews { u8: Uint8Array; u16: Uint16Array; u32: Uint32Array; u64: BigUint64Array }
const memoryViews = new WeakMap<Core, MemoryViews>();
function viewsOf(core: Core): MemoryViews {
  let v = memoryViews.get(core);
  // growth detaches the old buffer, whose views then have length 0
  if (v === undefined || v.u8.length === 0) {
    const b = core.buffer;
    v = { u8: new Uint8Array(b), u16: new Uint16Array(b), u32: new Uint32Array(b), u64: new BigUint64Array(b) };
    memoryViews.set(core, v);
  }
  return v;
}

function fixedVec(bits: bigint[], frac: number): FixedVector {
  const scale = 2 ** frac;
  return { bits, float: bits.map((b) => Number(b) / scale) };
}

/** The stored bond rows: CSR columns and values (both u16), as [uid, value] pairs. */
function bondRows(core: Core, rows: number, start: number, col: number, val: number): SparseRowU16[] {
  const s = new Uint32Array(core.buffer, start >>> 0, rows + 1);
  const nz = s[rows];
  const c = new Uint16Array(core.buffer, col >>> 0, nz);
  const v = new Uint16Array(core.buffer, val >>> 0, nz);
  const out: SparseRowU16[] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const row: SparseRowU16 = new Array(s[i + 1] - s[i]);
    for (let k = s[i], t = 0; k < s[i + 1]; k++, t++) row[t] = [c[k], v[k]];
    out[i] = row;
  }
  return out;
}

/** Writes a prepared input into wasm memory and runs the core; returns the output header's slots. */
function callCore(core: Core, p: Prepared, trace: boolean, entry: "epoch" | "epoch_dense"): number[] {
  core.reset();
  // every buffer is allocated first (an allocation may grow memory), then all are written through
  // views of the whole memory: no typed-array view and no BigInt per input
  const a = core.alloc(p.alpha.byteLength), t = core.alloc(p.tao.byteLength), perm = core.alloc(p.permit.byteLength);
  const lu = core.alloc(p.lastUpdate.byteLength), reg = core.alloc(p.registration.byteLength);
  const ws = core.alloc(p.wStart.byteLength), wc = core.alloc(p.wCol.byteLength), wv = core.alloc(p.wVal.byteLength);
  const bs = core.alloc(p.bStart.byteLength), bc = core.alloc(p.bCol.byteLength), bv = core.alloc(p.bVal.byteLength);
  const cb = p.commits === null ? 0 : core.alloc(p.commits.byteLength);
  const h = core.alloc(p.header.byteLength);
  const m = viewsOf(core);
  m.u64.set(p.alpha, a >>> 3); m.u64.set(p.tao, t >>> 3); m.u8.set(p.permit, perm);
  m.u64.set(p.lastUpdate, lu >>> 3); m.u64.set(p.registration, reg >>> 3);
  m.u32.set(p.wStart, ws >>> 2); m.u16.set(p.wCol, wc >>> 1); m.u16.set(p.wVal, wv >>> 1);
  m.u32.set(p.bStart, bs >>> 2); m.u16.set(p.bCol, bc >>> 1); m.u16.set(p.bVal, bv >>> 1);
  if (p.commits !== null) m.u64.set(p.commits, cb >>> 3);
  // the header: its scalar slots as prepared, then each pointer or length slot as a low and a high u32 word
  m.u64.set(p.header, h >>> 3);
  const w = m.u32, at = h >>> 2;
  const slot = (i: number, v: number) => { w[at + 2 * i] = v; w[at + 2 * i + 1] = 0; };
  slot(IN.trace, trace ? 1 : 0);
  slot(IN.alpha_stake, a); slot(IN.tao_stake, t);
  slot(IN.validator_permit, perm); slot(IN.validator_permit_len, p.permit.length);
  slot(IN.last_update, lu); slot(IN.last_update_len, p.lastUpdate.length);
  slot(IN.block_at_registration, reg);
  slot(IN.weights_start, ws); slot(IN.weights_col, wc); slot(IN.weights_val, wv);
  slot(IN.bonds_start, bs); slot(IN.bonds_col, bc); slot(IN.bonds_val, bv);
  slot(IN.commit_blocks, cb);
  const out = core.enter(entry, h);
  // every output slot is a pointer below 2^32: its low word, read without a BigInt per slot
  const slots = layouts[entry].outSlots;
  const words = viewsOf(core).u32, o = out >>> 2;
  const s = new Array<number>(slots);
  for (let i = 0; i < slots; i++) s[i] = words[o + 2 * i];
  return s;
}

/**
 * Runs one prepared epoch on a core and reads the results: `entry` "epoch" is the chain's sparse
 * epoch_mechanism, "epoch_dense" its test-only epoch_dense_mechanism (no trace).
 */
export function runPrepared(core: Core, p: Prepared, trace: boolean, entry: "epoch" | "epoch_dense" = "epoch"): EpochResult {
  const n = p.n;
  const s = callCore(core, p, trace, entry);
  const result: EpochResult = {
    stake: core.readU64(s[OUT.stake], n),
    stake_weight: core.readU16(s[OUT.stake_weight], n),
    active: core.readBool(s[OUT.active], n),
    validator_permit: core.readBool(s[OUT.validator_permit], n),
    consensus: core.readU16(s[OUT.consensus], n),
    incentive: core.readU16(s[OUT.incentive], n),
    dividends: core.readU16(s[OUT.dividends], n),
    validator_trust: core.readU16(s[OUT.validator_trust], n),
    emission: core.readU64(s[OUT.emission], n),
    server_emission: core.readU64(s[OUT.server_emission], n),
    validator_emission: core.readU64(s[OUT.validator_emission], n),
    bonds: bondRows(core, n, s[OUT.bonds_start], s[OUT.bonds_col], s[OUT.bonds_val]),
  };
  if (trace) {
    const v32 = (i: number) => fixedVec(core.readI64(s[i], n), 32);
    const m = (start: number, col: number, val: number) => fixedRows(core, n, s[start], s[col], s[val]);

    result.debug = {
      total_stake_i64f64: fixedVec(core.readI128(s[OUT.total_stake], n), 64),
      stake_i32f32: v32(OUT.stake_fixed),
      active_stake_i32f32: v32(OUT.active_stake),
      consensus_i32f32: v32(OUT.consensus_fixed),
      validator_trust_i32f32: v32(OUT.validator_trust_fixed),
      incentive_i32f32: v32(OUT.incentive_fixed),
      dividends_i32f32: v32(OUT.dividends_fixed),
      normalized_server_emission_i32f32: v32(OUT.normalized_server_emission),
      normalized_validator_emission_i32f32: v32(OUT.normalized_validator_emission),
      normalized_combined_emission_i32f32: v32(OUT.normalized_combined_emission),
      weights_normalized_i32f32: m(OUT.weights_normalized_start, OUT.weights_normalized_col, OUT.weights_normalized_val),
      weights_clipped_i32f32: m(OUT.weights_clipped_start, OUT.weights_clipped_col, OUT.weights_clipped_val),
      weights_for_bonds_i32f32: m(OUT.weights_for_bonds_start, OUT.weights_for_bonds_col, OUT.weights_for_bonds_val),
      ema_bonds_i32f32: m(OUT.ema_bonds_start, OUT.ema_bonds_col, OUT.ema_bonds_val),
      masked_weights: maskedWeights(core, p, s[OUT.mask_reasons]),
    };
  }
  return result;
}

/** An I32F32 CSR of the trace (u32 starts and columns, i64 bits) as rows of [col, bits], read in place. */
function fixedRows(core: Core, rows: number, start: number, col: number, val: number): FixedSparse {
  const st = new Uint32Array(core.buffer, start >>> 0, rows + 1);
  const nz = st[rows];
  const c = new Uint32Array(core.buffer, col >>> 0, nz), v = new BigInt64Array(core.buffer, val >>> 0, nz);
  const out: FixedSparse = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const row: Array<[number, bigint]> = new Array(st[i + 1] - st[i]);
    for (let k = st[i], t = 0; k < st[i + 1]; k++, t++) row[t] = [c[k], v[k]];
    out[i] = row;
  }
  return out;
}

/** The core's reason codes (assembly/epoch/mask_trace.ts), in its order. */
const MASK_REASON_NAMES = [null, "no_validator_permit", "self_weight", "outdated", "commit_reveal"] as const;

/** The submitted weight entries the core reports as masked, with the first mask that removed each. */
function maskedWeights(core: Core, p: Prepared, reasonsPtr: number): EpochTrace["masked_weights"] {
  const out: EpochTrace["masked_weights"] = [];
  const reasons = new Uint8Array(core.buffer, reasonsPtr >>> 0, p.wCol.length);
  for (let i = 0; i < p.n; i++) {
    for (let k = p.wStart[i]; k < p.wStart[i + 1]; k++) {
      const reason = MASK_REASON_NAMES[reasons[k]];
      if (reason) out.push({ validator: i, uid: p.wCol[k], reason });
    }
  }
  return out;
}

/**
 * The outputs of runEpoch as typed arrays (bools as 0/1 bytes, bonds as a CSR), copied out once:
 * all of them are views of one ArrayBuffer, which transferring any of them hands over whole.
 */
export interface EpochOutputTyped {
  stake: BigUint64Array;
  stake_weight: Uint16Array;
  active: Uint8Array;
  validator_permit: Uint8Array;
  consensus: Uint16Array;
  incentive: Uint16Array;
  dividends: Uint16Array;
  validator_trust: Uint16Array;
  emission: BigUint64Array;
  server_emission: BigUint64Array;
  validator_emission: BigUint64Array;
  bonds: CsrU16;
}

/**
 * Runs a prepared epoch and copies its outputs out as typed arrays (no per-entry objects). All of
 * them are views of one ArrayBuffer (one allocation instead of one per array; `into` when given),
 * u64 vectors first so that each view is aligned to its width.
 */
export function runPreparedTyped(core: Core, p: Prepared, into?: ArrayBuffer): EpochOutputTyped {
  const n = p.n;
  const s = callCore(core, p, false, "epoch");
  const m = viewsOf(core);
  const nz = m.u32[(s[OUT.bonds_start] >>> 2) + n];
  const bytes = 4 * 8 * n + 4 * (n + 1) + 2 * (5 * n + 2 * nz) + 2 * n;
  if (into !== undefined && into.byteLength < bytes) {
    throw new TaomathError("wrong_length", "into", `has ${into.byteLength} bytes; this epoch's outputs need ${bytes} (48·n + 4 + 4 per bond entry, ${nz} entries)`);
  }
  const buf = into ?? new ArrayBuffer(bytes);
  let at = 0;
  const u64 = (i: number) => { const v = new BigUint64Array(buf, at, n); v.set(m.u64.subarray(s[i] >>> 3, (s[i] >>> 3) + n)); at += 8 * n; return v; };
  const stake = u64(OUT.stake), emission = u64(OUT.emission), serverEmission = u64(OUT.server_emission), validatorEmission = u64(OUT.validator_emission);
  const start = new Uint32Array(buf, at, n + 1);
  start.set(m.u32.subarray(s[OUT.bonds_start] >>> 2, (s[OUT.bonds_start] >>> 2) + n + 1));
  at += 4 * (n + 1);
  const u16 = (ptr: number, len: number) => { const v = new Uint16Array(buf, at, len); v.set(m.u16.subarray(ptr >>> 1, (ptr >>> 1) + len)); at += 2 * len; return v; };
  const stakeWeight = u16(s[OUT.stake_weight], n), consensus = u16(s[OUT.consensus], n), incentive = u16(s[OUT.incentive], n);
  const dividends = u16(s[OUT.dividends], n), validatorTrust = u16(s[OUT.validator_trust], n);
  const col = u16(s[OUT.bonds_col], nz), val = u16(s[OUT.bonds_val], nz);
  const u8 = (i: number) => { const v = new Uint8Array(buf, at, n); v.set(m.u8.subarray(s[i], s[i] + n)); at += n; return v; };
  const active = u8(OUT.active), permit = u8(OUT.validator_permit);
  return {
    stake, stake_weight: stakeWeight, active, validator_permit: permit,
    consensus, incentive, dividends, validator_trust: validatorTrust,
    emission, server_emission: serverEmission, validator_emission: validatorEmission,
    bonds: { start, col, val },
  };
}
