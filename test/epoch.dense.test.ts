// The dense epoch (subtensor's test-only epoch_dense_mechanism) against the sparse on-chain one.
// yuma.md §5: with sorted weight rows, no owner, no commit-reveal and Yuma3 off the two agree bit
// for bit; the owner's self-weight and the liquid-alpha EMA are where they visibly differ.

import { describe, it, expect } from "vitest";
import { taomath, type EpochInput, type EpochResult } from "../src/index.js";
import { rng } from "./helpers/fixed.js";
import { sharedPresent, listShared, readShared } from "./helpers/shared.js";

const tm = taomath();

/** A random subnet state with ascending weight and bond rows, no owner and commit-reveal off. */
function randomSubnet(seed: number, bondsPenalty: number): EpochInput {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const n = int(2, 40);
  const block = 10_000 + int(0, 1000);
  const tempo = int(1, 360);
  const validators = int(1, n);
  const weights: Array<Array<[number, number]>> = [];
  const bonds: Array<Array<[number, number]>> = [];
  for (let i = 0; i < n; i++) {
    const w: Array<[number, number]> = [], b: Array<[number, number]> = [];
    const density = r();
    for (let j = 0; j < n; j++) {
      if (i < validators + 2 && r() < density) w.push([j, r() < 0.05 ? 0 : int(1, 65535)]);
      if (r() < density * 0.8) b.push([j, int(0, 65535)]);
    }
    weights.push(w);
    bonds.push(b);
  }
  return {
    n,
    current_block: BigInt(block),
    tempo,
    activity_cutoff: BigInt(int(1, 5000)),
    last_mechanism_step_block: r() < 0.5 ? 0n : BigInt(block - tempo),
    alpha_stake: Array.from({ length: n }, (_, i) => (i < validators ? BigInt(int(0, 1_000_000)) * 1_000_000n : BigInt(int(0, 3)))),
    tao_stake: Array.from({ length: n }, () => (r() < 0.3 ? BigInt(int(0, 100_000)) * 1_000_000n : 0n)),
    tao_weight: r() < 0.5 ? 0n : 971_718_665_099_567_868n,
    stake_threshold: r() < 0.7 ? 0n : BigInt(int(0, 500_000)) * 1_000_000n,
    owner_uid: null,
    validator_permit: Array.from({ length: n }, () => r() < 0.8),
    max_allowed_validators: int(1, n + 2),
    last_update: Array.from({ length: n }, () => BigInt(block - int(0, 6000))),
    block_at_registration: Array.from({ length: n }, () => BigInt(r() < 0.85 ? int(0, block - 6000) : int(block - 6000, block))),
    weights,
    bonds,
    kappa: r() < 0.7 ? 32767 : int(0, 65535),
    bonds_penalty: bondsPenalty,
    bonds_moving_average: r() < 0.7 ? 900_000n : BigInt(int(0, 1_000_000)),
    liquid_alpha_enabled: false,
    alpha_low: 45875,
    alpha_high: 58982,
    alpha_sigmoid_steepness: 1000,
    yuma3_enabled: false,
    commit_reveal_enabled: false,
    commit_blocks: null,
    rao_emission: BigInt(int(0, 1_000_000_000)) * 1000n,
  };
}

/** A bond row as a length-n vector (columns past n ignored). */
function bondVector(row: Array<[number, number]>, n: number): number[] {
  const v = new Array<number>(n).fill(0);
  for (const [j, x] of row) if (j < n) v[j] = x;
  return v;
}

function expectSameEpoch(input: EpochInput, sparse: EpochResult, dense: EpochResult, label: string): void {
  for (const key of ["incentive", "dividends", "emission", "server_emission", "validator_emission", "consensus",
    "validator_trust", "stake_weight", "validator_permit", "active"] as const) {
    expect(dense[key], `${label}: ${key}`).toEqual(sparse[key]);
  }
  // the dense path walks new permits, stored permits and EMA rows together, so a uid past the
  // stored permit vector keeps its stored bond row
  const walk = Math.min(input.n, input.validator_permit.length);
  for (let i = 0; i < input.n; i++) {
    if (i >= walk) {
      expect(dense.bonds[i], `${label}: dense bonds[${i}] past the stored permits`).toEqual(input.bonds[i]);
      expect(sparse.bonds[i].length === 0 || sparse.validator_permit[i]).toBe(true);
    } else if (sparse.validator_permit[i]) {
      // both write the EMA row; the dense row is the full length-n vector with its zeros
      expect(bondVector(dense.bonds[i], input.n), `${label}: bonds[${i}]`).toEqual(bondVector(sparse.bonds[i], input.n));
      expect(dense.bonds[i].length, `${label}: bonds[${i}] is a full row`).toBe(input.n);
    } else {
      expect(sparse.bonds[i], `${label}: sparse bonds[${i}]`).toEqual([]);
      // dense: [] for a lost permit, the stored row otherwise
      expect(dense.bonds[i], `${label}: dense bonds[${i}]`).toEqual(input.validator_permit[i] ? [] : input.bonds[i]);
    }
  }
}

describe("dense epoch (epoch_dense_mechanism)", () => {
  for (const penalty of [0, 32767, 65535]) {
    it(`agrees bit for bit with the sparse epoch on 40 random subnets (bonds penalty ${penalty}, sorted rows, no owner, no commit-reveal, Yuma3 off)`, () => {
      for (let seed = 1; seed <= 40; seed++) {
        const input = randomSubnet(seed * 7919 + penalty, penalty);
        const sparse = tm.runEpoch(input);
        const dense = tm.runEpochDense(input);
        expectSameEpoch(input, sparse, dense, `seed ${seed}`);
      }
    });
  }

  it("agrees over consecutive epochs when bonds and permits are carried forward", () => {
    const input = randomSubnet(424242, 65535);
    for (let e = 0; e < 5; e++) {
      const sparse = tm.runEpoch(input);
      const dense = tm.runEpochDense(input);
      expectSameEpoch(input, sparse, dense, `epoch ${e}`);
      input.bonds = sparse.bonds;
      input.validator_permit = sparse.validator_permit;
      input.last_mechanism_step_block = input.current_block;
      input.current_block = BigInt(input.current_block) + BigInt(input.tempo);
      input.last_update = input.last_update.map((x) => BigInt(x) + BigInt(input.tempo));
    }
  });

  it("also agrees with Yuma3 on and liquid alpha off (mat_ema reads the same cells in both forms)", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const penalty = [0, 32767, 65535][seed % 3];
      const input = { ...randomSubnet(seed * 104729 + 1, penalty), yuma3_enabled: true };
      expectSameEpoch(input, tm.runEpoch(input), tm.runEpochDense(input), `seed ${seed}`);
    }
  });

  // test_can_set_self_weight_as_subnet_owner (yuma.md §10.2 T-owner, §5 item 2): the owner (uid 0)
  // weights itself and uid 1 equally; the sparse path keeps the owner's self-weight, the dense one
  // masks the whole diagonal again.
  const ownerSubnet = (yuma3: boolean): EpochInput => ({
    n: 2,
    current_block: 2n,
    tempo: 360,
    activity_cutoff: 5000n,
    last_mechanism_step_block: 0n,
    alpha_stake: [5_000_000_000_000n, 0n],
    tao_stake: [0n, 0n],
    tao_weight: 0n,
    stake_threshold: 0n,
    owner_uid: 0,
    validator_permit: [true, false],
    max_allowed_validators: 64,
    last_update: [2n, 0n],
    block_at_registration: [1n, 1n],
    weights: [[[0, 32767], [1, 32767]], []],
    bonds: [[], []],
    kappa: 32767,
    bonds_penalty: 65535,
    bonds_moving_average: 900_000n,
    liquid_alpha_enabled: false,
    alpha_low: 45875,
    alpha_high: 58982,
    alpha_sigmoid_steepness: 1000,
    yuma3_enabled: yuma3,
    commit_reveal_enabled: true,
    commit_blocks: [null, null],
    rao_emission: 1_000_000_000n,
  });

  for (const yuma3 of [true, false]) {
    it(`owner self-weight: sparse incentive [32767, 32767], dense [0, 65535] (Yuma3 ${yuma3 ? "on" : "off"})`, () => {
      const sparse = tm.runEpoch(ownerSubnet(yuma3));
      const dense = tm.runEpochDense(ownerSubnet(yuma3));
      expect(sparse.incentive).toEqual([32767, 32767]);
      expect(sparse.server_emission).toEqual([250_000_000n, 250_000_000n]);
      expect(sparse.validator_emission).toEqual([500_000_000n, 0n]);
      expect(dense.incentive).toEqual([0, 65535]);
      expect(dense.server_emission).toEqual([0n, 500_000_000n]);
    });
  }

  // yuma.md §5 item 1: the owner keeps no privilege in the dense path
  it("owner below the stake threshold: the sparse path keeps its stake and permit, the dense path drops both", () => {
    const input: EpochInput = { ...ownerSubnet(false), stake_threshold: 10_000_000_000_000n, validator_permit: [false, false] };
    const sparse = tm.runEpoch(input);
    const dense = tm.runEpochDense(input);
    expect(sparse.stake_weight).toEqual([65535, 0]);
    expect(sparse.validator_permit).toEqual([true, false]);
    expect(dense.stake_weight).toEqual([0, 0]);
    expect(dense.validator_permit).toEqual([false, false]);
    expect(dense.incentive).toEqual([0, 0]);
  });

  it("owner without a stored permit: the sparse path still counts its weights, the dense path masks its row", () => {
    const input: EpochInput = { ...ownerSubnet(false), validator_permit: [false, false] };
    expect(tm.runEpoch(input).incentive).toEqual([32767, 32767]);
    expect(tm.runEpochDense(input).incentive).toEqual([0, 0]);
  });

  // yuma.md §5 item 3
  it("commit-reveal: the dense path ignores live commits that mask weights in the sparse path", () => {
    const base = randomSubnet(777, 65535);
    const n = base.n;
    // every validator committed before every registration, so commit-reveal removes all weights
    const withCommits: EpochInput = { ...base, commit_reveal_enabled: true, commit_blocks: new Array(n).fill(0n), block_at_registration: new Array(n).fill(1n) };
    const without: EpochInput = { ...withCommits, commit_reveal_enabled: false, commit_blocks: null };
    expect(tm.runEpoch(withCommits).incentive.every((x) => x === 0)).toBe(true);
    expect(tm.runEpochDense(withCommits)).toEqual(tm.runEpochDense(without));
    expect(tm.runEpochDense(without).incentive).toEqual(tm.runEpoch(without).incentive);
    expect(tm.runEpoch(without).incentive.some((x) => x > 0)).toBe(true);
  });

  // yuma.md §5 item 5: with Yuma3 and liquid alpha, a validator holding bonds on uids 3 and 4 that
  // now weights only uid 3: the sparse EMA keeps only the weighted column, the dense EMA decays the
  // bond on uid 4 instead of dropping it.
  it("liquid alpha: sparse stores [(3, 54922)], dense keeps the decayed bond [(3, 54922), (4, 5500)]", () => {
    const input: EpochInput = {
      n: 5,
      current_block: 1000n,
      tempo: 360,
      activity_cutoff: 5000n,
      last_mechanism_step_block: 0n,
      alpha_stake: [1_000_000_000_000n, 0n, 0n, 0n, 0n],
      tao_stake: [0n, 0n, 0n, 0n, 0n],
      tao_weight: 0n,
      stake_threshold: 0n,
      owner_uid: null,
      validator_permit: [true, false, false, false, false],
      max_allowed_validators: 1,
      last_update: [1000n, 0n, 0n, 0n, 0n],
      block_at_registration: [0n, 0n, 0n, 0n, 0n],
      weights: [[[3, 65535]], [], [], [], []],
      bonds: [[[3, 30000], [4, 20000]], [], [], [], []],
      kappa: 32767,
      bonds_penalty: 65535,
      bonds_moving_average: 900_000n,
      liquid_alpha_enabled: true,
      alpha_low: 45875,
      alpha_high: 58982,
      alpha_sigmoid_steepness: 1000,
      yuma3_enabled: true,
      commit_reveal_enabled: false,
      commit_blocks: null,
      rao_emission: 1_000_000_000n,
    };
    const sparse = tm.runEpoch(input);
    const dense = tm.runEpochDense(input);
    expect(sparse.bonds[0]).toEqual([[3, 54922]]);
    expect(dense.bonds[0]).toEqual([[0, 0], [1, 0], [2, 0], [3, 54922], [4, 5500]]);
    // everything that does not read the bonds of uid 4 is the same
    expect(dense.incentive).toEqual(sparse.incentive);
  });
});

// The shared epoch vectors hold the chain's sparse results; on those with no owner, no
// commit-reveal, ascending rows and no liquid-alpha Yuma3 (n <= 256: dense memory grows with n^2),
// the dense epoch must give the same outputs.
describe.skipIf(!sharedPresent)("dense epoch on the shared epoch vectors where both paths coincide", () => {
  const sorted = (rows: Array<Array<[number, number]>>) => rows.every((r) => r.every((e, k) => k === 0 || r[k - 1][0] < e[0]));
  const eligible = listShared("vectors", "epoch").filter((f) => {
    const i = readShared("vectors", "epoch", f).inputs;
    return i.n <= 256 && i.owner_uid === null && !i.commit_reveal_enabled && sorted(i.weights) && !(i.yuma3_enabled && i.liquid_alpha_enabled);
  });
  it("finds eligible vectors", () => expect(eligible.length).toBeGreaterThan(20));
  for (const file of eligible) {
    it(`${file}: dense outputs equal the chain's`, () => {
      const v = readShared("vectors", "epoch", file);
      const sparse = tm.runEpoch(v.inputs);
      const dense = tm.runEpochDense(v.inputs);
      expectSameEpoch(v.inputs, sparse, dense, file);
    });
  }
});
