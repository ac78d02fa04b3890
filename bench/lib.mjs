// Shared timing helpers for npm run bench: medians after warm-up, never assertions.

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median milliseconds of fn over `runs` runs after `warmup` runs. */
export function timeMs(fn, { runs = 21, warmup = 3 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const t = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

export function table(title, rows) {
  console.log(`\n## ${title}`);
  const keys = Object.keys(rows[0] ?? {});
  const w = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
  console.log("| " + keys.map((k, i) => k.padEnd(w[i])).join(" | ") + " |");
  console.log("|" + w.map((x) => "-".repeat(x + 2)).join("|") + "|");
  for (const r of rows) console.log("| " + keys.map((k, i) => String(r[k]).padEnd(w[i])).join(" | ") + " |");
}

// ---- the common row of every benchmark, printed and collected into bench/results.json ----

import os from "node:os";

/** Everything this run measured; bench/run.mjs writes it to bench/results.json at the end. */
export const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: os.cpus()[0]?.model ?? "unknown",
  cores: os.cpus().length,
  loadavg_at_start: os.loadavg(),
  sections: [],
};

const ratio = (x) => (x < 0.01 ? x.toPrecision(2) : x.toFixed(3));
const fmt = (x) => (x === null || x === undefined ? "-" : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toPrecision(3));

/**
 * Prints one table where every row says the same three things, and records it:
 * { case, unit, taomath, baseline, baselineWhat, worst, worstCase, native?, nativeWhat? }.
 * taomath and baseline are medians of the same workload in this run (baseline: the plain JS
 * float64 or BigInt version); worst is taomath's slowest point of the row's sweep (which one in
 * worstCase); native is a reference figure of the chain's Rust code measured elsewhere.
 */
export function report(title, rows, notes = []) {
  results.sections.push({ title, rows, notes });
  table(title, rows.map((r) => ({
    case: r.case,
    taomath: `${fmt(r.taomath)} ${r.unit}`,
    "baseline (same run)": r.baseline === null || r.baseline === undefined ? "-" : `${fmt(r.baseline)} ${r.unit} ${r.baselineWhat}`,
    "taomath / baseline": r.baseline ? ratio(r.taomath / r.baseline) : "-",
    "worst of sweep": r.worst === null || r.worst === undefined ? "-" : `${fmt(r.worst)} ${r.unit} (${r.worstCase})`,
    "chain native (ref.)": r.native ? `${fmt(r.native)} ${r.unit}${r.nativeWhat ? ` ${r.nativeWhat}` : ""}; worst/native ${((r.worst ?? r.taomath) / r.native).toFixed(3)}` : "-",
  })));
  for (const n of notes) console.log(n);
}
