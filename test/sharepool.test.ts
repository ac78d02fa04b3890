// The alpha share pool through its bindings: subtensor's share-based staking tests (staking2.rs)
// with their numbers and tolerances, and the conservation property that the coldkeys' values never
// add up to more than the pool holds.

import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { taomath } from "../src/index.js";

import type { SharePoolOp } from "../src/bindings/sharepool.js";

const sp = () => taomath().sharePool;
const empty = (keys: number) => ({ sharedValue: 0n, denominator: { kind: "absent" as const }, shares: Array.from({ length: keys }, () => ({ kind: "absent" as const })) });
const run = (keys: number, ops: Array<[SharePoolOp, number, bigint]>) => sp().run(empty(keys), ops.map(([op, key, amount]) => ({ op, key, amount })));
const last = <T>(a: T[]) => a[a.length - 1];

describe("share-based staking (pallets/subtensor/src/tests/staking2.rs)", () => {
  const cases: Array<[bigint, bigint, bigint, bigint]> = [
    [1_000n, 999n, 1_000_000n, 0n],
    [1_000_000n, 999_000n, 100_000_000n, 0n],
    [1_000_000n, 900_000n, 100_000_000n, 0n],
    [100_000_000_000n, 1_000_000_000n, 1_000_000_000_000n, 1n],
    [100_000_000_000n, 99_000_000_000n, 1_000_000_000_000n, 1n],
    [100_000_000_000n, 99_990_000_000n, 1_000_000_000_000n, 1n],
    [100_000_000_000n, 99_990_000_000n, 1_234_567_890n, 1n],
  ];
  for (const [stake, unstake, inject, tol] of cases) {
    it(`test_share_based_staking_stake_unstake_inject(${stake}, ${unstake}, ${inject}) within ${tol}`, () => {
      const s = last(run(2, [["stake", 0, stake], ["unstake", 0, unstake], ["stake", 1, stake], ["unstake", 1, unstake], ["emit", 0, inject]]));
      const expected = stake - unstake + inject / 2n;
      for (const v of s.values) expect((v > expected ? v - expected : expected - v) <= tol).toBe(true);
    });
  }
  it("stake_unstake_inject exact values: 500_001, 50_001_000 and 627_283_945 each", () => {
    const v = (a: bigint, b: bigint, c: bigint) => last(run(2, [["stake", 0, a], ["unstake", 0, b], ["stake", 1, a], ["unstake", 1, b], ["emit", 0, c]])).values;
    expect(v(1_000n, 999n, 1_000_000n)).toEqual([500_001n, 500_001n]);
    expect(v(1_000_000n, 999_000n, 100_000_000n)).toEqual([50_001_000n, 50_001_000n]);
    expect(v(100_000_000_000n, 99_990_000_000n, 1_234_567_890n)).toEqual([627_283_945n, 627_283_945n]);
  });
  for (const [stake, inject, stake2] of [[1n, 2_000_000_000n, 500_000_000n], [1n, 5_000_000_000n, 50_000_000n], [500_000_000n, 1_000_000_000n, 1_000_000_000n]]) {
    it(`test_share_based_staking_stake_inject_stake_new(${stake}, ${inject}, ${stake2}) within 1`, () => {
      const [v1, v2] = last(run(2, [["stake", 0, stake], ["emit", 0, inject], ["stake", 1, stake2]])).values;
      expect(v1 - (stake + inject) <= 1n && stake + inject - v1 <= 1n).toBe(true);
      expect(v2 - stake2 <= 1n && stake2 - v2 <= 1n).toBe(true);
    });
  }
  it("stake 1, inject 5e9, stake 5e7: 5_000_000_001 and 49_999_999 exactly", () => {
    expect(last(run(2, [["stake", 0, 1n], ["emit", 0, 5_000_000_000n], ["stake", 1, 50_000_000n]])).values).toEqual([5_000_000_001n, 49_999_999n]);
  });
  it("test_denom_precision: stake 1000, unstake 990, twice → 10 and 10", () => {
    expect(last(run(2, [["stake", 0, 1_000n], ["unstake", 0, 990n], ["stake", 1, 1_000n], ["unstake", 1, 990n]])).values).toEqual([10n, 10n]);
  });
  it("test_denom_high_precision: 501_000_000_000_000 each", () => {
    const s = last(run(2, [
      ["stake", 0, 1n], ["stake", 1, 1n], ["emit", 0, 999_999_999_999_998n],
      ["unstake", 0, 499_999_999_999_990n], ["unstake", 1, 499_999_999_999_990n],
      ["emit", 0, 999_999_999_999_980n], ["stake", 0, 1_000_000_000_000n], ["stake", 1, 1_000_000_000_000n],
    ]));
    expect(s.values).toEqual([501_000_000_000_000n, 501_000_000_000_000n]);
  });
  it("test_denom_high_precision_many_small_unstakes: 1_000_500_000_000_000 each", () => {
    const ops: Array<[SharePoolOp, number, bigint]> = [["stake", 0, 1n], ["stake", 1, 1n], ["emit", 0, 1_000_000_000_000_000n]];
    for (let i = 0; i < 1000; i++) ops.push(["unstake", 0, 500_000_000n], ["unstake", 1, 500_000_000n]);
    ops.push(["emit", 0, 1_000_000_000_000_000n], ["stake", 0, 1_000_000_000_000n], ["stake", 1, 1_000_000_000_000n]);
    expect(last(run(2, ops)).values).toEqual([1_000_500_000_000_000n, 1_000_500_000_000_000n]);
  });
  it("an unstake larger than the coldkey's value is silently a no-op", () => {
    const s = run(1, [["stake", 0, 1_000n], ["unstake", 0, 1_001n]]);
    expect(s[1].values).toEqual([1_000n]);
    expect(s[1].sharedValue).toBe(1_000n);
  });
});

describe("share-pool conservation", () => {
  it("the coldkeys' values add up to the pool value, short by at most one rao per holder", () => {
    const op = fc.tuple(fc.constantFrom<SharePoolOp>("stake", "stake", "unstake", "emit", "slash"), fc.integer({ min: 0, max: 3 }), fc.bigInt({ min: 1n, max: 10n ** 15n }));
    fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
      const snaps = run(4, ops as Array<[SharePoolOp, number, bigint]>);
      for (const s of snaps) {
        const sum = s.values.reduce((a, b) => a + b, 0n);
        const holders = BigInt(s.shares.filter((e) => e.kind !== "absent").length);
        expect(sum <= s.sharedValue).toBe(true);
        if (holders > 0n) expect(s.sharedValue - sum <= holders).toBe(true);
      }
    }), { numRuns: 200 });
  });
});
