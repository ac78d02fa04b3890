// A worker_threads worker of sweep_threads.ts: its own taomath instance; runs the cells it is sent.

import { parentPort, workerData } from "node:worker_threads";
import { taomath } from "../index.js";
import { TaomathError } from "../errors.js";
import { runSweepCell, type SweepCell } from "./sweep.js";

const tm = taomath();
const { scenario, epochs } = workerData as { scenario: unknown; epochs?: number };
parentPort!.on("message", (cell: SweepCell) => {
  try {
    parentPort!.postMessage({ row: runSweepCell(tm, scenario, cell, epochs) });
  } catch (e) {
    const err = e instanceof TaomathError ? { code: e.code, field: e.field, message: e.message } : { code: "internal", field: "sweep", message: String((e as Error)?.stack ?? e) };
    parentPort!.postMessage({ error: err });
  }
});
