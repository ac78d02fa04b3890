// Plain-text tables for people: aligned columns, an optional totals row under a rule, and sorting
// by a named column (numeric columns largest first).

import { UsageError } from "./args.js";
import type { Values } from "./command.js";
import { intFlag } from "./units.js";

export interface Column<R> {
  key: string;
  title: string;
  /** the text shown */
  cell(row: R): string;
  /** the value sorted on (numbers and bigints descending, text ascending) */
  sortValue?(row: R): number | bigint | string;
  align?: "left" | "right";
}

export function sortRows<R>(rows: R[], columns: readonly Column<R>[], key: string | undefined, fallback: string): R[] {
  const k = key ?? fallback;
  const col = columns.find((c) => c.key === k || c.title.toLowerCase() === k.toLowerCase());
  if (!col || !col.sortValue) {
    const keys = columns.filter((c) => c.sortValue).map((c) => c.key);
    throw new UsageError(`--sort: unknown column ${JSON.stringify(k)}; sort by one of ${keys.join(", ")}`);
  }
  const v = col.sortValue;
  return [...rows].sort((a, b) => {
    const x = v(a), y = v(b);
    if (typeof x === "string" || typeof y === "string") return String(x).localeCompare(String(y));
    return x === y ? 0 : x < y ? 1 : -1;
  });
}

/** The rows a table shows: sorted by --sort (default `fallback`), then the first --top of them. */
export function shownRows<R>(rows: R[], columns: readonly Column<R>[], values: Values, fallback: string): R[] {
  const sorted = sortRows(rows, columns, values.sort as string | undefined, fallback);
  const top = intFlag(values, "top", { min: 1 });
  return top === undefined ? sorted : sorted.slice(0, top);
}

export function renderTable<R>(columns: readonly Column<R>[], rows: readonly R[], totals?: Record<string, string>): string {
  const body = rows.map((r) => columns.map((c) => c.cell(r)));
  const foot = totals ? columns.map((c, i) => totals[c.key] ?? (i === 0 ? "total" : "")) : undefined;
  const all = [columns.map((c) => c.title), ...body, ...(foot ? [foot] : [])];
  const widths = columns.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    "  " + cells.map((s, i) => ((columns[i].align ?? "right") === "left" ? s.padEnd(widths[i]) : s.padStart(widths[i]))).join("  ").trimEnd();
  const out = [line(all[0]), ...body.map(line)];
  if (foot) out.push("  " + widths.map((w) => "-".repeat(w)).join("  "), line(foot));
  return out.join("\n");
}

/** A long key (SS58 or hex) cut to its first and last characters, unless full keys are asked for. */
export function shortKey(key: string | undefined, full: boolean): string {
  if (key === undefined || key === null) return "-";
  return full || key.length <= 13 ? key : `${key.slice(0, 6)}…${key.slice(-4)}`;
}
