// taomath fetch / predict: read a subnet from a node into a snapshot, and run its next epoch.

import { taomath } from "../../index.js";
import { epochToVectorEncoding } from "../../epoch/encoding.js";
import { TaomathError } from "../../core/errors.js";
import { fetchSnapshot, SNAPSHOT_SCHEMA, type Snapshot } from "../../chain/snapshot.js";
import { predictEpoch } from "../../chain/predict.js";
import { writeFileAtomic } from "../../host/node-chain.js";
import { UsageError } from "../args.js";
import { common, type Command, type Values } from "../command.js";
import { clientFrom, netuidFrom } from "../chain.js";
import { epochTable, tableFlags } from "../epoch_table.js";
import { printJson, readJson } from "../io.js";
import { amountFlag, intFlag, tao } from "../units.js";

const nodeFlags = {
  url: common.url, netuid: common.netuid, block: common.block, timeout: common.timeout, retries: common.retries,
  "assume-runtime": common["assume-runtime"],
} as const;

async function snapshotFrom(values: Values): Promise<Snapshot> {
  if (typeof values.snapshot === "string") {
    if (values.url !== undefined) throw new UsageError("give --snapshot or --url, not both");
    const json = readJson(values.snapshot, "--snapshot");
    if (json?.schema !== SNAPSHOT_SCHEMA) throw new TaomathError("invalid_type", "--snapshot", `expected a snapshot written by \`taomath fetch\` (schema ${SNAPSHOT_SCHEMA})`);
    return json as Snapshot;
  }
  if (values.url === undefined) throw new UsageError("say where the subnet comes from: --url URL --netuid N, or --snapshot FILE");
  const netuid = netuidFrom(values);
  const client = clientFrom(values);
  let progressShown = false;
  try {
    return await fetchSnapshot(client, netuid, {
      block: intFlag(values, "block", { max: 0xffff_ffff }),
      assumeSpecVersion: intFlag(values, "assume-runtime"),
      onProgress: (p) => {
        progressShown = true;
        process.stderr.write(`\r${p.phase}: ${p.done}${p.total ? `/${p.total}` : ""}        `);
      },
    });
  } finally {
    if (progressShown) process.stderr.write("\n");
    client.close();
  }
}

export const fetch: Command = {
  name: "fetch",
  summary: "read a subnet from a node into a snapshot file (metagraph, storage, epoch inputs)",
  usage: ["fetch --url URL --netuid N [--block B] [--out FILE] [--timeout MS] [--retries K] [--assume-runtime V]"],
  description: "The snapshot is JSON; its \"inputs\" are the next epoch's inputs, or null with \"missing\" listing what the node did not serve. Progress goes to stderr; --out writes FILE atomically.",
  flags: { ...nodeFlags, out: { type: "string", value: "FILE", help: "write the snapshot to FILE (whole or not at all) instead of stdout" } },
  positionals: { min: 0, max: 0 },
  examples: ["taomath fetch --url wss://entrypoint-finney.opentensor.ai:443 --netuid 1 --out sn1.json"],
  async run({ values }) {
    if (values.url === undefined) throw new UsageError("fetch needs --url URL --netuid N");
    const snapshot = await snapshotFrom(values);
    const text = JSON.stringify(snapshot) + "\n";
    if (typeof values.out === "string") writeFileAtomic(values.out, text);
    else process.stdout.write(text);
    if (snapshot.missing.length) process.stderr.write(`inputs not built; missing:\n  ${snapshot.missing.join("\n  ")}\n`);
  },
};

export const predict: Command = {
  name: "predict",
  summary: "a subnet's next epoch from a node or snapshot: incentive, dividends, emission per uid",
  usage: [
    "predict --url URL --netuid N [--block B] [--emission ALPHA] [--ignore-commit-reveal] [--sort COL] [--json]",
    "predict --snapshot FILE [...]",
  ],
  description: "With commit-reveal on, the live weight commits are read and masked as the chain does (--ignore-commit-reveal skips the mask, which is not what the chain computes). The table lists uid, hotkey, stake, incentive, dividends, consensus, validator trust and emission with totals.",
  flags: {
    ...nodeFlags,
    snapshot: { type: "string", value: "FILE", help: "a snapshot written by `taomath fetch` instead of a node" },
    emission: { type: "string", value: "ALPHA", help: "alpha the epoch distributes (default: the pending emission at the block); 123rao for rao" },
    "ignore-commit-reveal": { type: "boolean", help: "do not mask weights by live commits" },
    rao: common.rao,
    json: { ...common.json, help: "print the schedule and the outputs in the vector encoding" },
    ...tableFlags,
  },
  positionals: { min: 0, max: 0 },
  examples: ["taomath predict --url wss://entrypoint-finney.opentensor.ai:443 --netuid 19 --sort incentive --top 20"],
  async run({ values }) {
    const snapshot = await snapshotFrom(values);
    const p = predictEpoch(taomath(), snapshot, {
      raoEmission: amountFlag(values, "emission"),
      ignoreCommitReveal: values["ignore-commit-reveal"] === true,
    });
    if (values.json === true) {
      return printJson({ netuid: p.netuid, snapshot_block: p.snapshot_block, epoch_block: p.epoch_block, schedule: p.schedule, commit_blocks: p.inputs.commit_blocks, ...epochToVectorEncoding(p.result) });
    }
    const m = snapshot.metagraph as { hotkeys?: string[] } | undefined;
    const st = snapshot.subnet_state as { hotkeys?: string[] } | undefined;
    const table = epochTable(p.result, m?.hotkeys ?? st?.hotkeys, values);
    console.log(`Subnet ${p.netuid}: next epoch at block ${p.epoch_block} (state read at block ${p.snapshot_block}), ${tao(BigInt(p.inputs.rao_emission))} alpha to distribute`);
    if (p.schedule.rule === "stateful") console.log(`  schedule (runtime 425): fired by ${p.schedule.trigger}; ${p.schedule.note}`);
    if (p.inputs.commit_reveal_enabled) {
      const live = (p.inputs.commit_blocks ?? []).filter((b) => b !== null).length;
      console.log(p.inputs.commit_blocks === null
        ? "  commit-reveal on, mask ignored (--ignore-commit-reveal): not what the chain computes"
        : `  commit-reveal on: ${live} uid(s) with a live weight commit (their weights to uids registered after it are masked)`);
    }
    console.log(table);
  },
};
