// Conformance: every case of vectors/swap (balancer primitives, prices, swaps, limit-price
// maximums, weight updates) recomputed by the wasm core through the vector runner.

import { describe, it, expect } from "vitest";
import { taomath, runVectorFile } from "../src/index.js";
import { sharedPresent, listShared, readShared } from "./helpers/shared.js";

const noFloat = (o: unknown) => JSON.parse(JSON.stringify(o, (k, v) => (k === "float" ? undefined : v)));

describe.skipIf(!sharedPresent)("swap vectors", () => {
  const files = listShared("vectors", "swap");
  it("the swap folder has its five files", () => {
    expect(files).toEqual(["balancer_math.json", "max_amount.json", "price.json", "swaps.json", "weight_update.json"]);
  });
  for (const file of files) {
    it(`${file}: every case exact`, () => {
      const d = readShared("vectors", "swap", file);
      const out = runVectorFile(taomath(), d) as { cases: Array<{ id: number; outputs: unknown }> };
      expect(out.cases.length).toBe(d.case_count);
      out.cases.forEach((c, i) => {
        expect(c.id).toBe(d.cases[i].id);
        expect(noFloat(c.outputs), `${file} case ${c.id} ${d.cases[i].function ?? d.cases[i].tag ?? ""}`).toEqual(noFloat(d.cases[i].outputs));
      });
    });
  }
});
