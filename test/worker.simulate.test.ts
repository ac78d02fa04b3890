// POST /v1/simulate inside workerd (miniflare), and the sweep driver fanning a grid out to that
// Worker over loopback HTTP with bounded concurrency and retries: same rows as the local run.

import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { Miniflare } from "miniflare";
import { join } from "node:path";
// @ts-expect-error plain JS build script without types
import { bundleWorker, outdir } from "../worker/build.mjs";
import { taomath, TaomathError } from "../src/index.js";
import { simulate } from "../src/simulate/simulate.js";
import { simulationToJson } from "../src/simulate/json.js";
import { canonicalJson } from "../src/vectors/index.js";
import { namedScenario } from "../src/simulate/library.js";
import { sweepCells, runSweepCell } from "../src/simulate/sweep.js";
import { runSweepRemote } from "../src/simulate/sweep_remote.js";

let mf: Miniflare;
let base: string;
beforeAll(async () => {
  await bundleWorker();
  mf = new Miniflare({
    modules: true, modulesRoot: outdir, scriptPath: join(outdir, "index.js"),
    modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"] }], compatibilityDate: "2026-07-30",
    host: "127.0.0.1", port: 0,
  });
  base = (await mf.ready).toString().replace(/\/$/, "");
}, 60000);
afterAll(async () => { await mf?.dispose(); });

const post = (body: unknown) => fetch(`${base}/v1/simulate`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });

describe("POST /v1/simulate", () => {
  it("listens on loopback only", () => {
    expect(new URL(base).hostname).toBe("127.0.0.1");
  });

  it("runs a named scenario exactly as Node does (canonical JSON, per-epoch records on request)", async () => {
    const r = await post({ scenario: "yuma3-kappa-moves-first", include_epochs: true });
    expect(r.status).toBe(200);
    const local = simulate(taomath(), namedScenario("yuma3-kappa-moves-first"));
    expect(await r.text()).toBe(canonicalJson(simulationToJson(local)));
  });

  it("applies epochs and hyperparameter overrides to a scenario object, and reports the float engine", async () => {
    const s = namedScenario("weight-copier");
    const r = await post({ scenario: s, epochs: 10, hyperparameters: { yuma3_enabled: true }, float: true });
    const body = (await r.json()) as any;
    const local = simulate(taomath(), s, { epochs: 10, hyperparameters: { yuma3_enabled: true }, float: true });
    expect(body.epochs).toBeUndefined();
    expect(body.scenario.hyperparameters.yuma3_enabled).toBe(true);
    expect(body.strategies).toEqual((simulationToJson(local) as any).strategies);
    expect(body.float.strategies).toEqual((simulationToJson(local) as any).float.strategies);
  });

  it("rejects a bad scenario with 400 naming the field", async () => {
    const r = await post({ scenario: { name: "x", epochs: 2, validators: [{ strategy: { type: "copier", lag: 0 } }], miners: [{}] } });
    expect(r.status).toBe(400);
    expect(((await r.json()) as any).error).toMatchObject({ code: "out_of_range", field: "validators[0].strategy.lag" });
  });

  it("rejects an unknown scenario name and an unknown request field", async () => {
    expect(((await (await post({ scenario: "nope" })).json()) as any).error.field).toBe("scenario");
    expect(((await (await post({ scenario: "weight-copier", epoch: 3 })).json()) as any).error.field).toBe("epoch");
  });

  it("refuses runs past the work cap with 413", async () => {
    const r = await post({ scenario: "subnet-256", epochs: 5000 });
    expect(r.status).toBe(413);
    expect(((await r.json()) as any).error).toMatchObject({ code: "too_much_work", field: "epochs" });
  });
});

describe("sweep driver against the Worker", () => {
  const scenario = namedScenario("weight-copier");
  const cells = sweepCells({ kappa: [32767], bonds_penalty: [0, 65535], yuma3_enabled: [false, true], liquid_alpha_enabled: [false], copier_delay: [0, 1] });

  it("fans the grid out with bounded concurrency and returns the rows a local run gives, in cell order", async () => {
    let inFlight = 0, peak = 0;
    const counting: typeof fetch = async (u, init) => {
      inFlight++; peak = Math.max(peak, inFlight);
      try { return await fetch(u, init); } finally { inFlight--; }
    };
    const rows = await runSweepRemote(base, scenario, cells, { epochs: 12, concurrency: 3, fetch: counting });
    const tm = taomath();
    expect(rows).toEqual(cells.map((c) => runSweepCell(tm, scenario, c, 12)));
    expect(peak).toBeLessThanOrEqual(3);
    expect(peak).toBeGreaterThan(1);
  });

  it("retries a cell after a 503 or a dropped connection and still gets every row", async () => {
    let calls = 0;
    const flaky: typeof fetch = async (u, init) => {
      calls++;
      if (calls === 1) return new Response("busy", { status: 503 });
      if (calls === 2) throw new TypeError("connection reset");
      return fetch(u, init);
    };
    const rows = await runSweepRemote(base, scenario, cells.slice(0, 2), { epochs: 6, concurrency: 1, retries: 3, backoffMs: 1, fetch: flaky });
    expect(rows.map((r) => r.index)).toEqual([0, 1]);
    expect(calls).toBe(4);
  });

  it("gives up after the retries with an `unreachable` error naming the url", async () => {
    const down: typeof fetch = async () => new Response("down", { status: 502 });
    const e = await runSweepRemote(base, scenario, cells.slice(0, 1), { retries: 2, backoffMs: 1, fetch: down }).catch((x) => x);
    expect(e).toBeInstanceOf(TaomathError);
    expect([e.code, e.field]).toEqual(["unreachable", "url"]);
  });

  it("stops on a 400 with the Worker's error (the scenario's fault, not retried)", async () => {
    const bad = { ...scenario, epochs: 0 };
    const e = await runSweepRemote(base, bad, cells.slice(0, 1), { retries: 3 }).catch((x) => x);
    expect(e).toBeInstanceOf(TaomathError);
    expect(e.field).toBe("epochs");
  });
});
