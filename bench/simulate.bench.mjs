// The Yuma lab on the 256-uid scenario (64 validators: 56 honest, 4 copiers, 4 late; 192 miners):
// epochs per second on one core for the whole loop (strategies, storage, max-upscaled rows, the
// exact epoch, typed records), beside the float64 engine running the same scenario in the same
// run, with the slowest setting of an 8-setting sweep as the worst case; then sweeps on 1 thread
// against 2: the CLI's default grid and 8 longer cells as the CLI runs them (cold: start-up inside
// the time, 1 and 2 threads interleaved), and short cells on worker pools already started. Wall
// time and CPU time are both reported: the machine may be shared, and on a loaded machine the wall
// figures measure the neighbours too. The CPU-bound speed-up is 1 thread's own CPU time over the
// busier of 2 threads' (per-thread CPU, Linux only): the wall speed-up on two otherwise idle cores,
// start-up and V8's helper threads aside.

import { taomath } from "../dist/index.js";
import { simulate, simulateStrategies } from "../dist/simulate/simulate.js";
import { planScenario } from "../dist/simulate/scenario.js";
import { runPlan } from "../dist/simulate/runner.js";
import { floatEngine } from "../dist/simulate/float.js";
import { namedScenario } from "../dist/simulate/library.js";
import { sweepCells, cellHyperparameters } from "../dist/simulate/sweep.js";
import { SweepPool, runSweepThreads } from "../dist/simulate/sweep_threads.js";
import os from "node:os";
import { median, report } from "./lib.mjs";

const cpuMs = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };

async function measure(fn) {
  const t0 = performance.now(), c0 = cpuMs();
  await fn();
  return { wall: performance.now() - t0, cpu: cpuMs() - c0 };
}

/** Median and slowest epochs/s (wall and per CPU-second) over `runs` runs after a warm-up. */
async function rates(fn, epochs, runs) {
  await fn();
  const wall = [], cpu = [];
  for (let i = 0; i < runs; i++) {
    const m = await measure(fn);
    wall.push(epochs / (m.wall / 1000));
    cpu.push(epochs / (m.cpu / 1000));
  }
  return { wall: median(wall), cpu: median(cpu), wallMin: Math.min(...wall), cpuMin: Math.min(...cpu) };
}

const setting = (c) => `kappa ${c.kappa}, bonds penalty ${c.bonds_penalty}, Yuma3 ${c.yuma3_enabled ? "on" : "off"}`;

export async function run() {
  const tm = taomath();
  const scenario = namedScenario("subnet-256");
  const epochs = 200;
  const exact = await rates(() => simulate(tm, scenario, { epochs }), epochs, 5);
  const withRecords = await rates(() => simulate(tm, scenario, { epochs }).epochs.length, epochs, 3);
  const plan = planScenario(scenario, { epochs });
  const float = await rates(() => runPlan(tm, plan, floatEngine(plan.n)), epochs, 3);

  const cells = sweepCells({ kappa: [16384, 32767], bonds_penalty: [0, 65535], yuma3_enabled: [false, true], liquid_alpha_enabled: [false], copier_delay: [0] });
  const cellEpochs = 100;
  // every setting on this thread: the slowest is the row's worst case
  const perCell = [];
  for (const c of cells) perCell.push({ c, ...(await rates(() => simulateStrategies(tm, scenario, { epochs: cellEpochs, hyperparameters: cellHyperparameters(c) }), cellEpochs, 1)) });
  const worstWall = perCell.reduce((a, p) => (p.wall < a.wall ? p : a));
  const worstCpu = perCell.reduce((a, p) => (p.cpu < a.cpu ? p : a));
  report("Yuma lab, subnet-256 (256 uids / 64 validators), one core: epochs/s (higher is better; target >= 500)", [
    { case: "simulate(), 200 epochs, median of 5 (wall)", unit: "epochs/s", taomath: exact.wall, baseline: float.wall, baselineWhat: "(float64 engine, same loop)", worst: worstWall.wall, worstCase: `slowest sweep setting, 100 epochs: ${setting(worstWall.c)}` },
    { case: "simulate(), 200 epochs, median of 5 (per CPU-second)", unit: "epochs/CPU-s", taomath: exact.cpu, baseline: float.cpu, baselineWhat: "(float64 engine, same loop)", worst: worstCpu.cpu, worstCase: `slowest sweep setting, 100 epochs: ${setting(worstCpu.c)}` },
    { case: "simulate() and every per-epoch record read as plain arrays (wall)", unit: "epochs/s", taomath: withRecords.wall, baseline: float.wall, baselineWhat: "(float64 engine)", worst: withRecords.wallMin, worstCase: "slowest of 3 runs" },
  ], [
    "taomath: the exact lab loop; baseline: the same scenario through the float64 engine (src/simulate/float.ts) in this run; the per-epoch records stay typed until read (third row: read).",
  ]);

  // what `taomath simulate --sweep --threads 1|2` does (cold: thread start-up inside the time; 2 = this
  // thread and a worker started meanwhile), 1 and 2 threads interleaved so both see the same neighbours
  const cold = async (grid, epochs, pairs, what) => {
    const wall = [], bound = [], notes = [];
    for (let k = 0; k < pairs; k++) {
      let s1, s2;
      const one = await measure(() => runSweepThreads(scenario, grid, { threads: 1, epochs, onStats: (s) => (s1 = s) }));
      const t0 = performance.timeOrigin + performance.now();
      const two = await measure(() => runSweepThreads(scenario, grid, { threads: 2, epochs, onStats: (s) => (s2 = s) }));
      const t1 = performance.timeOrigin + performance.now();
      wall.push(one.wall / two.wall);
      const cpu = [...s1, ...s2].map((s) => s.cpuMs);
      if (cpu.every((x) => x !== null)) bound.push(s1[0].cpuMs / Math.max(s2[0].cpuMs, s2[1].cpuMs));
      const th = (s, name) => `${name} ${s.cells} cells, ${(s.cpuMs / 1000).toFixed(2)} CPU-s, ${(s.busyMs / 1000).toFixed(2)} s in cells, first cell at ${((s.firstStart - t0) / 1000).toFixed(2)} s, idle after its last ${((t1 - s.lastEnd) / 1000).toFixed(2)} s`;
      notes.push(`${what} run ${k + 1}: 1 thread ${(one.wall / 1000).toFixed(2)} s wall (${(s1[0].cpuMs / 1000).toFixed(2)} CPU-s on it, ${(one.cpu / 1000).toFixed(2)} in the process); 2 threads ${(two.wall / 1000).toFixed(2)} s wall (${(two.cpu / 1000).toFixed(2)} CPU-s in the process): ${th(s2[0], "this thread")}; ${th(s2[1], "the worker")}`);
    }
    return { wall, bound, notes };
  };
  const row = (what, xs) => ({ case: what, unit: "x", taomath: median(xs), baseline: 1, baselineWhat: "(1 thread)", worst: Math.min(...xs), worstCase: `worst of ${xs.length}` });

  // the CLI's default grid (what `taomath simulate NAME --sweep` runs): cells of unequal cost (Yuma3 with liquid alpha ~5x, commit-reveal ~2x)
  const grid = sweepCells();
  const gridEpochs = 100;
  const g = await cold(grid, gridEpochs, 1, "default grid");
  // longer cells: 8 plain settings x 300 epochs
  const longEpochs = 300;
  const l = await cold(cells, longEpochs, 2, `${cells.length} settings x ${longEpochs} epochs`);
  // warm: pools of 1 and 2 workers already started, short cells; per-thread CPU of each sweep from the workers themselves
  const warm = [], warmBound = [], notes = [];
  const p1 = await SweepPool.open(1), p2 = await SweepPool.open(2);
  await p1.run(scenario, cells.slice(0, 1), { epochs: 10 });
  await p2.run(scenario, cells.slice(0, 2), { epochs: 10 });
  for (let k = 0; k < 2; k++) {
    let s1, s2;
    const one = await measure(() => p1.run(scenario, cells, { epochs: cellEpochs, onStats: (s) => (s1 = s) }));
    const two = await measure(() => p2.run(scenario, cells, { epochs: cellEpochs, onStats: (s) => (s2 = s) }));
    warm.push(one.wall / two.wall);
    if ([...s1, ...s2].every((s) => s.cpuMs !== null)) {
      warmBound.push(s1[0].cpuMs / Math.max(...s2.map((s) => s.cpuMs)));
      notes.push(`warm run ${k + 1} (${cells.length} settings x ${cellEpochs} epochs): 1 worker ${(one.wall / 1000).toFixed(2)} s wall / ${(s1[0].cpuMs / 1000).toFixed(2)} CPU-s; 2 workers ${(two.wall / 1000).toFixed(2)} s wall / ${s2.map((s) => `${s.cells} cells ${(s.cpuMs / 1000).toFixed(2)}`).join(" + ")} CPU-s`);
    }
  }
  await p1.close(); await p2.close();
  report("Sweeps on subnet-256: 2 threads vs 1 (speed-up; target >= 1.8x)", [
    row(`wall, the CLI's default grid (${grid.length} settings x ${gridEpochs} epochs), as the CLI runs it`, g.wall),
    ...(g.bound.length ? [row("CPU-bound, default grid: 1 thread's CPU-s / the busier of 2 threads' CPU-s", g.bound)] : []),
    row(`wall, ${cells.length} settings x ${longEpochs} epochs (longer cells), as the CLI runs it`, l.wall),
    ...(l.bound.length ? [row(`CPU-bound, ${cells.length} settings x ${longEpochs} epochs`, l.bound)] : []),
    row(`wall, ${cells.length} settings x ${cellEpochs} epochs (short cells), pools of 1 and 2 workers already started`, warm),
    ...(warmBound.length ? [row(`CPU-bound (warm, short cells): 1 worker's CPU-s / the busier of 2 workers'`, warmBound)] : []),
  ], [`load average at start ${os.loadavg().map((x) => x.toFixed(1)).join(" ")} on ${os.cpus().length} cores; 1 and 2 threads interleaved`, ...g.notes, ...l.notes, ...notes]);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
