// Block emissions: the wasm core's get_block_emission_for_issuance (I96F32 division, substrate-fixed
// log2 halvings) stepping block by block, against the same algorithm in plain JS BigInt measured in
// this run (a float shortcut, not exact, shown for reference), swept over the starting issuance (no
// halving yet, 10M TAO, just before the second and in the fourth halving); and a one-year supply
// projection with daily recycling against the same loop in BigInt (both checked equal).

import { taomath } from "../dist/index.js";
import { emissionOf, projectEmission } from "../dist/emission/index.js";
import { timeMs, report } from "./lib.mjs";

const SUPPLY = 21_000_000_000_000_000n;

/** The chain's algorithm on BigInt (same integer steps as the core). */
function blockEmissionBigInt(issuance) {
  if (issuance >= SUPPLY) return 0n;
  const q = (issuance << 32n) / SUPPLY;
  let x = (1n << 64n) / ((1n << 32n) - q);
  let k = 0n;
  while (x >= 2n << 32n) { k++; x = (x >> 1n) + (x & 1n); }
  return ((1n << (32n - k)) * 1_000_000_000n) >> 32n;
}

/** A float shortcut (not bit-exact at thresholds; shown only as a speed reference). */
function blockEmissionFloat(issuance) {
  if (issuance >= 21e15) return 0;
  const k = Math.floor(Math.log2(1 / (1 - issuance / 21e15)));
  return Math.floor(1e9 / 2 ** k);
}

const STARTS = [
  ["10M TAO", 10_000_000_000_000_000n],
  ["0 TAO", 0n],
  ["15.74M TAO (just before the second halving)", 15_749_000_000_000_000n],
  ["19.7M TAO (fourth halving)", 19_700_000_000_000_000n],
];
const BLOCKS_PER_DAY = 7200;

/** The projection's loop on BigInt: each day 7,200 blocks, then that day's recycling. */
function projectBigInt(issuance, recycled, days) {
  let t = issuance;
  for (let d = 0; d < days; d++) {
    for (let b = 0; b < BLOCKS_PER_DAY; b++) t += blockEmissionBigInt(t);
    t = t > recycled ? t - recycled : 0n;
  }
  return t;
}

export async function run() {
  const tm = taomath();
  const e = emissionOf(tm);
  const N = 1_000_000;
  const us = (ms) => (ms * 1000) / N;
  const points = STARTS.map(([label, start]) => {
    // agreement first: both stepping loops end at the same issuance
    const wasmEnd = e.run(start, N).issuance;
    let s = start;
    for (let i = 0; i < N; i++) s += blockEmissionBigInt(s);
    if (s !== wasmEnd) throw new Error(`BigInt baseline disagrees from ${label}: ${s} vs ${wasmEnd}`);
    return {
      label,
      t: us(timeMs(() => e.run(start, N), { runs: 5, warmup: 1 })),
      b: us(timeMs(() => { let t = start; for (let i = 0; i < N; i++) t += blockEmissionBigInt(t); return t; }, { runs: 1, warmup: 0 })),
      f: us(timeMs(() => { let t = Number(start); for (let i = 0; i < N; i++) t += blockEmissionFloat(t); return t; }, { runs: 3, warmup: 1 })),
    };
  });
  const w = points.reduce((a, p) => (p.t > a.t ? p : a));
  const days = 366, recycled = 500_000_000_000n, start = STARTS[0][1];
  const proj = e.project(start, recycled, days);
  if (projectBigInt(start, recycled, days) !== proj.daily_issuance[days - 1]) throw new Error("the BigInt projection disagrees with the core");
  const projMs = timeMs(() => projectEmission(tm, start, { years: 1, recycledPerDay: recycled }), { runs: 5, warmup: 1 });
  const projBig = timeMs(() => projectBigInt(start, recycled, days), { runs: 1, warmup: 0 });
  const projWorst = Math.max(...[0n, STARTS[2][1], STARTS[3][1]].map((s) => timeMs(() => projectEmission(tm, s, { years: 1, recycledPerDay: recycled }), { runs: 3, warmup: 1 })), projMs);
  report(`block emission (${N.toLocaleString("en-US")} consecutive blocks per start; median per block from 10M TAO, worst over ${STARTS.length} starting issuances)`, [
    { case: "get_block_emission_for_issuance, stepped block by block", unit: "µs/block", taomath: points[0].t, baseline: points[0].b, baselineWhat: "(JS BigInt)", worst: w.t, worstCase: `from ${w.label}` },
    { case: "supply projection, 1 year (2.6M blocks, exact per block) with daily recycling", unit: "ms", taomath: projMs, baseline: projBig, baselineWhat: "(JS BigInt, same loop)", worst: projWorst, worstCase: "slowest of 4 starting issuances" },
  ], [`A JS float shortcut (not exact at the halving thresholds) takes ${points[0].f.toFixed(4)} µs/block in the same run.`]);
}
