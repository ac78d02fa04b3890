// What a network report says it assumed, per rule set: the 425 list of network.ts as is, or with
// the coinbase, pool and payout lines of the rules after 425 (docs/runtimes.md has the evidence
// and every "not modelled" part). A snapshot that named no runtime says it was read as 425.

import type { NetworkState } from "./state.js";

const AFTER_425_COINBASE: Record<"459" | "473", string> = {
  "459": "coinbase as the Balancer-with-reservoirs runtime (459): the chain buy of the excess TAO first (a failed buy gives its TAO back to the block's credit), then tao_in materialized and adjust_protocol_liquidity, whose price-active TAO and alpha join the pool while the rest waits in BalancerTaoReservoir / BalancerAlphaReservoir; alpha issuance counts the alpha reservoir. ASSUMED (the 459 swap pallet is not readable): the weight update is tried on everything pending, then the alpha alone, then the TAO alone; the epoch schedule and payout are the 425 ones",
  "473": "coinbase as RaoFoundation/subtensor 29005cb7 (runtime 473): the chain buy of the excess TAO first on the superellipse (a failed buy gives all its TAO back to the block's credit, a partial one its unspent part), then tao_in materialized and adjust_protocol_liquidity translating the ellipse (pending reservoirs released; both wait while a projected side is 0; a refusal refunds the TAO and mints no alpha); alpha issuance counts the alpha reservoir; BlocksSinceLastStep is capped at tempo + 1 and the safety net fires above tempo",
};

const PAYOUT_473 = [
  "payout at 473, where it differs from the line above: the alpha part of a hotkey's dividend is d·a/(a + r·tw) and the rest goes to root only for hotkeys with a root uid (root_uids; without it, every hotkey with a root stake); when every root dividend floors to 0 the pending root alpha is recycled; the nominators' share is credited pool-wide only when the hotkey's share pool has a member (a coldkey with a share entry), else to the owner",
  "not modelled at 473: settle_miner_collateral (no collateral requirement is captured: nothing is withheld from incentive or take), the basket deposits (root dividends after the take wait in the subnet's root_unclaimed; no RootClaimable rate is raised, so claimRoot does not pay them), the lease auto-lock of the owner cut (no lock state), change_subnet_owner_if_needed (the subnet owner does not change), SubnetFastMovingPrice, the dust of a subnet account left below the existential deposit by a refund",
];

export function assumptionsFor(s: NetworkState, base425: readonly string[]): string[] {
  const rules = s.runtime.rules;
  let out: string[];
  if (rules === "425") out = [...base425];
  else {
    // base425: [coinbase, pool, payout, ...the rest]
    const pool = `pools: the ${rules === "473" ? "superellipse (SwapSuperellipse; a subnet without one gets it on its first swap or injection)" : "weighted Balancer"} pool of the swap pallet, MinimumReserve 1_000_000, in the core; caller-supplied CoinbasePools are refused`;
    out = [AFTER_425_COINBASE[rules], pool, base425[2], ...(rules === "473" ? PAYOUT_473 : []), ...base425.slice(3)];
  }
  if (!s.runtime_given) out.unshift("the snapshot names no runtime: read as runtime 425 (the rules of every snapshot written before runtimes existed)");
  if (s.runtime.newer_than_known) out.unshift(`runtime ${s.runtime.spec_version} is newer than any taomath knows: the newest rules (${rules}) ran`);
  return out;
}
