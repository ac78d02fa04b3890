// taomath emission: coming halvings, the supply curve, and an SVG chart, from today's issuance.

import { writeFileSync } from "node:fs";
import { taomath } from "../../index.js";
import { TaomathError } from "../../core/errors.js";
import { emissionChartSvg, emissionOf, projectEmission, MAX_EMISSION_YEARS } from "../../emission/index.js";
import { common, type Command } from "../command.js";
import { asFlags, printJson } from "../io.js";
import { amountFlag, requiredAmount, tao, u64Flag } from "../units.js";

const rate = (r: bigint) => tao(r, 9).replace(/0+$/, "").replace(/\.$/, "");

export const emission: Command = {
  name: "emission",
  summary: "coming halvings, the supply curve and an SVG chart from today's issuance",
  usage: ["emission --issuance TAO [--recycled-per-day TAO] [--years N] [--start-block B] [--svg FILE] [--json]"],
  description: `Halvings are issuance thresholds, not block counts: recycling TAO moves them later. Shows each coming halving (block offset, approximate date at 12 s per block, how far recycling delays it), the supply at the end of each year, and writes a chart of supply and TAO minted per day. Amounts in TAO (or 123rao / --rao); the horizon is (0, ${MAX_EMISSION_YEARS}] years, as in every host.`,
  flags: {
    issuance: { type: "string", value: "TAO", help: "the current TotalIssuance" },
    "recycled-per-day": { type: "string", value: "TAO", help: "TAO recycled per day (registration burns, recycled alpha; default 0)" },
    years: { type: "string", value: "N", help: `horizon in years, (0, ${MAX_EMISSION_YEARS}] (default 20)` },
    "start-block": { type: "string", value: "B", help: "the block at --issuance, to print absolute halving blocks" },
    svg: { type: "string", value: "FILE", help: "where to write the chart (default emission.svg)" },
    rao: common.rao,
    json: common.json,
  },
  positionals: { min: 0, max: 0 },
  examples: ["taomath emission --issuance 10500000 --recycled-per-day 720 --years 10"],
  run({ values }) {
    const issuance = requiredAmount(values, "issuance", "the current TotalIssuance in TAO (e.g. 10500000, or 10500000000000000rao)");
    const recycledPerDay = amountFlag(values, "recycled-per-day", 0n)!;
    const yearsText = values.years === undefined ? undefined : String(values.years).trim();
    const years = yearsText === undefined ? 20 : Number(yearsText);
    if (yearsText !== undefined && (yearsText === "" || !Number.isFinite(years))) throw new TaomathError("invalid_type", "--years", `expected a number, got ${JSON.stringify(values.years)}`);
    if (!(years > 0 && years <= MAX_EMISSION_YEARS)) throw new TaomathError("out_of_range", "--years", `expected a horizon in (0, ${MAX_EMISSION_YEARS}] years, got ${years}`);
    const startBlock = u64Flag(values, "start-block");
    const svgFile = typeof values.svg === "string" ? values.svg : "emission.svg";
    const tm = taomath();
    const fields = { issuance: "--issuance", recycled_per_day: "--recycled-per-day", years: "--years", start_block: "--start-block" };
    const p = asFlags(fields, () => projectEmission(tm, issuance, { recycledPerDay, years, startBlock }));
    const base = recycledPerDay > 0n ? projectEmission(tm, issuance, { years, startBlock, startDate: new Date(p.start_date) }) : undefined;
    writeFileSync(svgFile, emissionChartSvg(p, base));
    if (values.json === true) return printJson({ ...p, baseline_without_recycling: base ? { halvings: base.halvings } : null, svg: svgFile });
    const e = emissionOf(tm);
    console.log(`Issuance ${tao(issuance, 3)} TAO; emission now ${rate(e.blockEmission(issuance))} TAO/block (${e.halvings(issuance) ?? "past supply"} halvings so far)`);
    console.log(`Recycled: ${tao(recycledPerDay, 3)} TAO/day; horizon ${years} years from ${p.start_date.slice(0, 10)} at 12 s/block\n`);
    console.log("Coming halvings (issuance thresholds, not block counts)");
    console.log("   k   at issuance (TAO)    blocks from now  " + (startBlock !== undefined ? "   block       " : "") + "date         TAO/block after" + (base ? "   delay from recycling" : ""));
    for (const h of p.halvings) {
      const delay = h.delay_days === null ? (base ? "not reached without" : "") : `+${h.delay_days.toFixed(1)} days`;
      console.log(`  ${String(h.halving).padStart(2)}   ${tao(h.first_issuance, 3).padStart(18)}   ${h.block_offset.toString().padStart(15)}  ${startBlock !== undefined && h.block !== null ? h.block.toString().padStart(12) + "  " : ""}${h.date}   ${rate(h.emission_after).padStart(14)}${base ? "   " + delay : ""}`);
    }
    if (p.halvings.length === 0) console.log("  (none within the horizon)");
    console.log("\nSupply curve (end of each year)");
    console.log("  year   issuance (TAO)    minted that year   recycled that year");
    let minted = 0n, recycled = 0n;
    p.daily.forEach((d, i) => {
      minted += d.minted; recycled += d.recycled;
      const yearEnd = Math.floor((i + 1) / 365.25) !== Math.floor(i / 365.25) || i === p.daily.length - 1;
      if (yearEnd) {
        console.log(`  ${((i + 1) / 365.25).toFixed(1).padStart(4)}   ${tao(d.issuance, 3).padStart(14)}   ${tao(minted, 3).padStart(16)}   ${tao(recycled, 3).padStart(18)}`);
        minted = 0n; recycled = 0n;
      }
    });
    console.log(`\nChart written to ${svgFile}`);
    console.log("Assumptions: " + p.assumptions.join("; "));
  },
};
