// The calculator's slippage curve and the emission/halving chart, drawn with Chart.js from the
// numbers the Web Worker computed in wasm (rao shown as TAO = 1e9 rao; nothing recomputed here).

import { Chart, registerables } from "chart.js";
import type { CalculatorRun } from "./protocol";
import type { EmissionResponseJson } from "taomath/emission";
import { logAxisTicks } from "./charts";

Chart.register(...registerables);

const tao = (rao: string) => Number(rao) / 1e9;
const charts = new Map<string, Chart<any, any, any>>();

function draw(id: string, config: any): void {
  charts.get(id)?.destroy();
  charts.set(id, new Chart(document.getElementById(id) as HTMLCanvasElement, config));
}

/** Effective price and slippage against the amount staked (TAO) or unstaked (alpha), log scale, with the chosen amount marked. */
export function drawSlippage(run: CalculatorRun): void {
  const rows = run.response.quotes.map((q, i) => ({ q, x: tao(run.request.amounts[i]) }));
  const [chosen, ...curve] = rows;
  const ok = curve.filter((r) => r.q.effective_price !== null && r.x > 0);
  draw("chart-slippage", {
    type: "line",
    data: {
      datasets: [
        { label: `effective price (TAO/α ${run.request.side === "stake" ? "paid" : "received"}, fee included)`, data: ok.map((r) => ({ x: r.x, y: r.q.effective_price! })), borderColor: "#2a6fdb", backgroundColor: "#2a6fdb", pointRadius: 0, yAxisID: "price" },
        { label: "slippage vs spot (%)", data: ok.map((r) => ({ x: r.x, y: r.q.slippage! * 100 })), borderColor: "#e8871e", backgroundColor: "#e8871e", pointRadius: 0, yAxisID: "slippage" },
        ...(chosen.q.slippage !== null && chosen.x > 0
          ? [{ type: "scatter" as const, label: `your ${run.request.side}`, data: [{ x: chosen.x, y: chosen.q.slippage * 100 }], backgroundColor: "#a4161a", pointRadius: 6, yAxisID: "slippage" }]
          : []),
      ],
    },
    options: {
      parsing: false,
      scales: {
        x: { type: "logarithmic", ticks: logAxisTicks, title: { display: true, text: `${run.request.side === "stake" ? "TAO staked" : "α unstaked"} (log scale; k = thousand, M = million)` } },
        price: { type: "linear", position: "left", title: { display: true, text: "TAO per α" } },
        slippage: { type: "linear", position: "right", min: 0, title: { display: true, text: "slippage %" }, grid: { drawOnChartArea: false } },
      },
    },
  } as any);
}

/** Supply and TAO minted per day over the horizon, one point per week, halvings marked on the supply curve. */
export function drawEmission(e: EmissionResponseJson): void {
  const daily = e.daily ?? [];
  const weekly = daily.filter((d, i) => i % 7 === 0 || i === daily.length - 1);
  const year = (day: number) => day / 365.25;
  const day = (blockOffset: string) => Number(blockOffset) / 7200;
  draw("chart-emission", {
    type: "line",
    data: {
      datasets: [
        { label: "supply (M TAO)", data: weekly.map((d) => ({ x: year(d.day), y: tao(d.issuance) / 1e6 })), borderColor: "#2a9d8f", backgroundColor: "#2a9d8f", pointRadius: 0, yAxisID: "supply" },
        { label: "minted per day (TAO)", data: weekly.map((d) => ({ x: year(d.day), y: tao(d.minted) })), borderColor: "#6a4c93", backgroundColor: "#6a4c93", pointRadius: 0, stepped: true, yAxisID: "perDay" },
        ...(Number(e.recycled_per_day) > 0
          ? [{ label: "recycled per day (TAO)", data: weekly.map((d) => ({ x: year(d.day), y: tao(d.recycled) })), borderColor: "#a4161a", backgroundColor: "#a4161a", pointRadius: 0, borderDash: [4, 4], yAxisID: "perDay" }]
          : []),
        { type: "scatter" as const, label: "halving", data: e.halvings.map((h) => ({ x: year(day(h.block_offset)), y: tao(h.first_issuance) / 1e6, k: h.halving, date: h.date })),
          backgroundColor: "#e63946", pointStyle: "triangle", pointRadius: 8, yAxisID: "supply" },
      ],
    },
    options: {
      parsing: false,
      scales: {
        x: { type: "linear", min: 0, max: e.years, title: { display: true, text: `years from ${e.start_date}` } },
        supply: { type: "linear", position: "left", title: { display: true, text: "supply (M TAO)" } },
        perDay: { type: "linear", position: "right", min: 0, title: { display: true, text: "TAO per day" }, grid: { drawOnChartArea: false } },
      },
      plugins: {
        tooltip: { callbacks: { label: (c: any) => (c.raw.k !== undefined ? `halving ${c.raw.k} on ${c.raw.date} at ${c.raw.y.toFixed(3)} M TAO` : `${c.dataset.label}: ${c.raw.y.toLocaleString("en-US")}`) } },
      },
    },
  } as any);
}
