// Runs a sweep's cells on worker_threads (Node only): one worker per thread, each cell handed to
// the next idle worker, rows returned in cell order. threads = 1 runs on this thread unless asked.

import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import { TaomathError, type TaomathErrorCode } from "../core/errors.js";
import { taomath } from "../index.js";
import { loadModuleSync } from "../host/node.js";
import { runSweepCell, type SweepCell, type SweepRow } from "./sweep.js";

export interface ThreadSweepOptions {
  threads?: number;
  epochs?: number;
  /** run on worker threads even when threads = 1 (the same start-up cost as a wider run, for measurements) */
  workers?: boolean;
  onRow?(row: SweepRow, done: number, total: number): void;
}

export async function runSweepThreads(scenario: unknown, cells: SweepCell[], options: ThreadSweepOptions = {}): Promise<SweepRow[]> {
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), cells.length || 1));
  const rows: SweepRow[] = new Array(cells.length);
  let done = 0;
  if (threads === 1 && options.workers !== true) {
    const tm = taomath();
    for (const c of cells) {
      rows[c.index] = runSweepCell(tm, scenario, c, options.epochs);
      options.onRow?.(rows[c.index], ++done, cells.length);
    }
    return rows;
  }
  const queue = [...cells];
  const module = loadModuleSync();
  const workers = Array.from({ length: threads }, () => new Worker(new URL("./sweep_worker.js", import.meta.url), { workerData: { scenario, epochs: options.epochs, module }, execArgv: [] }));
  try {
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      const next = () => {
        const c = queue.shift();
        if (c === undefined) return resolve();
        w.once("message", (m: { row?: SweepRow; error?: { code: TaomathErrorCode; field: string; message: string } }) => {
          if (m.error) return reject(new TaomathError(m.error.code, m.error.field, m.error.message.replace(`${m.error.field}: `, "")));
          rows[c.index] = m.row!;
          options.onRow?.(m.row!, ++done, cells.length);
          next();
        });
        w.postMessage(c);
      };
      w.once("error", reject);
      next();
    })));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return rows;
}
