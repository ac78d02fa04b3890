// The staking calculator's runtime selector in Chromium (playwright-core, /usr/bin/chromium, vite
// preview): the rule set chosen goes with the quote request, the quote and its slippage curve equal
// Node's quoteResponse for the same request, the page names the rules that answered (with a note
// when the spec is newer than any known), and the choice is kept in the URL (&runtime=).

import { describe, it, expect } from "vitest";
import type { Page } from "playwright-core";
import { taomath, NEWEST_SPEC } from "../src/index.js";
import { quoteStake, quoteUnstake, quoteRequestFromJson, quoteResponse, raoToTao, taoToRao } from "../src/pool/index.js";
import { useDashboard } from "./helpers/dashboard_session.js";

async function calculatorSettled(p: Page): Promise<string> {
  await p.waitForFunction(() => ["done", "error"].includes(document.getElementById("calculator")?.dataset.state ?? ""), null, { timeout: 30000 });
  return p.evaluate(() => document.getElementById("calculator")!.dataset.state!);
}

const ui = useDashboard({ ready: calculatorSettled });

const calc = (form: Record<string, string>) => ui.page.evaluate((f) => (window as any).taomath.runCalculator(f), form);
const lastRun = (p: Page = ui.page) => p.evaluate(() => (window as any).taomath.lastCalculator());
const shown = (key: string) => ui.page.textContent(`#quote-summary dd[data-key="${key}"]`);
const rulesLine = (p: Page = ui.page) => p.textContent("#quote-rules");
/** What Node answers for the request the page sent, as the JSON the page received. */
const nodeAnswer = (request: unknown) => JSON.parse(JSON.stringify(quoteResponse(taomath(), quoteRequestFromJson(request))));

const POOL = { taoReserve: taoToRao("12000", "t"), alphaReserve: taoToRao("300000", "a"), quoteWeight: 500_000_000_000_000_000n, feeRate: 33 };
const BIG_STAKE = "5000";
const BIG_UNSTAKE = "100000";

describe("the calculator's runtime selector", () => {
  it("offers 473, 459 and 425 and answers with the newest known rules by default", async () => {
    expect(await ui.page.$$eval("#quote-runtime option", (os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(["473", "459", "425"]);
    expect(await ui.page.inputValue("#quote-runtime")).toBe(String(NEWEST_SPEC));
    const run = await lastRun();
    expect(run.request.runtime).toBe(473);
    expect(run.response.runtime).toEqual({ spec_version: 473, rules: "473" });
    expect(await rulesLine()).toBe("rules: runtime 473 (superellipse pool)");
    expect(await ui.page.isHidden("#quote-rules-note")).toBe(true);
    expect(ui.pageErrors).toEqual([]);
  });

  it("quotes a large stake differently at 473 and 425, each exactly as Node's quoteResponse, curve included", async () => {
    const out: Record<number, string> = {};
    for (const rt of [473, 425]) {
      await calc({ side: "stake", amount: BIG_STAKE, runtime: String(rt) });
      const run = await lastRun();
      expect(run.request.runtime).toBe(rt);
      expect(run.request.amounts).toHaveLength(97);
      expect(run.response).toEqual(nodeAnswer(run.request));
      expect(run.response.runtime).toEqual({ spec_version: rt, rules: String(rt) });
      const q = quoteStake(POOL, taoToRao(BIG_STAKE, "x"), { runtime: rt });
      expect(await shown("amount-out")).toBe(`${raoToTao(q.amountOut)} α`);
      out[rt] = run.response.quotes[0].amount_out;
    }
    expect(out[473]).not.toBe(out[425]);
    expect(await rulesLine()).toBe("rules: runtime 425 (Balancer pool)");
  });

  it("quotes a large unstake differently at 473 and 425, each as Node's quoteUnstake", async () => {
    const out: Record<number, string> = {};
    for (const rt of [425, 473]) {
      await calc({ side: "unstake", amount: BIG_UNSTAKE, runtime: String(rt) });
      const run = await lastRun();
      expect(run.response).toEqual(nodeAnswer(run.request));
      const q = quoteUnstake(POOL, taoToRao(BIG_UNSTAKE, "x"), { runtime: rt });
      expect(await shown("amount-out")).toBe(`${raoToTao(q.amountOut)} TAO`);
      out[rt] = run.response.quotes[0].amount_out;
    }
    expect(out[473]).not.toBe(out[425]);
    expect(await rulesLine()).toBe("rules: runtime 473 (superellipse pool)");
    await calc({ side: "stake", amount: BIG_STAKE });
  });

  it("requotes when a runtime is picked in the selector, the slippage curve at the same runtime", async () => {
    await ui.page.selectOption("#quote-runtime", "425");
    await ui.page.waitForFunction(() => document.getElementById("quote-rules")?.dataset.spec === "425" && document.getElementById("calculator")?.dataset.state === "done", null, { timeout: 30000 });
    const run = await lastRun();
    expect(run.request.runtime).toBe(425);
    expect(run.response).toEqual(nodeAnswer(run.request));
    run.response.quotes.forEach((row: any, i: number) => {
      expect(row.amount_out, `amounts[${i}]`).toBe(String(quoteStake(POOL, BigInt(run.request.amounts[i]), { runtime: 425 }).amountOut));
    });
  });

  it("names the reservoirs of the rules of 459, whose pool is the Balancer one", async () => {
    await calc({ runtime: "459" });
    const run = await lastRun();
    expect(run.response).toEqual(nodeAnswer(run.request));
    expect(run.response.runtime).toEqual({ spec_version: 459, rules: "459" });
    expect(run.response.quotes[0].amount_out).toBe(String(quoteStake(POOL, taoToRao(BIG_STAKE, "x"), { runtime: 425 }).amountOut));
    expect(await rulesLine()).toBe("rules: runtime 459 (Balancer pool with reservoirs)");
  });

  it("runs the newest rules for a spec newer than any known and says so in a visible note", async () => {
    await calc({ runtime: "480" });
    const run = await lastRun();
    expect(run.response).toEqual(nodeAnswer(run.request));
    expect(run.response.runtime).toEqual({ spec_version: 480, rules: "473", newer_than_known: true });
    expect(run.response.quotes[0].amount_out).toBe(String(quoteStake(POOL, taoToRao(BIG_STAKE, "x"), { runtime: 473 }).amountOut));
    expect(await rulesLine()).toBe("rules: runtime 473 (superellipse pool, asked for spec 480)");
    expect(await ui.page.isVisible("#quote-rules-note")).toBe(true);
    expect(await ui.page.textContent("#quote-rules-note")).toMatch(/^Runtime 480 is newer than any taomath knows \(newest: 473\)/);
  });

  it("refuses a spec older than any known, naming the runtime field, then quotes again", async () => {
    await calc({ runtime: "400" });
    expect(await calculatorSettled(ui.page)).toBe("error");
    expect(await ui.page.getAttribute("#calculator .tool-error", "data-field")).toBe("runtime");
    expect(await ui.page.textContent("#calculator .tool-error")).toContain("runtime: spec_version 400 is older than any rule set taomath knows");
    expect(await ui.page.getAttribute("#quote-rules", "data-stale")).toBe("true");
    await calc({ runtime: "473" });
    expect(await calculatorSettled(ui.page)).toBe("done");
    expect(await ui.page.isHidden("#calculator .tool-error")).toBe(true);
    expect(await ui.page.isHidden("#quote-rules-note")).toBe(true);
  });

  it("keeps a runtime other than the newest in the URL, and a link with &runtime= quotes at it", async () => {
    await calc({ runtime: "425" });
    expect(new URLSearchParams(await ui.page.evaluate(() => location.search)).get("runtime")).toBe("425");
    await calc({ runtime: "473" });
    expect(await ui.page.evaluate(() => location.search)).toBe("");
    const other = await ui.host.browser.newPage();
    try {
      await other.goto(`${ui.host.url}?runtime=425`);
      expect(await calculatorSettled(other)).toBe("done");
      expect(await other.inputValue("#quote-runtime")).toBe("425");
      expect((await lastRun(other)).request.runtime).toBe(425);
      expect(await rulesLine(other)).toBe("rules: runtime 425 (Balancer pool)");
      // the example epoch's own URL update keeps the calculator's runtime
      expect(new URLSearchParams(await other.evaluate(() => location.search)).get("runtime")).toBe("425");
    } finally {
      await other.close();
    }
    expect(ui.pageErrors).toEqual([]);
  });
});
