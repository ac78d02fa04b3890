// Entry points of the coinbase: block_step over many blocks (c_run_blocks, the network model's),
// distribute_emission's arithmetic for an epoch result (c_distribute_emission), and the single
// pieces the API offers on their own (subnet emission shares, subnet terms, the alpha-out split,
// the epoch schedule, the moving price, the payout parts). 128-bit values sit in memory as
// (lo, hi) word pairs; arrays are allocated by the host.

import { subnetBlockEmissions } from "../coinbase/shares";
import { subnetTerms, rootProportion, taoWeightU96 } from "../coinbase/terms";
import { splitAlphaOut, outOwner, outServer, outValidator, outRoot } from "../coinbase/alpha_out";
import { scheduleBlock, blocksUntilNextAutoEpoch, nextEpochStartBlock, shouldRunEpoch, epochTrigger, legacyLastEpochBlock, legacyEpochIndex, legacyBlocksUntilNextEpoch, MAX_TEMPO } from "../coinbase/schedule";
import { C_LEGACY_BLOCKS_UNTIL_NEXT_EPOCH_IN_NETUID, C_LEGACY_BLOCKS_UNTIL_NEXT_EPOCH_IN_TEMPO, C_LEGACY_BLOCKS_UNTIL_NEXT_EPOCH_IN_BLOCK, C_LEGACY_BLOCKS_UNTIL_NEXT_EPOCH_OUT_BLOCKS, C_LEGACY_BLOCKS_UNTIL_NEXT_EPOCH_OUT_SLOTS } from "./layout";
import { C_EPOCH_TRIGGER_IN_TEMPO, C_EPOCH_TRIGGER_IN_LAST_EPOCH_BLOCK, C_EPOCH_TRIGGER_IN_PENDING_EPOCH_AT, C_EPOCH_TRIGGER_IN_BLOCKS_SINCE_LAST_STEP, C_EPOCH_TRIGGER_IN_BLOCK, C_EPOCH_TRIGGER_IN_RULES_473, C_EPOCH_TRIGGER_OUT_TRIGGER, C_EPOCH_TRIGGER_OUT_SLOTS,
  C_RUN_BLOCKS_IN_N, C_RUN_BLOCKS_IN_ROWS, C_RUN_BLOCKS_IN_GLOBALS, C_RUN_BLOCKS_IN_BLOCKS, C_RUN_BLOCKS_IN_EVENTS, C_RUN_BLOCKS_IN_CAP, C_RUN_BLOCKS_OUT_DONE, C_RUN_BLOCKS_OUT_SLOTS } from "./layout";
import { movingAlphaPrice, cvHi, cvLo } from "../coinbase/moving_price";
import { rHi, rLo } from "../fixed/i128";
import { splitPot } from "../coinbase/payout";
import { adjustEllipse, adjustBalancer, activeTao, activeAlpha } from "../swap/protocol_liquidity";
import { Ellipse } from "../swap/superellipse";
import { dividendDistribution, payDividends } from "../coinbase/dividends";
import { inheritedAlpha, parentChildDividends, ckBurned } from "../coinbase/parent_child";
import { alloc, sz } from "../arena";
import { runBlocks } from "../coinbase/block_step";
import { distributeEmission } from "../coinbase/distribute_emission";
import {
  ROW, G_SLOTS, F_NETUID, F_MECH, F_TEMPO, F_LAST_EPOCH, F_PENDING_AT, F_SINCE, F_EPOCH_INDEX, F_LAST_MECH_STEP, F_EMITS, F_EMISSION_ENABLED, F_OWNER_CUT_ENABLED, F_TAO, F_ALPHA, F_ALPHA_OUT, F_QUOTE, F_INIT, F_FEE, F_MP_LO, F_MP_HI, F_HALVING, F_START, F_MB_LO, F_MB_HI, F_P_SERVER, F_P_VALIDATOR, F_P_ROOT, F_P_OWNER, F_PROTOCOL, F_UNOWNED, F_ROOT_UNCLAIMED, F_UNTRACKED, F_OWNED, F_IN_FLIGHT, F_CONSISTENT, F_HOST_DRAIN, F_FLOW, F_VOL_LO, F_VOL_HI, F_AA_ISSUANCE, F_AA_BURNED, F_AA_RECYCLED, F_ACCOUNT, F_RP_LO, F_RP_HI, F_RP_SET, F_E_ALPHA_IN, F_E_ALPHA_OUT, F_E_TAO_IN, F_E_EXCESS, F_HAS_OWNER, F_T_TAO_IN, F_T_ALPHA_IN, F_T_EXCESS, F_T_ALPHA_EM, F_D_TAO, F_D_ALPHA, F_D_QUOTE, F_D_BUY_OK, F_D_PAID_IN, F_D_PAID_OUT, F_D_BUY_QUOTE, F_D_BUY_INIT,
  G_BLOCK, G_ISSUANCE, G_TAO_MINTED, G_TAO_RECYCLED, G_ALPHA_MINTED, G_ALPHA_RECYCLED, G_EVENTS, G_VIOLATIONS, G_FIRST_VIOLATION, G_VIOLATION_KIND, G_STOPPED_FOR_HOST, G_BALANCES, G_TOTAL_STAKE, G_BLOCK_EMISSION, G_TAO_EMISSION, G_ROOT_SELL, G_ROOT_TAO, G_TAO_WEIGHT, G_OWNER_CUT, G_MAX_EPOCHS, G_MA_HI, G_MA_LO, G_MIN_RESERVE, G_MINT_SET, G_MINT, G_HOST_POOL, G_PHASE, G_CREDIT, G_TAO_BEFORE, G_RECYCLED, G_ACCOUNTED_BEFORE, G_ISSUANCE_BEFORE, G_ASSETS_BEFORE, G_ALPHA_MINTED_BLOCK, G_ALPHA_RECYCLED_BLOCK, G_ASSETS_MINTED_BLOCK, G_ASSETS_RECYCLED_BLOCK, G_HOST_RECYCLED,
  F_TAO_RESERVOIR, F_ALPHA_RESERVOIR, F_HAS_ELLIPSE, F_EL_A_HI, F_EL_A_LO, F_EL_B_HI, F_EL_B_LO, F_EL_CA_HI, F_EL_CA_LO, F_EL_CT_HI, F_EL_CT_LO, G_RULES,
} from "../coinbase/row";
import { scratchBegin } from "../bigint/scratch";
import { slot, setSlot, newHeader } from "./memory";

/** Shares and TAO per subnet; returns 1 when the network sells root alpha (Σ EMA price > 1). */
export function c_subnet_block_emissions(n: i32, price: usize, minerBurned: usize, enabled: usize, blockEmission: u64, shares: usize, taoEmission: usize): i32 {
  return subnetBlockEmissions(n, price, minerBurned, enabled, blockEmission, shares, taoEmission) ? 1 : 0;
}

export function c_subnet_terms(
  n: i32, taoEmission: usize, alphaIssuance: usize, price: usize, rootTao: u64, taoWeight: u64,
  alphaEmission: usize, taoIn: usize, alphaIn: usize, excessTao: usize, rootProp: usize,
): void {
  subnetTerms(n, taoEmission, alphaIssuance, price, rootTao, taoWeight, alphaEmission, taoIn, alphaIn, excessTao, rootProp);
}

/** root_proportion (U96F32) written as (lo, hi) to out. */
export function c_root_proportion(rootTao: u64, taoWeight: u64, alphaIssuance: u64, out: usize): void {
  taoWeightU96(taoWeight);
  rootProportion(rootTao, rHi, rLo, alphaIssuance);
  store<u64>(out, rLo); store<u64>(out + 8, rHi);
}

/** Owner cut, pending server, pending validator and root alpha (u64 each) written to out[0..4]. */
export function c_split_alpha_out(alphaOut: u64, ownerCutEnabled: i32, ownerCut: i32, rootTao: u64, taoWeight: u64, alphaIssuanceAfter: u64, out: usize): void {
  splitAlphaOut(alphaOut, ownerCutEnabled != 0, <u32>ownerCut, rootTao, taoWeight, alphaIssuanceAfter);
  store<u64>(out, outOwner); store<u64>(out + 8, outServer); store<u64>(out + 16, outValidator); store<u64>(out + 24, outRoot);
}

export function c_schedule_block(
  n: i32, block: u64, maxEpochsPerBlock: i32, tempo: usize, lastEpochBlock: usize, pendingEpochAt: usize,
  blocksSinceLastStep: usize, epochIndex: usize, consistent: usize, outcome: usize,
): i32 {
  return scheduleBlock(n, block, <u32>maxEpochsPerBlock, tempo, lastEpochBlock, pendingEpochAt, blocksSinceLastStep, epochIndex, consistent, outcome);
}

export function c_should_run_epoch(tempo: i32, lastEpochBlock: u64, pendingEpochAt: u64, blocksSinceLastStep: u64, block: u64): i32 {
  return shouldRunEpoch(<u32>tempo, lastEpochBlock, pendingEpochAt, blocksSinceLastStep, block) ? 1 : 0;
}
/** should_run_epoch's clause: 0 not due, 1 PendingEpochAt, 2 the MAX_TEMPO safety net, 3 tempo. */
export function c_epoch_trigger(h: usize): usize {
  const tempo = <u32>slot(h, C_EPOCH_TRIGGER_IN_TEMPO);
  const safetyNetAbove = slot(h, C_EPOCH_TRIGGER_IN_RULES_473) != 0 ? <u64>tempo : MAX_TEMPO;
  const t = epochTrigger(tempo, slot(h, C_EPOCH_TRIGGER_IN_LAST_EPOCH_BLOCK), slot(h, C_EPOCH_TRIGGER_IN_PENDING_EPOCH_AT),
    slot(h, C_EPOCH_TRIGGER_IN_BLOCKS_SINCE_LAST_STEP), slot(h, C_EPOCH_TRIGGER_IN_BLOCK), safetyNetAbove);
  const out = newHeader(C_EPOCH_TRIGGER_OUT_SLOTS);
  setSlot(out, C_EPOCH_TRIGGER_OUT_TRIGGER, <u64>t);
  return out;
}
/** get_moving_alpha_price of n subnets: netuids/mechanisms u16[n], stored I96F32[n] -> U64F64[n] (lo, hi pairs). */
export function c_moving_alpha_prices(n: i32, netuids: usize, mechanisms: usize, stored: usize, out: usize): void {
  for (let i = 0; i < n; i++) {
    const o = <usize>i << 4;
    movingAlphaPrice(<u32>load<u16>(netuids + (<usize>i << 1)), <u32>load<u16>(mechanisms + (<usize>i << 1)), load<u64>(stored + o + 8), load<u64>(stored + o));
    store<u64>(out + o, cvLo); store<u64>(out + o + 8, cvHi);
  }
}
export function c_blocks_until_next_auto_epoch(tempo: i32, lastEpochBlock: u64, block: u64): u64 { return blocksUntilNextAutoEpoch(<u32>tempo, lastEpochBlock, block); }
export function c_next_epoch_start_block(tempo: i32, lastEpochBlock: u64, pendingEpochAt: u64): u64 { return nextEpochStartBlock(<u32>tempo, lastEpochBlock, pendingEpochAt); }

/** Splits `pot` by the proportions of weights u64[n] into out u64[n]; returns the total paid. */
export function c_split_pot(n: i32, weights: usize, pot: u64, out: usize): u64 { return splitPot(n, weights, pot, out); }

/**
 * The swap pallet's adjust_protocol_liquidity after 425 (swap/protocol_liquidity.ts) on one row of
 * the coinbase_row layout, updated in place (reservoirs, weight, ellipse, init flag); rules 459 or
 * 473. out u64[3]: accepted (1/0), price-active TAO, price-active alpha.
 */
export function c_adjust_protocol_liquidity(row: usize, rules: i32, taoDelta: u64, alphaDelta: u64, out: usize): void {
  scratchBegin();
  const ok = rules >= 473 ? adjustEllipse(row, taoDelta, alphaDelta, new Ellipse()) : adjustBalancer(row, taoDelta, alphaDelta);
  store<u64>(out, ok ? 1 : 0); store<u64>(out, activeTao, 8); store<u64>(out, activeAlpha, 16);
}

/** calculate_dividend_distribution; tao weight as U96F32 (twHi, twLo); outputs U96F32[n] each. */
export function c_dividend_distribution(
  n: i32, dividend: usize, alphaStake: usize, rootStake: usize, twHi: u64, twLo: u64,
  pendingAlpha: u64, pendingRoot: u64, alphaDiv: usize, rootDiv: usize,
): void {
  dividendDistribution(n, dividend, alphaStake, rootStake, twHi, twLo, pendingAlpha, pendingRoot, alphaDiv, rootDiv);
}

/** U96F32 tao weight from the stored TaoWeight u64, written as (lo, hi) to out. */
export function c_tao_weight(taoWeight: u64, out: usize): void {
  taoWeightU96(taoWeight);
  store<u64>(out, rLo); store<u64>(out + 8, rHi);
}

export function c_inherited_alpha(alpha: u64, nc: i32, childProps: usize, np: i32, parentProps: usize, parentAlpha: usize): u64 {
  return inheritedAlpha(alpha, nc, childProps, np, parentProps, parentAlpha);
}

/** Parent/child dividend split; writes parent amounts to parentOut, out[0] = child amount, out[1] = CKBurn recycled. */
export function c_parent_child_dividends(
  dividend: u64, alpha: u64, root: u64, nc: i32, childProps: usize,
  np: i32, parentProps: usize, parentAlpha: usize, parentRoot: usize, sameOwner: usize,
  childkeyTake: i32, ckBurn: u64, taoWeight: u64, parentOut: usize, out: usize,
): void {
  const scratch = alloc(sz(np) << 4);
  const child = parentChildDividends(dividend, alpha, root, nc, childProps, np, parentProps, parentAlpha, parentRoot, sameOwner, <u32>childkeyTake, ckBurn, taoWeight, parentOut, scratch);
  store<u64>(out, child); store<u64>(out + 8, ckBurned);
}

/**
 * One epoch's validator payout per hotkey: dividend split (calculate_dividend_distribution) then
 * the take split (distribute_dividends_and_incentives). Writes alphaCredited u64[n], rootClaimable u64[n].
 */
export function c_validator_payout(
  n: i32, dividend: usize, alphaStake: usize, rootStake: usize, taoWeight: u64, pendingAlpha: u64, pendingRoot: u64,
  take: usize, alphaCredited: usize, rootClaimable: usize, parts: usize,
): void {
  const m = sz(n) << 4;
  const ad = alloc(m), rd = alloc(m);
  taoWeightU96(taoWeight);
  dividendDistribution(n, dividend, alphaStake, rootStake, rHi, rLo, pendingAlpha, pendingRoot, ad, rd);
  payDividends(n, ad, rd, take, alphaCredited, rootClaimable, parts);
}

/** dynamic_tempo_v1 migration: LastEpochBlock (returned) and SubnetEpochIndex (out[0]) from the legacy schedule. */
export function c_legacy_last_epoch_block(netuid: i32, tempo: i32, block: u64, out: usize): u64 {
  const r = legacyLastEpochBlock(<u32>netuid, <u32>tempo, block);
  store<u64>(out, legacyEpochIndex);
  return r;
}

/** Many blocks of block_step for all subnets in one call (coinbase/block_step.ts); out: the blocks run. */
export function c_run_blocks(h: usize): usize {
  scratchBegin();
  const done = runBlocks(<i32>slot(h, C_RUN_BLOCKS_IN_N), <usize>slot(h, C_RUN_BLOCKS_IN_ROWS), <usize>slot(h, C_RUN_BLOCKS_IN_GLOBALS),
    <i32>slot(h, C_RUN_BLOCKS_IN_BLOCKS), <usize>slot(h, C_RUN_BLOCKS_IN_EVENTS), <i32>slot(h, C_RUN_BLOCKS_IN_CAP));
  const out = newHeader(C_RUN_BLOCKS_OUT_SLOTS);
  setSlot(out, C_RUN_BLOCKS_OUT_DONE, <u64>done);
  return out;
}

/** distribute_emission's arithmetic for one subnet's epoch result (coinbase/distribute_emission.ts has the layout). */
export function c_distribute_emission(
  n: i32, uidHotkey: usize, server: usize, validator: usize,
  h: i32, alpha: usize, root: usize, take: usize, childkeyTake: usize, withhold: usize, owner: usize,
  childStart: usize, childProp: usize, parentStart: usize, parentProp: usize, parentIdx: usize, params: usize,
  incentivePaid: usize, recipient: usize, alphaTake: usize, alphaRest: usize, rootTake: usize, rootClaimable: usize, summary: usize,
  rootUid: usize,
): void {
  distributeEmission(n, uidHotkey, server, validator, h, alpha, root, take, childkeyTake, withhold, owner, childStart, childProp,
    parentStart, parentProp, parentIdx, params, incentivePaid, recipient, alphaTake, alphaRest, rootTake, rootClaimable, summary, rootUid);
}

/**
 * The row and globals layout (coinbase/row.ts) as the host must mirror it: out[0] = ROW,
 * out[1] = G_SLOTS, then every F_* offset in slot order, then every G_* offset in slot order.
 * Returns the number of values written.
 */
export function c_coinbase_layout(out: usize): i32 {
  const v: u64[] = [<u64>ROW, <u64>G_SLOTS, F_NETUID, F_MECH, F_TEMPO, F_LAST_EPOCH, F_PENDING_AT, F_SINCE, F_EPOCH_INDEX, F_LAST_MECH_STEP, F_EMITS, F_EMISSION_ENABLED, F_OWNER_CUT_ENABLED, F_TAO, F_ALPHA, F_ALPHA_OUT, F_QUOTE, F_INIT, F_FEE, F_MP_LO, F_MP_HI, F_HALVING, F_START, F_MB_LO, F_MB_HI, F_P_SERVER, F_P_VALIDATOR, F_P_ROOT, F_P_OWNER, F_PROTOCOL, F_UNOWNED, F_ROOT_UNCLAIMED, F_UNTRACKED, F_OWNED, F_IN_FLIGHT, F_CONSISTENT, F_HOST_DRAIN, F_FLOW, F_VOL_LO, F_VOL_HI, F_AA_ISSUANCE, F_AA_BURNED, F_AA_RECYCLED, F_ACCOUNT, F_RP_LO, F_RP_HI, F_RP_SET, F_E_ALPHA_IN, F_E_ALPHA_OUT, F_E_TAO_IN, F_E_EXCESS, F_HAS_OWNER, F_T_TAO_IN, F_T_ALPHA_IN, F_T_EXCESS, F_T_ALPHA_EM, F_D_TAO, F_D_ALPHA, F_D_QUOTE, F_D_BUY_OK, F_D_PAID_IN, F_D_PAID_OUT, F_D_BUY_QUOTE, F_D_BUY_INIT, F_TAO_RESERVOIR, F_ALPHA_RESERVOIR, F_HAS_ELLIPSE, F_EL_A_HI, F_EL_A_LO, F_EL_B_HI, F_EL_B_LO, F_EL_CA_HI, F_EL_CA_LO, F_EL_CT_HI, F_EL_CT_LO, G_BLOCK, G_ISSUANCE, G_TAO_MINTED, G_TAO_RECYCLED, G_ALPHA_MINTED, G_ALPHA_RECYCLED, G_EVENTS, G_VIOLATIONS, G_FIRST_VIOLATION, G_VIOLATION_KIND, G_STOPPED_FOR_HOST, G_BALANCES, G_TOTAL_STAKE, G_BLOCK_EMISSION, G_TAO_EMISSION, G_ROOT_SELL, G_ROOT_TAO, G_TAO_WEIGHT, G_OWNER_CUT, G_MAX_EPOCHS, G_MA_HI, G_MA_LO, G_MIN_RESERVE, G_MINT_SET, G_MINT, G_HOST_POOL, G_PHASE, G_CREDIT, G_TAO_BEFORE, G_RECYCLED, G_ACCOUNTED_BEFORE, G_ISSUANCE_BEFORE, G_ASSETS_BEFORE, G_ALPHA_MINTED_BLOCK, G_ALPHA_RECYCLED_BLOCK, G_ASSETS_MINTED_BLOCK, G_ASSETS_RECYCLED_BLOCK, G_HOST_RECYCLED, G_RULES];
  for (let i = 0; i < v.length; i++) store<u64>(out + (<usize>i << 3), v[i]);
  return v.length;
}

/** The legacy epoch rule (runtimes up to 343). */
export function c_legacy_blocks_until_next_epoch(h: usize): usize {
  const out = newHeader(C_LEGACY_BLOCKS_UNTIL_NEXT_EPOCH_OUT_SLOTS);
  setSlot(out, C_LEGACY_BLOCKS_UNTIL_NEXT_EPOCH_OUT_BLOCKS, legacyBlocksUntilNextEpoch(<u32>slot(h, C_LEGACY_BLOCKS_UNTIL_NEXT_EPOCH_IN_NETUID),
    <u32>slot(h, C_LEGACY_BLOCKS_UNTIL_NEXT_EPOCH_IN_TEMPO), slot(h, C_LEGACY_BLOCKS_UNTIL_NEXT_EPOCH_IN_BLOCK)));
  return out;
}
