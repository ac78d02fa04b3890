// Block emissions per second: the wasm core's get_block_emission_for_issuance (I96F32 division,
// substrate-fixed log2 halvings) stepping block by block, against the same algorithm in plain JS
// BigInt and a float shortcut, all measured in this run. Also the cost of a 20-year projection.

import { taomath } from "../dist/index.js";
import { emissionOf, projectEmission } from "../dist/emission/index.js";
import { timeMs, table } from "./lib.mjs";

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

export async function run() {
  const tm = taomath();
  const e = emissionOf(tm);
  const N = 1_000_000;
  const start = 10_000_000_000_000_000n;
  // agreement first: the three stepping loops end at the same issuance
  const wasmEnd = e.run(start, N).issuance;
  let s = start;
  for (let i = 0; i < N; i++) s += blockEmissionBigInt(s);
  if (s !== wasmEnd) throw new Error(`BigInt baseline disagrees: ${s} vs ${wasmEnd}`);

  const wasmMs = timeMs(() => e.run(start, N), { runs: 7, warmup: 2 });
  const bigMs = timeMs(() => { let t = start; for (let i = 0; i < N; i++) t += blockEmissionBigInt(t); return t; }, { runs: 3, warmup: 1 });
  const fMs = timeMs(() => { let t = Number(start); for (let i = 0; i < N; i++) t += blockEmissionFloat(t); return t; }, { runs: 7, warmup: 2 });
  const rate = (ms) => `${((N / ms) * 1000 / 1e6).toFixed(2)} M/s`;
  table(`block emission, ${N.toLocaleString("en-US")} consecutive blocks from 10M TAO`, [
    { implementation: "taomath wasm (bit-exact)", "median ms": wasmMs.toFixed(1), "blocks/s": rate(wasmMs), "vs BigInt": `${(bigMs / wasmMs).toFixed(1)}x faster` },
    { implementation: "plain JS BigInt (bit-exact)", "median ms": bigMs.toFixed(1), "blocks/s": rate(bigMs), "vs BigInt": "1.0x" },
    { implementation: "JS float (not exact)", "median ms": fMs.toFixed(1), "blocks/s": rate(fMs), "vs BigInt": `${(bigMs / fMs).toFixed(1)}x faster` },
  ]);
  const projMs = timeMs(() => projectEmission(tm, start, { years: 20, recycledPerDay: 500_000_000_000n }), { runs: 7, warmup: 2 });
  table("supply projection", [
    { what: "20 years (7305 days, 52.6M blocks, exact per block) with recycling", "median ms": projMs.toFixed(1) },
  ]);

  // the network model's blocks per second: bench/network.bench.mjs
}
