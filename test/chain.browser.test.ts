// The light client must run in browsers and Workers: src/chain bundles for the browser platform
// with no Node built-in, and the bundled client fetches over WebSocket when handed a WebSocket
// constructor (here `ws`, standing in for the global one a browser provides).

import { describe, expect, it } from "vitest";
import { build } from "esbuild";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import WebSocket from "ws";
import { readShared, sharedPresent } from "./helpers/shared.js";
import { startReplayServer, type RecordedCall } from "./helpers/replay-server.js";

async function bundle(): Promise<string> {
  const r = await build({
    entryPoints: [join(__dirname, "..", "src", "chain", "index.ts")],
    bundle: true, platform: "browser", format: "esm", write: false, logLevel: "silent",
  });
  return r.outputFiles[0].text;
}

describe("browser build of the light client", () => {
  it("bundles for the browser platform without any Node built-in", async () => {
    const code = await bundle();
    expect(code).not.toMatch(/from\s*["']node:|require\(["'](fs|net|http|ws)["']\)/);
  });
});

describe.skipIf(!sharedPresent)("browser bundle against the loopback replay server", () => {
  it("the bundled ChainClient with a WHATWG WebSocket reads subnet 1's metagraph: tempo 99", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "taomath-browser-")), "chain.mjs");
    writeFileSync(file, await bundle());
    const chain = await import(pathToFileURL(file).href);
    const rec = readShared<{ calls: RecordedCall[] }>("data", "finney", "sn1-block6852690.rpc.json");
    const hash = "0xdb13c066e2c63969f140164fb3bfe7a0aaa7b71407fc0fe525d68e57329ef9d0";
    const version = rec.calls.find((c) => c.method === "state_getRuntimeVersion")!;
    const server = await startReplayServer({ calls: [...rec.calls, { method: "state_getRuntimeVersion", params: [hash], result: version.result }] });
    const client = new chain.ChainClient(server.wsUrl, { WebSocket, timeoutMs: 5000, retries: 0 });
    try {
      const s = await chain.fetchSnapshot(client, 1, { block: 6852690 });
      expect(s.metagraph.tempo).toBe(99);
      expect(s.neurons_lite.length).toBe(1024);
    } finally { client.close(); await server.close(); }
  });
});
