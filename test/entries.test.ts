// The three entries (Node, browser, Workers) offer the same API: a name exported for Node must
// also be exported for browsers and Workers, except the few that bind a default instance
// synchronously (Node and Workers only) and the Node-only I/O helpers. Host-independent API lives in
// src/api.ts, which every entry re-exports.

import { describe, it, expect } from "vitest";
import { build } from "esbuild";
import { join } from "node:path";

const root = process.cwd();

/** Names a source entry exports, as esbuild sees them. */
async function exportsOf(entry: string): Promise<string[]> {
  const r = await build({ entryPoints: [join(root, "src", entry)], bundle: true, write: false, format: "esm", platform: "neutral", metafile: true, logLevel: "silent", external: ["*.wasm", "node:*", "ws"], outdir: "out" });
  return Object.values(r.metafile!.outputs)[0].exports.sort();
}

/** Node exports that need a synchronously created default instance (none in browsers). */
const SYNC_DEFAULT_INSTANCE = ["runEpoch", "runEpochDense", "taomath"];
/** Node exports that use node: modules (the WebSocket client via `ws`, atomic file writes). */
const NODE_ONLY = ["connectNode", "writeFileAtomic"];

describe("the Node, browser and Workers entries export the same API", () => {
  it("every Node export exists in the browser entry (except the sync default instance)", async () => {
    const node = await exportsOf("index.ts");
    const web = await exportsOf("web.ts");
    expect(web).toContain("createTaomath");
    expect(node).toContain("epochToVectorEncoding");
    expect(node.filter((x) => !SYNC_DEFAULT_INSTANCE.includes(x) && !NODE_ONLY.includes(x) && !web.includes(x)), "missing from src/web.ts").toEqual([]);
  });

  it("every Node export exists in the Workers entry", async () => {
    const node = await exportsOf("index.ts");
    const workers = await exportsOf("workers.ts");
    expect(node.filter((x) => !NODE_ONLY.includes(x) && !workers.includes(x)), "missing from src/workers.ts").toEqual([]);
  });
});
