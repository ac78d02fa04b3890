// A payout's credits to hotkeys (distribute_emission's stake increases, Network.distribute): the owner
// cut, incentives, then each recipient's dividends, in the chain's order. A hotkey with a share pool gets
// them one by one through it (src/network/nominators.ts); any other gets their sum.

import type { Taomath } from "../core/taomath.js";
import { applyCredits, type ShareCredit } from "./nominators.js";
import type { PayoutTable } from "./payout_table.js";
import type { SubnetState } from "./state.js";

/**
 * A payout's credits per hotkey, in the order the chain makes them: per table row (a hotkey outside the
 * table, the owner hotkey of a subnet where it holds no uid, gets a row of its own), the sum for a hotkey
 * without a share pool, the list for one with. Applied in the order the hotkeys were first credited
 * (new stake entries come in that order).
 */
export class PayoutCredits {
  private readonly sums: bigint[];
  private readonly lists = new Map<number, ShareCredit[]>();
  private readonly order: Array<[number, string]> = [];
  private readonly seen: Uint8Array;
  constructor(private readonly n: SubnetState, private readonly t: PayoutTable) {
    this.sums = new Array<bigint>(t.table.length + 1).fill(0n);
    this.seen = new Uint8Array(t.table.length + 1);
  }

  /** A credit to hotkey k at table row i (-1: not in the table). */
  add(i: number, k: string, kind: ShareCredit[0], amount: bigint): void {
    const row = i < 0 ? this.t.table.length : i;
    if (this.seen[row] === 0) { this.seen[row] = 1; this.order.push([row, k]); }
    if (!this.n.share_pools.has(k)) { this.sums[row] += amount; return; }
    const c: ShareCredit = [kind, this.n.owners.get(k) ?? k, amount];
    const l = this.lists.get(row);
    if (l === undefined) this.lists.set(row, [c]);
    else l.push(c);
  }

  /** Whether a share-pool hotkey was credited some stake to its owner so far. */
  stakedSome(i: number): boolean {
    return this.lists.get(i)?.some((c) => c[0] === "stake" && c[2] > 0n) ?? false;
  }

  /** Each hotkey's credits: through its share pool when it has one, else to its total. */
  apply(tm: Taomath): void {
    for (const [row, h] of this.order) creditHotkey(tm, this.n, h, this.lists.get(row) ?? [], this.sums[row]);
  }
}

/** A hotkey's credits (their sum `sum` when it has no share pool): through its share pool when it has one, else to its total. */
export function creditHotkey(tm: Taomath, n: SubnetState, h: string, credits: ShareCredit[], sum: bigint): void {
  const total = n.stakes.get(h) ?? 0n;
  const pool = n.share_pools.get(h);
  if (pool) n.stakes.set(h, applyCredits(tm, pool, total, credits));
  else if (sum !== 0n || n.stakes.has(h)) n.stakes.set(h, total + sum);
}
