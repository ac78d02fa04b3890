// The root dividends claim ledger of subtensor (staking/claim_root.rs): RootClaimable rates per
// hotkey and subnet, RootClaimed per (subnet, hotkey, coldkey), root stake per (hotkey, coldkey),
// each coldkey's RootClaimType (Swap by default, Keep, KeepSubnets) and each subnet's
// RootClaimableThreshold. Numbers come from the core (bindings/root_claim.ts); what a claim pays
// out (alpha staked on the subnet, or alpha sold for TAO staked on root) is done by a ClaimPayer,
// so the same ledger serves the network model and standalone use.

import type { Core } from "../bindings/core.js";
import { RootClaimCore } from "../bindings/root_claim.js";
import { toInt, toU64, toFixedBits } from "../bindings/values.js";
import { TaomathError, ChainRejected } from "../core/errors.js";
import { U128_MAX, satU128, satI128 } from "../core/ints.js";
import { transactional } from "../core/transaction.js";

export type RootClaimType = { type: "swap" } | { type: "keep" } | { type: "keep_subnets"; subnets: number[] };

/** DefaultMinRootClaimAmount: RootClaimableThreshold of a subnet unless set (α-rao). */
export const DEFAULT_ROOT_CLAIMABLE_THRESHOLD = 500_000n;
/** MAX_ROOT_CLAIM_THRESHOLD: the highest threshold sudo or the owner may set. */
export const MAX_ROOT_CLAIM_THRESHOLD = 10_000_000n;
/** MAX_SUBNET_CLAIMS: how many subnets one claim_root call may name. */
export const MAX_SUBNET_CLAIMS = 5;

/** Pays out a claim the way root_claim_on_subnet does; throwing rolls the claim back. */
export interface ClaimPayer {
  /** Keep: increase_stake_for_hotkey_and_coldkey_on_subnet(hotkey, coldkey, netuid, alpha) */
  keep(hotkey: string, coldkey: string, netuid: number, alpha: bigint): void;
  /** Swap: swap_alpha_for_tao(netuid, alpha, min price, fee-free); returns the TAO paid out (staked on root by the ledger) */
  swap(hotkey: string, coldkey: string, netuid: number, alpha: bigint): bigint;
}

export interface RootClaimsJson {
  /** root stake per hotkey and coldkey (rao) */
  stakes: Record<string, Record<string, string>>;
  /** RootClaimable: hotkey -> netuid -> I96F32 bits */
  rates: Record<string, Record<string, string>>;
  /** RootClaimed rows [netuid, hotkey, coldkey, u128] */
  claimed: Array<[number, string, string, string]>;
  claim_types: Record<string, "swap" | "keep" | { keep_subnets: number[] }>;
  thresholds: Record<string, string>;
  /** StakingColdkeysByIndex (the auto-claim picks indices into it); default: the coldkeys of stakes in order */
  staking_coldkeys?: string[];
}

export interface ClaimResult { hotkey: string; coldkey: string; netuid: number; mode: "skipped" | "keep" | "swap"; alpha: bigint; tao: bigint }

const key = (netuid: number, hotkey: string, coldkey: string) => JSON.stringify([netuid, hotkey, coldkey]);

export class RootClaims {
  private readonly cc: RootClaimCore;
  /** RootClaimable: hotkey -> netuid -> rate (I96F32 bits) */
  readonly rates = new Map<string, Map<number, bigint>>();
  /** RootClaimed: [netuid, hotkey, coldkey] -> u128 */
  readonly claimed = new Map<string, bigint>();
  /** root stake: hotkey -> coldkey -> rao */
  readonly rootStakes = new Map<string, Map<string, bigint>>();
  readonly claimTypes = new Map<string, RootClaimType>();
  readonly thresholds = new Map<number, bigint>();
  /** StakingColdkeysByIndex, when the snapshot gives it; else the coldkeys of `rootStakes` in first-seen order */
  stakingColdkeysGiven: string[] | null = null;

  constructor(core: Core) { this.cc = new RootClaimCore(core); }

  rootStake(hotkey: string, coldkey: string): bigint { return this.rootStakes.get(hotkey)?.get(coldkey) ?? 0n; }
  /** TotalHotkeyAlpha on root: the sum of the hotkey's root stakes (root shares trade 1:1). */
  totalRootStake(hotkey: string): bigint {
    let t = 0n;
    for (const v of this.rootStakes.get(hotkey)?.values() ?? []) t += v;
    return t;
  }
  rate(hotkey: string, netuid: number): bigint { return this.rates.get(hotkey)?.get(netuid) ?? 0n; }
  rootClaimed(netuid: number, hotkey: string, coldkey: string): bigint { return this.claimed.get(key(netuid, hotkey, coldkey)) ?? 0n; }
  claimType(coldkey: string): RootClaimType { return this.claimTypes.get(coldkey) ?? { type: "swap" }; }
  threshold(netuid: number): bigint { return this.thresholds.get(netuid) ?? DEFAULT_ROOT_CLAIMABLE_THRESHOLD; }

  setClaimType(coldkey: string, t: RootClaimType): void {
    if (t.type === "keep_subnets" && t.subnets.length === 0) throw new TaomathError("wrong_length", "claim_type.subnets", "KeepSubnets needs at least one subnet (the chain's InvalidSubnetNumber)");
    if (t.type === "keep_subnets") t = { type: "keep_subnets", subnets: t.subnets.map((s, i) => toInt(s, `claim_type.subnets[${i}]`, 0, 65535, "u16")) };
    else if (t.type !== "swap" && t.type !== "keep") throw new TaomathError("invalid_type", "claim_type", "claim type must be swap, keep or keep_subnets");
    this.claimTypes.set(coldkey, t);
  }
  setThreshold(netuid: number, threshold: bigint): void {
    const th = toU64(threshold, `thresholds[${netuid}]`);
    if (th > MAX_ROOT_CLAIM_THRESHOLD) throw new ChainRejected("InvalidRootClaimThreshold", `thresholds[${netuid}]`, `the chain refuses a root claim threshold above ${MAX_ROOT_CLAIM_THRESHOLD}`);
    this.thresholds.set(toInt(netuid, "netuid", 0, 65535, "u16"), th);
  }

  /**
   * increase_root_claimable_for_hotkey_and_subnet: spreads `amount` root dividends of `hotkey` on
   * `netuid` over its root stake. Returns false when the amount exceeds the hotkey's root stake: the
   * chain then stakes it as alpha to the hotkey's owner (the caller does that) and no rate moves.
   */
  increaseRootClaimable(hotkey: string, netuid: number, amount: bigint, totalRootStake: bigint = this.totalRootStake(hotkey)): boolean {
    const { rate, staked } = this.cc.addClaimable(this.rate(hotkey, netuid), amount, totalRootStake);
    if (staked) return false;
    let m = this.rates.get(hotkey);
    if (!m) this.rates.set(hotkey, (m = new Map()));
    m.set(netuid, rate);
    return true;
  }

  /** get_root_owed_for_hotkey_coldkey_float (I96F32 bits) and the alpha a claim would pay now. */
  owed(hotkey: string, coldkey: string, netuid: number, ignoreMinimum = false): { owed: bigint; pays: bigint } {
    return this.cc.owed(this.rate(hotkey, netuid), this.rootStake(hotkey, coldkey), this.rootClaimed(netuid, hotkey, coldkey), this.threshold(netuid), ignoreMinimum);
  }

  /** Root stake added to (hotkey, coldkey): stake up, RootClaimed up by rate * amount on every subnet (add_stake_adjust_root_claimed). */
  addRootStake(hotkey: string, coldkey: string, amount: bigint): void {
    const a = toU64(amount, "amount");
    let m = this.rootStakes.get(hotkey);
    if (!m) this.rootStakes.set(hotkey, (m = new Map()));
    m.set(coldkey, this.rootStake(hotkey, coldkey) + a);
    for (const [netuid, rate] of this.sortedRates(hotkey)) {
      const k = key(netuid, hotkey, coldkey);
      this.claimed.set(k, satU128((this.claimed.get(k) ?? 0n) + this.cc.claimedShift(rate, a)));
    }
  }

  /** Root stake removed: stake down, RootClaimed down by rate * amount (saturating) on every subnet but root. */
  removeRootStake(hotkey: string, coldkey: string, amount: bigint): void {
    const a = toU64(amount, "amount"), s = this.rootStake(hotkey, coldkey);
    if (a > s) throw new ChainRejected("NotEnoughStakeToWithdraw", "amount", `coldkey ${coldkey} has ${s} root stake on hotkey ${hotkey}, less than ${a}`);
    this.rootStakes.get(hotkey)!.set(coldkey, s - a);
    for (const [netuid, rate] of this.sortedRates(hotkey)) {
      if (netuid === 0) continue;
      const k = key(netuid, hotkey, coldkey), c = this.claimed.get(k) ?? 0n, d = this.cc.claimedShift(rate, a);
      this.claimed.set(k, c > d ? c - d : 0n);
    }
  }

  /** transfer_stake_within_subnet on root (transfer_stake, move_stake): remove from the origin keys, add to the destination keys. */
  transferRootStake(fromHotkey: string, fromColdkey: string, toHotkey: string, toColdkey: string, amount: bigint): void {
    this.removeRootStake(fromHotkey, fromColdkey, amount);
    this.addRootStake(toHotkey, toColdkey, amount);
  }

  /** root_claim_on_subnet: pays what (hotkey, coldkey) is owed on netuid through `payer` and records it in RootClaimed. */
  claimOnSubnet(hotkey: string, coldkey: string, netuid: number, payer: ClaimPayer, ignoreMinimum = false): ClaimResult {
    const { pays } = this.owed(hotkey, coldkey, netuid, ignoreMinimum);
    const t = this.claimType(coldkey);
    if (pays === 0n) return { hotkey, coldkey, netuid, mode: "skipped", alpha: 0n, tao: 0n };
    const swap = t.type === "swap" || (t.type === "keep_subnets" && !t.subnets.includes(netuid));
    let tao = 0n;
    if (swap) {
      tao = payer.swap(hotkey, coldkey, netuid, pays);
      this.addRootStake(hotkey, coldkey, tao);
    } else {
      payer.keep(hotkey, coldkey, netuid, pays);
    }
    const k = key(netuid, hotkey, coldkey);
    this.claimed.set(k, satU128((this.claimed.get(k) ?? 0n) + pays));
    return { hotkey, coldkey, netuid, mode: swap ? "swap" : "keep", alpha: pays, tao };
  }

  /** The subnets a hotkey has a RootClaimable entry for, ascending (the chain's BTreeMap order). */
  claimableSubnets(hotkey: string): number[] { return this.sortedRates(hotkey).map(([n]) => n); }

  /**
   * do_root_claim (claim_root extrinsic or auto-claim): for every hotkey the coldkey stakes on root,
   * claims each subnet in `subnets` (all when omitted) the hotkey has a rate on.
   */
  claimRoot(coldkey: string, payer: ClaimPayer, subnets?: number[]): ClaimResult[] {
    if (subnets !== undefined && (subnets.length === 0 || subnets.length > MAX_SUBNET_CLAIMS)) {
      throw new TaomathError("wrong_length", "subnets", `claim_root takes 1 to ${MAX_SUBNET_CLAIMS} subnets (the chain's InvalidSubnetNumber)`);
    }
    const out: ClaimResult[] = [];
    // one transaction on chain: a failed claim (e.g. the swap) rolls back every claim of the call
    transactional(() => this.save(), (saved) => this.restore(saved), () => {
      for (const [hotkey, stakes] of this.rootStakes) {
        if (!stakes.has(coldkey)) continue;
        for (const netuid of this.claimableSubnets(hotkey)) {
          if (subnets !== undefined && !subnets.includes(netuid)) continue;
          out.push(this.claimOnSubnet(hotkey, coldkey, netuid, payer));
        }
      }
    });
    return out;
  }

  /** transfer_root_claimed_for_new_keys: RootClaimed of (old hotkey, old coldkey) is added to the new keys' (a sum, GHSA-2026-010) and removed. */
  transferRootClaimed(netuid: number, oldHotkey: string, newHotkey: string, oldColdkey: string, newColdkey: string): void {
    const from = key(netuid, oldHotkey, oldColdkey), to = key(netuid, newHotkey, newColdkey);
    const moved = this.claimed.get(from) ?? 0n;
    this.claimed.delete(from);
    this.claimed.set(to, satU128(moved + (this.claimed.get(to) ?? 0n)));
  }

  /** transfer_root_claimable_for_new_hotkey: the old hotkey's rates are added to the new hotkey's and removed. */
  transferRootClaimable(oldHotkey: string, newHotkey: string): void {
    const src = this.rates.get(oldHotkey);
    this.rates.delete(oldHotkey);
    let dst = this.rates.get(newHotkey);
    if (!dst) this.rates.set(newHotkey, (dst = new Map()));
    for (const [n, r] of src ?? []) {
      const cur = dst.get(n);
      dst.set(n, cur === undefined ? r : satI128(cur + r));
    }
  }

  /**
   * The root-claim part of do_swap_coldkey (transfer_coldkey_stake for every subnet): root stakes move
   * to the new coldkey, and RootClaimed of each (subnet, hotkey) moves when the new coldkey then holds
   * stake there: root stake for netuid 0, `subnetStake(hotkey, netuid)` (its alpha, after the swap) otherwise.
   */
  swapColdkey(oldColdkey: string, newColdkey: string, subnetStake: (hotkey: string, netuid: number) => bigint): void {
    for (const m of this.rootStakes.values()) {
      const a = m.get(oldColdkey);
      if (a === undefined) continue;
      m.delete(oldColdkey);
      m.set(newColdkey, (m.get(newColdkey) ?? 0n) + a);
    }
    for (const k of [...this.claimed.keys()]) {
      const [n, h, c] = JSON.parse(k) as [number, string, string];
      if (c !== oldColdkey) continue;
      const held = n === 0 ? this.rootStake(h, newColdkey) : subnetStake(h, n);
      if (held > 0n) this.transferRootClaimed(n, h, h, oldColdkey, newColdkey);
    }
    const t = this.claimTypes.get(oldColdkey);
    if (t !== undefined) { this.claimTypes.delete(oldColdkey); this.claimTypes.set(newColdkey, t); }
  }

  /** finalize_all_subnet_root_dividends (network dissolved): every rate on the subnet and its RootClaimed entries go. */
  finalizeSubnet(netuid: number): void {
    for (const m of this.rates.values()) m.delete(netuid);
    for (const k of [...this.claimed.keys()]) if ((JSON.parse(k) as [number])[0] === netuid) this.claimed.delete(k);
  }

  private save() {
    return {
      rates: new Map([...this.rates].map(([h, m]) => [h, new Map(m)])), claimed: new Map(this.claimed),
      stakes: new Map([...this.rootStakes].map(([h, m]) => [h, new Map(m)])),
    };
  }
  private restore(s: ReturnType<RootClaims["save"]>): void {
    this.rates.clear(); for (const [h, m] of s.rates) this.rates.set(h, m);
    this.claimed.clear(); for (const [k, v] of s.claimed) this.claimed.set(k, v);
    this.rootStakes.clear(); for (const [h, m] of s.stakes) this.rootStakes.set(h, m);
  }

  /** The auto-claim's coldkey index (StakingColdkeysByIndex). */
  stakingColdkeys(): string[] {
    if (this.stakingColdkeysGiven !== null) return this.stakingColdkeysGiven;
    const seen = new Set<string>();
    for (const m of this.rootStakes.values()) for (const c of m.keys()) seen.add(c);
    return [...seen];
  }

  /** block_hash_to_indices: which staking-coldkey indices the auto-claim of a block picks. */
  blockHashToIndices(hash: Uint8Array, k: bigint, n: bigint): bigint[] { return this.cc.blockHashToIndices(hash, k, n); }

  /** Nothing recorded (no rates, claims, per-coldkey root stakes, claim types or thresholds). */
  isEmpty(): boolean {
    return this.rates.size === 0 && this.claimed.size === 0 && this.rootStakes.size === 0 && this.claimTypes.size === 0 && this.thresholds.size === 0 && this.stakingColdkeysGiven === null;
  }

  /** The ledger as plain JSON (u64/u128 as decimal strings, rates as I96F32 bit strings). */
  toJSON(): RootClaimsJson {
    const nested = <T>(m: Map<string, Map<T, bigint>>) => Object.fromEntries([...m].map(([h, x]) => [h, Object.fromEntries([...x].map(([k, v]) => [String(k), v.toString()]))]));
    return {
      stakes: nested(this.rootStakes), rates: nested(this.rates),
      claimed: [...this.claimed].map(([k, v]) => { const [n, h, c] = JSON.parse(k) as [number, string, string]; return [n, h, c, v.toString()]; }),
      claim_types: Object.fromEntries([...this.claimTypes].map(([c, t]) => [c, t.type === "keep_subnets" ? { keep_subnets: t.subnets } : t.type])),
      thresholds: Object.fromEntries([...this.thresholds].map(([n, t]) => [String(n), t.toString()])),
      ...(this.stakingColdkeysGiven === null ? {} : { staking_coldkeys: [...this.stakingColdkeysGiven] }),
    };
  }

  /** Loads a ledger written by toJSON, validating every field (named under `field`). */
  static fromJSON(core: Core, json: unknown, field = "root_claims"): RootClaims {
    const r = new RootClaims(core);
    if (json === undefined || json === null) return r;
    if (typeof json !== "object") throw new TaomathError("invalid_type", field, "expected an object");
    const o = json as Partial<Record<keyof RootClaimsJson, unknown>>;
    const obj = (v: unknown, f: string): Record<string, unknown> => {
      if (v === undefined) return {};
      if (v === null || typeof v !== "object" || Array.isArray(v)) throw new TaomathError("invalid_type", f, "expected an object");
      return v as Record<string, unknown>;
    };
    for (const [h, m] of Object.entries(obj(o.stakes, `${field}.stakes`))) {
      for (const [c, v] of Object.entries(obj(m, `${field}.stakes[${h}]`))) {
        let x = r.rootStakes.get(h);
        if (!x) r.rootStakes.set(h, (x = new Map()));
        x.set(c, toU64(v, `${field}.stakes[${h}][${c}]`));
      }
    }
    for (const [h, m] of Object.entries(obj(o.rates, `${field}.rates`))) {
      for (const [n, v] of Object.entries(obj(m, `${field}.rates[${h}]`))) {
        const f = `${field}.rates[${h}][${n}]`;
        const netuid = toInt(Number(n), f, 0, 65535, "u16");
        const bits = toFixedBits(v, f, "i128");
        if (bits < 0n) throw new TaomathError("out_of_range", f, "a rate is a non-negative I96F32");
        let x = r.rates.get(h);
        if (!x) r.rates.set(h, (x = new Map()));
        x.set(netuid, bits);
      }
    }
    const claimed = o.claimed ?? [];
    if (!Array.isArray(claimed)) throw new TaomathError("invalid_type", `${field}.claimed`, "expected [netuid, hotkey, coldkey, amount] rows");
    claimed.forEach((row: unknown, i: number) => {
      const f = `${field}.claimed[${i}]`;
      if (!Array.isArray(row) || row.length !== 4) throw new TaomathError("wrong_length", f, "expected [netuid, hotkey, coldkey, amount]");
      const netuid = toInt(row[0], `${f}[0]`, 0, 65535, "u16");
      let v: bigint;
      try { v = BigInt(row[3] as string); } catch { throw new TaomathError("invalid_type", `${f}[3]`, "expected a u128 decimal string"); }
      if (v < 0n || v > U128_MAX) throw new TaomathError("out_of_range", `${f}[3]`, "RootClaimed is a u128");
      r.claimed.set(key(netuid, String(row[1]), String(row[2])), v);
    });
    for (const [c, t] of Object.entries(obj(o.claim_types, `${field}.claim_types`))) {
      const f = `${field}.claim_types[${c}]`;
      if (t === "swap" || t === "keep") r.claimTypes.set(c, { type: t });
      else if (t !== null && typeof t === "object" && Array.isArray((t as { keep_subnets?: unknown }).keep_subnets)) {
        r.claimTypes.set(c, { type: "keep_subnets", subnets: (t as { keep_subnets: unknown[] }).keep_subnets.map((s, i) => toInt(s, `${f}.keep_subnets[${i}]`, 0, 65535, "u16")) });
      } else throw new TaomathError("invalid_type", f, "expected \"swap\", \"keep\" or {\"keep_subnets\": [netuids]}");
    }
    if (o.staking_coldkeys !== undefined) {
      if (!Array.isArray(o.staking_coldkeys)) throw new TaomathError("invalid_type", `${field}.staking_coldkeys`, "expected an array of coldkeys");
      r.stakingColdkeysGiven = o.staking_coldkeys.map((c: unknown, i: number) => {
        if (typeof c !== "string") throw new TaomathError("invalid_type", `${field}.staking_coldkeys[${i}]`, "expected a coldkey name");
        return c;
      });
    }
    for (const [n, t] of Object.entries(obj(o.thresholds, `${field}.thresholds`))) r.setThreshold(toInt(Number(n), `${field}.thresholds[${n}]`, 0, 65535, "u16"), toU64(t, `${field}.thresholds[${n}]`));
    return r;
  }

  private sortedRates(hotkey: string): Array<[number, bigint]> {
    return [...(this.rates.get(hotkey) ?? new Map<number, bigint>())].sort((a, b) => a[0] - b[0]);
  }
}

