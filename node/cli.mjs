#!/usr/bin/env node
// taomath command line. Each command is a small function; errors print one line and exit 1.

import { readFileSync } from "node:fs";
import {
  taomath, exampleSubnet, epochToVectorEncoding, epochInputFromJson, runVectorFile, explainUid, TaomathError,
  scoresToRow, commitHash, mechanismStorageIndex, previewWeights,
} from "../dist/index.js";
import { connectNode, fetchSnapshot, predictEpoch, writeFileAtomic } from "../dist/index.js";

const USAGE = `taomath: Bittensor consensus and token math, bit-exact with the chain

usage:
  taomath example [--json]              run an epoch on the built-in 256-uid example subnet
  taomath epoch FILE [--trace]          run the epoch on FILE (a vector file or bare inputs) and print
                                        {"outputs": ...} in the vector encoding (--trace adds "debug")
  taomath epoch FILE --explain UID      say which step decided that uid's incentive and dividends
  taomath epoch FILE --dense            the same through the chain's test-only dense epoch
                                        (epoch_dense_mechanism; no --trace)
  taomath vector FILE                   run any vector file, dispatching on its "schema" field
  taomath bench epoch FILE [--json] [--runs N]
                                        median in-process epoch time on FILE after warm-up
  taomath weights --scores FILE --netuid-state FILE [--hotkey HK | --uid N] [--version-key K]
                [--block B] [--exclude-quantile Q] [--keep-tiny] [--preview] [--json]
                                        scores (JSON array by uid, or {"uids":[..],"scores":[..]}) to the
                                        row to submit (as the Python SDK makes it), the row the chain
                                        stores, and the chain's set_weights verdict; --preview runs the
                                        epoch with and without the row (state must hold epoch inputs)
  taomath commit-hash --account 0xHEX32 --netuid N [--mechanism M] --uids 1,2,3 --values 10,20,30
                --salt 1,2,3 --version-key K
                                        the commit_weights hash (BlakeTwo256 of the SCALE tuple), last line
  taomath fetch --url URL --netuid N [--block B] [--out FILE] [--timeout MS] [--retries K] [--assume-runtime V]
                                        read subnet N from a node (ws://, wss://, http://, https://) and
                                        print a snapshot (JSON; "inputs" = next epoch's inputs, or null
                                        with "missing" listing what the node did not serve); progress
                                        on stderr; --out writes FILE atomically; --assume-runtime decodes
                                        an unknown runtime with known layout V (still checked byte-exact)
  taomath predict --url URL --netuid N [--block B] [--emission RAO] [--ignore-commit-reveal] [--json]
  taomath predict --snapshot FILE [...]
                                        run the subnet's next epoch on the state at the block and print
                                        expected incentive, dividends and emission per uid; with
                                        commit-reveal on, the live weight commits are read and masked as
                                        the chain does (--ignore-commit-reveal skips the mask)
  taomath help                          this text`;

const json = (v) => JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x));

function readJson(file) {
  if (!file) throw new TaomathError("invalid_type", "FILE", "missing file argument");
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new TaomathError("invalid_type", file, `cannot read file (${e.code ?? e.message})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new TaomathError("invalid_type", file, `not valid JSON (${e.message})`);
  }
}

const rao = (x) => (Number(x) / 1e9).toFixed(4);
const pct = (u16) => ((u16 / 65535) * 100).toFixed(2) + "%";

function cmdExample(args) {
  const tm = taomath();
  const t0 = performance.now();
  const input = exampleSubnet(tm);
  const out = tm.runEpoch(input, { trace: true });
  const ms = performance.now() - t0;
  if (args.includes("--json")) return console.log(json(epochToVectorEncoding(out)));
  const n = input.n;
  const uids = [...Array(n).keys()];
  const miners = uids.filter((i) => out.incentive[i] > 0).sort((a, b) => out.incentive[b] - out.incentive[a]);
  const vals = uids.filter((i) => out.dividends[i] > 0).sort((a, b) => out.dividends[b] - out.dividends[a]);
  const sum = (a) => a.reduce((s, x) => s + x, 0n);
  const se = sum(out.server_emission), ve = sum(out.validator_emission);
  console.log(`Example subnet: ${n} uids, ${input.max_allowed_validators} validator permits, Yuma3 ${input.yuma3_enabled ? "on" : "off"}, block ${input.current_block}`);
  console.log(`Epoch emission: ${rao(input.rao_emission)} alpha  (3 warm-up epochs + this one in ${ms.toFixed(1)} ms)\n`);
  console.log("Top miners by incentive");
  console.log("  uid   incentive  consensus  emission (alpha)");
  for (const i of miners.slice(0, 10)) {
    console.log(`  ${String(i).padStart(3)}   ${pct(out.incentive[i]).padStart(8)}   ${pct(out.consensus[i]).padStart(8)}   ${rao(out.server_emission[i]).padStart(12)}`);
  }
  console.log(`  ... ${miners.length} miners earn incentive\n`);
  console.log("Validators by dividends");
  console.log("  uid   dividends  v-trust   stake (alpha)   emission (alpha)");
  for (const i of vals.slice(0, 10)) {
    console.log(`  ${String(i).padStart(3)}   ${pct(out.dividends[i]).padStart(8)}   ${pct(out.validator_trust[i]).padStart(7)}   ${rao(out.stake[i]).padStart(13)}   ${rao(out.validator_emission[i]).padStart(12)}`);
  }
  console.log(`  ... ${vals.length} validators earn dividends\n`);
  const inactive = out.active.filter((a, i) => !a && i < input.max_allowed_validators).length;
  const masked = out.debug.masked_weights;
  const reasons = {};
  for (const m of masked) reasons[m.reason] = (reasons[m.reason] ?? 0) + 1;
  console.log("Emission split");
  console.log(`  miners      ${rao(se).padStart(12)} alpha  (${((Number(se) / Number(input.rao_emission)) * 100).toFixed(2)}%)`);
  console.log(`  validators  ${rao(ve).padStart(12)} alpha  (${((Number(ve) / Number(input.rao_emission)) * 100).toFixed(2)}%)`);
  console.log(`  dust        ${(BigInt(input.rao_emission) - se - ve).toString().padStart(12)} rao (per-uid flooring)`);
  console.log(`\nWhy weights did not count: ${inactive} validators inactive; masked entries ${JSON.stringify(reasons)}`);
}

function cmdEpoch(args) {
  const at = args.indexOf("--explain");
  const file = args.find((a, i) => !a.startsWith("--") && (at < 0 || i !== at + 1));
  const input = epochInputFromJson(readJson(file));
  if (at >= 0) {
    const uid = Number(args[at + 1]);
    const out = taomath().runEpoch(input, { trace: true });
    if (!Number.isInteger(uid) || uid < 0 || uid >= out.incentive.length) {
      throw new TaomathError("uid_out_of_range", "--explain", `expected a uid in [0, ${out.incentive.length - 1}], got ${args[at + 1]}`);
    }
    const e = explainUid(input, out, uid);
    console.log(`uid ${uid}: incentive ${e.incentive}, dividends ${e.dividends} (u16)`);
    for (const r of e.reasons) console.log(`  - ${r}`);
    return;
  }
  if (args.includes("--dense") && args.includes("--trace")) throw new TaomathError("invalid_type", "--trace", "the dense epoch has no trace");
  const out = args.includes("--dense") ? taomath().runEpochDense(input) : taomath().runEpoch(input, { trace: args.includes("--trace") });
  console.log(json(epochToVectorEncoding(out)));
}

function cmdVector(args) {
  const file = args.find((a) => !a.startsWith("--"));
  console.log(json(runVectorFile(taomath(), readJson(file))));
}

function cmdBench(args) {
  const [what, ...rest] = args;
  if (what !== "epoch") throw new TaomathError("invalid_type", "bench", `unknown benchmark ${JSON.stringify(what)} (try: bench epoch FILE)`);
  const file = rest.find((a) => !a.startsWith("--") && !/^\d+$/.test(a));
  const runsAt = rest.indexOf("--runs");
  const runs = runsAt >= 0 ? Number(rest[runsAt + 1]) : 25;
  const tm = taomath();
  const input = epochInputFromJson(readJson(file));
  for (let i = 0; i < 3; i++) tm.runEpoch(input);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    tm.runEpoch(input);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  if (rest.includes("--json")) console.log(JSON.stringify({ median_ms: Number(median.toFixed(4)), runs }));
  else console.log(`epoch on ${file}: median ${median.toFixed(3)} ms over ${runs} runs (after 3 warm-up runs)`);
}

/** --name value pairs and bare --flags. */
function flags(args) {
  const out = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith("--")) throw new TaomathError("invalid_type", a, "unexpected argument (options are --name value)");
    const next = args[i + 1];
    if (next === undefined || next.startsWith("--")) out[a.slice(2)] = true;
    else { out[a.slice(2)] = next; i++; }
  }
  return out;
}

function need(f, name) {
  if (f[name] === undefined || f[name] === true) throw new TaomathError("invalid_type", `--${name}`, "missing value");
  return f[name];
}

/** "1,2,3" -> [1, 2, 3]; "" -> []. */
function intList(text, name) {
  if (text === true) return [];
  const s = String(text).trim();
  if (s === "") return [];
  return s.split(",").map((x, i) => {
    if (!/^\s*\d+\s*$/.test(x)) throw new TaomathError("not_integer", `--${name}[${i}]`, `expected a non-negative integer, got ${JSON.stringify(x)}`);
    return Number(x);
  });
}

function cmdWeights(args) {
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

function cmdCommitHash(args) {
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

function option(args, name, parse = (v) => v) {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const v = args[at + 1];
  if (v === undefined || v.startsWith("--")) throw new TaomathError("invalid_type", name, "needs a value");
  return parse(v, name);
}
const integer = (v, name) => {
  if (!/^\d+$/.test(v)) throw new TaomathError("not_integer", name, `expected a non-negative integer, got ${JSON.stringify(v)}`);
  return Number(v);
};

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

async function cmdFetch(args) {
  const snapshot = await snapshotFromArgs(args);
  const text = JSON.stringify(snapshot) + "\n";
  const out = option(args, "--out");
  if (out) writeFileAtomic(out, text);
  else process.stdout.write(text);
  if (snapshot.missing.length) process.stderr.write(`inputs not built; missing:\n  ${snapshot.missing.join("\n  ")}\n`);
}

async function cmdPredict(args) {
  const snapshot = await snapshotFromArgs(args);
  const emission = option(args, "--emission");
  const p = predictEpoch(taomath(), snapshot, {
    raoEmission: emission === undefined ? undefined : (integer(emission, "--emission"), BigInt(emission)),
    ignoreCommitReveal: args.includes("--ignore-commit-reveal"),
  });
  if (args.includes("--json")) {
    return console.log(json({ netuid: p.netuid, snapshot_block: p.snapshot_block, epoch_block: p.epoch_block, commit_blocks: p.inputs.commit_blocks, ...epochToVectorEncoding(p.result) }));
  }
  const r = p.result;
  console.log(`Subnet ${p.netuid}: next epoch at block ${p.epoch_block} (state read at block ${p.snapshot_block}), ${rao(p.inputs.rao_emission)} alpha to distribute`);
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

const commands = {
  example: cmdExample, epoch: cmdEpoch, vector: cmdVector, bench: cmdBench,
  weights: cmdWeights, "commit-hash": cmdCommitHash, fetch: cmdFetch, predict: cmdPredict,
};

const [cmd, ...rest] = process.argv.slice(2);
if (!cmd || cmd === "help" || cmd === "--help" || cmd === "-h") {
  console.log(USAGE);
} else if (!commands[cmd]) {
  console.error(`taomath: unknown command ${JSON.stringify(cmd)}; run 'taomath help'`);
  process.exit(2);
} else {
  try {
    await commands[cmd](rest);
  } catch (e) {
    console.error(`taomath: ${e instanceof TaomathError ? `${e.message} [${e.code}]` : e?.stack ?? e}`);
    process.exit(1);
  }
}
