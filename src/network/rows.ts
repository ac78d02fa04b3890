// The network model's subnets as the rows the core's multi-block coinbase runs on
// (assembly/coinbase/block_step.ts): one row of ROW u64 slots per non-root subnet, written from
// and read back into SubnetState, and the globals block. Slot order must match the F_* and G_*
// offsets of assembly/coinbase/row.ts.

import type { SubnetState } from "./state.js";

export const ROW = 62;
export const F = {
  NETUID: 0, MECH: 1, TEMPO: 2, LAST_EPOCH: 3, PENDING_AT: 4, SINCE: 5, EPOCH_INDEX: 6, LAST_MECH_STEP: 7, EMITS: 8,
  EMISSION_ENABLED: 9, OWNER_CUT_ENABLED: 10, TAO: 11, ALPHA: 12, ALPHA_OUT: 13, QUOTE: 14, INIT: 15, FEE: 16, MP_LO: 17,
  MP_HI: 18, HALVING: 19, START: 20, MB_LO: 21, MB_HI: 22, P_SERVER: 23, P_VALIDATOR: 24, P_ROOT: 25, P_OWNER: 26,
  PROTOCOL: 27, UNOWNED: 28, ROOT_UNCLAIMED: 29, UNTRACKED: 30, OWNED: 31, IN_FLIGHT: 32, CONSISTENT: 33, HOST_DRAIN: 34,
  FLOW: 35, VOL_LO: 36, VOL_HI: 37, AA_ISSUANCE: 38, AA_BURNED: 39, AA_RECYCLED: 40, ACCOUNT: 41, RP_LO: 42, RP_HI: 43,
  RP_SET: 44, E_ALPHA_IN: 45, E_ALPHA_OUT: 46, E_TAO_IN: 47, E_EXCESS: 48, HAS_OWNER: 49,
  T_TAO_IN: 50, T_ALPHA_IN: 51, T_EXCESS: 52, T_ALPHA_EM: 53,
  D_TAO: 54, D_ALPHA: 55, D_QUOTE: 56, D_BUY_OK: 57, D_PAID_IN: 58, D_PAID_OUT: 59, D_BUY_QUOTE: 60, D_BUY_INIT: 61,
} as const;
export const G = {
  BLOCK: 0, ISSUANCE: 1, TAO_MINTED: 2, TAO_RECYCLED: 3, ALPHA_MINTED: 4, ALPHA_RECYCLED: 5, EVENTS: 6, VIOLATIONS: 7,
  FIRST_VIOLATION: 8, VIOLATION_KIND: 9, STOPPED_FOR_HOST: 10, BALANCES: 11, TOTAL_STAKE: 12, BLOCK_EMISSION: 13,
  TAO_EMISSION: 14, ROOT_SELL: 15, ROOT_TAO: 16, TAO_WEIGHT: 17, OWNER_CUT: 18, MAX_EPOCHS: 19, MA_HI: 20, MA_LO: 21,
  MIN_RESERVE: 22, MINT_SET: 23, MINT: 24, HOST_POOL: 25, PHASE: 26, CREDIT: 27, TAO_BEFORE: 28, RECYCLED: 29,
  ACCOUNTED_BEFORE: 30, ISSUANCE_BEFORE: 31, ASSETS_BEFORE: 32, ALPHA_MINTED_BLOCK: 33, ALPHA_RECYCLED_BLOCK: 34,
  ASSETS_MINTED_BLOCK: 35, ASSETS_RECYCLED_BLOCK: 36, HOST_RECYCLED: 37,
} as const;
export const G_SLOTS = 38;
/** G.PHASE: the core stopped inside a block for a caller-supplied pool's answers, or for the host's payouts. */
export const PHASE_POOL = 1n, PHASE_PAYOUT = 2n;
/** What each violation kind of the core's conservation checks names. */
export const VIOLATION_KINDS = ["", "TAO", "alpha issuance", "a subnet's alpha ledger", "a subnet's alpha asset issuance"];
export const EV = 7;

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
  rows[o + F.CONSISTENT] = n.neurons === null || new Set(n.neurons.hotkeys).size === n.neurons.hotkeys.length ? 1n : 0n;
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
  const credited = BigInt.asUintN(64, rows[o + F.OWNED] - ownedBase);
  if (credited > 0n) n.stakes.set(n.owner_hotkey, (n.stakes.get(n.owner_hotkey) ?? 0n) + credited);
}
