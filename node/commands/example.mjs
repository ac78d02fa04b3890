// taomath example: one epoch on the built-in 256-uid example subnet, summarised for people.

import { epochToVectorEncoding, exampleSubnet, taomath } from "../../dist/index.js";
import { json, pct, rao } from "../lib.mjs";

export function cmdExample(args) {
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
