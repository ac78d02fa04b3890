// The epoch the way float simulators compute it (yuma-simulation and spreadsheets): float64 shares,
// consensus by sorting scores and accumulating stake until 1 - kappa, bonds kept as floats between
// epochs (never quantised to u16 as the chain stores them). Same steps as epoch_mechanism
// (run_epoch.rs), so differences from the exact run are the chain's fixed-point arithmetic and
// storage rounding, not a different algorithm. Runs inside the lab beside the exact epoch.

import type { EpochInput, SparseRowU16 } from "../bindings/epoch.js";
import type { EpochEngine } from "./runner.js";
import { emptyCsr } from "./storage.js";

type Row = Array<[number, number]>;

export interface FloatEpoch {
  consensus: Float64Array;
  incentive: Float64Array;
  dividends: Float64Array;
  validator_trust: Float64Array;
  server_emission: Float64Array;
  validator_emission: Float64Array;
  validator_permit: boolean[];
  /** the float bonds this engine carries to the next epoch */
  bonds: Row[];
}

const num = (x: unknown) => Number(x as bigint);

function normalize<T extends Float64Array>(v: T): T {
  let s = 0;
  for (const x of v) s += x;
  if (s > 0) for (let i = 0; i < v.length; i++) v[i] /= s;
  return v;
}

/** Column-normalises in place (every caller passes pairs it owns) and returns the same rows. */
function colNormalize(m: Row[], n: number): Row[] {
  const s = new Float64Array(n);
  for (const row of m) for (const e of row) s[e[0]] += e[1];
  for (const row of m) for (const e of row) if (s[e[0]] > 0) e[1] /= s[e[0]];
  return m;
}

/** One float64 epoch on `inp`, reading bonds from `prev` (the engine's own float bonds). */
export function floatEpoch(inp: EpochInput, prev: Row[]): FloatEpoch {
  const n = inp.n;
  const block = num(inp.current_block), tempo = inp.tempo;
  const lu = Array.from({ length: n }, (_, i) => (i < inp.last_update.length ? num(inp.last_update[i]) : 0));
  const reg = inp.block_at_registration.map(num);
  const tw = num(inp.tao_weight) / 18446744073709551615;
  const owner = inp.owner_uid;
  const thr = num(inp.stake_threshold);
  const stake = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = num(inp.alpha_stake[i]) + num(inp.tao_stake[i]) * tw;
    stake[i] = i !== owner && s < thr ? 0 : s;
  }
  normalize(stake);
  const permit = (i: number) => (i < inp.validator_permit.length && inp.validator_permit[i]) || i === owner;
  const cutoff = num(inp.activity_cutoff);
  const act = new Float64Array(n);
  for (let i = 0; i < n; i++) act[i] = lu[i] + cutoff >= block && permit(i) ? stake[i] : 0;
  normalize(act);
  // new permits: the top max_allowed_validators non-zero stakes (ties to the higher uid)
  const order = Array.from({ length: n }, (_, i) => i).filter((i) => stake[i] > 0).sort((a, b) => stake[b] - stake[a] || b - a);
  const newPermit = Array(n).fill(false);
  for (const i of order.slice(0, inp.max_allowed_validators)) newPermit[i] = true;
  if (owner !== null && owner < n) newPermit[owner] = true;

  const cr = inp.commit_reveal_enabled && inp.commit_blocks !== null;
  const W: Row[] = inp.weights.map((row, i) => {
    if (!permit(i)) return [];
    const cb = cr ? inp.commit_blocks![i] : null;
    const r = (row as SparseRowU16).filter(([j]) => j < n && (j !== i || i === owner) && lu[i] > reg[j] && !(cb !== null && cb !== undefined && num(cb) < reg[j]));
    const s = r.reduce((a, [, w]) => a + w, 0);
    return r.map(([j, w]) => [j, s > 0 ? w / s : 0] as [number, number]);
  });
  const kappa = inp.kappa / 65535;
  const cols: Array<Array<[number, number]>> = Array.from({ length: n }, () => []);
  W.forEach((row, i) => { if (act[i] > 0) for (const [j, w] of row) cols[j].push([w, act[i]]); });
  const consensus = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const c = cols[j];
    if (c.length === 0) continue;
    c.sort((a, b) => a[0] - b[0]);
    let acc = 1 - c.reduce((a, [, s]) => a + s, 0); // validators without an entry vote 0
    let k = 0;
    while (k < c.length && acc < 1 - kappa) { acc += c[k][1]; k++; }
    consensus[j] = acc >= 1 - kappa && k > 0 ? c[k - 1][0] : 0;
  }
  const clipped = W.map((row) => row.map(([j, w]) => [j, Math.min(w, consensus[j])] as [number, number]));
  const vtrust = new Float64Array(n);
  const ranks = new Float64Array(n);
  clipped.forEach((row, i) => { for (const [j, w] of row) { vtrust[i] += w; ranks[j] += act[i] * w; } });
  const incentive = normalize(ranks);
  const beta = inp.bonds_penalty / 65535;
  const Wb: Row[] = W.map((row, i) => row.map(([j, w], k) => [j, w * (1 - beta) + clipped[i][k][1] * beta] as [number, number]));
  const lms = num(inp.last_mechanism_step_block);
  const lastTempo = lms === 0 ? Math.max(0, block - tempo) : lms + 1;
  // copies: the classic path normalises these pairs in place
  const B: Row[] = Array.from({ length: n }, (_, i) => (prev[i] ?? []).filter(([j]) => j < n && !(lastTempo <= reg[j])).map(([j, v]) => [j, v] as [number, number]));
  const alpha = 1 - num(inp.bonds_moving_average) / 1e6;
  let dividends: Float64Array = new Float64Array(n);
  let ema: Row[];
  if (inp.yuma3_enabled) {
    const lo = inp.alpha_low / 65535, hi = inp.alpha_high / 65535, steep = inp.alpha_sigmoid_steepness;
    const liquid = inp.liquid_alpha_enabled && consensus.some((c) => c > 0);
    ema = Wb.map((row, i) => {
      const old = new Map(B[i]);
      const keys = new Set([...old.keys(), ...row.map(([j]) => j)]);
      const w = new Map(row);
      return [...keys].sort((a, b) => a - b).map((j) => {
        const b = old.get(j) ?? 0, x = w.get(j) ?? 0;
        let a = alpha;
        if (liquid) {
          const d = x >= b ? Math.min(Math.max(x - consensus[j], 0), 1) : Math.min(Math.max(b - x, 0), 1);
          const sig = 1 / (1 + Math.exp((steep / -100) * (d - 0.5)));
          a = Math.min(Math.max(lo + sig * (hi - lo), lo), hi);
        }
        return [j, Math.min(a * x + (1 - a) * b, 1)] as [number, number];
      }).filter(([, v]) => v > 0);
    });
    const norm = colNormalize(ema.map((row) => row.map(([j, v]) => [j, v] as [number, number])), n); // ema itself is carried
    norm.forEach((row, i) => { let t = 0; for (const [j, v] of row) t += v * incentive[j]; dividends[i] = t * act[i]; });
  } else {
    const Bn = colNormalize(B, n);
    const dB = colNormalize(Wb.map((row, i) => row.map(([j, w]) => [j, w * act[i]] as [number, number])), n);
    ema = colNormalize(dB.map((row, i) => {
      const acc = new Map<number, number>();
      for (const [j, v] of row) acc.set(j, (acc.get(j) ?? 0) + alpha * v);
      for (const [j, v] of Bn[i]) acc.set(j, (acc.get(j) ?? 0) + (1 - alpha) * v);
      return [...acc].filter(([, v]) => v > 0).sort((a, b) => a[0] - b[0]);
    }), n);
    ema.forEach((row, i) => { let t = 0; for (const [j, v] of row) t += v * incentive[j]; dividends[i] = t; });
  }
  dividends = normalize(dividends);
  // bonds of uids that lost their permit are dropped, as the chain writes an empty row for them
  ema = ema.map((row, i) => (newPermit[i] ? row : []));
  const rao = num(inp.rao_emission);
  let esum = 0;
  for (let i = 0; i < n; i++) esum += incentive[i] + dividends[i];
  const server = new Float64Array(n), validator = new Float64Array(n);
  if (esum > 0) for (let i = 0; i < n; i++) { server[i] = (incentive[i] / esum) * rao; validator[i] = (dividends[i] / esum) * rao; }
  else {
    const base = act.some((x) => x > 0) ? act : stake;
    for (let i = 0; i < n; i++) validator[i] = base[i] * rao;
  }
  return { consensus, incentive, dividends, validator_trust: vtrust, server_emission: server, validator_emission: validator, validator_permit: newPermit, bonds: ema };
}

/** The float engine for runPlan: carries its own float bonds from epoch to epoch (storage keeps none). */
export function floatEngine(n: number): EpochEngine<FloatEpoch> {
  let bonds: Row[] = Array.from({ length: n }, () => []);
  const empty = emptyCsr(n);
  return {
    run(_storage, _e, plain) {
      const r = floatEpoch(plain(), bonds);
      bonds = r.bonds;
      return r;
    },
    consensus: (r) => Array.from(r.consensus, (c) => c * 65535),
    persist: (r, storage) => storage.persist(empty, Uint8Array.from(r.validator_permit, (p) => (p ? 1 : 0))),
    output: (r) => r,
  };
}
