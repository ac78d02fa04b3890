// taomath weights: a validator's scores become the row the Python SDK would submit, the row the
// chain stores and the chain's set_weights verdict (exit 1 when the chain would refuse it), with
// the row's effect on the next epoch (--preview).

import { taomath, type EpochInput, type Taomath } from "../../index.js";
import { TaomathError } from "../../core/errors.js";
import { epochInputFromJson } from "../../epoch/encoding.js";
import { previewWeights, scoresToRow } from "../../weights/index.js";
import { common, type Command, type Values } from "../command.js";
import { printJson, readJson } from "../io.js";
import { uidOfAccount } from "../accounts.js";
import { intFlag, pct, pctPoints, signedTao, u64Flag } from "../units.js";

export const weights: Command = {
  name: "weights",
  summary: "scores to the row to submit and the chain's set_weights verdict on it (exit 1 if refused)",
  usage: ["weights --scores FILE --netuid-state FILE [--hotkey HK | --uid N] [--version-key K] [--block B] [--exclude-quantile Q] [--keep-tiny] [--preview] [--json]"],
  description: "Scores are a JSON array by uid, or {\"uids\": [...], \"scores\": [...]}. The row is processed as the Python SDK does (process_weights_for_netuid, convert_weights_and_uids_for_emit) and checked against the subnet state the way set_weights checks it. Exits 1 when the chain would refuse the row. --preview runs the next epoch with and without the row (the state must hold epoch inputs).",
  flags: {
    scores: { type: "string", value: "FILE", help: "the scores per uid (JSON)" },
    "netuid-state": { type: "string", value: "FILE", help: "the subnet state (JSON; epoch inputs plus the set_weights limits)" },
    hotkey: { type: "string", value: "HK", help: "who sets the weights, by hotkey: SS58 or 0x public key (either form finds the uid)" },
    uid: { type: "string", value: "N", help: "who sets the weights, by uid" },
    "version-key": { type: "string", value: "K", help: "the version key sent with the row (default 0)" },
    block: { type: "string", value: "B", help: "the block the call lands in, for the rate limit (default the state's current_block)" },
    "exclude-quantile": { type: "string", value: "Q", help: "the SDK's exclude_quantile, a u16 (default 0)" },
    "keep-tiny": { type: "boolean", help: "send weights that round to 0 as 1 instead of dropping them as the SDK does" },
    preview: { type: "boolean", help: "show the row's effect on the next epoch (dividends, miners' incentive)" },
    json: common.json,
  },
  positionals: { min: 0, max: 0 },
  examples: ["taomath weights --scores scores.json --netuid-state subnet.json --hotkey 5F4tQyWrhfGVcNhoqeiNsR6KjD4wMZ2kfhLj4oHYuyHbZAc3"],
  run({ values }) {
    if (values.scores === undefined) throw new TaomathError("invalid_type", "--scores", "required: a JSON file of scores per uid");
    if (values["netuid-state"] === undefined) throw new TaomathError("invalid_type", "--netuid-state", "required: a JSON file with the subnet state");
    const scoresJson = readJson(String(values.scores));
    const state = readJson(String(values["netuid-state"]));
    const scores = Array.isArray(scoresJson) ? scoresJson : scoresJson?.scores;
    if (!Array.isArray(scores)) throw new TaomathError("invalid_type", "--scores", "expected an array of numbers or {\"uids\": [...], \"scores\": [...]}");
    const uids = Array.isArray(scoresJson) ? undefined : scoresJson.uids;
    const hotkey = caller(values, scoresJson, state);
    const tm = taomath();
    const r = scoresToRow(tm, state, scores, {
      hotkey,
      versionKey: u64Flag(values, "version-key") ?? 0n,
      block: u64Flag(values, "block") ?? state.current_block ?? 0n,
      excludeQuantile: intFlag(values, "exclude-quantile", { max: 65535, fallback: 0 }),
      sdkCompatible: values["keep-tiny"] !== true,
    }, uids);
    const refused = r.check.verdict !== "ok";
    const preview = values.preview === true
      ? previewWeights(tm, epochInputsOf(tm, state), r.check.uid ?? (typeof hotkey === "number" ? hotkey : -1), r.submit.uids, r.submit.values)
      : null;
    if (refused) process.exitCode = 1;
    if (values.json === true) {
      const out: Record<string, unknown> = { submit: r.submit, stored: r.stored, verdict: r.check.verdict, uid: r.check.uid };
      if (preview) out.preview = { dividends: preview.dividends, validator_emission: preview.validator_emission, miners: preview.miners };
      return printJson(out);
    }
    console.log(`row to submit (uids):   ${JSON.stringify(r.submit.uids)}`);
    console.log(`row to submit (values): ${JSON.stringify(r.submit.values)}`);
    console.log(`stored row:             ${JSON.stringify(r.stored)}`);
    const lost = r.processed.uids.length - r.submit.uids.length;
    if (lost > 0) console.log(`note: ${lost} uid(s) with weights that round to 0 were dropped, as the Python SDK does (--keep-tiny sends them as 1)`);
    if (preview) {
      const d = preview.dividends;
      console.log(`effect on the next epoch: dividends of uid ${preview.validator_uid} ${pct(d.before)} -> ${pct(d.after)} (${pctPoints(d.change)}), validator emission ${signedTao(preview.validator_emission.change)} alpha`);
      for (const m of preview.miners) {
        console.log(`  miner ${m.uid}: incentive ${pct(m.incentive_before)} -> ${pct(m.incentive_after)} (${pctPoints(m.incentive_change)}), emission ${signedTao(m.emission_change)} alpha`);
      }
    }
    console.log(`pre-flight verdict:     ${r.check.verdict}`);
    if (refused) console.error(`error: verdict: the chain would refuse this row with ${r.check.verdict}`);
  },
};

/** The state's epoch inputs, checked by running the epoch once, so a state without them is a named error. */
function epochInputsOf(tm: Taomath, state: unknown): EpochInput {
  const input = epochInputFromJson(state);
  try {
    tm.runEpoch(input);
  } catch (e) {
    if (e instanceof TaomathError) throw new TaomathError(e.code, `--netuid-state ${e.field}`, `${e.message.slice(e.field.length + 2)} (--preview runs the epoch: the state must hold its inputs)`);
    throw e;
  }
  return input;
}

function caller(values: Values, scoresJson: any, state: any): string | number {
  if (values.uid !== undefined && values.hotkey !== undefined) throw new TaomathError("invalid_type", "--uid", "give --hotkey or --uid, not both");
  if (values.uid !== undefined) return intFlag(values, "uid", { max: 65535 })!;
  if (values.hotkey !== undefined) {
    // the state may list the hotkey as SS58 while it was typed as a public key, or the other way round
    const hk = String(values.hotkey);
    const uid = Array.isArray(state?.hotkeys) ? uidOfAccount(state.hotkeys, hk) : undefined;
    return uid !== undefined && state.hotkeys[uid] !== hk ? uid : hk;
  }
  const h = scoresJson?.uid ?? scoresJson?.hotkey ?? state?.caller;
  if (h === undefined) throw new TaomathError("invalid_type", "--hotkey", "say who sets the weights: --hotkey HK or --uid N");
  return h;
}
