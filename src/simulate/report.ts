// The self-contained HTML report of a run: the scenario, the per-strategy verdicts, and charts of
// dividends per strategy over epochs (exact, and float64 dashed when it ran) and of the
// float-versus-chain differences. Inline SVG and CSS only: it opens offline.

import type { SimulationResult } from "./simulate.js";
import { esc, lineChart, type Series } from "./svg.js";

const pct = (x: number | null) => (x === null ? "—" : `${x >= 0 ? "+" : ""}${(x * 100).toFixed(2)}%`);
const yesNo = (b: boolean | null) => (b === null ? "—" : b ? "yes" : "no");
const alpha = (rao: bigint) => (Number(rao) / 1e9).toLocaleString("en-US", { maximumFractionDigits: 3 });

/** Dividend share per strategy over epochs; the float engine's, dashed, beside it. */
export function dividendsChart(r: SimulationResult): string {
  const series: Series[] = [];
  const labels = Object.keys(r.group_dividend_share);
  labels.forEach((l) => series.push({ name: `${l} (exact)`, values: r.group_dividend_share[l] }));
  if (r.float) labels.forEach((l, k) => series.push({ name: `${l} (float64)`, values: r.float!.group_dividend_share[l], dashed: true, color: ["#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#4b5563"][k % 8] }));
  return lineChart(`${r.scenario.name}: share of each epoch's emission paid as dividends, by strategy`, series, { yLabel: "share of emission" });
}

/** Return per unit of stake per strategy, cumulative, relative to honest. */
export function relativeChart(r: SimulationResult): string {
  const labels = r.strategies.filter((s) => s.type !== "honest").map((s) => s.label);
  const honest = r.validators.filter((v) => v.strategy === "honest").map((v) => v.uid);
  const series: Series[] = labels.map((l) => {
    const uids = r.validators.filter((v) => v.label === l).map((v) => v.uid);
    let d = 0, s = 0, hd = 0, hs = 0;
    return {
      name: l,
      values: r.epochs.map((e) => {
        for (const u of uids) { d += Number(e.validator_emission[u]); s += Number(e.stake[u]); }
        for (const u of honest) { hd += Number(e.validator_emission[u]); hs += Number(e.stake[u]); }
        return s > 0 && hs > 0 && hd > 0 ? (d / s) / (hd / hs) - 1 : NaN;
      }),
    };
  });
  return lineChart("cumulative dividends per unit of stake, relative to honest validators", series, { yLabel: "relative return" });
}

/** Share of all stored bond value held by each strategy's validators, over epochs. */
export function bondsChart(r: SimulationResult): string {
  return lineChart("share of all stored bonds held, by strategy", Object.entries(r.group_bond_share).map(([name, values]) => ({ name, values })), { yLabel: "share of bonds" });
}

export function floatDiffChart(r: SimulationResult): string {
  if (!r.float) return "";
  return lineChart("float64 minus chain: largest difference over uids, per epoch", [
    { name: "dividend share", values: r.float.epochs.map((e) => e.max_dividend_diff) },
    { name: "incentive share", values: r.float.epochs.map((e) => e.max_incentive_diff) },
  ], { yLabel: "|exact - float|" });
}

export function reportHtml(r: SimulationResult): string {
  const h = r.scenario.hyperparameters;
  const hyper = Object.entries(h).map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(String(v))}</td></tr>`).join("");
  const rows = r.strategies.map((s) => {
    const f = r.float?.strategies.find((x) => x.label === s.label);
    return `<tr><td>${esc(s.label)}</td><td>${esc(s.type)}</td><td>${s.uids.length}</td><td>${alpha(s.dividends)}</td><td>${pct(s.relative_to_honest)}</td><td>${yesNo(s.paid)}</td>` +
      (r.float ? `<td>${pct(f?.float_relative ?? null)}</td><td>${f?.verdict_differs ? "<b>differs</b>" : "same"}</td>` : "") + "</tr>";
  }).join("");
  const miners = r.miner_groups.map((m) => `<tr><td>${esc(m.label)}</td><td>${m.uids.length}</td><td>${alpha(m.incentive_emission)}</td></tr>`).join("");
  const hasOthers = r.strategies.some((s) => s.type !== "honest") && r.validators.some((v) => v.strategy === "honest");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>taomath lab: ${esc(r.scenario.name)}</title>
<style>body{font-family:sans-serif;max-width:780px;margin:24px auto;padding:0 12px;color:#111}table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;font-size:13px}th{background:#f3f4f6}svg{display:block;margin:12px 0}.muted{color:#555;font-size:13px}</style>
</head><body>
<h1>Yuma lab: ${esc(r.scenario.name)}</h1>
<p>${esc(r.scenario.description)}</p>
<p class="muted">${r.scenario.epochs} epochs, ${r.scenario.n} uids (${r.validators.length} validators, ${r.miners.length} miners), seed ${r.scenario.seed}. Every epoch ran through taomath's bit-exact epoch (subtensor epoch_mechanism) on the storage the chain would hold.</p>
<h2>Strategies</h2>
<table><tr><th>strategy</th><th>type</th><th>validators</th><th>dividends (alpha)</th><th>vs honest, per stake</th><th>paid</th>${r.float ? "<th>float64 vs honest</th><th>verdict</th>" : ""}</tr>${rows}</table>
<h2>Miners</h2><table><tr><th>group</th><th>uids</th><th>incentive emission (alpha)</th></tr>${miners}</table>
${dividendsChart(r)}
${hasOthers ? relativeChart(r) : ""}
${bondsChart(r)}
${floatDiffChart(r)}
<h2>Hyperparameters</h2><table>${hyper}</table>
<p class="muted">taomath simulate; exact values in the JSON results (--out), each epoch checkable with --export-epochs and taomath epoch.</p>
</body></html>
`;
}
