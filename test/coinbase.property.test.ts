// The coinbase pieces against an independent BigInt model of the same fixed-point rules, on
// random inputs including extreme values (u64::MAX stakes and issuances, zero reserves), to check
// the core's 128-bit carries, saturation and truncation where no golden vector exists.

import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { taomath } from "../src/index.js";
import { coinbaseOf } from "../src/network/index.js";
import * as ref from "./helpers/fixed_ref.js";

const cb = () => coinbaseOf(taomath());
const U64_MAX = (1n << 64n) - 1n;
const u64 = fc.oneof(fc.bigInt({ min: 0n, max: U64_MAX }), fc.constantFrom(0n, 1n, 1_000_000_000n, U64_MAX, U64_MAX - 1n, 1n << 63n));
const runs = { numRuns: 300 };

describe("coinbase fixed point matches the BigInt model", () => {
  it("root_proportion", () => {
    fc.assert(fc.property(u64, u64, u64, (root, tw, iss) => {
      expect(cb().rootProportion(root, iss, tw)).toBe(ref.rootProportion(root, tw, iss));
    }), runs);
  });

  it("the alpha-out split (owner cut, server, validator, root alpha)", () => {
    fc.assert(fc.property(u64, fc.boolean(), fc.integer({ min: 0, max: 65535 }), u64, u64, u64, (a, en, cut, root, tw, after) => {
      const got = cb().splitAlphaOut({ alpha_out: a, owner_cut_enabled: en, owner_cut: cut, root_tao: root, tao_weight: tw, alpha_issuance_after: after });
      expect(got).toEqual(ref.splitAlphaOut(a, en, BigInt(cut), root, tw, after));
    }), runs);
  });

  it("subnet terms (injection cap, tao in, excess)", () => {
    const u128 = fc.bigInt({ min: 0n, max: (1n << 100n) });
    fc.assert(fc.property(u128, u64, u64, u64, u64, u128, (te, alphaIn, alphaOut, root, tw, spot) => {
      const [t] = cb().subnetTerms([{ netuid: 1, tao_emission: te, subnet_alpha_in: alphaIn, subnet_alpha_out: alphaOut, spot_price: spot }], root, tw);
      const iss = alphaIn + alphaOut > U64_MAX ? U64_MAX : alphaIn + alphaOut;
      const e = ref.terms(te, iss, spot, root, tw, t.alpha_emission);
      expect({ tao_in: t.tao_in, alpha_in: t.alpha_in, excess_tao: t.excess_tao, root_proportion: t.root_proportion }).toEqual(e);
    }), runs);
  });

  it("subnet emission shares with miner burn and disabled subnets", () => {
    const subnet = fc.record({
      price: fc.oneof(fc.bigInt({ min: 0n, max: 1n << 66n }), fc.constant(0n)),
      burned: fc.oneof(fc.bigInt({ min: 0n, max: 1n << 34n }), fc.constant(0n)),
      enabled: fc.boolean(),
    });
    fc.assert(fc.property(fc.array(subnet, { minLength: 1, maxLength: 8 }), fc.bigInt({ min: 0n, max: 1_000_000_000n }), (subs, emission) => {
      // moving price as stored (I96F32 bits) such that U64F64(price) = bits << 32
      const got = cb().subnetBlockEmissions(subs.map((s, i) => ({ netuid: i + 1, mechanism: 1, moving_price: s.price >> 32n, miner_burned: s.burned, emission_enabled: s.enabled })), emission);
      const e = ref.shares(subs.map((s) => (s.price >> 32n) << 32n), subs.map((s) => s.burned), subs.map((s) => s.enabled), emission);
      expect(got.subnets.map((x) => ({ share: x.share, tao_emission: x.tao_emission }))).toEqual(e);
    }), runs);
  });
});
