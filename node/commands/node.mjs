// taomath fetch / predict: read a subnet from a node and run its next epoch.

import { TaomathError, epochToVectorEncoding, taomath } from "../../dist/index.js";
import { connectNode } from "../../dist/chain/node.js";
import { fetchSnapshot, predictEpoch } from "../../dist/chain/index.js";
import { writeFileAtomic } from "../../dist/host/node-chain.js";
import { integer, json, option, pct, rao, readJson } from "../lib.mjs";

async function snapshotFromArgs(args) {
  const file = option(args, "--snapshot");
  if (file) return readJson(file);
  const url = option(args, "--url");
  if (!url) throw new TaomathError("invalid_type", "--url", "missing (the node's ws://, wss://, http:// or https:// endpoint)");
  const netuid = option(args, "--netuid", integer);
  if (netuid === undefined) throw new TaomathError("invalid_type", "--netuid", "missing");
  const client = connectNode(url, {
    timeoutMs: option(args, "--timeout", integer) ?? 30000,
    retries: option(args, "--retries", integer) ?? 2,
  });
  try {
    return await fetchSnapshot(client, netuid, {
      block: option(args, "--block", integer),
      assumeSpecVersion: option(args, "--assume-runtime", integer),
      onProgress: (p) => process.stderr.write(`\r${p.phase}: ${p.done}${p.total ? `/${p.total}` : ""}        `),
    });
  } finally {
    process.stderr.write("\n");
    client.close();
  }
}
export async function cmdFetch(args) {
  const snapshot = await snapshotFromArgs(args);
  const text = JSON.stringify(snapshot) + "\n";
  const out = option(args, "--out");
  if (out) writeFileAtomic(out, text);
  else process.stdout.write(text);
  if (snapshot.missing.length) process.stderr.write(`inputs not built; missing:\n  ${snapshot.missing.join("\n  ")}\n`);
}
export async function cmdPredict(args) {
  const snapshot = await snapshotFromArgs(args);
  const emission = option(args, "--emission");
  const p = predictEpoch(taomath(), snapshot, {
    raoEmission: emission === undefined ? undefined : (integer(emission, "--emission"), BigInt(emission)),
    ignoreCommitReveal: args.includes("--ignore-commit-reveal"),
  });
  if (args.includes("--json")) {
    return console.log(json({ netuid: p.netuid, snapshot_block: p.snapshot_block, epoch_block: p.epoch_block, schedule: p.schedule, commit_blocks: p.inputs.commit_blocks, ...epochToVectorEncoding(p.result) }));
  }
  const r = p.result;
  console.log(`Subnet ${p.netuid}: next epoch at block ${p.epoch_block} (state read at block ${p.snapshot_block}), ${rao(p.inputs.rao_emission)} alpha to distribute`);
  if (p.schedule.rule === "stateful") console.log(`  schedule (runtime 425): fired by ${p.schedule.trigger}; ${p.schedule.note}`);
  if (p.inputs.commit_reveal_enabled) {
    const live = (p.inputs.commit_blocks ?? []).filter((b) => b !== null).length;
    console.log(p.inputs.commit_blocks === null
      ? "  commit-reveal on, mask ignored (--ignore-commit-reveal): not what the chain computes"
      : `  commit-reveal on: ${live} uid(s) with a live weight commit (their weights to uids registered after it are masked)`);
  }
  console.log("  uid   incentive   dividends   emission (alpha)");
  for (let i = 0; i < r.incentive.length; i++) {
    if (r.incentive[i] === 0 && r.dividends[i] === 0 && r.emission[i] === 0n && !args.includes("--all")) continue;
    console.log(`  ${String(i).padStart(4)}  ${pct(r.incentive[i]).padStart(9)}   ${pct(r.dividends[i]).padStart(9)}   ${rao(r.emission[i]).padStart(14)}`);
  }
  console.log(`  (uids with nothing are omitted; --all lists every uid, --json prints the vector encoding)`);
}
