// Entry points of the coinbase: block_step over many blocks (c_run_blocks, the network model's),
// distribute_emission's arithmetic for an epoch result (c_distribute_emission), and the single
// pieces the API offers on their own (subnet emission shares, subnet terms, the alpha-out split,
// the epoch schedule, the moving price, the payout parts). Header convention (boundary.json):
// inputs by slot, scalar results in the output header, arrays the core fills returned as ptr
// slots; buffers the entry updates in place (rows, globals, schedule storage) are input ptrs.
// 128-bit values sit in memory as (lo, hi) word pairs.

import { subnetBlockEmissions } from "../coinbase/shares";
import { subnetTerms, rootProportion, taoWeightU96 } from "../coinbase/terms";
import { splitAlphaOut, outOwner, outServer, outValidator, outRoot } from "../coinbase/alpha_out";
import { scheduleBlock, blocksUntilNextAutoEpoch, nextEpochStartBlock, epochTrigger, legacyLastEpochBlock, legacyEpochIndex, legacyBlocksUntilNextEpoch, MAX_TEMPO } from "../coinbase/schedule";
import { movingAlphaPrice, cvHi, cvLo } from "../coinbase/moving_price";
import { rHi, rLo } from "../fixed/i128";
import { splitPot } from "../coinbase/payout";
import { adjustEllipse, adjustBalancer, activeTao, activeAlpha } from "../swap/protocol_liquidity";
import { Ellipse } from "../swap/superellipse";
import { dividendDistribution, payDividends } from "../coinbase/dividends";
import { inheritedAlpha, parentChildDividends, ckBurned } from "../coinbase/parent_child";
import { alloc, allocZeroed, sz } from "../arena";
import { runBlocks } from "../coinbase/block_step";
import { distributeEmission } from "../coinbase/distribute_emission";
import { scratchBegin } from "../bigint/scratch";
import { slot } from "./memory";
import { result, put, putBool, put128 } from "./result";
import * as L from "./layout";

// @ts-ignore: decorator
@inline function ptr(h: usize, i: i32): usize { return <usize>slot(h, i); }
// @ts-ignore: decorator
@inline function i32Of(h: usize, i: i32): i32 { return <i32>slot(h, i); }

/** Shares and TAO per subnet, and the root sell flag (Σ EMA price > 1). */
export function c_subnet_block_emissions(h: usize): usize {
  const n = i32Of(h, L.C_SUBNET_BLOCK_EMISSIONS_IN_N);
  const shares = allocZeroed(sz(n) << 4), tao = allocZeroed(sz(n) << 4);
  const sell = subnetBlockEmissions(n, ptr(h, L.C_SUBNET_BLOCK_EMISSIONS_IN_PRICE), ptr(h, L.C_SUBNET_BLOCK_EMISSIONS_IN_MINER_BURNED),
    ptr(h, L.C_SUBNET_BLOCK_EMISSIONS_IN_ENABLED), slot(h, L.C_SUBNET_BLOCK_EMISSIONS_IN_BLOCK_EMISSION), shares, tao);
  const o = result(L.C_SUBNET_BLOCK_EMISSIONS_OUT_SLOTS);
  put(o, L.C_SUBNET_BLOCK_EMISSIONS_OUT_SHARES, shares); put(o, L.C_SUBNET_BLOCK_EMISSIONS_OUT_TAO_EMISSION, tao);
  putBool(o, L.C_SUBNET_BLOCK_EMISSIONS_OUT_ROOT_SELL, sell);
  return o;
}

export function c_subnet_terms(h: usize): usize {
  const n = i32Of(h, L.C_SUBNET_TERMS_IN_N);
  const ae = allocZeroed(sz(n) << 3), ti = allocZeroed(sz(n) << 4), ai = allocZeroed(sz(n) << 4), ex = allocZeroed(sz(n) << 4), rp = allocZeroed(sz(n) << 4);
  subnetTerms(n, ptr(h, L.C_SUBNET_TERMS_IN_TAO_EMISSION), ptr(h, L.C_SUBNET_TERMS_IN_ALPHA_ISSUANCE), ptr(h, L.C_SUBNET_TERMS_IN_PRICE),
    slot(h, L.C_SUBNET_TERMS_IN_ROOT_TAO), slot(h, L.C_SUBNET_TERMS_IN_TAO_WEIGHT), ae, ti, ai, ex, rp);
  const o = result(L.C_SUBNET_TERMS_OUT_SLOTS);
  put(o, L.C_SUBNET_TERMS_OUT_ALPHA_EMISSION, ae); put(o, L.C_SUBNET_TERMS_OUT_TAO_IN, ti); put(o, L.C_SUBNET_TERMS_OUT_ALPHA_IN, ai);
  put(o, L.C_SUBNET_TERMS_OUT_EXCESS_TAO, ex); put(o, L.C_SUBNET_TERMS_OUT_ROOT_PROPORTION, rp);
  return o;
}

export function c_root_proportion(h: usize): usize {
  taoWeightU96(slot(h, L.C_ROOT_PROPORTION_IN_TAO_WEIGHT));
  rootProportion(slot(h, L.C_ROOT_PROPORTION_IN_ROOT_TAO), rHi, rLo, slot(h, L.C_ROOT_PROPORTION_IN_ALPHA_ISSUANCE));
  const o = result(L.C_ROOT_PROPORTION_OUT_SLOTS);
  put128(o, L.C_ROOT_PROPORTION_OUT_ROOT_PROPORTION_LO, L.C_ROOT_PROPORTION_OUT_ROOT_PROPORTION_HI, rLo, rHi);
  return o;
}

export function c_split_alpha_out(h: usize): usize {
  splitAlphaOut(slot(h, L.C_SPLIT_ALPHA_OUT_IN_ALPHA_OUT), slot(h, L.C_SPLIT_ALPHA_OUT_IN_OWNER_CUT_ENABLED) != 0, <u32>slot(h, L.C_SPLIT_ALPHA_OUT_IN_OWNER_CUT),
    slot(h, L.C_SPLIT_ALPHA_OUT_IN_ROOT_TAO), slot(h, L.C_SPLIT_ALPHA_OUT_IN_TAO_WEIGHT), slot(h, L.C_SPLIT_ALPHA_OUT_IN_ALPHA_ISSUANCE_AFTER));
  const o = result(L.C_SPLIT_ALPHA_OUT_OUT_SLOTS);
  put(o, L.C_SPLIT_ALPHA_OUT_OUT_OWNER_CUT, outOwner); put(o, L.C_SPLIT_ALPHA_OUT_OUT_SERVER, outServer);
  put(o, L.C_SPLIT_ALPHA_OUT_OUT_VALIDATOR, outValidator); put(o, L.C_SPLIT_ALPHA_OUT_OUT_ROOT_ALPHA, outRoot);
  return o;
}

export function c_schedule_block(h: usize): usize {
  const n = i32Of(h, L.C_SCHEDULE_BLOCK_IN_N);
  const outcome = allocZeroed(sz(n));
  const ran = scheduleBlock(n, slot(h, L.C_SCHEDULE_BLOCK_IN_BLOCK), <u32>slot(h, L.C_SCHEDULE_BLOCK_IN_MAX_EPOCHS_PER_BLOCK), ptr(h, L.C_SCHEDULE_BLOCK_IN_TEMPO),
    ptr(h, L.C_SCHEDULE_BLOCK_IN_LAST_EPOCH_BLOCK), ptr(h, L.C_SCHEDULE_BLOCK_IN_PENDING_EPOCH_AT), ptr(h, L.C_SCHEDULE_BLOCK_IN_BLOCKS_SINCE_LAST_STEP),
    ptr(h, L.C_SCHEDULE_BLOCK_IN_EPOCH_INDEX), ptr(h, L.C_SCHEDULE_BLOCK_IN_CONSISTENT), outcome);
  const o = result(L.C_SCHEDULE_BLOCK_OUT_SLOTS);
  put(o, L.C_SCHEDULE_BLOCK_OUT_OUTCOME, outcome); put(o, L.C_SCHEDULE_BLOCK_OUT_RAN, <u64>ran);
  return o;
}

/** should_run_epoch's clause: 0 not due, 1 PendingEpochAt, 2 the safety net (MAX_TEMPO; tempo at 473), 3 tempo. */
export function c_epoch_trigger(h: usize): usize {
  const tempo = <u32>slot(h, L.C_EPOCH_TRIGGER_IN_TEMPO);
  const safetyNetAbove = slot(h, L.C_EPOCH_TRIGGER_IN_RULES_473) != 0 ? <u64>tempo : MAX_TEMPO;
  const t = epochTrigger(tempo, slot(h, L.C_EPOCH_TRIGGER_IN_LAST_EPOCH_BLOCK), slot(h, L.C_EPOCH_TRIGGER_IN_PENDING_EPOCH_AT),
    slot(h, L.C_EPOCH_TRIGGER_IN_BLOCKS_SINCE_LAST_STEP), slot(h, L.C_EPOCH_TRIGGER_IN_BLOCK), safetyNetAbove);
  const o = result(L.C_EPOCH_TRIGGER_OUT_SLOTS);
  put(o, L.C_EPOCH_TRIGGER_OUT_TRIGGER, <u64>t);
  return o;
}

export function c_moving_alpha_prices(h: usize): usize {
  const n = i32Of(h, L.C_MOVING_ALPHA_PRICES_IN_N);
  const netuids = ptr(h, L.C_MOVING_ALPHA_PRICES_IN_NETUIDS), mechanisms = ptr(h, L.C_MOVING_ALPHA_PRICES_IN_MECHANISMS), stored = ptr(h, L.C_MOVING_ALPHA_PRICES_IN_STORED);
  const prices = allocZeroed(sz(n) << 4);
  for (let i = 0; i < n; i++) {
    const k = <usize>i << 4;
    movingAlphaPrice(<u32>load<u16>(netuids + (<usize>i << 1)), <u32>load<u16>(mechanisms + (<usize>i << 1)), load<u64>(stored + k + 8), load<u64>(stored + k));
    store<u64>(prices + k, cvLo); store<u64>(prices + k + 8, cvHi);
  }
  const o = result(L.C_MOVING_ALPHA_PRICES_OUT_SLOTS);
  put(o, L.C_MOVING_ALPHA_PRICES_OUT_PRICES, prices);
  return o;
}

export function c_blocks_until_next_auto_epoch(h: usize): usize {
  const o = result(L.C_BLOCKS_UNTIL_NEXT_AUTO_EPOCH_OUT_SLOTS);
  put(o, L.C_BLOCKS_UNTIL_NEXT_AUTO_EPOCH_OUT_BLOCKS, blocksUntilNextAutoEpoch(<u32>slot(h, L.C_BLOCKS_UNTIL_NEXT_AUTO_EPOCH_IN_TEMPO),
    slot(h, L.C_BLOCKS_UNTIL_NEXT_AUTO_EPOCH_IN_LAST_EPOCH_BLOCK), slot(h, L.C_BLOCKS_UNTIL_NEXT_AUTO_EPOCH_IN_BLOCK)));
  return o;
}

export function c_next_epoch_start_block(h: usize): usize {
  const o = result(L.C_NEXT_EPOCH_START_BLOCK_OUT_SLOTS);
  put(o, L.C_NEXT_EPOCH_START_BLOCK_OUT_BLOCK, nextEpochStartBlock(<u32>slot(h, L.C_NEXT_EPOCH_START_BLOCK_IN_TEMPO),
    slot(h, L.C_NEXT_EPOCH_START_BLOCK_IN_LAST_EPOCH_BLOCK), slot(h, L.C_NEXT_EPOCH_START_BLOCK_IN_PENDING_EPOCH_AT)));
  return o;
}

export function c_split_pot(h: usize): usize {
  const n = i32Of(h, L.C_SPLIT_POT_IN_N);
  const shares = allocZeroed(sz(n) << 3);
  const paid = splitPot(n, ptr(h, L.C_SPLIT_POT_IN_WEIGHTS), slot(h, L.C_SPLIT_POT_IN_POT), shares);
  const o = result(L.C_SPLIT_POT_OUT_SLOTS);
  put(o, L.C_SPLIT_POT_OUT_SHARES, shares); put(o, L.C_SPLIT_POT_OUT_PAID, paid);
  return o;
}

export function c_adjust_protocol_liquidity(h: usize): usize {
  scratchBegin();
  const row = ptr(h, L.C_ADJUST_PROTOCOL_LIQUIDITY_IN_ROW);
  const taoDelta = slot(h, L.C_ADJUST_PROTOCOL_LIQUIDITY_IN_TAO_DELTA), alphaDelta = slot(h, L.C_ADJUST_PROTOCOL_LIQUIDITY_IN_ALPHA_DELTA);
  const ok = slot(h, L.C_ADJUST_PROTOCOL_LIQUIDITY_IN_RULES) >= 473 ? adjustEllipse(row, taoDelta, alphaDelta, new Ellipse()) : adjustBalancer(row, taoDelta, alphaDelta);
  const o = result(L.C_ADJUST_PROTOCOL_LIQUIDITY_OUT_SLOTS);
  putBool(o, L.C_ADJUST_PROTOCOL_LIQUIDITY_OUT_ACCEPTED, ok);
  put(o, L.C_ADJUST_PROTOCOL_LIQUIDITY_OUT_TAO, activeTao); put(o, L.C_ADJUST_PROTOCOL_LIQUIDITY_OUT_ALPHA, activeAlpha);
  return o;
}

export function c_dividend_distribution(h: usize): usize {
  const n = i32Of(h, L.C_DIVIDEND_DISTRIBUTION_IN_N);
  const ad = allocZeroed(sz(n) << 4), rd = allocZeroed(sz(n) << 4);
  dividendDistribution(n, ptr(h, L.C_DIVIDEND_DISTRIBUTION_IN_DIVIDEND), ptr(h, L.C_DIVIDEND_DISTRIBUTION_IN_ALPHA_STAKE), ptr(h, L.C_DIVIDEND_DISTRIBUTION_IN_ROOT_STAKE),
    slot(h, L.C_DIVIDEND_DISTRIBUTION_IN_TAO_WEIGHT_HI), slot(h, L.C_DIVIDEND_DISTRIBUTION_IN_TAO_WEIGHT_LO),
    slot(h, L.C_DIVIDEND_DISTRIBUTION_IN_PENDING_ALPHA), slot(h, L.C_DIVIDEND_DISTRIBUTION_IN_PENDING_ROOT), ad, rd);
  const o = result(L.C_DIVIDEND_DISTRIBUTION_OUT_SLOTS);
  put(o, L.C_DIVIDEND_DISTRIBUTION_OUT_ALPHA_DIVIDEND, ad); put(o, L.C_DIVIDEND_DISTRIBUTION_OUT_ROOT_DIVIDEND, rd);
  return o;
}

export function c_tao_weight(h: usize): usize {
  taoWeightU96(slot(h, L.C_TAO_WEIGHT_IN_TAO_WEIGHT));
  const o = result(L.C_TAO_WEIGHT_OUT_SLOTS);
  put128(o, L.C_TAO_WEIGHT_OUT_VALUE_LO, L.C_TAO_WEIGHT_OUT_VALUE_HI, rLo, rHi);
  return o;
}

export function c_inherited_alpha(h: usize): usize {
  const o = result(L.C_INHERITED_ALPHA_OUT_SLOTS);
  put(o, L.C_INHERITED_ALPHA_OUT_INHERITED, inheritedAlpha(slot(h, L.C_INHERITED_ALPHA_IN_ALPHA), i32Of(h, L.C_INHERITED_ALPHA_IN_NC), ptr(h, L.C_INHERITED_ALPHA_IN_CHILD_PROPORTIONS),
    i32Of(h, L.C_INHERITED_ALPHA_IN_NP), ptr(h, L.C_INHERITED_ALPHA_IN_PARENT_PROPORTIONS), ptr(h, L.C_INHERITED_ALPHA_IN_PARENT_ALPHA)));
  return o;
}

export function c_parent_child_dividends(h: usize): usize {
  const np = i32Of(h, L.C_PARENT_CHILD_DIVIDENDS_IN_NP);
  const scratch = alloc(sz(np) << 4), parents = allocZeroed(sz(np) << 3);
  const child = parentChildDividends(slot(h, L.C_PARENT_CHILD_DIVIDENDS_IN_DIVIDEND), slot(h, L.C_PARENT_CHILD_DIVIDENDS_IN_ALPHA), slot(h, L.C_PARENT_CHILD_DIVIDENDS_IN_ROOT),
    i32Of(h, L.C_PARENT_CHILD_DIVIDENDS_IN_NC), ptr(h, L.C_PARENT_CHILD_DIVIDENDS_IN_CHILD_PROPORTIONS), np, ptr(h, L.C_PARENT_CHILD_DIVIDENDS_IN_PARENT_PROPORTIONS),
    ptr(h, L.C_PARENT_CHILD_DIVIDENDS_IN_PARENT_ALPHA), ptr(h, L.C_PARENT_CHILD_DIVIDENDS_IN_PARENT_ROOT), ptr(h, L.C_PARENT_CHILD_DIVIDENDS_IN_SAME_OWNER),
    <u32>slot(h, L.C_PARENT_CHILD_DIVIDENDS_IN_CHILDKEY_TAKE), slot(h, L.C_PARENT_CHILD_DIVIDENDS_IN_CK_BURN), slot(h, L.C_PARENT_CHILD_DIVIDENDS_IN_TAO_WEIGHT), parents, scratch);
  const o = result(L.C_PARENT_CHILD_DIVIDENDS_OUT_SLOTS);
  put(o, L.C_PARENT_CHILD_DIVIDENDS_OUT_PARENTS, parents); put(o, L.C_PARENT_CHILD_DIVIDENDS_OUT_CHILD, child); put(o, L.C_PARENT_CHILD_DIVIDENDS_OUT_CK_BURNED, ckBurned);
  return o;
}

/** One epoch's validator payout per hotkey: calculate_dividend_distribution, then the take split of distribute_dividends_and_incentives. */
export function c_validator_payout(h: usize): usize {
  const n = i32Of(h, L.C_VALIDATOR_PAYOUT_IN_N);
  const m = sz(n) << 4;
  const ad = alloc(m), rd = alloc(m);
  const credited = allocZeroed(sz(n) << 3), claimable = allocZeroed(sz(n) << 3), parts = allocZeroed(sz(n) * 24);
  taoWeightU96(slot(h, L.C_VALIDATOR_PAYOUT_IN_TAO_WEIGHT));
  dividendDistribution(n, ptr(h, L.C_VALIDATOR_PAYOUT_IN_DIVIDEND), ptr(h, L.C_VALIDATOR_PAYOUT_IN_ALPHA_STAKE), ptr(h, L.C_VALIDATOR_PAYOUT_IN_ROOT_STAKE), rHi, rLo,
    slot(h, L.C_VALIDATOR_PAYOUT_IN_PENDING_ALPHA), slot(h, L.C_VALIDATOR_PAYOUT_IN_PENDING_ROOT), ad, rd);
  payDividends(n, ad, rd, ptr(h, L.C_VALIDATOR_PAYOUT_IN_TAKE), credited, claimable, parts);
  const o = result(L.C_VALIDATOR_PAYOUT_OUT_SLOTS);
  put(o, L.C_VALIDATOR_PAYOUT_OUT_ALPHA_CREDITED, credited); put(o, L.C_VALIDATOR_PAYOUT_OUT_ROOT_CLAIMABLE, claimable); put(o, L.C_VALIDATOR_PAYOUT_OUT_PARTS, parts);
  return o;
}

/** dynamic_tempo_v1 migration: LastEpochBlock and SubnetEpochIndex from the legacy schedule. */
export function c_legacy_last_epoch_block(h: usize): usize {
  const last = legacyLastEpochBlock(<u32>slot(h, L.C_LEGACY_LAST_EPOCH_BLOCK_IN_NETUID), <u32>slot(h, L.C_LEGACY_LAST_EPOCH_BLOCK_IN_TEMPO), slot(h, L.C_LEGACY_LAST_EPOCH_BLOCK_IN_BLOCK));
  const o = result(L.C_LEGACY_LAST_EPOCH_BLOCK_OUT_SLOTS);
  put(o, L.C_LEGACY_LAST_EPOCH_BLOCK_OUT_LAST_EPOCH_BLOCK, last); put(o, L.C_LEGACY_LAST_EPOCH_BLOCK_OUT_EPOCH_INDEX, legacyEpochIndex);
  return o;
}

/** Many blocks of block_step for all subnets in one call (coinbase/block_step.ts); out: the blocks run. */
export function c_run_blocks(h: usize): usize {
  scratchBegin();
  const done = runBlocks(i32Of(h, L.C_RUN_BLOCKS_IN_N), ptr(h, L.C_RUN_BLOCKS_IN_ROWS), ptr(h, L.C_RUN_BLOCKS_IN_GLOBALS),
    i32Of(h, L.C_RUN_BLOCKS_IN_BLOCKS), ptr(h, L.C_RUN_BLOCKS_IN_EVENTS), i32Of(h, L.C_RUN_BLOCKS_IN_CAP));
  const o = result(L.C_RUN_BLOCKS_OUT_SLOTS);
  put(o, L.C_RUN_BLOCKS_OUT_DONE, <u64>done);
  return o;
}

/** distribute_emission's arithmetic for one subnet's epoch result (coinbase/distribute_emission.ts has the layout). */
export function c_distribute_emission(h: usize): usize {
  const n = i32Of(h, L.C_DISTRIBUTE_EMISSION_IN_N), k = i32Of(h, L.C_DISTRIBUTE_EMISSION_IN_H);
  const incentive = allocZeroed(sz(n) << 3), recipient = allocZeroed(sz(k));
  const alphaTake = allocZeroed(sz(k) << 3), alphaRest = allocZeroed(sz(k) << 3), rootTake = allocZeroed(sz(k) << 3), rootClaimable = allocZeroed(sz(k) << 3);
  const summary = allocZeroed(72);
  distributeEmission(n, ptr(h, L.C_DISTRIBUTE_EMISSION_IN_UID_HOTKEY), ptr(h, L.C_DISTRIBUTE_EMISSION_IN_SERVER), ptr(h, L.C_DISTRIBUTE_EMISSION_IN_VALIDATOR),
    k, ptr(h, L.C_DISTRIBUTE_EMISSION_IN_ALPHA), ptr(h, L.C_DISTRIBUTE_EMISSION_IN_ROOT), ptr(h, L.C_DISTRIBUTE_EMISSION_IN_TAKE),
    ptr(h, L.C_DISTRIBUTE_EMISSION_IN_CHILDKEY_TAKE), ptr(h, L.C_DISTRIBUTE_EMISSION_IN_WITHHOLD), ptr(h, L.C_DISTRIBUTE_EMISSION_IN_OWNER),
    ptr(h, L.C_DISTRIBUTE_EMISSION_IN_CHILD_START), ptr(h, L.C_DISTRIBUTE_EMISSION_IN_CHILD_PROP), ptr(h, L.C_DISTRIBUTE_EMISSION_IN_PARENT_START),
    ptr(h, L.C_DISTRIBUTE_EMISSION_IN_PARENT_PROP), ptr(h, L.C_DISTRIBUTE_EMISSION_IN_PARENT_IDX), ptr(h, L.C_DISTRIBUTE_EMISSION_IN_PARAMS),
    incentive, recipient, alphaTake, alphaRest, rootTake, rootClaimable, summary, ptr(h, L.C_DISTRIBUTE_EMISSION_IN_ROOT_UID));
  const o = result(L.C_DISTRIBUTE_EMISSION_OUT_SLOTS);
  put(o, L.C_DISTRIBUTE_EMISSION_OUT_INCENTIVE_PAID, incentive); put(o, L.C_DISTRIBUTE_EMISSION_OUT_RECIPIENT, recipient);
  put(o, L.C_DISTRIBUTE_EMISSION_OUT_ALPHA_TAKE, alphaTake); put(o, L.C_DISTRIBUTE_EMISSION_OUT_ALPHA_REST, alphaRest);
  put(o, L.C_DISTRIBUTE_EMISSION_OUT_ROOT_TAKE, rootTake); put(o, L.C_DISTRIBUTE_EMISSION_OUT_ROOT_CLAIMABLE, rootClaimable);
  put(o, L.C_DISTRIBUTE_EMISSION_OUT_SUMMARY, summary);
  return o;
}

/** The legacy epoch rule (runtimes up to 343). */
export function c_legacy_blocks_until_next_epoch(h: usize): usize {
  const o = result(L.C_LEGACY_BLOCKS_UNTIL_NEXT_EPOCH_OUT_SLOTS);
  put(o, L.C_LEGACY_BLOCKS_UNTIL_NEXT_EPOCH_OUT_BLOCKS, legacyBlocksUntilNextEpoch(<u32>slot(h, L.C_LEGACY_BLOCKS_UNTIL_NEXT_EPOCH_IN_NETUID),
    <u32>slot(h, L.C_LEGACY_BLOCKS_UNTIL_NEXT_EPOCH_IN_TEMPO), slot(h, L.C_LEGACY_BLOCKS_UNTIL_NEXT_EPOCH_IN_BLOCK)));
  return o;
}
