// The network model's epochs in the typed form (runEpochTyped: typed arrays and CSR, no per-entry
// objects). A subnet's neuron arrays are converted (and validated) once, through the plain path's
// epochInputTyped, and their typed form is kept beside them, keyed by the array itself: the model
// replaces a neuron array when it changes it (never edits one in place), so an array it has seen
// stands for the same values until it is replaced. What the epoch writes back (bonds, validator
// permits) keeps its typed form; bonds become plain rows only when read. Everything the core is handed
// is what runEpoch would be handed.

import {
  epochInputTyped, type CsrU16, type EpochInput, type EpochInputTyped, type EpochOutput, type EpochOutputTyped, type SparseRowU16,
} from "../bindings/epoch.js";
import { U64_MAX } from "../core/ints.js";
import type { NeuronsInput } from "./state.js";

type Typed = BigUint64Array | Uint8Array | CsrU16;

/** Plain neuron array -> its typed form, for arrays converted or produced here. */
const typedOf = new WeakMap<object, Typed>();

/** The neuron arrays that go into the epoch as they are (alpha_stake, the block and emission are per epoch). */
const KEPT = ["tao_stake", "validator_permit", "last_update", "block_at_registration", "weights", "bonds", "commit_blocks"] as const;

/** The typed input of an epoch whose plain input is `input` (built from `nn`), converting only what was not seen before. */
export function typedEpochInput(nn: NeuronsInput, input: EpochInput): EpochInputTyped {
  const kept = KEPT.map((k) => {
    const v = k === "bonds" || k === "weights" ? rowsOf(nn, k) : (input[k] as unknown);
    return v === null ? null : typedOf.get(v as object);
  });
  let alpha: BigUint64Array | null = new BigUint64Array(input.n);
  for (let i = 0; i < input.n; i++) {
    const a = input.alpha_stake[i];
    // only u64 bigints are taken as they are; anything else goes through the plain path's checks
    if (typeof a !== "bigint" || a < 0n || a > U64_MAX) { alpha = null; break; }
    alpha[i] = a;
  }
  const missing = kept.some((t, j) => t === undefined && !(KEPT[j] === "commit_blocks" && input.commit_blocks === null));
  if (missing || alpha === null || input.alpha_stake.length !== input.n) {
    const weights = nn.weights;
    const t = epochInputTyped({ ...scalarsOf(input), weights, bonds: nn.bonds });
    for (const k of KEPT) {
      const v = k === "bonds" ? nn.bonds : k === "weights" ? weights : input[k];
      if (v !== null) typedOf.set(v as object, t[k] as Typed);
    }
    // the weights stay typed too when their rows follow from the CSR (no column past n was dropped): 16k
    // small arrays a subnet at 256 uids, which every full collection would otherwise trace again
    let pairs = 0;
    for (const row of weights) pairs += row.length;
    if (pairs === t.weights.col.length && typeof Object.getOwnPropertyDescriptor(nn, "weights")?.get !== "function") holdTyped(nn, "weights", t.weights);
    return t;
  }
  const [tao, permit, lastUpdate, registration, weights, bonds, commits] = kept;
  return {
    ...scalarsOf(input),
    alpha_stake: alpha, tao_stake: tao as BigUint64Array, validator_permit: permit as Uint8Array, last_update: lastUpdate as BigUint64Array,
    block_at_registration: registration as BigUint64Array, weights: weights as CsrU16, bonds: bonds as CsrU16,
    commit_blocks: input.commit_blocks === null ? null : (commits as BigUint64Array),
  };
}

type RowsField = "bonds" | "weights";

/** Plain rows not built yet: nn.bonds (nn.weights) is an accessor standing for typed bonds (weights). */
const pending = new WeakMap<NeuronsInput, Map<RowsField, { get: () => SparseRowU16[]; token: object }>>();

/** What nn[field] stands for: the typed form's token while its plain rows were never read, else the rows. */
export function rowsOf(nn: NeuronsInput, field: RowsField): unknown {
  const p = pending.get(nn)?.get(field);
  if (p !== undefined && Object.getOwnPropertyDescriptor(nn, field)?.get === p.get) return p.token;
  return nn[field];
}

/**
 * nn[field] becomes an accessor that builds the plain rows of `typed` on first read (a snapshot, a
 * caller) and then holds them; until then the typed form stands for them (a token keys it in typedOf).
 */
function holdTyped(nn: NeuronsInput, field: RowsField, typed: CsrU16): void {
  const hold = (rows: SparseRowU16[]) => { Object.defineProperty(nn, field, { value: rows, writable: true, enumerable: true, configurable: true }); };
  const get = (): SparseRowU16[] => {
    const rows = csrRows(typed);
    typedOf.set(rows, typed);
    hold(rows);
    return rows;
  };
  const token = {};
  typedOf.set(token, typed);
  let fields = pending.get(nn);
  if (fields === undefined) pending.set(nn, (fields = new Map()));
  fields.set(field, { get, token });
  Object.defineProperty(nn, field, { get, set: hold, enumerable: true, configurable: true });
}

/**
 * The epoch's storage writes the next epoch reads: Bonds and ValidatorPermit. Bonds stay typed (holdTyped),
 * so a run of many epochs never builds their rows (16k small arrays an epoch at 256 uids).
 */
export function writeEpochState(nn: NeuronsInput, out: EpochOutputTyped): void {
  const bits = out.validator_permit, permit = new Array<boolean>(bits.length);
  for (let i = 0; i < bits.length; i++) permit[i] = bits[i] !== 0;
  typedOf.set(permit, out.validator_permit);
  nn.validator_permit = permit;
  holdTyped(nn, "bonds", out.bonds);
}

/** last_update after validators refreshed their weights at `block`, with its typed form when the previous one is known. */
export function refreshedLastUpdate(nn: NeuronsInput, block: bigint): unknown[] {
  const prev = nn.last_update, n = nn.hotkeys.length;
  const setting = settingUids(nn, n);
  const next = new Array<unknown>(n);
  for (let uid = 0; uid < n; uid++) next[uid] = prev[uid] ?? 0n;
  for (let k = 0; k < setting.length; k++) next[setting[k]] = block;
  const t = typedOf.get(prev) as BigUint64Array | undefined;
  if (t !== undefined && block <= U64_MAX && block >= 0n) {
    const u = new BigUint64Array(Math.max(t.length, n));
    u.set(t);
    for (let k = 0; k < setting.length; k++) u[setting[k]] = block;
    typedOf.set(next, u);
  }
  return next;
}

/** The uids below n with a nonempty weights row, kept per weights array (replaced, never edited). */
const settingOf = new WeakMap<object, { n: number; uids: Uint32Array }>();
function settingUids(nn: NeuronsInput, n: number): Uint32Array {
  const weights = rowsOf(nn, "weights") as object;
  const kept = settingOf.get(weights);
  if (kept !== undefined && kept.n === n) return kept.uids;
  const uids: number[] = [];
  // typed weights stand for rows with every column kept (holdTyped), so a nonempty CSR row is a nonempty row
  const csr = Array.isArray(weights) ? null : (typedOf.get(weights) as CsrU16);
  for (let uid = 0; uid < n; uid++) {
    if (csr !== null ? uid + 1 < csr.start.length && csr.start[uid + 1] > csr.start[uid] : (weights as SparseRowU16[])[uid]?.length) uids.push(uid);
  }
  const out = { n, uids: Uint32Array.from(uids) };
  settingOf.set(weights, out);
  return out.uids;
}

/** The input's fields but weights and bonds (reading them may build their plain rows). */
function scalarsOf(input: EpochInput): EpochInput {
  const o: Record<string, unknown> = {};
  for (const k of Object.keys(input)) if (k !== "bonds" && k !== "weights") o[k] = (input as unknown as Record<string, unknown>)[k];
  return o as unknown as EpochInput;
}

/** Plain bond rows of a CSR matrix. */
export function csrRows(m: CsrU16): SparseRowU16[] {
  const n = m.start.length - 1;
  const rows: SparseRowU16[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row: SparseRowU16 = new Array(m.start[i + 1] - m.start[i]);
    for (let k = m.start[i], j = 0; k < m.start[i + 1]; k++, j++) row[j] = [m.col[k], m.val[k]];
    rows[i] = row;
  }
  return rows;
}

/** runEpoch's plain output from the typed one (the same values and JS types). */
export function plainOutput(t: EpochOutputTyped): EpochOutput {
  const bool = (a: Uint8Array) => Array.from(a, (x) => x !== 0);
  return {
    stake: Array.from(t.stake), stake_weight: Array.from(t.stake_weight), active: bool(t.active), validator_permit: bool(t.validator_permit),
    consensus: Array.from(t.consensus), incentive: Array.from(t.incentive), dividends: Array.from(t.dividends), validator_trust: Array.from(t.validator_trust),
    emission: Array.from(t.emission), server_emission: Array.from(t.server_emission), validator_emission: Array.from(t.validator_emission), bonds: csrRows(t.bonds),
  };
}

/**
 * The rao_emission an epoch is run with ahead of its block: the epoch multiplies its normalised shares
 * by rao_emission only at the very end (emission_split.ts: floor(share * rao / 2^32), saturating), and
 * with rao = 2^32 that product is the share itself, so the real emission follows from it exactly.
 */
export const AHEAD_RAO_EMISSION = 1n << 32n;

/** An epoch output run with AHEAD_RAO_EMISSION, with the emission the chain gives for `rao` instead. */
export function withRaoEmission(out: EpochOutputTyped, rao: bigint): EpochOutputTyped {
  return { ...out, emission: timesRao(out.emission, rao), server_emission: timesRao(out.server_emission, rao), validator_emission: timesRao(out.validator_emission, rao) };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const TWO16 = 65536, TWO32 = 4294967296;

/**
 * Each share x (the emission at rao 2^32) as the emission at `rao`: I96F32 saturating_mul then
 * saturating_to_num::<u64>, i.e. floor(x * rao / 2^32), u64::MAX once the product reaches 2^96.
 * Shares are at most 2^32 (normalised I32F32), so the product is taken in exact doubles on 16-bit
 * limbs of rao and written as two u32 words: no BigInt per entry (a payout's emission was ~40 µs of
 * BigInt products and their garbage). Anything else takes the BigInt product.
 */
export function timesRao(shares: BigUint64Array, rao: bigint): BigUint64Array {
  const n = shares.length, r = new BigUint64Array(n);
  const big = (i: number) => {
    const p = shares[i] * rao;
    r[i] = p >> 96n !== 0n ? U64_MAX : p >> 32n;
  };
  if (!LITTLE_ENDIAN || rao < 0n || rao > U64_MAX) {
    for (let i = 0; i < n; i++) if (shares[i] !== 0n) big(i);
    return r;
  }
  const x32 = new Uint32Array(shares.buffer, shares.byteOffset, 2 * n), r32 = new Uint32Array(r.buffer);
  const r0 = Number(rao & 0xffffn), r1 = Number((rao >> 16n) & 0xffffn), r2 = Number((rao >> 32n) & 0xffffn), r3 = Number(rao >> 48n);
  for (let i = 0; i < n; i++) {
    const lo = x32[2 * i], hi = x32[2 * i + 1];
    if (hi > 1) { big(i); continue; }
    const x = hi * TWO32 + lo;
    if (x === 0) continue;
    // x * rao = p0 + p1 2^16 + p2 2^32 + p3 2^48, each p < 2^49; its floor over 2^32 is
    // p2 + p3 2^16 + floor((p0 + p1 2^16) / 2^32), split again so that every sum stays below 2^53
    const p0 = x * r0, p1 = x * r1, p2 = x * r2, p3 = x * r3;
    const p1h = Math.floor(p1 / TWO16), p1l = p1 - p1h * TWO16;
    const p3h = Math.floor(p3 / TWO16), p3l = p3 - p3h * TWO16;
    const low = p2 + p3l * TWO16 + p1h + Math.floor((p0 + p1l * TWO16) / TWO32);
    const carry = Math.floor(low / TWO32);
    const high = p3h + carry;
    if (high >= TWO32) { r32[2 * i] = 0xffffffff; r32[2 * i + 1] = 0xffffffff; continue; }
    r32[2 * i] = low - carry * TWO32;
    r32[2 * i + 1] = high;
  }
  return r;
}

/** Whether two typed epoch inputs hand the core the same values, rao_emission aside. */
export function sameEpochInput(a: EpochInputTyped, b: EpochInputTyped): boolean {
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (k === "rao_emission") continue;
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!sameValue((a as unknown as Record<string, unknown>)[k], (b as unknown as Record<string, unknown>)[k])) return false;
  }
  return true;
}

function sameValue(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (ArrayBuffer.isView(x) && ArrayBuffer.isView(y)) {
    if (x.constructor !== y.constructor || x.byteLength !== y.byteLength) return false;
    const u = new Uint8Array(x.buffer, x.byteOffset, x.byteLength), v = new Uint8Array(y.buffer, y.byteOffset, y.byteLength);
    for (let i = 0; i < u.length; i++) if (u[i] !== v[i]) return false;
    return true;
  }
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((e, i) => sameValue(e, y[i]));
  if (x !== null && y !== null && typeof x === "object" && typeof y === "object") {
    const kx = Object.keys(x), ky = Object.keys(y);
    return kx.length === ky.length && kx.every((k) => sameValue((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]));
  }
  // u64 scalars may be given as number or bigint: the core is handed the same value either way
  if ((typeof x === "bigint" || typeof x === "number") && (typeof y === "bigint" || typeof y === "number")) {
    return Number.isInteger(Number(x)) && Number.isInteger(Number(y)) && BigInt(x) === BigInt(y);
  }
  return false;
}
