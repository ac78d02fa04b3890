// taomath network: advance a network snapshot block by block with a progress bar.

import { writeFileSync } from "node:fs";
import { TaomathError, taomath } from "../../dist/index.js";
import { Network, exampleNetworkSnapshot } from "../../dist/network/index.js";
import { flag, json, readJson, taoStr } from "../lib.mjs";

export function cmdNetwork(args) {
  const tm = taomath();
  if (args.includes("--example")) {
    const k = flag(args, "--subnets");
    return console.log(json(exampleNetworkSnapshot(tm, { subnets: k === undefined ? 3 : Number(k) })));
  }
  const file = args.find((a, i) => !a.startsWith("--") && !["--blocks", "--out", "--claim"].includes(args[i - 1]));
  const claimers = args.filter((_, i) => args[i - 1] === "--claim");
  const blocks = Number(flag(args, "--blocks") ?? "0");
  if (!Number.isInteger(blocks) || blocks < 0) throw new TaomathError("invalid_type", "--blocks", "expected a whole number of blocks");
  const net = Network.fromSnapshot(tm, readJson(file));
  const start = net.state.block;
  const t0 = performance.now();
  const tty = process.stderr.isTTY;
  let last = 0;
  const report = net.step(blocks, undefined, {
    onBlock: (b) => {
      const done = Number(b - start);
      if (!tty || (done !== blocks && performance.now() - last < 100)) return;
      last = performance.now();
      const w = 30, f = Math.round((done / Math.max(1, blocks)) * w);
      process.stderr.write(`\r[${"#".repeat(f)}${".".repeat(w - f)}] ${done}/${blocks} blocks`);
    },
  });
  if (tty) process.stderr.write("\n");
  const secs = (performance.now() - t0) / 1000;
  // root claims after the run, as each coldkey's claim_root over all its subnets
  const claims = claimers.flatMap((c) => net.claimRoot(c));
  const out = flag(args, "--out");
  if (out) writeFileSync(out, json(net.snapshot()) + "\n");
  if (args.includes("--json")) return console.log(json({ ...report, claims, seconds: secs, out: out ?? null }));
  const ran = report.epochs.filter((e) => e.outcome === "ran").length, deferred = report.epochs.filter((e) => e.outcome === "deferred").length;
  console.log(`Blocks ${report.first_block}..${report.last_block} in ${secs.toFixed(2)} s (${(blocks / Math.max(secs, 1e-9)).toFixed(0)} blocks/s)`);
  console.log(`TAO minted ${taoStr(report.tao_minted)}, recycled ${taoStr(report.tao_recycled)}; alpha minted ${taoStr(report.alpha_minted)}, recycled ${taoStr(report.alpha_recycled)}`);
  console.log(`Epochs run ${ran}, deferred ${deferred}; conservation ${report.violations.length === 0 ? "held on every block" : "VIOLATED: " + report.violations.slice(0, 3).join("; ")}`);
  for (const c of claims) {
    const what = c.mode === "skipped" ? "nothing (below the threshold or nothing owed)" : c.mode === "swap" ? `${taoStr(c.alpha)} alpha sold for ${taoStr(c.tao)} TAO staked on root` : `${taoStr(c.alpha)} alpha kept as stake`;
    console.log(`Root claim ${c.coldkey} via ${c.hotkey} on subnet ${c.netuid}: ${what}`);
  }
  if (out) console.log(`Snapshot written to ${out}`);
  console.log("Assumptions: " + report.assumptions.join("; "));
  if (report.violations.length > 0) process.exitCode = 1;
}
