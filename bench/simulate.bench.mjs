// The Yuma lab on the 256-uid scenario (64 validators: 56 honest, 4 copiers, 4 late; 192 miners):
// epochs per second on one core for the whole loop (strategies, storage, max-upscaled rows, the
// exact epoch, typed records), beside the float64 engine running the same scenario in the same
// run, with the slowest setting of an 8-setting sweep as the worst case; then that sweep on a pool
// of 1 worker thread against 2 (cold: the pool's start-up is inside the time; and on pools already
// started). Wall time and CPU time are both reported: the machine may be shared, and on a loaded
// machine the wall figures measure the neighbours too. The sweep's CPU-bound speed-up is the
// 1-thread worker's CPU time over the busiest 2-thread worker's (per-thread CPU, Linux only): what
// the wall speed-up is on two otherwise idle cores.

import { taomath } from "../dist/index.js";
import { simulate, simulateStrategies } from "../dist/simulate/simulate.js";
import { planScenario } from "../dist/simulate/scenario.js";
import { runPlan } from "../dist/simulate/runner.js";
import { floatEngine } from "../dist/simulate/float.js";
import { namedScenario } from "../dist/simulate/library.js";
import { sweepCells, cellHyperparameters } from "../dist/simulate/sweep.js";
import { SweepPool } from "../dist/simulate/sweep_threads.js";
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

  const rows = [], cold = [], warm = [], bound = [];
  for (let k = 0; k < 3; k++) {
    let cpu1 = null, cpu2 = null;
    const one = await measure(async () => { const p = await SweepPool.open(1); await p.run(scenario, cells, { epochs: cellEpochs }); cpu1 = await p.threadCpuMs(); await p.close(); });
    const two = await measure(async () => { const p = await SweepPool.open(2); await p.run(scenario, cells, { epochs: cellEpochs }); cpu2 = await p.threadCpuMs(); await p.close(); });
    cold.push(one.wall / two.wall);
    if (cpu1.every((x) => x !== null) && cpu2.every((x) => x !== null)) bound.push(cpu1[0] / Math.max(...cpu2));
    rows.push(`cold run ${k + 1}: 1 thread ${(one.wall / 1000).toFixed(2)} s wall / ${(one.cpu / 1000).toFixed(2)} CPU-s, 2 threads ${(two.wall / 1000).toFixed(2)} s / ${(two.cpu / 1000).toFixed(2)} CPU-s; worker CPU-s 1 thread ${cpu1.map((x) => (x / 1000).toFixed(2)).join("")}, 2 threads ${cpu2.map((x) => (x / 1000).toFixed(2)).join(" + ")}`);
  }
  const p1 = await SweepPool.open(1), p2 = await SweepPool.open(2);
  await p1.run(scenario, cells.slice(0, 1), { epochs: 10 });
  await p2.run(scenario, cells.slice(0, 2), { epochs: 10 });
  for (let k = 0; k < 3; k++) {
    const one = await measure(() => p1.run(scenario, cells, { epochs: cellEpochs }));
    const two = await measure(() => p2.run(scenario, cells, { epochs: cellEpochs }));
    warm.push(one.wall / two.wall);
  }
  await p1.close(); await p2.close();
  const row = (what, xs) => ({ case: what, unit: "x", taomath: median(xs), baseline: 1, baselineWhat: "(1 thread)", worst: Math.min(...xs), worstCase: `worst of ${xs.length}` });
  report(`Sweep of ${cells.length} settings x ${cellEpochs} epochs on subnet-256: 2 worker threads vs 1 (speed-up; target >= 1.8x)`, [
    row("wall, pools started inside the time", cold),
    row("wall, pools already started", warm),
    ...(bound.length ? [row("CPU-bound: 1-thread worker CPU / busiest 2-thread worker CPU", bound)] : []),
  ], rows);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
