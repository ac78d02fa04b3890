// The dashboard in Chromium (playwright-core, Debian's /usr/bin/chromium), served by vite preview:
// it loads, runs epochs in its Web Worker, shows the same numbers Node computes, reports bad
// files with the field at fault, and is captured as a screenshot (build/dashboard.png).

import { describe, it, expect } from "vitest";
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { taomath, exampleSubnet, epochToVectorEncoding } from "../src/index.js";
import { canonicalJson, sha256Hex, outputsBytes } from "../src/vectors/index.js";
import { sharedPresent, readShared, sharedPath } from "./helpers/shared.js";
import { dashboardSettled } from "./helpers/chromium.js";
import { useDashboard } from "./helpers/dashboard_session.js";

const ui = useDashboard();

const settled = () => dashboardSettled(ui.page);

const text = (key: string) => ui.page.textContent(`#summary dd[data-key="${key}"]`);

function nodeExample() {
  const tm = taomath();
  const input = exampleSubnet(tm);
  return { input, outputs: epochToVectorEncoding(tm.runEpoch(input)).outputs };
}

describe("dashboard in Chromium", () => {
  it("runs the example subnet on load without page errors", async () => {
    expect(await ui.page.evaluate(() => document.body.dataset.state)).toBe("done");
    expect(ui.pageErrors).toEqual([]);
  });

  it("computes the example's outputs exactly as Node does", async () => {
    const got = await ui.page.evaluate(() => (window as any).taomath.last().outputs);
    expect(got).toEqual(nodeExample().outputs);
  });

  it("shows the sha256 of Node's output bytes", async () => {
    expect(await text("sha256")).toBe(await sha256Hex(outputsBytes(nodeExample().outputs)));
  });

  it("shows the top miner and the emission split Node computes", async () => {
    const o = nodeExample().outputs;
    const top = o.incentive.reduce((b, x, i) => (x > o.incentive[b] ? i : b), 0);
    expect(await text("top-miner")).toBe(`uid ${top}: incentive ${((o.incentive[top] / 65535) * 100).toFixed(2)}%`);
    const miners = o.server_emission.reduce((s, x) => s + BigInt(x), 0n);
    expect(await text("server-emission")).toBe(`${(Number(miners) / 1e9).toLocaleString("en-US", { maximumFractionDigits: 4 })} α`);
  });

  it("draws all four charts with Chart.js", async () => {
    const charts = await ui.page.evaluate(() =>
      ["chart-incentive", "chart-stake", "chart-trust", "chart-bonds"].map((id) => {
        const c = document.getElementById(id) as HTMLCanvasElement;
        return { id, w: c.width, h: c.height, chartjs: c.hasAttribute("style") };
      }));
    for (const c of charts) {
      expect(c.w, c.id).toBeGreaterThan(100);
      expect(c.h, c.id).toBeGreaterThan(100);
    }
  });

  it("captures a screenshot of the dashboard", async () => {
    const dir = join(process.cwd(), "build");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "dashboard.png");
    await ui.page.waitForFunction(() => ["calculator", "emission"].every((id) => document.getElementById(id)?.dataset.state === "done"), null, { timeout: 30000 });
    await ui.page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(20_000);
  });

  it.skipIf(!sharedPresent)("loads an epoch vector file through the file input and matches the chain", async () => {
    const name = "020_yuma3_liquid_alpha.json";
    await ui.page.setInputFiles("#file", sharedPath("vectors", "epoch", name));
    await ui.page.waitForFunction((n) => document.body.dataset.state === "done" && (window as any).taomath.last()?.name === n, name, { timeout: 30000 });
    const got = await ui.page.evaluate(() => (window as any).taomath.last().outputs);
    expect(got).toEqual(readShared("vectors", "epoch", name).outputs);
    expect(await text("name")).toBe(name);
  });

  it("reports a bad file naming the field, then still runs the next one", async () => {
    const { input } = nodeExample();
    const bad = JSON.parse(canonicalJson(input));
    bad.weights[5][0][1] = -3;
    const file = join(tmpdir(), `taomath-bad-${process.pid}.json`);
    writeFileSync(file, JSON.stringify({ inputs: bad }));
    await ui.page.setInputFiles("#file", file);
    await ui.page.waitForFunction(() => document.body.dataset.state === "error", null, { timeout: 30000 });
    expect(await ui.page.getAttribute("#error", "data-field")).toBe("weights[5][0][1]");
    await ui.page.click("#run-example");
    expect(await settled()).toBe("done");
    expect(await ui.page.isHidden("#error")).toBe(true);
    expect(await ui.page.evaluate(() => (window as any).taomath.last().outputs)).toEqual(nodeExample().outputs);
  });
});
