// Which chain rules answer a question: the rule sets taomath knows, keyed by the runtime's
// `spec_version`, and the one resolver every rule-dependent API goes through. A spec newer than
// the newest known runs the newest rules and says so; an older unknown spec, or anything that is
// not a positive integer, is a TaomathError naming the known ranges. Nothing falls back silently.
//
// Evidence for each boundary (../shared/spec/runtimes.md "Which code is runtime 473"):
//
// | rules | specs     | pool                          | evidence                                                                 |
// |-------|-----------|-------------------------------|--------------------------------------------------------------------------|
// | 425   | 425–458   | weighted Balancer             | opentensor/subtensor 14bc6f9f (spec 425, the commit every 425 vector pins). |
// |       |           |                               | 441, 447, 452: release notes (PR #2994, #3131) list no numeric change, so |
// |       |           |                               | they keep the 425 rules; 453–458 have no readable code and are assumed 425 |
// |       |           |                               | up to the first commit known to differ (459).                              |
// | 459   | 459–472   | Balancer + reservoirs         | RaoFoundation/subtensor 005a8dc0: Balancer pool still live; its           |
// |       |           |                               | staking/stake_utils.rs already counts the swap's alpha reservoir in alpha |
// |       |           |                               | issuance (the in-between runtime). 460–472: no readable code, assumed 459. |
// | 473   | 473       | translated superellipse       | RaoFoundation/subtensor 0249a4a4 (runtime/src/lib.rs spec_version 473;    |
// |       |           |                               | superellipse.rs, impls.rs) and 29005cb7 (swap_step.rs, the migration, the |
// |       |           |                               | 473 coinbase); Finney runs it since 2026-10-06 (release PR #3208).         |
//
// The pool of the 459 rules is the 425 Balancer swap (its swap pallet is the 425 one as far as
// the readable code shows); what 459 changes is the coinbase's reservoirs, which live elsewhere.

import { TaomathError } from "./errors.js";

export type RuleSetName = "425" | "459" | "473";

export interface RuleSet {
  rules: RuleSetName;
  /** first and last spec_version this rule set is known (or assumed, see the table above) to cover */
  firstSpec: number;
  lastSpec: number;
  /** the pool curve swaps run on */
  pool: "balancer" | "superellipse";
  /** whether injected liquidity that is not price-active waits in BalancerTao/AlphaReservoir */
  reservoirs: boolean;
  /** the commit(s) the rules are read from */
  evidence: string;
}

export const RULE_SETS: readonly RuleSet[] = Object.freeze([
  { rules: "425", firstSpec: 425, lastSpec: 458, pool: "balancer", reservoirs: false, evidence: "opentensor/subtensor 14bc6f9f (spec 425); 441/447/452 release notes: no numeric change" },
  { rules: "459", firstSpec: 459, lastSpec: 472, pool: "balancer", reservoirs: true, evidence: "RaoFoundation/subtensor 005a8dc0: Balancer pool, alpha reservoir in issuance" },
  { rules: "473", firstSpec: 473, lastSpec: 473, pool: "superellipse", reservoirs: true, evidence: "RaoFoundation/subtensor 0249a4a4 + 29005cb7: superellipse pool, 473 coinbase" },
] as RuleSet[]);

export const NEWEST_SPEC: number = RULE_SETS[RULE_SETS.length - 1].lastSpec;
export const OLDEST_SPEC: number = RULE_SETS[0].firstSpec;

/** What every rule-dependent result carries: the spec asked for and the rules that answered. */
export interface RuntimeTag {
  spec_version: number;
  rules: RuleSetName;
  /** the spec is newer than any taomath knows: the newest rules answered */
  newer_than_known?: true;
}

export interface ResolvedRuntime extends RuntimeTag {
  ruleSet: RuleSet;
}

function knownRanges(): string {
  return RULE_SETS.map((r) => (r.firstSpec === r.lastSpec ? `${r.firstSpec}` : `${r.firstSpec}–${r.lastSpec}`) + ` (rules ${r.rules})`).join(", ");
}

/**
 * The rule set for a runtime `spec_version` (default: the newest known). `field` names the input
 * in errors (e.g. "runtime" or "--runtime").
 */
const resolved = new Map<number, ResolvedRuntime>();

export function resolveRuntime(spec?: number | bigint | string, field = "runtime"): ResolvedRuntime {
  if (typeof spec === "number") {
    const hit = resolved.get(spec);
    if (hit !== undefined) return hit;
  }
  const r = resolveFresh(spec, field);
  if (resolved.size < 64) resolved.set(r.spec_version, r);
  return r;
}

function resolveFresh(spec: number | bigint | string | undefined, field: string): ResolvedRuntime {
  let n: number;
  if (spec === undefined) n = NEWEST_SPEC;
  else if (typeof spec === "number") n = spec;
  else if (typeof spec === "bigint") n = spec > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(spec);
  else if (typeof spec === "string" && /^\s*[0-9]+\s*$/.test(spec)) n = Number(spec.trim());
  else throw new TaomathError("invalid_type", field, `expected a runtime spec_version (a positive integer), got ${JSON.stringify(String(spec))}; known: ${knownRanges()}`);
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new TaomathError("out_of_range", field, `${String(spec)} is not a positive integer spec_version; known: ${knownRanges()}`);
  }
  if (n < OLDEST_SPEC) {
    throw new TaomathError("out_of_range", field, `spec_version ${n} is older than any rule set taomath knows; known: ${knownRanges()}`);
  }
  if (n > NEWEST_SPEC) {
    const newest = RULE_SETS[RULE_SETS.length - 1];
    return Object.freeze({ spec_version: n, rules: newest.rules, newer_than_known: true as const, ruleSet: newest });
  }
  const rs = RULE_SETS.find((r) => n >= r.firstSpec && n <= r.lastSpec)!;
  return Object.freeze({ spec_version: n, rules: rs.rules, ruleSet: rs });
}

/** The tag a result carries (without the rule-set details). */
export function runtimeTag(r: ResolvedRuntime): RuntimeTag {
  // a fresh object per result: callers may keep or change what they were given
  return r.newer_than_known ? { spec_version: r.spec_version, rules: r.rules, newer_than_known: true } : { spec_version: r.spec_version, rules: r.rules };
}
