// Sweeps: a grid over hyperparameters (kappa x bonds penalty x Yuma3 x liquid alpha x copier
// delay), each cell one run of the same scenario, summarised as: does each non-honest strategy beat
// honest validation, and by how much. The cells are independent, so they run on threads
// (sweep_threads.ts) or on Workers (sweep_remote.ts) in any order; rows come back sorted by cell.

import type { Taomath } from "../core/taomath.js";
import { TaomathError } from "../core/errors.js";
import type { ScenarioJson } from "./scenario.js";
import { simulateStrategies, type SimulationResult } from "./simulate.js";

export interface SweepGrid {
  kappa?: number[];
  bonds_penalty?: number[];
  yuma3_enabled?: boolean[];
  liquid_alpha_enabled?: boolean[];
  /** epochs a copier's view lags behind honest weights beyond the one it always has: commit-reveal with this reveal period (0 = commit-reveal off) */
  copier_delay?: number[];
}

export const DEFAULT_GRID: Required<SweepGrid> = {
  kappa: [16384, 32767, 49151],
  bonds_penalty: [0, 65535],
  yuma3_enabled: [false, true],
  liquid_alpha_enabled: [false, true],
  copier_delay: [0, 1, 2],
};

export interface SweepCell {
  index: number;
  kappa: number;
  bonds_penalty: number;
  yuma3_enabled: boolean;
  liquid_alpha_enabled: boolean;
  copier_delay: number;
}

export interface SweepRow extends SweepCell {
  strategies: Array<{ label: string; type: string; relative_to_honest: number | null; paid: boolean | null }>;
}

const KEYS = ["kappa", "bonds_penalty", "yuma3_enabled", "liquid_alpha_enabled", "copier_delay"] as const;

/** The cartesian product of a grid (missing axes take DEFAULT_GRID's values), in a fixed order. */
export function sweepCells(grid: SweepGrid = {}): SweepCell[] {
  if (grid === null || typeof grid !== "object" || Array.isArray(grid)) throw new TaomathError("invalid_type", "grid", "expected an object of axes");
  for (const k of Object.keys(grid)) if (!(KEYS as readonly string[]).includes(k)) throw new TaomathError("invalid_type", `grid.${k}`, `is not a sweep axis (axes: ${KEYS.join(", ")})`);
  const axes = KEYS.map((k) => {
    const v = (grid as Record<string, unknown>)[k] ?? DEFAULT_GRID[k];
    if (!Array.isArray(v) || v.length === 0) throw new TaomathError("wrong_length", `grid.${k}`, "expected a non-empty array");
    return v as Array<number | boolean>;
  });
  const cells: SweepCell[] = [];
  const rec = (k: number, acc: Array<number | boolean>) => {
    if (k === axes.length) {
      const [kappa, bonds_penalty, yuma3_enabled, liquid_alpha_enabled, copier_delay] = acc;
      cells.push({ index: cells.length, kappa, bonds_penalty, yuma3_enabled, liquid_alpha_enabled, copier_delay } as SweepCell);
      return;
    }
    for (const v of axes[k]) rec(k + 1, [...acc, v]);
  };
  rec(0, []);
  return cells;
}

/** The hyperparameter overrides of one cell. */
export function cellHyperparameters(c: SweepCell): NonNullable<ScenarioJson["hyperparameters"]> {
  return {
    kappa: c.kappa, bonds_penalty: c.bonds_penalty, yuma3_enabled: c.yuma3_enabled, liquid_alpha_enabled: c.liquid_alpha_enabled,
    commit_reveal_enabled: c.copier_delay > 0, reveal_period_epochs: Math.max(1, c.copier_delay),
  };
}

export function sweepRowOf(cell: SweepCell, r: Pick<SimulationResult, "strategies">): SweepRow {
  return { ...cell, strategies: r.strategies.filter((s) => s.type !== "honest").map((s) => ({ label: s.label, type: s.type, relative_to_honest: s.relative_to_honest, paid: s.paid })) };
}

/**
 * A cell's cost relative to a plain one, for scheduling only (rows never depend on it): under
 * Yuma3 with liquid alpha the chain evaluates a 30-term sigmoid for every bond entry, about five
 * times a plain cell at 256 uids; commit-reveal adds about a tenth (measured on subnet-256).
 */
export function cellCost(c: SweepCell): number {
  return 1 + (c.copier_delay > 0 ? 0.1 : 0) + (c.yuma3_enabled && c.liquid_alpha_enabled ? 4 : 0);
}

/** The cells in the order threads take them: longest first (grid order among equals), so the last cells to finish are short ones. */
export function handOutOrder(cells: SweepCell[]): SweepCell[] {
  return cells.map((c, k) => ({ c, k, cost: cellCost(c) })).sort((a, b) => b.cost - a.cost || a.k - b.k).map((x) => x.c);
}

/** One cell on this thread. */
export function runSweepCell(tm: Taomath, scenario: unknown, cell: SweepCell, epochs?: number): SweepRow {
  return sweepRowOf(cell, { strategies: simulateStrategies(tm, scenario, { epochs, hyperparameters: cellHyperparameters(cell) }) });
}

/** The sweep's answer as a Markdown table: one row per cell, one column per non-honest strategy. */
export function sweepTable(rows: SweepRow[]): string {
  const labels = [...new Set(rows.flatMap((r) => r.strategies.map((s) => s.label)))];
  const head = ["kappa", "bonds_penalty", "yuma3", "liquid_alpha", "copier_delay", ...labels.map((l) => `${l} vs honest`)];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`];
  for (const r of [...rows].sort((a, b) => a.index - b.index)) {
    const cols = labels.map((l) => {
      const s = r.strategies.find((x) => x.label === l);
      if (!s || s.relative_to_honest === null) return "—";
      return `${s.paid ? "**beats**" : "loses"} ${s.relative_to_honest >= 0 ? "+" : ""}${(s.relative_to_honest * 100).toFixed(2)}%`;
    });
    lines.push(`| ${[r.kappa, r.bonds_penalty, r.yuma3_enabled, r.liquid_alpha_enabled, r.copier_delay, ...cols].join(" | ")} |`);
  }
  return lines.join("\n");
}
