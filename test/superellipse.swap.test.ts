// The runtime-473 swap as the pallet runs it, behaviour by behaviour: sim_swap, a subnet's first
// swap, the endpoint clamp with its recomputed fee, and the pallet-subtensor reserve update.

import { describe, it, expect } from "vitest";
import { taomath } from "../src/index.js";
import { type Ellipse } from "../src/pool/index.js";

const ec = (taomath()).ellipse;
const MAX = 1_000_000_000_000_000n;
const pool = { taoReserve: 10n ** 15n, alphaReserve: 3n * 10n ** 15n, quoteWeight: 430_000_000_000_000_000n, palSwapInitialized: true };
const calibrated = (alpha: bigint, tao: bigint, w: bigint): Ellipse => {
  const r = ec.fromWeights(alpha, tao, w);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe("sim_swap", () => {
  it("a stable subnet answers amount for amount, no fee; a missing subnet answers 0", () => {
    expect(ec.simSwap({ ...pool, mechanism: 0 }, true, 12_345n)).toEqual({ ok: true, paidIn: 12_345n, paidOut: 12_345n, fee: 0n, feeToBlockAuthor: 0n });
    expect(ec.simSwap({ ...pool, mechanism: 0 }, false, 12_345n, false)).toEqual({ ok: true, paidIn: 0n, paidOut: 0n, fee: 0n, feeToBlockAuthor: 0n });
  });
  it("a dynamic subnet runs the rolled-back swap at the order's default limit", () => {
    for (const buy of [true, false]) {
      const s = ec.simSwap(pool, buy, 10n ** 12n);
      const r = ec.swap(pool, buy, 10n ** 12n, buy ? MAX : 1_000n, false, true);
      expect([s.paidIn, s.paidOut, s.fee]).toEqual([r.paidIn, r.paidOut, r.fee]);
      expect(s.paidOut > 0n).toBe(true);
    }
  });
});

describe("a subnet's first swap", () => {
  it("builds the ellipse from the stored quote weight and keeps it when the swap commits", () => {
    const r = ec.swap({ ...pool, ellipse: null }, true, 10n ** 9n, MAX, false, false);
    expect(r.ok).toBe(true);
    expect(r.stateAfter.ellipse).toEqual(calibrated(pool.alphaReserve, pool.taoReserve, pool.quoteWeight));
    expect(r.stateAfter.palSwapInitialized).toBe(true);
  });
  it("uses weight 0.5 when the pool was never initialised, and stores 0.5", () => {
    const r = ec.swap({ ...pool, palSwapInitialized: false, ellipse: null }, true, 10n ** 9n, MAX, false, false);
    expect(r.stateAfter.ellipse).toEqual(calibrated(pool.alphaReserve, pool.taoReserve, 500_000_000_000_000_000n));
    expect(r.stateAfter.quoteWeight).toBe(500_000_000_000_000_000n);
  });
  it("leaves no ellipse behind when it is only simulated", () => {
    const r = ec.swap({ ...pool, ellipse: null }, true, 10n ** 9n, MAX, false, true);
    expect(r.ok).toBe(true);
    expect(r.stateAfter.ellipse).toBeNull();
  });
});

describe("the swap step", () => {
  const e = calibrated(pool.alphaReserve, pool.taoReserve, pool.quoteWeight);
  it("clamps a buy to the largest input keeping MinimumReserve alpha and recomputes its fee on the filled amount", () => {
    // a thin alpha reserve on a wide curve: the curve could pay out more alpha than the pool holds
    const alpha = 2_000_000_000n, tao = 1_000_000_000_000n;
    const wide: Ellipse = { alpha_scale: alpha << 32n, tao_scale: tao << 32n, center_alpha: (alpha << 32n) * 2n, center_tao: (tao << 32n) * 11n };
    const p = { taoReserve: tao, alphaReserve: alpha, feeRate: 33, ellipse: wide };
    const max = ec.trade("max_buy_input", wide, alpha, tao, 1_000_000n);
    if (!max.ok) throw new Error(max.error);
    const r = ec.swap(p, true, 100_000_000_000_000n, (1n << 64n) - 1n, false, true);
    expect(r.ok).toBe(true);
    expect(r.paidIn).toBe(max.value);
    expect(r.fee).toBe((max.value * ((33n << 64n) / (65535n - 33n))) >> 64n);
    expect(alpha - r.paidOut).toBeGreaterThanOrEqual(1_000_000n);
    expect(alpha - r.paidOut).toBeLessThan(2_000_000n);
  });
  it("an unclamped buy pays floor(amount · 33/65535) and the curve's buy output", () => {
    const amount = 10n ** 12n;
    const r = ec.swap({ ...pool, ellipse: e }, true, amount, MAX, false, true);
    const fee = (amount * ((33n << 64n) / 65535n)) >> 64n;
    const out = ec.trade("buy_output", e, pool.alphaReserve, pool.taoReserve, amount - fee);
    expect([r.fee, r.paidIn, r.ok && out.ok ? out.value : -1n]).toEqual([fee, amount - fee, r.paidOut]);
  });
  it("a committed buy moves the reserves and alpha outstanding, and leaves the curve as it was", () => {
    const r = ec.swap({ ...pool, ellipse: e, alphaOut: 7n }, true, 10n ** 12n, MAX, false, false);
    expect(r.stateAfter.taoReserve).toBe(pool.taoReserve + r.paidIn);
    expect(r.stateAfter.alphaReserve).toBe(pool.alphaReserve - r.paidOut);
    expect(r.stateAfter.alphaOut).toBe(7n + r.paidOut);
    expect(r.stateAfter.ellipse).toEqual(e);
    expect(r.priceAfter > r.priceBefore).toBe(true);
  });
  it("a limit equal to the current price is refused (it must lie strictly beyond)", () => {
    const spot = ec.price(e, pool.alphaReserve, pool.taoReserve);
    if (!spot.ok) throw new Error(spot.error);
    const limitRao = (spot.value * 1_000_000_000n) >> 64n;
    expect(ec.swap({ ...pool, ellipse: e }, true, 10n ** 9n, limitRao, false, true).error).toBe("PriceLimitExceeded");
  });
});

describe("the binding over a growing memory", () => {
  it("a quote after a batch that grew the core's memory equals the same quote before it", async () => {
    const { createTaomath } = await import("../src/index.js");
    const own = (await createTaomath()).ellipse;
    const p = { ...pool, ellipse: calibrated(pool.alphaReserve, pool.taoReserve, pool.quoteWeight) };
    const before = own.quote(p, true, 10n ** 9n, MAX);
    const pages = () => (own as unknown as { core: { buffer: ArrayBuffer } }).core.buffer.byteLength;
    const size = pages();
    const amounts = new BigUint64Array(400_000).fill(10n ** 9n);
    const rows = own.quoteBatch(p, true, amounts, MAX);
    expect(pages()).toBeGreaterThan(size);
    expect(rows[rows.length - 2]).toBe(before.paidOut);
    expect(own.quote(p, true, 10n ** 9n, MAX)).toEqual(before);
  });
});
