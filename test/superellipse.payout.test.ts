// buy_output / sell_output decide the payout from exact products (L(p) ≤ R < L(p+1), see
// assembly/swap/superellipse_payout.ts) instead of the chain's division and floor square root.
// These hold it equal to the chain's path (the `_sqrt` trade functions) and to the plain-BigInt
// restatement where a floor square root is most easily got wrong: at every input of a run of
// consecutive inputs (each payout step is a boundary), on tiny pools exhaustively, for payouts past
// the 2^50 where the double estimate alone stops being exact, and past the 2^62 where the
// exact-product path hands over to the chain's path. calculate_price's quotient is found the same
// way below 2^127: it is held to the restatement at exact quotients and around 2^127 and 2^128.

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

/** Both payouts by both paths and the reference, for one pool and input. */
function agree(e: Ellipse, re: { a: bigint; b: bigint; ca: bigint; ct: bigint }, alpha: bigint, tao: bigint, input: bigint): bigint | null {
  let last: bigint | null = null;
  for (const buy of [true, false]) {
    const fast = ec.trade(buy ? "buy_output" : "sell_output", e, alpha, tao, input);
    expect(fast).toEqual(ec.trade(buy ? "buy_output_sqrt" : "sell_output_sqrt", e, alpha, tao, input));
    expect(fast).toEqual(refCall(() => ref.output(re, alpha, tao, input, buy)));
    if (buy && fast.ok) last = fast.value;
  }
  return last;
}

describe("the exact-product payout is the chain's square-root payout", () => {
  it("at every input of runs of consecutive inputs (each change of the payout is a boundary)", () => {
    const reserve = fc.bigInt({ min: 1_000_000_000n, max: 10n ** 18n });
    const weight = fc.bigInt({ min: 10n ** 16n, max: 99n * 10n ** 16n });
    let steps = 0;
    fc.assert(fc.property(reserve, reserve, weight, fc.bigInt({ min: 1n, max: 10n ** 12n }), (alpha, tao, w, start) => {
      const re = ref.fromWeights(alpha, tao, w);
      const e = asEllipse(re);
      let prev: bigint | null = null;
      for (let input = start; input < start + 40n; input++) {
        const out = agree(e, re, alpha, tao, input);
        if (prev !== null && out !== null && out !== prev) steps++;
        prev = out;
      }
    }), { numRuns: 60 });
    expect(steps).toBeGreaterThan(200);
  });

  it("where o² + ⌊t/B⌋ is a perfect square or one off it (equal scales, c = o + p·2^32: input p pays exactly p)", () => {
    const alpha = 1n << 60n, tao = 1n << 50n, Q = 1n << 32n;
    fc.assert(fc.property(fc.bigInt({ min: 2n, max: 1n << 100n }), fc.bigInt({ min: 1n, max: 1n << 40n }), fc.bigInt({ min: 1n, max: 1n << 90n }), (o, p, a) => {
      const re = { a, b: a, ca: alpha * Q + o, ct: tao * Q + o + p * Q };
      const e = asEllipse(re);
      expect(ec.trade("buy_output", e, alpha, tao, p)).toEqual({ ok: true, value: p });
      for (const input of [p - 1n, p + 1n]) agree(e, re, alpha, tao, input);
      // one unit less (more) of input coordinate: the root falls just short of (just past) the integer
      const below = { ...re, ct: re.ct - 1n }, above = { ...re, ct: re.ct + 1n };
      expect(ec.trade("buy_output", asEllipse(below), alpha, tao, p)).toEqual({ ok: true, value: p - 1n });
      expect(ec.trade("buy_output", asEllipse(above), alpha, tao, p)).toEqual({ ok: true, value: p });
      agree(asEllipse(below), below, alpha, tao, p);
      agree(asEllipse(above), above, alpha, tao, p);
    }), { numRuns: 300 });
  });

  it("on tiny pools, every input up to past the reserve", () => {
    for (const [alpha, tao] of [[1n, 1n], [3n, 7n], [17n, 5n], [40n, 40n]]) {
      for (const w of [10n ** 16n, 43n * 10n ** 16n, 5n * 10n ** 17n, 99n * 10n ** 16n]) {
        const re = ref.fromWeights(alpha, tao, w);
        for (let input = 0n; input <= 3n * (alpha + tao); input++) agree(asEllipse(re), re, alpha, tao, input);
      }
    }
  });

  it("for payouts past 2^50, where the estimate needs the remainder step", () => {
    const big = fc.bigInt({ min: 1n << 56n, max: 10n ** 18n });
    let large = 0;
    fc.assert(fc.property(big, big, fc.bigInt({ min: 10n ** 16n, max: 99n * 10n ** 16n }), fc.bigInt({ min: 1n, max: 1000n }), (alpha, tao, w, permille) => {
      const re = ref.fromWeights(alpha, tao, w);
      const out = agree(asEllipse(re), re, alpha, tao, (tao * permille) / 1000n);
      if (out !== null && out >= 1n << 50n) large++;
    }), { numRuns: 150 });
    expect(large).toBeGreaterThan(50);
  });

  it("for payouts past 2^62 and errors near u64::MAX, where the chain's path takes over", () => {
    const huge = fc.bigInt({ min: 1n << 62n, max: U64 });
    let past62 = 0;
    fc.assert(fc.property(huge, huge, fc.bigInt({ min: 1n, max: 10n ** 18n - 1n }), fc.bigInt({ min: 0n, max: U64 }), fc.bigInt({ min: 1n, max: 1000n }), (alpha, tao, w, input, permille) => {
      const r = refCall(() => ref.fromWeights(alpha, tao, w));
      if (!r.ok) return;
      // a share of the largest input the curve's domain takes (input·2^32 < Y = tao_scale here)
      const share = ((r.value.b >> 32n) * permille) / 1000n;
      const out = agree(asEllipse(r.value), r.value, alpha, tao, share < U64 ? share : U64);
      if (out !== null && out >= 1n << 62n) past62++;
      agree(asEllipse(r.value), r.value, alpha, tao, input);
    }), { numRuns: 450 });
    // about one run in fifteen lands past 2^62: 450 runs make fewer than 11 a one-in-thousands draw
    expect(past62).toBeGreaterThan(10);
  });
});

describe("calculate_price's quotient from exact products is the chain's U512 quotient", () => {
  const Q = 1n << 32n;
  /** The ellipse whose coordinates at reserves (1, 1) are X and Y. */
  const curve = (a: bigint, b: bigint, x: bigint, y: bigint) => ({ a, b, ca: Q + x, ct: Q + y });
  const same = (re: { a: bigint; b: bigint; ca: bigint; ct: bigint }) =>
    expect(ec.price(asEllipse(re), 1n, 1n)).toEqual(refCall(() => ref.price(re, 1n, 1n)));

  it("when the division is exact (equal scales, X = k·Y: the price is k·2^64)", () => {
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: (1n << 62n) }), fc.bigInt({ min: 1n, max: 1n << 60n }), fc.bigInt({ min: 1n, max: 1n << 100n }), (k, y, a) => {
      const re = curve(a, a, k * y, y);
      expect(ec.price(asEllipse(re), 1n, 1n)).toEqual({ ok: true, value: k << 64n });
      same(re);
      same({ ...re, ca: re.ca - 1n });
    }), { numRuns: 200 });
  });

  it("around 2^127 and 2^128, where the estimate hands over to the division and the price overflows", () => {
    for (const x of [(1n << 63n) - 1n, 1n << 63n, (1n << 63n) + 1n, (1n << 64n) - 1n, 1n << 64n, (1n << 64n) + 1n]) {
      for (const [a, b, y] of [[1n, 1n, 1n], [3n, 3n, 1n], [1n << 40n, 1n << 40n, 1n], [5n, 7n, 2n], [7n, 5n, 3n]]) same(curve(a, b, x * y, y));
    }
    const e = curve(1n, 1n, 1n << 64n, 1n);
    expect(ec.price(asEllipse(e), 1n, 1n)).toEqual({ ok: false, error: "Overflow" });
    expect(ec.price(asEllipse(curve(1n, 1n, (1n << 64n) - 1n, 1n)), 1n, 1n)).toEqual({ ok: true, value: (1n << 128n) - (1n << 64n) });
  });

  it("for random scales and coordinates over the whole range", () => {
    const big = (bits: bigint) => fc.bigInt({ min: 1n, max: (1n << bits) - 1n });
    fc.assert(fc.property(big(128n), big(128n), big(126n), big(126n), (a, b, x, y) => { same(curve(a, b, x, y)); }), { numRuns: 500 });
  });
});
