// calculate_price is remembered three ways (assembly/swap/superellipse.ts): two entries keyed by the
// ellipse and the reserves, a table of kept prices, and one entry keyed by the scales and the
// coordinates, because translate_liquidity moves the centers and the reserves together and leaves
// the price where it was. These hold every answer to the plain-BigInt restatement whichever memo
// gives it: prices after translations, and long runs of prices of several curves in mixed order.

import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { taomath } from "../src/index.js";
import { type Ellipse } from "../src/pool/index.js";
import * as ref from "./helpers/superellipse_bigint.mjs";

const ec = (taomath()).ellipse;
const U64 = (1n << 64n) - 1n;
const asRef = (e: Ellipse) => ({ a: e.alpha_scale, b: e.tao_scale, ca: e.center_alpha, ct: e.center_tao });
function refCall<T>(f: () => T): { ok: true; value: T } | { ok: false; error: string } {
  try { return { ok: true, value: f() }; } catch (e) { return { ok: false, error: e as string }; }
}

const reserve = fc.oneof(fc.bigInt({ min: 1n, max: U64 }), fc.bigInt({ min: 1_000n, max: 10n ** 16n }));
const weight = fc.bigInt({ min: 1n, max: 10n ** 18n - 1n });
const delta = fc.oneof(fc.bigInt({ min: 0n, max: U64 }), fc.bigInt({ min: 0n, max: 10n ** 12n }));

describe("calculate_price through its memos is the restatement's", () => {
  it("after translate_liquidity, at the moved reserves, equal to the price before it", () => {
    let same = 0;
    fc.assert(fc.property(reserve, reserve, weight, delta, delta, (alpha, tao, w, da, dt) => {
      const cal = ec.fromWeights(alpha, tao, w);
      if (!cal.ok || alpha + da > U64 || tao + dt > U64) return;
      const before = ec.price(cal.value, alpha, tao);
      const moved = ec.translate(cal.value, da, dt);
      if (!moved.ok) return;
      const after = ec.price(moved.value, alpha + da, tao + dt);
      expect(after).toEqual(refCall(() => ref.price(asRef(moved.value), alpha + da, tao + dt)));
      expect(after).toEqual(before);
      same++;
    }), { numRuns: 500 });
    expect(same).toBeGreaterThan(200);
  });

  it("over runs of prices of a few curves at a few reserves, asked in mixed order", () => {
    const curve = fc.tuple(reserve, reserve, weight, delta, delta);
    fc.assert(fc.property(fc.array(curve, { minLength: 2, maxLength: 4 }), fc.array(fc.tuple(fc.nat(), delta, delta), { minLength: 8, maxLength: 40 }), (curves, asks) => {
      const pools: Array<{ e: Ellipse; alpha: bigint; tao: bigint }> = [];
      for (const [alpha, tao, w] of curves) {
        const cal = ec.fromWeights(alpha, tao, w);
        if (cal.ok) pools.push({ e: cal.value, alpha, tao });
      }
      if (pools.length === 0) return;
      for (const [i, da, dt] of asks) {
        const p = pools[i % pools.length];
        // the pool's own reserves, reserves nearby, and the same curve translated (coordinates kept)
        const alpha = (p.alpha + (da % 1000n)) % (U64 + 1n), tao = p.tao;
        expect(ec.price(p.e, alpha, tao)).toEqual(refCall(() => ref.price(asRef(p.e), alpha, tao)));
        if (p.alpha + da <= U64 && p.tao + dt <= U64) {
          const moved = ec.translate(p.e, da, dt);
          if (moved.ok) expect(ec.price(moved.value, p.alpha + da, p.tao + dt)).toEqual(refCall(() => ref.price(asRef(moved.value), p.alpha + da, p.tao + dt)));
        }
      }
    }), { numRuns: 150 });
  });
});
