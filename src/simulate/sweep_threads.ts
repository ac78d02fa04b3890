// Runs a sweep's cells on worker_threads (Node only). A SweepPool starts its workers once (each
// instantiates the compiled module once) and keeps them for every sweep it runs; cells go out in
// batches from a queue shared by all threads, large first and smaller towards the end so the
// threads finish together, and rows come back in cell order. This thread runs cells too.

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

/** The cells of a sweep not handed out yet, shared by every thread that runs them. */
export class CellQueue {
  private next = 0;
  constructor(readonly cells: SweepCell[], private readonly threads: number) {}
  get left(): number { return this.cells.length - this.next; }
  /** The next batch: large first, smaller towards the end (a quarter of what is left per thread, at least one, at most `max`). */
  take(max = Infinity): SweepCell[] {
    const size = Math.min(max, Math.max(1, Math.floor(this.left / (4 * this.threads))));
    const batch = this.cells.slice(this.next, this.next + size);
    this.next += batch.length;
    return batch;
  }
  /** Hands out nothing more (a failed sweep). */
  clear(): void { this.next = this.cells.length; }
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

  /**
   * Runs the cells of one scenario (or what is left of a queue shared with other threads);
   * rows[cell.index] is each cell's row. Each worker has up to two batches queued, so it never
   * waits for this thread to hand it the next one.
   */
  async run(scenario: unknown, cells: SweepCell[] | CellQueue, options: { epochs?: number; onRow?: ThreadSweepOptions["onRow"] } = {}): Promise<SweepRow[]> {
    if (this.busy) throw new TaomathError("invalid_type", "pool", "is running another sweep");
    this.busy = true;
    const queue = cells instanceof CellQueue ? cells : new CellQueue(cells, this.workers.length);
    const byIndex = new Map(queue.cells.map((c) => [c.index, c]));
    const rows: SweepRow[] = new Array(queue.cells.length);
    let done = 0;
    try {
      // a worker's sweep settles only when its queued batches have all answered: nothing stale is left for the next sweep
      const settled = await Promise.allSettled(this.workers.map((w) => new Promise<void>((resolve, reject) => {
        let inFlight = 0;
        let failure: TaomathError | null = null;
        const finish = () => {
          w.off("message", onMessage); w.off("error", onError);
          if (failure) reject(failure); else resolve();
        };
        const fill = () => {
          while (failure === null && inFlight < 2 && queue.left > 0) {
            const batch = encodeCells(queue.take());
            w.postMessage({ kind: "cells", cells: batch } satisfies ToWorker, [batch.buffer as ArrayBuffer]);
            inFlight++;
          }
          if (inFlight === 0) finish();
        };
        const onError = (e: Error) => { queue.clear(); w.off("message", onMessage); reject(e); };
        const onMessage = (m: FromWorker) => {
          if (m.kind === "error") {
            failure ??= new TaomathError(m.error.code as TaomathErrorCode, m.error.field, m.error.message.replace(`${m.error.field}: `, ""));
            queue.clear();
          } else if (m.kind === "rows") {
            if (failure === null) {
              for (const r of decodeRows(m, byIndex)) {
                rows[r.index] = r;
                options.onRow?.(r, ++done, queue.cells.length);
              }
            }
          } else return;
          inFlight--;
          fill();
        };
        w.on("message", onMessage);
        w.once("error", onError);
        w.postMessage({ kind: "scenario", scenario, epochs: options.epochs } satisfies ToWorker);
        fill();
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

/**
 * Runs a sweep's cells on `threads` threads: this thread and threads - 1 workers, which start while
 * this thread already runs cells (their start-up is hidden behind its work); with `workers` every
 * cell runs on a worker and this thread only hands them out. Rows in cell order.
 */
export async function runSweepThreads(scenario: unknown, cells: SweepCell[], options: ThreadSweepOptions = {}): Promise<SweepRow[]> {
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), cells.length || 1));
  const rows: SweepRow[] = new Array(cells.length);
  let done = 0;
  const onRow = (r: SweepRow) => { rows[r.index] = r; options.onRow?.(r, ++done, cells.length); };
  if (options.workers === true) {
    const pool = await SweepPool.open(threads);
    try {
      await pool.run(scenario, cells, { epochs: options.epochs, onRow });
    } finally {
      await pool.close();
    }
    return rows;
  }
  const tm = taomath();
  if (threads === 1) {
    for (const c of cells) onRow(runSweepCell(tm, scenario, c, options.epochs));
    return rows;
  }
  const queue = new CellQueue(cells, threads);
  const helpers = SweepPool.open(threads - 1).then(async (pool) => {
    try {
      await pool.run(scenario, queue, { epochs: options.epochs, onRow });
    } finally {
      await pool.close();
    }
  });
  helpers.catch(() => queue.clear()); // a failed worker stops this thread too; the error is thrown below
  try {
    while (queue.left > 0) {
      for (const c of queue.take(1)) onRow(runSweepCell(tm, scenario, c, options.epochs));
      await new Promise((r) => setImmediate(r)); // lets the workers' rows through and their next batches out
    }
  } catch (e) {
    queue.clear();
    await helpers.catch(() => undefined);
    throw e;
  }
  await helpers;
  return rows;
}
