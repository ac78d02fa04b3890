// The runtime-473 superellipse pool: a single quote, batched quotes and a limit-price fill in the
// wasm core, beside a plain JavaScript BigInt restatement of the same formulas
// (test/helpers/superellipse_bigint.mjs) measured in the same run. The chain's own code, compiled
// natively (../shared/spec/runtimes.md §8): buy_output 0.96 µs, a whole sim_swap 2.39 µs
// (reserves 1e15 rao TAO / 3e15 rao alpha, 1 TAO in).

import { taomath } from "../dist/index.js";
import { quoteStake, quoteStakeBatch } from "../dist/pool/index.js";
import * as js from "../test/helpers/superellipse_bigint.mjs";
import { median, table } from "./lib.mjs";

/**
 * Median milliseconds of fn, in CPU time of this process (user + system): the bench machine is
 * shared, and wall time would count the time other processes hold the core.
 */
function timeMs(fn, { runs = 21, warmup = 3 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const t = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    t.push((c.user + c.system) / 1000);
  }
  return median(t);
}

const MAX_PRICE = 1_000_000_000_000_000n;

function amounts(n, seed) {
  const a = new Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) { x = (x * 1103515245 + 12345) % 2147483648; a[i] = BigInt(1 + (x % 1000)) * 10_000_000n; } // 0.01 .. 10 TAO
  return a;
}

const us = (ms) => (ms * 1000).toFixed(2);
const qps = (ms) => Math.round(1000 / ms).toLocaleString("en-US");

function poolAt(quoteWeight) {
  const tao = 1_000_000_000_000_000n, alpha = 3_000_000_000_000_000n;
  const e = js.fromWeights(alpha, tao, quoteWeight);
  const ellipse = { alpha_scale: e.a, tao_scale: e.b, center_alpha: e.ca, center_tao: e.ct };
  return { pool: { taoReserve: tao, alphaReserve: alpha, quoteWeight, ellipse }, ref: { tao, alpha, feeRate: 33, minimumReserve: 1_000_000n }, e };
}

function quotes(label, quoteWeight, nBatch, nSingle, nJs) {
  const { pool, ref, e } = poolAt(quoteWeight);
  const batch = amounts(nBatch, 11), single = batch.slice(0, nSingle), few = batch.slice(0, nJs);
  const b = quoteStakeBatch(pool, few);
  for (let i = 0; i < few.length; i++) {
    const r = js.simSwap(ref, e, true, few[i], MAX_PRICE);
    if (r.paidOut !== b.amountOut[i] || quoteStake(pool, few[i]).amountOut !== r.paidOut) throw new Error(`${label}: wasm and BigInt disagree at ${few[i]}`);
  }
  const tBatch = timeMs(() => quoteStakeBatch(pool, batch), { runs: 7, warmup: 1 }) / nBatch;
  const tSingle = timeMs(() => { for (const a of single) quoteStake(pool, a); }, { runs: 7, warmup: 1 }) / nSingle;
  const tJs = timeMs(() => { for (const a of few) js.simSwap(ref, e, true, a, MAX_PRICE); }, { runs: 5, warmup: 1 }) / nJs;
  // one buy_output alone, the chain's 0.96 µs figure
  const ec = (taomath()).ellipse;
  const tOut = timeMs(() => { for (const a of single) ec.trade("buy_output", pool.ellipse, pool.alphaReserve, pool.taoReserve, a); }, { runs: 7, warmup: 1 }) / nSingle;
  const tOutJs = timeMs(() => { for (const a of few) js.output(e, ref.alpha, ref.tao, a, true); }, { runs: 5, warmup: 1 }) / nJs;
  return [
    { pool: label, method: "wasm batched quoteStakeBatch (sim_swap each)", "µs/quote": us(tBatch), "quotes/s": qps(tBatch), "vs JS BigInt": (tJs / tBatch).toFixed(1) + "x" },
    { pool: label, method: "wasm single quoteStake() (sim_swap)", "µs/quote": us(tSingle), "quotes/s": qps(tSingle), "vs JS BigInt": (tJs / tSingle).toFixed(1) + "x" },
    { pool: label, method: "plain JS BigInt sim_swap (baseline)", "µs/quote": us(tJs), "quotes/s": qps(tJs), "vs JS BigInt": "1.0x" },
    { pool: label, method: "wasm buy_output (one call each)", "µs/quote": us(tOut), "quotes/s": qps(tOut), "vs JS BigInt": (tOutJs / tOut).toFixed(1) + "x" },
    { pool: label, method: "plain JS BigInt buy_output (baseline)", "µs/quote": us(tOutJs), "quotes/s": qps(tOutJs), "vs JS BigInt": "1.0x" },
  ];
}

/** A stake whose limit price binds: the swap step's integer bisection on the post-trade price. */
function limitFill(label, quoteWeight) {
  const { pool, ref, e } = poolAt(quoteWeight);
  const spot = js.price(e, ref.alpha, ref.tao);
  // limits 0.1 % .. 2 % above spot, in rao per alpha; stakes of 100k TAO so that each one binds
  const limits = Array.from({ length: 20 }, (_, i) => ((spot * (1000n + 1n + BigInt(i))) / 1000n * 1_000_000_000n) >> 64n);
  const amount = 100_000_000_000_000n;
  for (const l of limits.slice(0, 3)) {
    const w = quoteStake(pool, amount, { limitPriceRao: l }), r = js.simSwap(ref, e, true, amount, l);
    if (w.paidIn !== r.paidIn || w.amountOut !== r.paidOut || w.paidIn >= amount - w.fee) throw new Error(`${label}: limit fill disagrees or does not bind at ${l}`);
  }
  const tW = timeMs(() => { for (const l of limits) quoteStake(pool, amount, { limitPriceRao: l }); }, { runs: 5, warmup: 1 }) / limits.length;
  const few = limits.slice(0, 4);
  const tJ = timeMs(() => { for (const l of few) js.simSwap(ref, e, true, amount, l); }, { runs: 3, warmup: 1 }) / few.length;
  // the limit search alone: the bracketed search against the chain's full bisection, both in wasm
  const ec = (taomath()).ellipse;
  const targets = limits.map((l) => (l << 64n) / 1_000_000_000n);
  const search = (fn) => timeMs(() => { for (const t of targets) ec.trade(fn, pool.ellipse, ref.alpha, ref.tao, t); }, { runs: 5, warmup: 1 }) / targets.length;
  const tFast = search("quote_delta_to_price"), tChain = search("quote_delta_to_price_bisect");
  return [
    { pool: label, method: "wasm quoteStake, limit binds", "µs/fill": us(tW), "fills/s": qps(tW), "vs JS BigInt": (tJ / tW).toFixed(1) + "x" },
    { pool: label, method: "  wasm quote_delta_to_price alone (bracketed)", "µs/fill": us(tFast), "fills/s": qps(tFast), "vs JS BigInt": "" },
    { pool: label, method: "  wasm quote_delta_to_price, chain's full bisection", "µs/fill": us(tChain), "fills/s": qps(tChain), "vs JS BigInt": "" },
    { pool: label, method: "plain JS BigInt (baseline)", "µs/fill": us(tJ), "fills/s": qps(tJ), "vs JS BigInt": "1.0x" },
  ];
}

export async function run() {
  console.log("\n(superellipse: medians of CPU time, wasm and the JS BigInt baseline in the same run)");
  table("Superellipse (runtime 473) quotes: 0.01..10 TAO on a 1M TAO / 3M alpha pool, fee 33 (targets: single < 2 µs, batched >= 2 M/s; chain native: buy_output 0.96 µs, sim_swap 2.39 µs)", [
    ...quotes("w = 0.5", 500_000_000_000_000_000n, 50_000, 5_000, 2_000),
    ...quotes("w = 0.43", 430_000_000_000_000_000n, 50_000, 5_000, 2_000),
  ]);
  table("Superellipse limit-price fill (target < 50 µs)", [
    ...limitFill("w = 0.5", 500_000_000_000_000_000n),
    ...limitFill("w = 0.43", 430_000_000_000_000_000n),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
