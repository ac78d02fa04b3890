// Conformance: every case of vectors/coinbase (coinbase-blocks-vector/1, the chain's own block_step
// on subnets without neurons) and vectors/payout (payout-blocks-vector/1, the same with neurons, so
// every epoch and its payout runs), run block by block on the network model (the core's
// block_step, the host's epochs and payouts) and compared in every field of every block's state.
// A mismatch names the case, the block and the fields that differ.

import { describe, it, expect } from "vitest";
import { taomath } from "../src/index.js";
import { runVectorFile } from "../src/vectors/index.js";
import { sharedPresent, readShared } from "./helpers/shared.js";

/** "block N: field, subnet 3.field, ..." for the first block whose state differs, or null. */
function firstDifference(expected: any[], got: any[]): string | null {
  if (got.length !== expected.length) return `${got.length} blocks run, ${expected.length} expected`;
  for (let b = 0; b < expected.length; b++) {
    const e = expected[b], g = got[b], bad: string[] = [];
    for (const k of Object.keys(e)) {
      if (k !== "subnets") { if (JSON.stringify(e[k]) !== JSON.stringify(g[k])) bad.push(k); continue; }
      e.subnets.forEach((s: any, j: number) => {
        for (const f of Object.keys(s)) if (JSON.stringify(s[f]) !== JSON.stringify(g.subnets?.[j]?.[f])) bad.push(`subnet ${s.netuid}.${f}`);
      });
    }
    if (JSON.stringify(Object.keys(g)) !== JSON.stringify(Object.keys(e))) bad.push("field order");
    if (bad.length > 0) return `block ${e.block}: ${bad.join(", ")}`;
  }
  return null;
}

const folders: Array<[string, string]> = [
  ["coinbase", "runtime 425 block_step, subnets without neurons"],
  ["payout", "runtime 425 block_step with epochs and payouts"],
];

for (const [folder, what] of folders) {
  describe.skipIf(!sharedPresent)(`${folder} block vectors (${what})`, () => {
    const file = sharedPresent ? readShared("vectors", folder, "cases.json") : { cases: [] };
    const got = sharedPresent ? (runVectorFile(taomath(), file) as { cases: Array<{ id: string; outputs: any[] }> }) : { cases: [] };

    it(`prints every case in the file's order (${file.cases.length})`, () => {
      expect(got.cases.map((c) => c.id)).toEqual(file.cases.map((c: any) => c.id));
    });

    for (const [i, c] of (file.cases as any[]).entries()) {
      it(`${c.id}: every field of all ${c.outputs.length} blocks equals the chain's`, () => {
        expect(firstDifference(c.outputs, got.cases[i].outputs)).toBeNull();
        expect(got.cases[i].outputs).toEqual(c.outputs);
      });
    }
  });
}
