// taomath epoch FILE: the epoch on a vector file, bare inputs or a fetched snapshot, as a per-uid
// table (or --json in the vector encoding, --explain UID in words, --dense through the dense path).

import { taomath } from "../../index.js";
import { TaomathError } from "../../core/errors.js";
import { epochInputFromJson, epochToVectorEncoding } from "../../epoch/encoding.js";
import { explainUid } from "../../epoch/explain.js";
import { common, type Command } from "../command.js";
import { UsageError } from "../args.js";
import { epochTable, hotkeysOf, tableFlags } from "../epoch_table.js";
import { printJson, readJson } from "../io.js";
import { pct } from "../units.js";

export const epoch: Command = {
  name: "epoch",
  summary: "run the epoch on FILE and print incentive, dividends and emission per uid",
  usage: ["epoch FILE [--sort COL] [--top N] [--all] [--json [--trace] | --explain UID] [--dense]"],
  description: "FILE is a vector file ({\"inputs\": ...}), a bare inputs object or a snapshot written by `taomath fetch`. The table shows each uid's stake, incentive, dividends, consensus, validator trust and emission with totals; --json prints {\"outputs\": ...} in the vector encoding (bigints as decimal strings).",
  flags: {
    json: { ...common.json, help: "print {\"outputs\": ...} in the vector encoding instead of the table" },
    trace: { type: "boolean", help: "with --json: add the \"debug\" section (every intermediate of the epoch)" },
    explain: { type: "string", value: "UID", help: "say which step decided that uid's incentive and dividends" },
    dense: { type: "boolean", help: "run the chain's test-only dense epoch (epoch_dense_mechanism) instead" },
    ...tableFlags,
  },
  positionals: { min: 1, max: 1 },
  examples: ["taomath epoch subnet.json --sort dividends --top 20"],
  run({ values, positionals }) {
    const json = readJson(positionals[0]);
    const input = epochInputFromJson(json);
    const tm = taomath();
    if (values.explain !== undefined) {
      if (values.dense === true || values.json === true) throw new UsageError("--explain prints words: it takes neither --dense nor --json");
      const out = tm.runEpoch(input, { trace: true });
      const uid = String(values.explain).trim();
      if (!/^[0-9]+$/.test(uid) || Number(uid) >= out.incentive.length) {
        throw new TaomathError("uid_out_of_range", "--explain", `expected a uid in [0, ${out.incentive.length - 1}], got ${values.explain}`);
      }
      const e = explainUid(input, out, Number(uid));
      const hk = hotkeysOf(json)?.[e.uid];
      console.log(`uid ${e.uid}${hk ? ` (${hk})` : ""}: incentive ${pct(e.incentive)}, dividends ${pct(e.dividends)}`);
      for (const r of e.reasons) console.log(`  - ${r}`);
      return;
    }
    if (values.trace === true && values.json !== true) throw new UsageError("--trace adds the debug section to --json output: pass --json too");
    if (values.dense === true && values.trace === true) throw new TaomathError("invalid_type", "--trace", "the dense epoch has no trace");
    const out = values.dense === true ? tm.runEpochDense(input) : tm.runEpoch(input, { trace: values.trace === true });
    if (values.json === true) return printJson(epochToVectorEncoding(out));
    const table = epochTable(out, hotkeysOf(json), values);
    console.log(`Epoch on ${positionals[0]}: ${out.incentive.length} uids at block ${input.current_block}${values.dense === true ? " (dense path)" : ""}`);
    console.log(table);
  },
};
