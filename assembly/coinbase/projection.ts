// Supply projection: TAO minted block by block by the chain's emission curve, with a steady
// amount recycled each day (recycling lowers TotalIssuance and so delays halvings). The emission
// only changes when the halving count changes, so whole runs of blocks up to the next threshold
// are added at once; the result is the same as stepping every block.

import { blockEmissionForIssuance, halvingsForIssuance, TOTAL_SUPPLY } from "./block_emission";

export const BLOCKS_PER_DAY: u64 = 7200;
/** Largest halving count the curve reaches before total supply (emission is 0 from 30 on). */
export const MAX_HALVINGS: i32 = 33;

/** The smallest issuance with at least k halvings (TOTAL_SUPPLY when none below it has k). */
export function firstIssuanceWithHalvings(k: i32): u64 {
  let lo: u64 = 0, hi: u64 = TOTAL_SUPPLY;
  while (lo < hi) {
    const mid = lo + ((hi - lo) >> 1);
    if (halvingsForIssuance(mid) >= k) hi = mid; else lo = mid + 1;
  }
  return lo;
}

/**
 * Projects `days` days from `issuance`. Writes per day the issuance at the end of the day
 * (dailyIssuance) and the TAO minted that day (dailyMinted); for each halving count reached for
 * the first time, the block offset (from the start) of the first block minted at the lower rate
 * and the count (halvingBlock[j], halvingK[j]). Returns the number of halvings recorded.
 */
export function project(
  issuance: u64, recycledPerDay: u64, days: i32,
  dailyIssuance: usize, dailyMinted: usize, halvingBlock: usize, halvingK: usize, maxEvents: i32,
): i32 {
  let s = issuance;
  let kSeen = halvingsForIssuance(s);
  let events = 0;
  let elapsed: u64 = 0;
  for (let d = 0; d < days; d++) {
    let remaining = BLOCKS_PER_DAY;
    let minted: u64 = 0;
    while (remaining > 0) {
      const k = halvingsForIssuance(s);
      if (k < 0) break;
      if (k > kSeen) {
        if (events < maxEvents) {
          store<u64>(halvingBlock + (<usize>events << 3), elapsed);
          store<i32>(halvingK + (<usize>events << 2), k);
          events++;
        }
        kSeen = k;
      }
      const e = blockEmissionForIssuance(s);
      if (e == 0) break;
      const next = k >= MAX_HALVINGS ? TOTAL_SUPPLY : firstIssuanceWithHalvingsCached(k + 1);
      // blocks at this rate before the issuance reaches the next threshold (at least one)
      const n = (next - s + e - 1) / e;
      const take = n < remaining ? n : remaining;
      s += take * e;
      minted += take * e;
      remaining -= take;
      elapsed += take;
    }
    elapsed += remaining; // blocks after the supply is exhausted mint nothing
    s = s > recycledPerDay ? s - recycledPerDay : 0;
    store<u64>(dailyIssuance + (<usize>d << 3), s);
    store<u64>(dailyMinted + (<usize>d << 3), minted);
  }
  // a halving crossed at the very end of the horizon is still reported
  const kEnd = halvingsForIssuance(s);
  if (kEnd > kSeen && events < maxEvents) {
    store<u64>(halvingBlock + (<usize>events << 3), elapsed);
    store<i32>(halvingK + (<usize>events << 2), kEnd);
    events++;
  }
  return events;
}

// thresholds are pure functions of k; computed once per module instance on first use
const THRESH = memory.data(8 * 40);
let threshReady: bool = false;
function firstIssuanceWithHalvingsCached(k: i32): u64 {
  if (!threshReady) {
    for (let j = 0; j <= MAX_HALVINGS + 1; j++) store<u64>(THRESH + (<usize>j << 3), firstIssuanceWithHalvings(j));
    threshReady = true;
  }
  return load<u64>(THRESH + (<usize>k << 3));
}
