// What a user would write instead of taomath: the same epoch steps in plain JavaScript float64
// (sparse rows, a sort-based stake-weighted median, Math.exp for liquid alpha). Only a speed
// baseline for npm run bench; its numbers are close to the chain's, not equal.

export function epochFloat(inp) {
  const n = inp.n;
  const block = Number(inp.current_block);
  const cutoff = Number(inp.activity_cutoff);
  const lu = inp.last_update.map(Number);
  const reg = inp.block_at_registration.map(Number);
  const tw = Number(inp.tao_weight) / 18446744073709551615;
  const total = inp.alpha_stake.map((a, i) => Number(a) + Number(inp.tao_stake[i]) * tw);
  const thr = Number(inp.stake_threshold);
  let stake = total.map((s, i) => (i !== inp.owner_uid && s < thr ? 0 : s));
  const ssum = stake.reduce((a, b) => a + b, 0);
  if (ssum > 0) stake = stake.map((s) => s / ssum);
  const permit = (i) => i < inp.validator_permit.length && (inp.validator_permit[i] || i === inp.owner_uid);
  const active = lu.slice(0, n).map((u) => u + cutoff >= block);
  let act = stake.map((s, i) => (active[i] && permit(i) ? s : 0));
  const asum = act.reduce((a, b) => a + b, 0);
  if (asum > 0) act = act.map((s) => s / asum);

  // weights: masks and row normalisation
  const W = inp.weights.map((row, i) => {
    if (!permit(i)) return [];
    const r = row.filter(([j]) => j < n && (j !== i || i === inp.owner_uid) && !(lu[i] <= reg[j]));
    const s = r.reduce((a, [, w]) => a + w, 0);
    return s > 0 ? r.map(([j, w]) => [j, w / s]) : r.map(([j, w]) => [j, w]);
  });
  const kappa = inp.kappa / 65535;
  // consensus: stake-weighted median per column by sorting the scores of positive-stake validators
  const cols = Array.from({ length: n }, () => []);
  W.forEach((row, i) => { if (act[i] > 0) for (const [j, w] of row) cols[j].push([w, act[i]]); });
  const consensus = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const c = cols[j];
    if (c.length === 0) continue;
    c.sort((a, b) => a[0] - b[0]);
    let missing = 1 - c.reduce((a, [, s]) => a + s, 0); // validators with no entry vote 0
    let acc = missing, k = 0;
    while (k < c.length && acc < 1 - kappa) { acc += c[k][1]; k++; }
    consensus[j] = acc >= 1 - kappa && k > 0 ? c[k - 1][0] : 0;
  }
  const clipped = W.map((row) => row.map(([j, w]) => [j, Math.min(w, consensus[j])]).filter(([, w]) => w > 0));
  const vtrust = clipped.map((row) => row.reduce((a, [, w]) => a + w, 0));
  const ranks = new Float64Array(n);
  clipped.forEach((row, i) => { for (const [j, w] of row) ranks[j] += act[i] * w; });
  const rsum = ranks.reduce((a, b) => a + b, 0);
  const incentive = Array.from(ranks, (r) => (rsum > 0 ? r / rsum : 0));
  const beta = inp.bonds_penalty / 65535;
  const Wb = W.map((row, i) => {
    const cmap = new Map(clipped[i]);
    return row.map(([j, w]) => [j, w + beta * ((cmap.get(j) ?? 0) - w)]).filter(([, v]) => v > 0);
  });
  const alpha = 1 - Number(inp.bonds_moving_average) / 1e6;
  let dividends;
  let ema;
  if (inp.yuma3_enabled) {
    const B = inp.bonds.map((row) => new Map(row.map(([j, b]) => [j, b / 65535])));
    const lo = inp.alpha_low / 65535, hi = inp.alpha_high / 65535, steep = inp.alpha_sigmoid_steepness / -100;
    const liquid = inp.liquid_alpha_enabled && consensus.some((c) => c > 0);
    ema = Wb.map((row, i) => row.map(([j, w]) => {
      const b = B[i].get(j) ?? 0;
      let a = alpha;
      if (liquid) {
        const d = w >= b ? Math.min(Math.max(w - consensus[j], 0), 1) : Math.min(Math.max(b - w, 0), 1);
        const sig = 1 / (1 + Math.exp(steep * (d - 0.5)));
        a = Math.min(Math.max(lo + sig * (hi - lo), lo), hi);
      }
      return [j, Math.min((1 - a) * b + a * w, 1)];
    }));
    const csum = new Float64Array(n);
    ema.forEach((row) => { for (const [j, v] of row) csum[j] += v; });
    dividends = ema.map((row, i) => row.reduce((a, [j, v]) => a + (csum[j] > 0 ? v / csum[j] : 0) * incentive[j], 0) * act[i]);
  } else {
    const colNorm = (m) => {
      const s = new Float64Array(n);
      m.forEach((row) => { for (const [j, v] of row) s[j] += v; });
      return m.map((row) => row.map(([j, v]) => [j, s[j] > 0 ? v / s[j] : v]));
    };
    const B = colNorm(inp.bonds.map((row) => row.filter(([j]) => j < n && !(block - Number(inp.tempo) <= reg[j]))));
    const dB = colNorm(Wb.map((row, i) => row.map(([j, w]) => [j, w * act[i]])));
    ema = colNorm(dB.map((row, i) => {
      const acc = new Map();
      for (const [j, v] of row) acc.set(j, (acc.get(j) ?? 0) + alpha * v);
      for (const [j, v] of B[i]) acc.set(j, (acc.get(j) ?? 0) + (1 - alpha) * v);
      return [...acc].filter(([, v]) => v > 0).sort((a, b) => a[0] - b[0]);
    }));
    dividends = ema.map((row) => row.reduce((a, [j, v]) => a + v * incentive[j], 0));
  }
  const dsum = dividends.reduce((a, b) => a + b, 0);
  if (dsum > 0) dividends = dividends.map((d) => d / dsum);
  const rao = Number(inp.rao_emission);
  const esum = incentive.reduce((a, b, i) => a + b + dividends[i], 0);
  const server = incentive.map((x) => Math.floor((esum > 0 ? x / esum : 0) * rao));
  const validator = dividends.map((x) => Math.floor((esum > 0 ? x / esum : 0) * rao));
  return { incentive, dividends, consensus, vtrust, server, validator, ema };
}
