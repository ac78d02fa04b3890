// taomath network: advance a network snapshot block by block (coinbase, epochs, payouts, price
// EMA) with a progress bar, checking conservation every block; or print an example snapshot.

import { writeFileSync } from "node:fs";
import { taomath } from "../../index.js";
import { Network, exampleNetworkSnapshot, snapshotAtRuntime } from "../../network/index.js";
import { EpochThreads } from "../../network/epoch_threads.js";
import type { RuntimeTag } from "../../core/runtime.js";
import { UsageError } from "../args.js";
import { common, type Command } from "../command.js";
import { printJson, readJson, toJson } from "../io.js";
import { intFlag, requiredInt, tao } from "../units.js";

const taoStr = (r: bigint) => tao(r, 3);

/** What a report's runtime tag means, in one line. */
export function rulesLine(r: RuntimeTag): string {
  const what = r.rules === "473" ? "superellipse pool, buy-first coinbase with reservoirs" : r.rules === "459" ? "Balancer pool, buy-first coinbase with reservoirs" : "Balancer pool, inject-then-buy coinbase";
  return `runtime ${r.rules} (${what}), for spec ${r.spec_version}${r.newer_than_known ? ": newer than any taomath knows, the newest rules ran" : ""}`;
}

export const network: Command = {
  name: "network",
  summary: "advance a network snapshot N blocks (coinbase, epochs, payouts), or print an example",
  usage: ["network SNAPSHOT --blocks N [--runtime SPEC] [--threads K] [--claim COLDKEY ...] [--out FILE] [--json]", "network --example [--subnets K]"],
  description: "Runs every block's coinbase and each due epoch with its payout, checks conservation every block (exit 1 if it fails), then claims each --claim coldkey's root dividends (by its claim type), prints a summary and writes the new snapshot to --out. The rules are the runtime's (printed with the summary): the snapshot's own, or --runtime for a snapshot that names none (without it such a snapshot is read as runtime 425, as the library reads it, and the assumptions say so).",
  flags: {
    runtime: { type: "string", value: "SPEC", help: "the runtime spec_version whose coinbase rules run: 425, 459 (Balancer with reservoirs) or 473 (superellipse, the newest known); default: the snapshot's" },
    blocks: { type: "string", value: "N", help: "how many blocks to advance (required with SNAPSHOT)" },
    threads: { type: "string", value: "K", help: "epoch threads (default 1): with 2 or more, each subnet's next epoch runs ahead on a worker while the blocks before it run; the snapshot is the same" },
    claim: { type: "string", value: "COLDKEY", multiple: true, help: "claim this coldkey's root dividends after the run" },
    out: { type: "string", value: "FILE", help: "write the advanced snapshot to FILE" },
    example: { type: "boolean", help: "print an example snapshot (stable subnets with example neurons) instead" },
    subnets: { type: "string", value: "K", help: "with --example: how many subnets (default 3)" },
    json: common.json,
  },
  positionals: { min: 0, max: 1 },
  examples: ["taomath network --example > net.json && taomath network net.json --blocks 720 --out net2.json"],
  async run({ values, positionals }) {
    const tm = taomath();
    if (values.example === true) {
      if (positionals.length > 0 || values.blocks !== undefined) throw new UsageError("--example prints a snapshot: it takes no SNAPSHOT or --blocks");
      return console.log(toJson(exampleNetworkSnapshot(tm, { subnets: intFlag(values, "subnets", { min: 1, max: 64, fallback: 3 }) })));
    }
    if (positionals.length === 0) throw new UsageError("network needs a SNAPSHOT file (or --example); run 'taomath network --help'");
    if (values.blocks === undefined) throw new UsageError("network needs --blocks N: how many blocks to advance");
    const blocks = requiredInt(values, "blocks", "how many blocks to advance", { min: 0, max: 100_000_000 });
    const claimers = (values.claim as string[] | undefined) ?? [];
    const threads = intFlag(values, "threads", { min: 1, max: 64, fallback: 1 })!;
    const raw = readJson(positionals[0]);
    const net = Network.fromSnapshot(tm, values.runtime === undefined ? raw : snapshotAtRuntime(raw, String(values.runtime), "--runtime"));
    const pool = new EpochThreads(tm, threads);
    const start = net.state.block;
    const t0 = performance.now();
    const tty = process.stderr.isTTY;
    let last = 0;
    let report;
    try {
      report = net.step(blocks, undefined, {
        ...(threads > 1 ? { epochRunner: pool.runner, epochAhead: pool.ahead } : {}),
        onBlock: (b: bigint) => {
          const done = Number(b - start);
          if (!tty || (done !== blocks && performance.now() - last < 100)) return;
          last = performance.now();
          const w = 30, f = Math.round((done / Math.max(1, blocks)) * w);
          process.stderr.write(`\r[${"#".repeat(f)}${".".repeat(w - f)}] ${done}/${blocks} blocks`);
        },
      });
    } finally {
      await pool.close();
    }
    if (tty) process.stderr.write("\n");
    const secs = (performance.now() - t0) / 1000;
    // root claims after the run, as each coldkey's claim_root over all its subnets
    const claims = claimers.flatMap((c) => net.claimRoot(c));
    const out = typeof values.out === "string" ? values.out : undefined;
    if (out) writeFileSync(out, toJson(net.snapshot()) + "\n");
    if (report.violations.length > 0) process.exitCode = 1;
    if (values.json === true) return printJson({ ...report, claims, seconds: secs, out: out ?? null });
    const ran = report.epochs.filter((e) => e.outcome === "ran").length, deferred = report.epochs.filter((e) => e.outcome === "deferred").length;
    console.log(`Rules: ${rulesLine(report.runtime)}`);
    console.log(`Blocks ${report.first_block}..${report.last_block} in ${secs.toFixed(2)} s (${(blocks / Math.max(secs, 1e-9)).toFixed(0)} blocks/s)`);
    console.log(`TAO minted ${taoStr(report.tao_minted)}, recycled ${taoStr(report.tao_recycled)}; alpha minted ${taoStr(report.alpha_minted)}, recycled ${taoStr(report.alpha_recycled)}`);
    console.log(`Epochs run ${ran}, deferred ${deferred}; conservation ${report.violations.length === 0 ? "held on every block" : "VIOLATED: " + report.violations.slice(0, 3).join("; ")}`);
    for (const c of claims) {
      const what = c.mode === "skipped" ? "nothing (below the threshold or nothing owed)" : c.mode === "swap" ? `${taoStr(c.alpha)} alpha sold for ${taoStr(c.tao)} TAO staked on root` : `${taoStr(c.alpha)} alpha kept as stake`;
      console.log(`Root claim ${c.coldkey} via ${c.hotkey} on subnet ${c.netuid}: ${what}`);
    }
    if (out) console.log(`Snapshot written to ${out}`);
    console.log("Assumptions: " + report.assumptions.join("; "));
  },
};
