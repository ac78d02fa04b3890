// The network model's blocks per second for 128 subnets: the coinbase alone (subnets without
// uids) and with every due epoch at 256 uids (tempo 360), with many blocks per wasm call
// (assembly/coinbase/block_step.ts) against one block per call (hostOnly, as auto-claims and
// caller-supplied pools run) measured in the same run, with where the time goes and what a year
// (2_628_000 blocks) takes. Conservation is checked on every block on both.

import { taomath, exampleSubnet } from "../dist/index.js";
import { Network, syntheticNetworkSnapshot } from "../dist/network/index.js";
import { EpochThreads } from "../dist/network/epoch_threads.js";
import { timeMs, table } from "./lib.mjs";

const YEAR = 2_628_000;

// the same synthetic network as `taomath bench network` (src/network/example.ts)
const snapshot = (tm, { mechanism, uids }) => syntheticNetworkSnapshot(tm, { subnets: 128, uids, tempo: 360, mechanism });

/** Steps `blocks` blocks from a warmed-up state; returns ms and, on the core path, the time inside c_run_blocks. */
function measure(tm, snap, blocks, hostOnly, epochRunner) {
  const net = Network.fromSnapshot(tm, snap);
  net.step(20, undefined, { hostOnly }); // past the first swaps (lazy pool init) and JIT warm-up
  const core = tm.core, call = core.call;
  let inCore = 0, epochs = 0;
  core.call = (name, ...a) => {
    if (name !== "c_run_blocks") return call.call(core, name, ...a);
    const t = performance.now();
    try { return call.call(core, name, ...a); } finally { inCore += performance.now() - t; }
  };
  const run = tm.runEpoch;
  let inEpoch = 0;
  tm.runEpoch = (x) => { const t = performance.now(); try { epochs++; return run.call(tm, x); } finally { inEpoch += performance.now() - t; } };
  const t0 = performance.now();
  const r = net.step(blocks, undefined, { hostOnly, epochRunner });
  const ms = performance.now() - t0;
  core.call = call; tm.runEpoch = run;
  if (r.violations.length > 0) throw new Error(`conservation failed: ${r.violations[0]}`);
  return { ms, inCore, inEpoch, epochs, perSec: (blocks / ms) * 1000 };
}

export async function run() {
  const tm = taomath();
  const rows = [];
  const year = (perSec) => (YEAR / perSec < 120 ? `${(YEAR / perSec).toFixed(1)} s` : `${(YEAR / perSec / 60).toFixed(0)} min`);
  for (const [what, opts, blocks] of [
    ["128 stable subnets, no uids (coinbase alone)", { mechanism: 0, uids: 0 }, 2000],
    ["128 dynamic subnets, no uids (coinbase alone, chain buys every block)", { mechanism: 1, uids: 0 }, 600],
    ["128 dynamic subnets, 256 uids each, tempo 360 (coinbase + every epoch)", { mechanism: 1, uids: 256 }, 400],
  ]) {
    const snap = snapshot(tm, opts);
    const c = measure(tm, snap, blocks, false), h = measure(tm, snap, Math.max(100, blocks / 4), true);
    rows.push({
      network: what, "core path blocks/s": Math.round(c.perSec), "one block per call blocks/s (baseline)": Math.round(h.perSec),
      "vs one per call": `${(c.perSec / h.perSec).toFixed(1)}x`, "a year on the core path": year(c.perSec), "vs target 5 s/year": `${(YEAR / c.perSec / 5).toFixed(0)}x slower`,
      "time in coinbase / epochs / payout": `${((c.inCore / c.ms) * 100).toFixed(0)}% / ${((c.inEpoch / c.ms) * 100).toFixed(0)}% / ${(((c.ms - c.inCore - c.inEpoch) / c.ms) * 100).toFixed(0)}%`,
    });
  }
  table("network model, 128 subnets (conservation checked every block)", rows);

  // the epochs due in one block on 2 threads (main + 1 worker) against 1, same network, same run
  const snap = snapshot(tm, { mechanism: 1, uids: 256 });
  const threads = new EpochThreads(tm, 2);
  try {
    const one = measure(tm, snap, 400, false), two = measure(tm, snap, 400, false, threads.runner);
    // at one tempo the chain's schedule ((block + netuid + 1) % (tempo + 1)) never makes two subnets due in
    // one block, so the worker gets nothing here: what bounds the rest is the host's payout and the coinbase
    table("128 dynamic subnets x 256 uids, tempo 360: epoch threads (noise between rows is the shared machine)", [
      { threads: 1, "blocks/s": one.perSec.toFixed(1), "a year": year(one.perSec), "epochs on the worker": 0 },
      { threads: 2, "blocks/s": two.perSec.toFixed(1), "a year": year(two.perSec), "epochs on the worker": threads.offloaded },
    ]);
  } finally {
    await threads.close();
  }

  // what bounds the coinbase: the chain buy's swap on a pool whose weights left 0.5 runs
  // safe-bigmath pow_ratio_scaled's series (at 0.5 it is a plain division)
  const sw = tm.swap;
  const pool = { taoReserve: 1_000_000_000_000n, alphaReserve: 1_000_000_000_000_000n, palSwapInitialized: true, feeRate: 33, minimumReserve: 1_000_000n, mechanism: 1 };
  const amounts = Array.from({ length: 2000 }, (_, i) => 900_000_000n + BigInt(i));
  const half = timeMs(() => sw.quoteBatch({ ...pool, quoteWeight: 500_000_000_000_000_000n }, true, amounts, 1_000_000_000_000_000n, true), { runs: 5, warmup: 1 });
  const off = timeMs(() => sw.quoteBatch({ ...pool, quoteWeight: 499_999_999_999_845_000n }, true, amounts, 1_000_000_000_000_000n, true), { runs: 5, warmup: 1 });
  const input = exampleSubnet(tm, { n: 256, validators: 64, seed: 7 });
  const epochMs = timeMs(() => tm.runEpoch(input), { runs: 9, warmup: 2 });
  const epochsPerYear = Math.round((YEAR * 128) / 360);
  table("lower bounds for a year of 128 subnets", [
    { what: "chain buy (swap, fees dropped) at weights 0.5", "µs each": ((half / amounts.length) * 1000).toFixed(2), "per year (128 subnets every block)": `${((half / amounts.length) * 128 * YEAR / 1000).toFixed(0)} s` },
    { what: "chain buy at weights 0.4999999999998 (every subnet after its first injection)", "µs each": ((off / amounts.length) * 1000).toFixed(2), "per year (128 subnets every block)": `${((off / amounts.length) * 128 * YEAR / 1000).toFixed(0)} s` },
    { what: "one epoch, 256 uids", "µs each": (epochMs * 1000).toFixed(0), "per year (128 subnets every block)": `${((epochsPerYear * epochMs) / 1000).toFixed(0)} s (${epochsPerYear} epochs)` },
  ]);
}
