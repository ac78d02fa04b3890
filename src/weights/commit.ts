// Commit-reveal (subnets/weights.rs): the commit hash get_commit_hash computes, the mechanism
// storage index it hashes (subnets/mechanism.rs), which epoch a block belongs to under the
// SubnetEpochIndex counter, the reveal window and expiry of a commit, and the verdict a reveal
// gets from internal_reveal_weights.

import { Tuple, Vector, u16, u64, Bytes, Blake2256, getSs58AddressInfo } from "@polkadot-api/substrate-bindings";
import { TaomathError } from "../core/errors.js";
import { toU64, toU16, toInt, toArray } from "../bindings/values.js";
import { validateCommits, hashOf } from "./state.js";
import { U64_MAX } from "../core/ints.js";

/** GLOBAL_MAX_SUBNET_COUNT: storage index = mecid * 4096 + netuid. */
export const GLOBAL_MAX_SUBNET_COUNT = 4096;

/** get_mechanism_storage_index (u16 saturating arithmetic). */
export function mechanismStorageIndex(netuid: number, mechanism = 0): number {
  const n = toU16(netuid, "netuid");
  const m = toInt(mechanism, "mechanism", 0, 255, "u8");
  return Math.min(65535, Math.min(65535, m * GLOBAL_MAX_SUBNET_COUNT) + n);
}

// (AccountId32, NetUidStorageIndex, Vec<u16>, Vec<u16>, Vec<u16>, u64) in SCALE
const commitTuple = Tuple(Bytes(32), u16, Vector(u16), Vector(u16), Vector(u16), u64);

export interface CommitInput {
  /** the hotkey (AccountId32): an SS58 address (5…), its 32-byte public key as 0x hex, or bytes */
  account: string | Uint8Array;
  netuid: number;
  /** MechId; 0 (main) hashes the plain netuid */
  mechanism?: number;
  uids: readonly number[];
  values: readonly number[];
  salt: readonly number[];
  versionKey: bigint | string | number;
}

function accountBytes(a: string | Uint8Array): Uint8Array {
  if (a instanceof Uint8Array) {
    if (a.length !== 32) throw new TaomathError("wrong_length", "account", `an AccountId32 has 32 bytes, got ${a.length}`);
    return a;
  }
  if (typeof a === "string" && !a.startsWith("0x")) return ss58Account(a);
  if (typeof a !== "string" || !/^0x[0-9a-fA-F]{64}$/.test(a)) throw new TaomathError("invalid_type", "account", "expected an SS58 address or 0x followed by 64 hex digits (a 32-byte public key)");
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = parseInt(a.slice(2 + 2 * i, 4 + 2 * i), 16);
  return out;
}

/** An SS58 address (any network prefix, checksum verified by the codec) to its 32-byte public key. */
function ss58Account(address: string): Uint8Array {
  const info = getSs58AddressInfo(address);
  if (!info.isValid) throw new TaomathError("invalid_type", "account", `${JSON.stringify(address)} is not a valid SS58 address (bad characters or checksum)`);
  if (info.publicKey.length !== 32) throw new TaomathError("wrong_length", "account", `an AccountId32 has 32 bytes, the address holds ${info.publicKey.length}`);
  return Uint8Array.from(info.publicKey);
}

const u16s = (v: readonly number[], field: string) => toArray(v, field).map((x, i) => toU16(x, `${field}[${i}]`));

/** The SCALE bytes get_commit_hash hashes. */
export function commitPreimage(c: CommitInput): Uint8Array {
  if (c === null || typeof c !== "object" || Array.isArray(c)) throw new TaomathError("invalid_type", "commit", "expected {account, netuid, uids, values, salt, versionKey}");
  return commitTuple.enc([
    accountBytes(c.account),
    mechanismStorageIndex(c.netuid, c.mechanism === undefined ? 0 : c.mechanism),
    u16s(c.uids, "uids"),
    u16s(c.values, "values"),
    u16s(c.salt, "salt"),
    toU64(c.versionKey, "versionKey"),
  ]);
}

/** get_commit_hash: BlakeTwo256 of the SCALE-encoded tuple, as 0x hex. */
export function commitHash(c: CommitInput): string {
  const h = Blake2256(commitPreimage(c));
  return "0x" + Array.from(h, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The epoch schedule of a subnet: Tempo, LastEpochBlock and SubnetEpochIndex read together. */
export interface EpochSchedule {
  tempo: number;
  /** LastEpochBlock: the block the last epoch fired at */
  last_epoch_block: bigint | string | number;
  /** SubnetEpochIndex after that epoch (default 0) */
  epoch_index?: bigint | string | number;
  /** RevealPeriodEpochs (default 1) */
  reveal_period_epochs?: bigint | string | number;
}

/**
 * current_epoch_with_lookahead at `block`, assuming epochs keep firing every `tempo` blocks from
 * LastEpochBlock (no owner-triggered PendingEpochAt, no per-block-cap deferral, tempo unchanged).
 */
export function epochAt(s: EpochSchedule, block: bigint | string | number): bigint {
  scheduleObject(s);
  const tempo = BigInt(toU16(s.tempo, "tempo"));
  const last = toU64(s.last_epoch_block, "last_epoch_block");
  const base = toU64(s.epoch_index === undefined ? 0n : s.epoch_index, "epoch_index");
  const b = toU64(block, "block");
  if (tempo === 0n || b < last) return base;
  return u64Result(base + (b - last) / tempo, "block", "the epoch index");
}

function scheduleObject(s: unknown): void {
  if (s === null || typeof s !== "object" || Array.isArray(s)) throw new TaomathError("invalid_type", "schedule", "expected {tempo, last_epoch_block, epoch_index?, reveal_period_epochs?}");
}

/** A computed block or epoch index the chain stores as u64: past it, the input cannot be a real schedule. */
function u64Result(v: bigint, field: string, what: string): bigint {
  if (v < 0n || v > U64_MAX) throw new TaomathError("out_of_range", field, `${what} would be ${v < 0n ? "negative" : "past u64::MAX"}`);
  return v;
}

/** The first block whose extrinsics belong to epoch `e` (same assumptions as epochAt). */
export function firstBlockOfEpoch(s: EpochSchedule, e: bigint): bigint {
  scheduleObject(s);
  const tempo = BigInt(toU16(s.tempo, "tempo"));
  const last = toU64(s.last_epoch_block, "last_epoch_block");
  const base = toU64(s.epoch_index === undefined ? 0n : s.epoch_index, "epoch_index");
  const epoch = toU64(e, "epoch");
  return u64Result(last + (epoch - base) * tempo, "epoch", "the first block of that epoch");
}

export interface RevealWindow {
  /** the epoch stored with the commit */
  commit_epoch: bigint;
  /** the only epoch a reveal is accepted in: commit_epoch + reveal_period */
  reveal_epoch: bigint;
  /** first and last block of the reveal epoch (inclusive) */
  reveal_from_block: bigint;
  reveal_to_block: bigint;
  /** from this block on the commit is expired (ExpiredWeightCommit) */
  expires_at_block: bigint;
}

/** When a commit made at `commitBlock` can be revealed (is_reveal_block_range) and when it expires (is_commit_expired). */
export function revealWindow(s: EpochSchedule, commitBlock: bigint | string | number): RevealWindow {
  scheduleObject(s);
  if (toU16(s.tempo, "tempo") === 0) throw new TaomathError("out_of_range", "tempo", "a subnet with tempo 0 never runs an epoch, so a commit never becomes revealable");
  const period = toU64(s.reveal_period_epochs === undefined ? 1n : s.reveal_period_epochs, "reveal_period_epochs");
  const commitEpoch = epochAt(s, commitBlock);
  const revealEpoch = commitEpoch + period;
  const from = firstBlockOfEpoch(s, revealEpoch);
  const next = firstBlockOfEpoch(s, revealEpoch + 1n);
  return { commit_epoch: commitEpoch, reveal_epoch: revealEpoch, reveal_from_block: from, reveal_to_block: next - 1n, expires_at_block: next };
}

export type RevealVerdict = "ok" | "CommitRevealDisabled" | "NoWeightsCommitFound" | "ExpiredWeightCommit" | "RevealTooEarly" | "InvalidRevealCommitHashNotMatch";

export interface StoredCommit {
  hash: string;
  /** commit_epoch stored with it */
  epoch: bigint | string | number;
}

/**
 * internal_reveal_weights before it calls set_weights: drop expired commits from the front of
 * the queue, then find the revealed hash. On "ok" the remaining queue is returned (every commit
 * up to and including the revealed one removed); set_weights' own checks still follow.
 */
export function checkReveal(
  commits: readonly StoredCommit[], revealedHash: string, currentEpoch: bigint | string | number,
  revealPeriod: bigint | string | number = 1n, commitRevealEnabled = true,
): { verdict: RevealVerdict; remaining: StoredCommit[] } {
  const queue: StoredCommit[] = validateCommits(commits, "commits");
  const hash = hashOf(revealedHash, "revealedHash").toLowerCase();
  const now = toU64(currentEpoch, "currentEpoch");
  const period = toU64(revealPeriod, "revealPeriod");
  if (typeof commitRevealEnabled !== "boolean") throw new TaomathError("invalid_type", "commitRevealEnabled", "expected a boolean");
  if (!commitRevealEnabled) return { verdict: "CommitRevealDisabled", remaining: queue };
  if (queue.length === 0) return { verdict: "NoWeightsCommitFound", remaining: [] };
  const expired: string[] = [];
  while (queue.length > 0 && now > BigInt(queue[0].epoch) + period) expired.push(queue.shift()!.hash.toLowerCase());
  if (queue.length === 0) return { verdict: expired.includes(hash) ? "ExpiredWeightCommit" : "NoWeightsCommitFound", remaining: [] };
  const at = queue.findIndex((c) => c.hash.toLowerCase() === hash);
  if (at < 0) return { verdict: expired.includes(hash) ? "ExpiredWeightCommit" : "InvalidRevealCommitHashNotMatch", remaining: queue };
  if (now !== BigInt(queue[at].epoch) + period) return { verdict: "RevealTooEarly", remaining: queue };
  return { verdict: "ok", remaining: queue.slice(at + 1) };
}
