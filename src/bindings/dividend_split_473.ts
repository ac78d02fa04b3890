// Typed wrapper over assembly/abi/dividend_split_473.ts: runtime 473's calculate_dividend_distribution
// (RaoFoundation/subtensor 29005cb7). Standalone until the coinbase takes a runtime: it needs each
// hotkey's root-uid flag, which the 425 split does not.

import type { Core } from "./core.js";
import { TaomathError } from "../core/errors.js";
import { MASK64, U64_MAX } from "../core/ints.js";
import { checkBits } from "./values.js";


export interface DividendHotkey473 {
  /** the hotkey's epoch dividend, U96F32 bits */
  dividend: bigint;
  /** its alpha on the subnet and its stake on root (rao) */
  alpha_stake: bigint;
  root_stake: bigint;
  /** Uids(ROOT, hotkey) exists: only then does the root-weighted slice go to root */
  has_root_uid: boolean;
}

function bounded(v: unknown, field: string, max: bigint, what: string): bigint {
  if (typeof v !== "bigint") throw new TaomathError("invalid_type", field, `expected a bigint (${what})`);
  if (v < 0n || v > max) throw new TaomathError("out_of_range", field, `${v} does not fit in ${what}`);
  return v;
}

/**
 * Each hotkey's dividend split into an alpha and a root part, then the pending alpha and pending
 * root pots shared by those parts (hotkeys in the chain's order, ascending AccountId). U96F32 bits.
 */
export function dividendDistribution473(
  core: Core, hotkeys: DividendHotkey473[], pendingAlpha: bigint, pendingRoot: bigint, taoWeightBits: bigint,
): Array<{ alpha_dividend: bigint; root_dividend: bigint }> {
  const n = hotkeys.length;
  const d = hotkeys.map((h, i) => checkBits(h.dividend, `hotkeys[${i}].dividend`, "u128"));
  const a = hotkeys.map((h, i) => bounded(h.alpha_stake, `hotkeys[${i}].alpha_stake`, U64_MAX, "u64"));
  const r = hotkeys.map((h, i) => bounded(h.root_stake, `hotkeys[${i}].root_stake`, U64_MAX, "u64"));
  const u = hotkeys.map((h, i) => {
    if (typeof h.has_root_uid !== "boolean") throw new TaomathError("invalid_type", `hotkeys[${i}].has_root_uid`, "expected a boolean");
    return h.has_root_uid ? 1 : 0;
  });
  const pa = bounded(pendingAlpha, "pending_alpha", U64_MAX, "u64"), pr = bounded(pendingRoot, "pending_root", U64_MAX, "u64");
  const tw = checkBits(taoWeightBits, "tao_weight", "u128");
  core.reset();
  const u128 = (values: bigint[]) => {
    const p = core.alloc(Math.max(1, values.length) * 16);
    const v = new BigUint64Array(core.buffer, p, values.length * 2);
    values.forEach((x, i) => { v[2 * i] = x & MASK64; v[2 * i + 1] = x >> 64n; });
    return p;
  };
  const pd = u128(d), paa = core.u64(a), prr = core.u64(r);
  const pu = core.alloc(Math.max(1, n));
  new Uint8Array(core.buffer, pu, n).set(u);
  const out = core.invoke("c_dividend_distribution_473", {
    n, dividend: pd, alpha_stake: paa, root_stake: prr, root_uid: pu, tao_weight_lo: tw & MASK64, tao_weight_hi: tw >> 64n, pending_alpha: pa, pending_root: pr,
  });
  const read = (p: number) => core.readI128(p, n).map((x) => BigInt.asUintN(128, x));
  const A = read(out.num("alpha_dividend")), R = read(out.num("root_dividend"));
  return A.map((x, i) => ({ alpha_dividend: x, root_dividend: R[i] }));
}

/**
 * distribute_emission at 473: when the pending root alpha is nonzero and every hotkey's root dividend
 * floors to 0 (no dividend earner holds a root uid, or all their root slices are 0), the chain
 * recycles the whole pending root alpha instead of leaving it unowned.
 */
export function rootAlphaRecycled473(split: Array<{ root_dividend: bigint }>, pendingRoot: bigint): boolean {
  return pendingRoot !== 0n && split.every((x) => x.root_dividend >> 32n === 0n);
}
