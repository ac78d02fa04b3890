// The runtime-473 superellipse pool: a single quote, batched quotes and a limit-price fill in the
// wasm core, beside a plain JavaScript BigInt restatement of the same formulas
// (test/helpers/superellipse_bigint.mjs) measured in the same run, and the worst pool of a sweep
// of realistic pools (reserves 1e9..1e18 rao, TAO weights 0.01..0.99, amounts 1 rao .. the
// reserve). The chain's own code, compiled natively (../shared/spec/runtimes.md §8): buy_output
// 0.96 µs, a whole sim_swap 2.39 µs (reserves 1e15 rao TAO / 3e15 rao alpha, 1 TAO in).

import { taomath } from "../dist/index.js";
import { quoteStake, quoteStakeBatch } from "../dist/pool/index.js";
import * as js from "../test/helpers/superellipse_bigint.mjs";
import { median, report } from "./lib.mjs";

const NATIVE_SIM_SWAP_US = 2.39, NATIVE_BUY_OUTPUT_US = 0.96;

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
const FEE_RATE = 33, MIN_RESERVE = 1_000_000n;

/** 0.01 .. 10 TAO, a fixed pseudo-random sequence. */
function amounts(n, seed) {
  const a = new Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) { x = (x * 1103515245 + 12345) % 2147483648; a[i] = BigInt(1 + (x % 1000)) * 10_000_000n; }
  return a;
}

/** n amounts log-uniform over 1 rao .. max, a fixed pseudo-random sequence. */
function logAmounts(n, max, seed) {
  const a = new Array(n);
  let x = seed;
  const span = Math.log(Number(max));
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const v = BigInt(Math.floor(Math.exp((x / 2147483648) * span)));
    a[i] = v < 1n ? 1n : v > max ? max : v;
  }
  return a;
}

function poolOf(tao, alpha, quoteWeight) {
  const e = js.fromWeights(alpha, tao, quoteWeight);
  const ellipse = { alpha_scale: e.a, tao_scale: e.b, center_alpha: e.ca, center_tao: e.ct };
  return { pool: { taoReserve: tao, alphaReserve: alpha, quoteWeight, feeRate: FEE_RATE, minimumReserve: MIN_RESERVE, ellipse }, ref: { tao, alpha, feeRate: FEE_RATE, minimumReserve: MIN_RESERVE }, e };
}

/** The BigInt baseline's sim_swap, or its error as a string. */
function jsQuote(ref, e, amount) {
  try { return js.simSwap(ref, e, true, amount, MAX_PRICE).paidOut; } catch (err) { return String(err); }
}

/** Whether the wasm batch, the wasm single quote and the BigInt baseline agree on each amount. */
function crossCheck(label, pool, ref, e, few) {
  const b = quoteStakeBatch(pool, few);
  for (let i = 0; i < few.length; i++) {
    const want = jsQuote(ref, e, few[i]);
    const got = b.error[i] === null ? b.amountOut[i] : b.error[i];
    if (got !== want) throw new Error(`${label}: wasm batch ${got} and BigInt ${want} disagree at ${few[i]}`);
    if (typeof want === "bigint" && quoteStake(pool, few[i]).amountOut !== want) throw new Error(`${label}: wasm single quote and BigInt disagree at ${few[i]}`);
  }
}

const TAO = 1_000_000_000_000_000n, ALPHA = 3_000_000_000_000_000n;

/** Quotes of 0.01..10 TAO on the 1M TAO / 3M alpha pool at one weight, µs per quote. */
function headline(quoteWeight) {
  const { pool, ref, e } = poolOf(TAO, ALPHA, quoteWeight);
  const batch = amounts(50_000, 11), single = batch.slice(0, 5_000), few = batch.slice(0, 2_000);
  crossCheck(`w = ${quoteWeight}`, pool, ref, e, few);
  const ec = taomath().ellipse;
  return {
    batch: timeMs(() => quoteStakeBatch(pool, batch), { runs: 15, warmup: 2 }) * 1000 / batch.length,
    single: timeMs(() => { for (const a of single) quoteStake(pool, a); }, { runs: 15, warmup: 2 }) * 1000 / single.length,
    js: timeMs(() => { for (const a of few) jsQuote(ref, e, a); }, { runs: 5, warmup: 1 }) * 1000 / few.length,
    out: timeMs(() => { for (const a of single) ec.trade("buy_output", pool.ellipse, pool.alphaReserve, pool.taoReserve, a); }, { runs: 7, warmup: 1 }) * 1000 / single.length,
    outJs: timeMs(() => { for (const a of few) js.output(e, ref.alpha, ref.tao, a, true); }, { runs: 5, warmup: 1 }) * 1000 / few.length,
  };
}

/**
 * Every pool of the sweep: batched and single µs per quote of amounts log-uniform over 1 rao ..
 * the TAO reserve, and the BigInt baseline on the same pool; each pool cross-checked first.
 */
function sweep() {
  const reserves = [1_000_000_000n, 1_000_000_000_000n, 1_000_000_000_000_000n, 1_000_000_000_000_000_000n];
  const weights = [10n ** 16n, 10n ** 17n, 5n * 10n ** 17n, 9n * 10n ** 17n, 99n * 10n ** 16n];
  const rows = [];
  for (const tao of reserves) for (const alpha of reserves) for (const w of weights) {
    const { pool, ref, e } = poolOf(tao, alpha, w);
    const label = `tao 1e${tao.toString().length - 1}, alpha 1e${alpha.toString().length - 1}, w ${Number(w) / 1e18}`;
    const batch = logAmounts(4_000, tao, 7), few = batch.slice(0, 100);
    crossCheck(label, pool, ref, e, few);
    // single quotes of amounts the chain accepts (a rejected one costs the thrown error, measured nowhere here)
    const ok = quoteStakeBatch(pool, batch), single = batch.filter((_, i) => ok.error[i] === null).slice(0, 400);
    const timeBatch = (runs) => timeMs(() => quoteStakeBatch(pool, batch), { runs, warmup: 1 }) * 1000 / batch.length;
    const timeSingle = (runs) => (single.length === 0 ? NaN : timeMs(() => { for (const a of single) quoteStake(pool, a); }, { runs, warmup: 2 }) * 1000 / single.length);
    rows.push({
      label, timeBatch, timeSingle,
      batch: timeBatch(5),
      single: timeSingle(7),
      js: timeMs(() => { for (const a of few) jsQuote(ref, e, a); }, { runs: 3, warmup: 1 }) * 1000 / few.length,
    });
  }
  // a shared machine lifts a few medians at random: the five slowest pools of each kind are timed
  // again with three times the runs, and that figure stands for them
  for (const [k, again] of [["batch", "timeBatch"], ["single", "timeSingle"]]) {
    const slow = rows.filter((r) => Number.isFinite(r[k])).sort((a, b) => b[k] - a[k]).slice(0, 5);
    for (const r of slow) r[k] = r[again](k === "batch" ? 15 : 21);
  }
  return rows;
}

/** A stake whose limit price binds: the swap step's integer bisection on the post-trade price, µs per fill. */
function limitFill(quoteWeight) {
  const { pool, ref, e } = poolOf(TAO, ALPHA, quoteWeight);
  const spot = js.price(e, ref.alpha, ref.tao);
  // limits 0.1 % .. 2 % above spot, in rao per alpha; stakes of 100k TAO so that each one binds
  const limits = Array.from({ length: 20 }, (_, i) => ((spot * (1000n + 1n + BigInt(i))) / 1000n * 1_000_000_000n) >> 64n);
  const amount = 100_000_000_000_000n;
  for (const l of limits.slice(0, 3)) {
    const w = quoteStake(pool, amount, { limitPriceRao: l }), r = js.simSwap(ref, e, true, amount, l);
    if (w.paidIn !== r.paidIn || w.amountOut !== r.paidOut || w.paidIn >= amount - w.fee) throw new Error(`w = ${quoteWeight}: limit fill disagrees or does not bind at ${l}`);
  }
  const ec = taomath().ellipse;
  const targets = limits.map((l) => (l << 64n) / 1_000_000_000n);
  const search = (fn) => timeMs(() => { for (const t of targets) ec.trade(fn, pool.ellipse, ref.alpha, ref.tao, t); }, { runs: 5, warmup: 1 }) * 1000 / targets.length;
  const few = limits.slice(0, 4);
  return {
    fill: timeMs(() => { for (const l of limits) quoteStake(pool, amount, { limitPriceRao: l }); }, { runs: 5, warmup: 1 }) * 1000 / limits.length,
    js: timeMs(() => { for (const l of few) js.simSwap(ref, e, true, amount, l); }, { runs: 3, warmup: 1 }) * 1000 / few.length,
    fast: search("quote_delta_to_price"),
    chain: search("quote_delta_to_price_bisect"),
  };
}

export async function run() {
  console.log("\n(superellipse: medians of CPU time, wasm and the JS BigInt baseline in the same run)");
  const h5 = headline(500_000_000_000_000_000n), h43 = headline(430_000_000_000_000_000n);
  const pools = sweep();
  // (a pool where the chain rejects every amount has no single-quote figure)
  const worstOf = (k) => pools.filter((r) => Number.isFinite(r[k])).reduce((w, r) => (r[k] > w[k] ? r : w));
  const wb = worstOf("batch"), ws = worstOf("single");
  const mid = (k) => median(pools.map((r) => r[k]).filter(Number.isFinite));
  report("Superellipse (runtime 473) stake quotes, µs per quote: 0.01..10 TAO on a 1M TAO / 3M alpha pool (targets: single < 2 µs, batched <= 0.5 µs = 2 M/s); worst of 80 pools (reserves 1e9..1e18, w 0.01..0.99, amounts 1 rao..reserve)", [
    { case: "batched quoteStakeBatch, w = 0.5", unit: "µs", taomath: h5.batch, baseline: h5.js, baselineWhat: "JS BigInt sim_swap", worst: wb.batch, worstCase: wb.label, native: NATIVE_SIM_SWAP_US, nativeWhat: "sim_swap" },
    { case: "batched quoteStakeBatch, w = 0.43", unit: "µs", taomath: h43.batch, baseline: h43.js, baselineWhat: "JS BigInt sim_swap", worst: wb.batch, worstCase: wb.label, native: NATIVE_SIM_SWAP_US, nativeWhat: "sim_swap" },
    { case: "single quoteStake, w = 0.5", unit: "µs", taomath: h5.single, baseline: h5.js, baselineWhat: "JS BigInt sim_swap", worst: ws.single, worstCase: ws.label, native: NATIVE_SIM_SWAP_US, nativeWhat: "sim_swap" },
    { case: "single quoteStake, w = 0.43", unit: "µs", taomath: h43.single, baseline: h43.js, baselineWhat: "JS BigInt sim_swap", worst: ws.single, worstCase: ws.label, native: NATIVE_SIM_SWAP_US, nativeWhat: "sim_swap" },
    { case: "buy_output alone (one call each), w = 0.43", unit: "µs", taomath: h43.out, baseline: h43.outJs, baselineWhat: "JS BigInt buy_output", native: NATIVE_BUY_OUTPUT_US, nativeWhat: "buy_output" },
    { case: "sweep median, batched", unit: "µs", taomath: mid("batch"), baseline: mid("js"), baselineWhat: "JS BigInt sim_swap", worst: wb.batch, worstCase: wb.label },
    { case: "sweep median, single", unit: "µs", taomath: mid("single"), baseline: mid("js"), baselineWhat: "JS BigInt sim_swap", worst: ws.single, worstCase: ws.label },
  ], [
    `quotes/s batched: ${Math.round(1e6 / h5.batch).toLocaleString("en-US")} (w 0.5), ${Math.round(1e6 / h43.batch).toLocaleString("en-US")} (w 0.43); worst pool ${Math.round(1e6 / wb.batch).toLocaleString("en-US")}`,
  ]);
  const l5 = limitFill(500_000_000_000_000_000n), l43 = limitFill(430_000_000_000_000_000n);
  report("Superellipse limit-price fill: 100k TAO stakes, limits 0.1 %..2 % above spot (target < 50 µs)", [
    { case: "quoteStake, limit binds, w = 0.5", unit: "µs", taomath: l5.fill, baseline: l5.js, baselineWhat: "JS BigInt", worst: Math.max(l5.fill, l43.fill), worstCase: l5.fill >= l43.fill ? "w = 0.5" : "w = 0.43" },
    { case: "quoteStake, limit binds, w = 0.43", unit: "µs", taomath: l43.fill, baseline: l43.js, baselineWhat: "JS BigInt", worst: Math.max(l5.fill, l43.fill), worstCase: l5.fill >= l43.fill ? "w = 0.5" : "w = 0.43" },
    { case: "quote_delta_to_price alone (bracketed), w = 0.43", unit: "µs", taomath: l43.fast, baseline: l43.chain, baselineWhat: "the chain's full bisection in wasm" },
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
