// taomath simulate NAME|FILE: the Yuma lab. Runs a scenario epoch by epoch through the exact epoch
// (progress bar on stderr), prints the per-strategy verdicts, and writes results JSON, an HTML
// report, one epoch vector file per epoch, or a sweep table over hyperparameters.

import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  TaomathError, taomath, simulate, namedScenario, scenarioNames, SCENARIOS, reportHtml, simulationToJson,
  epochVectorFile, sweepCells, sweepTable, runSweepRemote,
} from "../../dist/index.js";
import { runSweepThreads } from "../../dist/simulate/sweep_threads.js";
import { flag, json, readJson } from "../lib.mjs";

const VALUED = ["--epochs", "--out", "--html", "--export-epochs", "--seed", "--grid", "--threads", "--url", "--concurrency", "--retries"];

function count(args, name, fallback) {
  const v = flag(args, name);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v)) throw new TaomathError("not_integer", name, `expected a non-negative integer, got ${JSON.stringify(v)}`);
  return Number(v);
}

function progress(label) {
  const tty = process.stderr.isTTY;
  let last = 0;
  return {
    tick(done, total) {
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

const pct = (x) => (x === null ? "—" : `${x >= 0 ? "+" : ""}${(x * 100).toFixed(2)}%`);

export async function cmdSimulate(args) {
  if (args.includes("--list")) {
    for (const s of SCENARIOS) console.log(`${s.name.padEnd(30)} ${s.description ?? ""}`);
    return;
  }
  const target = args.find((a, i) => !a.startsWith("--") && !VALUED.includes(args[i - 1]));
  if (!target) throw new TaomathError("invalid_type", "scenario", `name a scenario or a scenario file (taomath simulate --list); known: ${scenarioNames().join(", ")}`);
  const scenario = existsSync(target) && !scenarioNames().includes(target) ? readJson(target) : namedScenario(target);
  const epochs = count(args, "--epochs", undefined);
  const seed = count(args, "--seed", undefined);
  if (args.includes("--sweep")) return sweep(args, scenario, epochs);

  const dir = flag(args, "--export-epochs");
  if (dir) mkdirSync(dir, { recursive: true });
  const bar = progress("epochs");
  const t0 = performance.now();
  const r = simulate(taomath(), scenario, {
    epochs, seed, float: args.includes("--float"),
    onProgress: (d, t) => bar.tick(d, t),
    onEpoch: dir ? (e, input, out) => writeFileSync(join(dir, `epoch-${String(e).padStart(4, "0")}.json`), json(epochVectorFile({ name: scenario.name, seed: seed ?? scenario.seed ?? 1 }, e, input, out)) + "\n") : undefined,
  });
  bar.end();
  const secs = (performance.now() - t0) / 1000;
  const out = flag(args, "--out"), html = flag(args, "--html");
  if (out) writeFileSync(out, JSON.stringify(simulationToJson(r)) + "\n");
  if (html) writeFileSync(html, reportHtml(r));
  if (args.includes("--json")) return console.log(json(simulationToJson(r, { epochs: false })));
  console.log(`${r.scenario.name}: ${r.scenario.epochs} epochs, ${r.scenario.n} uids in ${secs.toFixed(2)} s (${(r.scenario.epochs / Math.max(secs, 1e-9)).toFixed(0)} epochs/s${r.float ? ", exact + float64" : ""})`);
  for (const s of r.strategies) {
    const f = r.float?.strategies.find((x) => x.label === s.label);
    const verdict = s.paid === null ? "" : s.paid ? "  PAID" : "  did not pay";
    const fl = f && s.type !== "honest" ? `   float64 says ${pct(f.float_relative)}${f.verdict_differs ? " (verdict differs!)" : ""}` : "";
    console.log(`  ${s.label.padEnd(16)} ${String(s.uids.length).padStart(4)} validator(s)  dividends ${(Number(s.dividends) / 1e9).toFixed(3).padStart(14)} alpha  vs honest ${pct(s.relative_to_honest).padStart(9)}${verdict}${fl}`);
  }
  if (r.float) console.log(`  float64 vs chain: largest dividend-share difference ${Math.max(...r.float.epochs.map((e) => e.max_dividend_diff)).toExponential(2)}`);
  if (dir) console.log(`${r.scenario.epochs} epoch files written to ${dir} (check one with: taomath epoch ${join(dir, "epoch-0000.json")})`);
  if (out) console.log(`results written to ${out}`);
  if (html) console.log(`report written to ${html}`);
}

async function sweep(args, scenario, epochs) {
  const grid = flag(args, "--grid");
  const cells = sweepCells(grid ? readJson(grid) : {});
  const url = flag(args, "--url");
  const bar = progress("cells");
  const t0 = performance.now();
  const onRow = (_r, d, t) => bar.tick(d, t);
  const rows = url
    ? await runSweepRemote(url, scenario, cells, { epochs, concurrency: count(args, "--concurrency", 4), retries: count(args, "--retries", 3), onRow })
    : await runSweepThreads(scenario, cells, { epochs, threads: count(args, "--threads", undefined), onRow });
  bar.end();
  const secs = (performance.now() - t0) / 1000;
  const out = flag(args, "--out");
  if (out) writeFileSync(out, json({ scenario: scenario.name, cells: rows }) + "\n");
  if (args.includes("--json")) return console.log(json(rows));
  console.log(`sweep of ${scenario.name}: ${cells.length} settings in ${secs.toFixed(1)} s${url ? ` via ${url}` : ""}`);
  console.log(sweepTable(rows));
}
