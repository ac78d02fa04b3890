// Earnings estimates by running the network model forward: what a hotkey's alpha positions gain
// over a horizon, per subnet, and their value in TAO at the pools' spot prices at the end. The
// honest answer to "what is my APY": it is whatever the chain's rules pay on this state if nothing
// else changes, and the output says so.

import type { Taomath } from "./taomath.js";
import { Network } from "./network.js";
import type { CoinbasePool } from "./coinbase.js";
import { emissionOf } from "./emission.js";
import { toInt } from "./bindings/values.js";
import { TaomathError } from "./errors.js";

export interface ReturnsEstimate {
  assumptions: string[];
  hotkey: string;
  blocks: number;
  subnets: Array<{
    netuid: number;
    alpha_before: bigint;
    alpha_after: bigint;
    alpha_earned: bigint;
    /** spot price at the end (U64F64 bits) and the earned alpha's value in TAO rao at that price */
    spot_price_end: bigint;
    tao_value_earned: bigint;
    /** alpha_earned / alpha_before scaled to a year of 2_628_000 blocks (simple, not compounded); null without a position */
    annualized_rate: number | null;
  }>;
}

export function estimateReturns(tm: Taomath, snapshot: unknown, hotkey: string, blocks: number, pool?: CoinbasePool): ReturnsEstimate {
  if (typeof hotkey !== "string" || hotkey.length === 0) throw new TaomathError("invalid_type", "hotkey", "expected a hotkey name");
  const n = toInt(blocks, "blocks", 1, 100_000_000, "block count");
  const net = Network.fromSnapshot(tm, snapshot);
  const before = new Map(net.state.subnets.map((s) => [s.netuid, s.stakes.get(hotkey) ?? 0n]));
  if (![...before.values()].some((v) => v > 0n) && !net.state.subnets.some((s) => s.neurons?.hotkeys.includes(hotkey))) {
    throw new TaomathError("out_of_range", "hotkey", `hotkey ${JSON.stringify(hotkey)} has no stake and no uid in the snapshot`);
  }
  const report = net.step(n, pool);
  if (report.violations.length > 0) throw new TaomathError("internal", "network", `conservation failed: ${report.violations[0]}`);
  const em = emissionOf(tm);
  const subnets = net.state.subnets
    .filter((s) => (before.get(s.netuid) ?? 0n) > 0n || (s.stakes.get(hotkey) ?? 0n) > 0n)
    .map((s) => {
      const a0 = before.get(s.netuid) ?? 0n, a1 = s.stakes.get(hotkey) ?? 0n;
      const price = em.spotPrice(s.mechanism, s.tao_reserve, s.alpha_reserve, s.quote_weight);
      const earned = a1 - a0;
      return {
        netuid: s.netuid, alpha_before: a0, alpha_after: a1, alpha_earned: earned, spot_price_end: price,
        tao_value_earned: (earned * price) >> 64n,
        annualized_rate: a0 > 0n ? (Number(earned) / Number(a0)) * (2_628_000 / n) : null,
      };
    });
  return {
    assumptions: [
      ...report.assumptions,
      "the estimate is the hotkey's total alpha on each subnet; how it divides among the hotkey's nominators (share pools) is not modelled",
      "nothing else changes: no new stake, weights stay as in the snapshot, prices move only by the coinbase",
      "TAO values use the spot price at the end of the horizon, without slippage",
    ],
    hotkey, blocks: n, subnets,
  };
}
