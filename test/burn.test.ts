// The registration burn through its bindings: subtensor's registration tests with their numbers
// (decay, bump, clamps) and the decay factors of the spec.

import { describe, it, expect } from "vitest";
import { taomath } from "../src/index.js";


const bc = () => taomath().burn;
const ONE = 1n << 64n;
const mult = (k: bigint) => k * ONE; // U64F64 integer multiplier
const U64_MAX = (1n << 64n) - 1n;
const run = (burn: bigint, halfLife: number, m: bigint, regs: number[], min = 0n, max = U64_MAX, startBlock = 10n) =>
  bc().run({ burn, minBurn: min, maxBurn: max, halfLife, burnIncreaseMult: m, isRoot: false, startBlock }, regs);

describe("decay factor (decay_factor_q32)", () => {
  it("the largest Q32 f with f^half_life <= 1/2", () => {
    expect(bc().decayFactorQ32(1)).toBe(2_147_483_648n);
    expect(bc().decayFactorQ32(2)).toBe(3_037_000_500n);
    expect(bc().decayFactorQ32(360)).toBe(4_286_705_684n);
    expect(bc().decayFactorQ32(1000)).toBe(4_291_991_283n);
    expect(bc().decayFactorQ32(7200)).toBe(4_294_553_838n);
    expect(bc().powQ32(4_286_705_684n, 360)).toBe(2_147_483_532n);
  });
  it("half-life 0 means no decay (factor 1.0)", () => { expect(bc().decayFactorQ32(0)).toBe(1n << 32n); });
});

describe("registration price tests (pallets/subtensor/src/tests/registration.rs)", () => {
  it("burn 1000 bumped ×2 by a registration → 2000, next block with half-life 1000 → 1998", () => {
    const b = run(1000n, 0, mult(2n), [1]);
    expect(b[0].registrationPrices).toEqual([1000n]);
    expect(b[0].burnEndOfBlock).toBe(2000n);
    expect(run(2000n, 1000, mult(2n), [0])[0].burnAfterDecay).toBe(1998n);
  });
  it("1000 decays to 999 in one block at half-life 1000", () => { expect(run(1000n, 1000, ONE, [0])[0].burnAfterDecay).toBe(999n); });
  it("1024 at half-life 2: 511 after 2 blocks, 255 after 4", () => {
    const b = run(1024n, 2, ONE, [0, 0, 0, 0]);
    expect(b[1].burnAfterDecay).toBe(511n);
    expect(b[3].burnAfterDecay).toBe(255n);
  });
  it("clamps: half-life 1, min 100_000, max 150_000: 1 → 100_000, bump ×2 → 150_000, next block → 100_000", () => {
    const b = run(1n, 1, mult(2n), [1, 0], 100_000n, 150_000n);
    expect(b[0].burnAfterDecay).toBe(100_000n);
    expect(b[0].burnEndOfBlock).toBe(150_000n);
    expect(b[1].burnAfterDecay).toBe(100_000n);
  });
  it("a ×3 bump of 1000 → 3000 (no decay at half-life 0)", () => { expect(run(1000n, 0, mult(3n), [1])[0].burnEndOfBlock).toBe(3000n); });
  it("a multiplier below 1 is treated as 1", () => { expect(run(1000n, 0, ONE / 2n, [1])[0].burnEndOfBlock).toBe(1000n); });
  it("defaults from 1 TAO: 998_076_443 after 1 block, 499_999_865 after 360, 249_999_807 after 720", () => {
    const b = run(1_000_000_000n, 360, 23_242_897_532_874_035_200n, new Array(720).fill(0), 500_000n, 100_000_000_000n);
    expect([b[0].burnAfterDecay, b[359].burnAfterDecay, b[719].burnAfterDecay]).toEqual([998_076_443n, 499_999_865n, 249_999_807n]);
  });
  it("no decay on block 1", () => { expect(run(1000n, 2, ONE, [0], 0n, U64_MAX, 0n)[0].burnAfterDecay).toBe(1000n); });
});
