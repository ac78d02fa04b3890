// Block emissions per second: the wasm core's get_block_emission_for_issuance (I96F32 division,
// substrate-fixed log2 halvings) stepping block by block, against the same algorithm in plain JS
// BigInt and a float shortcut, all measured in this run. Also the cost of a 20-year projection.

import { taomath, emissionOf, projectEmission, Network, stableOnlyPool, exampleNetworkSnapshot, exampleSubnet } from "../dist/index.js";
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

  // the network model (coinbase every block, epochs when due); no plain-JS twin exists, so the
  // row to compare with is the target: a year (2.63M blocks) of 128 subnets in 5 s
  const subnets = [];
  for (let i = 1; i <= 128; i++) {
    subnets.push({ netuid: i, mechanism: 0, tempo: 360, last_epoch_block: String(1000 - i), first_emission_block_number: "10", tao_reserve: "1000000000000", alpha_reserve: "1000000000000000", alpha_out: "0" });
  }
  const big = { block: "1000", total_issuance: "7000000000000000", subnets };
  const B = 500;
  const bigMsNet = timeMs(() => Network.fromSnapshot(tm, big).step(B, stableOnlyPool), { runs: 3, warmup: 1 });
  const small = exampleNetworkSnapshot(tm);
  const smallMs = timeMs(() => Network.fromSnapshot(tm, small).step(B, stableOnlyPool), { runs: 3, warmup: 1 });
  const perSec = (ms) => Math.round((B / ms) * 1000);
  table(`network model, ${B} blocks (conservation checked every block)`, [
    { network: "128 stable subnets, no uids (coinbase + schedule)", "blocks/s": perSec(bigMsNet), "a year (2.63M blocks)": `${(2_628_000 / perSec(bigMsNet) / 60).toFixed(0)} min`, "vs issue target 5 s/year": `${((2_628_000 / perSec(bigMsNet)) / 5).toFixed(0)}x slower` },
    { network: "5 subnets, 3 with 16-24 uids and epochs every 12-26 blocks", "blocks/s": perSec(smallMs), "a year (2.63M blocks)": `${(2_628_000 / perSec(smallMs) / 60).toFixed(0)} min`, "vs issue target 5 s/year": "-" },
  ]);
  // what the epochs alone cost over a year: 128 subnets at tempo 360 run 934k epochs
  const input = exampleSubnet(tm);
  const epochMs = timeMs(() => tm.runEpoch(input), { runs: 9, warmup: 2 });
  const epochsPerYear = Math.round((2_628_000 * 128) / 360);
  table("lower bound from the epochs alone (a year of 128 subnets at tempo 360)", [
    { what: `one epoch, ${input.n} uids (example subnet)`, "median ms": epochMs.toFixed(3), "epochs per year": epochsPerYear, "seconds per year": ((epochsPerYear * epochMs) / 1000).toFixed(0) },
  ]);
}
