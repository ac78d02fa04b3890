// Entry points for block emission, halvings and the subnet price EMA. Scalars cross as
// parameters; 128-bit values (U64F64, I96F32) cross as (hi, lo) words, and multi-word results
// are written to a caller-allocated buffer of u64 slots.

import { blockEmissionForIssuance, halvingsForIssuance, alphaIssuance } from "../coinbase/block_emission";
import { spotPrice } from "../coinbase/spot_price";
import { updateMovingPrice, movingAlphaPrice, emaHi, emaLo, cvHi, cvLo } from "../coinbase/moving_price";
import { rHi, rLo } from "../fixed/i128";
import { log2I96F32, log2Ok } from "../fixed/log2";
import { project, firstIssuanceWithHalvings } from "../coinbase/projection";

export function e_block_emission(issuance: u64): u64 { return blockEmissionForIssuance(issuance); }
/** Number of halvings at this issuance; -1 at and beyond total supply. */
export function e_halvings(issuance: u64): i32 { return halvingsForIssuance(issuance); }
export function e_alpha_issuance(alphaIn: u64, alphaOut: u64): u64 { return alphaIssuance(alphaIn, alphaOut); }

/**
 * Block emission for `count` consecutive blocks starting at `issuance`, each block's emission
 * added to the issuance before the next (no recycling). Writes the per-block emissions to `out`
 * when it is non-zero; returns the issuance after the last block.
 */
export function e_emission_run(issuance: u64, count: i32, out: usize): u64 {
  let s = issuance;
  for (let i = 0; i < count; i++) {
    const e = blockEmissionForIssuance(s);
    if (out != 0) store<u64>(out + (<usize>i << 3), e);
    s += e;
  }
  return s;
}

/** log2 of an I96F32; writes (lo, hi) of the result to out[0..2] and returns 1, or 0 when undefined. */
export function e_log2_i96f32(hi: u64, lo: u64, out: usize): i32 {
  log2I96F32(hi, lo);
  store<u64>(out, rLo); store<u64>(out + 8, rHi);
  return log2Ok ? 1 : 0;
}

/** U64F64 spot price; writes (lo, hi) to out. */
export function e_spot_price(mechanism: u32, tao: u64, alpha: u64, quoteWeight: u64, out: usize): void {
  spotPrice(mechanism, tao, alpha, quoteWeight);
  store<u64>(out, rLo); store<u64>(out + 8, rHi);
}

/**
 * One update_moving_price at block `now` on the given pool. out receives 6 words:
 * spot (lo, hi) U64F64, new SubnetMovingPrice (lo, hi) I96F32, moving alpha price (lo, hi) U64F64.
 */
export function e_update_moving_price(
  netuid: u32, mechanism: u32, now: u64, startCallBlock: u64, halvingBlocks: u64,
  alphaHi: u64, alphaLo: u64, storedHi: u64, storedLo: u64,
  tao: u64, alphaReserve: u64, quoteWeight: u64, out: usize,
): void {
  spotPrice(mechanism, tao, alphaReserve, quoteWeight);
  const sHi = rHi, sLo = rLo;
  updateMovingPrice(netuid, mechanism, now, startCallBlock, halvingBlocks, alphaHi, alphaLo, storedHi, storedLo, sHi, sLo);
  const nHi = emaHi, nLo = emaLo;
  movingAlphaPrice(netuid, mechanism, nHi, nLo);
  store<u64>(out, sLo); store<u64>(out + 8, sHi);
  store<u64>(out + 16, nLo); store<u64>(out + 24, nHi);
  store<u64>(out + 32, cvLo); store<u64>(out + 40, cvHi);
}

/** Smallest issuance with at least k halvings (the chain's exact thresholds). */
export function e_first_issuance_with_halvings(k: i32): u64 { return firstIssuanceWithHalvings(k); }

/** Supply projection; see coinbase/projection.ts. Returns the number of halvings recorded. */
export function e_project(
  issuance: u64, recycledPerDay: u64, days: i32,
  dailyIssuance: usize, dailyMinted: usize, halvingBlock: usize, halvingK: usize, maxEvents: i32,
): i32 {
  return project(issuance, recycledPerDay, days, dailyIssuance, dailyMinted, halvingBlock, halvingK, maxEvents);
}
