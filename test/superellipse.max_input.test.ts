// A 473 swap step clamps its order to the largest input that keeps MinimumReserve (max_input).
// The core decides "the order is inside that bound" in doubles with a proved margin
// (assembly/swap/superellipse.ts: inputWithinMax) and computes the exact bound only otherwise.
// These hold the swap to the plain-BigInt restatement of the pallet's step (which always computes
// the bound) for orders at the bound and a few rao either side of it, for orders at fractions of
// it, on curves after trades and injections, with reserve floors up to the whole reserve.

import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { taomath } from "../src/index.js";
import { type Ellipse } from "../src/pool/index.js";
import * as ref from "./helpers/superellipse_bigint.mjs";

const ec = (taomath()).ellipse;
const U64 = (1n << 64n) - 1n;
const asEllipse = (e: { a: bigint; b: bigint; ca: bigint; ct: bigint }): Ellipse => ({ alpha_scale: e.a, tao_scale: e.b, center_alpha: e.ca, center_tao: e.ct });
function refCall<T>(f: () => T): { ok: true; value: T } | { ok: false; error: string } {
  try { return { ok: true, value: f() }; } catch (e) { return { ok: false, error: e as string }; }
}

const reserve = fc.oneof(fc.bigInt({ min: 1n, max: U64 }), fc.bigInt({ min: 1_000n, max: 10n ** 16n }), fc.bigInt({ min: 1n, max: 1000n }));
const weight = fc.oneof(fc.constant(5n * 10n ** 17n), fc.bigInt({ min: 10n ** 16n, max: 99n * 10n ** 16n }), fc.bigInt({ min: 1n, max: 10n ** 18n - 1n }));

/** The swap (no fee, so the order is the net input) against the restatement; returns the paid input. */
function agree(pool: { tao: bigint; alpha: bigint; minimumReserve: bigint }, re: { a: bigint; b: bigint; ca: bigint; ct: bigint }, buy: boolean, amount: bigint): bigint | null {
  const limit = buy ? 1_000_000_000_000_000n : 1n;
  const got = ec.swap({ taoReserve: pool.tao, alphaReserve: pool.alpha, quoteWeight: 5n * 10n ** 17n, feeRate: 0, minimumReserve: pool.minimumReserve, ellipse: asEllipse(re) }, buy, amount, limit, false, true);
  const want = refCall(() => ref.simSwap({ tao: pool.tao, alpha: pool.alpha, feeRate: 0, minimumReserve: pool.minimumReserve }, re, buy, amount, limit));
  if (!want.ok) { expect(got.error).toBe(want.error); return null; }
  expect({ ok: got.ok, paidIn: got.paidIn, paidOut: got.paidOut, fee: got.fee }).toEqual({ ok: true, ...want.value });
  return want.value.paidIn;
}

describe("the swap step's clamp to the largest input is the pallet's", () => {
  it("for orders at the bound, a few rao either side of it and at fractions of it", () => {
    let clamped = 0, inside = 0;
    fc.assert(fc.property(reserve, reserve, weight, fc.boolean(), fc.bigInt({ min: 0n, max: 1000n }), fc.bigInt({ min: 1n, max: 999n }),
      (alpha, tao, w, buy, floorPermille, permille) => {
        const r = refCall(() => ref.fromWeights(alpha, tao, w));
        if (!r.ok) return;
        const minimumReserve = ((buy ? alpha : tao) * floorPermille) / 1000n;
        const pool = { tao, alpha, minimumReserve };
        const max = refCall(() => ref.maxInput(r.value, alpha, tao, buy, minimumReserve));
        if (!max.ok) return;
        for (const d of [-3n, -2n, -1n, 0n, 1n, 2n, 3n]) {
          const amount = max.value + d;
          if (amount < 1n || amount > U64) continue;
          const paid = agree(pool, r.value, buy, amount);
          if (paid !== null && d > 0n && paid < amount) clamped++;
        }
        const part = (max.value * permille) / 1000n;
        if (part >= 1n && agree(pool, r.value, buy, part) === part) inside++;
      }), { numRuns: 400 });
    expect(clamped).toBeGreaterThan(50);
    expect(inside).toBeGreaterThan(50);
  });

  it("on curves moved by injections, whose bound is no longer the calibration's", () => {
    fc.assert(fc.property(reserve, reserve, weight, fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.boolean(), fc.bigInt({ min: 1n, max: 1000n }),
      (alpha, tao, w, da, dt, buy, permille) => {
        const cal = ec.fromWeights(alpha, tao, w);
        if (!cal.ok || alpha + da > U64 || tao + dt > U64) return;
        const moved = ec.translate(cal.value, da, dt);
        if (!moved.ok) return;
        const e = moved.value;
        const re = { a: e.alpha_scale, b: e.tao_scale, ca: e.center_alpha, ct: e.center_tao };
        const a = alpha + da, t = tao + dt;
        const max = refCall(() => ref.maxInput(re, a, t, buy, 1n));
        if (!max.ok) return;
        for (const amount of [(max.value * permille) / 1000n, max.value, max.value + 1n]) {
          if (amount >= 1n && amount <= U64) agree({ tao: t, alpha: a, minimumReserve: 1n }, re, buy, amount);
        }
      }), { numRuns: 300 });
  });
});
