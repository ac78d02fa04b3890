// buy_output / sell_output decide the payout from exact products (L(p) ≤ R < L(p+1), see
// assembly/swap/superellipse_payout.ts) instead of the chain's division and floor square root.
// These hold it equal to the chain's path (the `_sqrt` trade functions) and to the plain-BigInt
// restatement where a floor square root is most easily got wrong: at every input of a run of
// consecutive inputs (each payout step is a boundary), on tiny pools exhaustively, for payouts past
// the 2^50 where the double estimate alone stops being exact, and past the 2^62 where the
// exact-product path hands over to the chain's path.

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
    }), { numRuns: 150 });
    expect(past62).toBeGreaterThan(10);
  });
});
