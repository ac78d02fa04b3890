// Typed wrappers over assembly/abi/sharepool.ts (header convention): SafeFloat primitives and share-pool op sequences,
// under the share-pool rules of runtime 425 (default) or 473 (`{ runtime: 473 }`).

import type { Core, OutHeader } from "./core.js";
import { TaomathError, quote } from "../core/errors.js";
import { toArray, toU64, typeOf, checkBits, I64_MIN, I64_MAX } from "./values.js";
import { MASK64 } from "../core/ints.js";

/** Most u64 slots of snapshots one run may return (ops x (6 + 5 keys)): 64 MiB. */
export const MAX_SHARE_POOL_SLOTS = 8 * 1024 * 1024;

/** SafeFloat: mantissa (u128) × 10^exponent; zero is (0, 0). */
export interface SafeFloat { mantissa: bigint; exponent: bigint }
/** A share or denominator entry: absent, SafeFloat, or a legacy U64F64 not yet migrated. */
export type ShareEntry = { kind: "absent" } | { kind: "safe"; value: SafeFloat } | { kind: "legacy"; bits: bigint };

/**
 * stake / unstake / emit / slash / try_stake: the pallet's calls (unstake is a no-op past the quote).
 * Runtime 473 only: `credit` (credit_member: a sole holder's credit only raises the pool value),
 * `try_credit_sole` (try_credit_sole_member; its answer is `tryResult`) and `withdraw` (the raw
 * update_value_for_one(key, −amount), unchecked against the quote).
 */
export type SharePoolOp = "stake" | "unstake" | "emit" | "slash" | "try_stake" | "credit" | "try_credit_sole" | "withdraw";
const OPS: Record<SharePoolOp, bigint> = { stake: 0n, unstake: 1n, emit: 2n, slash: 3n, try_stake: 4n, credit: 5n, try_credit_sole: 6n, withdraw: 7n };
const OPS_425 = new Set<SharePoolOp>(["stake", "unstake", "emit", "slash", "try_stake"]);

/** The share-pool rule sets: 425 (opentensor 14bc6f9f) and 473 (the 97,226-character lib.rs). */
export type SharePoolRuntime = 425 | 473;
export interface SharePoolOptions { runtime?: SharePoolRuntime }

function runtimeOf(o: SharePoolOptions | undefined): SharePoolRuntime {
  const r = o?.runtime ?? 425;
  if (r !== 425 && r !== 473) throw new TaomathError("out_of_range", "runtime", `share-pool rules exist for 425 and 473, not ${String(r)}`);
  return r;
}

export interface SharePoolState {
  /** TotalHotkeyAlpha */
  sharedValue: bigint;
  denominator: ShareEntry;
  /** per coldkey (by index) */
  shares: ShareEntry[];
}

export interface SharePoolSnapshot extends SharePoolState {
  values: bigint[];
  tryResult: boolean;
}

export class SharePoolCore {
  constructor(private readonly core: Core) {}
  private result(out: OutHeader<"sf_add" | "sf_sub" | "sf_div" | "sf_sub_exact_floor" | "sf_mul_div" | "sf_from_u64f64">): SafeFloat | null {
    return out.num("error") !== 0 ? null : { mantissa: out.u128("mantissa"), exponent: out.get("exponent") };
  }
  private two(entry: "sf_add" | "sf_sub" | "sf_div" | "sf_sub_exact_floor", a: SafeFloat, b: SafeFloat): SafeFloat | null {
    const x = { ...operand("a", a), ...operand("b", b) };
    this.core.reset();
    return this.result(this.core.invoke(entry, x));
  }

  add(a: SafeFloat, b: SafeFloat): SafeFloat | null { return this.two("sf_add", a, b); }
  sub(a: SafeFloat, b: SafeFloat): SafeFloat | null { return this.two("sf_sub", a, b); }
  mulDiv(a: SafeFloat, b: SafeFloat, c: SafeFloat): SafeFloat | null {
    const x = { ...operand("a", a), ...operand("b", b), ...operand("c", c) };
    this.core.reset(); return this.result(this.core.invoke("sf_mul_div", x));
  }
  div(a: SafeFloat, b: SafeFloat): SafeFloat | null { return this.two("sf_div", a, b); }
  /** a > b; at 473 a zero is never greater and any nonzero value beats zero. */
  gt(a: SafeFloat, b: SafeFloat, opts?: SharePoolOptions): boolean {
    const name = runtimeOf(opts) === 473 ? "sf_gt_473" : "sf_gt";
    const x = { ...operand("a", a), ...operand("b", b) };
    this.core.reset(); return this.core.invoke(name, x).flag("greater");
  }
  /** Runtime 473's sub_exact_floor: a − b exact at the finer exponent, then floored; null when a < b. */
  subExactFloor(a: SafeFloat, b: SafeFloat): SafeFloat | null { return this.two("sf_sub_exact_floor", a, b); }
  toU64(a: SafeFloat): bigint { const x = operand("a", a); this.core.reset(); return this.core.invoke("sf_to_u64", x).get("value"); }
  fromU64F64(bits: bigint): SafeFloat {
    const b = checkBits(bits, "bits", "u128");
    this.core.reset(); return this.result(this.core.invoke("sf_from_u64f64", { bits_lo: b & MASK64, bits_hi: b >> 64n }))!;
  }

  /** Runs ops on a pool state; returns the state after each op. */
  run(state: SharePoolState, ops: Array<{ op: SharePoolOp; key: number; amount: bigint }>, opts?: SharePoolOptions): SharePoolSnapshot[] {
    const runtime = runtimeOf(opts);
    if (state === null || typeof state !== "object" || Array.isArray(state)) throw new TaomathError("invalid_type", "state", `expected the pool state as an object, got ${typeOf(state)}`);
    const sharedValue = toU64(state.sharedValue, "state.sharedValue");
    const shares = toArray(state.shares, "state.shares");
    const keys = shares.length;
    const list = toArray(ops, "ops");
    const width = 6 + 5 * keys;
    if (list.length * width > MAX_SHARE_POOL_SLOTS) {
      throw new TaomathError("wrong_length", "ops", `${list.length} ops over ${keys} keys is more than ${MAX_SHARE_POOL_SLOTS} snapshot slots`);
    }
    const slots: bigint[] = [sharedValue, ...rec(state.denominator, "state.denominator"), BigInt(keys)];
    for (let k = 0; k < keys; k++) slots.push(...rec(shares[k] as ShareEntry, `state.shares[${k}]`));
    const opSlots: bigint[] = [];
    for (let i = 0; i < list.length; i++) {
      const o = list[i] as { op: SharePoolOp; key: number; amount: bigint };
      if (o === null || typeof o !== "object" || Array.isArray(o)) throw new TaomathError("invalid_type", `ops[${i}]`, `expected {op, key, amount}, got ${typeOf(o)}`);
      if (typeof o.op !== "string" || !Object.hasOwn(OPS, o.op)) throw new TaomathError("invalid_type", `ops[${i}].op`, `expected one of ${Object.keys(OPS).join(", ")}, got ${quote(o.op)}`);
      if (runtime === 425 && !OPS_425.has(o.op)) throw new TaomathError("out_of_range", `ops[${i}].op`, `${o.op} is not a share-pool op of runtime 425`);
      if (typeof o.key !== "number" || !Number.isInteger(o.key) || o.key < 0 || o.key >= keys) {
        throw new TaomathError("out_of_range", `ops[${i}].key`, `expected the index of a share in [0, ${keys}), got ${quote(o.key)}`);
      }
      opSlots.push(OPS[o.op], BigInt(o.key), toU64(o.amount, `ops[${i}].amount`));
    }
    this.core.reset();
    const sp = this.core.u64(slots);
    const op = this.core.u64(opSlots);
    ops = list as typeof ops;
    const out = this.core.invoke(runtime === 473 ? "sp_run_473" : "sp_run", { state: sp, ops: op, n: ops.length }).num("snapshots");
    const v = this.core.readU64(out, ops.length * width);
    const snaps: SharePoolSnapshot[] = [];
    for (let i = 0; i < ops.length; i++) {
      const b = i * width;
      const shares: ShareEntry[] = [], values: bigint[] = [];
      for (let k = 0; k < keys; k++) { shares.push(entry(v, b + 5 + 5 * k)); values.push(v[b + 9 + 5 * k]); }
      snaps.push({ sharedValue: v[b], denominator: entry(v, b + 1), shares, values, tryResult: v[b + width - 1] !== 0n });
    }
    return snaps;
  }
}

function rec(e: ShareEntry, field: string): bigint[] {
  if (e === null || typeof e !== "object") throw new TaomathError("invalid_type", field, `expected {kind: "absent" | "safe" | "legacy"}, got ${typeOf(e)}`);
  if (e.kind === "absent") return [0n, 0n, 0n, 0n];
  if (e.kind === "legacy") { const b = checkBits(e.bits, `${field}.bits`, "u128"); return [2n, b & MASK64, b >> 64n, 0n]; }
  if (e.kind === "safe") {
    const v = safeFloat(e.value, `${field}.value`);
    return [1n, v.mantissa & MASK64, v.mantissa >> 64n, BigInt.asUintN(64, v.exponent)];
  }
  throw new TaomathError("invalid_type", `${field}.kind`, `expected "absent", "safe" or "legacy", got ${quote((e as { kind: unknown }).kind)}`);
}


/** A checked SafeFloat operand as the slots `<name>_mantissa_lo`, `_mantissa_hi`, `_exponent` of an sf_ entry. */
function operand<N extends string>(name: N, a: SafeFloat): Record<`${N}_mantissa_lo` | `${N}_mantissa_hi` | `${N}_exponent`, bigint> {
  const f = safeFloat(a, name);
  return { [`${name}_mantissa_lo`]: f.mantissa & MASK64, [`${name}_mantissa_hi`]: f.mantissa >> 64n, [`${name}_exponent`]: f.exponent } as Record<`${N}_mantissa_lo` | `${N}_mantissa_hi` | `${N}_exponent`, bigint>;
}

/** A SafeFloat as the chain stores it: a u128 mantissa and an i64 exponent. */
function safeFloat(a: SafeFloat, field: string): SafeFloat {
  if (a === null || typeof a !== "object") throw new TaomathError("invalid_type", field, `expected {mantissa, exponent}, got ${typeOf(a)}`);
  const mantissa = checkBits(a.mantissa, `${field}.mantissa`, "u128");
  if (typeof a.exponent !== "bigint") throw new TaomathError("invalid_type", `${field}.exponent`, `expected an i64 as a bigint, got ${typeOf(a.exponent)}`);
  if (a.exponent < I64_MIN || a.exponent > I64_MAX) throw new TaomathError("out_of_range", `${field}.exponent`, `${quote(a.exponent)} is outside i64`);
  return { mantissa, exponent: a.exponent };
}
function entry(v: bigint[], at: number): ShareEntry {
  if (v[at] === 0n) return { kind: "absent" };
  if (v[at] === 2n) return { kind: "legacy", bits: (v[at + 2] << 64n) | v[at + 1] };
  return { kind: "safe", value: { mantissa: (v[at + 2] << 64n) | v[at + 1], exponent: BigInt.asIntN(64, v[at + 3]) } };
}
