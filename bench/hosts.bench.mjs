// Size and start-up of taomath.wasm in each host: raw/gzip/brotli bytes, and the median time to
// compile and to instantiate the module in Node and in Chromium (/usr/bin/chromium, headless).
// Each compile gets bytes made unique by a trailing custom section, so V8's module cache
// cannot answer from a previous run. Ratios are against the targets (120 KB raw,
// 50 KB gzipped, instantiate < 5 ms) and Chromium against Node measured in the same run.
// A last table times what a user waits for: a fresh instance plus its first epoch (n = 256),
// against the same epoch on the warm instance. Compile and instantiate have as baseline an empty
// module measured the same way in the same run (the host's own floor); their worst is the slowest
// sample, and the first epoch's the slowest of its fresh instances.

import { readFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { median, report } from "./lib.mjs";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const CHROMIUM = process.env.TAOMATH_CHROMIUM ?? "/usr/bin/chromium";
const RUNS = 21, WARMUP = 3, BATCH = 10;

/** The module bytes plus a custom section named `taomath-bench-<i>` (valid wasm, distinct bytes). */
function uniqueBytes(bytes, i) {
  const name = new TextEncoder().encode(`taomath-bench-${i}`);
  const payload = [name.length, ...name]; // name length < 128: one-byte LEB128
  return new Uint8Array([...bytes, 0, payload.length, ...payload]);
}

const imports = { env: { abort() { throw new Error("abort"); } } };

async function measure(bytes, runs, warmup) {
  // each sample averages BATCH operations: Chromium's timer is coarsened to 0.1 ms
  const compile = [], instantiate = [];
  for (let i = 0; i < warmup + runs; i++) {
    const inputs = Array.from({ length: BATCH }, (_, k) => uniqueBytes(bytes, i * BATCH + k));
    const t0 = performance.now();
    const modules = [];
    for (const b of inputs) modules.push(await WebAssembly.compile(b));
    const t1 = performance.now();
    for (let k = 0; k < BATCH; k++) await WebAssembly.instantiate(modules[0], imports);
    const t2 = performance.now();
    if (i >= warmup) { compile.push((t1 - t0) / BATCH); instantiate.push((t2 - t1) / BATCH); }
  }
  return { compile: median(compile), instantiate: median(instantiate), compileWorst: Math.max(...compile), instantiateWorst: Math.max(...instantiate) };
}

/** The smallest valid module (magic and version only): what compile and instantiate cost in the host itself. */
const EMPTY = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);

/** The web entry as one script for a blank page (window.taomathWeb). */
async function webScript() {
  const r = await build({ entryPoints: [join(root, "dist", "web.js")], bundle: true, write: false, format: "iife", globalName: "taomathWeb", platform: "browser", logLevel: "silent" });
  return r.outputFiles[0].text;
}

/** Cold start as a user sees it: compile + instantiate + the first epoch, then the same epoch warm. */
async function firstEpoch(api, bytes, inputs, runs) {
  const cold = [], warm = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const tm = await api.createTaomath(uniqueBytesFor(bytes, 1000 + i));
    tm.runEpoch(inputs);
    cold.push(performance.now() - t0);
    const t1 = performance.now();
    tm.runEpoch(inputs);
    warm.push(performance.now() - t1);
  }
  return { cold: median(cold), warm: median(warm), coldWorst: Math.max(...cold) };
}
const uniqueBytesFor = (bytes, i) => uniqueBytes(bytes, i);

async function inChromium(bytes) {
  const { chromium } = await import("playwright-core");
  const profile = mkdtempSync(join(tmpdir(), "taomath-bench-"));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const page = await ctx.newPage();
    await page.goto("about:blank");
    const measureIn = (b) => page.evaluate(async ({ b64, runs, warmup, batch, src }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const fns = new Function(`return (${src})`)();
      return fns(bytes, runs, warmup, batch);
    }, { b64: Buffer.from(b).toString("base64"), runs: RUNS, warmup: WARMUP, batch: BATCH, src: pageMeasure.toString() });
    const startup = await measureIn(bytes);
    startup.empty = await measureIn(EMPTY);
    await page.addScriptTag({ content: await webScript() });
    const epoch = await page.evaluate(async ({ b64, inputs, runs, src, uniq }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const uniqueBytesFor = new Function(`return (${uniq})`)();
      const firstEpoch = new Function("median", "uniqueBytesFor", `return (${src})`)(median, uniqueBytesFor);
      return firstEpoch(window.taomathWeb, bytes, inputs, runs);
    }, { b64: Buffer.from(bytes).toString("base64"), inputs: EPOCH_INPUTS(), runs: 7, src: firstEpoch.toString(), uniq: pageUnique.toString() });
    return { ...startup, epoch };
  } finally {
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// uniqueBytes for the page (same bytes as in Node).
function pageUnique(bytes, i) {
  const name = new TextEncoder().encode(`taomath-bench-${i}`);
  return new Uint8Array([...bytes, 0, name.length + 1, name.length, ...name]);
}

// Runs inside the page: the same measurement as `measure`, self-contained.
function pageMeasure(bytes, runs, warmup, batch) {
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const imports = { env: { abort() { throw new Error("abort"); } } };
  return (async () => {
    const compile = [], instantiate = [];
    for (let i = 0; i < warmup + runs; i++) {
      const inputs = Array.from({ length: batch }, (_, k) => {
        const name = new TextEncoder().encode(`taomath-bench-${i * batch + k}`);
        return new Uint8Array([...bytes, 0, name.length + 1, name.length, ...name]);
      });
      const t0 = performance.now();
      const modules = [];
      for (const b of inputs) modules.push(await WebAssembly.compile(b));
      const t1 = performance.now();
      for (let k = 0; k < batch; k++) await WebAssembly.instantiate(modules[0], imports);
      const t2 = performance.now();
      if (i >= warmup) { compile.push((t1 - t0) / batch); instantiate.push((t2 - t1) / batch); }
    }
    return {
      compile: med(compile), instantiate: med(instantiate), compileWorst: Math.max(...compile), instantiateWorst: Math.max(...instantiate),
      ua: navigator.userAgent.match(/Chrom\S+/)?.[0] ?? "",
    };
  })();
}

let epochInputs = null;
/** The epoch timed for cold start: the shared n = 256 dense vector if present, else the example. */
const EPOCH_INPUTS = () => epochInputs;

export async function run() {
  const web = await import(join(root, "dist", "web.js"));
  const shared = process.env.TAOMATH_SHARED ?? join(root, "..", "shared");
  const vectorFile = join(shared, "vectors", "epoch", "006_n256_dense_classic.json");
  let epochLabel;
  if (existsSync(vectorFile)) {
    epochInputs = JSON.parse(readFileSync(vectorFile, "utf8")).inputs;
    epochLabel = "006_n256_dense_classic";
  } else {
    const tm = await web.createTaomath(readFileSync(join(root, "build", "taomath.wasm")));
    epochInputs = JSON.parse(web.canonicalJson(web.exampleSubnet(tm)));
    epochLabel = "example subnet (n = 256)";
  }
  const bytes = readFileSync(join(root, "build", "taomath.wasm"));
  const gz = gzipSync(bytes, { level: 9 }).length;
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const kib = (n) => n / 1024;
  report("taomath.wasm size (no baseline: targets 120 KB raw, 50 KB gzipped)", [
    { case: "raw", unit: "KiB", taomath: kib(bytes.length), baseline: null, worst: null },
    { case: "gzip -9", unit: "KiB", taomath: kib(gz), baseline: null, worst: null },
    { case: "brotli 11", unit: "KiB", taomath: kib(br), baseline: null, worst: null },
  ], [`raw ${(bytes.length / 120_000).toFixed(3)} of the 120 KB target, gzip ${(gz / 50_000).toFixed(3)} of the 50 KB target`]);

  const node = await measure(bytes, RUNS, WARMUP);
  const nodeEmpty = await measure(EMPTY, RUNS, WARMUP);
  node.epoch = await firstEpoch(web, bytes, epochInputs, 7);
  const rows = [];
  const hostRows = (host, m, empty) => rows.push(
    { case: `compile, ${host}`, unit: "ms", taomath: m.compile, baseline: empty.compile, baselineWhat: "(empty module)", worst: m.compileWorst, worstCase: `slowest of ${RUNS} samples` },
    { case: `instantiate, ${host} (target 5 ms)`, unit: "ms", taomath: m.instantiate, baseline: empty.instantiate, baselineWhat: "(empty module)", worst: m.instantiateWorst, worstCase: `slowest of ${RUNS} samples` },
  );
  hostRows(`Node ${process.version}`, node, nodeEmpty);
  let chromium = null;
  if (existsSync(CHROMIUM)) {
    chromium = await inChromium(bytes);
    hostRows(chromium.ua || "Chromium", chromium, chromium.empty);
  } else {
    console.log(`(Chromium not measured: ${CHROMIUM} not found)`);
  }
  report(`compile and instantiate taomath.wasm (per module: median of ${RUNS} samples of ${BATCH}, after ${WARMUP} warm-up; fresh bytes for every compile)`, rows);
  const epochRows = [{ case: `Node ${process.version}`, unit: "ms", taomath: node.epoch.cold, baseline: node.epoch.warm, baselineWhat: "(the same epoch, warm)", worst: node.epoch.coldWorst, worstCase: "slowest of 7 fresh instances" }];
  if (chromium) epochRows.push({ case: "Chromium", unit: "ms", taomath: chromium.epoch.cold, baseline: chromium.epoch.warm, baselineWhat: "(the same epoch, warm)", worst: chromium.epoch.coldWorst, worstCase: "slowest of 7 fresh instances" });
  report(`first epoch after start-up: a fresh instance + its first epoch, ${epochLabel} (median of 7 fresh instances)`, epochRows);
}
