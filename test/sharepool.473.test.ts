// The runtime-473 share pool (assembly/sharepool/share_pool_473.ts) through its binding: the tests
// of primitives/share-pool/src/lib.rs at 473 (the 97,226-character version) with their numbers,
// plus the places where the same sequence gives a different answer under 425.

import { describe, it, expect } from "vitest";
import { taomath } from "../src/index.js";
import { TaomathError } from "../src/core/errors.js";
import fc from "fast-check";
import type { SafeFloat, ShareEntry, SharePoolOp, SharePoolState, SharePoolSnapshot } from "../src/bindings/sharepool.js";
import { RefPool473, subExactFloor as refSubExactFloor, gt as refGt } from "./helpers/sharepool_473_ref.js";

const sp = () => taomath().sharePool;
const MAX = 10n ** 21n, MIN = 10n ** 20n;
/** SafeFloat::new(m, e): the normalized form (mantissa in (1e20, 1e21]). */
function sf(m: bigint, e = 0n): SafeFloat {
  if (m === 0n) return { mantissa: 0n, exponent: 0n };
  while (m > MAX) { m /= 10n; e += 1n; }
  while (m <= MIN) { m *= 10n; e -= 1n; }
  return { mantissa: m, exponent: e };
}
const safe = (v: SafeFloat): ShareEntry => (v.mantissa === 0n ? { kind: "absent" } : { kind: "safe", value: v });
const asSf = (e: ShareEntry): SafeFloat => (e.kind === "safe" ? e.value : { mantissa: 0n, exponent: 0n });
const isZero = (e: ShareEntry) => e.kind === "absent" || (e.kind === "safe" && e.value.mantissa === 0n);
/** Exact rational a <= b for SafeFloats. */
function le(a: SafeFloat, b: SafeFloat): boolean {
  if (a.mantissa === 0n) return true;
  if (b.mantissa === 0n) return false;
  const e = a.exponent < b.exponent ? a.exponent : b.exponent;
  return a.mantissa * 10n ** (a.exponent - e) <= b.mantissa * 10n ** (b.exponent - e);
}

/** The mock of lib.rs: keys 0..3 (the Rust tests use 1, 2, 3), state carried between calls. */
class Pool {
  state: SharePoolState;
  last: SharePoolSnapshot;
  constructor(readonly runtime: 425 | 473 = 473, state?: SharePoolState) {
    this.state = state ?? { sharedValue: 0n, denominator: { kind: "absent" }, shares: [0, 1, 2, 3].map(() => ({ kind: "absent" as const })) };
    this.last = this.op("emit", 0, 0n);
  }
  op(op: SharePoolOp, key: number, amount: bigint): SharePoolSnapshot {
    const [s] = sp().run(this.state, [{ op, key, amount }], { runtime: this.runtime });
    this.state = { sharedValue: s.sharedValue, denominator: s.denominator, shares: s.shares };
    this.last = s;
    return s;
  }
  /** update_value_for_one(key, update) */
  update(key: number, update: bigint) { return update >= 0n ? this.op("stake", key, update) : this.op("withdraw", key, -update); }
  all(update: bigint) { return update >= 0n ? this.op("emit", 0, update) : this.op("slash", 0, -update); }
  credit(key: number, amount: bigint) { this.op("credit", key, amount); }
  trySole(key: number, amount: bigint): boolean { return this.op("try_credit_sole", key, amount).tryResult; }
  value(key: number): bigint { return this.last.values[key]; }
  get V() { return this.state.sharedValue; }
  get D() { return asSf(this.state.denominator); }
  share(key: number) { return asSf(this.state.shares[key]); }
  setV(v: bigint) { this.state = { ...this.state, sharedValue: v }; this.op("emit", 0, 0n); }
  clone() { return new Pool(this.runtime, structuredClone(this.state)); }
  sumShares(): SafeFloat {
    let acc: SafeFloat = { mantissa: 0n, exponent: 0n };
    for (const e of this.state.shares) acc = sp().add(acc, asSf(e))!;
    return acc;
  }
}
const seeded = (v: bigint, d: SafeFloat, shares: Array<[number, SafeFloat]>) => {
  const st: SharePoolState = { sharedValue: v, denominator: safe(d), shares: [0, 1, 2, 3].map(() => ({ kind: "absent" as const })) };
  for (const [k, s] of shares) st.shares[k] = safe(s);
  return new Pool(473, st);
};
const M64 = (1n << 64n) - 1n;
function lcg(seed: bigint): () => bigint {
  let state = (seed * 6364136223846793005n + 1n) & M64;
  return () => { state = (state * 6364136223846793005n + 1442695040888963407n) & M64; return state; };
}
const abs = (a: bigint) => (a < 0n ? -a : a);

describe("runtime 473 share pool: sole-member credits (lib.rs tests)", () => {
  it("sole_member_credit_keeps_shares_and_preserves_later_ownership", () => {
    const p = new Pool();
    p.update(1, 1_000n);
    const shares = structuredClone(p.state.shares), den = structuredClone(p.state.denominator);
    expect(p.trySole(1, 123n)).toBe(true);
    expect(p.state.shares).toEqual(shares);
    expect(p.state.denominator).toEqual(den);
    expect(p.value(1)).toBe(1_123n);
    p.update(2, 137n);
    expect(p.value(1)).toBe(1_123n);
    const newcomer = p.value(2);
    expect(abs(newcomer - 137n) <= 1n).toBe(true);
    expect(p.trySole(1, 17n)).toBe(false);
    p.update(2, -newcomer);
    expect(p.value(2)).toBe(0n);
    expect(p.trySole(1, 17n)).toBe(true);
    const owner = p.value(1);
    p.update(1, -700n);
    expect(p.value(1)).toBe(owner - 700n);
    p.update(1, -p.value(1));
    expect(p.value(1)).toBe(0n);
    expect(p.D.mantissa).toBe(0n);
    expect(p.trySole(1, 7n)).toBe(false);
    p.update(2, 7n);
    expect(p.value(1)).toBe(0n);
    expect(p.value(2)).toBe(7n);
  });

  it("sole_member_credit_writes_only_pool_value", () => {
    const fast = new Pool(), ordinary = new Pool();
    fast.update(1, 1_000n); ordinary.update(1, 1_000n);
    const before = structuredClone(fast.state);
    expect(fast.trySole(1, 123n)).toBe(true);
    ordinary.update(1, 123n);
    expect(fast.value(1)).toBe(ordinary.value(1));
    expect(fast.state.denominator).toEqual(before.denominator);
    expect(fast.state.shares).toEqual(before.shares);
    expect(fast.V).toBe(1_123n);
    expect(ordinary.state.denominator).not.toEqual(before.denominator);
  });

  it("shared_member_credit_reuses_probe_inputs_and_matches_general_deposit", () => {
    const original = new Pool();
    original.update(1, 1_000n); original.update(2, 1_000n);
    const optimized = original.clone();
    expect(original.trySole(1, 123n)).toBe(false);
    original.update(1, 123n);
    optimized.credit(1, 123n);
    expect(optimized.state).toEqual(original.state);
  });

  it("member_credit_preserves_rounding_reopening_and_overflow_fallback", () => {
    for (const seed of [1n, 1_000n, 1_000_000_000n, 1_000_000_000_000n]) {
      for (const shared of [false, true]) {
        for (const emptyValue of [false, true]) {
          const original = new Pool();
          original.update(1, seed);
          if (shared) original.update(2, seed);
          if (emptyValue) original.setV(0n);
          const optimized = original.clone();
          for (const [who, reward] of [[1, 0n], [1, 1n], [1, 17n], [3, 37n], [2, 999_999_999n]] as Array<[number, bigint]>) {
            if (!original.trySole(who, reward)) original.update(who, reward);
            optimized.credit(who, reward);
            expect(optimized.state).toEqual(original.state);
          }
        }
      }
    }
    const original = new Pool();
    original.update(1, 100n);
    original.setV(M64);
    const optimized = original.clone();
    expect(original.trySole(1, 1n)).toBe(false);
    original.update(1, 1n);
    optimized.credit(1, 1n);
    expect(optimized.state).toEqual(original.state);
  });

  it("sole_member_credit_refuses_zero_backing_missing_owner_and_overflow", () => {
    const p = new Pool();
    expect(p.trySole(1, 10n)).toBe(false);
    p.update(1, 100n);
    expect(p.trySole(2, 10n)).toBe(false);
    p.setV(0n);
    expect(p.trySole(1, 10n)).toBe(false);
    expect(p.V).toBe(0n);
    p.setV(M64);
    expect(p.trySole(1, 1n)).toBe(false);
    expect(p.V).toBe(M64);
  });

  it("sole_member_credit_matches_deposit_quotes_after_new_members_join", () => {
    for (const seed of [1n, 100n, 1_000_000_000n, 1_000_000_000_000n]) {
      const fast = new Pool(), ordinary = new Pool();
      fast.update(1, seed); ordinary.update(1, seed);
      for (const reward of [1n, 3n, 17n, 999_999_999n]) {
        expect(fast.trySole(1, reward)).toBe(true);
        ordinary.update(1, reward);
        expect(fast.value(1)).toBe(ordinary.value(1));
      }
      for (const [who, delta] of [[2, 37n], [1, 101n], [2, -11n], [3, 1_000n], [1, -17n]] as Array<[number, bigint]>) {
        fast.update(who, delta); ordinary.update(who, delta);
        for (const m of [1, 2, 3]) expect(abs(fast.value(m) - ordinary.value(m)) <= 1n).toBe(true);
        expect(fast.V).toBe(ordinary.V);
        expect(le(fast.sumShares(), fast.D)).toBe(true);
      }
    }
  });
});

/** lib.rs `grind`: dividends, small deposits and partial withdrawals in LCG order; asserts on every step. */
function grind(seed: bigint, ops: number): void {
  const RAO = 1_000_000_000n;
  const p = new Pool();
  p.update(1, (6n * RAO) / 1000n); p.update(2, (6n * RAO) / 1000n);
  const next = lcg(seed);
  for (let i = 0; i < ops; i++) {
    const who = next() % 2n === 0n ? 1 : 2;
    const branch = next() % 3n;
    if (branch === 0n) p.all(1n + (next() % (100n * RAO)));
    else if (branch === 1n) p.update(who, 1n + (next() % (RAO / 1000n)));
    else { const q = p.value(who); if (q > 0n) p.update(who, -(1n + (next() % q))); }
    let quotes = 0n;
    for (const m of [1, 2]) {
      // S <= D exactly: so the uncapped floor(V·S/D) is already within V
      expect(le(p.share(m), p.D) || p.D.mantissa === 0n && p.share(m).mantissa === 0n).toBe(true);
      quotes += p.value(m);
    }
    expect(le(p.sumShares(), p.D)).toBe(true);
    expect(quotes <= p.V).toBe(true);
  }
}

describe("runtime 473 share pool: accounting invariants (lib.rs tests)", () => {
  it("test_grind_keeps_member_share_within_denominator (seeds 0..11 of the chain's 0..199, 3000 ops each)", () => {
    for (let seed = 0n; seed < 12n; seed++) grind(seed, 3000);
  }, 120_000);

  it("test_denominator_equals_sum_of_shares: sum(S) <= D and D − sum(S) below 1e-15·D for 5000 steps", () => {
    const p = new Pool();
    const next = lcg(42n);
    p.update(1, 1_000_000_000_000n);
    for (let step = 0; step < 5000; step++) {
      const who = [1, 2, 3][Number(next() % 3n)];
      const v = p.V;
      const b = next() % 4n;
      const clamp = (x: bigint, lo: bigint, hi: bigint) => (x < lo ? lo : x > hi ? hi : x);
      if (b === 0n) p.all(1n + (next() % clamp(v / 10n, 1n, 1_000_000_000_000_000n)));
      else if (b === 1n || b === 2n) p.update(who, 1n + (next() % (v < 1_000_000_000_000_000n ? v : 1_000_000_000_000_000n)));
      else { const q = p.value(who); if (q > 0n) { const t = q / 10n; p.update(who, -(1n + (next() % (t > 1n ? t : 1n)))); } }
      const sum = p.sumShares(), d = p.D;
      expect(sp().gt(sum, d, { runtime: 473 })).toBe(false);
      const slack = sp().subExactFloor(d, sum)!;
      // slack/D < 1e-15 exactly: slack·10^15 < D
      expect(slack.mantissa === 0n || !le(d, { mantissa: slack.mantissa, exponent: slack.exponent + 15n })).toBe(true);
    }
  }, 120_000);

  it("test_no_unbacked_value_after_grind: quotes stay backed and both members can leave", () => {
    for (const seed of [5n, 17n, 99n, 1234n]) grind(seed, 333);
    const p = new Pool();
    const next = lcg(5n);
    p.update(1, 6_000_000n); p.update(2, 6_000_000n);
    for (let i = 0; i < 2000; i++) {
      const who = next() % 2n === 0n ? 1 : 2;
      const b = next() % 3n;
      if (b === 0n) p.all(1n + (next() % 100_000_000_000n));
      else if (b === 1n) p.update(who, 1n + (next() % 1_000_000n));
      else { const q = p.value(who); if (q > 0n) p.update(who, -(1n + (next() % q))); }
    }
    const v = p.V, q1 = p.value(1), q2 = p.value(2);
    expect(q1 + q2 <= v).toBe(true);
    p.update(1, -q1);
    expect(p.V).toBe(v - q1);
    const q2After = p.value(2);
    expect(q2After >= q2).toBe(true);
    p.update(2, -q2After);
    expect(p.V <= 2n).toBe(true);
  }, 60_000);
});

describe("runtime 473 share pool: closing, reopening and dust (lib.rs tests)", () => {
  it("test_drained_pool_reopens_clean: 1_100 / 3_300, then 700 → 1_000 for the newcomer alone", () => {
    const p = new Pool();
    p.update(1, 1_000n); p.update(2, 3_000n); p.all(400n);
    expect([p.value(1), p.value(2)]).toEqual([1_100n, 3_300n]);
    p.update(1, -1_100n); p.update(2, -3_300n);
    expect(p.V).toBe(0n);
    expect(p.D.mantissa).toBe(0n);
    expect(isZero(p.state.shares[1]) && isZero(p.state.shares[2])).toBe(true);
    p.update(3, 700n);
    expect(p.value(3)).toBe(700n);
    p.all(300n);
    expect([p.value(3), p.value(1), p.value(2)]).toEqual([1_000n, 0n, 0n]);
    expect(p.D).toEqual(p.share(3));
  });

  it("test_stale_inflated_share_cannot_claim_later_deposit", () => {
    const p = seeded(1_000_000n, sf(100n), [[1, sf(200n)], [2, sf(200n)]]);
    expect(p.value(1)).toBe(1_000_000n);
    p.update(1, -1_000_000n);
    expect(p.V).toBe(0n);
    expect(p.D.mantissa).toBe(0n);
    expect(isZero(p.state.shares[2])).toBe(true);
    p.update(3, 50_000n);
    expect([p.value(3), p.value(1), p.value(2)]).toEqual([50_000n, 0n, 0n]);
    p.all(50_000n);
    expect([p.value(3), p.value(2)]).toEqual([100_000n, 0n]);
    p.update(3, -100_000n);
    expect(p.V).toBe(0n);
  });

  it("test_full_quoted_withdrawal_retires_the_share_in_an_inexact_pool (deposits 6_658_030_659_780..6_658_030_659_843)", () => {
    const p = seeded(786_042_366_495_955n, sf(86_737_855_666n), [[1, sf(86_737_855_666n)]]);
    let drained = false;
    for (let deposit = 6_658_030_659_780n; deposit < 6_658_030_659_844n; deposit++) {
      p.update(2, deposit);
      const quoted = p.value(2);
      expect(quoted <= deposit).toBe(true);
      p.update(2, -quoted);
      expect(isZero(p.state.shares[2])).toBe(true);
      expect(p.value(2)).toBe(0n);
      expect(p.D).toEqual(p.sumShares());
      drained ||= quoted < deposit;
    }
    expect(drained).toBe(true);
  });

  it("test_deposit_into_valueless_pool_reopens_it: the depositor of 5_000 owns the pool", () => {
    const p = seeded(0n, sf(100n), [[1, sf(300n)]]);
    p.update(2, 5_000n);
    expect([p.value(2), p.value(1)]).toEqual([5_000n, 0n]);
    expect(p.D).toEqual(p.share(2));
  });

  it("test_withdrawal_from_empty_pool_is_noop", () => {
    const p = new Pool();
    p.update(1, -10n);
    expect(p.D.mantissa).toBe(0n);
    expect(isZero(p.state.shares[1])).toBe(true);
    expect(p.V).toBe(0n);
  });

  it("test_full_integer_withdrawal_clears_sub_rao_share_residue: the drained position does not revive", () => {
    const p = new Pool();
    p.update(1, 1n); p.update(2, 2n); p.all(1n);
    expect(p.value(1)).toBe(1n);
    p.update(1, -1n);
    expect(isZero(p.state.shares[1])).toBe(true);
    expect(p.value(2)).toBe(3n);
    p.all(10n);
    expect([p.value(1), p.value(2)]).toEqual([0n, 13n]);
  });

  it("under 425 the same withdrawal leaves the 1/3-rao share, which revives after the dividend", () => {
    const p = new Pool(425);
    p.update(1, 1n); p.update(2, 2n); p.all(1n);
    p.op("unstake", 1, 1n);
    expect(isZero(p.state.shares[1])).toBe(false);
    p.all(10n);
    expect(p.value(1) > 0n).toBe(true);
  });
});

describe("runtime 473 share pool: values (lib.rs tests)", () => {
  it("test_get_value: 30 and 70", () => {
    const p = seeded(100n, sf(10n), [[1, sf(3n)], [2, sf(7n)]]);
    expect([p.value(1), p.value(2)]).toEqual([30n, 70n]);
  });
  it("test_get_value_is_capped_at_shared_value: 100 (not 150) and 50; S/D = 10^21 still quotes V", () => {
    const p = seeded(100n, sf(10n), [[1, sf(15n)], [2, sf(5n)]]);
    expect([p.value(1), p.value(2)]).toEqual([100n, 50n]);
    const q = seeded(1_000_000_000n, sf(1n, -21n), [[1, sf(1n)]]);
    expect(q.value(1)).toBe(1_000_000_000n);
  });
  it("under 425 the same divergent state quotes 150, above the pool", () => {
    const st = seeded(100n, sf(10n), [[1, sf(15n)], [2, sf(5n)]]).state;
    expect(new Pool(425, st).value(1)).toBe(150n);
  });
  it("test_division_by_zero: 0", () => {
    expect(seeded(0n, sf(0n), []).value(1)).toBe(0n);
  });
  it("test_max_shared_value: within 5 of u64::MAX", () => {
    const p = seeded(M64, sf(10n), [[1, sf(3n)], [2, sf(7n)]]);
    expect(M64 - (p.value(1) + p.value(2)) <= 5n).toBe(true);
  });
  it("test_max_share_value: 500_000_000 within 1 each", () => {
    const p = seeded(1_000_000_000n, sf(M64), [[1, sf(M64 / 2n)], [2, sf(M64 / 2n)]]);
    expect(abs(p.value(1) - 500_000_000n) <= 1n && abs(p.value(2) - 500_000_000n) <= 1n).toBe(true);
  });
  it("test_update_value_for_one / test_update_value_for_all: 1000", () => {
    const p = new Pool(); p.update(1, 1000n);
    expect(p.value(1)).toBe(1000n);
    const q = new Pool(); q.all(1000n);
    expect(q.V).toBe(1000n);
  });
  it("test_denom_precision: 10 and 10", () => {
    const p = new Pool();
    p.update(1, 1000n);
    expect(p.value(1)).toBe(1000n);
    p.update(1, -990n); p.update(2, 1000n); p.update(2, -990n);
    expect([p.value(1), p.value(2)]).toEqual([10n, 10n]);
  });
  it("test_denom_high_precision: 501_000_000_000_000 within 1 each", () => {
    const p = new Pool();
    p.update(1, 1n); p.update(2, 1n); p.all(999_999_999_999_998n);
    p.update(1, -499_999_999_999_990n); p.update(2, -499_999_999_999_990n);
    p.all(999_999_999_999_980n);
    p.update(1, 1_000_000_000_000n); p.update(2, 1_000_000_000_000n);
    for (const k of [1, 2]) expect(abs(p.value(k) - 501_000_000_000_000n) <= 1n).toBe(true);
  });
  it("test_denom_high_precision_many_small_unstakes: 1_000_500_000_000_000 within 1 each", () => {
    const p = new Pool();
    p.update(1, 1n); p.update(2, 1n); p.all(1_000_000_000_000_000n);
    for (let i = 0; i < 1000; i++) { p.update(1, -500_000_000n); p.update(2, -500_000_000n); }
    p.all(1_000_000_000_000_000n);
    p.update(1, 1_000_000_000_000n); p.update(2, 1_000_000_000_000n);
    for (const k of [1, 2]) expect(abs(p.value(k) - 1_000_500_000_000_000n) <= 1n).toBe(true);
  });
  it("test_loss_due_to_precision: removing 1000 from 1e11 loses exactly 1000", () => {
    const p = seeded(1_000_000_000_000n, sf(1n, -14n), [[1, sf(1n, -15n)]]);
    const before = p.value(1);
    expect(before).toBe(100_000_000_000n);
    p.update(1, -1000n);
    expect(before - p.value(1)).toBe(1000n);
  });
  it("try_stake accepts a deposit that reopens a valueless pool (425 refused it: no share bought)", () => {
    const st = seeded(0n, sf(100n), [[1, sf(300n)]]).state;
    expect(sp().run(st, [{ op: "try_stake", key: 2, amount: 5n }], { runtime: 473 })[0].tryResult).toBe(true);
    expect(sp().run(st, [{ op: "try_stake", key: 2, amount: 5n }])[0].tryResult).toBe(false);
  });
});

describe("runtime 473 SafeFloat additions", () => {
  it("test_safefloat_gt_handles_zero", () => {
    const z = sf(0n), small = sf(1n, -12n), large = sf(1n, 12n), o = { runtime: 473 as const };
    expect([sp().gt(z, z, o), sp().gt(z, small, o), sp().gt(z, large, o)]).toEqual([false, false, false]);
    expect([sp().gt(small, z, o), sp().gt(large, z, o), sp().gt(large, small, o), sp().gt(small, large, o)]).toEqual([true, true, true, false]);
  });
  it("425's gt compares a zero by its exponent: 0 > 1e-12 there", () => {
    expect(sp().gt(sf(0n), sf(1n, -12n))).toBe(true);
  });
  it("sub_exact_floor keeps the digits the plain sub drops: (1e21·10^2) − 1 = 99_999_999_999_999_999_999_9 floored", () => {
    const a = sf(1n, 23n), b = sf(1n);
    // exact 10^23 − 1 = 99_999_999_999_999_999_999_999 → 21 digits kept, floored: 999_999_999_999_999_999_999 × 10^2
    expect(sp().subExactFloor(a, b)).toEqual({ mantissa: 999_999_999_999_999_999_999n, exponent: 2n });
    // the plain sub first truncates 1 to the larger granularity and reports 10^23 unchanged
    expect(sp().sub(a, b)).toEqual(a);
  });
  it("sub_exact_floor: None when a < b or the gap leaves U256, the value itself when b = 0, None for 0 − b", () => {
    expect(sp().subExactFloor(sf(1n), sf(2n))).toBeNull();
    expect(sp().subExactFloor(sf(1n, 100n), sf(1n))).toBeNull();
    expect(sp().subExactFloor(sf(7n), sf(0n))).toEqual(sf(7n));
    expect(sp().subExactFloor(sf(0n), sf(7n))).toBeNull();
    expect(sp().subExactFloor(sf(0n), sf(0n))).toEqual(sf(0n));
    expect(sp().subExactFloor(sf(5n), sf(5n))).toEqual(sf(0n));
  });
});

describe("SafeFloat at 473 (lib.rs tests; the arithmetic is unchanged from 425)", () => {
  it("test_safefloat_normalize: 1 → 1e21·10^-21, 10 → ·10^-20, 1000 → ·10^-18, 1e20 → 1e21·10^-1, 1e21 stays", () => {
    expect(sf(1n)).toEqual({ mantissa: 10n ** 21n, exponent: -21n });
    expect(sf(10n)).toEqual({ mantissa: 10n ** 21n, exponent: -20n });
    expect(sf(1_000n)).toEqual({ mantissa: 10n ** 21n, exponent: -18n });
    expect(sf(10n ** 20n)).toEqual({ mantissa: 10n ** 21n, exponent: -1n });
    expect(sf(10n ** 21n)).toEqual({ mantissa: 10n ** 21n, exponent: 0n });
  });
  const M = 10n ** 21n;
  const cases: Array<[bigint, bigint, bigint, bigint, bigint, bigint]> = [
    [1n, 0n, 1n, 0n, 200_000_000_000_000_000_000n, -20n],
    [0n, 0n, 1n, 0n, M, -21n],
    [0n, 0n, 1n, -1n, M, -22n],
    [1n, -1000n, 1n, -1n, M, -22n],
    [M, 0n, M, 0n, (M * 2n) / 10n, 1n],
    [1n, 0n, M, 1n, M, 1n],
    [1n, 0n, 1n, 22n, M, 1n],
    [1n, 0n, 1n, 23n, M, 2n],
    [123n, 0n, 1n, 23n, M, 2n],
    [123n, 1n, 1n, 23n, 100_000_000_000_000_000_001n, 3n],
    [42n, 0n, 1n, 22n, M, 1n],
    [999_999_999_999_999_999_999n, 0n, 1n, 22n, 109_999_999_999_999_999_999n, 2n],
    [42n, 0n, 1n, 23n, M, 2n],
    [4_200n, 0n, 1n, 23n, 100_000_000_000_000_000_004n, 3n],
    [999_999_999_999_999_999_999n, 0n, 1n, 23n, 100_999_999_999_999_999_999n, 3n],
    [999_999n, 1n, 1n, 23n, 100_000_000_000_000_009_999n, 3n],
    [1n, 24n, 1n, 0n, M, 3n],
    [1n, 24n, 123_456_789_012_345_678_901n, 0n, 100_012_345_678_901_234_567n, 4n],
    [1n, 22n, 1n, 23n, 110_000_000_000_000_000_000n, 3n],
    [999_999_999_999_999_999_999n, 22n, 1n, 22n, M, 22n],
  ];
  for (const [ma, ea, mb, eb, m, e] of cases) {
    it(`test_safefloat_add: ${ma}e${ea} + ${mb}e${eb} = ${m}e${e}, both orders`, () => {
      const a = sf(ma, ea), b = sf(mb, eb);
      expect(sp().add(a, b)).toEqual({ mantissa: m, exponent: e });
      expect(sp().add(b, a)).toEqual({ mantissa: m, exponent: e });
    });
  }
  it("test_safefloat_div_by_zero_is_none", () => {
    expect(sp().div(sf(1n), sf(0n))).toBeNull();
  });
});

describe("runtime 473 share pool against a plain BigInt model of the same rules", () => {
  const amount = fc.oneof(
    fc.bigInt({ min: 0n, max: 2_000n }), fc.bigInt({ min: 0n, max: 10n ** 12n }),
    fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.constantFrom(0n, 1n, M64, 1n << 63n),
  );

  // "exit" withdraws the member's whole quote, the path of the dust rule
  const opExit = fc.tuple(fc.constantFrom<SharePoolOp | "exit">("stake", "stake", "withdraw", "unstake", "emit", "slash", "credit", "try_credit_sole", "try_stake", "exit", "exit"), fc.integer({ min: 0, max: 3 }), amount);

  it("every op sequence leaves the same V, D, shares, values and answers", () => {
    fc.assert(fc.property(fc.array(opExit, { minLength: 1, maxLength: 30 }), (ops) => {
      const ref = new RefPool473();
      const pool = new Pool();
      for (const [o, key, a] of ops) {
        const [name, amt] = o === "exit" ? ["withdraw", ref.value(key)] as const : [o, a] as const;
        const answer = ref.apply(name, key, amt);
        const s = pool.op(name, key, amt);
        expect(s.sharedValue).toBe(ref.V);
        expect(asSf(s.denominator)).toEqual(ref.D);
        for (let k = 0; k < 4; k++) {
          const r = ref.shares.get(k);
          expect(s.shares[k]).toEqual(r === undefined ? { kind: "absent" } : { kind: "safe", value: r });
          expect(s.values[k]).toBe(ref.value(k));
        }
        if (name === "try_credit_sole" || name === "try_stake") expect(s.tryResult).toBe(answer);
      }
    }), { numRuns: 300 });
  }, 120_000);

  it("sub_exact_floor and the zero-guarded gt agree with the model on random SafeFloats", () => {
    const sfArb = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 21n }), fc.bigInt({ min: -90n, max: 90n })).map(([m, e]) => sf(m, e));
    fc.assert(fc.property(sfArb, sfArb, (a, b) => {
      expect(sp().subExactFloor(a, b)).toEqual(refSubExactFloor(a, b));
      expect(sp().gt(a, b, { runtime: 473 })).toBe(refGt(a, b));
    }), { numRuns: 1000 });
  });
});

describe("share-pool binding: runtime and ops", () => {
  it("ops of 473 are refused under 425, naming the op", () => {
    const st = new Pool(425).state;
    expect(() => sp().run(st, [{ op: "credit", key: 0, amount: 1n }])).toThrow(TaomathError);
    expect(() => sp().run(st, [{ op: "credit", key: 0, amount: 1n }])).toThrow(/ops\[0\]\.op/);
  });
  it("an unknown runtime, a key past the coldkeys and an amount past u64 are typed errors", () => {
    const st = new Pool(425).state;
    expect(() => sp().run(st, [{ op: "stake", key: 0, amount: 1n }], { runtime: 459 as 473 })).toThrow(/runtime/);
    expect(() => sp().run(st, [{ op: "stake", key: 4, amount: 1n }])).toThrow(/ops\[0\]\.key/);
    expect(() => sp().run(st, [{ op: "stake", key: 0, amount: 1n << 64n }])).toThrow(/ops\[0\]\.amount/);
  });
});
