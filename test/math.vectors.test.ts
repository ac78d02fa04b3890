// Conformance: every case of vectors/math, each result field recomputed by the wasm core.

import { describe, it, expect } from "vitest";
import { taomath } from "../src/index.js";
import { mathCase } from "../src/vectors/math.js";
import { sharedPresent, listShared, readShared } from "./helpers/shared.js";

const comparable = (v: any) => (v && typeof v === "object" && !Array.isArray(v) && "bits" in v ? v.bits : v);

describe.skipIf(!sharedPresent)("math helper vectors", () => {
  for (const file of listShared("vectors", "math")) {
    it(`${file}: every case exact`, () => {
      const d = readShared("vectors", "math", file);
      let compared = 0;
      d.cases.forEach((c: any, i: number) => {
        const out = mathCase(taomath(), c);
        for (const [k, v] of Object.entries(out)) {
          expect(comparable(v), `${file} case ${i} (${c.function}) field ${k}`).toEqual(comparable(c[k]));
          compared++;
        }
        for (const k of Object.keys(c)) {
          if (k in out) continue;
          // everything else must be an input the helper consumed
          expect(["function", "x", "u", "u16_input", "fixed_input", "i64f64", "rao_emission", "alpha", "new", "old",
            "bonds_moving_average", "input", "sum", "columns", "rho", "kappa", "consensus", "weight", "bond", "alpha_low",
            "alpha_high", "alpha_low_u16", "alpha_high_u16", "alpha_sigmoid_steepness_i16", "k", "vector", "ratio", "stake",
            "weights", "minority", "partition_hi", "partition_lo", "partition_idx", "score", "majority"]).toContain(k);
        }
      });
      expect(compared).toBeGreaterThan(0);
    });
  }
});
