// Entry point of runtime 473's dividend split (coinbase/dividend_split_473.ts).

import { dividendDistribution473 } from "../coinbase/dividend_split_473";

/** calculate_dividend_distribution at 473; rootUid u8[n]; tao weight as U96F32 (twHi, twLo); outputs U96F32[n] each. */
export function c_dividend_distribution_473(
  n: i32, dividend: usize, alphaStake: usize, rootStake: usize, rootUid: usize, twHi: u64, twLo: u64,
  pendingAlpha: u64, pendingRoot: u64, alphaDiv: usize, rootDiv: usize,
): void {
  dividendDistribution473(n, dividend, alphaStake, rootStake, rootUid, twHi, twLo, pendingAlpha, pendingRoot, alphaDiv, rootDiv);
}
