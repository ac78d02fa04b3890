// The dashboard's lab page in Chromium (playwright-core, /usr/bin/chromium, vite preview on
// 127.0.0.1): it lists the named scenarios, runs weight-copier in its Web Worker on load, shows the
// same per-strategy verdicts Node computes for the same settings, draws the charts over epochs,
// names the field of a rejected setting, and is captured as build/lab.png.

import { describe, it, expect } from "vitest";
import { mkdirSync } from "node:fs";
import { taomath } from "../src/index.js";
import { simulate } from "../src/simulate/simulate.js";
import { simulationToJson } from "../src/simulate/json.js";
import { namedScenario, scenarioNames } from "../src/simulate/library.js";
import { useDashboard } from "./helpers/dashboard_session.js";

const settled = () => ui.page.waitForFunction(() => ["done", "error"].includes(document.body.dataset.state ?? ""), null, { timeout: 60000 });
const run = (form: Record<string, unknown>) => ui.page.evaluate((f) => (window as any).taomathLab.run({ ...(window as any).taomathLab.form(), ...f }), form);

const ui = useDashboard({ path: "lab.html", ready: () => settled(), timeoutMs: 90000 });

describe("the lab page", () => {
  it("lists every named scenario and runs weight-copier on load without page errors", async () => {
    const names = await ui.page.$$eval("#lab-scenario option", (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(names).toEqual(scenarioNames());
    expect(await ui.page.evaluate(() => document.body.dataset.state)).toBe("done");
    expect(ui.pageErrors).toEqual([]);
  });

  it("shows the verdicts Node computes for the same scenario and hyperparameters (exact and float64)", async () => {
    const reply = await run({ scenario: "weight-copier", epochs: "25", kappa: "40000", bonds_penalty: "0", copier_delay: "1", yuma3_enabled: true, liquid_alpha_enabled: false, float: true });
    const local = simulationToJson(simulate(taomath(), namedScenario("weight-copier"), {
      epochs: 25, float: true, recordBonds: false,
      hyperparameters: { kappa: 40000, bonds_penalty: 0, yuma3_enabled: true, liquid_alpha_enabled: false, commit_reveal_enabled: true, reveal_period_epochs: 1 },
    }), { epochs: false }) as any;
    expect(reply.summary.strategies).toEqual(local.strategies);
    expect(reply.summary.float).toEqual(local.float);
    const row = await ui.page.$$eval("#lab-strategies tbody tr[data-label=copier] td", (tds) => tds.map((t) => t.textContent));
    const c = local.strategies.find((s: any) => s.label === "copier");
    expect(row[3]).toBe(`${c.relative_to_honest >= 0 ? "+" : ""}${(c.relative_to_honest * 100).toFixed(2)}%`);
  });

  it("draws the charts over epochs as inline SVG: dividends by strategy, relative return, bonds, float64 difference", async () => {
    const titles = await ui.page.$$eval("#lab-charts svg", (ss) => ss.map((s) => s.getAttribute("aria-label")));
    expect(titles).toHaveLength(4);
    expect(titles[0]).toContain("dividends, by strategy");
    expect(titles[2]).toContain("bonds held, by strategy");
    expect(titles[3]).toContain("float64 minus chain");
    mkdirSync("build", { recursive: true });
    await ui.page.screenshot({ path: "build/lab.png", fullPage: true });
  });

  it("a rejected setting names the field and the page stays usable", async () => {
    const reply = await run({ scenario: "cartel", epochs: "0" });
    expect(reply.ok).toBe(false);
    expect(await ui.page.getAttribute("#error", "data-field")).toBe("epochs");
    const again = await run({ scenario: "cartel", epochs: "5", float: false });
    expect(again.ok).toBe(true);
    expect(await ui.page.isHidden("#error")).toBe(true);
  });
});
