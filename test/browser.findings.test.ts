// The dashboard as a new user meets it, in Chromium (playwright-core, /usr/bin/chromium, vite
// preview): a 4096-uid file loads without hanging, the stake axis reads in k/M with no crowded
// ticks, the bonds heatmap has a colour scale, a rejected input marks the old result and says why in
// plain words, the page fits a 390 px phone, and the address bar holds no stale state.

import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { Page } from "playwright-core";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { taomath, exampleSubnet, epochToVectorEncoding } from "../src/index.js";
import { canonicalJson, sha256Hex, outputsBytes } from "../src/vectors/index.js";
import { dashboardSettled } from "./helpers/chromium.js";
import { useDashboard } from "./helpers/dashboard_session.js";

const ui = useDashboard();

const tmp = (name: string) => join(tmpdir(), `taomath-${process.pid}-${name}`);
const labels = (id: string, axis: string) => ui.page.evaluate(([c, a]) => (window as any).taomath.axisLabels(c, a), [id, axis]) as Promise<Array<{ label: string; at: number; width: number }>>;

async function loadFile(file: string): Promise<string> {
  await ui.page.evaluate(() => { document.body.dataset.state = "submitted"; });
  await ui.page.setInputFiles("#file", file);
  await ui.page.waitForFunction(() => ["done", "error"].includes(document.body.dataset.state ?? ""), null, { timeout: 90000 });
  return ui.page.evaluate(() => document.body.dataset.state!);
}

/** Neighbouring labels must not touch: the gap between centres exceeds half of both widths plus 4 px. */
function assertNoOverlap(ls: Array<{ label: string; at: number; width: number }>): void {
  const sorted = [...ls].sort((a, b) => a.at - b.at);
  for (let i = 1; i < sorted.length; i++) {
    expect(sorted[i].at - sorted[i - 1].at, `${sorted[i - 1].label} / ${sorted[i].label}`).toBeGreaterThan((sorted[i].width + sorted[i - 1].width) / 2 + 4);
  }
}

describe("a 4096-uid subnet (about 4.5 MB, ~194k bond cells)", () => {
  const tm = taomath();
  const input = exampleSubnet(tm, { n: 4096, validators: 64, warmupEpochs: 1 });
  const outputs = epochToVectorEncoding(tm.runEpoch(input)).outputs;

  it("loads through the file input, runs and charts without a page error, with Node's output bytes", async () => {
    const file = tmp("n4096.json");
    writeFileSync(file, canonicalJson({ inputs: input }));
    expect(await loadFile(file)).toBe("done");
    expect(ui.pageErrors).toEqual([]);
    expect(await ui.page.evaluate(() => (window as any).taomath.last().n)).toBe(4096);
    expect(await ui.page.textContent('#summary dd[data-key="sha256"]')).toBe(await sha256Hex(outputsBytes(outputs)));
  }, 120000);

  it("groups the bond columns and says so in the caption", async () => {
    expect(await ui.page.textContent("#bonds-caption")).toMatch(/uids grouped by 16, each cell the group's largest bond/);
  });

  it("the bonds legend's top value is the largest bond of the rows shown", async () => {
    const shownRows = outputs.bonds.filter((r) => r.length > 0).slice(0, 128);
    let max = 0;
    for (const r of shownRows) for (const [, v] of r) if (v > max) max = v;
    expect(await ui.page.getAttribute('#bonds-legend [data-key="bonds-max"]', "data-value")).toBe(String(max));
  });

  it("the stake axis of the 4096-uid subnet reads in k/M without overlapping labels", async () => {
    const ls = await labels("chart-stake", "x");
    expect(ls.length).toBeGreaterThanOrEqual(2);
    for (const l of ls) expect(l.label).toMatch(/^\d+(\.\d+)?[kM]?$/);
    assertNoOverlap(ls);
  });
});

describe("readable charts", () => {
  it("the example's stake axis labels are 1k, 10k, 100k: no '300,000.000'", async () => {
    await ui.page.click("#run-example");
    expect(await dashboardSettled(ui.page)).toBe("done");
    const ls = await labels("chart-stake", "x");
    expect(ls.map((l) => l.label)).toEqual(expect.arrayContaining(["10k", "100k"]));
    for (const l of ls) expect(l.label).not.toMatch(/[.,]\d{3}/);
    assertNoOverlap(ls);
  });

  it("the calculator's log axis uses the same short labels without overlap", async () => {
    await ui.page.waitForFunction(() => document.getElementById("calculator")?.dataset.state === "done", null, { timeout: 30000 });
    const ls = await labels("chart-slippage", "x");
    for (const l of ls) expect(l.label).toMatch(/^\d+(\.\d+)?[kM]?$/);
    assertNoOverlap(ls);
  });

  it("the bonds heatmap has a colour legend from 0 to the largest bond", async () => {
    expect(await ui.page.isVisible("#bonds-legend")).toBe(true);
    const { ramp, text } = await ui.page.evaluate(() => ({
      ramp: getComputedStyle(document.querySelector("#bonds-legend .ramp")!).backgroundImage,
      text: document.getElementById("bonds-legend")!.textContent,
    }));
    expect(ramp).toMatch(/^linear-gradient/);
    expect(text).toMatch(/^0[\d,]+ \/ 65,535 \(\d+(\.\d+)?%\)$/);
  });
});

describe("a rejected input", () => {
  it("marks the result still on screen as the previous one and explains in plain words", async () => {
    const bad = JSON.parse(canonicalJson(exampleSubnet(taomath())));
    bad.kappa = 70000;
    const file = tmp("bad-kappa.json");
    writeFileSync(file, JSON.stringify({ inputs: bad }));
    expect(await loadFile(file)).toBe("error");
    expect(await ui.page.getAttribute("#results", "data-stale")).toBe("true");
    expect(await ui.page.textContent("#stale-note")).toBe("Still showing the previous result (example subnet (256 uids, seed 42)); the input above was not used.");
    const message = (await ui.page.textContent("#error"))!;
    expect(message).toMatch(/^The file taomath-\d+-bad-kappa\.json was not accepted: kappa: /);
    expect(message).not.toMatch(/\(field|out_of_range|invalid_type/);
    expect(await ui.page.getAttribute("#error", "data-field")).toBe("kappa");
  });

  it("the next accepted input clears the mark", async () => {
    await ui.page.click("#run-example");
    expect(await dashboardSettled(ui.page)).toBe("done");
    expect(await ui.page.getAttribute("#results", "data-stale")).toBeNull();
    expect(await ui.page.isHidden("#stale-note")).toBe(true);
  });

  it("a rejected calculator input dims the old quote and names the field by its label", async () => {
    await ui.page.evaluate(() => (window as any).taomath.runCalculator({ weight: "1.5" }));
    expect(await ui.page.getAttribute("#calculator .tool-summary", "data-stale")).toBe("true");
    const text = (await ui.page.textContent("#calculator .tool-error"))!;
    expect(text).toMatch(/^This input was not accepted: TAO weight: .*The figures below are for the last input that was accepted\.$/);
    expect(text).not.toMatch(/pool\.quote_weight|\(field/);
    await ui.page.evaluate(() => (window as any).taomath.runCalculator({ weight: "0.5" }));
    expect(await ui.page.getAttribute("#calculator .tool-summary", "data-stale")).toBeNull();
  });
});

describe("the top uids", () => {
  it("lists the 16 uids with the most emission, in order, with Node's numbers", async () => {
    const tm = taomath();
    const o = epochToVectorEncoding(tm.runEpoch(exampleSubnet(tm))).outputs;
    const expected = o.emission.map((e, uid) => ({ uid, e: BigInt(e) })).sort((a, b) => (a.e === b.e ? a.uid - b.uid : a.e > b.e ? -1 : 1)).slice(0, 16).map((x) => String(x.uid));
    expect(await ui.page.$$eval("#uids-table tbody tr", (trs) => trs.map((tr) => (tr as HTMLElement).dataset.uid))).toEqual(expected);
  });
});

describe("the address bar", () => {
  it("holds no node after the example runs (nothing stale to share)", async () => {
    expect(await ui.page.evaluate(() => location.search)).toBe("");
  });
});

describe("a 390 px wide phone", () => {
  let phone: Page;
  beforeAll(async () => {
    phone = await ui.host.browser.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(ui.host.url);
    await dashboardSettled(phone);
    await phone.waitForFunction(() => ["calculator", "emission"].every((id) => document.getElementById(id)?.dataset.state === "done"), null, { timeout: 30000 });
  }, 60000);
  afterAll(async () => { await phone?.close(); });

  it("does not scroll sideways", async () => {
    const { scroll, client } = await phone.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll).toBeLessThanOrEqual(client);
  });

  it("shows the whole connect form inside the screen", async () => {
    const boxes = await phone.$$eval("#connect input, #connect button", (els) => els.map((e) => { const r = e.getBoundingClientRect(); return { id: e.id, left: r.left, right: r.right, width: r.width }; }));
    for (const b of boxes) {
      expect(b.left, b.id).toBeGreaterThanOrEqual(0);
      expect(b.right, b.id).toBeLessThanOrEqual(390);
      expect(b.width, b.id).toBeGreaterThan(30);
    }
  });

  it("is captured as build/dashboard-390.png", async () => {
    mkdirSync(join(process.cwd(), "build"), { recursive: true });
    await phone.screenshot({ path: join(process.cwd(), "build", "dashboard-390.png"), fullPage: true });
  });
});
