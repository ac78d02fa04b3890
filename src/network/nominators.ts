// Nominators in the network model: each hotkey's alpha on a subnet is a share pool over its
// coldkeys (share_pool.rs, run in the wasm core by SharePoolCore). The chain's payout credits
// a hotkey either to one coldkey (owner cut, miner incentive, delegate take:
// increase_stake_for_hotkey_and_coldkey_on_subnet = update_value_for_one) or to all of them in
// proportion to their shares (the rest of the dividends: increase_stake_for_hotkey_on_subnet =
// update_value_for_all). Hotkeys without a share pool in the snapshot are kept as totals only.

import type { Taomath } from "../core/taomath.js";
import type { ShareEntry, SharePoolOp } from "../bindings/sharepool.js";
import { sharePoolCoreOf } from "../core/cores.js";
import { toU64, toFixedBits } from "../bindings/values.js";
import { TaomathError } from "../core/errors.js";
import { I64_MIN, I64_MAX } from "../core/ints.js";

/** One hotkey's share pool on a subnet; its shared value is the hotkey's entry in `stakes`. */
export interface HotkeyShares { denominator: ShareEntry; shares: Map<string, ShareEntry> }

export type ShareCredit = [op: "stake" | "emit", coldkey: string, amount: bigint];

function entryJson(e: ShareEntry): unknown {
  if (e.kind === "safe") return { mantissa: e.value.mantissa.toString(), exponent: e.value.exponent.toString() };
  if (e.kind === "legacy") return { bits: e.bits.toString() };
  return null;
}
function entryOf(v: any, field: string): ShareEntry {
  if (v === null || v === undefined) return { kind: "absent" };
  if (typeof v !== "object") throw new TaomathError("invalid_type", field, "expected {mantissa, exponent} or {bits}");
  if (v.bits !== undefined) return { kind: "legacy", bits: toFixedBits(v.bits, `${field}.bits`, "u128") };
  const m = toFixedBits(v.mantissa, `${field}.mantissa`, "u128");
  let e: bigint;
  try { e = BigInt(v.exponent); } catch { throw new TaomathError("invalid_type", `${field}.exponent`, "expected an integer"); }
  if (e < I64_MIN || e > I64_MAX) throw new TaomathError("out_of_range", `${field}.exponent`, "does not fit i64");
  return { kind: "safe", value: { mantissa: m, exponent: e } };
}

export function serializeSharePools(pools: Map<string, HotkeyShares>): Record<string, unknown> {
  return Object.fromEntries([...pools].map(([h, p]) => [h, {
    denominator: entryJson(p.denominator),
    shares: Object.fromEntries([...p.shares].map(([c, e]) => [c, entryJson(e)])),
  }]));
}

/** `share_pools` as serialized (exact shares): hotkey -> {denominator, shares: coldkey -> entry}. */
export function parseSharePools(x: unknown, g: string): Map<string, HotkeyShares> {
  const pools = new Map<string, HotkeyShares>();
  if (x === undefined) return pools;
  if (x === null || typeof x !== "object") throw new TaomathError("invalid_type", `${g}.share_pools`, "expected an object hotkey -> {denominator, shares}");
  for (const [h, p] of Object.entries(x as Record<string, any>)) {
    const f = `${g}.share_pools[${h}]`;
    if (p === null || typeof p !== "object" || p.shares === null || typeof p.shares !== "object") throw new TaomathError("invalid_type", f, "expected {denominator, shares}");
    const shares = new Map<string, ShareEntry>();
    for (const [c, e] of Object.entries(p.shares)) shares.set(c, entryOf(e, `${f}.shares[${c}]`));
    pools.set(h, { denominator: entryOf(p.denominator, `${f}.denominator`), shares });
  }
  return pools;
}

/** `nominators` (hotkey -> coldkey -> alpha): the pools the chain would hold after those stakes, in that order. */
export function buildSharePools(tm: Taomath, x: unknown, g: string, stakes: Map<string, bigint>, into: Map<string, HotkeyShares>): void {
  if (x === undefined) return;
  if (x === null || typeof x !== "object") throw new TaomathError("invalid_type", `${g}.nominators`, "expected an object hotkey -> {coldkey: alpha}");
  for (const [h, cs] of Object.entries(x as Record<string, any>)) {
    const f = `${g}.nominators[${h}]`;
    if (cs === null || typeof cs !== "object") throw new TaomathError("invalid_type", f, "expected an object coldkey -> alpha");
    if (into.has(h)) throw new TaomathError("invalid_type", f, "the hotkey also has a share_pools entry; give one of them");
    const coldkeys = Object.keys(cs);
    const amounts = coldkeys.map((c) => toU64(cs[c], `${f}[${c}]`));
    const total = amounts.reduce((a, b) => a + b, 0n);
    if (stakes.has(h) && stakes.get(h) !== total) {
      throw new TaomathError("out_of_range", f, `the coldkeys' alpha adds up to ${total} but stakes[${h}] is ${stakes.get(h)}`);
    }
    const pool: HotkeyShares = { denominator: { kind: "absent" }, shares: new Map() };
    const after = applyCredits(tm, pool, 0n, coldkeys.map((c, i) => ["stake", c, amounts[i]] as ShareCredit));
    if (after !== total) throw new TaomathError("internal", f, `share pool holds ${after} after staking ${total}`);
    into.set(h, pool);
    stakes.set(h, total);
  }
}

/** Runs credits on a hotkey's pool in the wasm core; returns the hotkey's new total. */
export function applyCredits(tm: Taomath, pool: HotkeyShares, total: bigint, credits: ShareCredit[]): bigint {
  if (credits.length === 0) return total;
  const keys = [...new Set([...pool.shares.keys(), ...credits.map((c) => c[1])])];
  const snaps = sharePoolCoreOf(tm).run(
    { sharedValue: total, denominator: pool.denominator, shares: keys.map((k) => pool.shares.get(k) ?? { kind: "absent" }) },
    credits.map(([op, k, amount]) => ({ op: op as SharePoolOp, key: keys.indexOf(k), amount })),
  );
  const last = snaps[snaps.length - 1];
  pool.denominator = last.denominator;
  keys.forEach((k, i) => { if (last.shares[i].kind === "absent") pool.shares.delete(k); else pool.shares.set(k, last.shares[i]); });
  return last.sharedValue;
}

/** get_stake_for_hotkey_and_coldkey_on_subnet for every coldkey of a pool. */
export function coldkeyValues(tm: Taomath, pool: HotkeyShares, total: bigint): Map<string, bigint> {
  const keys = [...pool.shares.keys()];
  if (keys.length === 0) return new Map();
  const snaps = sharePoolCoreOf(tm).run(
    { sharedValue: total, denominator: pool.denominator, shares: keys.map((k) => pool.shares.get(k)!) },
    [{ op: "emit", key: 0, amount: 0n }],
  );
  return new Map(keys.map((k, i) => [k, snaps[0].values[i]]));
}
