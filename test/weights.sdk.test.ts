// The SDK-compatible helpers against the Python SDK itself, and every place where what the SDK
// sends differs from what the chain stores or accepts (docs/weights.md lists the same differences).
//
// Expected floats were produced by running bittensor/utils/weight_utils.py (numpy path) under
// NumPy 2.4.6 on the same inputs; the TypeScript port also matched it bit for bit on 1,800 random
// cases during development (float32 weights, emitted rows).

import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { taomath } from "../src/index.js";
import {
  normalizeMaxWeight, convertWeightsAndUidsForEmit, processWeights, processWeightsForNetuid, checkSetWeights,
  storedRow, scoresToRow,
} from "../src/weights/index.js";
import { roundHalfEven, npSum } from "../src/weights/sdk.js";
import { subnet } from "./helpers/weights_subnet.js";

const tm = taomath();

describe("SDK helpers, equal to weight_utils.py under NumPy 2", () => {
  it("normalize_max_weight([0.1, 0.2, 0.3, 0.4, 5], 0.3) in float32", () => {
    expect(normalizeMaxWeight([0.1, 0.2, 0.3, 0.4, 5], 0.3)).toEqual([
      0.07000003755092621, 0.14000007510185242, 0.21000012755393982, 0.28000015020370483, 0.2999995946884155,
    ]);
  });
  it("normalize_max_weight(nine 1s and a 100, 0.2): the cap lands just under the limit", () => {
    const y = normalizeMaxWeight([1, 1, 1, 1, 1, 1, 1, 1, 1, 100], 0.2);
    expect(y.slice(0, 9)).toEqual(new Array(9).fill(0.08888900279998779));
    expect(y[9]).toBe(0.19999900460243225);
  });
  it("normalize_max_weight returns 1/n when n x limit <= 1", () => {
    expect(normalizeMaxWeight([5, 1, 0], 0.2)).toEqual(new Array(3).fill(Math.fround(1 / 3)));
  });
  it("process_weights: zeros dropped, float32 shares, tiny weight kept as a share", () => {
    const p = processWeights([0, 1, 2, 3, 4, 5], [0, 0.9, 0.05, 0.02, 1e-7, 0.5], { numNeurons: 6, minAllowedWeights: 2, maxWeightLimit: 1 });
    expect(p.uids).toEqual([1, 2, 3, 4, 5]);
    expect(p.weights).toEqual([0.6122448444366455, 0.03401360660791397, 0.013605441898107529, 6.802721230769748e-8, 0.3401360511779785]);
    // ... and convert_weights_and_uids_for_emit drops uid 4 (rounds to 0)
    expect(convertWeightsAndUidsForEmit(p.uids, p.weights)).toEqual({ uids: [1, 2, 3, 5], values: [65535, 3641, 1456, 36408] });
  });
  it("process_weights with exclude_quantile 32768 keeps the top half (never fewer than min_allowed_weights)", () => {
    const p = processWeights([0, 1, 2, 3, 4, 5], [0, 0.9, 0.05, 0.02, 1e-7, 0.5], { numNeurons: 6, minAllowedWeights: 2, maxWeightLimit: 1, excludeQuantile: 32768 });
    expect(p).toEqual({ uids: [1, 5], weights: [0.6428571343421936, 0.3571428656578064] });
  });
  it("process_weights with fewer non-zero weights than min_allowed_weights pads every uid with 1e-5 (float64)", () => {
    const p = processWeights([0, 1, 2, 3, 4, 5], [0, 0, 0.3, 0, 0, 0], { numNeurons: 6, minAllowedWeights: 3, maxWeightLimit: 1 });
    expect(p.uids).toEqual([0, 1, 2, 3, 4, 5]);
    expect(p.weights[2]).toBe(0.9998333666666213);
    expect(p.weights[0]).toBe(3.332666667571543e-5);
    expect(convertWeightsAndUidsForEmit(p.uids, p.weights).values).toEqual([2, 2, 65535, 2, 2, 2]);
  });
  it("process_weights with all-zero scores weights every uid equally", () => {
    const p = processWeights([0, 1, 2], [0, 0, 0], { numNeurons: 3, minAllowedWeights: 1, maxWeightLimit: 1 });
    expect(p).toEqual({ uids: [0, 1, 2], weights: [1 / 3, 1 / 3, 1 / 3] });
  });
  it("processWeightsForNetuid reads n, MinAllowedWeights and MaxWeightsLimit/65535 from the subnet", () => {
    expect(processWeightsForNetuid([0, 1], [1, 3], { n: 2, min_allowed_weights: 1 })).toEqual(processWeights([0, 1], [1, 3], { numNeurons: 2, minAllowedWeights: 1, maxWeightLimit: 1 }));
  });
  it("Python round(): ties to even", () => {
    expect([0.5, 1.5, 2.5, 10922.5, 10922.49].map(roundHalfEven)).toEqual([0, 2, 2, 10922, 10922]);
  });
  it("np.sum of float32 is pairwise (blocks of 8 accumulators)", () => {
    // np.array([0.1 * (i + 1) for i in range(200)], dtype=np.float32).sum() under NumPy 2.4.6
    const x = Array.from({ length: 200 }, (_, i) => Math.fround(0.1 * (i + 1)));
    let seq = 0;
    for (const v of x) seq = Math.fround(seq + v);
    expect(npSum(x)).toBe(2009.9998779296875);
    expect(seq).toBe(2010); // a plain left-to-right float32 sum differs
  });
  it("convertWeightsAndUidsForEmit rejects what the SDK rejects", () => {
    expect(() => convertWeightsAndUidsForEmit([0], [-1])).toThrow(/negative/);
    expect(() => convertWeightsAndUidsForEmit([0, 1], [1])).toThrow(/differ in length/);
    expect(convertWeightsAndUidsForEmit([0, 1], [0, 0])).toEqual({ uids: [], values: [] });
  });
});

describe("SDK vs chain: where the SDK's row is not what the chain stores or accepts", () => {
  it("sdk_drops_tiny_weights_below_min_allowed_weights: the SDK row fails WeightVecLengthIsLow", () => {
    // scores [1, 1e-6, 1e-6] on a 3-uid subnet with MinAllowedWeights 3
    const state = subnet(3, { min_allowed_weights: 3, validator_permit: [false, true, false] });
    const p = processWeightsForNetuid([0, 1, 2], [1, 1e-6, 1e-6], state);
    expect(p.weights).toEqual([0.9999980926513672, 9.999980647990014e-7, 9.999980647990014e-7]);
    const sdk = convertWeightsAndUidsForEmit(p.uids, p.weights);
    expect(sdk).toEqual({ uids: [0], values: [65535] });
    expect(checkSetWeights(tm, state, 1, sdk.uids, sdk.values, 0n, 0n).verdict).toBe("WeightVecLengthIsLow");
    const safe = convertWeightsAndUidsForEmit(p.uids, p.weights, { keepTiny: true });
    expect(safe).toEqual({ uids: [0, 1, 2], values: [65535, 1, 1] });
    expect(checkSetWeights(tm, state, 1, safe.uids, safe.values, 0n, 0n).verdict).toBe("ok");
  });
  it("sdk_rounds_ties_to_even_chain_rounds_away: ratio 1:6 is 10922 from the SDK, 10923 when the chain upscales [1, 6]", () => {
    expect(convertWeightsAndUidsForEmit([0, 1], [1, 6]).values).toEqual([10922, 65535]);
    expect(storedRow(tm, [0, 1], [1, 6])).toEqual([[0, 10923], [1, 65535]]);
  });
  it("sdk_rows_are_stored_unchanged: a row whose max is 65535 is upscaled by exactly 1.0", () => {
    const sdk = convertWeightsAndUidsForEmit([0, 1, 2, 3], [0.7, 0.2, 0.05, 0.05]);
    expect(storedRow(tm, sdk.uids, sdk.values).map(([, v]) => v)).toEqual(sdk.values);
  });
  it("sdk_max_weight_limit_not_enforced_by_chain: the chain's limit is the constant 65535, an over-cap row is accepted", () => {
    // stored MaxWeightsLimit 6553: the SDK caps every share at 0.1; the chain ignores the limit
    const state = subnet(3, { validator_permit: [true, false, false], max_weight_limit: 6553 });
    expect(checkSetWeights(tm, state, 0, [1, 2], [65535, 1], 0n, 0n).verdict).toBe("ok");
    expect(checkSetWeights(tm, state, 0, [1, 2], [65535, 1], 0n, 0n, { enforceMaxWeightLimit: true }).verdict).toBe("MaxWeightExceeded");
  });
  it("sdk_cap_vs_u16_share: with a stored limit, the chain judges the u16 row's I32F32 share, not the SDK's float", () => {
    // normalize_max_weight caps at 0.3 in float32; after u16 conversion the largest share is
    // still under 19661/65535 here, so a subnet that did enforce 19661 would accept it
    const p = normalizeMaxWeight([0.1, 0.2, 0.3, 0.4, 5], 0.3);
    const sdk = convertWeightsAndUidsForEmit([0, 1, 2, 3, 4], p);
    const state = subnet(6, { validator_permit: [false, false, false, false, false, true], max_weight_limit: 19661 });
    const enforced = () => checkSetWeights(tm, state, 5, sdk.uids, sdk.values, 0n, 0n, { enforceMaxWeightLimit: true }).verdict;
    expect(enforced()).toBe("ok");
    state.max_weight_limit = 19660;
    expect(enforced()).toBe("MaxWeightExceeded");
  });
  it("sdk_fallback_uses_positions_as_uids: with too few non-zero weights the SDK weights POSITIONS, not the given uids", () => {
    const p = processWeights([5, 3, 1], [0, 0.5, 0], { numNeurons: 6, minAllowedWeights: 2, maxWeightLimit: 1 });
    expect(p.uids).toEqual([0, 1, 2, 3, 4, 5]);
    expect(p.weights.indexOf(Math.max(...p.weights))).toBe(1); // position 1, although the score was for uid 3
  });
});

describe("scoresToRow: a validator's round trip", () => {
  it("scores -> row to submit -> stored row -> verdict", () => {
    const state = subnet(4, { min_allowed_weights: 2, validator_permit: [true, false, false, false] });
    const r = scoresToRow(tm, state, [0, 0.5, 0.25, 0.25], { hotkey: "hk0" });
    expect(r.submit).toEqual({ uids: [1, 2, 3], values: [65535, 32768, 32768] });
    expect(r.stored).toEqual([[1, 65535], [2, 32768], [3, 32768]]);
    expect(r.check.verdict).toBe("ok");
  });
  it("accepts I32F32 bits as scores", () => {
    const state = subnet(2, { validator_permit: [true, false] });
    const r = scoresToRow(tm, state, [0n, 1n << 32n], { hotkey: 0 });
    expect(r.submit).toEqual({ uids: [1], values: [65535] });
  });
});

describe("property: every row processWeightsForNetuid produces passes checkSetWeights on a subnet with the same limits", () => {
  const score = fc.oneof(fc.constant(0), fc.double({ min: 1e-9, max: 1e3, noNaN: true }), fc.double({ min: 1e-9, max: 1e-5, noNaN: true }));
  const arb = fc.integer({ min: 1, max: 48 }).chain((n) => fc.record({
    n: fc.constant(n),
    scores: fc.array(score, { minLength: n, maxLength: n }),
    min: fc.integer({ min: 0, max: n + 2 }),
    quantile: fc.constantFrom(0, 6553, 32768, 65535),
    caller: fc.integer({ min: 0, max: n - 1 }),
    limit: fc.oneof(fc.constant(65535), fc.integer({ min: 1, max: 65535 })),
  }));
  it("with tiny weights kept at 1 (keepTiny) the verdict is always ok", () => {
    fc.assert(fc.property(arb, ({ n, scores, min, quantile, caller, limit }) => {
      const state = subnet(n, { min_allowed_weights: min, max_weight_limit: limit, validator_permit: new Array(n).fill(false).map((_, i) => i === caller) });
      const p = processWeightsForNetuid([...Array(n).keys()], scores, state, quantile);
      const row = convertWeightsAndUidsForEmit(p.uids, p.weights, { keepTiny: true });
      const r = checkSetWeights(tm, state, caller, row.uids, row.values, 0n, 0n);
      expect(r.verdict).toBe("ok");
      expect(r.stored!.map(([u]) => u)).toEqual(row.uids);
    }), { numRuns: 300 });
  });
  it("the SDK's own conversion is ok whenever it drops nothing", () => {
    fc.assert(fc.property(arb, ({ n, scores, min, quantile, caller, limit }) => {
      const state = subnet(n, { min_allowed_weights: min, max_weight_limit: limit, validator_permit: new Array(n).fill(false).map((_, i) => i === caller) });
      const p = processWeightsForNetuid([...Array(n).keys()], scores, state, quantile);
      const row = convertWeightsAndUidsForEmit(p.uids, p.weights);
      const verdict = checkSetWeights(tm, state, caller, row.uids, row.values, 0n, 0n).verdict;
      if (row.uids.length === p.uids.length) expect(verdict).toBe("ok");
      else expect(["ok", "WeightVecLengthIsLow"]).toContain(verdict);
    }), { numRuns: 300 });
  });
});
