// An SVG chart of a supply projection: total issuance (TAO, left axis) and TAO minted per day
// (right axis) over the horizon, with a marker at each halving. When a baseline without recycling
// is given, its supply is drawn dashed so the shift of the halvings is visible. Plain SVG text,
// no dependencies; every number comes from the wasm projection.

import { TaomathError } from "../core/errors.js";
import type { EmissionProjection } from "./projection.js";

const W = 960, H = 480, L = 80, R = 80, T = 50, B = 60;
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const tao = (rao: bigint) => Number(rao) / 1e9;

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function fmt(v: number): string {
  if (v >= 1e6) return `${+(v / 1e6).toFixed(2)}M`;
  if (v >= 1e3) return `${+(v / 1e3).toFixed(1)}k`;
  return `${+v.toFixed(2)}`;
}

/** Renders the projection (and optionally a no-recycling baseline) as an SVG document. */
export function emissionChartSvg(p: EmissionProjection, baseline?: EmissionProjection): string {
  for (const [x, f] of [[p, "projection"], [baseline, "baseline"]] as const) {
    if (x === undefined && f === "baseline") continue;
    if (x === null || typeof x !== "object" || !Array.isArray(x.daily) || !Array.isArray(x.halvings)) {
      throw new TaomathError("invalid_type", f, "expected a projection from projectEmission");
    }
  }
  const days = p.daily.length;
  const pw = W - L - R, ph = H - T - B;
  const x = (d: number) => L + (pw * d) / Math.max(1, days);
  // a loop, not Math.max(...list): a 400-year projection has more days than a call can take arguments
  const most = (xs: number[]) => xs.reduce((m, x) => (x > m ? x : m), -Infinity);
  const supplyMax = niceMax(most([...p.daily.map((d) => tao(d.issuance)), ...(baseline?.daily.map((d) => tao(d.issuance)) ?? []), tao(p.issuance)]));
  const mintMax = niceMax(most([...p.daily.map((d) => tao(d.minted)), ...(baseline?.daily.map((d) => tao(d.minted)) ?? [])]));
  const ys = (v: number) => T + ph - (ph * v) / supplyMax;
  const ym = (v: number) => T + ph - (ph * v) / mintMax;
  const path = (pts: Array<[number, number]>) => "M" + pts.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join("L");
  // at most ~2000 points per line: sample evenly, always keeping the last day
  const step = Math.max(1, Math.ceil(days / 2000));
  const sample = <T>(arr: T[]) => arr.filter((_, i) => i % step === 0 || i === arr.length - 1);
  const supply = path([[x(0), ys(tao(p.issuance))], ...sample(p.daily).map((d) => [x(d.day), ys(tao(d.issuance))] as [number, number])]);
  const mint = path(sample(p.daily).map((d) => [x(d.day - 1), ym(tao(d.minted))] as [number, number]));
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  const title = `TAO supply projection from ${fmt(tao(p.issuance))} TAO` + (p.recycled_per_day > 0n ? `, ${fmt(tao(p.recycled_per_day))} TAO recycled per day` : ", no recycling");
  out.push(`<text x="${W / 2}" y="24" text-anchor="middle" font-size="15">${esc(title)}</text>`);
  // grid and axes
  for (let g = 0; g <= 5; g++) {
    const yv = T + (ph * g) / 5;
    out.push(`<line x1="${L}" y1="${yv}" x2="${L + pw}" y2="${yv}" stroke="#eee"/>`);
    out.push(`<text x="${L - 6}" y="${yv + 4}" text-anchor="end" fill="#1f5fbf">${fmt(supplyMax * (1 - g / 5))}</text>`);
    out.push(`<text x="${L + pw + 6}" y="${yv + 4}" fill="#c0392b">${fmt(mintMax * (1 - g / 5))}</text>`);
  }
  const years = days / 365.25;
  const ystep = years > 40 ? 10 : years > 16 ? 4 : years > 6 ? 2 : 1;
  for (let yr = 0; yr <= years + 1e-9; yr += ystep) {
    const xv = x(yr * 365.25);
    out.push(`<line x1="${xv}" y1="${T + ph}" x2="${xv}" y2="${T + ph + 5}" stroke="#333"/>`);
    out.push(`<text x="${xv}" y="${T + ph + 18}" text-anchor="middle">${new Date(Date.parse(p.start_date) + yr * 365.25 * 864e5).getUTCFullYear()}</text>`);
  }
  out.push(`<rect x="${L}" y="${T}" width="${pw}" height="${ph}" fill="none" stroke="#333"/>`);
  out.push(`<text x="18" y="${T + ph / 2}" transform="rotate(-90 18 ${T + ph / 2})" text-anchor="middle" fill="#1f5fbf">total issuance (TAO)</text>`);
  out.push(`<text x="${W - 14}" y="${T + ph / 2}" transform="rotate(90 ${W - 14} ${T + ph / 2})" text-anchor="middle" fill="#c0392b">TAO minted per day</text>`);
  // halvings
  for (const h of p.halvings) {
    const xv = x(Number(h.block_offset) / 7200);
    out.push(`<line x1="${xv.toFixed(1)}" y1="${T}" x2="${xv.toFixed(1)}" y2="${T + ph}" stroke="#888" stroke-dasharray="3,3"/>`);
    out.push(`<text x="${(xv + 3).toFixed(1)}" y="${T + 12}" fill="#555">halving ${h.halving}</text>`);
    out.push(`<text x="${(xv + 3).toFixed(1)}" y="${T + 24}" fill="#555">${h.date}</text>`);
  }
  if (baseline) {
    const bs = path([[x(0), ys(tao(baseline.issuance))], ...sample(baseline.daily).map((d) => [x(d.day), ys(tao(d.issuance))] as [number, number])]);
    out.push(`<path d="${bs}" fill="none" stroke="#1f5fbf" stroke-width="1.5" stroke-dasharray="6,4" opacity="0.6"/>`);
  }
  out.push(`<path d="${supply}" fill="none" stroke="#1f5fbf" stroke-width="2"/>`);
  out.push(`<path d="${mint}" fill="none" stroke="#c0392b" stroke-width="1.5"/>`);
  // legend
  const lx = L + 10, ly = T + ph - 50;
  out.push(`<rect x="${lx - 4}" y="${ly - 14}" width="290" height="${baseline ? 58 : 40}" fill="white" stroke="#ccc"/>`);
  out.push(`<line x1="${lx}" y1="${ly - 4}" x2="${lx + 24}" y2="${ly - 4}" stroke="#1f5fbf" stroke-width="2"/><text x="${lx + 30}" y="${ly}">supply (left axis)</text>`);
  out.push(`<line x1="${lx}" y1="${ly + 14}" x2="${lx + 24}" y2="${ly + 14}" stroke="#c0392b" stroke-width="1.5"/><text x="${lx + 30}" y="${ly + 18}">minted per day (right axis)</text>`);
  if (baseline) out.push(`<line x1="${lx}" y1="${ly + 32}" x2="${lx + 24}" y2="${ly + 32}" stroke="#1f5fbf" stroke-dasharray="6,4"/><text x="${lx + 30}" y="${ly + 36}">supply without recycling</text>`);
  out.push(`</svg>`);
  return out.join("\n") + "\n";
}
