// npm run bench: runs every bench/*.bench.mjs in name order. Each exports `run()`, prints its own
// table of medians, and compares against a baseline measured in the same run.

import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here).filter((f) => f.endsWith(".bench.mjs") && (!only || f.includes(only))).sort();
console.log(`# taomath benchmarks (node ${process.version}, ${new Date().toISOString()})`);
for (const f of files) {
  const mod = await import(join(here, f));
  await mod.run();
}
