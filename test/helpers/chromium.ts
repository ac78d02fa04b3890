// Debian's Chromium driven by playwright-core, with the dashboard served by `vite preview` on
// 127.0.0.1 (a free port). Used by the browser suite, the cross-host suite and the bench.

import { chromium, type BrowserContext, type Page } from "playwright-core";
import { preview, type PreviewServer } from "vite";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createServer } from "node:net";

export const CHROMIUM = process.env.TAOMATH_CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run",
];

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "web");

export interface BrowserHost {
  browser: BrowserContext;
  url: string;
  close(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once("error", rej);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

/** Launches Chromium with a fresh profile directory; closing removes it. */
export async function launchChromium(): Promise<{ browser: BrowserContext; close(): Promise<void> }> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set TAOMATH_CHROMIUM)`);
  const profile = mkdtempSync(join(tmpdir(), "taomath-chromium-"));
  const browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, viewport: { width: 1400, height: 1050 } });
  return { browser, close: async () => { await browser.close(); rmSync(profile, { recursive: true, force: true }); } };
}

/** Serves web/dist (built by npm run build:web) and launches Chromium. */
export async function startDashboard(): Promise<BrowserHost> {
  const port = await freePort();
  const server: PreviewServer = await preview({
    root: webDir, configFile: join(webDir, "vite.config.ts"), logLevel: "silent",
    preview: { host: "127.0.0.1", port, strictPort: true, open: false },
  });
  const { browser, close } = await launchChromium();
  return {
    browser,
    url: `http://127.0.0.1:${port}/`,
    close: async () => { await close(); await new Promise<void>((r) => server.httpServer.close(() => r())); },
  };
}

/** Waits until the dashboard's last job has finished and returns its state ("done" or "error"). */
export async function dashboardSettled(page: Page): Promise<string> {
  await page.waitForFunction(() => ["done", "error"].includes(document.body.dataset.state ?? ""), null, { timeout: 30000 });
  return page.evaluate(() => document.body.dataset.state!);
}

/** A new page on the served dashboard, collecting page errors, once its first epoch has settled. */
export async function openDashboard(host: BrowserHost, pageErrors: string[]): Promise<Page> {
  const page = await host.browser.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(host.url);
  await dashboardSettled(page);
  return page;
}
