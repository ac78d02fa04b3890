// Conformance: every case of vectors/sharepool recomputed by the wasm core through the vector runner.

import { describe, it, expect } from "vitest";
import { taomath, runVectorFile } from "../src/index.js";
import { sharedPresent, listShared, readShared } from "./helpers/shared.js";

const noFloat = (o: unknown) => JSON.parse(JSON.stringify(o, (k, v) => (k === "float" ? undefined : v)));

describe.skipIf(!sharedPresent)("sharepool vectors", () => {
  const files = listShared("vectors", "sharepool");
  it("the sharepool folder has its files", () => {
    expect(files.length).toBe(2);
  });
  for (const file of files) {
    it(`${file}: every case exact`, () => {
      const d = readShared("vectors", "sharepool", file);
      const out = runVectorFile(taomath(), d) as { cases: Array<{ id: number; outputs: unknown }> };
      expect(out.cases.length).toBe(d.case_count);
      out.cases.forEach((c, i) => {
        expect(c.id).toBe(d.cases[i].id);
        expect(noFloat(c.outputs), `${file} case ${c.id}`).toEqual(noFloat(d.cases[i].outputs));
      });
    });
  }
});
