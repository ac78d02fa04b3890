// subtensor's tests/mechanism.rs (split_emissions, epoch_with_mechanisms) with their numbers.

import { describe, it, expect } from "vitest";
import { taomath } from "../src/index.js";
import { type MechanismsInput } from "../src/epoch/index.js";

const tm = taomath();
const split = (e: bigint, mechanisms: number, parts: number[] | null) =>
  tm.runEpochMechanisms({ ...state(2), rao_emission: e, mechanisms: Array.from({ length: mechanisms }, () => mech(2)), mechanism_emission_split: parts }).emission_split;

function mech(n: number, rows?: Array<Array<[number, number]>>) {
  return {
    weights: rows ?? Array.from({ length: n }, () => [[0, 0xffff], [1, 0xffff]] as Array<[number, number]>),
    bonds: Array.from({ length: n }, () => []),
    last_update: Array(n).fill(2n),
  };
}

/** mock_epoch_state (+ mock_3_neurons when n = 3): tempo 1, registration 1, 1 alpha each, permits all true. */
function state(n: number): Omit<MechanismsInput, "mechanisms" | "mechanism_emission_split"> {
  return {
    n, current_block: 1n, tempo: 1, activity_cutoff: 13n, last_mechanism_step_block: 0n,
    alpha_stake: n === 3 ? [1_000_000_000n, 1_000_000_000n, 0n] : Array(n).fill(1_000_000_000n),
    tao_stake: Array(n).fill(0n), tao_weight: 0n, stake_threshold: 0n, owner_uid: null,
    validator_permit: Array(n).fill(true), max_allowed_validators: 100,
    block_at_registration: Array(n).fill(1n), kappa: 32767, bonds_penalty: 65535, bonds_moving_average: 900_000n,
    liquid_alpha_enabled: false, alpha_low: 45875, alpha_high: 58982, alpha_sigmoid_steepness: 1000,
    yuma3_enabled: false, commit_reveal_enabled: false, commit_blocks: null, rao_emission: 1_000_000_000n,
  };
}

describe("split_emissions", () => {
  it("split_emissions_even_division: 25 over 5 mechanisms is 5 each", () => {
    expect(split(25n, 5, null)).toEqual([5n, 5n, 5n, 5n, 5n]);
  });
  it("split_emissions_rounding_to_first: 10 over 4 gives the remainder to mechanism 0", () => {
    expect(split(10n, 4, null)).toEqual([4n, 2n, 2n, 2n]);
  });
  it("split_emissions_fibbonacci: a stored split [3450, 6899, 10348, 17247, 27594] of 19", () => {
    expect(split(19n, 5, [3450, 6899, 10348, 17247, 27594])).toEqual([1n, 2n, 3n, 5n, 8n]);
  });
});

describe("epoch_with_mechanisms", () => {
  it("produces per-mechanism incentive [32767, 32767] in both mechanisms", () => {
    const r = tm.runEpochMechanisms({ ...state(2), mechanisms: [mech(2), mech(2)], mechanism_emission_split: null });
    expect(r.emission_split).toEqual([500_000_000n, 500_000_000n]);
    expect(r.mechanisms.map((m) => m.incentive)).toEqual([[32767, 32767], [32767, 32767]]);
  });

  it("updates bonds per mechanism; an explicit zero weight leaves an empty bond row", () => {
    const m1 = mech(2, [[[0, 0xffff], [1, 0]], [[0, 0xffff], [1, 0xffff]]]);
    const r = tm.runEpochMechanisms({ ...state(2), mechanisms: [mech(2), m1], mechanism_emission_split: null });
    expect(r.mechanisms[0].bonds).toEqual([[[1, 65535]], [[0, 65535]]]);
    expect(r.mechanisms[1].bonds).toEqual([[], [[0, 65535]]]);
  });

  it("incentives are proportional to weights: [0, 52427, 13106] and the reverse", () => {
    const s = { ...state(3), validator_permit: [true, false, false] };
    const r = tm.runEpochMechanisms({
      ...s, mechanism_emission_split: null,
      mechanisms: [mech(3, [[[1, 52428], [2, 13107]], [], []]), mech(3, [[[1, 13107], [2, 52428]], [], []])],
    });
    expect(r.mechanisms[0].incentive).toEqual([0, 52427, 13106]);
    expect(r.mechanisms[1].incentive).toEqual([0, 13106, 52427]);
  });

  it("no weight, no incentive: a row [(1, 1), (2, 0)] gives [0, 65535, 0]", () => {
    const s = { ...state(3), validator_permit: [true, false, false] };
    const rows: Array<Array<[number, number]>> = [[[1, 1], [2, 0]], [], []];
    const r = tm.runEpochMechanisms({ ...s, mechanism_emission_split: null, mechanisms: [mech(3, rows), mech(3, rows)] });
    expect(r.mechanisms.map((m) => m.incentive)).toEqual([[0, 65535, 0], [0, 65535, 0]]);
  });

  describe("persists and aggregates all terms (split [16383, 49152])", () => {
    const s = { ...state(3), validator_permit: [true, false, false] };
    const r = tm.runEpochMechanisms({
      ...s, mechanism_emission_split: [16383, 49152],
      mechanisms: [mech(3, [[[1, 0xffff / 5 * 3], [2, 0xffff / 5 * 2]], [], []]), mech(3, [[[1, 0xffff / 5], [2, 0xffff / 5 * 4]], [], []])],
    });
    const ONE = 1n << 64n;
    const [w0, w1] = r.weights_u64f64;
    // floor after each mechanism: acc = floor(0 + a*w0), then floor(acc + b*w1)
    const fold = (a: bigint, b: bigint) => ((a * w0) >> 64n) + ((b * w1) >> 64n);

    it("the weights are 0.25 and 0.75 within 1e-4", () => {
      expect(Math.abs(Number(w0) / Number(ONE) - 0.25)).toBeLessThan(1e-4);
      expect(Math.abs(Number(w1) / Number(ONE) - 0.75)).toBeLessThan(1e-4);
    });
    it("server and validator emissions are plain sums of the mechanisms'", () => {
      for (let i = 0; i < 3; i++) {
        expect(r.subnet.server_emission[i]).toBe(r.mechanisms[0].server_emission[i] + r.mechanisms[1].server_emission[i]);
        expect(r.subnet.validator_emission[i]).toBe(r.mechanisms[0].validator_emission[i] + r.mechanisms[1].validator_emission[i]);
      }
    });
    it("u16 and emission terms are the floored weighted fold, within 1 of the one-step upstream formula", () => {
      const [a, b] = r.mechanisms;
      for (const key of ["dividends", "consensus", "validator_trust"] as const) {
        for (let i = 0; i < 3; i++) {
          const x = BigInt(a[key][i]), y = BigInt(b[key][i]);
          expect(BigInt(r.subnet[key][i])).toBe(fold(x, y));
          const upstream = (x * w0 + y * w1) >> 64n;
          expect(Math.abs(Number(BigInt(r.subnet[key][i]) - upstream))).toBeLessThanOrEqual(1);
        }
      }
      for (let i = 0; i < 3; i++) expect(r.subnet.emission[i]).toBe(fold(a.emission[i], b.emission[i]));
    });
    it("active and validator permits are ORed", () => {
      expect(r.subnet.active).toEqual([true, true, true]);
      expect(r.subnet.validator_permit).toEqual(r.mechanisms[0].validator_permit.map((p, i) => p || r.mechanisms[1].validator_permit[i]));
    });
  });

  it("a zero emission gives mechanism 0 the whole weight", () => {
    const r = tm.runEpochMechanisms({ ...state(2), rao_emission: 0n, mechanisms: [mech(2), mech(2)], mechanism_emission_split: null });
    expect(r.weights_u64f64).toEqual([1n << 64n, 0n]);
    expect(r.subnet.dividends).toEqual(r.mechanisms[0].dividends);
  });

  it("an error inside one mechanism names it", () => {
    expect(() => tm.runEpochMechanisms({ ...state(2), mechanisms: [mech(2), { ...mech(2), weights: [[]] }], mechanism_emission_split: null }))
      .toThrow(/mechanisms\[1\]\.weights/);
  });
});
