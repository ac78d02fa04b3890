// A worker_threads worker of sweep_threads.ts: its own taomath instance, instantiated from the
// module the main thread compiled (no second compile, no Node entry to load); runs the cells it is sent.

import { parentPort, workerData } from "node:worker_threads";
import { instantiateSync } from "../core/taomath.js";
import { TaomathError } from "../core/errors.js";
import { runSweepCell, type SweepCell } from "./sweep.js";

const { scenario, epochs, module } = workerData as { scenario: unknown; epochs?: number; module: WebAssembly.Module };
const tm = instantiateSync(module);
parentPort!.on("message", (cell: SweepCell) => {
  try {
    parentPort!.postMessage({ row: runSweepCell(tm, scenario, cell, epochs) });
  } catch (e) {
    const err = e instanceof TaomathError ? { code: e.code, field: e.field, message: e.message } : { code: "internal", field: "sweep", message: String((e as Error)?.stack ?? e) };
    parentPort!.postMessage({ error: err });
  }
});
