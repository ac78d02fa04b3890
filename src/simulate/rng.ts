// The lab's seeded random numbers: splitmix32 streams, one per purpose and uid, so a run is the same
// in every host and the exact and float64 runs of one scenario see the same honest submissions.
// Never Math.random.

/** A stream of uniform numbers in [0, 1) from a 32-bit seed. */
export { splitmix } from "../core/splitmix.js";

/** A seed for stream `k` of purpose `tag` derived from the scenario seed (FNV-1a over the three). */
export function subSeed(seed: number, tag: number, k: number): number {
  let h = 0x811c9dc5;
  for (const x of [seed >>> 0, tag >>> 0, k >>> 0]) {
    for (let b = 0; b < 4; b++) {
      h ^= (x >>> (8 * b)) & 0xff;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h;
}

export const STREAM = { quality: 1, stake: 2, noise: 3, drift: 4 } as const;
