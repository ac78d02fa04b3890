// The wasm curve against an independent plain-BigInt restatement of the same chain formulas
// (test/helpers/superellipse_bigint.mjs, the chain's own power-of-two square-root start) on
// random full-width pools: every result and every error must agree.

import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { taomath } from "../src/index.js";
import { type Ellipse } from "../src/pool/index.js";
import * as ref from "./helpers/superellipse_bigint.mjs";

const ec = (taomath()).ellipse;
const U64 = (1n << 64n) - 1n;

function refCall<T>(f: () => T): { ok: true; value: T } | { ok: false; error: string } {
  try { return { ok: true, value: f() }; } catch (e) { return { ok: false, error: e as string }; }
}
const asEllipse = (e: { a: bigint; b: bigint; ca: bigint; ct: bigint }): Ellipse => ({ alpha_scale: e.a, tao_scale: e.b, center_alpha: e.ca, center_tao: e.ct });

const reserve = fc.oneof(fc.bigInt({ min: 1n, max: U64 }), fc.bigInt({ min: 1_000_000n, max: 10n ** 16n }));
const weight = fc.oneof(fc.constant(5n * 10n ** 17n), fc.bigInt({ min: 10n ** 16n, max: 99n * 10n ** 16n }), fc.bigInt({ min: 1n, max: 10n ** 18n - 1n }));
const amount = fc.oneof(fc.bigInt({ min: 0n, max: U64 }), fc.bigInt({ min: 0n, max: 10n ** 12n }));

describe("wasm superellipse = plain BigInt restatement", () => {
  it("calibration, price, buy and sell outputs, reserve-floor maxima", () => {
    fc.assert(fc.property(reserve, reserve, weight, amount, amount, (alpha, tao, w, input, floor) => {
      const cal = ec.fromWeights(alpha, tao, w);
      const r = refCall(() => ref.fromWeights(alpha, tao, w));
      expect(cal.ok).toBe(r.ok);
      if (!cal.ok || !r.ok) return;
      expect(cal.value).toEqual(asEllipse(r.value));
      const e = cal.value, re = r.value;
      expect(ec.price(e, alpha, tao)).toEqual(refCall(() => ref.price(re, alpha, tao)));
      expect(ec.trade("buy_output", e, alpha, tao, input)).toEqual(refCall(() => ref.output(re, alpha, tao, input, true)));
      expect(ec.trade("sell_output", e, alpha, tao, input)).toEqual(refCall(() => ref.output(re, alpha, tao, input, false)));
      expect(ec.trade("max_buy_input", e, alpha, tao, floor)).toEqual(refCall(() => ref.maxInput(re, alpha, tao, true, floor)));
      expect(ec.trade("max_sell_input", e, alpha, tao, floor % (tao + 1n))).toEqual(refCall(() => ref.maxInput(re, alpha, tao, false, floor % (tao + 1n))));
    }), { numRuns: 300 });
  });

  it("limit-price searches on moved curves", () => {
    let moved = 0;
    fc.assert(fc.property(reserve, reserve, weight, fc.bigInt({ min: 1n, max: 4000n }), fc.boolean(), (alpha, tao, w, permille, buy) => {
      const r = refCall(() => ref.fromWeights(alpha, tao, w));
      if (!r.ok) return;
      const p = refCall(() => ref.price(r.value, alpha, tao));
      if (!p.ok) return;
      const target = (p.value * permille) / 1000n;
      if (target >= 1n << 128n) return; // not a U64F64
      const fn = buy ? "quote_delta_to_price" : "base_delta_to_price";
      const got = ec.trade(fn, asEllipse(r.value), alpha, tao, target);
      expect(got).toEqual(refCall(() => ref.deltaToPrice(r.value, alpha, tao, target, buy)));
      expect(got).toEqual(ec.trade(buy ? "quote_delta_to_price_bisect" : "base_delta_to_price_bisect", asEllipse(r.value), alpha, tao, target));
      if (got.ok && got.value > 0n) moved++;
    }), { numRuns: 60 });
    expect(moved).toBeGreaterThan(10);
  });

  it("simulated 473 swaps on pools with an ellipse (fee, endpoint clamp, limits, fallback)", () => {
    let filled = 0, limited = 0;
    const limit = fc.oneof(fc.constant(1_000_000_000_000_000n), fc.constant(1_000n), fc.bigInt({ min: 1n, max: U64 }));
    fc.assert(fc.property(reserve, reserve, weight, amount, limit, fc.boolean(), fc.constantFrom(0, 33, 10_000), fc.constantFrom(1n, 100n, 1_000_000n),
      (alpha, tao, w, amt, lim, buy, feeRate, minimumReserve) => {
        const r = refCall(() => ref.fromWeights(alpha, tao, w));
        if (!r.ok) return;
        const pool = { taoReserve: tao, alphaReserve: alpha, quoteWeight: w, feeRate, minimumReserve, ellipse: asEllipse(r.value) };
        const got = ec.swap(pool, buy, amt, lim, false, true);
        const want = refCall(() => ref.simSwap({ tao, alpha, feeRate, minimumReserve }, r.value, buy, amt, lim));
        if (!want.ok) expect(got.error).toBe(want.error);
        else {
          expect({ ok: got.ok, paidIn: got.paidIn, paidOut: got.paidOut, fee: got.fee }).toEqual({ ok: true, ...want.value });
          if (want.value.paidOut > 0n) filled++;
          if (want.value.paidIn + want.value.fee < amt) limited++;
        }
      }), { numRuns: 200 });
    expect(filled).toBeGreaterThan(20);
    expect(limited).toBeGreaterThan(5);
  });
});

describe("the bracketed limit search ends where the chain's full bisection ends", () => {
  it("on curves after trades and injections, for targets from 1 bit to u128::MAX", () => {
    const target = fc.oneof(fc.bigInt({ min: 1n, max: (1n << 128n) - 1n }), fc.bigInt({ min: 1n, max: 1n << 70n }));
    let nonzero = 0;
    fc.assert(fc.property(reserve, reserve, weight, target, fc.boolean(), amount, amount, (alpha, tao, w, t, buy, da, dt) => {
      const cal = ec.fromWeights(alpha, tao, w);
      if (!cal.ok) return;
      const moved = ec.translate(cal.value, da % (U64 - alpha + 1n), dt % (U64 - tao + 1n));
      if (!moved.ok) return;
      const a = alpha + (da % (U64 - alpha + 1n)), tt = tao + (dt % (U64 - tao + 1n));
      const fast = ec.trade(buy ? "quote_delta_to_price" : "base_delta_to_price", moved.value, a, tt, t);
      expect(fast).toEqual(ec.trade(buy ? "quote_delta_to_price_bisect" : "base_delta_to_price_bisect", moved.value, a, tt, t));
      if (fast.ok && fast.value > 0n) nonzero++;
    }), { numRuns: 150 });
    expect(nonzero).toBeGreaterThan(20);
  });
});

describe("batched 473 quotes equal one swap at a time", () => {
  it("for random pools, orders, limits and amount lists (the batch skips prices only for orders no larger than one that filled in full)", () => {
    const names = [null, "PriceLimitExceeded", "ReservesTooLow", "SwapInputTooLarge", "InsufficientLiquidity", "ReservesOutOfBalance"];
    const limit = fc.oneof(fc.constant(1_000_000_000_000_000n), fc.constant(1_000n), fc.bigInt({ min: 1n, max: U64 }));
    let shortcutable = 0;
    fc.assert(fc.property(reserve, reserve, weight, fc.array(amount, { minLength: 1, maxLength: 12 }), limit, fc.boolean(), fc.constantFrom(0, 33, 10_000),
      (alpha, tao, w, amounts, lim, buy, feeRate) => {
        const cal = ec.fromWeights(alpha, tao, w);
        if (!cal.ok) return;
        const pool = { taoReserve: tao, alphaReserve: alpha, quoteWeight: w, feeRate, minimumReserve: 1_000_000n, ellipse: cal.value };
        const rows = ec.quoteBatch(pool, buy, amounts, lim, false);
        amounts.forEach((a, i) => {
          const one = ec.swap(pool, buy, a, lim, false, true);
          const row = { error: names[Number(rows[4 * i])], paidIn: rows[4 * i + 1], paidOut: rows[4 * i + 2], fee: rows[4 * i + 3] };
          expect(row).toEqual(one.ok ? { error: null, paidIn: one.paidIn, paidOut: one.paidOut, fee: one.fee } : { error: one.error, paidIn: 0n, paidOut: 0n, fee: 0n });
        });
        const largest = amounts.reduce((m, a) => (a > m ? a : m), 0n);
        const big = ec.swap(pool, buy, largest, lim, false, true);
        if (big.ok && amounts.length > 1) shortcutable++;
      }), { numRuns: 150 });
    expect(shortcutable).toBeGreaterThan(10);
  });

  it("when the largest order stops at the limit, for orders below and above the limit's fill (the bound rises with each that fills)", () => {
    const names = [null, "PriceLimitExceeded", "ReservesTooLow", "SwapInputTooLarge", "InsufficientLiquidity", "ReservesOutOfBalance"];
    let mixed = 0;
    const midReserve = fc.bigInt({ min: 1_000_000_000n, max: 10n ** 18n });
    fc.assert(fc.property(midReserve, midReserve, fc.bigInt({ min: 10n ** 16n, max: 99n * 10n ** 16n }), fc.bigInt({ min: 1n, max: 50n }),
      fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 2, maxLength: 16 }), (alpha, tao, w, permille, halvings) => {
        const cal = ec.fromWeights(alpha, tao, w);
        if (!cal.ok) return;
        const spot = ec.price(cal.value, alpha, tao);
        if (!spot.ok) return;
        // a stake limit permille above spot, in rao per alpha; orders from the TAO reserve down by halvings
        const lim = (spot.value * (1000n + permille) / 1000n * 1_000_000_000n) >> 64n;
        if (lim === 0n || lim > U64) return;
        const pool = { taoReserve: tao, alphaReserve: alpha, quoteWeight: w, feeRate: 33, minimumReserve: 1_000_000n, ellipse: cal.value };
        const amounts = [tao, ...halvings.map((k) => (tao >> BigInt(k)) + 1n)];
        const rows = ec.quoteBatch(pool, true, amounts, lim, false);
        let filled = 0, limited = 0;
        amounts.forEach((a, i) => {
          const one = ec.swap(pool, true, a, lim, false, true);
          const row = { error: names[Number(rows[4 * i])], paidIn: rows[4 * i + 1], paidOut: rows[4 * i + 2], fee: rows[4 * i + 3] };
          expect(row).toEqual(one.ok ? { error: null, paidIn: one.paidIn, paidOut: one.paidOut, fee: one.fee } : { error: one.error, paidIn: 0n, paidOut: 0n, fee: 0n });
          if (one.ok && one.paidIn + one.fee === a) filled++;
          if (one.ok && one.paidIn + one.fee < a) limited++;
        });
        if (filled >= 2 && limited >= 2) mixed++;
      }), { numRuns: 150 });
    expect(mixed).toBeGreaterThan(20);
  });
});
