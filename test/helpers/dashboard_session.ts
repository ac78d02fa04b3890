// One served dashboard and one Chromium page on it for a whole browser test file: opened before
// the file's tests, closed after them, collecting the page's errors.

import { beforeAll, afterAll } from "vitest";
import type { Page } from "playwright-core";
import { startDashboard, dashboardSettled, type BrowserHost } from "./chromium.js";

export interface DashboardSession {
  /** set before the first test runs */
  host: BrowserHost;
  page: Page;
  /** messages of uncaught errors on the page */
  readonly pageErrors: string[];
}

export interface SessionOptions {
  /** the page under the served root (default the dashboard, "") */
  path?: string;
  /** resolves once the page is ready to test (default: the dashboard's first epoch has settled) */
  ready?: (page: Page) => Promise<unknown>;
  timeoutMs?: number;
}

/** Registers the file's beforeAll/afterAll and returns the session they fill in. */
export function useDashboard(opts: SessionOptions = {}): DashboardSession {
  const session = { pageErrors: [] as string[] } as DashboardSession;
  beforeAll(async () => {
    session.host = await startDashboard();
    session.page = await session.host.browser.newPage();
    session.page.on("pageerror", (e) => session.pageErrors.push(e.message));
    await session.page.goto(session.host.url + (opts.path ?? ""));
    await (opts.ready ?? dashboardSettled)(session.page);
  }, opts.timeoutMs ?? 60000);
  afterAll(async () => { await session.host?.close(); });
  return session;
}
