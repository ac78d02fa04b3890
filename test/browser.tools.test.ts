// The dashboard's staking calculator and emission chart in Chromium (playwright-core, Debian's
// /usr/bin/chromium, vite preview): the numbers shown equal Node's for the same inputs (at the
// calculator's default runtime, the newest known rules; the selector: browser.runtime.test.ts), the
// whole slippage curve and the daily projection equal Node's, bad input names the field, and the page
// with both sections is captured (build/dashboard-tools.png, committed as docs/dashboard.png).

import { describe, it, expect } from "vitest";
import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { taomath, NEWEST_SPEC } from "../src/index.js";
import { quoteStake, quoteUnstake, quoteRequestFromJson, quoteResponse, raoToTao, taoToRao } from "../src/pool/index.js";
import { projectEmission, emissionOf, emissionResponse, emissionRequestFromQuery } from "../src/emission/index.js";
import { useDashboard } from "./helpers/dashboard_session.js";
import { taoText, groupDigits } from "../web/src/format.js";

async function sectionSettled(id: string): Promise<string> {
  await ui.page.waitForFunction((s) => ["done", "error"].includes(document.getElementById(s)?.dataset.state ?? ""), id, { timeout: 30000 });
  return ui.page.evaluate((s) => document.getElementById(s)!.dataset.state!, id);
}

const ui = useDashboard({ ready: async () => { await sectionSettled("calculator"); await sectionSettled("emission"); } });

const shown = (list: string, key: string) => ui.page.textContent(`#${list} dd[data-key="${key}"]`);
const calc = (form: Record<string, string>) => ui.page.evaluate((f) => (window as any).taomath.runCalculator(f), form);

/** The calculator's runtime unless one is chosen: the newest known rules. */
const AT_NEWEST = { runtime: NEWEST_SPEC };

/** Node's quote for the calculator's form (TAO text → rao with the same exact parser), at the calculator's default runtime. */
function nodeStake(f: { tao: string; alpha: string; weight: bigint; fee: number; stake: string }) {
  const rao = (t: string) => taoToRao(t, "tao");
  return quoteStake({ taoReserve: rao(f.tao), alphaReserve: rao(f.alpha), quoteWeight: f.weight, feeRate: f.fee }, rao(f.stake), AT_NEWEST);
}

describe("staking calculator in Chromium", () => {
  it("quotes the default pool on load without page errors", async () => {
    expect(await ui.page.evaluate(() => document.getElementById("calculator")!.dataset.state)).toBe("done");
    expect(ui.pageErrors).toEqual([]);
  });

  it("shows the α received, fee, effective price and slippage Node computes", async () => {
    const q = nodeStake({ tao: "12000", alpha: "300000", weight: 500_000_000_000_000_000n, fee: 33, stake: "250" });
    expect(await shown("quote-summary", "amount-out")).toBe(`${raoToTao(q.amountOut)} α`);
    expect(await shown("quote-summary", "fee")).toBe(`${raoToTao(q.fee)} TAO`);
    expect(await shown("quote-summary", "spot-price")).toBe(`${(Number(q.priceBefore) / 2 ** 64).toPrecision(10)} TAO/α`);
    expect(await shown("quote-summary", "effective-price")).toBe(`${q.effectivePrice.toPrecision(10)} TAO/α`);
    expect(await shown("quote-summary", "slippage")).toBe(`${(q.slippage * 100).toFixed(4)}%`);
  });

  it("computes the whole slippage curve (one batch quote) exactly as Node does", async () => {
    const run = await ui.page.evaluate(() => (window as any).taomath.lastCalculator());
    expect(run.request.amounts).toHaveLength(97);
    expect(run.response).toEqual(JSON.parse(JSON.stringify(quoteResponse(taomath(), quoteRequestFromJson(run.request)))));
    const pool = { taoReserve: run.request.pool.tao_reserve, alphaReserve: run.request.pool.alpha_reserve, quoteWeight: run.request.pool.quote_weight, feeRate: 33 };
    run.response.quotes.forEach((row: any, i: number) => {
      expect(row.amount_out, `amounts[${i}]`).toBe(String(quoteStake(pool, BigInt(run.request.amounts[i]), AT_NEWEST).amountOut));
    });
  });

  it("follows a changed pool: weight 0.3, fee 200, stake 1234.5 TAO", async () => {
    await calc({ weight: "0.3", fee_rate: "200", amount: "1234.5" });
    const q = nodeStake({ tao: "12000", alpha: "300000", weight: 300_000_000_000_000_000n, fee: 200, stake: "1234.5" });
    expect(await shown("quote-summary", "amount-out")).toBe(`${raoToTao(q.amountOut)} α`);
    expect(await shown("quote-summary", "slippage")).toBe(`${(q.slippage * 100).toFixed(4)}%`);
  });

  it("names the field of bad input, then quotes again", async () => {
    await calc({ weight: "1.5" });
    expect(await sectionSettled("calculator")).toBe("error");
    expect(await ui.page.getAttribute("#calculator .tool-error", "data-field")).toBe("weight");
    await calc({ tao_reserve: "12k", weight: "0.5" });
    expect(await ui.page.getAttribute("#calculator .tool-error", "data-field")).toBe("tao_reserve");
    await calc({ tao_reserve: "12000", fee_rate: "33", amount: "250" });
    expect(await sectionSettled("calculator")).toBe("done");
    expect(await ui.page.isHidden("#calculator .tool-error")).toBe(true);
  });

  it("quotes an unstake of 5000.25 α and its curve as Node's quoteUnstake", async () => {
    await calc({ side: "unstake", amount: "5000.25" });
    const pool = { taoReserve: taoToRao("12000", "t"), alphaReserve: taoToRao("300000", "a"), quoteWeight: 500_000_000_000_000_000n, feeRate: 33 };
    const q = quoteUnstake(pool, taoToRao("5000.25", "x"), AT_NEWEST);
    expect(await shown("quote-summary", "amount-in")).toBe(`${raoToTao(q.amountIn)} α`);
    expect(await shown("quote-summary", "amount-out")).toBe(`${raoToTao(q.amountOut)} TAO`);
    expect(await shown("quote-summary", "fee")).toBe(`${raoToTao(q.fee)} α`);
    expect(await shown("quote-summary", "effective-price")).toBe(`${q.effectivePrice.toPrecision(10)} TAO/α`);
    expect(await shown("quote-summary", "slippage")).toBe(`${(q.slippage * 100).toFixed(4)}%`);
    const run = await ui.page.evaluate(() => (window as any).taomath.lastCalculator());
    expect(run.request.side).toBe("unstake");
    run.response.quotes.forEach((row: any, i: number) => {
      expect(row.amount_out, `amounts[${i}]`).toBe(String(quoteUnstake(pool, BigInt(run.request.amounts[i]), AT_NEWEST).amountOut));
    });
    await calc({ side: "stake", amount: "250" });
    expect(await sectionSettled("calculator")).toBe("done");
  });

  it("draws the slippage curve with Chart.js", async () => {
    const size = await ui.page.evaluate(() => { const c = document.getElementById("chart-slippage") as HTMLCanvasElement; return [c.width, c.height]; });
    expect(size[0]).toBeGreaterThan(100);
    expect(size[1]).toBeGreaterThan(100);
  });
});

describe("emission and halving chart in Chromium", () => {
  const issuance = 10_600_000_000_000_000n;
  const start = "2026-01-01";

  it("shows the block emission, halvings so far and next halving Node computes", async () => {
    await ui.page.evaluate((d) => (window as any).taomath.runEmission({ issuance: "10600000", recycled_per_day: "0", years: "20", start_date: d }), start);
    const tm = taomath();
    const p = projectEmission(tm, issuance, { startDate: new Date(`${start}T00:00:00Z`) });
    expect(await shown("emission-summary", "block-emission")).toBe(`${taoText(emissionOf(tm).blockEmission(issuance))} TAO/block`);
    expect(await shown("emission-summary", "block-emission")).toBe("0.5 TAO/block");
    expect(await shown("emission-summary", "halvings-so-far")).toBe(String(emissionOf(tm).halvings(issuance)));
    expect(await shown("emission-summary", "next-halving")).toBe(`${p.halvings[0].date} (halving ${p.halvings[0].halving})`);
    expect(await shown("emission-summary", "supply-end")).toBe(`${taoText(p.daily[p.daily.length - 1].issuance)} TAO`);
  });

  it("lists every coming halving as Node projects it, numbers grouped and without trailing zeros", async () => {
    const rows = await ui.page.$$eval("#halvings-table tbody tr", (trs) => trs.map((tr) => Array.from(tr.children, (td) => td.textContent)));
    const p = projectEmission(taomath(), issuance, { startDate: new Date(`${start}T00:00:00Z`) });
    expect(rows).toEqual(p.halvings.map((h) => [String(h.halving), h.date, taoText(h.first_issuance), groupDigits(String(h.block_offset)), taoText(h.emission_after), ""]));
    // the second halving's threshold reads as people write it, not "15750000.000000000"
    expect(rows[0][2]).toBe("15,750,000");
    expect(rows[0][4]).toBe("0.25");
    for (const r of rows) expect(r[3]).toMatch(/^\d{1,3}(,\d{3})*$/);
  });

  it("charts every day of the projection exactly as Node computes it", async () => {
    const e = await ui.page.evaluate(() => (window as any).taomath.lastEmission());
    const q = new URLSearchParams({ issuance: String(issuance), recycled_per_day: "0", years: "20", start_date: start });
    expect(e).toEqual(JSON.parse(JSON.stringify(emissionResponse(taomath(), emissionRequestFromQuery(q), { daily: true }))));
    expect(e.daily).toHaveLength(7305);
  });

  it("delays the halvings when TAO is recycled every day", async () => {
    await ui.page.evaluate((d) => (window as any).taomath.runEmission({ recycled_per_day: "2000", start_date: d }), start);
    const p = projectEmission(taomath(), issuance, { recycledPerDay: 2_000_000_000_000n, startDate: new Date(`${start}T00:00:00Z`) });
    const delays = await ui.page.$$eval("#halvings-table tbody tr td:last-child", (tds) => tds.map((td) => td.textContent));
    expect(delays).toEqual(p.halvings.map((h) => (h.delay_days === null ? "" : `+${h.delay_days.toFixed(1)} d`)));
    expect(p.halvings[0].delay_days).toBeGreaterThan(0);
  });

  it("names the field of a bad issuance, then projects again", async () => {
    await ui.page.evaluate(() => (window as any).taomath.runEmission({ issuance: "22000000" }));
    expect(await sectionSettled("emission")).toBe("error");
    expect(await ui.page.getAttribute("#emission .tool-error", "data-field")).toBe("issuance");
    await ui.page.evaluate((d) => (window as any).taomath.runEmission({ issuance: "10600000", recycled_per_day: "0", start_date: d }), start);
    expect(await sectionSettled("emission")).toBe("done");
  });

  it("captures the dashboard with the calculator and the emission chart", async () => {
    const dir = join(process.cwd(), "build");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "dashboard-tools.png");
    await ui.page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(20_000);
    expect(ui.pageErrors).toEqual([]);
  });
});
