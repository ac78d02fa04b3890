// The sweep pool's messages between the main thread and its workers (sweep_threads.ts,
// sweep_worker.ts). A sweep goes out once per worker as the scenario (small JSON: each worker plans
// and builds its cells itself), the epochs, the cells in hand-out order as a flat Float64Array, and
// a shared cursor; every thread claims the next cell from the cursor itself, so no thread waits for
// another to hand it work. Rows come back one per message as flat Float64Arrays.

import type { SweepCell, SweepRow } from "./sweep.js";
import type { ThreadStats } from "./sweep_cursor.js";

/** Numbers per cell: index, kappa, bonds_penalty, yuma3 (0/1), liquid alpha (0/1), copier_delay. */
const CELL = 6;

export type ToWorker =
  | { kind: "sweep"; scenario: unknown; epochs: number | undefined; cells: Float64Array; cursor: SharedArrayBuffer };

export type FromWorker =
  | { kind: "ready" }
  | { kind: "rows"; rows: Float64Array; labels: string[]; types: string[] }
  | { kind: "done"; stats: ThreadStats }
  | { kind: "error"; error: { code: string; field: string; message: string } };

export function encodeCells(cells: SweepCell[]): Float64Array {
  const a = new Float64Array(cells.length * CELL);
  cells.forEach((c, k) => a.set([c.index, c.kappa, c.bonds_penalty, c.yuma3_enabled ? 1 : 0, c.liquid_alpha_enabled ? 1 : 0, c.copier_delay], k * CELL));
  return a;
}

export function decodeCells(a: Float64Array): SweepCell[] {
  const out: SweepCell[] = [];
  for (let k = 0; k < a.length; k += CELL) {
    out.push({ index: a[k], kappa: a[k + 1], bonds_penalty: a[k + 2], yuma3_enabled: a[k + 3] === 1, liquid_alpha_enabled: a[k + 4] === 1, copier_delay: a[k + 5] });
  }
  return out;
}

/** Rows as [index, relative_to_honest per strategy (NaN for null)...], with the strategies' labels and types once. */
export function encodeRows(rows: SweepRow[]): { rows: Float64Array; labels: string[]; types: string[] } {
  const labels = rows[0]?.strategies.map((s) => s.label) ?? [];
  const types = rows[0]?.strategies.map((s) => s.type) ?? [];
  const w = 1 + labels.length;
  const a = new Float64Array(rows.length * w);
  rows.forEach((r, k) => {
    a[k * w] = r.index;
    r.strategies.forEach((s, j) => { a[k * w + 1 + j] = s.relative_to_honest ?? NaN; });
  });
  return { rows: a, labels, types };
}

/** The rows back, given the cells they were computed for (paid as summarise decides it for a non-honest strategy). */
export function decodeRows(m: { rows: Float64Array; labels: string[]; types: string[] }, cells: ReadonlyMap<number, SweepCell>): SweepRow[] {
  const w = 1 + m.labels.length;
  const out: SweepRow[] = [];
  for (let k = 0; k < m.rows.length; k += w) {
    const cell = cells.get(m.rows[k])!;
    out.push({
      ...cell,
      strategies: m.labels.map((label, j) => {
        const x = m.rows[k + 1 + j];
        const rel = Number.isNaN(x) ? null : x;
        return { label, type: m.types[j], relative_to_honest: rel, paid: rel === null ? null : rel > 0 };
      }),
    });
  }
  return out;
}
