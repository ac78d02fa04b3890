// Entry points for root dividends claims (assembly/coinbase/root_claim.ts). 128-bit values are
// passed as (lo, hi) i64 params and written to memory as (lo, hi) word pairs.

import { rHi, rLo } from "../fixed/i128";
import { rootClaimableIncrement, addRate, rootOwed, claimAmount, claimedShift, blockHashToIndices } from "../coinbase/root_claim";

/**
 * Adds the increment for `amount` root dividends over the hotkey's total root stake to the rate
 * (rateLo, rateHi); writes the new rate to out. Returns 0 (rate unchanged) when the chain instead
 * stakes the amount to the hotkey's owner (amount > total root stake).
 */
export function c_root_claimable_add(rateLo: u64, rateHi: u64, amount: u64, totalRoot: u64, out: usize): i32 {
  if (!rootClaimableIncrement(amount, totalRoot)) {
    store<u64>(out, rateLo); store<u64>(out + 8, rateHi);
    return 0;
  }
  addRate(rateHi, rateLo, rHi, rLo);
  store<u64>(out, rLo); store<u64>(out + 8, rHi);
  return 1;
}

/** Owed I96F32 written to out[0..2]; returns the alpha a claim pays (0 = no-op). */
export function c_root_owed(rateLo: u64, rateHi: u64, rootStake: u64, claimedLo: u64, claimedHi: u64, threshold: u64, ignoreMinimum: i32, out: usize): u64 {
  rootOwed(rateHi, rateLo, rootStake, claimedHi, claimedLo);
  store<u64>(out, rLo); store<u64>(out + 8, rHi);
  return claimAmount(rHi, rLo, threshold, ignoreMinimum != 0);
}

/** RootClaimed shift (u128) for a root stake change of amount, written to out. */
export function c_root_claimed_shift(rateLo: u64, rateHi: u64, amount: u64, out: usize): void {
  claimedShift(rateHi, rateLo, amount);
  store<u64>(out, rLo); store<u64>(out + 8, rHi);
}

export function c_block_hash_to_indices(hash: usize, k: u64, n: u64, out: usize): i32 {
  return blockHashToIndices(hash, k, n, out);
}
