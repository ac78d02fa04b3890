// The reproducers of issue 12, each as the behaviour it must have now: bad input is a TaomathError
// naming the field (never a wrap, a trap, a raw RuntimeError, a TypeError or a hang), what the chain
// tolerates is still tolerated, and a trap inside the core leaves the instance usable.

import { describe, it, expect } from "vitest";
import { taomath, explainUid, TaomathError } from "../src/index.js";
import { quoteStakeBatch, maxAmountForLimit, quoteRequestFromJson, parseDecimal, taoToRao, type Pool } from "../src/pool/index.js";
import { projectEmission, emissionChartSvg } from "../src/emission/index.js";
import { checkReveal, checkSetWeights, checkCommitWeights, scoresToRow, validateSubnetState, processWeights, type SubnetState } from "../src/weights/index.js";
import { metagraphIndexes } from "../src/chain/index.js";
import { runVectorFile, canonicalJson } from "../src/vectors/index.js";
import { quote } from "../src/core/errors.js";
import { toU64 } from "../src/bindings/values.js";
import { readShared, sharedPresent } from "./helpers/shared.js";

const tm = taomath();
const U64_MAX = (1n << 64n) - 1n;
const burnParams = { burn: 10n ** 9n, minBurn: 0n, maxBurn: 10n ** 12n, halfLife: 360, burnIncreaseMult: 2n << 64n, isRoot: false, startBlock: 0n };
const pool: Pool = { taoReserve: 10n ** 13n, alphaReserve: 3n * 10n ** 14n };

/** The TaomathError `f` throws (failing if it returns or throws anything else). */
function rejects(f: () => unknown, field?: string | RegExp): TaomathError {
  let err: unknown = null;
  try { f(); } catch (e) { err = e; }
  expect(err, "expected a TaomathError").toBeInstanceOf(TaomathError);
  const e = err as TaomathError;
  expect(e.code).not.toBe("internal");
  if (field !== undefined) expect(e.field).toMatch(field);
  return e;
}

describe("burn core (tm.burn)", () => {
  it("decay of burn -1 is out_of_range (it returned 18319323105685667839, a wrap)", () => {
    expect(rejects(() => tm.burn.decay(-1n, 100, 5n, 0n, U64_MAX), "burn").code).toBe("out_of_range");
  });
  it("a negative registration count is rejected (it trapped: memory access out of bounds)", () => {
    rejects(() => tm.burn.run(burnParams, [-1]), "registrationsPerBlock[0]");
  });
  it("a string registration count is rejected (a raw RuntimeError: abort escaped)", () => {
    rejects(() => tm.burn.run(burnParams, [9, "99999999" as unknown as number]), "registrationsPerBlock[1]");
  });
  it("a string where the list of counts belongs is rejected at once (it allocated 100+ MB or hung)", () => {
    const t = Date.now();
    rejects(() => tm.burn.run(burnParams, "9".repeat(10_000_000) as unknown as number[]), "registrationsPerBlock");
    expect(Date.now() - t).toBeLessThan(1000);
  });
  it("a half-life past u16 (the chain's BurnHalfLife type) is rejected", () => {
    rejects(() => tm.burn.decayFactorQ32(65536), "halfLife");
  });
  it("valid inputs keep their results", () => {
    expect(tm.burn.decay(1000n, 1000, 5n, 0n, U64_MAX)).toBe(999n);
  });
});

describe("share-pool core (tm.sharePool)", () => {
  const state = { sharedValue: 0n, denominator: { kind: "absent" as const }, shares: [{ kind: "absent" as const }] };
  it("a key past the shares is rejected (it trapped)", () => {
    expect(rejects(() => tm.sharePool.run(state, [{ op: "stake", key: 1_000_000, amount: 1n }]), "ops[0].key").code).toBe("out_of_range");
  });
  it("an amount of 2^64 + 990 is rejected (it became 990)", () => {
    rejects(() => tm.sharePool.run(state, [{ op: "stake", key: 0, amount: (1n << 64n) + 990n }]), "ops[0].amount");
  });
  it("an unknown op and an unknown entry kind are rejected", () => {
    rejects(() => tm.sharePool.run(state, [{ op: "steal" as never, key: 0, amount: 1n }]), "ops[0].op");
    rejects(() => tm.sharePool.run({ ...state, shares: [{ kind: "other" } as never] }, []), "state.shares[0].kind");
  });
  it("a SafeFloat exponent past i64 is rejected", () => {
    rejects(() => tm.sharePool.add({ mantissa: 1n, exponent: 1n << 63n }, { mantissa: 1n, exponent: 0n }), "a.exponent");
  });
});

describe("pool quotes", () => {
  it("a string is not an array of amounts (it quoted 1, 2 and 3 rao)", () => {
    rejects(() => quoteStakeBatch(pool, "123" as never), "taoIn");
  });
  it("a missing limit is an error like an explicit 0 (it was read as 0)", () => {
    rejects(() => maxAmountForLimit(pool, undefined as never, "unstake"), "limitPriceRao");
    rejects(() => maxAmountForLimit(pool, 0n, "unstake"), "limitPriceRao");
  });
  it("a bigint direction is a TaomathError, not 'Do not know how to serialize a BigInt'", () => {
    rejects(() => maxAmountForLimit(pool, 1000n, 5n as never), "direction");
    rejects(() => quoteRequestFromJson({ pool: { tao_reserve: "1000000000", alpha_reserve: "1000000000" }, side: 5n, amount: "1" }), "side");
  });
});

describe("other error types from the validating API", () => {
  it("projectEmission with a string start date is a TaomathError (start.getTime is not a function)", () => {
    rejects(() => projectEmission(tm, 10n ** 16n, { startDate: "2025-01-01" as never }), "start_date");
  });
  it("checkReveal with a short hash and a number for it is a TaomathError (TypeError)", () => {
    rejects(() => checkReveal([{ hash: "0xab", epoch: 5n }], 123 as never, 6n), /commits\[0\]\.hash|revealedHash/);
  });
  it("explainUid without a trace, or for a uid past n, is a TaomathError (plain Error)", () => {
    const input = { ...readEpoch001() };
    rejects(() => explainUid(input, tm.runEpoch(input), 0), "result");
    expect(rejects(() => explainUid(input, tm.runEpoch(input, { trace: true }), input.n), "uid").code).toBe("uid_out_of_range");
  });
  it("metagraphIndexes with an unknown field is a TaomathError (plain Error)", () => {
    rejects(() => metagraphIndexes(343, ["no_such_field"]), "names");
  });
  it("decimal parsing with a bad count of decimals is a TaomathError (RangeError)", () => {
    rejects(() => parseDecimal("1", -1, "x"), "decimals");
    rejects(() => taoToRao("99999999999999999999999", "amount"), "amount");
  });
  it("a vector file that does not follow its schema is a TaomathError", () => {
    rejects(() => runVectorFile(tm, { schema: "econ-burn-vector/1", cases: [null] }), "file");
  });
  it("a projection of another shape given to the chart is a TaomathError", () => {
    rejects(() => emissionChartSvg({} as never), "projection");
  });
});

function readEpoch001() {
  return readShared("vectors", "epoch", "001_n1_self_weight.json").inputs;
}

describe.skipIf(!sharedPresent)("state the chain cannot hold", () => {
  const v3 = () => structuredClone(readShared("vectors", "epoch", "003_small_dense_classic.json").inputs);
  it("owner_uid >= n is rejected", () => {
    const input = v3();
    input.owner_uid = input.n;
    expect(rejects(() => tm.runEpoch(input), "owner_uid").code).toBe("uid_out_of_range");
  });
  it("a uid twice in one weights row, or one bonds row, is rejected", () => {
    const a = v3();
    a.weights[0] = [[1, 5], [1, 6]];
    rejects(() => tm.runEpoch(a), "weights[0][1]");
    const b = v3();
    b.bonds[0] = [[0, 5], [0, 6]];
    rejects(() => tm.runEpoch(b), "bonds[0][1]");
  });
  it("uids >= n in a weights row are still tolerated and ignored, as on the chain", () => {
    const a = v3();
    const b = v3();
    b.weights[0] = [...b.weights[0], [b.n + 3, 100]];
    expect(canonicalJson(tm.runEpoch(b))).toBe(canonicalJson(tm.runEpoch(a)));
  });
});

function subnet(): SubnetState {
  return {
    netuid: 1, n: 4, min_allowed_weights: 1, weights_version_key: 0n, weights_set_rate_limit: 0n, commit_reveal_enabled: false,
    last_update: [0n, 0n], validator_permit: [true, true], owner_uid: null, stake_threshold: 0n,
    alpha_stake: [10n ** 12n, 0n], tao_stake: [0n, 0n], tao_weight: 0n,
  };
}

describe("weights checks read every entry", () => {
  it("owner_uid >= n in a subnet state is rejected", () => {
    expect(rejects(() => validateSubnetState({ ...subnet(), owner_uid: 4 }), "subnetState.owner_uid").code).toBe("uid_out_of_range");
  });
  it("checkSetWeights rejects a bad last_update entry of another uid (it only read the caller's)", () => {
    rejects(() => checkSetWeights(tm, { ...subnet(), last_update: [0n, -5n] }, 0, [1], [65535], 0n, 10n), "subnetState.last_update[1]");
  });
  it("checkCommitWeights rejects a bad entry late in the queue (it stopped at the first live one)", () => {
    const h = "0x" + "11".repeat(32);
    rejects(() => checkCommitWeights({ ...subnet(), commit_reveal_enabled: true }, 0, h, [{ hash: h, epoch: 5n }, { hash: h, epoch: -1n }], 5n, 10n), "commits[1].epoch");
  });
  it("scoresToRow rejects a bad score anywhere and a uid list of another length", () => {
    rejects(() => scoresToRow(tm, subnet(), [0.5, NaN], { hotkey: 0 }), "scores[1]");
    rejects(() => scoresToRow(tm, subnet(), [0.5, 0.25], { hotkey: 0 }, [0]), "uids");
  });
  it("a uid past u16 given as the caller is rejected, not taken as unregistered", () => {
    rejects(() => checkSetWeights(tm, subnet(), 70_000, [1], [65535], 0n, 10n), "hotkey");
  });
  it("processWeights with n past u16 is rejected at once (it built a list of n entries)", () => {
    rejects(() => processWeights([0], [1], { numNeurons: 1e9, minAllowedWeights: 0, maxWeightLimit: 1 }), "numNeurons");
  });
});

describe("error messages quote at most ~80 characters of a value", () => {
  it("a 100 KB decimal string gives a short message", () => {
    const e = rejects(() => toU64("x" + "9".repeat(100_000), "amount"));
    expect(e.message.length).toBeLessThan(300);
  });
  it("quote() renders bigints and never throws", () => {
    expect(quote(5n)).toBe("5n");
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(typeof quote(cyclic)).toBe("string");
    expect(quote("y".repeat(1000)).length).toBeLessThan(120);
  });
});

describe("a trap inside the core", () => {
  it("is a TaomathError('internal') naming the export, and the instance computes correctly afterwards", () => {
    let err: unknown;
    try { tm.core.call("rb_run", 0xfffffff0, 0xfffffff0, 4, 0xfffffff0, 0xfffffff0); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(TaomathError);
    expect((err as TaomathError).code).toBe("internal");
    expect((err as TaomathError).field).toBe("rb_run");
    if (sharedPresent) {
      const v = readShared("vectors", "epoch", "001_n1_self_weight.json");
      expect(tm.runEpoch(v.inputs).incentive).toEqual(v.outputs.incentive);
    }
  });
  it("a value the wasm boundary would wrap is refused before the call", () => {
    expect(() => tm.core.call("rb_decay_factor", 2 ** 32 + 5)).toThrow(TaomathError);
    expect(() => tm.core.call("rb_pow_q32", 1n << 64n, 1)).toThrow(TaomathError);
  });
});

describe("a network snapshot is the state at a block", () => {
  it("a snapshot without `block` is refused, naming the field, instead of starting at block 0", async () => {
    const { Network, exampleNetworkSnapshot } = await import("../src/network/index.js");
    const tm = taomath();
    const { block: _block, ...rest } = exampleNetworkSnapshot(tm, { subnets: 2 }) as Record<string, unknown>;
    let err: unknown;
    try { Network.fromSnapshot(tm, rest as never); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(TaomathError);
    expect((err as TaomathError).field).toBe("block");
    // the same snapshot with its block runs
    expect(Network.fromSnapshot(tm, { ...rest, block: "100" } as never).state.block).toBe(100n);
  });
});
