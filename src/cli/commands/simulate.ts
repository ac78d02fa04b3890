// taomath simulate NAME|FILE: the Yuma lab. Runs a scenario epoch by epoch through the exact epoch
// (progress bar on stderr), prints the per-strategy verdicts, and writes results JSON, an HTML
// report, one epoch vector file per epoch, or a sweep table over hyperparameters.

import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { taomath } from "../../index.js";
import {
  simulate, namedScenario, scenarioNames, SCENARIOS, reportHtml, simulationToJson, epochVectorFile, sweepCells, sweepTable, runSweepRemote,
  type ScenarioJson, type SweepRow,
} from "../../simulate/index.js";
import { runSweepThreads } from "../../simulate/sweep_threads.js";
import { UsageError } from "../args.js";
import { common, type Command, type Values } from "../command.js";
import { printJson, readJson, toJson } from "../io.js";
import { intFlag } from "../units.js";

function progress(label: string) {
  const tty = process.stderr.isTTY;
  let last = 0;
  return {
    tick(done: number, total: number) {
      if (done !== total && performance.now() - last < 80) return;
      last = performance.now();
      const w = 30, f = Math.round((done / Math.max(1, total)) * w);
      const line = `[${"#".repeat(f)}${".".repeat(w - f)}] ${done}/${total} ${label}`;
      if (tty) process.stderr.write(`\r${line}`);
      else if (done === total) process.stderr.write(`${line}\n`);
    },
    end() { if (tty) process.stderr.write("\n"); },
  };
}

const pct = (x: number | null) => (x === null ? "—" : `${x >= 0 ? "+" : ""}${(x * 100).toFixed(2)}%`);
const str = (values: Values, name: string): string | undefined => (typeof values[name] === "string" ? (values[name] as string) : undefined);

async function sweep(values: Values, scenario: ScenarioJson, epochs: number | undefined): Promise<void> {
  const grid = str(values, "grid");
  const cells = sweepCells(grid ? readJson(grid, "--grid") : {});
  const url = str(values, "url");
  const bar = progress("cells");
  const t0 = performance.now();
  const onRow = (_r: SweepRow, d: number, t: number) => bar.tick(d, t);
  const rows = url
    ? await runSweepRemote(url, scenario, cells, { epochs, concurrency: intFlag(values, "concurrency", { min: 1, max: 64, fallback: 4 }), retries: intFlag(values, "retries", { min: 0, max: 20, fallback: 3 }), onRow })
    : await runSweepThreads(scenario, cells, { epochs, threads: intFlag(values, "threads", { min: 1, max: 256 }), onRow });
  bar.end();
  const secs = (performance.now() - t0) / 1000;
  const out = str(values, "out");
  if (out) writeFileSync(out, toJson({ scenario: scenario.name, cells: rows }) + "\n");
  if (values.json === true) return printJson(rows);
  console.log(`sweep of ${scenario.name}: ${cells.length} settings in ${secs.toFixed(1)} s${url ? ` via ${url}` : ""}`);
  console.log(sweepTable(rows));
}

export const simulateCommand: Command = {
  name: "simulate",
  summary: "the Yuma lab: exact multi-epoch simulation of validator strategies, reports and sweeps",
  usage: [
    "simulate NAME|FILE [--epochs N] [--seed S] [--float] [--out results.json] [--html report.html] [--export-epochs DIR] [--json]",
    "simulate NAME|FILE --sweep [--grid GRID.json] [--threads K | --url WORKER_URL [--concurrency C] [--retries R]] [--out FILE] [--json]",
    "simulate --list",
  ],
  description: "Runs a named scenario (see --list) or a scenario file (validated against schema/scenario.schema.json) through the chain's exact epoch, epoch by epoch, with each epoch's input built as chain storage holds it (weights max-upscaled to u16, bonds carried over). Prints each strategy's dividends relative to honest validation and whether it paid. --float adds a float64 run of the same scenario, as float simulators compute it, beside the exact one. --export-epochs writes each epoch in the epoch vector schema, which `taomath epoch FILE` reproduces. --sweep runs a grid of hyperparameters in worker threads on every core, or fans it out to a Worker's POST /v1/simulate.",
  flags: {
    list: { type: "boolean", help: "list the named scenarios" },
    epochs: { type: "string", value: "N", help: "how many epochs (default: the scenario's)" },
    seed: { type: "string", value: "S", help: "the random seed (default: the scenario's)" },
    float: { type: "boolean", help: "also run the float64 engine and report where it differs" },
    out: { type: "string", value: "FILE", help: "write the results (or the sweep table) as JSON" },
    html: { type: "string", value: "FILE", help: "write a self-contained HTML report with charts" },
    "export-epochs": { type: "string", value: "DIR", help: "write one epoch vector file per epoch" },
    sweep: { type: "boolean", help: "run a grid of hyperparameters instead of one scenario" },
    grid: { type: "string", value: "FILE", help: "with --sweep: the grid as JSON (default: kappa x bonds penalty x Yuma3 x liquid alpha x copier lag)" },
    threads: { type: "string", value: "K", help: "with --sweep: worker threads (default: one per core)" },
    url: { type: "string", value: "URL", help: "with --sweep: a taomath Worker to fan the grid out to" },
    concurrency: { type: "string", value: "C", help: "with --sweep --url: requests in flight (default 4)" },
    retries: { type: "string", value: "R", help: "with --sweep --url: attempts after a failed request (default 3)" },
    json: common.json,
  },
  positionals: { min: 0, max: 1 },
  examples: ["taomath simulate weight-copier --epochs 12 --export-epochs epochs/ --html report.html"],
  async run({ values, positionals }) {
    if (values.list === true) {
      for (const s of SCENARIOS) console.log(`${s.name.padEnd(30)} ${s.description ?? ""}`);
      return;
    }
    const target = positionals[0];
    if (target === undefined) throw new UsageError(`name a scenario or a scenario file (taomath simulate --list); known: ${scenarioNames().join(", ")}`);
    const scenario: ScenarioJson = existsSync(target) && !scenarioNames().includes(target) ? readJson(target, "scenario") : namedScenario(target);
    const epochs = intFlag(values, "epochs", { min: 1, max: 1_000_000 });
    const seed = intFlag(values, "seed", { min: 0, max: 2 ** 32 - 1 });
    if (values.sweep === true) return sweep(values, scenario, epochs);
    for (const f of ["grid", "threads", "url", "concurrency", "retries"]) {
      if (values[f] !== undefined) throw new UsageError(`--${f} goes with --sweep`);
    }

    const dir = str(values, "export-epochs");
    if (dir) mkdirSync(dir, { recursive: true });
    const bar = progress("epochs");
    const t0 = performance.now();
    const r = simulate(taomath(), scenario, {
      epochs, seed, float: values.float === true,
      onProgress: (d: number, t: number) => bar.tick(d, t),
      onEpoch: dir
        ? (e: number, input: unknown, out: unknown) => writeFileSync(join(dir, `epoch-${String(e).padStart(4, "0")}.json`), toJson(epochVectorFile({ name: scenario.name, seed: seed ?? scenario.seed ?? 1 }, e, input as never, out as never)) + "\n")
        : undefined,
    });
    bar.end();
    const secs = (performance.now() - t0) / 1000;
    const out = str(values, "out"), html = str(values, "html");
    if (out) writeFileSync(out, JSON.stringify(simulationToJson(r)) + "\n");
    if (html) writeFileSync(html, reportHtml(r));
    if (values.json === true) return printJson(simulationToJson(r, { epochs: false }));
    console.log(`${r.scenario.name}: ${r.scenario.epochs} epochs, ${r.scenario.n} uids in ${secs.toFixed(2)} s (${(r.scenario.epochs / Math.max(secs, 1e-9)).toFixed(0)} epochs/s${r.float ? ", exact + float64" : ""})`);
    for (const s of r.strategies) {
      const f = r.float?.strategies.find((x) => x.label === s.label);
      const verdict = s.paid === null ? "" : s.paid ? "  PAID" : "  did not pay";
      const fl = f && s.type !== "honest" ? `   float64 says ${pct(f.float_relative)}${f.verdict_differs ? " (verdict differs!)" : ""}` : "";
      console.log(`  ${s.label.padEnd(16)} ${String(s.uids.length).padStart(4)} validator(s)  dividends ${(Number(s.dividends) / 1e9).toFixed(3).padStart(14)} alpha  vs honest ${pct(s.relative_to_honest).padStart(9)}${verdict}${fl}`);
    }
    if (r.float) console.log(`  float64 vs chain: largest dividend-share difference ${Math.max(...r.float.epochs.map((e) => e.max_dividend_diff)).toExponential(2)}`);
    if (dir) console.log(`${r.scenario.epochs} epoch files written to ${dir} (check one with: taomath epoch ${join(dir, "epoch-0000.json")} --json)`);
    if (out) console.log(`results written to ${out}`);
    if (html) console.log(`report written to ${html}`);
  },
};
