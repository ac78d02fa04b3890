// Epoch medians on the three reference shapes, beside the plain-JS float64 version of the same
// steps measured in the same run. The chain's native Rust figures (issue 2, same machine class)
// are printed for reference: 1.4 ms (n=256, 64 validators), 20 ms (n=4096 sparse), 310 ms
// (n=1024 Yuma3 + liquid alpha).

import { readFileSync, existsSync } from "node:fs";
import { resolve } from "node:path";
import { taomath, exampleSubnet, epochInputFromJson } from "../dist/index.js";
import { epochFloat } from "./baseline/epoch_float.mjs";
import { timeMs, table } from "./lib.mjs";

const shared = process.env.TAOMATH_SHARED ?? resolve(new URL("../..", import.meta.url).pathname, "shared");

function vectorInput(name) {
  const f = resolve(shared, "vectors", "epoch", name);
  return existsSync(f) ? epochInputFromJson(JSON.parse(readFileSync(f, "utf8"))) : null;
}

export async function run() {
  const tm = taomath();
  const cases = [
    ["n=256, 64 validators, dense rows (006)", vectorInput("006_n256_dense_classic.json"), 1.4],
    ["n=256 example subnet (Yuma3)", exampleSubnet(tm), 1.4],
    ["n=1024 Yuma3 + liquid alpha (040)", vectorInput("040_n1024_yuma3_liquid.json"), 310],
    ["n=4096 sparse (041)", vectorInput("041_n4096_sparse.json"), 20],
  ];
  const rows = [];
  for (const [name, input, native] of cases) {
    if (!input) { rows.push({ case: name, "taomath ms": "(shared vectors missing)", "js float64 ms": "", "js/taomath": "", "native ms": native, "native/taomath": "" }); continue; }
    const runs = input.n >= 1024 ? 15 : 41;
    const w = timeMs(() => tm.runEpoch(input), { runs });
    const f = timeMs(() => epochFloat(input), { runs });
    rows.push({
      case: name,
      "taomath ms": w.toFixed(3),
      "js float64 ms": f.toFixed(3),
      "js/taomath": (f / w).toFixed(2) + "x",
      "native ms": native,
      "native/taomath": (native / w).toFixed(1) + "x",
    });
  }
  table("Yuma epoch (median, in-process, including input validation and copies)", rows);
}
