// The certified shortcut of pow_ratio_scaled (assembly/bigint/pow_fast.ts) gives safe-bigmath's
// integers: against the plain BigInt port of the crate over random weights in [0.01, 0.99],
// reserves and trades on both of the crate's paths, on the cases the enclosure cannot decide
// alone (X an integer, X straddling one), and through whole swaps and limit maximums.

import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { taomath } from "../src/index.js";
import { swapCoreOf } from "../src/core/cores.js";
import { quoteStake, quoteUnstake, maxAmountForLimit } from "../src/pool/index.js";
import {
  powRatioScaled, swap as refSwap, maxAmount as refMaxAmount, Pool as RefPool, expScaled as refExpScaled, limitDeltaIn as refLimitDeltaIn,
} from "./helpers/balancer_bigint.mjs";

const sw = () => swapCoreOf(taomath());
const ACC = 10n ** 18n;
const U64_MAX = (1n << 64n) - 1n;
const MAX_PRICE = 1_000_000_000_000_000n;

/** Perquintill weights in [0.01, 0.99]: any value, or a round one whose reduced exponents are small. */
const anyWeight = fc.bigInt({ min: 10n ** 16n, max: 99n * 10n ** 16n });
const roundWeight = fc.constantFrom(
  10n ** 16n, 10n ** 17n, 3n * 10n ** 17n, 43n * 10n ** 16n, 48n * 10n ** 16n, 7n * 10n ** 17n, 99n * 10n ** 16n,
  4995n * 10n ** 14n, 511n * 10n ** 15n, 2n * 10n ** 17n, 25n * 10n ** 16n,
);
const weight = fc.oneof(anyWeight, roundWeight);
const reserve = fc.oneof(fc.bigInt({ min: 1n, max: U64_MAX }), fc.bigInt({ min: 1_000_000n, max: 1n << 54n }));

describe("pow_ratio_scaled shortcut equals the crate", () => {
  it("on swap-sized ratios r/(r ± d) at any weight, both exponent orders", () => {
    fc.assert(fc.property(reserve, fc.bigInt({ min: 0n, max: 1n << 62n }), weight, fc.boolean(), (r, d, w, up) => {
      const rp = up ? r + d : (d >= r ? 1n : r - d);
      for (const [en, ed] of [[ACC - w, w], [w, ACC - w]]) {
        expect(sw().powRatioScaled(r, rp, en, ed, 256, ACC)).toBe(powRatioScaled(r, rp, en, ed, 256, ACC));
      }
    }), { numRuns: 80 });
  });

  it("on limit-price ratios (U64F64 bits, precision 1024)", () => {
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: (1n << 128n) - 1n }), fc.bigInt({ min: 1n, max: (1n << 128n) - 1n }), weight, (num, den, w) => {
      expect(sw().powRatioScaled(num, den, w, ACC, 1024, ACC)).toBe(powRatioScaled(num, den, w, ACC, 1024, ACC));
    }), { numRuns: 60 });
  });

  it("when X is an integer other than the scale (perfect powers on the exact path)", () => {
    // (4b/b)^(1/2) = 2, (27b/8b)^(2/3) = 9/4, (b/32b)^(3/5) = 1/8: X = 2e18, 2.25e18, 1.25e17 exactly
    for (const b of [1n, 7n, 1_000_003n, 123_456_789_012n]) {
      for (const [bn, bd, en, ed] of [[4n * b, b, 1n, 2n], [27n * b, 8n * b, 2n, 3n], [b, 32n * b, 3n, 5n]]) {
        const want = powRatioScaled(bn, bd, en, ed, 256, ACC);
        expect(sw().powRatioScaled(bn, bd, en, ed, 256, ACC)).toBe(want);
        // the same exponent unreduced and as Perquintill parts
        expect(sw().powRatioScaled(bn, bd, en * 10n ** 17n, ed * 10n ** 17n, 256, ACC)).toBe(want);
      }
    }
  });

  it("when X sits just below or above an integer", () => {
    // X = scale·(bn/bd)^(1/2) with bn/bd = (m ± ε)^2 / scale^2 ⇒ X = m ± ε
    const scale = 1_000_000n;
    for (const m of [3n, 1_000n, 999_999n]) {
      for (const dn of [-1n, 1n]) {
        const bn = m * m * 10n ** 12n + dn, bd = scale * scale * 10n ** 12n;
        expect(sw().powRatioScaled(bn, bd, 1n, 2n, 256, scale)).toBe(powRatioScaled(bn, bd, 1n, 2n, 256, scale));
        expect(sw().powRatioScaled(bn, bd, 1n, 2n, 256, scale)).toBe(dn < 0n ? m - 1n : m);
      }
    }
  });

  it("when bn = bd (X is the scale on both paths)", () => {
    for (const [en, ed] of [[57n, 43n], [ACC - 123_456_789_012_345_678n, 123_456_789_012_345_678n]]) {
      expect(sw().powRatioScaled(5n ** 20n, 5n ** 20n, en, ed, 256, ACC)).toBe(ACC);
      expect(powRatioScaled(5n ** 20n, 5n ** 20n, en, ed, 256, ACC)).toBe(ACC);
    }
  });

  it("when X is below 1 or far past u64 (tiny and huge ratios)", () => {
    for (const [bn, bd] of [[1n, U64_MAX], [U64_MAX, 1n], [1n, 1n << 40n], [1n << 40n, 1n]]) {
      for (const w of [10n ** 16n, 43n * 10n ** 16n, 123_456_789_012_345_678n]) {
        expect(sw().powRatioScaled(bn, bd, ACC - w, w, 256, ACC)).toBe(powRatioScaled(bn, bd, ACC - w, w, 256, ACC));
      }
    }
  });
});

describe("swaps through the shortcut equal the BigInt swap", () => {
  it("exp_scaled with removals up to the whole reserve (results past u64 are only tested for fitting)", () => {
    fc.assert(fc.property(reserve, fc.integer({ min: 1, max: 1000 }), weight, fc.boolean(), (r, permille, w, baseQuote) => {
      const d = -(r * BigInt(permille)) / 1000n;
      expect(sw().expScaled(w, r, d, baseQuote)).toBe(refExpScaled(ACC - w, w, r, d, baseQuote));
    }), { numRuns: 60 });
  });

  it("limit deltas for targets from 1e-6x to 1e6x the current price", () => {
    fc.assert(fc.property(fc.bigInt({ min: 1n << 40n, max: 1n << 100n }), fc.integer({ min: -6, max: 6 }), fc.bigInt({ min: 1n, max: U64_MAX }), weight,
      (cur, exp10, reserve, w) => {
        const tgt = exp10 >= 0 ? cur * 10n ** BigInt(exp10) + 12_345n : cur / 10n ** BigInt(-exp10) + 1n;
        expect(sw().quoteDeltaIn(w, cur, tgt, reserve)).toBe(refLimitDeltaIn(ACC - w, tgt, cur, reserve));
        expect(sw().baseDeltaIn(w, cur, tgt, reserve)).toBe(refLimitDeltaIn(w, cur, tgt, reserve));
      }), { numRuns: 60 });
  });

  it("stake and unstake quotes at any weight and pool size", () => {
    fc.assert(fc.property(fc.bigInt({ min: 1_000_000n, max: 1n << 56n }), fc.bigInt({ min: 1_000_000n, max: 1n << 58n }), weight,
      fc.bigInt({ min: 1n, max: 1n << 50n }), fc.boolean(), (tao, alpha, w, amount, buy) => {
        const pool = { taoReserve: tao, alphaReserve: alpha, quoteWeight: w };
        const ref = new RefPool({ tao, alpha, quote: w, minimumReserve: 1_000_000n });
        const r = refSwap(ref, buy, amount, buy ? MAX_PRICE : 1_000n, false, true); // the quotes' default limits
        const quote = () => (buy ? quoteStake(pool, amount, { runtime: 425 }) : quoteUnstake(pool, amount, { runtime: 425 }));
        if (!r.ok) { expect(quote).toThrow(); return; }
        expect(quote().amountOut).toBe(r.paidOut);
      }), { numRuns: 120 });
  });

  it("largest stake under a binding limit price at any weight", () => {
    fc.assert(fc.property(weight, fc.integer({ min: 1, max: 400 }), (w, up) => {
      const pool = { taoReserve: 50_000_000_000_000n, alphaReserve: 2_000_000_000_000_000n, quoteWeight: w };
      const ref = new RefPool({ tao: pool.taoReserve, alpha: pool.alphaReserve, quote: w, minimumReserve: 1_000_000n });
      const spotRao = (ref.price() * 1_000_000_000n) >> 64n; // U64F64 TAO per alpha, in rao
      const limit = spotRao * BigInt(1000 + up) / 1000n;
      expect(maxAmountForLimit(pool, limit, "stake", { runtime: 425 })).toBe(refMaxAmount(ref, true, limit, false).max);
    }), { numRuns: 25 });
  });
});
