// The Yuma lab on the 256-uid scenario (64 validators: 56 honest, 4 copiers, 4 late; 192 miners):
// epochs per second on one core for the whole loop (strategies, storage, max-upscaled rows, the
// exact epoch, records), beside the float64 engine running the same scenario in the same run; and a
// sweep of 8 settings on 1 worker thread against 2 (worst of 3 for the speed-up; both start cold). Both wall
// time and this process's CPU time (all threads) are shown: on a shared machine the wall figures
// measure the neighbours too, the CPU figures say what the lab itself costs.

import { taomath } from "../dist/index.js";
import { simulate } from "../dist/simulate/simulate.js";
import { planScenario } from "../dist/simulate/scenario.js";
import { runPlan } from "../dist/simulate/runner.js";
import { floatEngine } from "../dist/simulate/float.js";
import { namedScenario } from "../dist/simulate/library.js";
import { sweepCells } from "../dist/simulate/sweep.js";
import { runSweepThreads } from "../dist/simulate/sweep_threads.js";
import { median, table } from "./lib.mjs";

const cpuMs = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };

async function measure(fn) {
  const t0 = performance.now(), c0 = cpuMs();
  await fn();
  return { wall: performance.now() - t0, cpu: cpuMs() - c0 };
}

async function rates(fn, epochs, runs) {
  await fn(); // warm-up
  const wall = [], cpu = [];
  for (let i = 0; i < runs; i++) {
    const m = await measure(fn);
    wall.push(epochs / (m.wall / 1000));
    cpu.push(epochs / (m.cpu / 1000));
  }
  return { wall: median(wall), cpu: median(cpu) };
}

export async function run() {
  const tm = taomath();
  const scenario = namedScenario("subnet-256");
  const epochs = 200;
  const exact = await rates(() => simulate(tm, scenario, { epochs }), epochs, 5);
  const plan = planScenario(scenario, { epochs });
  const float = await rates(() => runPlan(tm, plan, floatEngine(plan.n)), epochs, 5);
  table("Yuma lab, 256 uids / 64 validators, one core (median of 5 runs of 200 epochs; target >= 500 epochs/s)", [
    { engine: "exact (taomath simulate)", "epochs/s (wall)": exact.wall.toFixed(0), "epochs per CPU-s": exact.cpu.toFixed(0), "vs float64 (wall)": (exact.wall / float.wall).toFixed(2) + "x" },
    { engine: "float64 (same loop, float epoch)", "epochs/s (wall)": float.wall.toFixed(0), "epochs per CPU-s": float.cpu.toFixed(0), "vs float64 (wall)": "1.00x" },
  ]);

  const cells = sweepCells({ kappa: [16384, 32767], bonds_penalty: [0, 65535], yuma3_enabled: [false, true], liquid_alpha_enabled: [false], copier_delay: [0] });
  const cellEpochs = 100;
  const rows = [];
  const speedups = [];
  for (let k = 0; k < 3; k++) {
    const one = await measure(() => runSweepThreads(scenario, cells, { threads: 1, epochs: cellEpochs, workers: true }));
    const two = await measure(() => runSweepThreads(scenario, cells, { threads: 2, epochs: cellEpochs, workers: true }));
    speedups.push(one.wall / two.wall);
    rows.push({
      run: k + 1, "1 thread s": (one.wall / 1000).toFixed(2), "2 threads s": (two.wall / 1000).toFixed(2), "speed-up": (one.wall / two.wall).toFixed(2) + "x",
      "CPU s 1 / 2 threads": `${(one.cpu / 1000).toFixed(2)} / ${(two.cpu / 1000).toFixed(2)}`, "CPU used, 2 threads": (two.cpu / two.wall).toFixed(2) + " cores",
    });
  }
  rows.push({ run: "worst", "1 thread s": "", "2 threads s": "", "speed-up": Math.min(...speedups).toFixed(2) + "x (target >= 1.8x)", "CPU s 1 / 2 threads": "", "CPU used, 2 threads": "" });
  table(`Sweep of ${cells.length} settings x ${cellEpochs} epochs on subnet-256: 1 worker thread vs 2`, rows);
}
