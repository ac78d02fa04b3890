// Inline SVG line charts for the lab's HTML report and docs: no script, no network, no fonts
// beyond the page's own.

export interface Series { name: string; values: ArrayLike<number>; dashed?: boolean; color?: string }

const PALETTE = ["#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#4b5563"];

export const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function tick(x: number): string {
  if (x === 0) return "0";
  const a = Math.abs(x);
  return a >= 1000 || a < 0.001 ? x.toExponential(1) : Number(x.toPrecision(3)).toString();
}

/** A line chart of series over epochs (x = index), with axes, ticks and a legend. */
export function lineChart(title: string, series: Series[], opts: { width?: number; height?: number; yLabel?: string; xLabel?: string; x0?: number } = {}): string {
  const W = opts.width ?? 720, H = opts.height ?? 300, L = 64, R = 16, T = 28, B = 44 + 16 * Math.ceil(series.length / 3);
  const len = Math.max(1, ...series.map((s) => s.values.length));
  let lo = Infinity, hi = -Infinity;
  for (const s of series) for (let i = 0; i < s.values.length; i++) { const v = s.values[i]; if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); } }
  if (!Number.isFinite(lo)) { lo = 0; hi = 1; }
  if (lo > 0 && lo < hi * 0.5) lo = 0;
  if (hi === lo) { hi = lo + (lo === 0 ? 1 : Math.abs(lo) * 0.1); }
  const pw = W - L - R, ph = H - T - B;
  const x = (i: number) => L + (len <= 1 ? 0 : (i / (len - 1)) * pw);
  const y = (v: number) => T + ph - ((v - lo) / (hi - lo)) * ph;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(title)}" font-family="sans-serif" font-size="11">`);
  parts.push(`<rect width="${W}" height="${H}" fill="#fff"/><text x="${L}" y="16" font-size="13" font-weight="bold">${esc(title)}</text>`);
  for (let k = 0; k <= 4; k++) {
    const v = lo + ((hi - lo) * k) / 4, yy = y(v).toFixed(1);
    parts.push(`<line x1="${L}" x2="${W - R}" y1="${yy}" y2="${yy}" stroke="#e5e7eb"/><text x="${L - 6}" y="${yy}" text-anchor="end" dominant-baseline="middle">${tick(v)}</text>`);
  }
  if (lo < 0 && hi > 0) parts.push(`<line x1="${L}" x2="${W - R}" y1="${y(0).toFixed(1)}" y2="${y(0).toFixed(1)}" stroke="#6b7280" stroke-dasharray="2 2"/>`);
  const xt = Math.min(len - 1, 8);
  for (let k = 0; k <= xt; k++) {
    const i = xt === 0 ? 0 : Math.round(((len - 1) * k) / xt);
    parts.push(`<text x="${x(i).toFixed(1)}" y="${T + ph + 14}" text-anchor="middle">${i + (opts.x0 ?? 0)}</text>`);
  }
  parts.push(`<line x1="${L}" x2="${L}" y1="${T}" y2="${T + ph}" stroke="#111"/><line x1="${L}" x2="${W - R}" y1="${T + ph}" y2="${T + ph}" stroke="#111"/>`);
  parts.push(`<text x="${L + pw / 2}" y="${T + ph + 30}" text-anchor="middle">${esc(opts.xLabel ?? "epoch")}</text>`);
  if (opts.yLabel) parts.push(`<text transform="translate(12 ${T + ph / 2}) rotate(-90)" text-anchor="middle">${esc(opts.yLabel)}</text>`);
  series.forEach((s, k) => {
    const color = s.color ?? PALETTE[k % PALETTE.length];
    const pts: string[] = [];
    for (let i = 0; i < s.values.length; i++) if (Number.isFinite(s.values[i])) pts.push(`${x(i).toFixed(1)},${y(s.values[i]).toFixed(1)}`);
    parts.push(`<polyline fill="none" stroke="${color}" stroke-width="1.8"${s.dashed ? ' stroke-dasharray="5 3"' : ""} points="${pts.join(" ")}"/>`);
    const lx = L + (k % 3) * (pw / 3), ly = T + ph + 44 + 16 * Math.floor(k / 3);
    parts.push(`<line x1="${lx}" x2="${lx + 18}" y1="${ly - 4}" y2="${ly - 4}" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 3"' : ""}/><text x="${lx + 24}" y="${ly}">${esc(s.name)}</text>`);
  });
  parts.push("</svg>");
  return parts.join("");
}
