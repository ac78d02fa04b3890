// The package as bundlers see it: esbuild resolves "taomath" through package.json `exports` to
// the right entry for each platform, and the browser and Worker bundles contain no node: import.

import { describe, it, expect } from "vitest";
import { build, type Metafile } from "esbuild";
import { readFileSync } from "node:fs";
import { join } from "node:path";
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
