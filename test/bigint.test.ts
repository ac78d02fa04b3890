// The big-integer module (assembly/bigint) against JavaScript's BigInt: magnitudes and signs,
// floor/truncate/round semantics of num-bigint, and pow_ratio_scaled against a plain BigInt port.

import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { taomath } from "../src/index.js";
import { powRatioScaled } from "./helpers/balancer_bigint.mjs";

const sw = () => taomath().swap;
const big = (maxBits: number) => fc.bigInt({ min: -(1n << BigInt(maxBits)), max: 1n << BigInt(maxBits) });
const ubig = (maxBits: number) => fc.bigInt({ min: 0n, max: 1n << BigInt(maxBits) });
const floorDiv = (a: bigint, b: bigint) => { const q = a / b; return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q; };
const RUNS = { numRuns: 300 };

describe("big integers", () => {
  it("adds signed numbers like BigInt", () => {
    fc.assert(fc.property(big(700), big(700), (a, b) => { expect(sw().bigOp("add", a, b)).toBe(a + b); }), RUNS);
  });
  it("subtracts signed numbers like BigInt", () => {
    fc.assert(fc.property(big(700), big(40), (a, b) => { expect(sw().bigOp("sub", a, b)).toBe(a - b); }), RUNS);
  });
  it("multiplies signed numbers like BigInt", () => {
    fc.assert(fc.property(big(1200), big(900), (a, b) => { expect(sw().bigOp("mul", a, b)).toBe(a * b); }), RUNS);
  });
  it("divides magnitudes with remainder like BigInt", () => {
    fc.assert(fc.property(ubig(1500), fc.bigInt({ min: 1n, max: 1n << 700n }), (a, b) => {
      expect(sw().bigDivRem(a, b)).toEqual([a / b, a % b]);
    }), RUNS);
  });
  it("compares signed numbers", () => {
    fc.assert(fc.property(big(300), big(300), (a, b) => { expect(sw().bigCmp(a, b)).toBe(a < b ? -1 : a > b ? 1 : 0); }), RUNS);
  });
  it("shifts left", () => {
    fc.assert(fc.property(ubig(500), fc.integer({ min: 0, max: 300 }), (a, k) => { expect(sw().bigShl(a, k)).toBe(a << BigInt(k)); }), RUNS);
  });
  it("floor-divides by a power of two toward minus infinity", () => {
    fc.assert(fc.property(big(600), fc.integer({ min: 0, max: 700 }), (a, k) => {
      expect(sw().bigFloorShr(a, k)).toBe(floorDiv(a, 1n << BigInt(k)));
    }), RUNS);
  });
  it("floor-divides by a small divisor toward minus infinity", () => {
    fc.assert(fc.property(big(600), fc.integer({ min: 1, max: 4096 }), (a, m) => {
      expect(sw().bigFloorDivSmall(a, m)).toBe(floorDiv(a, BigInt(m)));
    }), RUNS);
  });
  it("rounds away 24 guard bits half away from zero (round_to_precision)", () => {
    fc.assert(fc.property(big(400), (a) => {
      const g = 1n << 24n;
      let q = a / g; const r = a % g;
      if (r !== 0n && (r < 0n ? -r : r) * 2n >= g) q += r < 0n ? -1n : 1n;
      expect(sw().bigRoundShr(a, 24)).toBe(q);
    }), RUNS);
  });
  it("refuses a zero divisor with a TaomathError instead of a wasm trap", () => {
    expect(() => sw().bigDivRem(5n, 0n)).toThrow(/division by zero/);
    expect(() => sw().bigFloorDivSmall(5n, 0)).toThrow(/divisor/);
    expect(() => sw().swap({ taoReserve: -1n, alphaReserve: 1n }, true, 1n, 1n, false, true)).toThrow(/pool.taoReserve/);
  });
  it("handles exact halves and zero in rounding", () => {
    const g = 1n << 24n;
    expect(sw().bigRoundShr(g / 2n, 24)).toBe(1n);
    expect(sw().bigRoundShr(-g / 2n, 24)).toBe(-1n);
    expect(sw().bigRoundShr(g / 2n - 1n, 24)).toBe(0n);
    expect(sw().bigRoundShr(0n, 24)).toBe(0n);
  });
});

describe("pow_ratio_scaled", () => {
  it("upstream exact values (safe-bigmath and balancer tests)", () => {
    const s = sw();
    expect(s.powRatioScaled(21_000_000_000_000_000n, 28_000_000_000_000_000n, 600_000_000_000_000_000n, 400_000_000_000_000_000n, 4096, 10n ** 18n)).toBe(649_519_052_838_328_985n);
    for (const [w1, w2] of [[5n * 10n ** 17n, 5n * 10n ** 17n], [499_999_999_999_500_000n, 500_000_000_000_500_000n], [500_000_000_000_250_000n, 499_999_999_999_750_000n]]) {
      expect(s.powRatioScaled(21_000_000_000_000_000n, 21_000_000_000_000_100n, w1, w2, 256, 10n ** 18n)).toBe(999_999_999_999_995_238n);
    }
    expect(s.powRatioScaled(21_000_000_000_000_000n, 21_000_000_000_000_001n, 499_999_999_500_000_000n, 500_000_000_500_000_000n, 256, 10n ** 18n)).toBe(999_999_999_999_999_952n);
    expect(s.powRatioScaled(2n, 3n, 1n, 2n, 0, 1000n)).toBe(816n);
  });
  it("returns None for a zero denominator and the scale for a zero exponent", () => {
    expect(sw().powRatioScaled(5n, 0n, 1n, 2n, 256, 1000n)).toBeNull();
    expect(sw().powRatioScaled(5n, 7n, 1n, 0n, 256, 1000n)).toBeNull();
    expect(sw().powRatioScaled(5n, 7n, 0n, 3n, 256, 1000n)).toBe(1000n);
    expect(sw().powRatioScaled(0n, 7n, 2n, 3n, 256, 1000n)).toBe(0n);
  });
  it("matches a BigInt port on the exact path (small reduced exponents)", () => {
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: (1n << 64n) - 1n }), fc.bigInt({ min: 1n, max: (1n << 64n) - 1n }),
      fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), (bn, bd, en, ed) => {
        expect(sw().powRatioScaled(bn, bd, BigInt(en), BigInt(ed), 256, 10n ** 18n)).toBe(powRatioScaled(bn, bd, BigInt(en), BigInt(ed), 256, 10n ** 18n));
      }), { numRuns: 100 });
  });
  it("matches a BigInt port on the ln/exp path (drifted weights, swap-sized ratios)", () => {
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: (1n << 64n) - 1n }), fc.bigInt({ min: 0n, max: 1n << 40n }),
      fc.bigInt({ min: 10n ** 16n, max: 99n * 10n ** 16n }), (r, d, w) => {
        const rp = r + d;
        expect(sw().powRatioScaled(r, rp, w, 10n ** 18n - w, 256, 10n ** 18n)).toBe(powRatioScaled(r, rp, w, 10n ** 18n - w, 256, 10n ** 18n));
      }), { numRuns: 60 });
  });
});
