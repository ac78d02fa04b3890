// Runs a sweep's cells on worker_threads (Node only). A SweepPool starts its workers once (each
// instantiates the compiled module once) and keeps them for every sweep it runs; cells go out in
// batches, large first and smaller towards the end so both threads finish together, and rows
// come back in cell order. threads = 1 runs on this thread unless asked.

import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import { TaomathError, type TaomathErrorCode } from "../core/errors.js";
import { taomath } from "../index.js";
import { loadModuleSync } from "../host/node.js";
import { runSweepCell, type SweepCell, type SweepRow } from "./sweep.js";
import { decodeRows, encodeCells, type FromWorker, type ToWorker } from "./sweep_wire.js";

export interface ThreadSweepOptions {
  threads?: number;
  epochs?: number;
  /** run on worker threads even when threads = 1 (the same start-up cost as a wider run, for measurements) */
  workers?: boolean;
  onRow?(row: SweepRow, done: number, total: number): void;
}

/** The next batch: an even share of a quarter of what is left per thread, at least one cell. */
function batchSize(left: number, threads: number): number {
  return Math.max(1, Math.floor(left / (2 * threads)));
}

/** worker_threads that run sweep cells, started once and reused across sweeps until close(). */
export class SweepPool {
  private busy = false;
  private constructor(private readonly workers: Worker[]) {}

  /** Starts `threads` workers and waits until each has its instance. */
  static async open(threads: number, module: WebAssembly.Module = loadModuleSync()): Promise<SweepPool> {
    const workers = Array.from({ length: Math.max(1, threads) }, () => new Worker(new URL("./sweep_worker.js", import.meta.url), { workerData: { module }, execArgv: [] }));
    try {
      await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
        w.once("error", reject);
        w.once("message", (m: FromWorker) => (m.kind === "ready" ? resolve() : reject(new Error(`sweep worker: unexpected ${m.kind}`))));
      })));
    } catch (e) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw e;
    }
    return new SweepPool(workers);
  }

  get threads(): number { return this.workers.length; }

  /** Runs the cells of one scenario; rows[cell.index] is each cell's row. */
  async run(scenario: unknown, cells: SweepCell[], options: { epochs?: number; onRow?: ThreadSweepOptions["onRow"] } = {}): Promise<SweepRow[]> {
    if (this.busy) throw new TaomathError("invalid_type", "pool", "is running another sweep");
    this.busy = true;
    const byIndex = new Map(cells.map((c) => [c.index, c]));
    const rows: SweepRow[] = new Array(cells.length);
    const queue = [...cells];
    let done = 0;
    try {
      // every worker finishes its batch before the sweep settles: a failed sweep leaves no listener behind
      const settled = await Promise.allSettled(this.workers.map((w) => new Promise<void>((resolve, reject) => {
        const onError = (e: Error) => { queue.length = 0; w.off("message", onMessage); reject(e); };
        const next = () => {
          if (queue.length === 0) { w.off("message", onMessage); w.off("error", onError); return resolve(); }
          const batch = encodeCells(queue.splice(0, batchSize(queue.length, this.workers.length)));
          w.postMessage({ kind: "cells", cells: batch } satisfies ToWorker, [batch.buffer as ArrayBuffer]);
        };
        const onMessage = (m: FromWorker) => {
          if (m.kind === "error") {
            queue.length = 0;
            w.off("message", onMessage); w.off("error", onError);
            return reject(new TaomathError(m.error.code as TaomathErrorCode, m.error.field, m.error.message.replace(`${m.error.field}: `, "")));
          }
          if (m.kind !== "rows") return;
          for (const r of decodeRows(m, byIndex)) {
            rows[r.index] = r;
            options.onRow?.(r, ++done, cells.length);
          }
          next();
        };
        w.on("message", onMessage);
        w.once("error", onError);
        w.postMessage({ kind: "scenario", scenario, epochs: options.epochs } satisfies ToWorker);
        next();
      })));
      const failed = settled.find((r) => r.status === "rejected");
      if (failed) throw (failed as PromiseRejectedResult).reason;
    } finally {
      this.busy = false;
    }
    return rows;
  }

  /** Each worker's own CPU time so far in ms (null where the platform does not say). */
  async threadCpuMs(): Promise<Array<number | null>> {
    return Promise.all(this.workers.map((w) => new Promise<number | null>((resolve) => {
      const on = (m: FromWorker) => { if (m.kind === "cpu") { w.off("message", on); resolve(m.ms); } };
      w.on("message", on);
      w.postMessage({ kind: "cpu" } satisfies ToWorker);
    })));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

export async function runSweepThreads(scenario: unknown, cells: SweepCell[], options: ThreadSweepOptions = {}): Promise<SweepRow[]> {
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), cells.length || 1));
  if (threads === 1 && options.workers !== true) {
    const tm = taomath();
    const rows: SweepRow[] = new Array(cells.length);
    let done = 0;
    for (const c of cells) {
      rows[c.index] = runSweepCell(tm, scenario, c, options.epochs);
      options.onRow?.(rows[c.index], ++done, cells.length);
    }
    return rows;
  }
  const pool = await SweepPool.open(threads);
  try {
    return await pool.run(scenario, cells, { epochs: options.epochs, onRow: options.onRow });
  } finally {
    await pool.close();
  }
}
