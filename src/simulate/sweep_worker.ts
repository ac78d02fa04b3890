// A worker_threads worker of sweep_threads.ts: its own taomath instance, instantiated once from
// the module the main thread compiled (no second compile, no Node entry to load), kept for every
// sweep the pool runs. For each sweep it is sent the scenario and the cells once, then claims cells
// from the sweep's shared cursor until none is left, posting each row as it is done.

import { parentPort, workerData } from "node:worker_threads";
import { instantiateSync } from "../core/taomath.js";
import { TaomathError } from "../core/errors.js";
import { CellCursor, CellRunner } from "./sweep_cursor.js";
import { decodeCells, encodeRows, type FromWorker, type ToWorker } from "./sweep_wire.js";

const { module } = workerData as { module: WebAssembly.Module };
const tm = instantiateSync(module);

const post = (m: FromWorker, transfer: Transferable[] = []) => parentPort!.postMessage(m, transfer as never);
parentPort!.on("message", (m: ToWorker) => {
  const runner = new CellRunner(tm, m.scenario, m.epochs, new CellCursor(decodeCells(m.cells), m.cursor));
  try {
    for (let row = runner.next(); row !== null; row = runner.next()) {
      const enc = encodeRows([row]);
      post({ kind: "rows", ...enc }, [enc.rows.buffer as ArrayBuffer]);
    }
    post({ kind: "done", stats: runner.finish() });
  } catch (e) {
    const err = e instanceof TaomathError ? { code: e.code, field: e.field, message: e.message } : { code: "internal", field: "sweep", message: String((e as Error)?.stack ?? e) };
    post({ kind: "error", error: err });
  }
});
post({ kind: "ready" });
