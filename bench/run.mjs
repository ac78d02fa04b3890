// npm run bench: runs every bench/*.bench.mjs in name order. Each exports `run()`, prints its
// tables of medians beside a baseline measured in the same run and the worst case of its sweep,
// and the rows collected through lib.mjs's report() are written to bench/results.json (one
// machine's figures: ignored by git, keep your own to compare runs over time).
// `node bench/run.mjs pool` runs only the files whose name contains "pool".

import { readdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import os from "node:os";
import { results } from "./lib.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here).filter((f) => f.endsWith(".bench.mjs") && (!only || f.includes(only))).sort();
console.log(`# taomath benchmarks (node ${process.version}, ${results.cpu}, ${results.cores} cores, load ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}, ${results.date})`);
const t0 = performance.now();
for (const f of files) {
  const mod = await import(join(here, f));
  await mod.run();
}
results.loadavg_at_end = os.loadavg();
results.seconds = (performance.now() - t0) / 1000;
results.files = files;
writeFileSync(join(here, "results.json"), JSON.stringify(results, null, 1) + "\n");
console.log(`\nwrote bench/results.json (${results.seconds.toFixed(0)} s; load at end ${os.loadavg().map((x) => x.toFixed(1)).join(" ")})`);
