// Determinism across hosts: every shared epoch vector runs in Node, in Chromium (the dashboard's
// Web Worker) and in workerd (POST /v1/epoch), and each host's sha256 of the canonical
// {"outputs": ...} bytes must equal the others' and the hash of the chain's own outputs.
// A batch of stake and unstake quotes (POST /v1/quote) must give the same bytes in all three too.

import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { Page } from "playwright-core";
import { readFileSync } from "node:fs";
import { taomath, epochToVectorEncoding } from "../src/index.js";
import { outputsBytes, sha256Hex, canonicalJson } from "../src/vectors/index.js";
import { quoteRequestFromJson, quoteResponse } from "../src/pool/index.js";
import { sharedPresent, listShared, sharedPath } from "./helpers/shared.js";
import { startDashboard, type BrowserHost } from "./helpers/chromium.js";
import { startWorker, type WorkerHost } from "./helpers/workerd.js";

const files = listShared("vectors", "epoch");

describe.skipIf(!sharedPresent)("same bytes in Node, Chromium and workerd", () => {
  let browser: BrowserHost;
  let page: Page;
  let worker: WorkerHost;

  beforeAll(async () => {
    [browser, worker] = await Promise.all([startDashboard(), startWorker()]);
    page = await browser.browser.newPage();
    await page.goto(browser.url);
    await page.waitForFunction(() => document.body.dataset.state === "done", null, { timeout: 30000 });
  }, 90000);
  afterAll(async () => { await Promise.all([browser?.close(), worker?.close()]); });

  for (const side of ["stake", "unstake"]) {
    it(`a batch of ${side} quotes: the same bytes in Node, Chromium and workerd`, async () => {
      const amounts = Array.from({ length: 200 }, (_, i) => String(BigInt(Math.round(1.2 ** i)) * 997n));
      const text = JSON.stringify({
        pool: { tao_reserve: "123456789012345", alpha_reserve: "987654321098765", quote_weight: "420000000000000000", fee_rate: 77 },
        side, amounts, limit_price_rao: side === "stake" ? "900000000" : "10",
      });
      const node = canonicalJson(quoteResponse(taomath(), quoteRequestFromJson(JSON.parse(text))));
      const chromium = await page.evaluate((t) => (window as any).taomath.quoteBytes(t) as Promise<string>, text);
      const response = await worker.fetch("/v1/quote", { method: "POST", body: text, headers: { "content-type": "application/json" } });
      expect(response.status).toBe(200);
      const workerd = await response.text();
      expect(JSON.parse(node).quotes.some((q: any) => q.error !== null)).toBe(true);
      expect({ chromium: await sha256Hex(chromium), workerd: await sha256Hex(workerd) }).toEqual({ chromium: await sha256Hex(node), workerd: await sha256Hex(node) });
    });
  }

  it("covers all 44 epoch vectors", () => {
    expect(files.length).toBe(44);
  });

  for (const file of files) {
    it(`${file}: one sha256 in every host, equal to the chain's outputs`, async () => {
      const text = readFileSync(sharedPath("vectors", "epoch", file), "utf8");
      const vector = JSON.parse(text);
      const chain = await sha256Hex(outputsBytes(vector.outputs));
      const node = await sha256Hex(outputsBytes(epochToVectorEncoding(taomath().runEpoch(vector.inputs)).outputs));
      const chromium = await page.evaluate((t) => (window as any).taomath.hashEpoch(t) as Promise<string>, text);
      const response = await worker.fetch("/v1/epoch", { method: "POST", body: text, headers: { "content-type": "application/json" } });
      expect(response.status).toBe(200);
      const workerd = await sha256Hex(new Uint8Array(await response.arrayBuffer()));
      expect({ node, chromium, workerd }).toEqual({ node: chain, chromium: chain, workerd: chain });
    });
  }
});
