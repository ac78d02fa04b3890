// Bad input gets a TaomathError naming the field; the chain's own tolerances are kept; the module
// stays usable after an error; linear memory stays flat over many epochs.

import { describe, it, expect } from "vitest";
import { taomath, createTaomath, exampleSubnet, TaomathError, type EpochInput } from "../src/index.js";

const base = (): EpochInput => ({
  n: 3,
  current_block: 1000n,
  tempo: 360,
  activity_cutoff: 5000n,
  last_mechanism_step_block: 0n,
  alpha_stake: [1_000_000_000n, 0n, 0n],
  tao_stake: [0n, 0n, 0n],
  tao_weight: 0n,
  stake_threshold: 0n,
  owner_uid: null,
  validator_permit: [true, false, false],
  max_allowed_validators: 64,
  last_update: [999n, 0n, 0n],
  block_at_registration: [1n, 1n, 1n],
  weights: [[[1, 65535], [2, 32768]], [], []],
  bonds: [[], [], []],
  kappa: 32767,
  bonds_penalty: 65535,
  bonds_moving_average: 900_000n,
  liquid_alpha_enabled: false,
  alpha_low: 45875,
  alpha_high: 58982,
  alpha_sigmoid_steepness: 1000,
  yuma3_enabled: true,
  commit_reveal_enabled: false,
  commit_blocks: null,
  rao_emission: 1_000_000_000n,
});

function rejects(mutate: (i: any) => void, field: string, code: string) {
  const input: any = base();
  mutate(input);
  let err: unknown;
  try {
    taomath().runEpoch(input);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(TaomathError);
  expect((err as TaomathError).field).toBe(field);
  expect((err as TaomathError).code).toBe(code);
}

describe("epoch input validation", () => {
  it("a valid input runs and pays the validator and its two miners", () => {
    const out = taomath().runEpoch(base());
    expect(out.server_emission[1] + out.server_emission[2]).toBeGreaterThan(0n);
    expect(out.validator_emission[0]).toBeGreaterThan(0n);
  });
  it("a missing field is named", () => rejects((i) => delete i.kappa, "kappa", "invalid_type"));
  it("a per-uid vector of the wrong length is rejected", () => rejects((i) => i.alpha_stake.pop(), "alpha_stake", "wrong_length"));
  it("a weights matrix without n rows is rejected", () => rejects((i) => i.weights.pop(), "weights", "wrong_length"));
  it("a negative stake is out of range", () => rejects((i) => (i.alpha_stake[1] = -1n), "alpha_stake[1]", "out_of_range"));
  it("a fractional stake is not an integer", () => rejects((i) => (i.alpha_stake[2] = 1.5), "alpha_stake[2]", "not_integer"));
  it("NaN is not an integer", () => rejects((i) => (i.rao_emission = NaN), "rao_emission", "not_integer"));
  it("a number past 2^53 must come as a bigint or string", () => rejects((i) => (i.rao_emission = 2 ** 60), "rao_emission", "out_of_range"));
  it("a u64 past u64::MAX is out of range", () => rejects((i) => (i.current_block = "18446744073709551616"), "current_block", "out_of_range"));
  it("a malformed u64 string is rejected", () => rejects((i) => (i.tao_weight = "12abc"), "tao_weight", "invalid_type"));
  it("a weight value past u16 is out of range", () => rejects((i) => (i.weights[0][1][1] = 65536), "weights[0][1][1]", "out_of_range"));
  it("a weight uid past u16 is out of range", () => rejects((i) => (i.weights[0][0][0] = 70000), "weights[0][0][0]", "out_of_range"));
  it("a weight entry that is not a pair is rejected", () => rejects((i) => (i.weights[0][0] = [1]), "weights[0][0]", "wrong_length"));
  it("kappa past u16 is out of range", () => rejects((i) => (i.kappa = 65536), "kappa", "out_of_range"));
  it("a steepness past i16 is out of range", () => rejects((i) => (i.alpha_sigmoid_steepness = 40000), "alpha_sigmoid_steepness", "out_of_range"));
  it("a non-boolean flag is rejected", () => rejects((i) => (i.yuma3_enabled = 1), "yuma3_enabled", "invalid_type"));
  it("commit_blocks must have n entries", () => rejects((i) => (i.commit_blocks = [null]), "commit_blocks", "wrong_length"));
  it("an owner uid past u16 is out of range", () => rejects((i) => (i.owner_uid = -1), "owner_uid", "out_of_range"));

  it("the module keeps working after errors, with identical results", () => {
    const before = taomath().runEpoch(base());
    for (const bad of [{ ...base(), n: -1 }, { ...base(), weights: "x" }, { ...base(), alpha_stake: [1n] }]) {
      expect(() => taomath().runEpoch(bad as any)).toThrow(TaomathError);
    }
    expect(taomath().runEpoch(base())).toEqual(before);
  });

  it("tolerates what the chain tolerates: short last_update and validator_permit, weights to uids >= n", () => {
    const a = taomath().runEpoch({ ...base(), last_update: [999n], validator_permit: [true] });
    const b = taomath().runEpoch({ ...base(), last_update: [999n, 0n, 0n], validator_permit: [true, false, false] });
    expect(a).toEqual(b);
    const c = taomath().runEpoch({ ...base(), weights: [[[1, 65535], [2, 32768], [9, 65535]], [], []] });
    expect(c).toEqual(b);
  });

  it("accepts u64 as bigint, decimal string or safe integer alike", () => {
    const a = taomath().runEpoch(base());
    const b = taomath().runEpoch({ ...base(), alpha_stake: ["1000000000", 0, "0"], rao_emission: 1e9, current_block: "1000" });
    expect(b).toEqual(a);
  });

  it("an empty subnet (n = 0) gives empty outputs", () => {
    const out = taomath().runEpoch({
      ...base(), n: 0, alpha_stake: [], tao_stake: [], validator_permit: [], last_update: [], block_at_registration: [], weights: [], bonds: [],
    });
    expect(out.emission).toEqual([]);
    expect(out.bonds).toEqual([]);
  });
});

describe("memory and determinism", () => {
  it("linear memory stays flat across 10,000 consecutive epochs of n = 256", async () => {
    const tm = await createTaomath();
    const input = exampleSubnet(tm, { warmupEpochs: 1 });
    const first = tm.runEpoch(input);
    const size = () => (tm.core.exports.memory as WebAssembly.Memory).buffer.byteLength;
    for (let i = 0; i < 100; i++) tm.runEpoch(input);
    const after100 = size();
    for (let i = 0; i < 9_900; i++) tm.runEpoch(input);
    expect(size()).toBe(after100);
    expect(tm.runEpoch(input)).toEqual(first);
  });

  it("two independent instances give identical results", async () => {
    const a = await createTaomath();
    const b = await createTaomath();
    const input = exampleSubnet(a, { warmupEpochs: 2 });
    expect(b.runEpoch(input, { trace: true })).toEqual(a.runEpoch(input, { trace: true }));
  });
});
