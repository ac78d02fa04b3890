// Step A of the epoch, shared by the sparse and dense paths: a uid is inactive when
// last_update saturating_add activity_cutoff < current_block. The mask has the length of
// LastUpdate (which may exceed n); `out.active` keeps the first n.

import { EpochInput, EpochOutput } from "./epoch";
import { sz, alloc } from "../arena";

/** Fills out.active and returns the inactive mask (u8 per LastUpdate entry). */
export function activityStep(inp: EpochInput, n: i32, out: EpochOutput): usize {
  const inactive = alloc(sz(inp.lastUpdateLen));
  out.active = alloc(sz(n));
  for (let i = 0; i < inp.lastUpdateLen; i++) {
    const lu = load<u64>(inp.lastUpdate + (<usize>i << 3));
    let until = lu + inp.activityCutoff;
    if (until < lu) until = u64.MAX_VALUE;
    const off: u8 = until < inp.currentBlock ? 1 : 0;
    store<u8>(inactive + i, off);
    if (i < n) store<u8>(out.active + i, off ^ 1);
  }
  return inactive;
}
