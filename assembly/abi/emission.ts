// Entry points for block emission, halvings and the subnet price EMA, header convention
// (boundary.json): 128-bit values (U64F64, I96F32) cross as _lo/_hi slot pairs.

import { blockEmissionForIssuance, halvingsForIssuance, alphaIssuance } from "../coinbase/block_emission";
import { spotPrice } from "../coinbase/spot_price";
import { updateMovingPrice, movingAlphaPrice, emaHi, emaLo, cvHi, cvLo } from "../coinbase/moving_price";
import { rHi, rLo } from "../fixed/i128";
import { log2I96F32, log2Ok } from "../fixed/log2";
import { project, firstIssuanceWithHalvings } from "../coinbase/projection";
import { alloc, sz } from "../arena";
import { slot } from "./memory";
import { result, put, put128 } from "./result";
import {
  E_BLOCK_EMISSION_IN_ISSUANCE, E_BLOCK_EMISSION_OUT_EMISSION, E_BLOCK_EMISSION_OUT_SLOTS,
  E_HALVINGS_IN_ISSUANCE, E_HALVINGS_OUT_HALVINGS, E_HALVINGS_OUT_SLOTS,
  E_ALPHA_ISSUANCE_IN_ALPHA_IN, E_ALPHA_ISSUANCE_IN_ALPHA_OUT, E_ALPHA_ISSUANCE_OUT_ISSUANCE, E_ALPHA_ISSUANCE_OUT_SLOTS,
  E_EMISSION_RUN_IN_ISSUANCE, E_EMISSION_RUN_IN_COUNT, E_EMISSION_RUN_IN_RECORD, E_EMISSION_RUN_OUT_ISSUANCE, E_EMISSION_RUN_OUT_EMISSIONS, E_EMISSION_RUN_OUT_SLOTS,
  E_FIRST_ISSUANCE_WITH_HALVINGS_IN_K, E_FIRST_ISSUANCE_WITH_HALVINGS_OUT_ISSUANCE, E_FIRST_ISSUANCE_WITH_HALVINGS_OUT_SLOTS,
  E_LOG2_I96F32_IN_BITS_LO, E_LOG2_I96F32_IN_BITS_HI, E_LOG2_I96F32_OUT_ERROR, E_LOG2_I96F32_OUT_LOG2_LO, E_LOG2_I96F32_OUT_LOG2_HI, E_LOG2_I96F32_OUT_SLOTS,
  E_SPOT_PRICE_IN_MECHANISM, E_SPOT_PRICE_IN_TAO, E_SPOT_PRICE_IN_ALPHA, E_SPOT_PRICE_IN_QUOTE_WEIGHT, E_SPOT_PRICE_OUT_PRICE_LO, E_SPOT_PRICE_OUT_PRICE_HI, E_SPOT_PRICE_OUT_SLOTS,
  E_UPDATE_MOVING_PRICE_IN_NETUID, E_UPDATE_MOVING_PRICE_IN_MECHANISM, E_UPDATE_MOVING_PRICE_IN_BLOCK, E_UPDATE_MOVING_PRICE_IN_START_CALL_BLOCK,
  E_UPDATE_MOVING_PRICE_IN_HALVING_BLOCKS, E_UPDATE_MOVING_PRICE_IN_MOVING_ALPHA_LO, E_UPDATE_MOVING_PRICE_IN_MOVING_ALPHA_HI,
  E_UPDATE_MOVING_PRICE_IN_MOVING_PRICE_LO, E_UPDATE_MOVING_PRICE_IN_MOVING_PRICE_HI, E_UPDATE_MOVING_PRICE_IN_TAO, E_UPDATE_MOVING_PRICE_IN_ALPHA,
  E_UPDATE_MOVING_PRICE_IN_QUOTE_WEIGHT, E_UPDATE_MOVING_PRICE_OUT_SPOT_LO, E_UPDATE_MOVING_PRICE_OUT_SPOT_HI, E_UPDATE_MOVING_PRICE_OUT_MOVING_PRICE_LO,
  E_UPDATE_MOVING_PRICE_OUT_MOVING_PRICE_HI, E_UPDATE_MOVING_PRICE_OUT_MOVING_ALPHA_PRICE_LO, E_UPDATE_MOVING_PRICE_OUT_MOVING_ALPHA_PRICE_HI,
  E_UPDATE_MOVING_PRICE_OUT_SLOTS,
  E_PROJECT_IN_ISSUANCE, E_PROJECT_IN_RECYCLED_PER_DAY, E_PROJECT_IN_DAYS, E_PROJECT_IN_MAX_EVENTS, E_PROJECT_OUT_DAILY_ISSUANCE,
  E_PROJECT_OUT_DAILY_MINTED, E_PROJECT_OUT_HALVING_BLOCK, E_PROJECT_OUT_HALVING_K, E_PROJECT_OUT_HALVINGS, E_PROJECT_OUT_SLOTS,
} from "./layout";

export function e_block_emission(h: usize): usize {
  const o = result(E_BLOCK_EMISSION_OUT_SLOTS);
  put(o, E_BLOCK_EMISSION_OUT_EMISSION, blockEmissionForIssuance(slot(h, E_BLOCK_EMISSION_IN_ISSUANCE)));
  return o;
}
/** Number of halvings at this issuance; -1 at and beyond total supply. */
export function e_halvings(h: usize): usize {
  const o = result(E_HALVINGS_OUT_SLOTS);
  put(o, E_HALVINGS_OUT_HALVINGS, <u64><i64>halvingsForIssuance(slot(h, E_HALVINGS_IN_ISSUANCE)));
  return o;
}
export function e_alpha_issuance(h: usize): usize {
  const o = result(E_ALPHA_ISSUANCE_OUT_SLOTS);
  put(o, E_ALPHA_ISSUANCE_OUT_ISSUANCE, alphaIssuance(slot(h, E_ALPHA_ISSUANCE_IN_ALPHA_IN), slot(h, E_ALPHA_ISSUANCE_IN_ALPHA_OUT)));
  return o;
}

/**
 * Block emission for `count` consecutive blocks starting at `issuance`, each block's emission
 * added to the issuance before the next (no recycling).
 */
export function e_emission_run(h: usize): usize {
  const count = <i32>slot(h, E_EMISSION_RUN_IN_COUNT);
  const out: usize = slot(h, E_EMISSION_RUN_IN_RECORD) != 0 ? alloc(sz(count) << 3) : 0;
  let s = slot(h, E_EMISSION_RUN_IN_ISSUANCE);
  for (let i = 0; i < count; i++) {
    const e = blockEmissionForIssuance(s);
    if (out != 0) store<u64>(out + (<usize>i << 3), e);
    s += e;
  }
  const o = result(E_EMISSION_RUN_OUT_SLOTS);
  put(o, E_EMISSION_RUN_OUT_ISSUANCE, s); put(o, E_EMISSION_RUN_OUT_EMISSIONS, out);
  return o;
}

/** Smallest issuance with at least k halvings (the chain's exact thresholds). */
export function e_first_issuance_with_halvings(h: usize): usize {
  const o = result(E_FIRST_ISSUANCE_WITH_HALVINGS_OUT_SLOTS);
  put(o, E_FIRST_ISSUANCE_WITH_HALVINGS_OUT_ISSUANCE, firstIssuanceWithHalvings(<i32>slot(h, E_FIRST_ISSUANCE_WITH_HALVINGS_IN_K)));
  return o;
}

/** log2 of an I96F32; error 1 when undefined. */
export function e_log2_i96f32(h: usize): usize {
  log2I96F32(slot(h, E_LOG2_I96F32_IN_BITS_HI), slot(h, E_LOG2_I96F32_IN_BITS_LO));
  const o = result(E_LOG2_I96F32_OUT_SLOTS);
  put(o, E_LOG2_I96F32_OUT_ERROR, log2Ok ? 0 : 1);
  put128(o, E_LOG2_I96F32_OUT_LOG2_LO, E_LOG2_I96F32_OUT_LOG2_HI, rLo, rHi);
  return o;
}

/** U64F64 spot price. */
export function e_spot_price(h: usize): usize {
  spotPrice(<u32>slot(h, E_SPOT_PRICE_IN_MECHANISM), slot(h, E_SPOT_PRICE_IN_TAO), slot(h, E_SPOT_PRICE_IN_ALPHA), slot(h, E_SPOT_PRICE_IN_QUOTE_WEIGHT));
  const o = result(E_SPOT_PRICE_OUT_SLOTS);
  put128(o, E_SPOT_PRICE_OUT_PRICE_LO, E_SPOT_PRICE_OUT_PRICE_HI, rLo, rHi);
  return o;
}

/** One update_moving_price at `block` on the given pool. */
export function e_update_moving_price(h: usize): usize {
  const netuid = <u32>slot(h, E_UPDATE_MOVING_PRICE_IN_NETUID), mechanism = <u32>slot(h, E_UPDATE_MOVING_PRICE_IN_MECHANISM);
  spotPrice(mechanism, slot(h, E_UPDATE_MOVING_PRICE_IN_TAO), slot(h, E_UPDATE_MOVING_PRICE_IN_ALPHA), slot(h, E_UPDATE_MOVING_PRICE_IN_QUOTE_WEIGHT));
  const sHi = rHi, sLo = rLo;
  updateMovingPrice(netuid, mechanism, slot(h, E_UPDATE_MOVING_PRICE_IN_BLOCK), slot(h, E_UPDATE_MOVING_PRICE_IN_START_CALL_BLOCK),
    slot(h, E_UPDATE_MOVING_PRICE_IN_HALVING_BLOCKS), slot(h, E_UPDATE_MOVING_PRICE_IN_MOVING_ALPHA_HI), slot(h, E_UPDATE_MOVING_PRICE_IN_MOVING_ALPHA_LO),
    slot(h, E_UPDATE_MOVING_PRICE_IN_MOVING_PRICE_HI), slot(h, E_UPDATE_MOVING_PRICE_IN_MOVING_PRICE_LO), sHi, sLo);
  const nHi = emaHi, nLo = emaLo;
  movingAlphaPrice(netuid, mechanism, nHi, nLo);
  const o = result(E_UPDATE_MOVING_PRICE_OUT_SLOTS);
  put128(o, E_UPDATE_MOVING_PRICE_OUT_SPOT_LO, E_UPDATE_MOVING_PRICE_OUT_SPOT_HI, sLo, sHi);
  put128(o, E_UPDATE_MOVING_PRICE_OUT_MOVING_PRICE_LO, E_UPDATE_MOVING_PRICE_OUT_MOVING_PRICE_HI, nLo, nHi);
  put128(o, E_UPDATE_MOVING_PRICE_OUT_MOVING_ALPHA_PRICE_LO, E_UPDATE_MOVING_PRICE_OUT_MOVING_ALPHA_PRICE_HI, cvLo, cvHi);
  return o;
}

/** Supply projection; see coinbase/projection.ts. */
export function e_project(h: usize): usize {
  const days = <i32>slot(h, E_PROJECT_IN_DAYS), maxEvents = <i32>slot(h, E_PROJECT_IN_MAX_EVENTS);
  const dailyIssuance = alloc(sz(days) << 3), dailyMinted = alloc(sz(days) << 3);
  const halvingBlock = alloc(sz(maxEvents) << 3), halvingK = alloc(sz(maxEvents) << 2);
  const n = project(slot(h, E_PROJECT_IN_ISSUANCE), slot(h, E_PROJECT_IN_RECYCLED_PER_DAY), days, dailyIssuance, dailyMinted, halvingBlock, halvingK, maxEvents);
  const o = result(E_PROJECT_OUT_SLOTS);
  put(o, E_PROJECT_OUT_DAILY_ISSUANCE, dailyIssuance); put(o, E_PROJECT_OUT_DAILY_MINTED, dailyMinted);
  put(o, E_PROJECT_OUT_HALVING_BLOCK, halvingBlock); put(o, E_PROJECT_OUT_HALVING_K, halvingK);
  put(o, E_PROJECT_OUT_HALVINGS, <u64>n);
  return o;
}
