// Root dividends claims: subtensor staking/claim_root.rs. Root stakers are paid lazily: an epoch's
// root dividend for hotkey x on subnet i raises a per-unit-of-root-stake rate RootClaimable[x][i]
// (I96F32); a coldkey c staking on x on root is owed rate * its root stake minus what it has already
// claimed (RootClaimed[(i, x, c)], u128). Root stake moves shift RootClaimed by rate * amount so a
// stake change neither creates nor destroys a claim. Also block_hash_to_indices, the auto-claim
// picker. I96F32 values are (hi, lo) pairs of i128 bits with 32 fraction bits.

import { rHi, rLo, rOverflow, divFixed, satMulFixed, satAdd128, neg128, isNeg, setR128 } from "../fixed/i128";

const I96_MAX_HI: u64 = 0x7fffffffffffffff;

/** I96F32::saturating_from_num of a u64 (always exact), into rHi/rLo. */
// @ts-ignore: decorator
@inline function fromU64(x: u64): void { setR128(x >> 32, x << 32); }

/** I96F32::saturating_from_num of a u128 (hi, lo): exact below 2^95, I96F32::MAX above. */
export function i96FromU128(hi: u64, lo: u64): void {
  if ((hi >> 31) != 0) { setR128(I96_MAX_HI, u64.MAX_VALUE); return; }
  setR128((hi << 32) | (lo >> 32), lo << 32);
}

/**
 * increase_root_claimable_for_hotkey_and_subnet: the rate increment amount / total root stake of the
 * hotkey (checked_div, 0 when the total is 0), into rHi/rLo. Returns false when amount exceeds the
 * total: the chain then stakes the amount as alpha to the hotkey's owner and leaves the rate alone.
 */
export function rootClaimableIncrement(amount: u64, totalRoot: u64): bool {
  fromU64(amount);
  const aHi = rHi, aLo = rLo;
  fromU64(totalRoot);
  divFixed(aHi, aLo, rHi, rLo, 32);
  if (rOverflow) setR128(0, 0);
  return amount <= totalRoot;
}

/** Saturating I96F32 add of an increment to a stored rate (RootClaimable entry), into rHi/rLo. */
export function addRate(aHi: u64, aLo: u64, bHi: u64, bLo: u64): void { satAdd128(aHi, aLo, bHi, bLo); }

/**
 * get_root_owed_for_hotkey_coldkey_float: rate * I96F32(root stake) (saturating) minus
 * I96F32(RootClaimed) (saturating), into rHi/rLo; may be negative.
 */
export function rootOwed(rateHi: u64, rateLo: u64, rootStake: u64, claimedHi: u64, claimedLo: u64): void {
  fromU64(rootStake);
  satMulFixed(rateHi, rateLo, rHi, rLo, 32);
  const cHi = rHi, cLo = rLo;
  i96FromU128(claimedHi, claimedLo);
  neg128(rHi, rLo); // claimed >= 0, so its negation never overflows
  satAdd128(cHi, cLo, rHi, rLo);
}

/** The owed amount as the chain pays it: negative -> 0, else saturating_to_num::<u64> (floor). */
export function owedToU64(hi: u64, lo: u64): u64 {
  if (isNeg(hi)) return 0;
  if ((hi >> 32) != 0) return u64.MAX_VALUE;
  return (hi << 32) | (lo >> 32);
}

/**
 * root_claim_on_subnet's gate: returns the alpha paid (owed_u64), 0 when the claim is a no-op
 * (owed below I96F32(threshold) unless ignoreMinimum, or owed_u64 == 0). owed is (hi, lo) I96F32.
 */
export function claimAmount(hi: u64, lo: u64, threshold: u64, ignoreMinimum: bool): u64 {
  if (!ignoreMinimum) {
    // signed compare owed < threshold (threshold is non-negative)
    const tHi = threshold >> 32, tLo = threshold << 32;
    if (isNeg(hi) || hi < tHi || (hi == tHi && lo < tLo)) return 0;
  }
  return owedToU64(hi, lo);
}

/**
 * add/remove_stake_adjust_root_claimed: rate.saturating_mul(I96F32(amount)).saturating_to_num::<u128>(),
 * the RootClaimed shift for a root stake change of `amount`, into rHi/rLo as u128.
 */
export function claimedShift(rateHi: u64, rateLo: u64, amount: u64): void {
  fromU64(amount);
  satMulFixed(rateHi, rateLo, rHi, rLo, 32);
  if (isNeg(rHi)) { setR128(0, 0); return; }
  setR128(rHi >> 32, (rHi << 32) | (rLo >> 32));
}

function beU64(p: usize): u64 { return bswap<u64>(load<u64>(p)); }

/**
 * block_hash_to_indices: k coldkey indices below n picked from a 32-byte hash at `hash`, written
 * ascending without duplicates (the chain collects a BTreeSet) to out u64[k]; returns the count.
 */
export function blockHashToIndices(hash: usize, k: u64, n: u64, out: usize): i32 {
  let count = 0;
  let last = beU64(hash);
  for (let i: u64 = 0; i < k; i++) {
    const step = beU64(hash + <usize>((i * 8) % 32));
    const sum = last + step;
    const s = sum < last ? u64.MAX_VALUE : sum; // saturating_add
    const idx: u64 = n == 0 ? 0 : s % n;          // checked_rem(0) -> 0
    // insert into the sorted set
    let j = 0;
    while (j < count && load<u64>(out + (<usize>j << 3)) < idx) j++;
    if (j == count || load<u64>(out + (<usize>j << 3)) != idx) {
      for (let m = count; m > j; m--) store<u64>(out + (<usize>m << 3), load<u64>(out + (<usize>(m - 1) << 3)));
      store<u64>(out + (<usize>j << 3), idx);
      count++;
    }
    last = idx;
  }
  return count;
}
