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
import { resolveRuntime, runtimeTag, OLDEST_SPEC } from "../../core/runtime.js";
import { schedulerRulesFor } from "../../chain/index.js";

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
    runtime: { type: "string", value: "SPEC", help: "the runtime spec_version whose scheduler rules find the epoch block (default: the state's own spec_version, else the newest known)" },
    rao: common.rao,
    json: { ...common.json, help: "print the schedule and the outputs in the vector encoding" },
    ...tableFlags,
  },
  positionals: { min: 0, max: 0 },
  examples: ["taomath predict --url wss://entrypoint-finney.opentensor.ai:443 --netuid 19 --sort incentive --top 20"],
  async run({ values }) {
    const snapshot = await snapshotFrom(values);
    const own = snapshot.source.layout_version ?? snapshot.source.spec_version;
    // a state older than every rule set (the legacy scheduler) keeps its own rules unless --runtime says otherwise
    const rt = values.runtime === undefined && own !== undefined && own < OLDEST_SPEC ? null : resolveRuntime(values.runtime === undefined ? own : String(values.runtime), "--runtime");
    const p = predictEpoch(taomath(), snapshot, {
      runtime: rt?.spec_version,
      raoEmission: amountFlag(values, "emission"),
      ignoreCommitReveal: values["ignore-commit-reveal"] === true,
    });
    if (values.json === true) {
      return printJson({ runtime: rt === null ? { spec_version: own, rules: "legacy" } : runtimeTag(rt), netuid: p.netuid, snapshot_block: p.snapshot_block, epoch_block: p.epoch_block, schedule: p.schedule, commit_blocks: p.inputs.commit_blocks, ...epochToVectorEncoding(p.result) });
    }
    const m = snapshot.metagraph as { hotkeys?: string[] } | undefined;
    const st = snapshot.subnet_state as { hotkeys?: string[] } | undefined;
    const table = epochTable(p.result, m?.hotkeys ?? st?.hotkeys, values);
    console.log(`Subnet ${p.netuid}: next epoch at block ${p.epoch_block} (state read at block ${p.snapshot_block}), ${tao(BigInt(p.inputs.rao_emission))} alpha to distribute`);
    if (rt === null) console.log(`  rules: the legacy epoch rule of spec ${own}`);
    else console.log(`  rules: runtime ${rt.rules} for spec ${rt.spec_version}${values.runtime === undefined ? (own === undefined ? " (the newest known: the state names no spec_version)" : " (the state's spec_version)") : " (--runtime)"}${rt.newer_than_known ? ", newer than any taomath knows: the newest rules" : ""}`);
    if (p.schedule.rule === "stateful") console.log(`  schedule (runtime ${schedulerRulesFor(rt?.spec_version ?? 425)}): fired by ${p.schedule.trigger}; ${p.schedule.note}`);
    if (p.inputs.commit_reveal_enabled) {
      const live = (p.inputs.commit_blocks ?? []).filter((b) => b !== null).length;
      console.log(p.inputs.commit_blocks === null
        ? "  commit-reveal on, mask ignored (--ignore-commit-reveal): not what the chain computes"
        : `  commit-reveal on: ${live} uid(s) with a live weight commit (their weights to uids registered after it are masked)`);
    }
    console.log(table);
  },
};
