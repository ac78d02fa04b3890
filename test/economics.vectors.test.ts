// Conformance: every case of vectors/{swap,sharepool,burn} recomputed by the wasm core through
// `runVectorFile` (what `taomath vector FILE` prints), compared field by field (floats are for reading).

import { describe, it, expect } from "vitest";
import { taomath } from "../src/index.js";
import { runVectorFile } from "../src/vectors/index.js";
import { sharedPresent, listShared, readShared } from "./helpers/shared.js";

const noFloat = (o: unknown) => JSON.parse(JSON.stringify(o, (k, v) => (k === "float" ? undefined : v)));

const FOLDERS: Record<string, string[]> = {
  swap: ["balancer_math.json", "max_amount.json", "price.json", "swaps.json", "weight_update.json"],
  sharepool: ["safefloat.json", "sequences.json"],
  burn: ["decay_factor.json", "sequences.json"],
};

for (const [folder, expectedFiles] of Object.entries(FOLDERS)) {
  describe.skipIf(!sharedPresent)(`${folder} vectors`, () => {
    it(`the ${folder} folder has its ${expectedFiles.length} files`, () => {
      expect(listShared("vectors", folder)).toEqual(expectedFiles);
    });
    for (const file of expectedFiles) {
      it(`${folder}/${file}: every case exact`, () => {
        const d = readShared("vectors", folder, file);
        const out = runVectorFile(taomath(), d) as { cases: Array<{ id: number; outputs: unknown }> };
        expect(out.cases.length).toBe(d.case_count);
        out.cases.forEach((c, i) => {
          expect(c.id).toBe(d.cases[i].id);
          expect(noFloat(c.outputs), `${folder}/${file} case ${c.id} ${d.cases[i].function ?? d.cases[i].op ?? d.cases[i].tag ?? ""}`).toEqual(noFloat(d.cases[i].outputs));
        });
      });
    }
  });
}
