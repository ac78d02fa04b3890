// Block emission for an issuance: subtensor `get_block_emission_for_issuance`
// (coinbase/block_emission.rs). The same curve serves TAO (TotalIssuance) and every subnet's
// alpha (SubnetAlphaIn + SubnetAlphaOut). All steps follow the chain's I96F32 arithmetic:
//   q = issuance / 21e15 (checked_div, truncating), x = 1 / (1 - q), k = floor(log2 x) with
//   substrate-fixed's rounding halvings, emission = floor(1 / 2^k * 1e9).

import { udiv128by64 } from "../fixed/wide";
import { log2FloorI96F32 } from "../fixed/log2";

export const TOTAL_SUPPLY: u64 = 21_000_000_000_000_000;
export const DEFAULT_BLOCK_EMISSION: u64 = 1_000_000_000;

/** The number of halvings k the chain derives from `issuance` (0 at and beyond total supply). */
export function halvingsForIssuance(issuance: u64): i32 {
  if (issuance >= TOTAL_SUPPLY) return -1;
  // q = (issuance << 32 << 32) / (21e15 << 32) = floor(issuance * 2^32 / 21e15) raw; issuance < 21e15 keeps hi < d
  const q = udiv128by64(issuance >> 32, issuance << 32, TOTAL_SUPPLY);
  const om = (<u64>1 << 32) - q; // 1 - q, >= 1 raw since q < 2^32
  // x = (1 << 32 << 32) / om raw = 2^64 / om, which is 2^64 itself only when om == 1
  let hi: u64 = 0, lo: u64;
  if (om == 1) { hi = 1; lo = 0; } else lo = udiv128by64(1, 0, om);
  return <i32>log2FloorI96F32(hi, lo);
}

/** Rao (or alpha rao) emitted per block at this issuance; 0 at and beyond 21e15. */
export function blockEmissionForIssuance(issuance: u64): u64 {
  const k = halvingsForIssuance(issuance);
  if (k < 0) return 0;
  // multiplier = 2^k by repeated saturating doubling; 1.safe_div(multiplier) = 2^(32-k) raw (k <= 32);
  // times I96F32(1e9) and saturating_to_num floors: floor(1e9 * 2^(32-k) / 2^32)
  if (k > 32) return 0;
  const pct: u64 = <u64>1 << <u64>(32 - k);
  // pct * 1e9 < 2^62 for k >= 0, so one word holds the product
  return (pct * DEFAULT_BLOCK_EMISSION) >> 32;
}

/** Alpha issuance the coinbase uses: SubnetAlphaIn + SubnetAlphaOut, saturating. */
export function alphaIssuance(alphaIn: u64, alphaOut: u64): u64 {
  const s = alphaIn + alphaOut;
  return s < alphaIn ? u64.MAX_VALUE : s;
}
