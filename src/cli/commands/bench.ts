// taomath bench epoch FILE: median in-process epoch time after warm-up.

import { taomath } from "../../index.js";
import { epochInputFromJson } from "../../epoch/encoding.js";
import { UsageError } from "../args.js";
import { common, type Command } from "../command.js";
import { printJson, readJson } from "../io.js";
import { intFlag } from "../units.js";

export const bench: Command = {
  name: "bench",
  summary: "median in-process epoch time on FILE after warm-up",
  usage: ["bench epoch FILE [--runs N] [--json]"],
  flags: {
    runs: { type: "string", value: "N", help: "timed runs after 3 warm-up runs (default 25)" },
    json: { ...common.json, help: "print {\"median_ms\", \"runs\"}" },
  },
  positionals: { min: 2, max: 2 },
  examples: ["taomath bench epoch ../shared/vectors/epoch/039_n1024_sparse_classic.json --runs 50"],
  run({ values, positionals }) {
    const [what, file] = positionals;
    if (what !== "epoch") throw new UsageError(`bench: unknown benchmark ${JSON.stringify(what)} (try: taomath bench epoch FILE)`);
    const runs = intFlag(values, "runs", { min: 1, max: 100_000, fallback: 25 })!;
    const tm = taomath();
    const input = epochInputFromJson(readJson(file));
    for (let i = 0; i < 3; i++) tm.runEpoch(input);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      tm.runEpoch(input);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    if (values.json === true) return printJson({ median_ms: Number(median.toFixed(4)), runs });
    console.log(`epoch on ${file}: median ${median.toFixed(3)} ms over ${runs} runs (after 3 warm-up runs)`);
  },
};
