// The network model's subnets as the rows the core's multi-block coinbase runs on
// (assembly/coinbase/block_step.ts): one row of ROW u64 slots per non-root subnet, written from
// and read back into SubnetState, and the globals block (slots: the boundary table's layouts).

import type { SubnetState } from "./state.js";

// The slot objects and constants are generated from assembly/abi/boundary.json, as the core's are.
export { ROW, F, G, G_SLOTS, EVT, EV, PHASE_NONE, PHASE_POOL, PHASE_PAYOUT, V_TAO, V_ALPHA, V_LEDGER, V_ASSETS } from "../bindings/layout.js";
import { ROW, F, V_TAO, V_ALPHA, V_LEDGER, V_ASSETS } from "../bindings/layout.js";

/** What each violation kind of the core's conservation checks names. */
export const VIOLATION_KINDS: readonly string[] = Object.assign(Array<string>(5).fill(""), {
  [V_TAO]: "TAO", [V_ALPHA]: "alpha issuance", [V_LEDGER]: "a subnet's alpha ledger", [V_ASSETS]: "a subnet's alpha asset issuance",
});

const M64 = (1n << 64n) - 1n;
const I64_MIN = -(1n << 63n), I64_MAX = (1n << 63n) - 1n;

/** The u64 sum of a subnet's stakes as the row's wrapping ledger uses it. */
export function stakedSum(n: SubnetState): bigint {
  let t = 0n;
  for (const v of n.stakes.values()) t += v;
  return t & M64;
}

/** Whether the core can hold this subnet's state (unowned fits an i64, the other buckets a u64). */
export function rowFits(n: SubnetState): boolean {
  return n.unowned_alpha >= I64_MIN && n.unowned_alpha <= I64_MAX && n.protocol_alpha <= M64 && n.root_unclaimed <= M64 && n.untracked_tao <= M64
    && n.subnet_account_balance <= M64;
}

/** Whether no hotkey holds two uids, kept per hotkeys array (the model replaces it, never edits it): a row is
 * written for every subnet at each step() call and after each payout, and a 256-entry Set each time cost more
 * than the rest of the row. */
const distinct = new WeakMap<readonly string[], { length: number; distinct: boolean }>();
function distinctHotkeys(hotkeys: readonly string[]): boolean {
  const kept = distinct.get(hotkeys);
  if (kept !== undefined && kept.length === hotkeys.length) return kept.distinct;
  const d = new Set(hotkeys).size === hotkeys.length;
  distinct.set(hotkeys, { length: hotkeys.length, distinct: d });
  return d;
}

export function writeRow(rows: BigUint64Array, i: number, n: SubnetState): void {
  const o = i * ROW;
  const mp = BigInt.asUintN(128, n.moving_price);
  const fe = n.first_emission_block_number;
  rows[o + F.NETUID] = BigInt(n.netuid); rows[o + F.MECH] = BigInt(n.mechanism); rows[o + F.TEMPO] = BigInt(n.tempo);
  rows[o + F.LAST_EPOCH] = n.last_epoch_block; rows[o + F.PENDING_AT] = n.pending_epoch_at; rows[o + F.SINCE] = n.blocks_since_last_step;
  rows[o + F.EPOCH_INDEX] = n.epoch_index; rows[o + F.LAST_MECH_STEP] = n.last_mechanism_step_block;
  rows[o + F.EMITS] = fe !== null && n.subtoken_enabled && n.registration_allowed ? 1n : 0n;
  rows[o + F.EMISSION_ENABLED] = n.emission_enabled ? 1n : 0n; rows[o + F.OWNER_CUT_ENABLED] = n.owner_cut_enabled ? 1n : 0n;
  rows[o + F.TAO] = n.tao_reserve; rows[o + F.ALPHA] = n.alpha_reserve; rows[o + F.ALPHA_OUT] = n.alpha_out;
  rows[o + F.QUOTE] = n.quote_weight; rows[o + F.INIT] = n.pal_swap_initialized ? 1n : 0n; rows[o + F.FEE] = BigInt(n.fee_rate);
  rows[o + F.MP_LO] = mp & M64; rows[o + F.MP_HI] = mp >> 64n;
  rows[o + F.HALVING] = n.ema_price_halving_blocks; rows[o + F.START] = fe !== null && fe > 0n ? fe - 1n : 0n;
  rows[o + F.MB_LO] = n.miner_burned & M64; rows[o + F.MB_HI] = n.miner_burned >> 64n;
  rows[o + F.P_SERVER] = n.pending_server; rows[o + F.P_VALIDATOR] = n.pending_validator; rows[o + F.P_ROOT] = n.pending_root;
  rows[o + F.P_OWNER] = n.pending_owner_cut; rows[o + F.PROTOCOL] = n.protocol_alpha & M64;
  rows[o + F.UNOWNED] = BigInt.asUintN(64, n.unowned_alpha); rows[o + F.ROOT_UNCLAIMED] = n.root_unclaimed & M64;
  rows[o + F.UNTRACKED] = n.untracked_tao & M64; rows[o + F.OWNED] = stakedSum(n); rows[o + F.IN_FLIGHT] = 0n;
  rows[o + F.CONSISTENT] = n.neurons === null || distinctHotkeys(n.neurons.hotkeys) ? 1n : 0n;
  rows[o + F.HOST_DRAIN] = (n.neurons !== null && n.neurons.hotkeys.length > 0) || n.share_pools.has(n.owner_hotkey) ? 1n : 0n;
  rows[o + F.FLOW] = BigInt.asUintN(64, n.protocol_flow);
  rows[o + F.VOL_LO] = n.volume & M64; rows[o + F.VOL_HI] = n.volume >> 64n;
  rows[o + F.AA_ISSUANCE] = n.alpha_assets_issuance; rows[o + F.AA_BURNED] = n.alpha_assets_burned; rows[o + F.AA_RECYCLED] = n.alpha_assets_recycled;
  rows[o + F.ACCOUNT] = n.subnet_account_balance;
  const rp = n.root_prop ?? 0n;
  rows[o + F.RP_LO] = rp & M64; rows[o + F.RP_HI] = rp >> 64n; rows[o + F.RP_SET] = n.root_prop === null ? 0n : 1n;
  rows[o + F.E_ALPHA_IN] = n.alpha_in_emission; rows[o + F.E_ALPHA_OUT] = n.alpha_out_emission;
  rows[o + F.E_TAO_IN] = n.tao_in_emission; rows[o + F.E_EXCESS] = n.excess_tao;
  rows[o + F.HAS_OWNER] = n.has_owner ? 1n : 0n;
  rows[o + F.TAO_RESERVOIR] = n.tao_reservoir; rows[o + F.ALPHA_RESERVOIR] = n.alpha_reservoir;
  const e = n.ellipse;
  rows[o + F.HAS_ELLIPSE] = e === null ? 0n : 1n;
  const a = e?.alpha_scale ?? 0n, b = e?.tao_scale ?? 0n, ca = BigInt.asUintN(128, e?.center_alpha ?? 0n), ct = BigInt.asUintN(128, e?.center_tao ?? 0n);
  rows[o + F.EL_A_HI] = a >> 64n; rows[o + F.EL_A_LO] = a & M64; rows[o + F.EL_B_HI] = b >> 64n; rows[o + F.EL_B_LO] = b & M64;
  rows[o + F.EL_CA_HI] = ca >> 64n; rows[o + F.EL_CA_LO] = ca & M64; rows[o + F.EL_CT_HI] = ct >> 64n; rows[o + F.EL_CT_LO] = ct & M64;
}

/** Reads back what the core changes; `ownedBase` is the OWNED slot as last written (owner cuts staked since). */
export function readRow(rows: BigUint64Array, i: number, n: SubnetState, ownedBase: bigint): void {
  const o = i * ROW;
  n.last_epoch_block = rows[o + F.LAST_EPOCH]; n.pending_epoch_at = rows[o + F.PENDING_AT]; n.blocks_since_last_step = rows[o + F.SINCE];
  n.epoch_index = rows[o + F.EPOCH_INDEX]; n.last_mechanism_step_block = rows[o + F.LAST_MECH_STEP];
  n.tao_reserve = rows[o + F.TAO]; n.alpha_reserve = rows[o + F.ALPHA]; n.alpha_out = rows[o + F.ALPHA_OUT];
  n.quote_weight = rows[o + F.QUOTE]; n.pal_swap_initialized = rows[o + F.INIT] !== 0n;
  n.moving_price = BigInt.asIntN(128, (rows[o + F.MP_HI] << 64n) | rows[o + F.MP_LO]);
  n.pending_server = rows[o + F.P_SERVER]; n.pending_validator = rows[o + F.P_VALIDATOR]; n.pending_root = rows[o + F.P_ROOT];
  n.pending_owner_cut = rows[o + F.P_OWNER]; n.protocol_alpha = rows[o + F.PROTOCOL];
  n.unowned_alpha = BigInt.asIntN(64, rows[o + F.UNOWNED]); n.root_unclaimed = rows[o + F.ROOT_UNCLAIMED]; n.untracked_tao = rows[o + F.UNTRACKED];
  n.miner_burned = (rows[o + F.MB_HI] << 64n) | rows[o + F.MB_LO];
  n.protocol_flow = BigInt.asIntN(64, rows[o + F.FLOW]);
  n.volume = (rows[o + F.VOL_HI] << 64n) | rows[o + F.VOL_LO];
  n.alpha_assets_issuance = rows[o + F.AA_ISSUANCE]; n.alpha_assets_burned = rows[o + F.AA_BURNED]; n.alpha_assets_recycled = rows[o + F.AA_RECYCLED];
  n.subnet_account_balance = rows[o + F.ACCOUNT];
  n.root_prop = rows[o + F.RP_SET] !== 0n ? (rows[o + F.RP_HI] << 64n) | rows[o + F.RP_LO] : null;
  n.alpha_in_emission = rows[o + F.E_ALPHA_IN]; n.alpha_out_emission = rows[o + F.E_ALPHA_OUT];
  n.tao_in_emission = rows[o + F.E_TAO_IN]; n.excess_tao = rows[o + F.E_EXCESS];
  n.tao_reservoir = rows[o + F.TAO_RESERVOIR]; n.alpha_reservoir = rows[o + F.ALPHA_RESERVOIR];
  n.ellipse = rows[o + F.HAS_ELLIPSE] === 0n ? null : {
    alpha_scale: (rows[o + F.EL_A_HI] << 64n) | rows[o + F.EL_A_LO], tao_scale: (rows[o + F.EL_B_HI] << 64n) | rows[o + F.EL_B_LO],
    center_alpha: BigInt.asIntN(128, (rows[o + F.EL_CA_HI] << 64n) | rows[o + F.EL_CA_LO]),
    center_tao: BigInt.asIntN(128, (rows[o + F.EL_CT_HI] << 64n) | rows[o + F.EL_CT_LO]),
  };
  const credited = BigInt.asUintN(64, rows[o + F.OWNED] - ownedBase);
  if (credited > 0n) n.stakes.set(n.owner_hotkey, (n.stakes.get(n.owner_hotkey) ?? 0n) + credited);
}
