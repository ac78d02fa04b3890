// The lab's seeded random numbers: splitmix32 streams, one per purpose and uid, so a run is the same
// in every host and the exact and float64 runs of one scenario see the same honest submissions.
// Never Math.random.

/** A stream of uniform numbers in [0, 1) from a 32-bit seed (splitmix32 finaliser). */
export function splitmix(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}

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
