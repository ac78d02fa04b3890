// taomath example: one epoch on the built-in 256-uid example subnet, summarised for people
// (npm start), or its outputs (--json) or its inputs as a template for your own file (--inputs).

import { taomath } from "../../index.js";
import { epochToVectorEncoding } from "../../epoch/encoding.js";
import { exampleSubnet } from "../../epoch/example.js";
import { common, type Command } from "../command.js";
import { printJson } from "../io.js";
import { pct, tao } from "../units.js";

export const example: Command = {
  name: "example",
  summary: "run an epoch on the built-in 256-uid example subnet and summarise it",
  usage: ["example [--json | --inputs]"],
  description: "Builds a 256-uid subnet with 64 validator permits, runs three warm-up epochs and a traced one, and prints the top miners, the validators and the emission split.",
  flags: {
    json: { ...common.json, help: "print the epoch outputs in the vector encoding" },
    inputs: { type: "boolean", help: "print the example's epoch inputs as JSON: a template for `taomath epoch FILE`" },
  },
  positionals: { min: 0, max: 0 },
  examples: ["taomath example", "taomath example --inputs > my_subnet.json && taomath epoch my_subnet.json"],
  run({ values }) {
    const tm = taomath();
    const t0 = performance.now();
    const input = exampleSubnet(tm);
    if (values.inputs === true) return printJson({ inputs: input });
    const out = tm.runEpoch(input, { trace: true });
    const ms = performance.now() - t0;
    if (values.json === true) return printJson(epochToVectorEncoding(out));
    const n = input.n;
    const uids = [...Array(n).keys()];
    const miners = uids.filter((i) => out.incentive[i] > 0).sort((a, b) => out.incentive[b] - out.incentive[a]);
    const vals = uids.filter((i) => out.dividends[i] > 0).sort((a, b) => out.dividends[b] - out.dividends[a]);
    const sum = (a: bigint[]) => a.reduce((s, x) => s + x, 0n);
    const se = sum(out.server_emission), ve = sum(out.validator_emission);
    const emission = BigInt(input.rao_emission);
    const share = (x: bigint) => ((Number(x) / Number(emission)) * 100).toFixed(2);
    console.log(`Example subnet: ${n} uids, ${input.max_allowed_validators} validator permits, Yuma3 ${input.yuma3_enabled ? "on" : "off"}, block ${input.current_block}`);
    console.log(`Epoch emission: ${tao(emission)} alpha  (3 warm-up epochs + this one in ${ms.toFixed(1)} ms)\n`);
    console.log("Top miners by incentive");
    console.log("  uid   incentive  consensus  emission (alpha)");
    for (const i of miners.slice(0, 10)) {
      console.log(`  ${String(i).padStart(3)}   ${pct(out.incentive[i], 2).padStart(8)}   ${pct(out.consensus[i], 2).padStart(8)}   ${tao(out.server_emission[i]).padStart(12)}`);
    }
    console.log(`  ... ${miners.length} miners earn incentive\n`);
    console.log("Validators by dividends");
    console.log("  uid   dividends  v-trust   stake (alpha)   emission (alpha)");
    for (const i of vals.slice(0, 10)) {
      console.log(`  ${String(i).padStart(3)}   ${pct(out.dividends[i], 2).padStart(8)}   ${pct(out.validator_trust[i], 2).padStart(7)}   ${tao(out.stake[i]).padStart(13)}   ${tao(out.validator_emission[i]).padStart(12)}`);
    }
    console.log(`  ... ${vals.length} validators earn dividends\n`);
    const inactive = out.active.filter((a, i) => !a && i < input.max_allowed_validators).length;
    const reasons: Record<string, number> = {};
    for (const m of out.debug!.masked_weights) reasons[m.reason] = (reasons[m.reason] ?? 0) + 1;
    console.log("Emission split");
    console.log(`  miners      ${tao(se).padStart(12)} alpha  (${share(se)}%)`);
    console.log(`  validators  ${tao(ve).padStart(12)} alpha  (${share(ve)}%)`);
    console.log(`  dust        ${(emission - se - ve).toString().padStart(12)} rao (per-uid flooring)`);
    const masked = Object.entries(reasons).map(([r, c]) => `${c} ${r.replace(/_/g, " ")}`).join(", ") || "none";
    console.log(`\nWhy weights did not count: ${inactive} validators inactive; masked entries: ${masked}`);
  },
};
