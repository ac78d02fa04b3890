// A worker_threads worker of sweep_threads.ts: its own taomath instance, instantiated once from
// the module the main thread compiled (no second compile, no Node entry to load), kept for every
// sweep the pool runs; runs the batches of cells it is sent.

import { parentPort, workerData } from "node:worker_threads";
import { readFileSync } from "node:fs";
import { instantiateSync } from "../core/taomath.js";
import { TaomathError } from "../core/errors.js";
import { runSweepCell } from "./sweep.js";
import { decodeCells, encodeRows, type FromWorker, type ToWorker } from "./sweep_wire.js";

const { module } = workerData as { module: WebAssembly.Module };
const tm = instantiateSync(module);
let scenario: unknown = null;
let epochs: number | undefined;

/** This thread's CPU time in ms (Linux: /proc/thread-self/stat, utime + stime), or null where unknown. */
function threadCpuMs(): number | null {
  try {
    const stat = readFileSync("/proc/thread-self/stat", "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // fields 14 and 15, in USER_HZ (100 on Linux)
  } catch {
    return null;
  }
}

const post = (m: FromWorker, transfer: Transferable[] = []) => parentPort!.postMessage(m, transfer as never);
parentPort!.on("message", (m: ToWorker) => {
  if (m.kind === "scenario") { scenario = m.scenario; epochs = m.epochs; return; }
  if (m.kind === "cpu") return post({ kind: "cpu", ms: threadCpuMs() });
  try {
    const rows = decodeCells(m.cells).map((c) => runSweepCell(tm, scenario, c, epochs));
    const enc = encodeRows(rows);
    post({ kind: "rows", ...enc }, [enc.rows.buffer as ArrayBuffer]);
  } catch (e) {
    const err = e instanceof TaomathError ? { code: e.code, field: e.field, message: e.message } : { code: "internal", field: "sweep", message: String((e as Error)?.stack ?? e) };
    post({ kind: "error", error: err });
  }
});
post({ kind: "ready" });
