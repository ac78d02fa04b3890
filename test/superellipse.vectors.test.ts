// Conformance for runtime 473's pool: every case of vectors/superellipse (computed by the chain's
// own superellipse.rs, impls.rs, swap_step.rs and migration) recomputed through `runVectorFile`
// (what `taomath vector FILE` prints) and compared field by field (floats are for reading).

import { describe, it, expect } from "vitest";
import { taomath } from "../src/index.js";
import { runVectorFile } from "../src/vectors/index.js";
import { sharedPresent, listShared, readShared } from "./helpers/shared.js";

const noFloat = (o: unknown) => JSON.parse(JSON.stringify(o, (k, v) => (k === "float" ? undefined : v)));
const FILES = ["calibration.json", "migration.json", "price.json", "swaps.json", "trade.json"];

describe.skipIf(!sharedPresent)("superellipse vectors (runtime 473)", () => {
  it("the superellipse folder has its five files", () => {
    expect(listShared("vectors", "superellipse")).toEqual(FILES);
  });
  for (const file of FILES) {
    it(`superellipse/${file}: every case exact`, () => {
      const d = readShared("vectors", "superellipse", file);
      expect(d.schema).toBe("econ-superellipse-vector/1");
      const out = runVectorFile(taomath(), d) as { cases: Array<{ id: number; outputs: unknown }> };
      expect(out.cases.length).toBe(d.case_count);
      out.cases.forEach((c, i) => {
        expect(c.id).toBe(d.cases[i].id);
        expect(noFloat(c.outputs), `superellipse/${file} case ${c.id} ${d.cases[i].function ?? ""} ${d.cases[i].tag}`).toEqual(noFloat(d.cases[i].outputs));
      });
    });
  }
});
