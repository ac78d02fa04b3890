// Staking state transitions (src/staking.ts over the wasm pool and share pool): the chain's checks
// in order, the fee-inclusive minimum, limit variants, moves, and the delegate take.

import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { taomath, ChainRejected as StakingRejected } from "../src/index.js";
import { StakingState, splitTake, DEFAULT_DELEGATE_TAKE } from "../src/pool/index.js";
import type { PoolState } from "../src/pool/index.js";

const TAO = 1_000_000_000n;
const pool = (tao: bigint, alpha: bigint, quoteWeight = 500_000_000_000_000_000n): PoolState => ({
  taoReserve: tao, alphaReserve: alpha, alphaOut: 0n, quoteWeight, palSwapInitialized: true, feeRate: 33, minimumReserve: 1_000_000n, mechanism: 1,
});
function world() {
  const s = new StakingState(taomath());
  s.addSubnet(1, pool(1_000n * TAO, 100_000n * TAO));
  s.addSubnet(2, pool(5_000n * TAO, 1_000_000n * TAO, 499_999_999_876_543_210n));
  s.createHotkey("validator", "owner");
  s.createHotkey("other", "owner2");
  s.setBalance("alice", 100n * TAO);
  return s;
}
const reason = (f: () => unknown) => { try { f(); return "ok"; } catch (e) { return e instanceof StakingRejected ? e.reason : String(e); } };

describe("delegate and childkey take", () => {
  it("18 % default take of 1e9 alpha: 179_995_422 taken (raw 773_074_452 / 2^32), 820_004_577 to the pool", () => {
    expect(splitTake(taomath(), DEFAULT_DELEGATE_TAKE, 1_000_000_000n)).toEqual({ take: 179_995_422n, rest: 820_004_577n });
  });
  it("take of 1e6 pending root dividends is 179_995 (spec §13 row 29)", () => {
    expect(splitTake(taomath(), 11_796, 1_000_000n).take).toBe(179_995n);
  });
  it("take 0 keeps everything, take 65535 (τ = 1 exactly) takes everything", () => {
    expect(splitTake(taomath(), 0, 12_345n)).toEqual({ take: 0n, rest: 12_345n });
    expect(splitTake(taomath(), 65_535, 12_345n)).toEqual({ take: 12_345n, rest: 0n });
  });
  it("take + rest never exceeds the amount and loses at most one rao", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 65535 }), fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (t, a) => {
      const { take, rest } = splitTake(taomath(), t, a);
      expect(take + rest <= a && a - take - rest <= 1n).toBe(true);
    }), { numRuns: 300 });
  });
  it("a dividend pays the take to the owner's stake, then raises the pool for every nominator", () => {
    const s = world();
    s.addStake("alice", "validator", 1, 10n * TAO);
    const before = s.stake("validator", "alice", 1);
    const { take, rest } = s.payAlphaDividend("validator", 1, 1_000_000_000n);
    expect(take).toBe(179_995_422n);
    expect(s.hotkeyAlpha("validator", 1)).toBe(before + take + rest);
    expect(s.stake("validator", "alice", 1) > before).toBe(true);
    expect(s.stake("validator", "owner", 1) >= take).toBe(true);
  });
});

describe("add_stake", () => {
  it("the fee-inclusive minimum is 2_001_007 rao at fee 33", () => {
    expect(world().minStakeAmount(1)).toBe(2_001_007n);
  });
  it("a stake of 2_001_006 is AmountTooLow, 2_001_007 goes through", () => {
    expect(reason(() => world().addStake("alice", "validator", 1, 2_001_006n))).toBe("AmountTooLow");
    expect(reason(() => world().addStake("alice", "validator", 1, 2_001_007n))).toBe("ok");
  });
  it("moves TAO into the pool, alpha to the coldkey's share, the fee to the block author", () => {
    const s = world();
    const alpha = s.addStake("alice", "validator", 1, 10n * TAO);
    const q = s.subnets.get(1)!.pool;
    expect(s.balance("alice")).toBe(90n * TAO);
    expect(q.taoReserve).toBe(1_000n * TAO + 10n * TAO - s.authorTao);
    expect(q.alphaReserve).toBe(100_000n * TAO - alpha);
    expect(s.stake("validator", "alice", 1)).toBe(alpha);
    expect(s.authorTao).toBe(5_035_477n);
  });
  it("refuses a missing hotkey, a short balance and more than 1000x the TAO reserve", () => {
    expect(reason(() => world().addStake("alice", "nobody", 1, TAO))).toBe("HotKeyAccountNotExists");
    expect(reason(() => world().addStake("alice", "validator", 1, 101n * TAO))).toBe("NotEnoughBalanceToStake");
    expect(reason(() => world().addStake("alice", "validator", 1, 1_000_001n * TAO))).toBe("InsufficientLiquidity");
  });
  it("limit variant: SlippageTooHigh without partial fills, the max amount with them", () => {
    const limit = 10_050_000n; // 0.01005 TAO per alpha, the pool is at 0.01
    expect(reason(() => world().addStake("alice", "validator", 1, 10n * TAO, { limitPriceRao: limit }))).toBe("SlippageTooHigh");
    const s = world();
    const max = s.maxAmount(1, true, limit);
    s.addStake("alice", "validator", 1, 10n * TAO, { limitPriceRao: limit, allowPartial: true });
    expect(s.balance("alice")).toBe(100n * TAO - max);
  });
});

describe("remove_stake", () => {
  it("stake then unstake everything returns less TAO than was staked (fees and price impact)", () => {
    const s = world();
    const alpha = s.addStake("alice", "validator", 2, 10n * TAO);
    const tao = s.removeStake("alice", "validator", 2, alpha);
    expect(tao < 10n * TAO).toBe(true);
    expect(s.stake("validator", "alice", 2)).toBe(0n);
  });
  it("a partial unstake that would leave less than the minimum in TAO is AmountTooLow", () => {
    const s = world();
    s.addStake("alice", "validator", 1, 10n * TAO);
    expect(reason(() => s.removeStake("alice", "validator", 1, 100_000n))).toBe("AmountTooLow");
  });
  it("requests above the stake are clamped to the stake", () => {
    const s = world();
    const alpha = s.addStake("alice", "validator", 1, 10n * TAO);
    s.removeStake("alice", "validator", 1, alpha * 2n);
    expect(s.stake("validator", "alice", 1)).toBe(0n);
  });
  it("zero alpha is AmountTooLow", () => {
    expect(reason(() => world().removeStake("alice", "validator", 1, 0n))).toBe("AmountTooLow");
  });
});

describe("moving stake", () => {
  it("within a subnet: no swap, no fee; the hotkeys' totals move by exactly the amount", () => {
    const s = world();
    const alpha = s.addStake("alice", "validator", 1, 10n * TAO);
    const poolBefore = { ...s.subnets.get(1)!.pool };
    s.transferWithinSubnet("alice", "validator", "bob", "other", 1, alpha / 2n);
    expect(s.subnets.get(1)!.pool).toEqual(poolBefore);
    expect(s.hotkeyAlpha("validator", 1)).toBe(alpha - alpha / 2n);
    expect(s.hotkeyAlpha("other", 1)).toBe(alpha / 2n);
  });
  it("within a subnet: less than 0.002 TAO worth is AmountTooLow", () => {
    const s = world();
    s.addStake("alice", "validator", 1, 10n * TAO);
    expect(reason(() => s.transferWithinSubnet("alice", "validator", "alice", "other", 1, 100_000_000n))).toBe("AmountTooLow");
  });
  it("across subnets: exactly one leg pays the swap fee", () => {
    const s = world();
    const alpha = s.addStake("alice", "validator", 1, 10n * TAO);
    const authorBefore = s.authorTao;
    const got = s.moveAcrossSubnets("alice", "validator", 1, "alice", "other", 2, alpha);
    expect(got > 0n).toBe(true);
    expect(s.stake("other", "alice", 2)).toBe(got);
    expect(s.authorTao > authorBefore).toBe(true); // the origin leg's alpha fee, sold for the author
  });
});

describe("registration burn", () => {
  it("a registration pays Burn, buys alpha that leaves issuance, then bumps Burn ×1.26", () => {
    const s = new StakingState(taomath());
    s.addSubnet(3, { ...pool(1_000n * TAO, 100_000n * TAO), alphaOut: 50_000n * TAO });
    s.setBalance("carol", 10n * TAO);
    const paid = s.register("carol", 3);
    const q = s.subnets.get(3)!.pool;
    expect(paid).toBe(1_000_000_000n);
    expect(s.balance("carol")).toBe(9n * TAO);
    expect(q.taoReserve).toBe(1_000n * TAO + 999_496_453n); // net of the 503_547 rao fee, which stays untracked
    const bought = 100_000n * TAO - q.alphaReserve;
    expect(bought > 0n).toBe(true);
    // the swap adds `bought` to SubnetAlphaOut and do_register takes it out again: issuance falls by `bought`
    expect(q.alphaOut).toBe(50_000n * TAO);
    expect(q.alphaReserve + q.alphaOut).toBe(150_000n * TAO - bought);
    expect(s.subnets.get(3)!.burn.burn).toBe(1_260_000_000n);
  });
  it("repeated bumps from 1 TAO: 1_260_000_000, 1_587_600_000, 2_000_376_000, 2_520_473_760, 3_175_796_937", () => {
    const s = new StakingState(taomath());
    s.addSubnet(3, { ...pool(1_000n * TAO, 100_000n * TAO), alphaOut: 50_000n * TAO });
    s.setBalance("carol", 100n * TAO);
    const burns: bigint[] = [];
    for (let i = 0; i < 5; i++) { s.register("carol", 3); burns.push(s.subnets.get(3)!.burn.burn); }
    expect(burns).toEqual([1_260_000_000n, 1_587_600_000n, 2_000_376_000n, 2_520_473_760n, 3_175_796_937n]);
  });
  it("decay under the default half-life: 1 TAO → 998_076_443 after one block, 499_999_865 after 360", () => {
    const s = new StakingState(taomath());
    s.addSubnet(3, pool(1_000n * TAO, 100_000n * TAO));
    s.startBlock(2n);
    expect(s.subnets.get(3)!.burn.burn).toBe(998_076_443n);
    for (let b = 3n; b <= 361n; b++) s.startBlock(b);
    expect(s.subnets.get(3)!.burn.burn).toBe(499_999_865n);
  });
  it("no decay at block 1 (the chain skips it)", () => {
    const s = new StakingState(taomath());
    s.addSubnet(3, pool(1_000n * TAO, 100_000n * TAO));
    s.startBlock(1n);
    expect(s.subnets.get(3)!.burn.burn).toBe(1_000_000_000n);
  });
});

describe("get_max_amount_move (swap_stake_limit)", () => {
  const ONE = 1n << 64n, M128 = (1n << 128n) - 1n;
  const fdiv = (a: bigint, b: bigint) => (b === 0n ? 0n : ((a << 64n) / b > M128 ? 0n : (a << 64n) / b));
  const fmul = (a: bigint, b: bigint) => { const p = (a * b) >> 64n; return p > M128 ? M128 : p; };
  /** The chain's constant-product estimate, written out in U64F64 with BigInt. */
  function expected(t1: bigint, a1: bigint, t2: bigint, a2: bigint, limit: bigint): bigint {
    const lim = fdiv(limit * ONE, 1_000_000_000n * ONE);
    const sum = (t1 + t2) * ONE;
    const x = fdiv(fmul(a2 * ONE, fdiv(t1 * ONE, sum)), lim);
    const y = fmul(a1 * ONE, fdiv(t2 * ONE, sum));
    return x > y ? (x - y) >> 64n : 0n;
  }
  const s = () => {
    const st = new StakingState(taomath());
    st.addSubnet(1, pool(1_000n * TAO, 100_000n * TAO));      // price 0.01
    st.addSubnet(2, pool(5_000n * TAO, 1_000_000n * TAO));    // price 0.005 → relative 2.0
    st.addSubnet(0, { ...pool(1n, 1n), mechanism: 0 });
    return st;
  };
  it("dynamic → dynamic: the constant-product formula in U64F64", () => {
    for (const limit of [1_000_000_000n, 1_500_000_000n, 1_999_999_999n, 2_000_000_000n]) {
      expect(s().maxAmountMove(1, 2, limit)).toBe(expected(1_000n * TAO, 100_000n * TAO, 5_000n * TAO, 1_000_000n * TAO, limit));
    }
  });
  it("a limit above the current relative price gives 0; a limit of 0 gives u64::MAX", () => {
    expect(s().maxAmountMove(1, 2, 2_000_000_001n)).toBe(0n);
    expect(s().maxAmountMove(1, 2, 0n)).toBe((1n << 64n) - 1n);
  });
  it("with a stable side it is the add or remove maximum", () => {
    const st = s();
    expect(st.maxAmountMove(1, 0, 9_000_000n)).toBe(st.maxAmount(1, false, 9_000_000n));
    expect(st.maxAmountMove(0, 0, 1_000_000_000n)).toBe((1n << 64n) - 1n);
    expect(st.maxAmountMove(0, 0, 1_000_000_001n)).toBe(0n);
  });
  it("stable → dynamic: the destination limit is (1e9 / limit)·1e9 in U64F64, floored (0.02 TAO → 19_999_999 rao)", () => {
    const st = s();
    const limit = 50_000_000_000n;
    const dest = (((1_000_000_000n << 64n) / limit) * 1_000_000_000n) >> 64n;
    expect(dest).toBe(19_999_999n);
    expect(st.maxAmountMove(0, 1, limit)).toBe(st.maxAmount(1, true, dest));
  });
});

describe("recycle_alpha / burn_alpha", () => {
  it("recycling lowers SubnetAlphaOut (issuance); burning leaves it counted", () => {
    for (const recycle of [true, false]) {
      const s = world();
      const alpha = s.addStake("alice", "validator", 1, 10n * TAO);
      const outBefore = s.subnets.get(1)!.pool.alphaOut;
      expect(s.retireAlpha("alice", "validator", 1, alpha / 4n, recycle)).toBe(alpha / 4n);
      expect(s.subnets.get(1)!.pool.alphaOut).toBe(recycle ? outBefore - alpha / 4n : outBefore);
      expect(s.stake("validator", "alice", 1)).toBe(alpha - alpha / 4n);
    }
  });
  it("the amount is clamped to the stake", () => {
    const s = world();
    const alpha = s.addStake("alice", "validator", 1, 10n * TAO);
    expect(s.retireAlpha("alice", "validator", 1, alpha * 3n, true)).toBe(alpha);
  });
});

describe("transactional extrinsics", () => {
  it("a move refused half-way (unknown destination subnet) leaves every balance, pool and share as it was", () => {
    const s = world();
    const alpha = s.addStake("alice", "validator", 1, 10n * TAO);
    const before = structuredClone({ subnets: s.subnets, balances: s.balances, author: s.authorTao });
    expect(reason(() => s.moveAcrossSubnets("alice", "validator", 1, "alice", "other", 9, alpha))).toBe("SubnetNotExists");
    expect({ subnets: s.subnets, balances: s.balances, author: s.authorTao }).toEqual(before);
  });
});

describe("unstake_all / unstake_all_alpha", () => {
  function rooted() {
    const s = world();
    s.addSubnet(0, { ...pool(1_000n * TAO, 1_000n * TAO), mechanism: 0 });
    return s;
  }
  it("unstake_all empties every position of the pair and pays the TAO out", () => {
    const s = rooted();
    s.addStake("alice", "validator", 1, 10n * TAO);
    s.addStake("alice", "validator", 2, 10n * TAO);
    const before = s.balance("alice");
    const tao = s.unstakeAll("alice", "validator");
    expect(s.stake("validator", "alice", 1)).toBe(0n);
    expect(s.stake("validator", "alice", 2)).toBe(0n);
    expect(s.balance("alice")).toBe(before + tao);
  });
  it("unstake_all_alpha moves everything onto root 1:1", () => {
    const s = rooted();
    s.addStake("alice", "validator", 1, 10n * TAO);
    s.addStake("alice", "validator", 2, 10n * TAO);
    const before = s.balance("alice");
    const rootAlpha = s.unstakeAllAlpha("alice", "validator");
    expect(s.stake("validator", "alice", 0)).toBe(rootAlpha);
    expect(s.balance("alice")).toBe(before);
    expect(s.stake("validator", "alice", 1) + s.stake("validator", "alice", 2)).toBe(0n);
  });
  it("remove_stake_limit does not clamp the request to the stake", () => {
    const s = world();
    const alpha = s.addStake("alice", "validator", 1, 10n * TAO);
    expect(reason(() => s.removeStake("alice", "validator", 1, alpha + 1n, { limitPriceRao: 1_000n, allowPartial: true }))).toBe("NotEnoughStakeToWithdraw");
  });
});
