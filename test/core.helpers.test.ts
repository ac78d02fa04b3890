// The host's shared helpers (src/core/ints.ts, src/core/transaction.ts): Rust's saturating_* on the
// chain's integer types, the `#[transactional]` rollback every host model runs its calls through, and
// the one parser of fixed-point bits (src/bindings/values.ts).

import { describe, it, expect } from "vitest";
import { U64_MAX, U128_MAX, I128_MIN, I128_MAX, satU64, satAddU64, satSubU64, satU128, satI128 } from "../src/core/ints.js";
import { transactional } from "../src/core/transaction.js";
import { toFixedBits } from "../src/bindings/values.js";
import { TaomathError } from "../src/core/errors.js";

const code = (f: () => unknown): string => {
  try { f(); } catch (e) { if (e instanceof TaomathError) return `${e.code} ${e.field}`; throw e; }
  return "accepted";
};

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

describe("fixed-point bits input", () => {
  it("takes the same bits as a bigint, a decimal string or a safe integer", () => {
    expect(toFixedBits(-5n, "p", "i128")).toBe(-5n);
    expect(toFixedBits(" -5 ", "p", "i128")).toBe(-5n);
    expect(toFixedBits(-5, "p", "i128")).toBe(-5n);
  });
  it("checks the bits against the integer type that holds them", () => {
    expect(toFixedBits(U128_MAX.toString(), "p", "u128")).toBe(U128_MAX);
    expect(code(() => toFixedBits(U128_MAX + 1n, "p", "u128"))).toBe("out_of_range p");
    expect(code(() => toFixedBits(-1n, "p", "u128"))).toBe("out_of_range p");
    expect(code(() => toFixedBits(I128_MAX + 1n, "p", "i128"))).toBe("out_of_range p");
    expect(code(() => toFixedBits(1n << 63n, "p", "i64"))).toBe("out_of_range p");
    expect(code(() => toFixedBits("9".repeat(100), "p", "u128"))).toBe("out_of_range p");
  });
  it("refuses what is not an integer, naming the field", () => {
    expect(code(() => toFixedBits("1.5", "moving_price", "i128"))).toBe("invalid_type moving_price");
    expect(code(() => toFixedBits(0.5, "moving_price", "i128"))).toBe("invalid_type moving_price");
    expect(code(() => toFixedBits(2 ** 60, "moving_price", "i128"))).toBe("invalid_type moving_price");
    expect(code(() => toFixedBits(null, "moving_price", "i128"))).toBe("invalid_type moving_price");
    expect(code(() => toFixedBits("0x10", "moving_price", "i128"))).toBe("invalid_type moving_price");
  });
});
