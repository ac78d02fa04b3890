// The lab's seeded random numbers: splitmix32 streams, one per purpose and uid, so a run is the same
// in every host and the exact and float64 runs of one scenario see the same honest submissions.
// Never Math.random.

/** A stream of uniform numbers in [0, 1) from a 32-bit seed. */
export { splitmix } from "../core/splitmix.js";

/**
 * The same numbers as splitmix(seed), with the state kept in a Uint32Array: a closure's u32 state
 * above 2^31 is boxed as a heap number on every draw, and the honest validators draw one number per
 * miner per epoch (tens of thousands), which made the generator the lab's largest allocator.
 */
export class SplitmixStream {
  private readonly s: Uint32Array;
  constructor(seed: number) {
    this.s = new Uint32Array(1);
    this.s[0] = seed >>> 0;
  }
  next(): number {
    const st = this.s;
    st[0] += 0x9e3779b9; // the store wraps modulo 2^32, as the `>>> 0` of splitmix does
    let z = st[0];
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  }
  /** The next `count` numbers into out[0 .. count) (the state stays in a register meanwhile). */
  fill(out: Float64Array, count: number): void {
    let s = this.s[0];
    for (let k = 0; k < count; k++) {
      s = (s + 0x9e3779b9) >>> 0;
      let z = Math.imul(s ^ (s >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      out[k] = ((z ^ (z >>> 16)) >>> 0) / 4294967296;
    }
    this.s[0] = s;
  }
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
