// Earnings estimates by running the network model forward: what a hotkey's alpha positions gain
// over a horizon, per subnet, and their value in TAO at the pools' spot prices at the end. The
// honest answer to "what is my APY": it is whatever the chain's rules pay on this state if nothing
// else changes, and the output says so.

import type { Taomath } from "../core/taomath.js";
import { Network } from "./network.js";
import type { CoinbasePool } from "./coinbase.js";
import { emissionOf } from "../emission/projection.js";
import { toInt } from "../bindings/values.js";
import { TaomathError } from "../core/errors.js";
import type { RuntimeTag } from "../core/runtime.js";
import { snapshotAtRuntime } from "./state.js";

export interface ReturnsEstimate {
  /** the rules the model ran */
  runtime: RuntimeTag;
  assumptions: string[];
  /** the hotkey asked about (hotkey estimates) */
  hotkey?: string;
  /** the coldkey asked about (coldkey estimates) */
  coldkey?: string;
  blocks: number;
  subnets: Array<{
    netuid: number;
    /** coldkey estimates: the hotkey the position is staked to */
    hotkey?: string;
    alpha_before: bigint;
    alpha_after: bigint;
    alpha_earned: bigint;
    /** spot price at the end (U64F64 bits) and the earned alpha's value in TAO rao at that price */
    spot_price_end: bigint;
    tao_value_earned: bigint;
    /** alpha_earned / alpha_before scaled to a year of 2_628_000 blocks (simple, not compounded); null without a position */
    annualized_rate: number | null;
  }>;
  /**
   * coldkey estimates: root dividends the coldkey's root stake accrues over the horizon (claimable,
   * not yet claimed), per subnet and root hotkey, from the snapshot's root_claims.stakes
   */
  root_dividends?: Array<{
    netuid: number;
    hotkey: string;
    root_stake: bigint;
    /** growth of what a claim would pay (owed, threshold ignored) */
    alpha_earned: bigint;
    spot_price_end: bigint;
    tao_value_earned: bigint;
    /** tao_value_earned / root_stake scaled to a year of 2_628_000 blocks (simple); null without root stake */
    annualized_rate: number | null;
  }>;
}

/** A hotkey's total alpha (a hotkey name, or {hotkey}), or a coldkey's positions through the hotkeys' share pools ({coldkey}). */
export type Position = string | { hotkey: string } | { coldkey: string };

/**
 * `runtime`: the spec_version whose rules run; undefined keeps the snapshot's (a snapshot that names
 * none is read as 425 and the assumptions say so). A snapshot naming other rules is refused.
 */
export function estimateReturns(tm: Taomath, snapshot: unknown, position: Position, blocks: number, pool?: CoinbasePool, runtime?: number | bigint | string): ReturnsEstimate {
  const pos = typeof position === "string" ? { hotkey: position } : position;
  if (pos === null || typeof pos !== "object") throw new TaomathError("invalid_type", "position", "expected a hotkey name, {hotkey} or {coldkey}");
  const n = toInt(blocks, "blocks", 1, 100_000_000, "block count");
  const net = Network.fromSnapshot(tm, runtime === undefined ? snapshot : snapshotAtRuntime(snapshot, runtime));
  const em = emissionOf(tm);
  const row = (netuid: number, hotkey: string | undefined, a0: bigint, a1: bigint) => {
    const s = net.state.subnets.find((x) => x.netuid === netuid)!;
    const price = s.ellipse !== null && s.mechanism === 1 && s.alpha_reserve > 0n
      ? (() => { const p = tm.ellipse.price(s.ellipse!, s.alpha_reserve, s.tao_reserve); return p.ok ? p.value : 0n; })()
      : em.spotPrice(s.mechanism, s.tao_reserve, s.alpha_reserve, s.quote_weight);
    const earned = a1 - a0;
    return {
      netuid, ...(hotkey === undefined ? {} : { hotkey }), alpha_before: a0, alpha_after: a1, alpha_earned: earned, spot_price_end: price,
      tao_value_earned: (earned * price) >> 64n,
      annualized_rate: a0 > 0n ? (Number(earned) / Number(a0)) * (2_628_000 / n) : null,
    };
  };
  const common = [
    "nothing else changes: no new stake, weights stay as in the snapshot, prices move only by the coinbase",
    "TAO values use the spot price at the end of the horizon, without slippage",
  ];
  if ("coldkey" in pos) {
    const coldkey = pos.coldkey;
    if (typeof coldkey !== "string" || coldkey.length === 0) throw new TaomathError("invalid_type", "coldkey", "expected a coldkey name");
    const positions = () => net.state.subnets.flatMap((s) => [...net.coldkeyStakes(s.netuid, coldkey)].map(([h, a]) => [`${s.netuid}/${h}`, s.netuid, h, a] as const));
    const before = positions();
    const rootHotkeys = [...net.claims.rootStakes].filter(([, m]) => (m.get(coldkey) ?? 0n) > 0n).map(([h]) => h);
    if (before.length === 0 && rootHotkeys.length === 0) throw new TaomathError("out_of_range", "coldkey", `coldkey ${JSON.stringify(coldkey)} has no share in any hotkey's share pool and no root stake in root_claims.stakes (give the snapshot's subnets nominators or share_pools, or root_claims)`);
    const owed = () => new Map(rootHotkeys.flatMap((h) => net.state.subnets.filter((s) => s.netuid !== 0)
      .map((s) => [`${s.netuid}/${h}`, net.claims.owed(h, coldkey, s.netuid, true).pays] as const)));
    const owedBefore = owed(), rootStakeBefore = new Map(rootHotkeys.map((h) => [h, net.claims.rootStake(h, coldkey)]));
    const report = net.step(n, pool);
    if (report.violations.length > 0) throw new TaomathError("internal", "network", `conservation failed: ${report.violations[0]}`);
    const after = new Map(positions().map(([k, , , a]) => [k, a]));
    const rootDividends = [...owed()].flatMap(([k, a1]) => {
      const earned = a1 - (owedBefore.get(k) ?? 0n);
      if (earned <= 0n) return [];
      const [netuid, h] = [Number(k.slice(0, k.indexOf("/"))), k.slice(k.indexOf("/") + 1)];
      const r = row(netuid, h, 0n, earned), stake = rootStakeBefore.get(h) ?? 0n;
      return [{ netuid, hotkey: h, root_stake: stake, alpha_earned: earned, spot_price_end: r.spot_price_end, tao_value_earned: r.tao_value_earned,
        annualized_rate: stake > 0n ? (Number(r.tao_value_earned) / Number(stake)) * (2_628_000 / n) : null }];
    });
    return {
      runtime: report.runtime,
      assumptions: [...report.assumptions, "a coldkey's alpha under a hotkey is its share of the hotkey's share pool: dividends after the delegate take grow every coldkey of the hotkey in proportion, the take, incentives and owner cut go to the hotkey owner's coldkey",
        "root dividends are what the coldkey could claim at the end (RootClaimable rate × its root stake − RootClaimed), valued at the end spot price as if swapped without slippage; nothing is claimed during the horizon", ...common],
      coldkey, blocks: n, subnets: before.map(([k, netuid, h, a0]) => row(netuid, h, a0, after.get(k) ?? 0n)),
      ...(rootHotkeys.length > 0 ? { root_dividends: rootDividends } : {}),
    };
  }
  const hotkey = pos.hotkey;
  if (typeof hotkey !== "string" || hotkey.length === 0) throw new TaomathError("invalid_type", "hotkey", "expected a hotkey name");
  const before = new Map(net.state.subnets.map((s) => [s.netuid, s.stakes.get(hotkey) ?? 0n]));
  if (![...before.values()].some((v) => v > 0n) && !net.state.subnets.some((s) => s.neurons?.hotkeys.includes(hotkey))) {
    throw new TaomathError("out_of_range", "hotkey", `hotkey ${JSON.stringify(hotkey)} has no stake and no uid in the snapshot`);
  }
  const report = net.step(n, pool);
  if (report.violations.length > 0) throw new TaomathError("internal", "network", `conservation failed: ${report.violations[0]}`);
  const subnets = net.state.subnets
    .filter((s) => (before.get(s.netuid) ?? 0n) > 0n || (s.stakes.get(hotkey) ?? 0n) > 0n)
    .map((s) => row(s.netuid, undefined, before.get(s.netuid) ?? 0n, s.stakes.get(hotkey) ?? 0n));
  return {
    runtime: report.runtime,
    assumptions: [
      ...report.assumptions,
      "the estimate is the hotkey's total alpha on each subnet (ask with {coldkey} for one nominator's part through the share pool)",
      ...common,
    ],
    hotkey, blocks: n, subnets,
  };
}
