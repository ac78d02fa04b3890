// Size and start-up of taomath.wasm in each host: raw/gzip/brotli bytes, and the median time to
// compile and to instantiate the module in Node and in Chromium (/usr/bin/chromium, headless).
// Each compile gets bytes made unique by a trailing custom section, so V8's module cache
// cannot answer from a previous run. Ratios are against the targets (120 KB raw,
// 50 KB gzipped, instantiate < 5 ms) and Chromium against Node measured in the same run.

import { readFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { median, table } from "./lib.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const CHROMIUM = process.env.TAOMATH_CHROMIUM ?? "/usr/bin/chromium";
const RUNS = 21, WARMUP = 3;

/** The module bytes plus a custom section named `taomath-bench-<i>` (valid wasm, distinct bytes). */
function uniqueBytes(bytes, i) {
  const name = new TextEncoder().encode(`taomath-bench-${i}`);
  const payload = [name.length, ...name]; // name length < 128: one-byte LEB128
  return new Uint8Array([...bytes, 0, payload.length, ...payload]);
}

const imports = { env: { abort() { throw new Error("abort"); } } };

async function measure(bytes, runs, warmup) {
  const compile = [], instantiate = [];
  for (let i = 0; i < warmup + runs; i++) {
    const b = uniqueBytes(bytes, i);
    const t0 = performance.now();
    const module = await WebAssembly.compile(b);
    const t1 = performance.now();
    await WebAssembly.instantiate(module, imports);
    const t2 = performance.now();
    if (i >= warmup) { compile.push(t1 - t0); instantiate.push(t2 - t1); }
  }
  return { compile: median(compile), instantiate: median(instantiate) };
}

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
    return await page.evaluate(async ({ b64, runs, warmup, src }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const fns = new Function(`return (${src})`)();
      return fns(bytes, runs, warmup);
    }, { b64: Buffer.from(bytes).toString("base64"), runs: RUNS, warmup: WARMUP, src: pageMeasure.toString() });
  } finally {
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// Runs inside the page: the same measurement as `measure`, self-contained.
function pageMeasure(bytes, runs, warmup) {
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const imports = { env: { abort() { throw new Error("abort"); } } };
  return (async () => {
    const compile = [], instantiate = [];
    for (let i = 0; i < warmup + runs; i++) {
      const name = new TextEncoder().encode(`taomath-bench-${i}`);
      const b = new Uint8Array([...bytes, 0, name.length + 1, name.length, ...name]);
      const t0 = performance.now();
      const module = await WebAssembly.compile(b);
      const t1 = performance.now();
      await WebAssembly.instantiate(module, imports);
      const t2 = performance.now();
      if (i >= warmup) { compile.push(t1 - t0); instantiate.push(t2 - t1); }
    }
    return { compile: med(compile), instantiate: med(instantiate), ua: navigator.userAgent.match(/Chrom\S+/)?.[0] ?? "" };
  })();
}

export async function run() {
  const bytes = readFileSync(join(root, "build", "taomath.wasm"));
  const gz = gzipSync(bytes, { level: 9 }).length;
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const kb = (n) => (n / 1024).toFixed(1);
  table("taomath.wasm size", [
    { form: "raw", bytes: bytes.length, KiB: kb(bytes.length), target: "120 KB", "ratio to target": (bytes.length / 120_000).toFixed(3) },
    { form: "gzip -9", bytes: gz, KiB: kb(gz), target: "50 KB", "ratio to target": (gz / 50_000).toFixed(3) },
    { form: "brotli 11", bytes: br, KiB: kb(br), target: "-", "ratio to target": "-" },
  ]);

  const node = await measure(bytes, RUNS, WARMUP);
  const rows = [{ host: `Node ${process.version}`, "compile ms": node.compile.toFixed(3), "instantiate ms": node.instantiate.toFixed(3), "instantiate / 5 ms target": (node.instantiate / 5).toFixed(4), "vs Node": "1.00" }];
  if (existsSync(CHROMIUM)) {
    const c = await inChromium(bytes);
    rows.push({ host: c.ua || "Chromium", "compile ms": c.compile.toFixed(3), "instantiate ms": c.instantiate.toFixed(3), "instantiate / 5 ms target": (c.instantiate / 5).toFixed(4), "vs Node": `compile ${(c.compile / node.compile).toFixed(2)}x, instantiate ${(c.instantiate / node.instantiate).toFixed(2)}x` });
  } else {
    console.log(`(Chromium not measured: ${CHROMIUM} not found)`);
  }
  table(`compile and instantiate taomath.wasm (median of ${RUNS} after ${WARMUP} warm-up, fresh bytes each time)`, rows);
}
