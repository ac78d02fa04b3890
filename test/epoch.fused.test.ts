// The untraced epoch applies the weight masks and the row normalisation in one pass and merges
// ascending rows in interpolate and the bond EMA; the traced epoch runs the masks one by one, as the
// chain writes them. Both must give the chain's outputs: on every shared vector, and on random
// subnets (rows in any order, masks of every kind, both bond rules) where they must agree.

import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { taomath, epochToVectorEncoding, type EpochInput } from "../src/index.js";
import { sharedPresent, listShared, readShared } from "./helpers/shared.js";

const files = listShared("vectors", "epoch");

describe.skipIf(!sharedPresent)("the untraced epoch on the shared vectors", () => {
  for (const file of files) {
    it(`${file}: outputs without the trace equal the chain's`, () => {
      const v = readShared("vectors", "epoch", file);
      expect(epochToVectorEncoding(taomath().runEpoch(v.inputs)).outputs).toEqual(v.outputs);
    });
  }
});

/** A random subnet of n uids: stored rows in random order, bond columns possibly past n. */
const subnet = fc.integer({ min: 1, max: 24 }).chain((n) => {
  const row = (maxUid: number) => fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: maxUid }), fc.integer({ min: 0, max: 65535 })), { selector: (e) => e[0], maxLength: n + 2 });
  const u64 = (max: bigint) => fc.bigInt({ min: 0n, max });
  return fc.record({
    n: fc.constant(n),
    current_block: fc.bigInt({ min: 0n, max: 2000n }),
    tempo: fc.integer({ min: 1, max: 360 }),
    activity_cutoff: u64(2000n),
    last_mechanism_step_block: u64(2000n),
    alpha_stake: fc.array(u64(10n ** 15n), { minLength: n, maxLength: n }),
    tao_stake: fc.array(u64(10n ** 13n), { minLength: n, maxLength: n }),
    tao_weight: fc.constantFrom(0n, 3_320_413_933_267_719_290n, (1n << 64n) - 1n),
    stake_threshold: fc.constantFrom(0n, 1000n, 10n ** 12n),
    owner_uid: fc.option(fc.integer({ min: 0, max: n - 1 })),
    validator_permit: fc.array(fc.boolean(), { minLength: 0, maxLength: n + 1 }),
    max_allowed_validators: fc.integer({ min: 0, max: n + 1 }),
    last_update: fc.array(u64(2000n), { minLength: 0, maxLength: n + 1 }),
    block_at_registration: fc.array(u64(2000n), { minLength: n, maxLength: n }),
    weights: fc.array(row(n + 1), { minLength: n, maxLength: n }),
    bonds: fc.array(row(n + 1), { minLength: n, maxLength: n }),
    kappa: fc.integer({ min: 0, max: 65535 }),
    bonds_penalty: fc.constantFrom(0, 65535, 32767, 12345),
    bonds_moving_average: fc.constantFrom(0n, 900_000n, 975_000n, 1_000_000n),
    liquid_alpha_enabled: fc.boolean(),
    alpha_low: fc.constant(45875),
    alpha_high: fc.constant(58982),
    alpha_sigmoid_steepness: fc.constantFrom(1000, 10, -5),
    yuma3_enabled: fc.boolean(),
    commit_reveal_enabled: fc.boolean(),
    commit_blocks: fc.option(fc.array(fc.option(u64(2000n)), { minLength: n, maxLength: n })),
    rao_emission: u64(10n ** 12n),
  });
});

describe("the untraced epoch equals the traced one", () => {
  it("on random subnets with rows in any order and every mask", () => {
    fc.assert(fc.property(subnet, (x) => {
      const input = x as unknown as EpochInput;
      const { debug, ...traced } = taomath().runEpoch(input, { trace: true });
      expect(debug).toBeDefined();
      expect(taomath().runEpoch(input)).toEqual(traced);
    }), { numRuns: 400 });
  });
});
