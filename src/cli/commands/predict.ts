// taomath predict: a subnet's next epoch on the state at a block (from a node or a snapshot), as
// a per-uid table with the chain's hotkeys, or --json.

import { taomath } from "../../index.js";
import { epochToVectorEncoding } from "../../epoch/encoding.js";
import { predictEpoch } from "../../chain/predict.js";
import { common, type Command } from "../command.js";
import { epochTable, tableFlags } from "../epoch_table.js";
import { printJson } from "../io.js";
import { nodeFlags, snapshotFrom } from "../subnet_source.js";
import { amountFlag, tao } from "../units.js";

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
