// The Yuma lab on the 256-uid scenario (64 validators: 56 honest, 4 copiers, 4 late; 192 miners):
// epochs per second on one core for the whole loop (strategies, storage, max-upscaled rows, the
// exact epoch, records), beside the float64 engine running the same scenario in the same run; and a
// sweep of 8 settings on 1 thread against 2 worker threads (worst of the runs for the speed-up).

import { taomath, simulate, planScenario, runPlan, floatEngine, namedScenario, sweepCells } from "../dist/index.js";
import { runSweepThreads } from "../dist/simulate/sweep_threads.js";
import { median, table } from "./lib.mjs";

function epochsPerSecond(fn, epochs, runs) {
  fn(); // warm-up
  const rates = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    rates.push(epochs / ((performance.now() - t0) / 1000));
  }
  return median(rates);
}

export async function run() {
  const tm = taomath();
  const scenario = namedScenario("subnet-256");
  const epochs = 200;
  const exact = epochsPerSecond(() => simulate(tm, scenario, { epochs }), epochs, 5);
  const plan = planScenario(scenario, { epochs });
  const float = epochsPerSecond(() => runPlan(tm, plan, floatEngine(plan.n)), epochs, 5);
  table("Yuma lab, 256 uids / 64 validators, one core (median of 5 runs of 200 epochs)", [
    { engine: "exact (taomath simulate)", "epochs/s": exact.toFixed(0), "target": ">= 500", "vs float64": (exact / float).toFixed(2) + "x" },
    { engine: "float64 (same loop, float epoch)", "epochs/s": float.toFixed(0), "target": "", "vs float64": "1.00x" },
  ]);

  const cells = sweepCells({ kappa: [16384, 32767], bonds_penalty: [0, 65535], yuma3_enabled: [false, true], liquid_alpha_enabled: [false], copier_delay: [0] });
  const cellEpochs = 40;
  const rows = [];
  const speedups = [];
  for (let k = 0; k < 3; k++) {
    const t1 = performance.now();
    await runSweepThreads(scenario, cells, { threads: 1, epochs: cellEpochs });
    const one = performance.now() - t1;
    const t2 = performance.now();
    await runSweepThreads(scenario, cells, { threads: 2, epochs: cellEpochs });
    const two = performance.now() - t2;
    speedups.push(one / two);
    rows.push({ run: k + 1, "1 thread s": (one / 1000).toFixed(2), "2 threads s": (two / 1000).toFixed(2), "speed-up": (one / two).toFixed(2) + "x" });
  }
  rows.push({ run: "worst", "1 thread s": "", "2 threads s": "", "speed-up": Math.min(...speedups).toFixed(2) + "x (target >= 1.8x)" });
  table(`Sweep of ${cells.length} settings x ${cellEpochs} epochs on subnet-256: 1 thread vs 2 worker threads`, rows);
}
