// taomath bench epoch FILE: median in-process epoch time after warm-up.
// taomath bench network: blocks per second of the network model on a synthetic network (dynamic
// subnets with example neurons), with the due epochs of a block spread over --threads threads.

import { writeFileSync } from "node:fs";
import { taomath } from "../../index.js";
import { epochInputFromJson } from "../../epoch/encoding.js";
import { Network, syntheticNetworkSnapshot, snapshotAtRuntime } from "../../network/index.js";
import { rulesLine } from "./network.js";
import { EpochThreads } from "../../network/epoch_threads.js";
import { UsageError } from "../args.js";
import { common, type Command, type Values } from "../command.js";
import { printJson, readJson, toJson } from "../io.js";
import { intFlag, requiredInt } from "../units.js";

const YEAR_BLOCKS = 2_629_800;

export const bench: Command = {
  name: "bench",
  summary: "median in-process epoch time on FILE after warm-up, or the network model's blocks per second",
  usage: ["bench epoch FILE [--runs N] [--json]", "bench network --subnets N --uids U --tempo T --blocks B [--warmup W] [--runtime SPEC] [--threads K] [--out FILE] [--json]"],
  description: "bench network builds N dynamic subnets of U uids (example validators with stake and weights), runs W blocks untimed (the first tempo converts the snapshot's neuron arrays, once in a run of any length), then B blocks (coinbase, every due epoch and its payout, conservation checked), and reports the B blocks' rate and a year's time (the W blocks as they ran, the rest at that rate); with --threads K the epochs due in the same block run on K threads (the payouts stay in the chain's order).",
  flags: {
    runs: { type: "string", value: "N", help: "bench epoch: timed runs after 3 warm-up runs (default 25)" },
    subnets: { type: "string", value: "N", help: "bench network: how many subnets (1..1024)" },
    uids: { type: "string", value: "U", help: "bench network: uids per subnet (0..4096)" },
    tempo: { type: "string", value: "T", help: "bench network: every subnet's tempo (1..65535)" },
    blocks: { type: "string", value: "B", help: "bench network: how many blocks to time" },
    warmup: { type: "string", value: "W", help: "bench network: blocks run before the timed ones (default: one tempo)" },
    threads: { type: "string", value: "K", help: "bench network: threads for the epochs due in one block (default 1)" },
    runtime: { type: "string", value: "SPEC", help: "bench network: the runtime spec_version whose coinbase rules run (425, 459, 473; default: the newest known)" },
    out: { type: "string", value: "FILE", help: "bench network: write the snapshot after the run to FILE" },
    json: { ...common.json, help: "print {\"median_ms\", \"runs\"} (epoch) or {\"blocks_per_s\", \"epochs\", \"seconds\", \"cpu_seconds\", \"threads\", \"runtime\", ...} (network)" },
  },
  positionals: { min: 1, max: 2 },
  examples: [
    "taomath bench epoch ../shared/vectors/epoch/039_n1024_sparse_classic.json --runs 50",
    "taomath bench network --subnets 128 --uids 256 --tempo 360 --blocks 2000 --threads 2 --json",
  ],
  async run({ values, positionals }) {
    const [what, file] = positionals;
    if (what === "network") {
      if (file !== undefined) throw new UsageError("bench network takes no FILE");
      return benchNetwork(values);
    }
    if (what !== "epoch") throw new UsageError(`bench: unknown benchmark ${JSON.stringify(what)} (try: taomath bench epoch FILE, or taomath bench network)`);
    if (file === undefined) throw new UsageError("bench epoch needs a FILE");
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

async function benchNetwork(values: Values): Promise<void> {
  const subnets = requiredInt(values, "subnets", "how many subnets", { min: 1, max: 1024 });
  const uids = requiredInt(values, "uids", "uids per subnet", { min: 0, max: 4096 });
  const tempo = requiredInt(values, "tempo", "every subnet's tempo", { min: 1, max: 65535 });
  const blocks = requiredInt(values, "blocks", "how many blocks to run", { min: 1, max: 100_000_000 });
  const threads = intFlag(values, "threads", { min: 1, max: 64, fallback: 1 })!;
  const warmup = intFlag(values, "warmup", { min: 0, max: 100_000_000, fallback: tempo })!;
  const tm = taomath();
  const runtime = values.runtime === undefined ? undefined : String(values.runtime);
  const net = Network.fromSnapshot(tm, snapshotAtRuntime(syntheticNetworkSnapshot(tm, { subnets, uids, tempo }), runtime, "--runtime"));
  const pool = new EpochThreads(tm, threads);
  try {
    const options = threads > 1 ? { epochRunner: pool.runner, epochAhead: pool.ahead } : {};
    const w0 = process.cpuUsage(), wt0 = performance.now();
    const warm = warmup > 0 ? net.step(warmup, undefined, options) : null;
    const warmupSeconds = (performance.now() - wt0) / 1000, warmCpu = process.cpuUsage(w0), warmupCpu = (warmCpu.user + warmCpu.system) / 1e6;
    const offloadedBefore = pool.offloaded, aheadBefore = pool.aheadUsed;
    const c0 = process.cpuUsage(), t0 = performance.now();
    const report = net.step(blocks, undefined, options);
    const seconds = (performance.now() - t0) / 1000;
    // the process's CPU time (all its threads): steadier than the wall clock on a shared machine
    const cpu = process.cpuUsage(c0), cpuSeconds = (cpu.user + cpu.system) / 1e6;
    if (report.violations.length > 0 || (warm?.violations.length ?? 0) > 0) process.exitCode = 1;
    const ran = report.epochs.filter((e) => e.outcome === "ran");
    const perBlock = new Map<bigint, number>();
    for (const e of ran) perBlock.set(e.block, (perBlock.get(e.block) ?? 0) + 1);
    const shared = [...perBlock.values()].filter((c) => c > 1).length;
    const blocksPerS = blocks / Math.max(seconds, 1e-9);
    // a year: its first W blocks as the warm-up ran, the rest at the timed rate
    const rest = Math.max(0, YEAR_BLOCKS - warmup), warmShare = Math.min(warmup, YEAR_BLOCKS) / Math.max(warmup, 1);
    const yearMinutes = (warmShare * warmupSeconds + rest / blocksPerS) / 60;
    const yearMinutesCpu = (warmShare * warmupCpu + (rest * cpuSeconds) / blocks) / 60;
    if (typeof values.out === "string") writeFileSync(values.out, toJson(net.snapshot()) + "\n");
    const result = {
      blocks_per_s: Number(blocksPerS.toFixed(2)), epochs: ran.length, seconds: Number(seconds.toFixed(3)), threads,
      subnets, uids, tempo, blocks, blocks_with_several_epochs: shared, epochs_on_workers: pool.offloaded - offloadedBefore, epochs_run_ahead: pool.aheadUsed - aheadBefore,
      warmup_blocks: warmup, warmup_seconds: Number(warmupSeconds.toFixed(3)), warmup_cpu_seconds: Number(warmupCpu.toFixed(3)),
      year_minutes: Number(yearMinutes.toFixed(1)), cpu_seconds: Number(cpuSeconds.toFixed(3)),
      year_minutes_cpu: Number(yearMinutesCpu.toFixed(1)), conserved: report.violations.length === 0 && (warm?.violations.length ?? 0) === 0, runtime: report.runtime,
    };
    if (values.json === true) return printJson(result);
    console.log(`${blocks} blocks of ${subnets} subnets x ${uids} uids (tempo ${tempo}) in ${seconds.toFixed(2)} s after ${warmup} warm-up blocks (${warmupSeconds.toFixed(2)} s): ${blocksPerS.toFixed(1)} blocks/s, ${ran.length} epochs (${shared} blocks with several, ${result.epochs_on_workers} on workers, ${result.epochs_run_ahead} of them run ahead), ${threads} thread(s); a year (${YEAR_BLOCKS} blocks) at this rate: ${result.year_minutes} min (${result.year_minutes_cpu} min of CPU at ${cpuSeconds.toFixed(2)} s CPU); conservation ${result.conserved ? "held" : "VIOLATED"}`);
    console.log(`Rules: ${rulesLine(report.runtime)}`);
  } finally {
    await pool.close();
  }
}
