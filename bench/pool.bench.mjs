// Balancer pool quotes swept over the pool weight (every path of safe-bigmath's pow_ratio_scaled:
// the 1/1 division at 0.5, the exact root at round weights up to the largest reduced exponents
// 1001/999, the ln/exp series at drifted weights) and over pool sizes and trade sizes (0.001 TAO
// up to a tenth of the reserve), beside the plain JS BigInt port of the same chain formulas
// (test/helpers/balancer_bigint.mjs) measured in the same run. Each row is one weight: the
// median over its pools and both directions, and its worst point. Every timed workload is first
// checked equal to the BigInt port.

import { quoteStake, quoteStakeBatch, quoteUnstakeBatch, maxAmountForLimit } from "../dist/pool/index.js";
import { swap, maxAmount, Pool } from "../test/helpers/balancer_bigint.mjs";
import { timeMs, median, report } from "./lib.mjs";

const MAX_PRICE = 1_000_000_000_000_000n, MIN_PRICE = 1_000n;

export const WEIGHTS = [
  ["0.01 (exact path 99/1)", 10_000_000_000_000_000n],
  ["0.1 (exact 9/1)", 100_000_000_000_000_000n],
  ["0.123456789012345678 (ln/exp)", 123_456_789_012_345_678n],
  ["0.3 (exact 7/3)", 300_000_000_000_000_000n],
  ["0.43 (exact 57/43)", 430_000_000_000_000_000n],
  ["0.48 (exact 13/12)", 480_000_000_000_000_000n],
  ["0.4995 (exact 1001/999, largest exponents)", 499_500_000_000_000_000n],
  ["0.4999999998765 (ln/exp)", 499_999_999_876_543_210n],
  ["0.5 (1/1 division)", 500_000_000_000_000_000n],
  ["0.7 (exact 3/7)", 700_000_000_000_000_000n],
  ["0.99 (exact 1/99)", 990_000_000_000_000_000n],
];
// chain native, whole sim_swap, 1 TAO on the 1M TAO / 3M alpha pool (issue 15, same machine class)
const NATIVE = new Map([[500_000_000_000_000_000n, 17.3], [430_000_000_000_000_000n, 252]]);

// the weighted Balancer of the rules up to 459 (quotes default to the newest rules, the 473 superellipse,
// which bench/superellipse.bench.mjs measures)
const BALANCER = { runtime: 425 };

const POOLS = [
  ["1k TAO / 3k alpha", 1_000_000_000_000n, 3_000_000_000_000n],
  ["50k TAO / 2M alpha", 50_000_000_000_000n, 2_000_000_000_000_000n],
  ["1M TAO / 3M alpha", 1_000_000_000_000_000n, 3_000_000_000_000_000n],
];

/** n trade sizes, log-spread from 0.001 TAO to a tenth of `reserve`. */
function amounts(n, reserve) {
  const lo = Math.log(1e6), hi = Math.log(Number(reserve) / 10);
  return Array.from({ length: n }, (_, i) => BigInt(Math.round(Math.exp(lo + ((hi - lo) * ((i * 7919) % n)) / n))));
}

function sweepWeight(label, w) {
  const points = [];
  let js = [];
  for (const [pname, tao, alpha] of POOLS) {
    const pool = { taoReserve: tao, alphaReserve: alpha, quoteWeight: w };
    const ref = new Pool({ tao, alpha, quote: w, minimumReserve: 1_000_000n });
    const batch = amounts(200, tao), few = batch.slice(0, 3);
    const sellBatch = amounts(200, alpha), sellFew = sellBatch.slice(0, 3);
    const b = quoteStakeBatch(pool, few, BALANCER), s = quoteUnstakeBatch(pool, sellFew, BALANCER);
    for (let i = 0; i < few.length; i++) {
      if (swap(ref, true, few[i], MAX_PRICE, false, true).paidOut !== b.amountOut[i]) throw new Error(`${label} ${pname}: stake disagrees with BigInt at ${few[i]}`);
      if (swap(ref, false, sellFew[i], MIN_PRICE, false, true).paidOut !== s.amountOut[i]) throw new Error(`${label} ${pname}: unstake disagrees with BigInt at ${sellFew[i]}`);
    }
    const stake = timeMs(() => quoteStakeBatch(pool, batch, BALANCER), { runs: 5, warmup: 1 }) * 1000 / batch.length;
    const unstake = timeMs(() => quoteUnstakeBatch(pool, sellBatch, BALANCER), { runs: 5, warmup: 1 }) * 1000 / sellBatch.length;
    points.push({ where: `${pname}, stake`, us: stake }, { where: `${pname}, unstake`, us: unstake });
    js.push(timeMs(() => { for (const a of few) swap(ref, true, a, MAX_PRICE, false, true); }, { runs: 3, warmup: 1 }) * 1000 / few.length);
    js.push(timeMs(() => { for (const a of sellFew) swap(ref, false, a, MIN_PRICE, false, true); }, { runs: 3, warmup: 1 }) * 1000 / sellFew.length);
  }
  const worst = points.reduce((a, p) => (p.us > a.us ? p : a));
  return {
    case: `w = ${label}`, unit: "µs/quote", taomath: median(points.map((p) => p.us)), baseline: median(js), baselineWhat: "(JS BigInt)",
    worst: worst.us, worstCase: worst.where, native: NATIVE.get(w) ?? null,
  };
}

/** get_max_amount_add with a binding limit: the 1024-bit limit-price power, then the swap. */
function sweepLimit(label, w) {
  const pool = { taoReserve: 50_000_000_000_000n, alphaReserve: 2_000_000_000_000_000n, quoteWeight: w };
  const ref = new Pool({ tao: pool.taoReserve, alpha: pool.alphaReserve, quote: w, minimumReserve: 1_000_000n });
  const spot = (ref.price() * 1_000_000_000n) >> 64n;
  const limits = Array.from({ length: 12 }, (_, i) => spot + (spot * BigInt(1 + i * i)) / 200n); // 0.5% .. 61% above spot
  const few = [limits[0], limits[11]];
  for (const l of few) if (maxAmountForLimit(pool, l, "stake", BALANCER) !== maxAmount(ref, true, l, false).max) throw new Error(`${label}: limit maximum disagrees at ${l}`);
  const each = limits.map((l) => ({ l, us: timeMs(() => maxAmountForLimit(pool, l, "stake", BALANCER), { runs: 5, warmup: 1 }) * 1000 }));
  const worst = each.reduce((a, p) => (p.us > a.us ? p : a));
  const js = timeMs(() => { for (const l of few) maxAmount(ref, true, l, false); }, { runs: 3, warmup: 1 }) * 1000 / few.length;
  return {
    case: `w = ${label}`, unit: "µs/call", taomath: median(each.map((p) => p.us)), baseline: js, baselineWhat: "(JS BigInt)",
    worst: worst.us, worstCase: `limit ${(Number(worst.l) / Number(spot)).toFixed(3)}x spot`,
  };
}

export async function run() {
  const rows = WEIGHTS.map(([label, w]) => sweepWeight(label, w));
  const worst = rows.reduce((a, r) => (r.worst > a.worst ? r : a));
  rows.push({
    case: "all weights", unit: "µs/quote", taomath: median(rows.map((r) => r.taomath)), baseline: median(rows.map((r) => r.baseline)), baselineWhat: "(JS BigInt)",
    worst: worst.worst, worstCase: `${worst.case}, ${worst.worstCase}`, native: NATIVE.get(500_000_000_000_000_000n), nativeWhat: "(the cheapest native path, w = 0.5)",
  });
  // one quote per call: the JS boundary (validation, a reset, one small result) on top
  const pool = { taoReserve: 1_000_000_000_000_000n, alphaReserve: 3_000_000_000_000_000n, quoteWeight: 430_000_000_000_000_000n };
  const ref = new Pool({ tao: pool.taoReserve, alpha: pool.alphaReserve, quote: pool.quoteWeight, minimumReserve: 1_000_000n });
  const singles = WEIGHTS.map(([label, w]) => ({ label, us: timeMs(() => quoteStake({ ...pool, quoteWeight: w }, 1_000_000_000n, BALANCER), { runs: 41, warmup: 5 }) * 1000 }));
  const ws = singles.reduce((a, p) => (p.us > a.us ? p : a));
  rows.push({
    case: "single quoteStake(), 1 TAO on 1M TAO / 3M alpha", unit: "µs/quote", taomath: median(singles.map((p) => p.us)),
    baseline: timeMs(() => swap(ref, true, 1_000_000_000n, MAX_PRICE, false, true), { runs: 5, warmup: 1 }) * 1000, baselineWhat: "(JS BigInt, w = 0.43)",
    worst: ws.us, worstCase: `w = ${ws.label}`, native: 252, nativeWhat: "(w = 0.43)",
  });
  report("Balancer pool quotes by weight (batched, 200 trades 0.001 TAO .. 10% of the reserve, 3 pools, stake and unstake)", rows, [
    "taomath: median over the weight's pools and directions; worst: its slowest pool/direction. Chain native is the issue-15 reference (whole sim_swap, 1 TAO, 1M/3M pool).",
  ]);
  report("Largest stake under a binding limit price (1024-bit limit power + swap; 12 limits 0.5% .. 61% above spot)",
    WEIGHTS.filter((_, i) => i % 2 === 0 || i === 4).map(([label, w]) => sweepLimit(label, w)));
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
