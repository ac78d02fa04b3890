// The per-block coinbase pieces on the wasm core (assembly/abi/coinbase.ts): subnet emission
// shares, subnet terms, the alpha-out split and the epoch schedule. Fixed-point values are raw
// bits as bigint (U64F64: /2^64, U96F32 and I96F32: /2^32).

import { Core } from "./core.js";
import { toU64, toInt, toBool, toFixedBits, toArray } from "./values.js";
import { TaomathError } from "../core/errors.js";
import { G, EV, F, ROW } from "./layout.js";
import { MASK64 } from "../core/ints.js";


/** Defaults of the runtime (runtime/src/lib.rs). */
export const DEFAULT_TAO_WEIGHT = 971_718_665_099_567_868n;
export const DEFAULT_SUBNET_OWNER_CUT = 11_796;
export const DEFAULT_MAX_EPOCHS_PER_BLOCK = 2;
/** InitialDefaultDelegateTake: every hotkey's take unless changed (u16 / 65535). */
export const DEFAULT_DELEGATE_TAKE = 11_796;

export interface ShareInput {
  netuid: number;
  /** SubnetMechanism: 0 stable (moving price reads as 1.0), 1 dynamic */
  mechanism: number;
  /** SubnetMovingPrice, I96F32 bits */
  moving_price: bigint;
  /** MinerBurned, U96F32 bits (share of last epoch's miner emission withheld); default 0 */
  miner_burned?: bigint;
  /** SubnetEmissionEnabled; default true */
  emission_enabled?: boolean;
}

export interface ShareOutput { netuid: number; share: bigint; tao_emission: bigint }

export interface TermsInput {
  netuid: number;
  /** this block's TAO for the subnet, U96F32 bits (from subnetBlockEmissions) */
  tao_emission: bigint;
  subnet_alpha_in: bigint;
  subnet_alpha_out: bigint;
  /** current_alpha_price, U64F64 bits */
  spot_price: bigint;
}

export interface TermsOutput {
  netuid: number;
  alpha_emission: bigint;
  /** U96F32 bits */
  tao_in: bigint; alpha_in: bigint; excess_tao: bigint; root_proportion: bigint;
  /** the integer amounts inject_and_maybe_swap uses (floors of the above) */
  tao_in_rao: bigint; alpha_in_rao: bigint; excess_tao_rao: bigint;
}

export interface AlphaOutSplit { owner_cut: bigint; server: bigint; validator: bigint; root_alpha: bigint }

export interface ScheduleState {
  netuid: number;
  tempo: number;
  last_epoch_block: bigint;
  /** 0 = none */
  pending_epoch_at: bigint;
  blocks_since_last_step: bigint;
  epoch_index: bigint;
  /** is_epoch_input_state_consistent (no duplicate hotkeys); default true */
  consistent?: boolean;
}

export type EpochOutcome = "not_due" | "ran" | "deferred" | "skipped";
const OUTCOMES: EpochOutcome[] = ["not_due", "ran", "deferred", "skipped"];

/** One subnet's epoch result and the stakes distribute_emission reads (see CoinbaseCore.distributeEmission). */
export interface DistributeInput {
  /** per uid: its hotkey's index in `hotkeys`, its incentive and its dividends (the epoch's server/validator emission) */
  uid_hotkey: number[];
  server_emission: ArrayLike<bigint>;
  validator_emission: ArrayLike<bigint>;
  /** alpha and own root stake, delegate take, effective childkey take, whether its incentive is withheld (owner hotkeys),
   * its owner coldkey's index (absent: unknown), its children's proportions and (for uid hotkeys) its parents */
  hotkeys: Array<{ alpha: bigint; root: bigint; take: number; childkey_take: number; withhold: boolean; owner?: number; child_proportions: bigint[]; parents: Array<[bigint, number]>;
    /** Uids(ROOT, hotkey) exists (read by the 473 rules only; default false) */
    root_uid?: boolean }>;
  pending_server: bigint;
  pending_validator: bigint;
  pending_root: bigint;
  ck_burn: bigint;
  tao_weight: bigint;
  /** RecycleOrBurn is Recycle */
  recycle: boolean;
  /** the rule set (default 425): 473 splits dividends with the root-uid rule and may recycle the pending root alpha */
  rules?: "425" | "459" | "473";
}

/**
 * distribute_emission's input by columns (what Network's payout builds): per uid `uid_hotkey`, the epoch's
 * server and validator emission; per hotkey its alpha and own root stake, delegate take, childkey take,
 * withhold and root-uid flags (0/1), owner coldkey index (0xffffffff: unknown), children's proportions and
 * parents (CSR by start offsets, h + 1 each).
 */
export interface DistributeColumns {
  uid_hotkey: Uint32Array; server_emission: BigUint64Array; validator_emission: BigUint64Array;
  alpha: BigUint64Array; root: BigUint64Array; take: Uint16Array; childkey_take: Uint16Array; withhold: Uint8Array; owner: Uint32Array; root_uid: Uint8Array;
  child_start: Uint32Array; child_prop: BigUint64Array; parent_start: Uint32Array; parent_prop: BigUint64Array; parent_idx: Uint32Array;
  pending_server: bigint; pending_validator: bigint; pending_root: bigint; ck_burn: bigint; tao_weight: bigint; recycle: boolean;
  rules?: "425" | "459" | "473";
}

/** DistributeOutput by columns. */
export interface DistributeColumnsOutput extends Omit<DistributeOutput, "incentive_paid" | "hotkeys"> {
  incentive_paid: BigUint64Array;
  recipient: Uint8Array; alpha_take: BigUint64Array; alpha_rest: BigUint64Array; root_take: BigUint64Array; root_claimable: BigUint64Array;
}

/** A u64 column given as a BigUint64Array or an array of u64 values. */
function u64Column(v: unknown, field: string): BigUint64Array {
  if (v instanceof BigUint64Array) return v;
  return BigUint64Array.from(toArray(v, field), (x, i) => toU64(x as bigint, `${field}[${i}]`));
}

/** A pool as adjust_protocol_liquidity reads it (chain storage names; the ellipse as EllipseState). */
export interface AdjustPool {
  tao_reserve: bigint; alpha_reserve: bigint;
  /** SwapBalancer quote weight, Perquintill parts (default 0.5) */
  quote_weight?: bigint;
  pal_swap_initialized?: boolean;
  tao_reservoir?: bigint; alpha_reservoir?: bigint;
  ellipse?: { alpha_scale: bigint; tao_scale: bigint; center_alpha: bigint; center_tao: bigint } | null;
}

export interface AdjustOutcome {
  accepted: boolean;
  /** the price-active TAO and alpha the coinbase adds to the reserves */
  tao: bigint; alpha: bigint;
  quote_weight: bigint; pal_swap_initialized: boolean;
  tao_reservoir: bigint; alpha_reservoir: bigint;
  ellipse: { alpha_scale: bigint; tao_scale: bigint; center_alpha: bigint; center_tao: bigint } | null;
}

export interface DistributeOutput {
  /** per uid: the incentive staked to its hotkey's owner (0 when withheld) */
  incentive_paid: bigint[];
  /** per hotkey: whether it had a dividend entry, and its credits */
  hotkeys: Array<{ recipient: boolean; alpha_take: bigint; alpha_rest: bigint; root_take: bigint; root_claimable: bigint }>;
  withheld: bigint;
  incentive_sum: bigint;
  /** MinerBurned, U96F32 bits */
  miner_burned: bigint;
  ck_burned: bigint;
  burned: bigint;
  recycled: bigint;
  pot: bigint;
  /** 473: every root dividend floored to 0 while pending root alpha was nonzero, so all of it is recycled */
  root_recycled: boolean;
}

export class CoinbaseCore {
  constructor(private readonly core: Core) {}

  private u128(values: bigint[]): number {
    const p = this.core.alloc(Math.max(1, values.length) * 16);
    const v = new BigUint64Array(this.core.buffer, p, values.length * 2);
    values.forEach((x, i) => { v[2 * i] = x & MASK64; v[2 * i + 1] = x >> 64n; });
    return p;
  }
  private readU128(p: number, n: number): bigint[] {
    return this.core.readI128(p, n).map((x) => BigInt.asUintN(128, x));
  }

  /** get_moving_alpha_price (coinbase/moving_price.ts): 1.0 on root and stable subnets, else U64F64 of the stored I96F32. */
  movingAlphaPrices(subnets: Array<{ netuid: number; mechanism: number; moving_price: bigint }>): bigint[] {
    const n = subnets.length;
    const netuids = subnets.map((s, i) => toInt(s.netuid, `subnets[${i}].netuid`, 0, 65535, "u16"));
    const mechs = subnets.map((s, i) => toInt(s.mechanism, `subnets[${i}].mechanism`, 0, 65535, "u16"));
    const stored = subnets.map((s, i) => BigInt.asUintN(128, toFixedBits(s.moving_price, `subnets[${i}].moving_price`, "i128")));
    this.core.reset();
    const out = this.core.invoke("c_moving_alpha_prices", { n, netuids: this.core.u16(netuids), mechanisms: this.core.u16(mechs), stored: this.u128(stored) });
    return this.readU128(out.num("prices"), n);
  }

  /** blocks_until_next_epoch, the legacy epoch rule (runtimes up to 343); u64::MAX for tempo 0. */
  legacyBlocksUntilNextEpoch(netuid: number, tempo: number, block: bigint): bigint {
    const input = { netuid: toInt(netuid, "netuid", 0, 65535, "u16"), tempo: toInt(tempo, "tempo", 0, 65535, "u16"), block: toU64(block, "block") };
    this.core.reset();
    return this.core.invoke("c_legacy_blocks_until_next_epoch", input).get("blocks");
  }

  /** should_run_epoch's clause at `block` (BlocksSinceLastStep as read there): null when not due. */
  epochTrigger(tempo: number, lastEpochBlock: bigint, pendingEpochAt: bigint, blocksSinceLastStep: bigint, block: bigint, rules: "425" | "473" = "425"): "pending" | "safety_net" | "tempo" | null {
    const input = {
      tempo: toInt(tempo, "tempo", 0, 65535, "u16"), last_epoch_block: toU64(lastEpochBlock, "last_epoch_block"),
      pending_epoch_at: toU64(pendingEpochAt, "pending_epoch_at"), blocks_since_last_step: toU64(blocksSinceLastStep, "blocks_since_last_step"),
      block: toU64(block, "block"), rules_473: rules === "473" ? 1 : 0,
    };
    this.core.reset();
    const t = this.core.invoke("c_epoch_trigger", input).num("trigger");
    return ([null, "pending", "safety_net", "tempo"] as const)[t];
  }

  /**
   * get_subnet_block_emissions over the subnets to emit to: each one's U64F64 share and U96F32 TAO,
   * and the network's root sell flag (Σ moving price > 1).
   */
  subnetBlockEmissions(subnets: ShareInput[], blockEmission: bigint): { root_sell: boolean; subnets: ShareOutput[] } {
    const be = toU64(blockEmission, "block_emission");
    const n = subnets.length;
    const prices = this.movingAlphaPrices(subnets);
    const burned = subnets.map((s, i) => toFixedBits(s.miner_burned ?? 0n, `subnets[${i}].miner_burned`, "u128"));
    const enabled = subnets.map((s, i) => (s.emission_enabled === undefined ? 1 : toBool(s.emission_enabled, `subnets[${i}].emission_enabled`) ? 1 : 0));
    this.core.reset();
    const out = this.core.invoke("c_subnet_block_emissions", { n, price: this.u128(prices), miner_burned: this.u128(burned), enabled: this.core.u8(enabled), block_emission: be });
    const shares = this.readU128(out.num("shares"), n), tao = this.readU128(out.num("tao_emission"), n);
    return { root_sell: out.flag("root_sell"), subnets: subnets.map((s, i) => ({ netuid: s.netuid, share: shares[i], tao_emission: tao[i] })) };
  }

  /** get_subnet_terms for the subnets that emit this block. */
  subnetTerms(subnets: TermsInput[], rootTao: bigint, taoWeight: bigint = DEFAULT_TAO_WEIGHT): TermsOutput[] {
    const rt = toU64(rootTao, "root_tao"), tw = toU64(taoWeight, "tao_weight");
    const n = subnets.length;
    const te = subnets.map((s, i) => toFixedBits(s.tao_emission, `subnets[${i}].tao_emission`, "u128"));
    const iss = subnets.map((s, i) => {
      const a = toU64(s.subnet_alpha_in, `subnets[${i}].subnet_alpha_in`), b = toU64(s.subnet_alpha_out, `subnets[${i}].subnet_alpha_out`);
      const sum = a + b;
      return sum > MASK64 ? MASK64 : sum;
    });
    const pr = subnets.map((s, i) => toFixedBits(s.spot_price, `subnets[${i}].spot_price`, "u128"));
    this.core.reset();
    const out = this.core.invoke("c_subnet_terms", { n, tao_emission: this.u128(te), alpha_issuance: this.core.u64(iss), price: this.u128(pr), root_tao: rt, tao_weight: tw });
    const ae = this.core.readU64(out.num("alpha_emission"), n), ti = this.readU128(out.num("tao_in"), n), ai = this.readU128(out.num("alpha_in"), n);
    const ex = this.readU128(out.num("excess_tao"), n), rp = this.readU128(out.num("root_proportion"), n);
    const floor = (x: bigint) => { const v = x >> 32n; return v > MASK64 ? MASK64 : v; };
    return subnets.map((s, i) => ({
      netuid: s.netuid, alpha_emission: ae[i], tao_in: ti[i], alpha_in: ai[i], excess_tao: ex[i], root_proportion: rp[i],
      tao_in_rao: floor(ti[i]), alpha_in_rao: floor(ai[i]), excess_tao_rao: floor(ex[i]),
    }));
  }

  /** root_proportion(netuid), U96F32 bits. */
  rootProportion(rootTao: bigint, alphaIssuance: bigint, taoWeight: bigint = DEFAULT_TAO_WEIGHT): bigint {
    const rt = toU64(rootTao, "root_tao"), ai = toU64(alphaIssuance, "alpha_issuance"), tw = toU64(taoWeight, "tao_weight");
    this.core.reset();
    return this.core.invoke("c_root_proportion", { root_tao: rt, tao_weight: tw, alpha_issuance: ai }).u128("root_proportion");
  }

  /**
   * The pending amounts one block's alpha emission adds (loop 3 of emit_to_subnets).
   * `alphaIssuanceAfter` is the subnet's alpha issuance after this block's injection and mint.
   */
  splitAlphaOut(args: { alpha_out: bigint; owner_cut_enabled?: boolean; owner_cut?: number; root_tao: bigint; tao_weight?: bigint; alpha_issuance_after: bigint }): AlphaOutSplit {
    const a = toU64(args.alpha_out, "alpha_out");
    const en = args.owner_cut_enabled === undefined ? true : toBool(args.owner_cut_enabled, "owner_cut_enabled");
    const cut = toInt(args.owner_cut ?? DEFAULT_SUBNET_OWNER_CUT, "owner_cut", 0, 65535, "u16");
    const rt = toU64(args.root_tao, "root_tao"), tw = toU64(args.tao_weight ?? DEFAULT_TAO_WEIGHT, "tao_weight");
    const after = toU64(args.alpha_issuance_after, "alpha_issuance_after");
    this.core.reset();
    const out = this.core.invoke("c_split_alpha_out", { alpha_out: a, owner_cut_enabled: en, owner_cut: cut, root_tao: rt, tao_weight: tw, alpha_issuance_after: after });
    return { owner_cut: out.get("owner_cut"), server: out.get("server"), validator: out.get("validator"), root_alpha: out.get("root_alpha") };
  }

  /**
   * One block of drain_pending's schedule over subnets in storage order. Returns the updated
   * states and what happened to each subnet's epoch this block.
   */
  scheduleBlock(subnets: ScheduleState[], block: bigint, maxEpochsPerBlock = DEFAULT_MAX_EPOCHS_PER_BLOCK): { states: ScheduleState[]; outcomes: EpochOutcome[] } {
    const b = toU64(block, "block");
    const cap = toInt(maxEpochsPerBlock, "max_epochs_per_block", 0, 255, "u8");
    const n = subnets.length;
    const tempo = subnets.map((s, i) => toInt(s.tempo, `subnets[${i}].tempo`, 0, 65535, "u16"));
    const f = (k: keyof ScheduleState) => subnets.map((s, i) => toU64(s[k] as bigint, `subnets[${i}].${k}`));
    const last = f("last_epoch_block"), pend = f("pending_epoch_at"), since = f("blocks_since_last_step"), idx = f("epoch_index");
    const cons = subnets.map((s, i) => (s.consistent === undefined || toBool(s.consistent, `subnets[${i}].consistent`) ? 1 : 0));
    this.core.reset();
    const pt = this.core.u16(tempo), pl = this.core.u64(last), pp = this.core.u64(pend), ps = this.core.u64(since), pi = this.core.u64(idx);
    const out = this.core.invoke("c_schedule_block", {
      n, block: b, max_epochs_per_block: cap, tempo: pt, last_epoch_block: pl, pending_epoch_at: pp, blocks_since_last_step: ps, epoch_index: pi, consistent: this.core.u8(cons),
    });
    const L = this.core.readU64(pl, n), P = this.core.readU64(pp, n), S = this.core.readU64(ps, n), I = this.core.readU64(pi, n), O = this.core.readU8(out.num("outcome"), n);
    return {
      states: subnets.map((s, i) => ({ ...s, last_epoch_block: L[i], pending_epoch_at: P[i], blocks_since_last_step: S[i], epoch_index: I[i] })),
      outcomes: O.map((o) => OUTCOMES[o]),
    };
  }

  /** Splits `pot` by the proportions of `weights` as the chain splits a validator pot (floors each share). */
  splitPot(weights: bigint[], pot: bigint): bigint[] {
    const w = weights.map((x, i) => toU64(x, `weights[${i}]`));
    const p = toU64(pot, "pot");
    this.core.reset();
    const out = this.core.invoke("c_split_pot", { n: w.length, weights: this.core.u64(w), pot: p });
    return this.core.readU64(out.num("shares"), w.length);
  }

  /** get_tao_weight: U96F32(TaoWeight) / U96F32(u64::MAX), bits. */
  taoWeight(taoWeight: bigint = DEFAULT_TAO_WEIGHT): bigint {
    const tw = toU64(taoWeight, "tao_weight");
    this.core.reset();
    return this.core.invoke("c_tao_weight", { tao_weight: tw }).u128("value");
  }

  /**
   * calculate_dividend_distribution: each hotkey's dividend (U96F32 bits) split into an alpha and a
   * root part by its own alpha and root stake, then the pending alpha and pending root pots shared
   * by those parts. Hotkeys in the chain's order (ascending AccountId). Results are U96F32 bits.
   */
  dividendDistribution(hotkeys: Array<{ dividend: bigint; alpha_stake: bigint; root_stake: bigint }>, pendingAlpha: bigint, pendingRoot: bigint, taoWeightBits: bigint): Array<{ alpha_dividend: bigint; root_dividend: bigint }> {
    const n = hotkeys.length;
    const d = hotkeys.map((h, i) => toFixedBits(h.dividend, `hotkeys[${i}].dividend`, "u128"));
    const a = hotkeys.map((h, i) => toU64(h.alpha_stake, `hotkeys[${i}].alpha_stake`));
    const r = hotkeys.map((h, i) => toU64(h.root_stake, `hotkeys[${i}].root_stake`));
    const pa = toU64(pendingAlpha, "pending_alpha"), pr = toU64(pendingRoot, "pending_root");
    const tw = toFixedBits(taoWeightBits, "tao_weight", "u128");
    this.core.reset();
    const out = this.core.invoke("c_dividend_distribution", {
      n, dividend: this.u128(d), alpha_stake: this.core.u64(a), root_stake: this.core.u64(r), tao_weight_lo: tw & MASK64, tao_weight_hi: tw >> 64n, pending_alpha: pa, pending_root: pr,
    });
    const A = this.readU128(out.num("alpha_dividend"), n), R = this.readU128(out.num("root_dividend"), n);
    return A.map((x, i) => ({ alpha_dividend: x, root_dividend: R[i] }));
  }

  /** get_inherited_for_hotkey_on_subnet: own alpha minus what children take plus what parents give. */
  inheritedAlpha(alpha: bigint, childProportions: bigint[], parents: Array<{ proportion: bigint; alpha: bigint }>): bigint {
    const a = toU64(alpha, "alpha");
    const cp = childProportions.map((p, i) => toU64(p, `children[${i}].proportion`));
    const pp = parents.map((p, i) => toU64(p.proportion, `parents[${i}].proportion`));
    const pa = parents.map((p, i) => toU64(p.alpha, `parents[${i}].alpha`));
    this.core.reset();
    return this.core.invoke("c_inherited_alpha", {
      alpha: a, nc: cp.length, child_proportions: this.core.u64(cp), np: pp.length, parent_proportions: this.core.u64(pp), parent_alpha: this.core.u64(pa),
    }).get("inherited");
  }

  /**
   * get_parent_child_dividends_distribution for one child hotkey: what each parent receives (in
   * the given order) and what the child keeps, plus the alpha CKBurn recycles.
   */
  parentChildDividends(args: {
    dividend: bigint; alpha: bigint; root: bigint; child_proportions: bigint[];
    parents: Array<{ proportion: bigint; alpha: bigint; root: bigint; same_owner: boolean }>;
    childkey_take: number; ck_burn?: bigint; tao_weight?: bigint;
  }): { parents: bigint[]; child: bigint; ck_burned: bigint } {
    const d = toU64(args.dividend, "dividend"), a = toU64(args.alpha, "alpha"), r = toU64(args.root, "root");
    const cp = args.child_proportions.map((p, i) => toU64(p, `child_proportions[${i}]`));
    const ps = args.parents;
    const pp = ps.map((p, i) => toU64(p.proportion, `parents[${i}].proportion`));
    const pa = ps.map((p, i) => toU64(p.alpha, `parents[${i}].alpha`));
    const pr = ps.map((p, i) => toU64(p.root, `parents[${i}].root`));
    const so = ps.map((p, i) => (toBool(p.same_owner, `parents[${i}].same_owner`) ? 1 : 0));
    const take = toInt(args.childkey_take, "childkey_take", 0, 65535, "u16");
    const burn = toU64(args.ck_burn ?? 0n, "ck_burn"), tw = toU64(args.tao_weight ?? DEFAULT_TAO_WEIGHT, "tao_weight");
    this.core.reset();
    const out = this.core.invoke("c_parent_child_dividends", {
      dividend: d, alpha: a, root: r, nc: cp.length, child_proportions: this.core.u64(cp), np: ps.length, parent_proportions: this.core.u64(pp),
      parent_alpha: this.core.u64(pa), parent_root: this.core.u64(pr), same_owner: this.core.u8(so), childkey_take: take, ck_burn: burn, tao_weight: tw,
    });
    return { parents: this.core.readU64(out.num("parents"), ps.length), child: out.get("child"), ck_burned: out.get("ck_burned") };
  }

  // ---- batched forms (one wasm call for all subnets of a block); inputs are trusted model state ----

  /**
   * What an epoch's validator side credits per hotkey (no parents/children): the dividend split into
   * alpha and root parts by own alpha and root stake, the pending pots shared, then each hotkey's
   * delegate take. alpha_credited goes to the hotkey's alpha on the subnet (take included, and the
   * take on root dividends), root_claimable to its root stakers' claimable alpha.
   */
  validatorPayout(hotkeys: Array<{ validator_emission: bigint; alpha_stake: bigint; root_stake: bigint; take?: number }>, pendingAlpha: bigint, pendingRoot: bigint, taoWeight: bigint = DEFAULT_TAO_WEIGHT): Array<{ alpha_credited: bigint; root_claimable: bigint; alpha_take: bigint; alpha_rest: bigint; root_take: bigint }> {
    const n = hotkeys.length;
    const d = hotkeys.map((h, i) => toU64(h.validator_emission, `hotkeys[${i}].validator_emission`) << 32n);
    const a = hotkeys.map((h, i) => toU64(h.alpha_stake, `hotkeys[${i}].alpha_stake`));
    const r = hotkeys.map((h, i) => toU64(h.root_stake, `hotkeys[${i}].root_stake`));
    const t = hotkeys.map((h, i) => toInt(h.take ?? DEFAULT_DELEGATE_TAKE, `hotkeys[${i}].take`, 0, 65535, "u16"));
    const pa = toU64(pendingAlpha, "pending_alpha"), pr = toU64(pendingRoot, "pending_root"), tw = toU64(taoWeight, "tao_weight");
    this.core.reset();
    const out = this.core.invoke("c_validator_payout", {
      n, dividend: this.u128(d), alpha_stake: this.core.u64(a), root_stake: this.core.u64(r), tao_weight: tw, pending_alpha: pa, pending_root: pr, take: this.core.u16(t),
    });
    const A = this.core.readU64(out.num("alpha_credited"), n), R = this.core.readU64(out.num("root_claimable"), n), P = this.core.readU64(out.num("parts"), 3 * n);
    return A.map((x, i) => ({ alpha_credited: x, root_claimable: R[i], alpha_take: P[3 * i], alpha_rest: P[3 * i + 1], root_take: P[3 * i + 2] }));
  }

  /**
   * distribute_emission's arithmetic for one subnet's epoch result (assembly/coinbase/distribute_emission.ts):
   * the dividends shared with parents, the withheld incentive and MinerBurned, the validator pot,
   * and each recipient's alpha take, alpha rest, root take and RootClaimable increment. Hotkeys are
   * a table the uids and parents index into; the result per hotkey follows the table's order.
   */
  distributeEmission(args: DistributeInput): DistributeOutput {
    const hk = toArray(args.hotkeys, "hotkeys") as DistributeInput["hotkeys"], h = hk.length;
    const childStart = new Uint32Array(h + 1), parentStart = new Uint32Array(h + 1);
    const childProp: bigint[] = [], parentProp: bigint[] = [], parentIdx: number[] = [];
    hk.forEach((x, i) => {
      for (const p of x.child_proportions) childProp.push(toU64(p, `hotkeys[${i}].child_proportions`));
      childStart[i + 1] = childProp.length;
      for (const [p, j] of x.parents) { parentProp.push(toU64(p, `hotkeys[${i}].parents`)); parentIdx.push(toInt(j, `hotkeys[${i}].parents`, 0, 0xffffffff, "hotkey index")); }
      parentStart[i + 1] = parentProp.length;
    });
    const u64s = (f: (x: DistributeInput["hotkeys"][number]) => bigint, name: string) => BigUint64Array.from(hk, (x, i) => toU64(f(x), `hotkeys[${i}].${name}`));
    const ints = <T extends Uint16Array | Uint32Array | Uint8Array>(A: { from(a: ArrayLike<number>): T }, f: (x: DistributeInput["hotkeys"][number]) => number, name: string, max: number) =>
      A.from(hk.map((x, i) => toInt(f(x), `hotkeys[${i}].${name}`, 0, max, name)));
    const r = this.distributeEmissionColumns({
      uid_hotkey: Uint32Array.from(toArray(args.uid_hotkey, "uid_hotkey"), (x, i) => toInt(x, `uid_hotkey[${i}]`, 0, 0xffffffff, "hotkey index")),
      server_emission: u64Column(args.server_emission, "server_emission"), validator_emission: u64Column(args.validator_emission, "validator_emission"),
      alpha: u64s((x) => x.alpha, "alpha"), root: u64s((x) => x.root, "root"),
      take: ints(Uint16Array, (x) => x.take, "take", 0xffff), childkey_take: ints(Uint16Array, (x) => x.childkey_take, "childkey_take", 0xffff),
      withhold: Uint8Array.from(hk, (x) => (x.withhold ? 1 : 0)),
      owner: ints(Uint32Array, (x) => x.owner ?? 0xffffffff, "owner", 0xffffffff),
      root_uid: Uint8Array.from(hk, (x) => (x.root_uid ? 1 : 0)),
      child_start: childStart, child_prop: BigUint64Array.from(childProp), parent_start: parentStart, parent_prop: BigUint64Array.from(parentProp), parent_idx: Uint32Array.from(parentIdx),
      pending_server: args.pending_server, pending_validator: args.pending_validator, pending_root: args.pending_root, ck_burn: args.ck_burn, tao_weight: args.tao_weight,
      recycle: args.recycle, rules: args.rules,
    });
    const { incentive_paid, recipient, alpha_take, alpha_rest, root_take, root_claimable, ...summary } = r;
    return {
      ...summary, incentive_paid: Array.from(incentive_paid),
      hotkeys: hk.map((_, i) => ({ recipient: recipient[i] !== 0, alpha_take: alpha_take[i], alpha_rest: alpha_rest[i], root_take: root_take[i], root_claimable: root_claimable[i] })),
    };
  }

  /** distributeEmission by columns: typed arrays in and out, checked for shape and indices before the core reads them. */
  distributeEmissionColumns(args: DistributeColumns): DistributeColumnsOutput {
    const a = args as unknown as Record<string, unknown>;
    const typed = <T>(name: string, A: new (...x: never[]) => T, len?: number): T => {
      const v = a[name];
      if (!(v instanceof A)) throw new TaomathError("invalid_type", name, `expected a ${A.name}`);
      if (len !== undefined && (v as unknown as { length: number }).length !== len) throw new TaomathError("wrong_length", name, `expected ${len} entries, got ${(v as unknown as { length: number }).length}`);
      return v;
    };
    const uid = typed("uid_hotkey", Uint32Array), n = uid.length;
    const alpha = typed("alpha", BigUint64Array), h = alpha.length;
    const server = typed("server_emission", BigUint64Array, n), validator = typed("validator_emission", BigUint64Array, n);
    const root = typed("root", BigUint64Array, h), take = typed("take", Uint16Array, h), ck = typed("childkey_take", Uint16Array, h);
    const withhold = typed("withhold", Uint8Array, h), owner = typed("owner", Uint32Array, h), rootUid = typed("root_uid", Uint8Array, h);
    const cs = typed("child_start", Uint32Array, h + 1), cp = typed("child_prop", BigUint64Array);
    const ps = typed("parent_start", Uint32Array, h + 1), pp = typed("parent_prop", BigUint64Array), pi = typed("parent_idx", Uint32Array, pp.length);
    for (let i = 0; i < n; i++) if (uid[i] >= h) throw new TaomathError("out_of_range", `uid_hotkey[${i}]`, `hotkey index ${uid[i]} but only ${h} hotkeys`);
    for (const [name, st, len] of [["child_start", cs, cp.length], ["parent_start", ps, pp.length]] as const) {
      if (st[0] !== 0 || st[h] !== len) throw new TaomathError("out_of_range", name, `must start at 0 and end at ${len}`);
      for (let i = 0; i < h; i++) if (st[i + 1] < st[i]) throw new TaomathError("out_of_range", `${name}[${i + 1}]`, "offsets must not decrease");
    }
    for (let k = 0; k < pi.length; k++) if (pi[k] >= h) throw new TaomathError("out_of_range", `parent_idx[${k}]`, `hotkey index ${pi[k]} but only ${h} hotkeys`);
    const rules = args.rules ?? "425";
    if (rules !== "425" && rules !== "459" && rules !== "473") throw new TaomathError("out_of_range", "rules", `unknown rule set ${String(rules)}`);
    const params = BigUint64Array.from([
      toU64(args.pending_server, "pending_server"), toU64(args.pending_validator, "pending_validator"), toU64(args.pending_root, "pending_root"),
      toU64(args.ck_burn, "ck_burn"), toU64(args.tao_weight, "tao_weight"), toBool(args.recycle, "recycle") ? 1n : 0n, BigInt(rules),
    ]);
    const c = this.core;
    c.reset();
    const some64 = (v: BigUint64Array) => (v.length ? v : new BigUint64Array(1)), some32 = (v: Uint32Array) => (v.length ? v : new Uint32Array(1));
    const out = c.invoke("c_distribute_emission", {
      n, uid_hotkey: c.u32(some32(uid)), server: c.u64(some64(server)), validator: c.u64(some64(validator)), h, alpha: c.u64(some64(alpha)), root: c.u64(some64(root)),
      take: c.u16(take), childkey_take: c.u16(ck), withhold: c.u8(withhold), owner: c.u32(some32(owner)),
      child_start: c.u32(cs), child_prop: c.u64(some64(cp)), parent_start: c.u32(ps), parent_prop: c.u64(some64(pp)), parent_idx: c.u32(some32(pi)),
      params: c.u64(params), root_uid: c.u8(rootUid),
    });
    const b = c.buffer;
    const u64 = (name: "summary" | "incentive_paid" | "alpha_take" | "alpha_rest" | "root_take" | "root_claimable", len: number) => new BigUint64Array(b, out.num(name) >>> 0, len).slice();
    const S = u64("summary", 9);
    return {
      incentive_paid: u64("incentive_paid", n), recipient: new Uint8Array(b, out.num("recipient") >>> 0, h).slice(),
      alpha_take: u64("alpha_take", h), alpha_rest: u64("alpha_rest", h), root_take: u64("root_take", h), root_claimable: u64("root_claimable", h),
      withheld: S[0], incentive_sum: S[1], miner_burned: (S[3] << 64n) | S[2], ck_burned: S[4], burned: S[5], recycled: S[6], pot: S[7],
      root_recycled: S[8] !== 0n,
    };
  }

  /**
   * c_run_blocks (assembly/coinbase/block_step.ts) on the host's copies of the subnet rows and the
   * globals, both updated in place (layouts coinbase_row and coinbase_globals of boundary.json). Returns
   * the blocks completed and the epoch events of this call (EV u64 each; the globals' event count restarts at 0).
   */
  runBlocks(n: number, rows: BigUint64Array, g: BigUint64Array, blocks: number, cap: number): { done: number; events: BigUint64Array } {
    this.core.reset();
    g[G.EVENTS] = 0n;
    const pr = this.core.alloc(rows.length * 8), pg = this.core.alloc(g.length * 8), pe = this.core.alloc(cap * EV * 8);
    new BigUint64Array(this.core.buffer, pr, rows.length).set(rows);
    new BigUint64Array(this.core.buffer, pg, g.length).set(g);
    const done = this.core.invoke("c_run_blocks", { n, rows: pr, globals: pg, blocks, events: pe, cap }).num("done");
    rows.set(new BigUint64Array(this.core.buffer, pr, rows.length));
    g.set(new BigUint64Array(this.core.buffer, pg, g.length));
    return { done, events: new BigUint64Array(this.core.buffer.slice(pe, pe + Number(g[G.EVENTS]) * EV * 8)) };
  }

  /**
   * The swap pallet's adjust_protocol_liquidity of the rules after 425 (459: Balancer with reservoirs;
   * 473: superellipse translation) for one pool: what of the pending liquidity (reservoirs + deltas)
   * becomes price-active, and the pool's swap state after it. A refusal (accepted false) changes nothing.
   */
  adjustProtocolLiquidity(rules: "459" | "473", pool: AdjustPool, taoDelta: bigint, alphaDelta: bigint): AdjustOutcome {
    if (rules !== "459" && rules !== "473") throw new TaomathError("out_of_range", "rules", `adjust_protocol_liquidity with reservoirs exists at rules 459 and 473, not ${String(rules)}`);
    const row = new BigUint64Array(ROW);
    row[F.TAO] = toU64(pool.tao_reserve, "pool.tao_reserve"); row[F.ALPHA] = toU64(pool.alpha_reserve, "pool.alpha_reserve");
    row[F.QUOTE] = toU64(pool.quote_weight ?? 500_000_000_000_000_000n, "pool.quote_weight"); row[F.INIT] = pool.pal_swap_initialized === false ? 0n : 1n;
    row[F.TAO_RESERVOIR] = toU64(pool.tao_reservoir ?? 0n, "pool.tao_reservoir"); row[F.ALPHA_RESERVOIR] = toU64(pool.alpha_reservoir ?? 0n, "pool.alpha_reservoir");
    const e = pool.ellipse ?? null;
    if (e !== null) {
      const a = toFixedBits(e.alpha_scale, "pool.ellipse.alpha_scale", "u128"), b = toFixedBits(e.tao_scale, "pool.ellipse.tao_scale", "u128");
      const ca = BigInt.asUintN(128, toFixedBits(e.center_alpha, "pool.ellipse.center_alpha", "i128")), ct = BigInt.asUintN(128, toFixedBits(e.center_tao, "pool.ellipse.center_tao", "i128"));
      row[F.HAS_ELLIPSE] = 1n;
      row[F.EL_A_HI] = a >> 64n; row[F.EL_A_LO] = a & MASK64; row[F.EL_B_HI] = b >> 64n; row[F.EL_B_LO] = b & MASK64;
      row[F.EL_CA_HI] = ca >> 64n; row[F.EL_CA_LO] = ca & MASK64; row[F.EL_CT_HI] = ct >> 64n; row[F.EL_CT_LO] = ct & MASK64;
    }
    const td = toU64(taoDelta, "tao_delta"), ad = toU64(alphaDelta, "alpha_delta");
    this.core.reset();
    const pr = this.core.u64(Array.from(row));
    const out = this.core.invoke("c_adjust_protocol_liquidity", { row: pr, rules: rules === "473" ? 473 : 459, tao_delta: td, alpha_delta: ad });
    const r = this.core.readU64(pr, ROW);
    return {
      accepted: out.flag("accepted"), tao: out.get("tao"), alpha: out.get("alpha"), quote_weight: r[F.QUOTE], pal_swap_initialized: r[F.INIT] !== 0n,
      tao_reservoir: r[F.TAO_RESERVOIR], alpha_reservoir: r[F.ALPHA_RESERVOIR],
      ellipse: r[F.HAS_ELLIPSE] === 0n ? null : {
        alpha_scale: (r[F.EL_A_HI] << 64n) | r[F.EL_A_LO], tao_scale: (r[F.EL_B_HI] << 64n) | r[F.EL_B_LO],
        center_alpha: BigInt.asIntN(128, (r[F.EL_CA_HI] << 64n) | r[F.EL_CA_LO]), center_tao: BigInt.asIntN(128, (r[F.EL_CT_HI] << 64n) | r[F.EL_CT_LO]),
      },
    };
  }

  /**
   * The dynamic_tempo_v1 migration: the LastEpochBlock and SubnetEpochIndex that keep a subnet's
   * next epoch on the block the legacy rule would pick (it fired when tempo - (block + netuid + 1) mod (tempo + 1) reached 0).
   */
  legacyAnchor(netuid: number, tempo: number, block: bigint): { last_epoch_block: bigint; epoch_index: bigint } {
    const nu = toInt(netuid, "netuid", 0, 65535, "u16"), t = toInt(tempo, "tempo", 0, 65535, "u16"), b = toU64(block, "block");
    this.core.reset();
    const out = this.core.invoke("c_legacy_last_epoch_block", { netuid: nu, tempo: t, block: b });
    return { last_epoch_block: out.get("last_epoch_block"), epoch_index: out.get("epoch_index") };
  }

  shouldRunEpoch(tempo: number, lastEpochBlock: bigint, pendingEpochAt: bigint, blocksSinceLastStep: bigint, block: bigint): boolean {
    return this.epochTrigger(tempo, lastEpochBlock, pendingEpochAt, blocksSinceLastStep, block) !== null;
  }

  /** blocks_until_next_auto_epoch (u64::MAX for tempo 0). */
  blocksUntilNextAutoEpoch(tempo: number, lastEpochBlock: bigint, block: bigint): bigint {
    const input = { tempo: toInt(tempo, "tempo", 0, 65535, "u16"), last_epoch_block: toU64(lastEpochBlock, "last_epoch_block"), block: toU64(block, "block") };
    this.core.reset();
    return this.core.invoke("c_blocks_until_next_auto_epoch", input).get("blocks");
  }

  /** get_next_epoch_start_block (null for tempo 0). */
  nextEpochStartBlock(tempo: number, lastEpochBlock: bigint, pendingEpochAt: bigint): bigint | null {
    const t = toInt(tempo, "tempo", 0, 65535, "u16");
    if (t === 0) return null;
    const input = { tempo: t, last_epoch_block: toU64(lastEpochBlock, "last_epoch_block"), pending_epoch_at: toU64(pendingEpochAt, "pending_epoch_at") };
    this.core.reset();
    return this.core.invoke("c_next_epoch_start_block", input).get("block");
  }
}

