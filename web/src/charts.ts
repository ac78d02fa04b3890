// The dashboard's four charts, drawn with Chart.js (and chartjs-chart-matrix for the bonds
// heatmap). Each function takes one epoch run and (re)draws its chart; u16 shares are shown
// as fractions of 65535, rao as alpha (1e9 rao).

import { Chart, registerables, type ChartConfiguration } from "chart.js";
import { MatrixController, MatrixElement } from "chartjs-chart-matrix";
import type { EpochRun } from "./protocol";

Chart.register(...registerables, MatrixController, MatrixElement);
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

const U16 = 65535;
const share = (u16: number) => u16 / U16;
const alpha = (rao: string) => Number(rao) / 1e9;

/** Bond rows drawn at most; larger subnets show the first rows that hold bonds. */
export const MAX_BOND_ROWS = 128;

const charts = new Map<string, Chart>();

function draw(id: string, config: ChartConfiguration): Chart {
  charts.get(id)?.destroy();
  const chart = new Chart(document.getElementById(id) as HTMLCanvasElement, config);
  charts.set(id, chart);
  return chart;
}

export function drawIncentiveDividends(r: EpochRun): void {
  const o = r.outputs;
  draw("chart-incentive", {
    type: "bar",
    data: {
      labels: o.incentive.map((_, uid) => uid),
      datasets: [
        { label: "incentive", data: o.incentive.map(share), backgroundColor: "#2a6fdb", barPercentage: 1, categoryPercentage: 1 },
        { label: "dividends", data: o.dividends.map(share), backgroundColor: "#e8871e", barPercentage: 1, categoryPercentage: 1 },
      ],
    },
    options: {
      scales: { x: { stacked: true, title: { display: true, text: "uid" }, ticks: { maxTicksLimit: 16 } }, y: { stacked: true, title: { display: true, text: "share of the epoch" } } },
    },
  });
}

export function drawDividendsVsStake(r: EpochRun): void {
  const o = r.outputs;
  const points = o.stake.map((s, uid) => ({ x: alpha(s), y: share(o.dividends[uid]), uid })).filter((p, uid) => o.validator_permit[uid] && p.x > 0);
  draw("chart-stake", {
    type: "scatter",
    data: { datasets: [{ label: "validators with a permit", data: points, backgroundColor: "#2a9d8f" }] },
    options: {
      scales: { x: { type: "logarithmic", title: { display: true, text: "stake (alpha, log scale)" } }, y: { title: { display: true, text: "dividends (share)" } } },
      plugins: { tooltip: { callbacks: { label: (c) => { const p = c.raw as { x: number; y: number; uid: number }; return `uid ${p.uid}: stake ${p.x.toFixed(0)}, dividends ${(p.y * 100).toFixed(3)}%`; } } } },
    },
  });
}

export function drawValidatorTrust(r: EpochRun): void {
  const o = r.outputs;
  const uids = o.validator_trust.map((_, uid) => uid).filter((uid) => o.validator_permit[uid]);
  draw("chart-trust", {
    type: "bar",
    data: { labels: uids, datasets: [{ label: "validator trust", data: uids.map((u) => share(o.validator_trust[u])), backgroundColor: "#6a4c93" }] },
    options: { scales: { x: { title: { display: true, text: "validator uid" }, ticks: { maxTicksLimit: 16 } }, y: { min: 0, max: 1 } } },
  });
}

/** About ten evenly spaced integer positions in 0..count-1 (cell centres of the heatmap). */
function integerTicks(count: number): number[] {
  const step = Math.max(1, Math.ceil(count / 10));
  const out: number[] = [];
  for (let i = 0; i < count; i += step) out.push(i);
  return out;
}

export function drawBondsHeatmap(r: EpochRun): void {
  const o = r.outputs;
  const rows = o.bonds.map((row, uid) => ({ uid, row })).filter((x) => x.row.length > 0);
  const shown = rows.slice(0, MAX_BOND_ROWS);
  const caption = document.getElementById("bonds-caption")!;
  caption.textContent = `Bonds matrix (after this epoch): ${rows.length} validators hold bonds` + (rows.length > shown.length ? `, first ${shown.length} shown` : "");
  const cells = shown.flatMap(({ row }, y) => row.map(([x, v]) => ({ x, y, v })));
  const max = Math.max(1, ...cells.map((c) => c.v));
  const n = r.n;
  draw("chart-bonds", {
    type: "matrix",
    data: {
      datasets: [{
        label: "bond",
        data: cells,
        backgroundColor: (c: any) => `rgba(200, 30, 60, ${0.08 + 0.92 * ((c.raw?.v ?? 0) / max)})`,
        borderWidth: 0,
        width: ({ chart }: any) => Math.max(1, (chart.chartArea?.width ?? 0) / n),
        height: ({ chart }: any) => Math.max(1, (chart.chartArea?.height ?? 0) / Math.max(1, shown.length)),
      }],
    } as any,
    options: {
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { title: () => "", label: (c: any) => `validator ${shown[c.raw.y].uid} → uid ${c.raw.x}: ${c.raw.v} / 65535` } },
      },
      scales: {
        x: { type: "linear", min: -0.5, max: n - 0.5, offset: false, title: { display: true, text: "uid bonded to" }, grid: { display: false },
          afterBuildTicks: (axis: any) => { axis.ticks = integerTicks(n).map((value) => ({ value })); } },
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
