// The network model's blocks per second for 128 subnets: the coinbase alone (subnets without
// uids) and with every due epoch at 256 uids (tempo 360), with many blocks per wasm call
// (assembly/coinbase/block_step.ts) against one block per call (hostOnly, as auto-claims and
// caller-supplied pools run) measured in the same run, with where the time goes and what a year
// (2_628_000 blocks) takes. Conservation is checked on every block on both. Rows are in ms per
// block: the median over the run, its baseline, and the worst chunk of 50 blocks (a chunk where
// epochs fall costs more). The lower bounds for a year: the chain buy's swap and one epoch, each
// beside its plain-JS baseline (BigInt swap, float64 epoch) in the same run.

import { taomath, exampleSubnet } from "../dist/index.js";
import { Network, syntheticNetworkSnapshot, snapshotAtRuntime } from "../dist/network/index.js";
import { EpochThreads } from "../dist/network/epoch_threads.js";
import { epochFloat } from "./baseline/epoch_float.mjs";
import { swap as swapBigInt, Pool } from "../test/helpers/balancer_bigint.mjs";
import { timeMs, report } from "./lib.mjs";

const YEAR = 2_628_000;

// the same synthetic network as `taomath bench network` (src/network/example.ts), under the newest rules as there;
// kept as JSON text: the snapshot's objects (at 256 uids, 1.3 M weight pairs) would otherwise stay alive beside the
// network under test and every full collection would trace them (stalls of ~0.3 s in a run)
const snapshot = (tm, { mechanism, uids }) => JSON.stringify(snapshotAtRuntime(syntheticNetworkSnapshot(tm, { subnets: 128, uids, tempo: 360, mechanism })),
  (_k, v) => (typeof v === "bigint" ? v.toString() : v));

/** Steps `blocks` blocks from a warmed-up state; returns ms and, on the core path, the time inside c_run_blocks. */
function measure(tm, snap, blocks, hostOnly, threads, warmup = 20, chunkBlocks = CHUNK) {
  const net = Network.fromSnapshot(tm, JSON.parse(snap));
  const options = { hostOnly, epochRunner: threads?.runner, epochAhead: threads?.ahead };
  net.step(warmup, undefined, options); // past the first swaps (lazy pool init) and JIT warm-up
  const core = tm.core, enter = core.enter;
  let inCore = 0, epochs = 0;
  core.enter = (name, h) => {
    if (name !== "c_run_blocks") return enter.call(core, name, h);
    const t = performance.now();
    try { return enter.call(core, name, h); } finally { inCore += performance.now() - t; }
  };
  // the model runs its epochs typed (runEpochTyped); epochs with mechanisms go through runEpoch's core
  const run = tm.runEpochTyped;
  let inEpoch = 0;
  tm.runEpochTyped = (x, o) => { const t = performance.now(); try { epochs++; return run.call(tm, x, o); } finally { inEpoch += performance.now() - t; } };
  const chunk = Math.min(chunkBlocks, blocks);
  let ms = 0, worstChunk = 0;
  for (let done = 0; done < blocks; done += chunk) {
    const t0 = performance.now();
    const r = net.step(Math.min(chunk, blocks - done), undefined, options);
    const t = performance.now() - t0;
    ms += t;
    worstChunk = Math.max(worstChunk, t / Math.min(chunk, blocks - done));
    if (r.violations.length > 0) { core.enter = enter; tm.runEpochTyped = run; throw new Error(`conservation failed: ${r.violations[0]}`); }
  }
  core.enter = enter; tm.runEpochTyped = run;
  return { ms, inCore, inEpoch, epochs, perSec: (blocks / ms) * 1000, msPerBlock: ms / blocks, worstChunk };
}

const CHUNK = 50;

export async function run() {
  const tm = taomath();
  const rows = [], notes = [];
  const year = (perSec) => (YEAR / perSec < 120 ? `${(YEAR / perSec).toFixed(1)} s` : `${(YEAR / perSec / 60).toFixed(0)} min`);
  for (const [what, opts, blocks] of [
    ["128 stable subnets, no uids (coinbase alone)", { mechanism: 0, uids: 0 }, 2000],
    ["128 dynamic subnets, no uids (coinbase alone, chain buys every block)", { mechanism: 1, uids: 0 }, 600],
    ["128 dynamic subnets, 256 uids each, tempo 360 (coinbase + every epoch)", { mechanism: 1, uids: 256 }, 400],
  ]) {
    const snap = snapshot(tm, opts);
    // with uids, past the first tempo: each subnet's first epoch converts its snapshot's neuron arrays (once a run)
    const warmup = opts.uids > 0 ? 380 : 20;
    const c = measure(tm, snap, blocks, false, undefined, warmup), h = measure(tm, snap, Math.max(100, blocks / 4), true, undefined, warmup);
    rows.push({
      case: what, unit: "ms/block", taomath: c.msPerBlock, baseline: h.msPerBlock, baselineWhat: "(one block per wasm call)",
      worst: c.worstChunk, worstCase: `slowest ${CHUNK}-block chunk of ${blocks}`,
    });
    notes.push(`${what}: ${Math.round(c.perSec)} blocks/s, a year in ${year(c.perSec)}; time in coinbase / epochs / payout ` +
      `${((c.inCore / c.ms) * 100).toFixed(0)}% / ${((c.inEpoch / c.ms) * 100).toFixed(0)}% / ${(((c.ms - c.inCore - c.inEpoch) / c.ms) * 100).toFixed(0)}%`);
  }

  // 2 threads (main + 1 worker) against 1, same network, same run: at one tempo no two subnets are due in one
  // block, so the worker runs each subnet's next epoch ahead while the main thread goes on with the blocks in
  // between; measured after two tempos (every subnet has had an epoch run ahead and the worker's code is warm)
  const snap = snapshot(tm, { mechanism: 1, uids: 256 });
  const threads = new EpochThreads(tm, 2);
  try {
    // chunks of 400 blocks: each step() call writes and reads back every subnet's row (~1 ms for 128 subnets at 256
    // uids: step(1) 1.38 ms a block against 0.42 ms in steps of 50), which chunks of 50 would add to every block as 0.02 ms
    const one = measure(tm, snap, 2400, false, undefined, 740, 400), two = measure(tm, snap, 2400, false, threads, 740, 400);
    rows.push({
      case: `the same with epoch threads (2: main + 1 worker; ${threads.aheadUsed} epochs run ahead on the worker)`, unit: "ms/block", taomath: two.msPerBlock,
      baseline: one.msPerBlock, baselineWhat: "(1 thread, same run)", worst: two.worstChunk, worstCase: "slowest 400-block chunk of 2400",
    });
    notes.push(`2 threads: ${Math.round(two.perSec)} blocks/s against ${Math.round(one.perSec)} on 1, a year in ${year(two.perSec)} against ${year(one.perSec)}; ` +
      `main thread time in coinbase / epochs it ran itself / payout and the rest ${((two.inCore / two.ms) * 100).toFixed(0)}% / ${((two.inEpoch / two.ms) * 100).toFixed(0)}% / ${(((two.ms - two.inCore - two.inEpoch) / two.ms) * 100).toFixed(0)}%`);
  } finally {
    await threads.close();
  }
  report("network model, 128 subnets (conservation checked every block; noise between rows is the shared machine)", rows, notes);

  // what bounds the coinbase: the chain buy's swap on a pool whose weights left 0.5 runs
  // safe-bigmath pow_ratio_scaled's series (at 0.5 it is a plain division)
  const sw = tm.swap;
  const pool = { taoReserve: 1_000_000_000_000n, alphaReserve: 1_000_000_000_000_000n, palSwapInitialized: true, feeRate: 33, minimumReserve: 1_000_000n, mechanism: 1 };
  const amounts = Array.from({ length: 2000 }, (_, i) => 900_000_000n + BigInt(i));
  const buys = [["weights 0.5", 500_000_000_000_000_000n], ["weights 0.4999999999998 (every subnet after its first injection)", 499_999_999_999_845_000n]].map(([label, w]) => {
    const ref = new Pool({ tao: pool.taoReserve, alpha: pool.alphaReserve, quote: w, minimumReserve: pool.minimumReserve });
    const few = amounts.slice(0, 3);
    return {
      label,
      t: (timeMs(() => sw.quoteBatch({ ...pool, quoteWeight: w }, true, amounts, 1_000_000_000_000_000n, true), { runs: 5, warmup: 1 }) / amounts.length) * 1000,
      b: (timeMs(() => { for (const a of few) swapBigInt(ref, true, a, 1_000_000_000_000_000n, true, true); }, { runs: 3, warmup: 1 }) / few.length) * 1000,
    };
  });
  const wb = buys.reduce((a, p) => (p.t > a.t ? p : a));
  const epochs = [7, 8, 9].map((seed) => {
    const input = exampleSubnet(tm, { n: 256, validators: 64, seed });
    return { seed, input, t: timeMs(() => tm.runEpoch(input), { runs: 9, warmup: 2 }) };
  });
  const we = epochs.reduce((a, p) => (p.t > a.t ? p : a));
  const epochsPerYear = Math.round((YEAR * 128) / 360);
  report("lower bounds for a year of 128 subnets", [
    { case: "chain buy (swap, fees dropped), batched, at weights 0.5", unit: "µs", taomath: buys[0].t, baseline: buys[0].b, baselineWhat: "(JS BigInt swap)", worst: wb.t, worstCase: wb.label },
    { case: "one epoch, 256 uids, 64 validators (runEpoch, seed 7)", unit: "ms", taomath: epochs[0].t, baseline: timeMs(() => epochFloat(epochs[0].input), { runs: 9, warmup: 2 }), baselineWhat: "(JS float64)", worst: we.t, worstCase: `seed ${we.seed}` },
  ], [
    `per year: chain buys ${((buys[0].t * 128 * YEAR) / 1e6).toFixed(0)} s at 0.5, ${((wb.t * 128 * YEAR) / 1e6).toFixed(0)} s at the worst weight (128 subnets every block); ` +
    `epochs ${((epochsPerYear * epochs[0].t) / 1000).toFixed(0)} s (${epochsPerYear} epochs), ${((epochsPerYear * we.t) / 1000).toFixed(0)} s at the worst seed`,
  ]);
}
