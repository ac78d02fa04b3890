// The host's shared helpers (src/core/ints.ts, src/core/transaction.ts): Rust's saturating_* on the
// chain's integer types, and the `#[transactional]` rollback every host model runs its calls through.

import { describe, it, expect } from "vitest";
import { U64_MAX, U128_MAX, I128_MIN, I128_MAX, satU64, satAddU64, satSubU64, satU128, satI128 } from "../src/core/ints.js";
import { transactional } from "../src/core/transaction.js";

describe("saturating arithmetic on the chain's integer types", () => {
  it("u64 saturating_add stops at u64::MAX and is exact below it", () => {
    expect(satAddU64(U64_MAX - 1n, 1n)).toBe(U64_MAX);
    expect(satAddU64(U64_MAX, U64_MAX)).toBe(U64_MAX);
    expect(satAddU64(5n, 7n)).toBe(12n);
    expect(satU64(U64_MAX + 1n)).toBe(U64_MAX);
  });
  it("u64 saturating_sub stops at zero", () => {
    expect(satSubU64(3n, 5n)).toBe(0n);
    expect(satSubU64(5n, 5n)).toBe(0n);
    expect(satSubU64(5n, 3n)).toBe(2n);
  });
  it("u128 and i128 sums clamp at their own bounds", () => {
    expect(satU128(U128_MAX + 1n)).toBe(U128_MAX);
    expect(satU128(U64_MAX + 1n)).toBe(U64_MAX + 1n);
    expect(satI128(I128_MAX + 1n)).toBe(I128_MAX);
    expect(satI128(I128_MIN - 1n)).toBe(I128_MIN);
    expect(satI128(-5n)).toBe(-5n);
  });
});

describe("transactional", () => {
  it("keeps the changes and returns the result when the call succeeds", () => {
    const state = { x: 1 };
    const r = transactional(() => ({ ...state }), (s) => Object.assign(state, s), () => { state.x = 2; return "ok"; });
    expect(r).toBe("ok");
    expect(state.x).toBe(2);
  });
  it("restores the state taken before and rethrows the same error when the call fails", () => {
    const state = { x: 1 };
    const err = new Error("refused");
    let caught: unknown;
    try {
      transactional(() => ({ ...state }), (s) => Object.assign(state, s), () => { state.x = 2; throw err; });
    } catch (e) { caught = e; }
    expect(caught).toBe(err);
    expect(state.x).toBe(1);
  });
});
