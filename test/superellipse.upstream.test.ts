// The tests at the end of the chain's pallets/swap/src/pallet/superellipse.rs (RaoFoundation/
// subtensor 0249a4a4), restated with their numbers against the wasm core's curve.

import { describe, it, expect } from "vitest";
import { taomath } from "../src/index.js";
import { type Ellipse, type CurveResult } from "../src/bindings/superellipse.js";

const ec = (taomath()).ellipse;
const M64 = (1n << 64n) - 1n;
const pct = (p: bigint) => p * 10n ** 16n;
const ok = <T>(r: CurveResult<T>): T => {
  if (!r.ok) throw new Error(`curve error ${r.error}`);
  return r.value;
};
const equal = (alpha: bigint, tao: bigint) => ok(ec.fromWeights(alpha, tao, pct(50n)));
const price = (e: Ellipse, a: bigint, t: bigint) => ok(ec.price(e, a, t));
const buy = (e: Ellipse, a: bigint, t: bigint, i: bigint) => ec.trade("buy_output", e, a, t, i);
const sell = (e: Ellipse, a: bigint, t: bigint, i: bigint) => ec.trade("sell_output", e, a, t, i);
const toF = (bits: bigint) => Number(bits) / 2 ** 64;
/** X²b² + Y²a² at the given reserves (the test-only `invariant` of the chain). */
function invariant(e: Ellipse, alpha: bigint, tao: bigint): bigint {
  const x = e.center_alpha - (alpha << 32n), y = e.center_tao - (tao << 32n);
  return x * x * e.tao_scale * e.tao_scale + y * y * e.alpha_scale * e.alpha_scale;
}

describe("superellipse.rs upstream tests", () => {
  it("sqrt_is_exact_at_extremes_and_neighbors", () => {
    for (const chainStart of [false, true]) {
      for (const root of [1n, 2n, 100n, M64, (1n << 128n) - 1n]) {
        const square = root * root;
        expect(ec.sqrt(square, chainStart)).toBe(root);
        expect(ec.sqrt(square - 1n, chainStart)).toBe(root - 1n);
        expect(ec.sqrt(square + 1n, chainStart)).toBe(root);
      }
      expect(ec.sqrt((1n << 512n) - 1n, chainStart)).toBe((1n << 256n) - 1n);
    }
  });

  it("calibration_preserves_price_and_local_sensitivity", () => {
    const alpha = 10_000_000_000_000n, tao = 500_000_000_000n;
    for (const weight of [1, 10, 30, 50, 70, 90, 99]) {
      const pool = ok(ec.fromWeights(alpha, tao, pct(BigInt(weight))));
      const wq = weight / 100;
      const expected = ((1 - wq) * Number(tao)) / (wq * Number(alpha));
      const p = toF(price(pool, alpha, tao));
      expect(Math.abs(p / expected - 1)).toBeLessThan(1e-12);
      const input = 100_000n;
      const output = ok(buy(pool, alpha, tao, input));
      const after = toF(price(pool, alpha - output, tao + input));
      const slope = Math.log(after / p) / Number(input);
      const expectedSlope = 1 / ((1 - wq) * Number(tao));
      expect(Math.abs(slope / expectedSlope - 1)).toBeLessThan(0.0001);
    }
  });

  it("buys_and_sells_follow_ellipse_and_round_in_pools_favor", () => {
    const alpha = 10_000_000n, tao = 500_000n;
    const pool = equal(alpha, tao);
    for (const input of [0n, 1n, 100n, 1_000n, 100_000n]) {
      const output = ok(buy(pool, alpha, tao, input));
      const expected = Number(alpha) * (Math.sqrt(2 - (1 - Number(input) / Number(tao)) ** 2) - 1);
      expect(output).toBe(BigInt(Math.floor(expected)));
      expect(invariant(pool, alpha - output, tao + input)).toBeLessThanOrEqual(invariant(pool, alpha, tao));
      expect(ok(sell(pool, alpha - output, tao + input, output))).toBeLessThanOrEqual(input);
    }
    for (const input of [1n, 100n, 1_000n, 100_000n]) {
      const output = ok(sell(pool, alpha, tao, input));
      expect(ok(buy(pool, alpha + input, tao - output, output))).toBeLessThanOrEqual(input);
    }
  });

  it("price_limits_are_conservative_and_maximal", () => {
    const alpha = 10_000_000n, tao = 500_000n;
    const pool = equal(alpha, tao);
    let target = BigInt(0.06 * 2 ** 64);
    let input = ok(ec.trade("quote_delta_to_price", pool, alpha, tao, target));
    let output = ok(buy(pool, alpha, tao, input));
    expect(price(pool, alpha - output, tao + input)).toBeLessThanOrEqual(target);
    let next = ok(buy(pool, alpha, tao, input + 1n));
    expect(price(pool, alpha - next, tao + input + 1n)).toBeGreaterThan(target);
    target = BigInt(0.04 * 2 ** 64);
    input = ok(ec.trade("base_delta_to_price", pool, alpha, tao, target));
    output = ok(sell(pool, alpha, tao, input));
    expect(price(pool, alpha + input, tao - output)).toBeGreaterThanOrEqual(target);
    next = ok(sell(pool, alpha, tao, input + 1n));
    expect(price(pool, alpha + input + 1n, tao - next)).toBeLessThan(target);
  });

  it("inverse_quote_rounds_input_up", () => {
    const alpha = 10_000_000n, tao = 500_000n;
    const pool = equal(alpha, tao);
    for (const output of [1n, 10n, 1_000n, 100_000n]) {
      const input = ok(ec.trade("base_needed_for_quote", pool, alpha, tao, output));
      expect(ok(sell(pool, alpha, tao, input))).toBeGreaterThanOrEqual(output);
      expect(ok(sell(pool, alpha, tao, input - 1n))).toBeLessThan(output);
    }
  });

  it("domain_and_physical_reserves_are_enforced", () => {
    const pool = equal(10_000n, 1_000n);
    expect(ok(ec.trade("max_buy_input", pool, 10_000n, 1_000n, 0n))).toBe(999n);
    expect(buy(pool, 10_000n, 1_000n, 1_000n)).toEqual({ ok: false, error: "OutsideDomain" });
    expect(ok(ec.trade("max_sell_input", pool, 10_000n, 1_000n, 0n))).toBe(9_999n);
    const unbalanced = ok(ec.fromWeights(10_000n, 1_000n, pct(1n)));
    const max = ok(ec.trade("max_sell_input", unbalanced, 10_000n, 1_000n, 0n));
    expect(ok(sell(unbalanced, 10_000n, 1_000n, max))).toBeLessThanOrEqual(1_000n);
    expect(sell(unbalanced, 10_000n, 1_000n, max + 1n).ok).toBe(false);
  });

  it("reserve_floors_are_enforced_at_the_exact_integer_boundary", () => {
    const alpha = 10_000n, tao = 1_000n;
    for (const weight of [1n, 10n, 50n, 90n, 99n]) {
      const pool = ok(ec.fromWeights(alpha, tao, pct(weight)));
      for (const floor of [0n, 1n, 100n, 1_000n]) {
        const b = ok(ec.trade("max_buy_input", pool, alpha, tao, floor));
        expect(ok(buy(pool, alpha, tao, b))).toBeLessThanOrEqual(alpha - floor);
        const over = buy(pool, alpha, tao, b + 1n);
        expect(!over.ok || over.value > alpha - floor).toBe(true);
        const s = ok(ec.trade("max_sell_input", pool, alpha, tao, floor));
        expect(ok(sell(pool, alpha, tao, s))).toBeLessThanOrEqual(tao - floor);
        const overS = sell(pool, alpha, tao, s + 1n);
        expect(!overS.ok || overS.value > tao - floor).toBe(true);
      }
      expect(ec.trade("max_buy_input", pool, alpha, tao, alpha + 1n)).toEqual({ ok: false, error: "InsufficientReserves" });
      expect(ec.trade("max_sell_input", pool, alpha, tao, tao + 1n)).toEqual({ ok: false, error: "InsufficientReserves" });
    }
  });

  it("injections_preserve_price_and_trade_response", () => {
    const alpha = 10_000_000n, tao = 500_000n;
    const pool = equal(alpha, tao);
    const p = price(pool, alpha, tao);
    const output = ok(buy(pool, alpha, tao, 1_000n));
    const moved = ok(ec.translate(pool, 7_000_000n, 900_000n));
    expect(price(moved, alpha + 7_000_000n, tao + 900_000n)).toBe(p);
    expect(ok(buy(moved, alpha + 7_000_000n, tao + 900_000n, 1_000n))).toBe(output);
  });

  it("full_width_domain_bounds_and_round_trips", () => {
    let state = 22n;
    const next = () => { state = (state * 6_364_136_223_846_793_005n + 1n) & M64; return state; };
    for (let k = 0; k < 256; k++) {
      const alpha = next() || 1n;
      const tao = next() || 1n;
      const quote = pct((next() % 99n) + 1n);
      const pool = ok(ec.fromWeights(alpha, tao, quote));
      const maxBuy = ok(ec.trade("max_buy_input", pool, alpha, tao, 0n));
      const bought = ok(buy(pool, alpha, tao, maxBuy));
      if (maxBuy < M64 - tao) expect(buy(pool, alpha, tao, maxBuy + 1n).ok).toBe(false);
      expect(ok(sell(pool, alpha - bought, tao + maxBuy, bought))).toBeLessThanOrEqual(maxBuy);
      const maxSell = ok(ec.trade("max_sell_input", pool, alpha, tao, 0n));
      const sold = ok(sell(pool, alpha, tao, maxSell));
      if (maxSell < M64 - alpha) expect(sell(pool, alpha, tao, maxSell + 1n).ok).toBe(false);
      expect(ok(buy(pool, alpha + maxSell, tao - sold, sold))).toBeLessThanOrEqual(maxSell);
    }
  });

  it("extreme_balances_and_invalid_initialization", () => {
    for (const [alpha, tao] of [[1n, 1n], [M64 - 1_000n, M64 - 1_000n], [M64, 1n]]) {
      const pool = equal(alpha, tao);
      expect(ec.price(pool, alpha, tao).ok).toBe(true);
      if (alpha > 1n && alpha !== M64) expect(sell(pool, alpha, tao, 1n).ok).toBe(true);
    }
    expect(ec.fromWeights(0n, 1n, pct(50n))).toEqual({ ok: false, error: "InvalidParameters" });
    expect(ec.fromWeights(1n, 1n, pct(0n))).toEqual({ ok: false, error: "InvalidParameters" });
    const full = equal(M64, M64);
    expect(buy(full, M64, M64, 1n)).toEqual({ ok: false, error: "Overflow" });
    const pool = ok(ec.fromPrice(10_000_000n, 500_000n, BigInt(0.05 * 2 ** 64)));
    expect(Math.abs(toF(price(pool, 10_000_000n, 500_000n)) - 0.05)).toBeLessThan(1e-15);
  });
});

describe("the curve bindings refuse values past their chain types", () => {
  const e = equal(10_000_000n, 500_000n);
  const field = (f: () => unknown) => { try { f(); } catch (err) { return (err as { field?: string }).field; } return "no error"; };
  it("reserves and amounts past u64, scales past u128, centers past i128", () => {
    expect(field(() => ec.price(e, 1n << 64n, 1n))).toBe("alpha");
    expect(field(() => ec.trade("buy_output", e, 1n, 1n, -1n))).toBe("input");
    expect(field(() => ec.trade("max_sell_input", e, 1n, 1n, 1n << 64n))).toBe("floor");
    expect(field(() => ec.trade("quote_delta_to_price", e, 1n, 1n, 1n << 128n))).toBe("target");
    expect(field(() => ec.price({ ...e, tao_scale: 1n << 128n }, 1n, 1n))).toBe("ellipse.tao_scale");
    expect(field(() => ec.price({ ...e, center_tao: 1n << 127n }, 1n, 1n))).toBe("ellipse.center_tao");
    expect(field(() => ec.quoteBatch({ taoReserve: 1n, alphaReserve: 1n, ellipse: e }, true, [1n, 1n << 64n], 1n))).toBe("amounts[1]");
  });
  it("but a zero scale or a reserve outside the domain is the chain's own curve error", () => {
    expect(ec.price({ ...e, alpha_scale: 0n }, 10_000_000n, 500_000n)).toEqual({ ok: false, error: "InvalidParameters" });
    expect(ec.price(e, 30_000_000n, 500_000n)).toEqual({ ok: false, error: "OutsideDomain" });
  });
});
