// Entry points for root dividends claims (assembly/coinbase/root_claim.ts), header convention
// (boundary.json): 128-bit values cross as _lo/_hi slot pairs.

import { rHi, rLo } from "../fixed/i128";
import { rootClaimableIncrement, addRate, rootOwed, claimAmount, claimedShift, blockHashToIndices } from "../coinbase/root_claim";
import { alloc } from "../arena";
import { slot } from "./memory";
import { result, put, putBool, put128 } from "./result";
import {
  C_ROOT_CLAIMABLE_ADD_IN_RATE_LO, C_ROOT_CLAIMABLE_ADD_IN_RATE_HI, C_ROOT_CLAIMABLE_ADD_IN_AMOUNT, C_ROOT_CLAIMABLE_ADD_IN_TOTAL_ROOT_STAKE,
  C_ROOT_CLAIMABLE_ADD_OUT_STAKED, C_ROOT_CLAIMABLE_ADD_OUT_RATE_LO, C_ROOT_CLAIMABLE_ADD_OUT_RATE_HI, C_ROOT_CLAIMABLE_ADD_OUT_SLOTS,
  C_ROOT_OWED_IN_RATE_LO, C_ROOT_OWED_IN_RATE_HI, C_ROOT_OWED_IN_ROOT_STAKE, C_ROOT_OWED_IN_CLAIMED_LO, C_ROOT_OWED_IN_CLAIMED_HI,
  C_ROOT_OWED_IN_THRESHOLD, C_ROOT_OWED_IN_IGNORE_MINIMUM, C_ROOT_OWED_OUT_OWED_LO, C_ROOT_OWED_OUT_OWED_HI, C_ROOT_OWED_OUT_PAYS, C_ROOT_OWED_OUT_SLOTS,
  C_ROOT_CLAIMED_SHIFT_IN_RATE_LO, C_ROOT_CLAIMED_SHIFT_IN_RATE_HI, C_ROOT_CLAIMED_SHIFT_IN_AMOUNT,
  C_ROOT_CLAIMED_SHIFT_OUT_SHIFT_LO, C_ROOT_CLAIMED_SHIFT_OUT_SHIFT_HI, C_ROOT_CLAIMED_SHIFT_OUT_SLOTS,
  C_BLOCK_HASH_TO_INDICES_IN_BLOCK_HASH, C_BLOCK_HASH_TO_INDICES_IN_K, C_BLOCK_HASH_TO_INDICES_IN_N,
  C_BLOCK_HASH_TO_INDICES_OUT_INDICES, C_BLOCK_HASH_TO_INDICES_OUT_COUNT, C_BLOCK_HASH_TO_INDICES_OUT_SLOTS,
} from "./layout";

/**
 * Adds the increment for `amount` root dividends over the hotkey's total root stake to the rate;
 * staked (rate unchanged) when the chain instead stakes the amount to the hotkey's owner.
 */
export function c_root_claimable_add(h: usize): usize {
  const rateLo = slot(h, C_ROOT_CLAIMABLE_ADD_IN_RATE_LO), rateHi = slot(h, C_ROOT_CLAIMABLE_ADD_IN_RATE_HI);
  const o = result(C_ROOT_CLAIMABLE_ADD_OUT_SLOTS);
  if (!rootClaimableIncrement(slot(h, C_ROOT_CLAIMABLE_ADD_IN_AMOUNT), slot(h, C_ROOT_CLAIMABLE_ADD_IN_TOTAL_ROOT_STAKE))) {
    putBool(o, C_ROOT_CLAIMABLE_ADD_OUT_STAKED, true);
    put128(o, C_ROOT_CLAIMABLE_ADD_OUT_RATE_LO, C_ROOT_CLAIMABLE_ADD_OUT_RATE_HI, rateLo, rateHi);
    return o;
  }
  addRate(rateHi, rateLo, rHi, rLo);
  put128(o, C_ROOT_CLAIMABLE_ADD_OUT_RATE_LO, C_ROOT_CLAIMABLE_ADD_OUT_RATE_HI, rLo, rHi);
  return o;
}

/** Owed I96F32 and the alpha a claim pays (0 = no-op). */
export function c_root_owed(h: usize): usize {
  rootOwed(slot(h, C_ROOT_OWED_IN_RATE_HI), slot(h, C_ROOT_OWED_IN_RATE_LO), slot(h, C_ROOT_OWED_IN_ROOT_STAKE),
    slot(h, C_ROOT_OWED_IN_CLAIMED_HI), slot(h, C_ROOT_OWED_IN_CLAIMED_LO));
  const oHi = rHi, oLo = rLo;
  const o = result(C_ROOT_OWED_OUT_SLOTS);
  put128(o, C_ROOT_OWED_OUT_OWED_LO, C_ROOT_OWED_OUT_OWED_HI, oLo, oHi);
  put(o, C_ROOT_OWED_OUT_PAYS, claimAmount(oHi, oLo, slot(h, C_ROOT_OWED_IN_THRESHOLD), slot(h, C_ROOT_OWED_IN_IGNORE_MINIMUM) != 0));
  return o;
}

/** RootClaimed shift (u128) for a root stake change of amount. */
export function c_root_claimed_shift(h: usize): usize {
  claimedShift(slot(h, C_ROOT_CLAIMED_SHIFT_IN_RATE_HI), slot(h, C_ROOT_CLAIMED_SHIFT_IN_RATE_LO), slot(h, C_ROOT_CLAIMED_SHIFT_IN_AMOUNT));
  const o = result(C_ROOT_CLAIMED_SHIFT_OUT_SLOTS);
  put128(o, C_ROOT_CLAIMED_SHIFT_OUT_SHIFT_LO, C_ROOT_CLAIMED_SHIFT_OUT_SHIFT_HI, rLo, rHi);
  return o;
}

/** The host bounds k (NumRootClaim) before calling: indices has room for k u64. */
export function c_block_hash_to_indices(h: usize): usize {
  const k = slot(h, C_BLOCK_HASH_TO_INDICES_IN_K);
  const indices = alloc(<usize>(k > 0 ? k : 1) << 3);
  const count = blockHashToIndices(<usize>slot(h, C_BLOCK_HASH_TO_INDICES_IN_BLOCK_HASH), k, slot(h, C_BLOCK_HASH_TO_INDICES_IN_N), indices);
  const o = result(C_BLOCK_HASH_TO_INDICES_OUT_SLOTS);
  put(o, C_BLOCK_HASH_TO_INDICES_OUT_INDICES, indices); put(o, C_BLOCK_HASH_TO_INDICES_OUT_COUNT, <u64>count);
  return o;
}
