// The dashboard's four charts, drawn with Chart.js (and chartjs-chart-matrix for the bonds
// heatmap). Each function takes one epoch run and (re)draws its chart; u16 shares are shown
// as fractions of 65535, rao as alpha (1e9 rao). Nothing here spreads a per-uid or per-cell array
// into a call (a 4096-uid subnet has ~200k bond cells), and wide bond matrices are binned.

import { Chart, registerables, type ChartConfiguration } from "chart.js";
import { MatrixController, MatrixElement } from "chartjs-chart-matrix";
import type { EpochRun } from "./protocol";
import { compactNumber, groupDigits, shortKey } from "./format";

Chart.register(...registerables, MatrixController, MatrixElement);
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

const U16 = 65535;
const share = (u16: number) => u16 / U16;
const alpha = (rao: string) => Number(rao) / 1e9;

/** Bond rows drawn at most; larger subnets show the first rows that hold bonds. */
export const MAX_BOND_ROWS = 128;
/**
 * Heatmap cells drawn at most (rows x columns): wider subnets group neighbouring uids and show each
 * group's largest bond, so the 256-uid example is drawn cell for cell and a 4096-uid subnet in groups.
 */
export const MAX_BOND_CELLS = 16384;
/** The heatmap's colour for a bond of `f` (0..1) of the largest bond shown. */
export const bondColour = (f: number) => `rgba(200, 30, 60, ${(0.08 + 0.92 * f).toFixed(3)})`;

const charts = new Map<string, Chart>();

function draw(id: string, config: ChartConfiguration): Chart {
  charts.get(id)?.destroy();
  const chart = new Chart(document.getElementById(id) as HTMLCanvasElement, config);
  charts.set(id, chart);
  return chart;
}

/**
 * Tick labels for a logarithmic axis: powers of ten only (1, 10, 100, 1k, ...), plus 2x and 5x when
 * the axis spans less than two decades, so labels never crowd each other.
 */
function logTickLabel(this: any, value: number | string): string {
  const v = Number(value);
  if (!(v > 0)) return "";
  const decades = Math.log10(this.max / this.min);
  const mantissa = v / 10 ** Math.floor(Math.log10(v) + 1e-9);
  const keep = Math.abs(mantissa - 1) < 1e-6 || (decades < 2 && (Math.abs(mantissa - 2) < 1e-6 || Math.abs(mantissa - 5) < 1e-6));
  return keep ? compactNumber(v) : "";
}
export const logAxisTicks = { callback: logTickLabel, autoSkip: false, maxRotation: 0 };

/** Round uid positions for an axis of n uids: 0 and every multiple of a 1/2/5 x 10^k step, about eight of them. */
export function uidTicks(n: number): number[] {
  const raw = Math.max(1, n / 8);
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((x) => x >= raw)!;
  const out: number[] = [];
  for (let u = 0; u < n; u += step) out.push(u);
  return out;
}

const who = (r: EpochRun, uid: number) => (r.hotkeys?.[uid] ? `uid ${uid} (${shortKey(r.hotkeys[uid])})` : `uid ${uid}`);

export function drawIncentiveDividends(r: EpochRun): void {
  const o = r.outputs;
  // a linear uid axis with pre-parsed points: a category axis would measure a label per uid
  const points = (xs: number[]) => xs.map((v, uid) => ({ x: uid, y: share(v) }));
  draw("chart-incentive", {
    type: "bar",
    data: {
      datasets: [
        { label: "incentive", data: points(o.incentive), backgroundColor: "#2a6fdb", barPercentage: 1, categoryPercentage: 1 },
        { label: "dividends", data: points(o.dividends), backgroundColor: "#e8871e", barPercentage: 1, categoryPercentage: 1 },
      ],
    },
    options: {
      parsing: false,
      normalized: true,
      scales: {
        x: { type: "linear", stacked: true, min: -0.5, max: r.n - 0.5, offset: false, title: { display: true, text: "uid" }, afterBuildTicks: (axis: any) => { axis.ticks = uidTicks(r.n).map((value) => ({ value })); }, ticks: { maxRotation: 0 } },
        y: { stacked: true, title: { display: true, text: "share of the epoch" } },
      },
      plugins: { tooltip: { callbacks: { title: (items) => who(r, items[0].dataIndex) } } },
    },
  } as ChartConfiguration);
}

export function drawDividendsVsStake(r: EpochRun): void {
  const o = r.outputs;
  const points = o.stake.map((s, uid) => ({ x: alpha(s), y: share(o.dividends[uid]), uid })).filter((p, uid) => o.validator_permit[uid] && p.x > 0);
  draw("chart-stake", {
    type: "scatter",
    data: { datasets: [{ label: "validators with a permit", data: points, backgroundColor: "#2a9d8f" }] },
    options: {
      scales: {
        x: { type: "logarithmic", title: { display: true, text: "stake (α, log scale; k = thousand, M = million)" }, ticks: logAxisTicks },
        y: { title: { display: true, text: "dividends (share)" } },
      },
      plugins: { tooltip: { callbacks: { label: (c) => { const p = c.raw as { x: number; y: number; uid: number }; return `${who(r, p.uid)}: stake ${groupDigits(p.x.toFixed(0))} α, dividends ${(p.y * 100).toFixed(3)}%`; } } } },
    },
  });
}

export function drawValidatorTrust(r: EpochRun): void {
  const o = r.outputs;
  const uids = o.validator_trust.map((_, uid) => uid).filter((uid) => o.validator_permit[uid]);
  draw("chart-trust", {
    type: "bar",
    data: { labels: uids, datasets: [{ label: "validator trust", data: uids.map((u) => share(o.validator_trust[u])), backgroundColor: "#6a4c93" }] },
    options: {
      scales: { x: { title: { display: true, text: "validator uid" }, ticks: { maxTicksLimit: 12, maxRotation: 0 } }, y: { min: 0, max: 1 } },
      plugins: { tooltip: { callbacks: { title: (items) => who(r, uids[items[0].dataIndex]) } } },
    },
  });
}

/** About ten evenly spaced integer positions in 0..count-1 (cell centres of the heatmap). */
function integerTicks(count: number): number[] {
  const step = Math.max(1, Math.ceil(count / 10));
  const out: number[] = [];
  for (let i = 0; i < count; i += step) out.push(i);
  return out;
}

export interface BondCell { x: number; y: number; v: number }

/** The heatmap's cells: one per (validator row, column group) holding a bond, valued at the group's largest bond. */
export function bondCells(rows: Array<Array<[number, number]>>, group: number): { cells: BondCell[]; max: number } {
  const cells: BondCell[] = [];
  let max = 0;
  rows.forEach((row, y) => {
    const byGroup = new Map<number, number>();
    for (const [uid, v] of row) {
      const x = Math.floor(uid / group);
      if (v > (byGroup.get(x) ?? -1)) byGroup.set(x, v);
    }
    for (const [x, v] of byGroup) {
      cells.push({ x, y, v });
      if (v > max) max = v;
    }
  });
  return { cells, max };
}

export function drawBondsHeatmap(r: EpochRun): void {
  const o = r.outputs;
  const rows = o.bonds.map((row, uid) => ({ uid, row })).filter((x) => x.row.length > 0);
  const shown = rows.slice(0, MAX_BOND_ROWS);
  const n = r.n;
  const group = Math.max(1, Math.ceil(n / Math.max(64, Math.floor(MAX_BOND_CELLS / Math.max(1, shown.length)))));
  const columns = Math.ceil(n / group);
  const { cells, max } = bondCells(shown.map((s) => s.row), group);
  const scaleMax = Math.max(1, max);
  document.getElementById("bonds-caption")!.textContent = `Bonds matrix (after this epoch): ${rows.length} validators hold bonds`
    + (rows.length > shown.length ? `, first ${shown.length} shown` : "")
    + (group > 1 ? `; uids grouped by ${group}, each cell the group's largest bond` : "");
  const legend = document.getElementById("bonds-legend")!;
  legend.querySelector<HTMLElement>(".ramp")!.style.background = `linear-gradient(to right, ${bondColour(0)}, ${bondColour(1)})`;
  const maxLabel = legend.querySelector<HTMLElement>("[data-key=bonds-max]")!;
  const pctOfMax = (max / U16) * 100;
  maxLabel.textContent = `${groupDigits(String(max))} / 65,535 (${pctOfMax >= 1 || max === 0 ? pctOfMax.toFixed(1) : pctOfMax.toPrecision(2)}%)`;
  maxLabel.dataset.value = String(max);
  const uidOf = (x: number) => x * group;
  draw("chart-bonds", {
    type: "matrix",
    data: {
      datasets: [{
        label: "bond",
        data: cells,
        backgroundColor: cells.map((c) => bondColour(c.v / scaleMax)),
        borderWidth: 0,
        width: ({ chart }: any) => Math.max(1, (chart.chartArea?.width ?? 0) / columns),
        height: ({ chart }: any) => Math.max(1, (chart.chartArea?.height ?? 0) / Math.max(1, shown.length)),
      }],
    } as any,
    options: {
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { title: () => "", label: (c: any) => {
          const to = group > 1 ? `uids ${uidOf(c.raw.x)}–${Math.min(n - 1, uidOf(c.raw.x) + group - 1)} (largest)` : `uid ${c.raw.x}`;
          return `${who(r, shown[c.raw.y].uid).replace(/^uid/, "validator")} → ${to}: ${c.raw.v} / 65535`;
        } } },
      },
      scales: {
        x: { type: "linear", min: -0.5, max: columns - 0.5, offset: false, title: { display: true, text: "uid bonded to" }, grid: { display: false },
          // round uids (0, 50, 100 ... or 0, 1000, 2000 ...) at the column that holds them
          afterBuildTicks: (axis: any) => { axis.ticks = uidTicks(n).map((u) => ({ value: group > 1 ? u / group : u })); },
          ticks: { maxRotation: 0, callback: (v: any) => String(Math.round(uidOf(Number(v)))) } },
        y: { type: "linear", min: -0.5, max: shown.length - 0.5, reverse: true, offset: false, title: { display: true, text: "validator uid" }, grid: { display: false },
          afterBuildTicks: (axis: any) => { axis.ticks = integerTicks(shown.length).map((value) => ({ value })); },
          ticks: { callback: (v: any) => String(shown[v]?.uid ?? "") } },
      },
    } as any,
  });
}

export function drawAll(r: EpochRun): void {
  drawIncentiveDividends(r);
  drawDividendsVsStake(r);
  drawValidatorTrust(r);
  drawBondsHeatmap(r);
}

/** A drawn axis's tick labels with their pixel centre and text width (the browser tests check spacing). */
export function axisLabels(id: string, axis: string): Array<{ label: string; at: number; width: number }> {
  const chart = Chart.getChart(id);
  if (!chart) return [];
  const scale: any = chart.scales[axis];
  const ctx = chart.ctx;
  ctx.save();
  ctx.font = `${scale.options.ticks.font?.size ?? Chart.defaults.font.size}px ${Chart.defaults.font.family}`;
  const out = scale.ticks
    .map((t: any, i: number) => ({ label: String(t.label ?? ""), at: scale.getPixelForTick(i), width: ctx.measureText(String(t.label ?? "")).width }))
    .filter((t: any) => t.label !== "");
  ctx.restore();
  return out;
}
