// The fixed-point division udivFixed (assembly/fixed/i128.ts: floor(a·2^f / b) on u128 words, 0
// and overflow on a zero divisor or a quotient past u128) runs by two-digit long division in base
// 2^64 (one-word divisors by udiv128by64, two-word divisors by div3by2) instead of 32-bit limbs.
// These hold it to the BigInt model through the coinbase functions that divide: the subnet terms
// (U96F32: tao_emission / price, both 128-bit inputs), the emission shares (U64F64: price / Σ price),
// root_proportion and the tao weight, on operands of every bit length, around the powers of two
// where a word or a digit changes, and on quotients with remainder 0, 1 and divisor − 1, where the
// digit estimate's corrections decide.

import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { taomath } from "../src/index.js";
import { coinbaseOf } from "../src/network/index.js";
import * as ref from "./helpers/fixed_ref.js";

const cb = () => coinbaseOf(taomath());
const U64_MAX = (1n << 64n) - 1n;
const U128_MAX = (1n << 128n) - 1n;

/** A u128 below 2^bits for a bit length drawn from 0..max, or one off a power of two. */
const wide = (max: number) => fc.oneof(
  fc.integer({ min: 0, max }).chain((bits) => fc.bigInt({ min: 0n, max: (1n << BigInt(bits)) - 1n > 0n ? (1n << BigInt(bits)) - 1n : 0n })),
  fc.tuple(fc.integer({ min: 0, max: max - 1 }), fc.constantFrom(-1n, 0n, 1n)).map(([b, d]) => { const v = (1n << BigInt(b)) + d; return v < 0n ? 0n : v > U128_MAX ? U128_MAX : v; }),
);

/** subnet terms for one subnet with the largest injection cap (root_proportion ≈ 1). */
const terms = (te: bigint, spot: bigint, root = U64_MAX, tw = U64_MAX) =>
  cb().subnetTerms([{ netuid: 1, tao_emission: te, subnet_alpha_in: 1n, subnet_alpha_out: 0n, spot_price: spot }], root, tw)[0];

describe("udivFixed's word division equals floor(a·2^f / b)", () => {
  it("U96F32 tao_emission / price in the subnet terms, operands of every width", () => {
    fc.assert(fc.property(wide(128), wide(128), fc.constantFrom(0n, 1n, U64_MAX), (te, spot, root) => {
      const t = terms(te, spot, root);
      expect({ tao_in: t.tao_in, alpha_in: t.alpha_in, excess_tao: t.excess_tao, root_proportion: t.root_proportion })
        .toEqual(ref.terms(te, 1n, spot, root, U64_MAX, t.alpha_emission));
    }), { numRuns: 2000 });
  });

  it("U96F32 quotients with remainder 0, 1 and divisor − 1, for one- and two-word divisors", () => {
    // price = d·2^32 as U96F32 (spot = d·2^64): alpha_in = ⌊(q·d + r)·2^32 / (d·2^32)⌋ = q
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: U64_MAX }), fc.bigInt({ min: 0n, max: 1n << 40n }), (d, q) => {
      for (const r of [0n, 1n, d - 1n]) {
        if (r >= d) continue;
        const t = terms(q * d + r, d << 64n);
        expect(t.alpha_in).toBe(q);
        expect(t.excess_tao).toBe(0n);
      }
    }), { numRuns: 1000 });
  });

  it("U64F64 price / Σ price in the emission shares, prices of every width", () => {
    fc.assert(fc.property(fc.array(wide(127), { minLength: 1, maxLength: 4 }), fc.bigInt({ min: 0n, max: 1_000_000_000n }), (prices, emission) => {
      // stored I96F32 bits whose U64F64 value is bits << 32
      const bits = prices.map((p) => p >> 32n);
      const got = cb().subnetBlockEmissions(bits.map((b, i) => ({ netuid: i + 1, mechanism: 1, moving_price: b, miner_burned: 0n, emission_enabled: true })), emission);
      const e = ref.shares(bits.map((b) => b << 32n), bits.map(() => 0n), bits.map(() => true), emission);
      expect(got.subnets.map((x) => ({ share: x.share, tao_emission: x.tao_emission }))).toEqual(e);
    }), { numRuns: 1500 });
  });

  it("root_proportion and the tao weight at u64 operands near the word edges", () => {
    const edge = fc.oneof(fc.bigInt({ min: 0n, max: U64_MAX }), fc.integer({ min: 0, max: 63 }).map((b) => 1n << BigInt(b)),
      fc.integer({ min: 1, max: 64 }).map((b) => (1n << BigInt(b)) - 1n));
    fc.assert(fc.property(edge, edge, edge, (root, tw, iss) => {
      expect(cb().rootProportion(root, iss, tw)).toBe(ref.rootProportion(root, tw, iss));
    }), { numRuns: 2000 });
  });
});

describe("root_proportion's table returns what the computation does", () => {
  it("on calls repeated in any order, with few distinct words (hits) among many (evictions)", () => {
    const few = fc.constantFrom(0n, 1n, 1n << 63n, U64_MAX, 10n ** 15n);
    const call = fc.tuple(fc.oneof(few, fc.bigInt({ min: 0n, max: U64_MAX })), few, fc.oneof(few, fc.bigInt({ min: 0n, max: U64_MAX })));
    fc.assert(fc.property(fc.array(call, { minLength: 1, maxLength: 40 }), (calls) => {
      for (const [root, tw, iss] of [...calls, ...calls.reverse()]) expect(cb().rootProportion(root, iss, tw)).toBe(ref.rootProportion(root, tw, iss));
    }), { numRuns: 200 });
  });
});
