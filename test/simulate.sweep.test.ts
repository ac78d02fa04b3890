// Sweeps on worker_threads through the CLI: both cores give the same rows as one thread, and the
// table says per setting whether copying beats honest validation. The threads share the cells
// through a cursor, longest cells first; the rows are the same byte for byte whatever ran where.

import { describe, it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { handOutOrder, sweepCells } from "../src/simulate/sweep.js";

const cli = (...args: string[]) => spawnSync(process.execPath, ["node/cli.mjs", ...args], { encoding: "utf8" });
const tmp = mkdtempSync(join(tmpdir(), "taomath-sweep-"));
const grid = join(tmp, "grid.json");
writeFileSync(grid, JSON.stringify({ kappa: [32767], bonds_penalty: [0, 65535], yuma3_enabled: [false, true], liquid_alpha_enabled: [false], copier_delay: [0, 2] }));

describe("taomath simulate NAME --sweep", () => {
  const two = cli("simulate", "weight-copier", "--sweep", "--grid", grid, "--threads", "2", "--epochs", "10", "--json");
  const one = cli("simulate", "weight-copier", "--sweep", "--grid", grid, "--threads", "1", "--epochs", "10", "--json");

  it("runs the grid on two worker threads with the same rows as one thread", () => {
    expect(two.status).toBe(0);
    expect(one.status).toBe(0);
    const rows = JSON.parse(two.stdout);
    expect(rows).toHaveLength(8);
    expect(rows).toEqual(JSON.parse(one.stdout));
    expect(rows.map((r: { index: number }) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("prints a table: per setting, whether the copier beats honest validation and by how much", () => {
    const r = cli("simulate", "weight-copier", "--sweep", "--grid", grid, "--threads", "2", "--epochs", "10");
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[1]).toBe("| kappa | bonds_penalty | yuma3 | liquid_alpha | copier_delay | copier vs honest |");
    expect(lines.slice(3)).toHaveLength(8);
    for (const l of lines.slice(3)) expect(l).toMatch(/^\| 32767 \| (0|65535) \| (true|false) \| false \| (0|2) \| (loses|\*\*beats\*\*) [+-]\d+\.\d\d% \|$/);
  });

  it("a grid with an unknown axis fails naming it", () => {
    const bad = join(tmp, "bad.json");
    writeFileSync(bad, JSON.stringify({ tempo: [1] }));
    const r = cli("simulate", "weight-copier", "--sweep", "--grid", bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("grid.tempo");
  });
});

describe("the order cells are handed out in", () => {
  it("is longest first: Yuma3 with liquid alpha, then commit-reveal, then plain cells, each group in grid order", () => {
    const cells = sweepCells({ kappa: [32767], bonds_penalty: [0], yuma3_enabled: [false, true], liquid_alpha_enabled: [false, true], copier_delay: [0, 1] });
    const order = handOutOrder(cells);
    const kind = (c: (typeof cells)[number]) => `${c.yuma3_enabled && c.liquid_alpha_enabled ? "y3la" : "plain"}${c.copier_delay > 0 ? "+cr" : ""}`;
    expect(order.map(kind)).toEqual(["y3la+cr", "y3la", "plain+cr", "plain+cr", "plain+cr", "plain", "plain", "plain"]);
    expect(order.filter((c) => kind(c) === "plain+cr").map((c) => c.index)).toEqual([1, 3, 5]);
    expect([...order].sort((a, b) => a.index - b.index)).toEqual(cells);
  });
});

describe("SweepPool (the built package: its workers load dist/)", () => {
  const dist = (p: string) => import(/* @vite-ignore */ new URL(`../dist/simulate/${p}`, import.meta.url).href);
  const cells = [
    { index: 0, kappa: 16384, bonds_penalty: 0, yuma3_enabled: false, liquid_alpha_enabled: false, copier_delay: 0 },
    { index: 1, kappa: 32767, bonds_penalty: 65535, yuma3_enabled: true, liquid_alpha_enabled: true, copier_delay: 2 },
    { index: 2, kappa: 49151, bonds_penalty: 0, yuma3_enabled: true, liquid_alpha_enabled: false, copier_delay: 1 },
  ];

  it("started once, runs sweeps of two scenarios on two threads with the rows of one thread", async () => {
    const { SweepPool, runSweepThreads } = await dist("sweep_threads.js");
    const { namedScenario } = await dist("library.js");
    const pool = await SweepPool.open(2);
    try {
      for (const name of ["strategies-mix", "cartel"]) {
        const rows = await pool.run(namedScenario(name), cells, { epochs: 6 });
        expect(rows.map((r: { index: number }) => r.index)).toEqual([0, 1, 2]);
        expect(rows).toEqual(await runSweepThreads(namedScenario(name), cells, { threads: 1, epochs: 6 }));
      }
    } finally {
      await pool.close();
    }
  });

  it("a sweep on this thread and a worker, or on two workers, gives byte for byte the rows of one thread, and every cell runs once", async () => {
    const { runSweepThreads } = await dist("sweep_threads.js");
    const { namedScenario } = await dist("library.js");
    const grid = sweepCells({ kappa: [16384, 49151], bonds_penalty: [0, 65535], yuma3_enabled: [false, true], liquid_alpha_enabled: [false, true], copier_delay: [0, 2] });
    const scenario = namedScenario("strategies-mix");
    const one = JSON.stringify(await runSweepThreads(scenario, grid, { threads: 1, epochs: 8 }));
    for (const options of [{ threads: 2 }, { threads: 2, workers: true }]) {
      const ran: number[] = [];
      const rows = await runSweepThreads(scenario, grid, { ...options, epochs: 8, onStats: (s: Array<{ cells: number }>) => ran.push(...s.map((t) => t.cells)) });
      expect(JSON.stringify(rows)).toBe(one);
      expect(ran).toHaveLength(2);
      expect(ran[0] + ran[1]).toBe(grid.length);
    }
  });

  it("a scenario a worker rejects fails the sweep with the error naming the field, and the pool runs the next sweep", async () => {
    const { SweepPool } = await dist("sweep_threads.js");
    const { namedScenario } = await dist("library.js");
    const pool = await SweepPool.open(2);
    try {
      const bad = { ...namedScenario("cartel"), epochs: 0 };
      await expect(pool.run(bad, cells, { epochs: 0 })).rejects.toMatchObject({ field: "epochs" });
      expect(await pool.run(namedScenario("cartel"), cells.slice(0, 1), { epochs: 3 })).toHaveLength(1);
    } finally {
      await pool.close();
    }
  });
});
