// Yuma3 converts every stored bond (a u16) with u16_proportion_to_fixed. The epoch computes it as
// u * 65537 for u < 65535 (assembly/math/u16_proportion.ts), since 2^32 = 65535 * 65537 + 1 makes
// floor(u * 2^32 / 65535) = u * 65537 + floor(u / 65535). This checks that identity on every u16
// against the core's division (the math helper); the Yuma3 vectors check the epoch that uses it.

import { describe, it, expect } from "vitest";
import { taomath } from "../src/index.js";

describe("u16_proportion_to_fixed without a division", () => {
  it("u * 65537 (+1 at 65535) equals I32F32(u) safe_div I32F32(65535) for every u16", () => {
    const m = taomath().math;
    for (let u = 0; u <= 65535; u++) {
      const fast = BigInt(u) * 65537n + (u === 65535 ? 1n : 0n);
      if (m.u16ProportionToFixed(u) !== fast) expect([u, m.u16ProportionToFixed(u)]).toEqual([u, fast]);
    }
  });
});
