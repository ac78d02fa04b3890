// Runtime 473's calculate_dividend_distribution (coinbase/run_coinbase.rs at 29005cb7): the alpha part
// is dividend × alpha/(alpha + root·tw) (all of it when that total is 0), the remainder goes to root
// only for a hotkey holding a root uid; then both pots are shared by those parts, as in 425.

import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { taomath } from "../src/index.js";
import { TaomathError } from "../src/core/errors.js";
import { CoinbaseCore } from "../src/bindings/coinbase.js";
import { dividendDistribution473, rootAlphaRecycled473, type DividendHotkey473 } from "../src/bindings/dividend_split_473.js";

const ONE = 1n << 32n; // U96F32 1.0
const MAX = (1n << 128n) - 1n;
const split = (h: DividendHotkey473[], pa: bigint, pr: bigint, tw: bigint) => dividendDistribution473(taomath().core, h, pa, pr, tw);

// U96F32 as the chain computes it: products and quotients truncate, saturating at the type's bounds
const mul = (a: bigint, b: bigint) => { const p = (a * b) >> 32n; return p > MAX ? MAX : p; };
const div = (a: bigint, b: bigint): bigint | null => { if (b === 0n) return null; const q = (a << 32n) / b; return q > MAX ? null : q; };
const add = (a: bigint, b: bigint) => (a + b > MAX ? MAX : a + b);
const sub = (a: bigint, b: bigint) => (a > b ? a - b : 0n);
/** The 473 formula, written out step by step from the chain's function. */
function reference(h: DividendHotkey473[], pa: bigint, pr: bigint, tw: bigint) {
  let ta = 0n, tr = 0n;
  const parts = h.map((x) => {
    const total = add(x.alpha_stake << 32n, mul(x.root_stake << 32n, tw));
    const alpha = total === 0n ? x.dividend : mul(x.dividend, div(x.alpha_stake << 32n, total) ?? 0n);
    const root = x.has_root_uid ? sub(x.dividend, alpha) : 0n;
    ta = add(ta, alpha); tr = add(tr, root);
    return { alpha, root };
  });
  return parts.map((p) => ({ alpha_dividend: mul(pa << 32n, div(p.alpha, ta) ?? 0n), root_dividend: mul(pr << 32n, div(p.root, tr) ?? 0n) }));
}

describe("runtime 473 dividend split", () => {
  it("a lone hotkey with a root uid and alpha = root·tw: the alpha part is d·floor(2^32/1.5·…) and both pots go to it", () => {
    const h = [{ dividend: 1000n * ONE, alpha_stake: 1n, root_stake: 1n, has_root_uid: true }];
    expect(split(h, 5_000n, 7_000n, ONE / 2n)).toEqual([{ alpha_dividend: 5_000n * ONE, root_dividend: 7_000n * ONE }]);
  });

  it("two hotkeys: the alpha part is computed first (2_863_311_530·d bits), the root part is the rest", () => {
    const tw = ONE / 2n;
    const h = [
      { dividend: 1000n * ONE, alpha_stake: 1n, root_stake: 1n, has_root_uid: true },
      { dividend: 1000n * ONE, alpha_stake: 1n, root_stake: 0n, has_root_uid: true },
    ];
    // 473 raw parts: hotkey 0 alpha = 1000 · floor(2^33/3) = 2_863_311_530_000 bits, root = 1_431_655_766_000;
    // hotkey 1 alpha = 1000·2^32, root 0. 425: hotkey 0 root = 1000 · floor(2^32/3) = 1_431_655_765_000, alpha the rest.
    const got = split(h, 1_000_000n, 1_000_000n, tw);
    expect(got).toEqual(reference(h, 1_000_000n, 1_000_000n, tw));
    const ta = 2_863_311_530_000n + 1000n * ONE;
    expect(got[0].alpha_dividend).toBe(mul(1_000_000n << 32n, div(2_863_311_530_000n, ta)!));
    expect(got[1].root_dividend).toBe(0n);
    expect(got[0].root_dividend).toBe(1_000_000n * ONE);
    // 1_000_000 · floor(2^32 · 2_863_311_530_000 / 7_158_278_826_000) = 1_717_986_918 · 10^6 bits
    expect(got[0].alpha_dividend).toBe(1_717_986_918_000_000n);
  });

  it("a hotkey without a root uid keeps only its alpha fraction; its root slice is nobody's and the root pot goes to the others", () => {
    const tw = ONE;
    const h = [
      { dividend: 600n * ONE, alpha_stake: 100n, root_stake: 200n, has_root_uid: false },
      { dividend: 300n * ONE, alpha_stake: 100n, root_stake: 100n, has_root_uid: true },
    ];
    const got = split(h, 900n, 450n, tw);
    // raw: hotkey 0 alpha = 600·floor(2^32/3), root 0; hotkey 1 alpha = 150, root = 150
    expect(got[0].root_dividend).toBe(0n);
    expect(got[1].root_dividend).toBe(450n * ONE);
    expect(got).toEqual(reference(h, 900n, 450n, tw));
    // 425 would have given hotkey 0 a root part of 400 and so a share of the root pot
    const old = new CoinbaseCore(taomath().core).dividendDistribution(h.map(({ has_root_uid: _, ...x }) => x), 900n, 450n, tw);
    expect(old[0].root_dividend > 0n).toBe(true);
  });

  it("zero alpha and root stake keeps the whole dividend on the alpha path", () => {
    const h = [{ dividend: 77n * ONE, alpha_stake: 0n, root_stake: 0n, has_root_uid: true }, { dividend: 23n * ONE, alpha_stake: 5n, root_stake: 0n, has_root_uid: false }];
    const got = split(h, 100n, 40n, ONE);
    expect(got).toEqual(reference(h, 100n, 40n, ONE));
    // raw alpha parts 77 and 23 (whole dividends): the pot of 100 splits 77 : 23 up to truncation
    expect(got.map((x) => x.alpha_dividend >> 32n)).toEqual([76n, 22n]);
    expect(got.map((x) => x.root_dividend)).toEqual([0n, 0n]);
  });

  it("no hotkey on root: every root dividend is 0 (the chain then recycles the pending root alpha)", () => {
    const h = [{ dividend: 10n * ONE, alpha_stake: 1n, root_stake: 9n, has_root_uid: false }];
    const got = split(h, 10n, 10n, ONE);
    expect(got[0].root_dividend).toBe(0n);
    expect(rootAlphaRecycled473(got, 10n)).toBe(true);
    expect(rootAlphaRecycled473(got, 0n)).toBe(false);
    expect(rootAlphaRecycled473(split([{ ...h[0], has_root_uid: true }], 10n, 10n, ONE), 10n)).toBe(false);
  });

  it("equals the step-by-step U96F32 model on random inputs", () => {
    const hk = fc.record({
      dividend: fc.bigInt({ min: 0n, max: 1n << 80n }), alpha_stake: fc.bigInt({ min: 0n, max: 1n << 60n }),
      root_stake: fc.bigInt({ min: 0n, max: 1n << 60n }), has_root_uid: fc.boolean(),
    });
    fc.assert(fc.property(fc.array(hk, { minLength: 1, maxLength: 8 }), fc.bigInt({ min: 0n, max: 1n << 63n }), fc.bigInt({ min: 0n, max: 1n << 63n }), fc.bigInt({ min: 0n, max: ONE }),
      (h, pa, pr, tw) => { expect(split(h, pa, pr, tw)).toEqual(reference(h, pa, pr, tw)); }), { numRuns: 300 });
  });

  it("bad input is a typed error naming the field", () => {
    expect(() => split([{ dividend: -1n, alpha_stake: 0n, root_stake: 0n, has_root_uid: true }], 0n, 0n, ONE)).toThrow(/hotkeys\[0\]\.dividend/);
    expect(() => split([{ dividend: 0n, alpha_stake: 1n << 64n, root_stake: 0n, has_root_uid: true }], 0n, 0n, ONE)).toThrow(TaomathError);
    expect(() => split([{ dividend: 0n, alpha_stake: 0n, root_stake: 0n, has_root_uid: 1 as unknown as boolean }], 0n, 0n, ONE)).toThrow(/has_root_uid/);
    expect(() => split([], 1n << 64n, 0n, ONE)).toThrow(/pending_alpha/);
  });
});
