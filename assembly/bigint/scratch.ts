// A bump region for big-integer temporaries that can be rolled back to a mark, so a batch of
// thousands of quotes in one call reuses the same memory instead of growing the arena per quote.
// Every entry point that uses it calls scratchBegin() first (after the host's reset()).

import { alloc } from "../arena";

let base: usize = 0;
let top: usize = 0;
let end: usize = 0;

const REGION: usize = 1 << 20;

export function scratchBegin(): void { base = 0; top = 0; end = 0; }

// @ts-ignore: decorator
@inline export function salloc(bytes: usize): usize {
  bytes = (bytes + 15) & ~<usize>15;
  if (top + bytes > end || base == 0) return sallocRegion(bytes);
  const p = top;
  top += bytes;
  return p;
}

/** The slow path of salloc (inlined at every call site): a new region. */
function sallocRegion(bytes: usize): usize {
  const size = bytes > REGION ? bytes : REGION;
  base = alloc(size);
  top = base + bytes;
  end = base + size;
  return base;
}

export function smark(): usize {
  if (base == 0) { base = alloc(REGION); top = base; end = base + REGION; }
  return top;
}

/** Rolls back to a mark taken in the current region (a mark from an older region is ignored). */
export function srelease(m: usize): void { if (m >= base && m <= end) top = m; }
