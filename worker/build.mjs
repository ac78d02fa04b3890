// Bundles the Worker with esbuild the way wrangler does: "taomath" resolves through the
// package's workerd condition, and the .wasm stays a separate module (CompiledWasm in workerd).
// Output: worker/dist/index.js + worker/dist/taomath.wasm, loaded by the miniflare tests.

import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const outdir = join(here, "dist");

const wasmAsModule = {
  name: "wasm-as-module",
  setup(b) {
    b.onResolve({ filter: /\.wasm$/ }, (args) => {
      const source = resolve(args.resolveDir, args.path);
      mkdirSync(outdir, { recursive: true });
      copyFileSync(source, join(outdir, basename(source)));
      return { path: `./${basename(source)}`, external: true };
    });
  },
};

export async function bundleWorker() {
  return build({
    entryPoints: [join(here, "src", "index.ts")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["module", "main"],
    outfile: join(outdir, "index.js"),
    plugins: [wasmAsModule],
    metafile: true,
    logLevel: "warning",
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await bundleWorker();
  const out = Object.entries(r.metafile.outputs).map(([f, o]) => `${f} ${o.bytes} B`).join(", ");
  console.log(`worker bundled: ${out}`);
}
