// Runs a sweep's cells on worker_threads (Node only). A SweepPool starts its workers once (each
// instantiates the compiled module once) and keeps them for every sweep it runs. A sweep is sent to
// each worker once (the scenario, the epochs and the cells: each thread builds its own cells' inputs)
// and every thread claims its next cell from a cursor in shared memory (sweep_cursor.ts), longest
// cells first, so no thread waits for another to hand it work and the threads finish together; rows
// come back in cell order. The calling thread runs cells too while its workers start.

import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import { TaomathError, type TaomathErrorCode } from "../core/errors.js";
import { taomath } from "../index.js";
import { sharedModuleSync } from "../host/node.js";
import { handOutOrder, type SweepCell, type SweepRow } from "./sweep.js";
import { CellCursor, CellRunner, type ThreadStats } from "./sweep_cursor.js";
import { decodeRows, encodeCells, type FromWorker, type ToWorker } from "./sweep_wire.js";

export { CellCursor, type ThreadStats } from "./sweep_cursor.js";

export interface ThreadSweepOptions {
  threads?: number;
  epochs?: number;
  /** run on worker threads even when threads = 1 (the same start-up cost as a wider run, for measurements) */
  workers?: boolean;
  onRow?(row: SweepRow, done: number, total: number): void;
  /** what each thread did (the calling thread first when it ran cells), once the sweep is done */
  onStats?(stats: ThreadStats[]): void;
}

/** worker_threads that run sweep cells, started once and reused across sweeps until close(). */
export class SweepPool {
  private busy = false;
  private broken: Error | null = null;
  private constructor(private readonly workers: Worker[], readonly ready: Promise<void>) {}

  /**
   * Starts `threads` workers and returns at once: a sweep may be run straight away (each worker
   * takes it up as soon as it has loaded, while the calling thread does other work).
   */
  static start(threads: number, module: WebAssembly.Module = sharedModuleSync()): SweepPool {
    const workers = Array.from({ length: Math.max(1, threads) }, () => new Worker(new URL("./sweep_worker.js", import.meta.url), { workerData: { module }, execArgv: [] }));
    const ready = Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      const onMessage = (m: FromWorker) => { if (m.kind === "ready") { w.off("message", onMessage); w.off("error", reject); resolve(); } };
      w.on("message", onMessage);
      w.once("error", reject);
    }))).then(() => undefined);
    ready.catch(() => undefined); // a worker that fails to start fails open() or the sweep it was given
    return new SweepPool(workers, ready);
  }

  /** Starts `threads` workers and waits until each has its instance. */
  static async open(threads: number, module: WebAssembly.Module = sharedModuleSync()): Promise<SweepPool> {
    const pool = SweepPool.start(threads, module);
    try {
      await pool.ready;
    } catch (e) {
      await pool.close();
      throw e;
    }
    return pool;
  }

  get threads(): number { return this.workers.length; }

  /**
   * Runs the cells of one scenario, or claims from a cursor that other threads share;
   * rows[cell.index] is each row this pool computed. Settles once every worker has stopped
   * claiming; onStats then gets each worker's ThreadStats.
   */
  async run(scenario: unknown, cells: SweepCell[] | CellCursor, options: { epochs?: number; onRow?: ThreadSweepOptions["onRow"]; onStats?: ThreadSweepOptions["onStats"] } = {}): Promise<SweepRow[]> {
    if (this.broken) throw this.broken;
    if (this.busy) throw new TaomathError("invalid_type", "pool", "is running another sweep");
    this.busy = true;
    const cursor = cells instanceof CellCursor ? cells : new CellCursor(handOutOrder(cells));
    const total = cursor.cells.length;
    const byIndex = new Map(cursor.cells.map((c) => [c.index, c]));
    const encoded = encodeCells(cursor.cells);
    const rows: SweepRow[] = new Array(total);
    let done = 0;
    try {
      // a sweep settles only when every worker has answered it: nothing stale is left for the next sweep
      const settled = await Promise.allSettled(this.workers.map((w) => new Promise<ThreadStats>((resolve, reject) => {
        const detach = () => { w.off("message", onMessage); w.off("error", onError); w.off("exit", onExit); };
        const onError = (e: Error) => { this.broken ??= e; cursor.stop(); detach(); reject(e); };
        const onExit = (code: number) => onError(new Error(`sweep worker exited (code ${code})`));
        const onMessage = (m: FromWorker) => {
          if (m.kind === "rows") {
            for (const r of decodeRows(m, byIndex)) {
              rows[r.index] = r;
              options.onRow?.(r, ++done, total);
            }
          } else if (m.kind === "done") {
            detach();
            resolve(m.stats);
          } else if (m.kind === "error") {
            cursor.stop();
            detach();
            reject(new TaomathError(m.error.code as TaomathErrorCode, m.error.field, m.error.message.replace(`${m.error.field}: `, "")));
          }
        };
        w.on("message", onMessage);
        w.once("error", onError);
        w.once("exit", onExit);
        w.postMessage({ kind: "sweep", scenario, epochs: options.epochs, cells: encoded, cursor: cursor.shared } satisfies ToWorker);
      })));
      const failed = settled.find((r) => r.status === "rejected");
      if (failed) throw (failed as PromiseRejectedResult).reason;
      options.onStats?.(settled.map((r) => (r as PromiseFulfilledResult<ThreadStats>).value));
    } finally {
      this.busy = false;
    }
    return rows;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Runs a sweep's cells on `threads` threads: this thread and threads - 1 workers, which start while
 * this thread already runs cells (their start-up hides behind its work); with `workers` every cell
 * runs on a worker and this thread only collects rows. Rows in cell order, whatever ran where.
 */
export async function runSweepThreads(scenario: unknown, cells: SweepCell[], options: ThreadSweepOptions = {}): Promise<SweepRow[]> {
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), cells.length || 1));
  const rows: SweepRow[] = new Array(cells.length);
  let done = 0;
  const onRow = (r: SweepRow) => { rows[r.index] = r; options.onRow?.(r, ++done, cells.length); };
  const cursor = new CellCursor(handOutOrder(cells));
  if (options.workers === true) {
    const pool = SweepPool.start(threads);
    try {
      await pool.run(scenario, cursor, { epochs: options.epochs, onRow, onStats: options.onStats });
    } finally {
      await pool.close();
    }
    return rows;
  }
  const pool = threads > 1 ? SweepPool.start(threads - 1) : null;
  let workerStats: ThreadStats[] = [];
  const helpers = pool ? pool.run(scenario, cursor, { epochs: options.epochs, onRow, onStats: (s) => { workerStats = s; } }) : Promise.resolve([]);
  helpers.catch(() => cursor.stop()); // a failed worker stops this thread too; the error is thrown below
  try {
    const own = new CellRunner(taomath(), scenario, options.epochs, cursor);
    for (let r = own.next(); r !== null; r = own.next()) {
      onRow(r);
      if (pool) await new Promise((resolve) => setImmediate(resolve)); // lets the workers' rows through
    }
    await helpers;
    options.onStats?.([own.finish(), ...workerStats]);
  } catch (e) {
    cursor.stop();
    await helpers.catch(() => undefined);
    throw e;
  } finally {
    await pool?.close();
  }
  return rows;
}
