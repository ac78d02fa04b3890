// Starts the taomath Worker inside workerd (miniflare), bundled by worker/build.mjs the way
// wrangler would bundle it, with the .wasm as a CompiledWasm module.

import { Miniflare } from "miniflare";
// @ts-expect-error plain JS build script without types
import { bundleWorker, outdir } from "../../worker/build.mjs";
import { join } from "node:path";

export interface WorkerHost {
  mf: Miniflare;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export async function startWorker(): Promise<WorkerHost> {
  await bundleWorker();
  const mf = new Miniflare({
    modules: true,
    modulesRoot: outdir,
    scriptPath: join(outdir, "index.js"),
    modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"] }],
    compatibilityDate: "2026-07-30",
  });
  await mf.ready;
  return {
    mf,
    fetch: (path, init) => mf.dispatchFetch(`http://taomath.test${path}`, init as never) as unknown as Promise<Response>,
    close: () => mf.dispose(),
  };
}
