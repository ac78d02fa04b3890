// How the threads of a sweep share its cells: the cells in hand-out order and, in shared memory,
// the index of the next one to claim. Every thread (the calling one and each worker) claims its
// next cell with one atomic add when it finishes the last, so a thread busy in a long cell never
// holds up the others and no thread waits for a dispatcher; with the longest cells handed out first
// the threads finish within about one short cell of each other.

import type { Taomath } from "../core/taomath.js";
import { runSweepCell, type SweepCell, type SweepRow } from "./sweep.js";
import { threadCpuMs } from "./thread_cpu.js";

/** What one thread did in one sweep (times in ms on clockMs's clock). */
export interface ThreadStats {
  cells: number;
  /** its own CPU time over the sweep (null where the platform does not say) */
  cpuMs: number | null;
  /** wall time spent inside cells */
  busyMs: number;
  /** when its first cell started and its last ended (null if it ran none) */
  firstStart: number | null;
  lastEnd: number | null;
}

/** Wall-clock ms on a clock all threads share (each thread's performance.now() has its own origin). */
export const clockMs = (): number => performance.timeOrigin + performance.now();

export class CellCursor {
  readonly next: Int32Array;
  /** `cells` in the order they are handed out; `shared` is another thread's cursor to join */
  constructor(readonly cells: SweepCell[], shared: SharedArrayBuffer = new SharedArrayBuffer(4)) {
    this.next = new Int32Array(shared);
  }
  get shared(): SharedArrayBuffer { return this.next.buffer as SharedArrayBuffer; }
  /** The next cell, or null when every cell is taken (or the sweep was stopped). */
  claim(): SweepCell | null {
    const k = Atomics.add(this.next, 0, 1);
    return k < this.cells.length ? this.cells[k] : null;
  }
  get left(): number { return Math.max(0, this.cells.length - Atomics.load(this.next, 0)); }
  /** Nothing more is claimed, by any thread (a failed sweep). */
  stop(): void { Atomics.store(this.next, 0, this.cells.length); }
}

/** One thread's share of a sweep: claims and runs cells one at a time and keeps its ThreadStats. */
export class CellRunner {
  readonly stats: ThreadStats = { cells: 0, cpuMs: null, busyMs: 0, firstStart: null, lastEnd: null };
  private readonly cpu0 = threadCpuMs();
  constructor(private readonly tm: Taomath, private readonly scenario: unknown, private readonly epochs: number | undefined, private readonly cursor: CellCursor) {}

  /** Runs the next unclaimed cell: its row, or null when none is left. */
  next(): SweepRow | null {
    const cell = this.cursor.claim();
    if (cell === null) return null;
    const t0 = clockMs();
    let row: SweepRow;
    try {
      row = runSweepCell(this.tm, this.scenario, cell, this.epochs);
    } catch (e) {
      this.cursor.stop();
      throw e;
    }
    const t1 = clockMs();
    const s = this.stats;
    s.cells++;
    s.busyMs += t1 - t0;
    s.firstStart ??= t0;
    s.lastEnd = t1;
    return row;
  }

  /** The stats with this thread's CPU time since the runner was made. */
  finish(): ThreadStats {
    const c1 = threadCpuMs();
    this.stats.cpuMs = this.cpu0 === null || c1 === null ? null : c1 - this.cpu0;
    return this.stats;
  }
}
