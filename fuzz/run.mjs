#!/usr/bin/env node
// `npm run fuzz`: the fuzz table (fuzz/entries.mjs) on the built package, FUZZ_CASES cases per entry
// point (default 3,000: over 100,000 in all), seeded (FUZZ_SEED). Entries run in a worker thread
// under a watchdog, so a call that never returns is recorded as a hang instead of stopping the run.
// Prints the table of outcomes and exits 1 on any other error type, trap, hang, silent wrap,
// broken known vector or growing memory in the gated entries.

import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { fileURLToPath } from "node:url";

const CASES = Number(process.env.FUZZ_CASES ?? 3000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const BOUND_MS = Number(process.env.FUZZ_BOUND_MS ?? 2000);
const WATCHDOG_MS = 30_000;

if (isMainThread) await main(); else await work();

async function load() {
  const dist = new URL("../dist/", import.meta.url);
  const [root, pool, weights, emission, chain, scale, vectors, network] = await Promise.all(
    ["index.js", "pool/index.js", "weights/index.js", "emission/index.js", "chain/index.js", "chain/scale.js", "vectors/index.js", "network/index.js"].map((f) => import(new URL(f, dist).href)));
  const { entries, foreignEntries } = await import("./entries.mjs");
  const { decoderPayloads, readShared, sharedPresent, vectorDocs } = await import("./payloads.mjs");
  const tm = root.taomath();
  const T = { root, pool, weights, emission, chain, vectors, network };
  const vector = sharedPresent ? readShared("vectors", "epoch", "001_n1_self_weight.json") : null;
  const knownVector = () => vector === null || vectors.canonicalJson(root.epochToVectorEncoding(tm.runEpoch(vector.inputs)).outputs) === vectors.canonicalJson(vector.outputs);
  const snapshots = [network.exampleNetworkSnapshot(tm, { subnets: 2 })].map((s) => JSON.parse(JSON.stringify(s, (_k, v) => (typeof v === "bigint" ? v.toString() : v))));
  const gated = entries(T, tm, decoderPayloads(chain, scale), { vectors: vectorDocs() });
  const foreign = foreignEntries(T, tm, { snapshots });
  return { root, tm, knownVector, list: [...gated.map((e) => ({ ...e, gated: true })), ...foreign.map((e) => ({ ...e, gated: false }))] };
}

async function work() {
  const { root, tm, knownVector, list } = await load();
  const { runEntry } = await import("./runner.mjs");
  for (let i = workerData.from; i < list.length; i++) {
    parentPort.postMessage({ type: "start", index: i, name: list[i].name, gated: list[i].gated });
    const st = runEntry(list[i], { TaomathError: root.TaomathError, tm, numRuns: CASES, seed: SEED, boundMs: BOUND_MS, knownVector, maxMessage: 9000 });
    parentPort.postMessage({ type: "done", index: i, gated: list[i].gated, st });
  }
  parentPort.postMessage({ type: "end" });
}

async function main() {
  const { table, isClean } = await import("./runner.mjs");
  const stats = [];
  let from = 0;
  const t0 = Date.now();
  for (;;) {
    const outcome = await new Promise((resolve) => {
      const w = new Worker(fileURLToPath(import.meta.url), { workerData: { from } });
      let current = null;
      let timer = null;
      const arm = () => { clearTimeout(timer); timer = setTimeout(() => { w.terminate(); resolve({ hung: current }); }, current ? WATCHDOG_MS * Math.max(1, CASES / 1000) : 120_000); };
      arm();
      w.on("message", (m) => {
        if (m.type === "start") { current = m; process.stderr.write(`fuzz: ${m.name} ...\n`); arm(); }
        else if (m.type === "done") { stats.push({ ...m.st, gated: m.gated }); current = null; arm(); }
        else if (m.type === "end") { clearTimeout(timer); w.terminate(); resolve({ end: true }); }
      });
      w.on("error", (e) => { clearTimeout(timer); resolve({ crashed: current, error: e }); });
    });
    if (outcome.end) break;
    const c = outcome.hung ?? outcome.crashed;
    if (!c) { console.error("fuzz: the worker failed before any entry:", outcome.error); process.exit(1); }
    // the entry that never finished: one hang (or crash) on record, then go on with the next
    stats.push({ name: c.name, gated: c.gated, cases: 0, ok: 0, TaomathError: 0, other: outcome.crashed ? 1 : 0, traps: 0, hangs: outcome.hung ? 1 : 0, wraps: 0, vectorOk: true, memoryFlat: true, slowestMs: WATCHDOG_MS, bad: [{ kind: outcome.hung ? "hang" : "crash", detail: String(outcome.error ?? "watchdog") }] });
    from = c.index + 1;
  }
  const gated = stats.filter((s) => s.gated), foreign = stats.filter((s) => !s.gated);
  console.log(`taomath fuzz: seed ${SEED}, ${CASES} cases per entry point, bound ${BOUND_MS} ms per call, ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  console.log(table(gated));
  const total = gated.reduce((a, s) => a + s.cases, 0);
  console.log(`\n${total} cases over ${gated.length} entry points; memory flat on replay: ${gated.every((s) => s.memoryFlat) ? "yes" : "NO"}`);
  if (foreign.length) {
    console.log("\nReported, not gated (modules under the coinbase rewrite):\n");
    console.log(table(foreign));
  }
  const bad = stats.filter((s) => !isClean(s));
  for (const s of bad) console.log(`\n${s.gated ? "BAD" : "reported"}: ${s.name}\n${JSON.stringify(s.bad, null, 1)}`);
  process.exit(gated.some((s) => !isClean(s)) ? 1 : 0);
}
