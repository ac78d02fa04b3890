// Quotes per second on a Balancer pool: the wasm core one quote per call and batched (one call for
// many amounts), beside a plain JavaScript BigInt port of the same chain formulas measured in the
// same run. Pools at weight 0.5 (the exact 1/1 path) and with drifted weights (the ln/exp path).

import { quoteStake, quoteStakeBatch, quoteUnstakeBatch, maxAmountForLimit } from "../dist/pool/index.js";
import { swap, maxAmount, Pool } from "../test/helpers/balancer_bigint.mjs";
import { timeMs, table } from "./lib.mjs";

const MAX_PRICE = 1_000_000_000_000_000n;

function amounts(n, seed) {
  const a = new Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) { x = (x * 1103515245 + 12345) % 2147483648; a[i] = BigInt(1 + (x % 1000)) * 10_000_000n; } // 0.01 .. 10 TAO
  return a;
}

function bench(label, quoteWeight, nBatch, nSingle, nJs) {
  const pool = { taoReserve: 50_000_000_000_000n, alphaReserve: 2_000_000_000_000_000n, quoteWeight };
  const ref = new Pool({ tao: pool.taoReserve, alpha: pool.alphaReserve, quote: quoteWeight, minimumReserve: 1_000_000n });
  const batch = amounts(nBatch, 7), single = batch.slice(0, nSingle), js = batch.slice(0, nJs);
  // same integers from all three before timing anything
  const b = quoteStakeBatch(pool, js);
  for (let i = 0; i < js.length; i++) {
    const r = swap(ref, true, js[i], MAX_PRICE, false, true);
    const s = quoteStake(pool, js[i]);
    if (r.paidOut !== b.amountOut[i] || s.amountOut !== r.paidOut) throw new Error(`${label}: wasm and BigInt disagree at ${js[i]}`);
  }
  const tBatch = timeMs(() => quoteStakeBatch(pool, batch), { runs: 7, warmup: 1 }) / nBatch;
  const tSingle = timeMs(() => { for (const a of single) quoteStake(pool, a); }, { runs: 7, warmup: 1 }) / nSingle;
  const tJs = timeMs(() => { for (const a of js) swap(ref, true, a, MAX_PRICE, false, true); }, { runs: 5, warmup: 1 }) / nJs;
  const tSell = timeMs(() => quoteUnstakeBatch(pool, batch), { runs: 7, warmup: 1 }) / nBatch;
  const qps = (ms) => Math.round(1000 / ms).toLocaleString("en-US");
  const us = (ms) => (ms * 1000).toFixed(2);
  return [
    { pool: label, method: "wasm batched (stake)", "µs/quote": us(tBatch), "quotes/s": qps(tBatch), "vs JS BigInt": (tJs / tBatch).toFixed(1) + "x" },
    { pool: label, method: "wasm batched (unstake)", "µs/quote": us(tSell), "quotes/s": qps(tSell), "vs JS BigInt": (tJs / tSell).toFixed(1) + "x" },
    { pool: label, method: "wasm single quoteStake()", "µs/quote": us(tSingle), "quotes/s": qps(tSingle), "vs JS BigInt": (tJs / tSingle).toFixed(1) + "x" },
    { pool: label, method: "plain JS BigInt (baseline)", "µs/quote": us(tJs), "quotes/s": qps(tJs), "vs JS BigInt": "1.0x" },
  ];
}

/** get_max_amount_add with a binding limit: the 1024-bit limit-price power, then a swap. */
function benchLimit(label, quoteWeight) {
  const pool = { taoReserve: 50_000_000_000_000n, alphaReserve: 2_000_000_000_000_000n, quoteWeight };
  const ref = new Pool({ tao: pool.taoReserve, alpha: pool.alphaReserve, quote: quoteWeight, minimumReserve: 1_000_000n });
  const limits = Array.from({ length: 20 }, (_, i) => 25_500_000n + BigInt(i) * 1_000n); // 0.0255.. TAO/alpha, spot 0.025
  for (const l of limits.slice(0, 3)) {
    if (maxAmountForLimit(pool, l, "stake") !== maxAmount(ref, true, l, false).max) throw new Error(`${label}: limit maximum disagrees at ${l}`);
  }
  const tW = timeMs(() => { for (const l of limits) maxAmountForLimit(pool, l, "stake"); }, { runs: 5, warmup: 1 }) / limits.length;
  const few = limits.slice(0, 3);
  const tJ = timeMs(() => { for (const l of few) maxAmount(ref, true, l, false); }, { runs: 3, warmup: 1 }) / few.length;
  return [
    { pool: label, method: "wasm maxAmountForLimit (limit binds)", "µs/quote": (tW * 1000).toFixed(1), "quotes/s": Math.round(1000 / tW).toLocaleString("en-US"), "vs JS BigInt": (tJ / tW).toFixed(1) + "x" },
    { pool: label, method: "plain JS BigInt (baseline)", "µs/quote": (tJ * 1000).toFixed(1), "quotes/s": Math.round(1000 / tJ).toLocaleString("en-US"), "vs JS BigInt": "1.0x" },
  ];
}

export async function run() {
  const rows = [
    ...bench("w = 0.5", 500_000_000_000_000_000n, 20_000, 2_000, 2_000),
    ...bench("drifted w = 0.4999999998765", 499_999_999_876_543_210n, 2_000, 300, 100),
  ];
  table("Balancer pool quotes (TAO -> alpha, 0.01..10 TAO on a 50k TAO / 2M alpha pool; chain native: ~10-18 µs at 0.5, ~330-375 µs drifted)", rows);
  table("Largest stake under a binding limit price (chain native: up to ~6 ms)", [
    ...benchLimit("w = 0.5", 500_000_000_000_000_000n),
    ...benchLimit("drifted w = 0.4999999998765", 499_999_999_876_543_210n),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
