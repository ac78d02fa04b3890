// Typed wrappers over assembly/abi/sharepool.ts: SafeFloat primitives and share-pool op sequences,
// under the share-pool rules of runtime 425 (default) or 473 (`{ runtime: 473 }`).

import { Core } from "./core.js";
import { TaomathError } from "../core/errors.js";

const M64 = (1n << 64n) - 1n;
const s = (x: bigint) => BigInt.asIntN(64, x);

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
  private fn<T>(name: string, ...args: unknown[]): T { return this.core.call<T>(name, ...args); }
  private args(a: SafeFloat): bigint[] { return [s(a.mantissa >> 64n), s(a.mantissa & M64), s(a.exponent)]; }
  private result(h: number): SafeFloat | null {
    const [ok, lo, hi, e] = this.core.readU64(h >>> 0, 4);
    return ok === 0n ? null : { mantissa: (hi << 64n) | lo, exponent: BigInt.asIntN(64, e) };
  }

  add(a: SafeFloat, b: SafeFloat): SafeFloat | null { this.core.reset(); return this.result(this.fn("sf_add", ...this.args(a), ...this.args(b))); }
  sub(a: SafeFloat, b: SafeFloat): SafeFloat | null { this.core.reset(); return this.result(this.fn("sf_sub", ...this.args(a), ...this.args(b))); }
  mulDiv(a: SafeFloat, b: SafeFloat, c: SafeFloat): SafeFloat | null {
    this.core.reset(); return this.result(this.fn("sf_mul_div", ...this.args(a), ...this.args(b), ...this.args(c)));
  }
  div(a: SafeFloat, b: SafeFloat): SafeFloat | null { this.core.reset(); return this.result(this.fn("sf_div", ...this.args(a), ...this.args(b))); }
  /** a > b; at 473 a zero is never greater and any nonzero value beats zero. */
  gt(a: SafeFloat, b: SafeFloat, opts?: SharePoolOptions): boolean {
    const name = runtimeOf(opts) === 473 ? "sf_gt_473" : "sf_gt";
    this.core.reset(); return this.fn<number>(name, ...this.args(a), ...this.args(b)) !== 0;
  }
  /** Runtime 473's sub_exact_floor: a − b exact at the finer exponent, then floored; null when a < b. */
  subExactFloor(a: SafeFloat, b: SafeFloat): SafeFloat | null {
    this.core.reset(); return this.result(this.fn("sf_sub_exact_floor", ...this.args(a), ...this.args(b)));
  }
  toU64(a: SafeFloat): bigint { this.core.reset(); return BigInt.asUintN(64, this.fn<bigint>("sf_to_u64", ...this.args(a))); }
  fromU64F64(bits: bigint): SafeFloat { this.core.reset(); return this.result(this.fn("sf_from_u64f64", s(bits >> 64n), s(bits & M64)))!; }

  /** Runs ops on a pool state; returns the state after each op. */
  run(state: SharePoolState, ops: Array<{ op: SharePoolOp; key: number; amount: bigint }>, opts?: SharePoolOptions): SharePoolSnapshot[] {
    const runtime = runtimeOf(opts);
    ops.forEach((o, i) => {
      if (!(o.op in OPS) || (runtime === 425 && !OPS_425.has(o.op))) throw new TaomathError("out_of_range", `ops[${i}].op`, `${String(o.op)} is not a share-pool op of runtime ${runtime}`);
      if (!Number.isInteger(o.key) || o.key < 0 || o.key >= state.shares.length) throw new TaomathError("uid_out_of_range", `ops[${i}].key`, `no coldkey ${o.key} among ${state.shares.length}`);
      if (typeof o.amount !== "bigint" || o.amount < 0n || o.amount > M64) throw new TaomathError("out_of_range", `ops[${i}].amount`, "expected a u64 bigint");
    });
    this.core.reset();
    const keys = state.shares.length;
    const slots: bigint[] = [state.sharedValue, ...rec(state.denominator), BigInt(keys)];
    for (const e of state.shares) slots.push(...rec(e));
    const sp = this.core.u64(slots);
    const op = this.core.u64(ops.flatMap((o) => [OPS[o.op], BigInt(o.key), o.amount]));
    const width = 6 + 5 * keys;
    const out = this.core.alloc(ops.length * width * 8);
    this.fn<void>(runtime === 473 ? "sp_run_473" : "sp_run", sp, op, ops.length, out);
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

function rec(e: ShareEntry): bigint[] {
  if (e.kind === "absent") return [0n, 0n, 0n, 0n];
  if (e.kind === "legacy") return [2n, e.bits & M64, e.bits >> 64n, 0n];
  return [1n, e.value.mantissa & M64, e.value.mantissa >> 64n, BigInt.asUintN(64, e.value.exponent)];
}
function entry(v: bigint[], at: number): ShareEntry {
  if (v[at] === 0n) return { kind: "absent" };
  if (v[at] === 2n) return { kind: "legacy", bits: (v[at + 2] << 64n) | v[at + 1] };
  return { kind: "safe", value: { mantissa: (v[at + 2] << 64n) | v[at + 1], exponent: BigInt.asIntN(64, v[at + 3]) } };
}
