// Conformance: every shared epoch vector, bit-exact in every output field and in every
// intermediate value of its debug section.

import { describe, it, expect } from "vitest";
import { taomath, epochToVectorEncoding } from "../src/index.js";
import { sharedPresent, listShared, readShared } from "./helpers/shared.js";

const files = listShared("vectors", "epoch");

describe.skipIf(!sharedPresent)("epoch vectors (chain's own outputs)", () => {
  it("finds all 44 cases", () => {
    expect(files.length).toBe(44);
  });
  for (const file of files) {
    it(`${file} matches outputs and debug bit for bit`, () => {
      const v = readShared("vectors", "epoch", file);
      const enc = epochToVectorEncoding(taomath().runEpoch(v.inputs, { trace: true }));
      expect(enc.outputs).toEqual(v.outputs);
      for (const [key, expected] of Object.entries<any>(v.debug)) {
        const got = (enc.debug as any)[key];
        if (expected && typeof expected === "object" && "bits" in expected) expect(got.bits, key).toEqual(expected.bits);
        else expect(got, key).toEqual(expected);
      }
    });
  }
});
