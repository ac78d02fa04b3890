#!/usr/bin/env node
// taomath command line. Each command is a small function; errors print one line and exit 1.

import { readFileSync } from "node:fs";
import { taomath, exampleSubnet, epochToVectorEncoding, epochInputFromJson, runVectorFile, TaomathError, quoteStake, quoteUnstake, maxAmountForLimit, taoToRao, weightToParts, raoToTao } from "../dist/index.js";

const USAGE = `taomath: Bittensor consensus and token math, bit-exact with the chain

usage:
  taomath example [--json]              run an epoch on the built-in 256-uid example subnet
  taomath epoch FILE [--trace]          run the epoch on FILE (a vector file or bare inputs) and print
                                        {"outputs": ...} in the vector encoding (--trace adds "debug")
  taomath vector FILE                   run any vector file, dispatching on its "schema" field
  taomath quote stake --tao-in T --tao-reserve R --alpha-reserve A [--weight W] [--fee-rate F] [--limit-price P] [--json]
  taomath quote unstake --alpha-in X --tao-reserve R --alpha-reserve A [--weight W] [--fee-rate F] [--limit-price P] [--json]
                                        exact stake/unstake quote on a Balancer pool; amounts, reserves and the
                                        limit price (TAO per alpha) in TAO units, W = TAO weight (default 0.5)
  taomath bench epoch FILE [--json] [--runs N]
                                        median in-process epoch time on FILE after warm-up
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
  const file = args.find((a) => !a.startsWith("--"));
  const out = taomath().runEpoch(epochInputFromJson(readJson(file)), { trace: args.includes("--trace") });
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

function flag(args, name) {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith("--")) throw new TaomathError("invalid_type", name, "missing value");
  return v;
}

function cmdQuote(args) {
  const [side, ...rest] = args;
  if (side !== "stake" && side !== "unstake") throw new TaomathError("invalid_type", "quote", `expected "stake" or "unstake", got ${JSON.stringify(side)}`);
  const need = (name) => { const v = flag(rest, name); if (v === undefined) throw new TaomathError("invalid_type", name, "required"); return v; };
  const pool = {
    taoReserve: taoToRao(need("--tao-reserve"), "--tao-reserve"),
    alphaReserve: taoToRao(need("--alpha-reserve"), "--alpha-reserve"),
    quoteWeight: flag(rest, "--weight") === undefined ? undefined : weightToParts(flag(rest, "--weight"), "--weight"),
    feeRate: flag(rest, "--fee-rate") === undefined ? undefined : Number(flag(rest, "--fee-rate")),
  };
  const lp = flag(rest, "--limit-price");
  const opts = lp === undefined ? {} : { limitPriceRao: taoToRao(lp, "--limit-price") };
  const stake = side === "stake";
  const amount = stake ? taoToRao(need("--tao-in"), "--tao-in") : taoToRao(need("--alpha-in"), "--alpha-in");
  const q = stake ? quoteStake(pool, amount, opts) : quoteUnstake(pool, amount, opts);
  const inTok = stake ? "TAO" : "alpha", outTok = stake ? "alpha" : "TAO";
  const spot = Number(q.priceBefore) / 2 ** 64, after = Number(q.priceAfter) / 2 ** 64;
  if (rest.includes("--json")) {
    return console.log(json({ side, amount_in: q.amountIn, paid_in: q.paidIn, amount_out: q.amountOut, fee: q.fee, price_before_bits: q.priceBefore, price_after_bits: q.priceAfter, effective_price: q.effectivePrice, slippage: q.slippage }));
  }
  console.log(`${stake ? "Stake" : "Unstake"} ${raoToTao(q.amountIn)} ${inTok}`);
  console.log(`  amount out       ${raoToTao(q.amountOut)} ${outTok}`);
  console.log(`  fee              ${raoToTao(q.fee)} ${inTok}`);
  if (q.paidIn + q.fee < q.amountIn) console.log(`  filled           ${raoToTao(q.paidIn + q.fee)} ${inTok} (the limit price binds)`);
  console.log(`  spot price       ${spot.toPrecision(10)} TAO/alpha -> ${after.toPrecision(10)} after`);
  console.log(`  effective price  ${q.effectivePrice.toPrecision(10)} TAO/alpha (fee included)`);
  console.log(`  slippage         ${(q.slippage * 100).toFixed(4)}% vs spot`);
}

const commands = { example: cmdExample, epoch: cmdEpoch, vector: cmdVector, bench: cmdBench, quote: cmdQuote };

const [cmd, ...rest] = process.argv.slice(2);
if (!cmd || cmd === "help" || cmd === "--help" || cmd === "-h") {
  console.log(USAGE);
} else if (!commands[cmd]) {
  console.error(`taomath: unknown command ${JSON.stringify(cmd)}; run 'taomath help'`);
  process.exit(2);
} else {
  try {
    commands[cmd](rest);
  } catch (e) {
    console.error(`taomath: ${e instanceof TaomathError ? e.message : e?.stack ?? e}`);
    process.exit(1);
  }
}
