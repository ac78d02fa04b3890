// `npm run web`: the Vite dev server serves the dashboard from source (the package resolved
// through its "browser" export, the .wasm through `taomath/taomath.wasm?url`) and it runs in
// Chromium with no failed request and the same output bytes as Node.

import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { createServer, type ViteDevServer } from "vite";
import type { Page } from "playwright-core";
import { join } from "node:path";
import { taomath, exampleSubnet, epochToVectorEncoding } from "../src/index.js";
import { sha256Hex, outputsBytes } from "../src/vectors/index.js";
import { launchChromium, freePort } from "./helpers/chromium.js";

const webDir = join(process.cwd(), "web");
let server: ViteDevServer;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
const failures: string[] = [];

beforeAll(async () => {
  const port = await freePort();
  server = await createServer({ root: webDir, configFile: join(webDir, "vite.config.ts"), logLevel: "silent", server: { host: "127.0.0.1", port, strictPort: true } });
  await server.listen();
  chromium = await launchChromium();
  page = await chromium.browser.newPage();
  page.on("pageerror", (e) => failures.push(e.message));
  page.on("response", (r) => { if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`); });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => ["done", "error"].includes(document.body.dataset.state ?? ""), null, { timeout: 30000 });
}, 60000);
afterAll(async () => { await chromium?.close(); await server?.close(); });

describe("dashboard on the Vite dev server", () => {
  it("runs the example subnet with no failed request or page error", async () => {
    expect(await page.evaluate(() => document.body.dataset.state)).toBe("done");
    expect(failures).toEqual([]);
  });

  it("produces Node's output bytes", async () => {
    const tm = taomath();
    const expected = await sha256Hex(outputsBytes(epochToVectorEncoding(tm.runEpoch(exampleSubnet(tm))).outputs));
    expect(await page.evaluate(() => (window as any).taomath.last().sha256)).toBe(expected);
  });
});
