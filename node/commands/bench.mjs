// taomath bench epoch FILE: median in-process epoch time after warm-up.

import { TaomathError, epochInputFromJson, taomath } from "../../dist/index.js";
import { json, readJson } from "../lib.mjs";

export function cmdBench(args) {
  const [what, ...rest] = args;
  if (what !== "epoch") throw new TaomathError("invalid_type", "bench", `unknown benchmark ${JSON.stringify(what)} (try: bench epoch FILE)`);
  const file = rest.find((a) => !a.startsWith("--") && !/^\d+$/.test(a));
  const runsAt = rest.indexOf("--runs");
  const runs = runsAt >= 0 ? Number(rest[runsAt + 1]) : 25;
  const tm = taomath();
  const input = epochInputFromJson(readJson(file));
  for (let i = 0; i < 3; i++) tm.runEpoch(input);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    tm.runEpoch(input);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  if (rest.includes("--json")) console.log(JSON.stringify({ median_ms: Number(median.toFixed(4)), runs }));
  else console.log(`epoch on ${file}: median ${median.toFixed(3)} ms over ${runs} runs (after 3 warm-up runs)`);
}
