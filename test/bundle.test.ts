// The package as bundlers see it: esbuild resolves "taomath" through package.json `exports` to
// the right entry for each platform, and the browser and Worker bundles contain no node: import;
// the documented esbuild recipes (examples/esbuild) build and run in Chromium and workerd.

import { describe, it, expect, afterAll } from "vitest";
import { build, type Metafile } from "esbuild";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { Miniflare } from "miniflare";
import { taomath, exampleSubnet, epochToVectorEncoding } from "../src/index.js";
import { quoteStake, taoToRao } from "../src/pool/index.js";
import { canonicalJson } from "../src/vectors/index.js";
import { freePort, launchChromium } from "./helpers/chromium.js";
import { pathToFileURL } from "node:url";
// @ts-expect-error plain JS build script without types
import { bundleWorker } from "../worker/build.mjs";

const root = process.cwd();

async function bundle(contents: string, platform: "browser" | "node" | "neutral", conditions?: string[]) {
  const r = await build({
    stdin: { contents, resolveDir: root, loader: "ts" },
    bundle: true, write: false, format: "esm", platform, conditions, metafile: true, logLevel: "silent",
    external: ["*.wasm"], mainFields: platform === "neutral" ? ["module", "main"] : undefined,
  });
  return { text: r.outputFiles[0].text, inputs: Object.keys((r.metafile as Metafile).inputs) };
}

describe("esbuild resolves the package per platform", () => {
  it("browser: the web entry, no node: imports", async () => {
    const b = await bundle(`export { createTaomath } from "taomath";`, "browser");
    expect(b.inputs).toContain("dist/web.js");
    expect(b.inputs).toContain("dist/host/browser.js");
    expect(b.inputs).not.toContain("dist/host/node.js");
    expect(b.text).not.toMatch(/["']node:/);
  });

  it("workerd: the Workers entry, the .wasm kept as a module import", async () => {
    const b = await bundle(`export { runEpoch } from "taomath";`, "neutral", ["workerd", "worker", "browser"]);
    expect(b.inputs).toContain("dist/workers.js");
    expect(b.inputs).toContain("dist/host/workers.js");
    expect(b.inputs).not.toContain("dist/host/node.js");
    expect(b.text).toMatch(/import \w+ from "[./]*build\/taomath\.wasm"/);
    expect(b.text).not.toMatch(/["']node:/);
  });

  it("node: the Node entry", async () => {
    const b = await bundle(`export { runEpoch } from "taomath";`, "node");
    expect(b.inputs).toContain("dist/index.js");
    expect(b.inputs).toContain("dist/host/node.js");
  });

  it("the Worker bundle (worker/build.mjs) imports only its .wasm", async () => {
    const r = await bundleWorker();
    const out = Object.entries(r.metafile.outputs as Metafile["outputs"]).find(([f]) => f.endsWith("index.js"))!;
    expect(out[1].imports.map((i) => i.path)).toEqual(["./taomath.wasm"]);
  });
});

describe("every domain subpath", () => {
  const SUBPATHS = ["epoch", "pool", "network", "chain", "weights", "emission", "vectors", "simulate"];

  it("package.json exports each subpath, with its types", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    for (const s of SUBPATHS) expect(JSON.stringify(pkg.exports[`./${s}`]), s).toMatch(/"types":"\.\/dist\/[a-z]+\/index\.d\.ts"/);
  });

  it("bundles for browsers and for workerd without node: imports, each default instance the host's own", async () => {
    for (const s of SUBPATHS) {
      const web = await bundle(`export * from "taomath/${s}";`, "browser");
      expect(web.text, `browser taomath/${s}`).not.toMatch(/["']node:/);
      const wd = await bundle(`export * from "taomath/${s}";`, "neutral", ["workerd", "worker", "browser"]);
      expect(wd.text, `workerd taomath/${s}`).not.toMatch(/["']node:/);
      if (web.inputs.some((f) => f.includes("dist/host/default_"))) {
        expect(web.inputs, s).toContain("dist/host/default_browser.js");
        expect(wd.inputs, s).toContain("dist/host/default_workers.js");
      }
    }
  });

  it("loads in Node, and a subpath used alone finds the default instance", async () => {
    for (const s of SUBPATHS) expect(Object.keys(await import(`taomath/${s}`)).length, s).toBeGreaterThan(0);
    const pool = await import("taomath/pool");
    const q = pool.quoteStake({ taoReserve: 10n ** 15n, alphaReserve: 3n * 10n ** 15n }, 10n ** 9n);
    expect(q.amountOut).toBeGreaterThan(0n);
  });
});

describe("the package entries load in Node", () => {
  it("`import \"taomath\"` is the Node entry and runs an epoch", async () => {
    const m = await import("taomath");
    const tm = m.taomath();
    const out = m.runEpoch(m.exampleSubnet(tm, { n: 16, validators: 4, warmupEpochs: 0 }));
    expect(out.incentive.length).toBe(16);
  });

  it("`taomath/web` builds an instance from wasm bytes without node: modules", async () => {
    const web = await import("taomath/web");
    const bytes = readFileSync(join(root, "build", "taomath.wasm"));
    const tm = await web.createTaomath(bytes);
    const node = await import("taomath");
    const input = web.exampleSubnet(tm, { n: 32, validators: 8 });
    expect(web.epochToVectorEncoding(tm.runEpoch(input))).toEqual(node.epochToVectorEncoding(node.runEpoch(input)));
  });

  it("Node's createTaomath takes the same sources as the browser's: bytes, a file path, a file: URL", async () => {
    const m = await import("taomath");
    const wasm = join(root, "build", "taomath.wasm");
    const input = m.exampleSubnet(m.taomath(), { n: 16, validators: 4, warmupEpochs: 0 });
    const expected = m.epochToVectorEncoding(m.runEpoch(input));
    for (const source of [readFileSync(wasm), wasm, pathToFileURL(wasm), pathToFileURL(wasm).href]) {
      const tm = await m.createTaomath(source);
      expect(m.epochToVectorEncoding(tm.runEpoch(input))).toEqual(expected);
    }
  });

  it("the package exports the .wasm file itself", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(pkg.exports["./taomath.wasm"]).toBe("./build/taomath.wasm");
  });
});

// The esbuild recipes of docs/hosts.md, built from examples/esbuild with the documented options and
// run in the real engines: the browser bundle in Chromium (served from a plain static server), the
// Worker bundle in workerd (miniflare, the .wasm as a CompiledWasm module). Both use subpath imports.
const PAGE = `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><body>loading</body><script type="module" src="./app.js"></script>`;

/** Serves `dir` over plain HTTP, opens its index.html in Chromium and waits for the body to change. */
async function servePage(dir: string) {
  const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };
  const failed: string[] = [];
  const server = createServer((req, res) => {
    const file = join(dir, decodeURIComponent(new URL(req.url!, "http://x").pathname));
    if (!file.startsWith(dir) || !existsSync(file)) { failed.push(req.url!); res.writeHead(404).end(); return; }
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  const port = await freePort();
  await new Promise<void>((ok) => server.listen(port, "127.0.0.1", ok));
  const chromium = await launchChromium();
  const errors: string[] = [];
  const close = async () => { await chromium.close(); await new Promise<void>((ok) => server.close(() => ok())); };
  try {
    const page = await chromium.browser.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${port}/index.html`);
    await page.waitForFunction(() => document.body.textContent !== "loading", null, { timeout: 30000 });
    return { text: await page.textContent("body"), errors, failed, close };
  } catch (e) {
    await close();
    throw e;
  }
}

describe("esbuild recipes run in the real engines", () => {
  const out = mkdtempSync(join(tmpdir(), "taomath-esbuild-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  /** What both examples compute, in Node. */
  function expected(): string {
    const tm = taomath();
    const outputs = epochToVectorEncoding(tm.runEpoch(exampleSubnet(tm, { n: 64, validators: 16 }))).outputs;
    const quote = quoteStake({ taoReserve: taoToRao("12000", "tao"), alphaReserve: taoToRao("300000", "alpha") }, taoToRao("250", "stake"));
    return canonicalJson({ outputs, alpha_out: quote.amountOut.toString() });
  }

  it("browser (--platform=browser --loader:.wasm=file): emits the .wasm beside the bundle and runs in Chromium", async () => {
    const dir = join(out, "browser");
    const r = await build({
      entryPoints: [join(root, "examples", "esbuild", "app.ts")], bundle: true, format: "esm", platform: "browser",
      loader: { ".wasm": "file" }, outdir: dir, metafile: true, logLevel: "silent",
    });
    const files = Object.keys(r.metafile.outputs).map((f) => basename(f));
    expect(files.filter((f) => f.endsWith(".wasm"))).toHaveLength(1);
    const js = readFileSync(join(dir, "app.js"), "utf8");
    expect(js).not.toMatch(/["']node:/);
    writeFileSync(join(dir, "index.html"), PAGE);

    const page = await servePage(dir);
    try {
      expect(page.errors).toEqual([]);
      expect(page.failed).toEqual([]);
      expect(page.text).toBe(expected());
    } finally {
      await page.close();
    }
  }, 60000);

  it("browser without the .wasm given to esbuild: the default URL 404s and the error says what to do", async () => {
    const dir = join(out, "browser-default");
    mkdirSync(dir, { recursive: true });
    await build({
      stdin: { contents: `import { createTaomath } from "taomath";\ncreateTaomath().then(() => { document.body.textContent = "ok"; }, (e) => { document.body.textContent = e.message; });`, resolveDir: root, loader: "ts" },
      bundle: true, format: "esm", platform: "browser", outfile: join(dir, "app.js"), logLevel: "silent",
    });
    writeFileSync(join(dir, "index.html"), PAGE);
    const page = await servePage(dir);
    try {
      expect(page.text).toMatch(/^taomath: fetching the wasm failed: 404 .*taomath\.wasm; .*esbuild.*docs\/hosts\.md/);
    } finally {
      await page.close();
    }
  }, 60000);

  it("Worker (--conditions=workerd,worker --loader:.wasm=copy): imports only the copied .wasm and runs in workerd", async () => {
    const dir = join(out, "worker");
    const r = await build({
      entryPoints: [join(root, "examples", "esbuild", "worker.ts")], bundle: true, format: "esm", platform: "neutral",
      mainFields: ["module", "main"], conditions: ["workerd", "worker"], loader: { ".wasm": "copy" }, outdir: dir, metafile: true, logLevel: "silent",
    });
    const entry = Object.entries(r.metafile.outputs).find(([f]) => f.endsWith("worker.js"))!;
    expect(entry[1].imports.map((i) => basename(i.path))).toEqual([expect.stringMatching(/^taomath-\w+\.wasm$/)]);
    expect(readFileSync(join(dir, "worker.js"), "utf8")).toMatch(/import \w+ from "\.\/taomath-\w+\.wasm"/);
    const mf = new Miniflare({
      modules: true, modulesRoot: dir, scriptPath: join(dir, "worker.js"),
      modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"] }], compatibilityDate: "2026-07-30",
    });
    try {
      const res = await mf.dispatchFetch("http://worker.test/");
      expect(await res.text()).toBe(expected());
    } finally {
      await mf.dispose();
    }
  }, 60000);
});
