// taomath weights / commit-hash: the validator toolkit (scores to a checked row, commit hashes).

import { TaomathError, epochInputFromJson, taomath } from "../../dist/index.js";
import { commitHash, mechanismStorageIndex, previewWeights, scoresToRow } from "../../dist/weights/index.js";
import { flags, intList, json, need, rao, readJson } from "../lib.mjs";

export function cmdWeights(args) {
  const f = flags(args);
  const scoresJson = readJson(need(f, "scores"));
  const state = readJson(need(f, "netuid-state"));
  const scores = Array.isArray(scoresJson) ? scoresJson : scoresJson.scores;
  if (!Array.isArray(scores)) throw new TaomathError("invalid_type", "scores", "expected an array of numbers or {\"uids\": [...], \"scores\": [...]}");
  const uids = Array.isArray(scoresJson) ? undefined : scoresJson.uids;
  const hotkey = f.uid !== undefined ? Number(need(f, "uid")) : f.hotkey !== undefined ? String(need(f, "hotkey"))
    : scoresJson.uid ?? scoresJson.hotkey ?? state.caller;
  if (hotkey === undefined) throw new TaomathError("invalid_type", "--hotkey", "say who sets the weights: --hotkey HK or --uid N");
  const tm = taomath();
  const r = scoresToRow(tm, state, scores, {
    hotkey,
    versionKey: f["version-key"] !== undefined ? need(f, "version-key") : 0n,
    block: f.block !== undefined ? need(f, "block") : state.current_block ?? 0n,
    excludeQuantile: f["exclude-quantile"] !== undefined ? Number(need(f, "exclude-quantile")) : 0,
    sdkCompatible: f["keep-tiny"] !== true,
  }, uids);
  const preview = f.preview === true ? previewWeights(tm, epochInputFromJson(state), r.check.uid ?? Number(hotkey), r.submit.uids, r.submit.values) : null;
  if (f.json === true) {
    const out = { submit: r.submit, stored: r.stored, verdict: r.check.verdict, uid: r.check.uid };
    if (preview) Object.assign(out, { preview: { dividends: preview.dividends, validator_emission: preview.validator_emission, miners: preview.miners } });
    return console.log(json(out));
  }
  console.log(`row to submit (uids):   ${JSON.stringify(r.submit.uids)}`);
  console.log(`row to submit (values): ${JSON.stringify(r.submit.values)}`);
  console.log(`stored row:             ${JSON.stringify(r.stored)}`);
  const lost = r.processed.uids.length - r.submit.uids.length;
  if (lost > 0) console.log(`note: ${lost} uid(s) with weights that round to 0 were dropped, as the Python SDK does (--keep-tiny sends them as 1)`);
  if (preview) {
    const d = preview.dividends;
    console.log(`effect on the next epoch: dividends of uid ${preview.validator_uid} ${d.before} -> ${d.after} (${d.change >= 0 ? "+" : ""}${d.change}/65535), validator emission ${preview.validator_emission.change >= 0n ? "+" : ""}${preview.validator_emission.change} rao`);
    for (const m of preview.miners) console.log(`  miner ${m.uid}: incentive ${m.incentive_before} -> ${m.incentive_after}, emission ${m.emission_change >= 0n ? "+" : ""}${m.emission_change} rao`);
  }
  console.log(`pre-flight verdict:     ${r.check.verdict}`);
}
export function cmdCommitHash(args) {
  const f = flags(args);
  const netuid = Number(need(f, "netuid"));
  const mechanism = f.mechanism !== undefined ? Number(need(f, "mechanism")) : 0;
  const c = {
    account: String(need(f, "account")),
    netuid,
    mechanism,
    uids: intList(f.uids ?? "", "uids"),
    values: intList(f.values ?? "", "values"),
    salt: intList(f.salt ?? "", "salt"),
    versionKey: f["version-key"] !== undefined ? String(need(f, "version-key")) : "0",
  };
  const hash = commitHash(c);
  console.log(`netuid index ${mechanismStorageIndex(netuid, mechanism)}`);
  console.log(hash);
}
