// weighted_median_col_sparse partitions (score, stake) pairs with plain stake sums when every
// re-normalised stake lies in [0, 1], and falls back to the saturating walk otherwise. Either way
// each column must equal the chain's weighted_median (the index-based walk, m.weightedMedian) run
// on that column as weighted_median_col_sparse builds it.

import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { taomath } from "../src/index.js";

const m = () => taomath().math;
const I64_MIN = -(1n << 63n), I64_MAX = (1n << 63n) - 1n;
const wrap = (x: bigint) => BigInt.asIntN(64, x);
const satSub = (a: bigint, b: bigint) => { const d = a - b; return d > I64_MAX ? I64_MAX : d < I64_MIN ? I64_MIN : d; };
/** I32F32 checked_div truncating toward zero, or 0 (safe_div) on a zero divisor or overflow. */
const safeDiv = (a: bigint, b: bigint) => {
  if (b === 0n) return 0n;
  const n = a << 32n, q = n / b;
  return q > I64_MAX || q < I64_MIN ? 0n : q;
};

/** Each column's inputs as weighted_median_col_sparse forms them, answered by m.weightedMedian. */
function reference(stake: bigint[], rows: Array<Array<[number, bigint]>>, columns: number, majority: bigint): bigint[] {
  const keep = stake.map((s, i) => (s > 0n ? i : -1)).filter((i) => i >= 0);
  let use = keep.map((i) => stake[i]);
  const sum = use.reduce((a, b) => wrap(a + b), 0n);
  if (sum !== 0n) use = use.map((s) => safeDiv(s, sum));
  const stakeSum = use.reduce((a, b) => wrap(a + b), 0n);
  const minority = satSub(stakeSum, majority);
  return Array.from({ length: columns }, (_, c) => {
    if (keep.length === 0) return 0n;
    const score = keep.map((i) => { let v = 0n; for (const [j, x] of rows[i] ?? []) if (j === c) v = x; return v; });
    if (score.every((x) => x === 0n) && !keep.some((i) => (rows[i] ?? []).some(([j]) => j === c))) return 0n;
    return m().weightedMedian(use, score, keep.map((_, t) => t), minority, 0n, stakeSum);
  });
}

const ONE = 1n << 32n;
const fixed = fc.bigInt({ min: 0n, max: ONE });
const input = (stakeArb: fc.Arbitrary<bigint>) => fc.integer({ min: 1, max: 12 }).chain((n) => fc.record({
  stake: fc.array(stakeArb, { minLength: n, maxLength: n }),
  // rows may name a column twice (the math helper accepts it; the later entry wins)
  rows: fc.array(fc.oneof(
    fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fixed), { selector: (e) => e[0], minLength: n, maxLength: n }),
    fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fixed), { maxLength: n + 1 }),
  ), { minLength: n, maxLength: n }),
  majority: fc.oneof(fixed, fc.constantFrom(0n, ONE / 2n, ONE)),
  n: fc.constant(n),
}));

describe("weighted_median_col_sparse equals the chain's weighted_median per column", () => {
  it("with the epoch's stakes (normalised, in [0, 1]): the plain-sum partition", () => {
    fc.assert(fc.property(input(fixed), ({ stake, rows, majority, n }) => {
      expect(m().weightedMedianColSparse(stake, rows, n, majority)).toEqual(reference(stake, rows, n, majority));
    }), { numRuns: 300 });
  });

  it("with raw stakes whose sums wrap or go negative: the saturating walk", () => {
    const wild = fc.oneof(fc.bigInt({ min: I64_MIN, max: I64_MAX }), fc.constantFrom(I64_MAX, I64_MAX - 1n, 1n, -1n, 1n << 62n));
    fc.assert(fc.property(input(wild), ({ stake, rows, majority, n }) => {
      expect(m().weightedMedianColSparse(stake, rows, n, majority)).toEqual(reference(stake, rows, n, majority));
    }), { numRuns: 300 });
  });
});

describe("weighted_median_col_sparse at the epoch's sizes, full columns beside columns some validators leave out", () => {
  // stored rows never repeat a uid; a column every validator weighs is partitioned from where its
  // values lie, the others from pairs laid on zeros; few distinct scores make ties with the pivot common
  const score = fc.oneof(fixed, fc.constantFrom(0n, 1n, ONE / 3n, ONE));
  const fullRow = (columns: number) => fc.array(score, { minLength: columns, maxLength: columns }).map((v) => v.map((x, j): [number, bigint] => [j, x]));
  const sized = fc.record({ k: fc.integer({ min: 1, max: 64 }), columns: fc.integer({ min: 1, max: 96 }) }).chain(({ k, columns }) => fc.record({
    stake: fc.array(fc.oneof(fixed, fc.constantFrom(0n, 1n, ONE)), { minLength: k, maxLength: k }),
    rows: fc.oneof(
      fc.array(fullRow(columns), { minLength: k, maxLength: k }),
      fc.array(fc.oneof(fullRow(columns), fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: columns - 1 }), score), { selector: (e) => e[0], maxLength: columns })), { minLength: k, maxLength: k }),
    ),
    majority: fc.oneof(fixed, fc.constantFrom(0n, ONE / 2n, ONE)),
    columns: fc.constant(columns),
  }));

  it("equals the chain's weighted_median of each column", () => {
    fc.assert(fc.property(sized, ({ stake, rows, majority, columns }) => {
      expect(m().weightedMedianColSparse(stake, rows, columns, majority)).toEqual(reference(stake, rows, columns, majority));
    }), { numRuns: 60 });
  });
});
