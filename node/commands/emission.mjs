// taomath emission: coming halvings, the supply curve, and an SVG chart.

import { writeFileSync } from "node:fs";
import { TaomathError, taomath } from "../../dist/index.js";
import { emissionChartSvg, emissionOf, projectEmission } from "../../dist/emission/index.js";
import { flag, json, rao, raoArg, rateStr, taoStr } from "../lib.mjs";

export function cmdEmission(args) {
  const issuance = raoArg(args, "--issuance", undefined);
  if (issuance === undefined) throw new TaomathError("invalid_type", "--issuance", "required: the current TotalIssuance in rao");
  const recycledPerDay = raoArg(args, "--recycled-per-day", 0n);
  const yearsArg = flag(args, "--years");
  const years = yearsArg === undefined ? 20 : Number(yearsArg);
  if (!Number.isFinite(years)) throw new TaomathError("invalid_type", "--years", `expected a number, got ${JSON.stringify(yearsArg)}`);
  const startBlock = raoArg(args, "--start-block", undefined);
  const svgFile = flag(args, "--svg") ?? "emission.svg";
  const tm = taomath();
  const p = projectEmission(tm, issuance, { recycledPerDay, years, startBlock });
  const base = recycledPerDay > 0n ? projectEmission(tm, issuance, { years, startBlock, startDate: new Date(p.start_date) }) : undefined;
  writeFileSync(svgFile, emissionChartSvg(p, base));
  if (args.includes("--json")) return console.log(json({ ...p, baseline_without_recycling: base ? { halvings: base.halvings } : null, svg: svgFile }));
  const e = emissionOf(tm);
  console.log(`Issuance ${taoStr(issuance)} TAO; emission now ${rateStr(e.blockEmission(issuance))} TAO/block (${e.halvings(issuance) ?? "past supply"} halvings so far)`);
  console.log(`Recycled: ${taoStr(recycledPerDay)} TAO/day; horizon ${years} years from ${p.start_date.slice(0, 10)} at 12 s/block\n`);
  console.log("Coming halvings (issuance thresholds, not block counts)");
  console.log("   k   at issuance (TAO)    blocks from now  " + (startBlock !== undefined ? "   block       " : "") + "date         TAO/block after" + (base ? "   delay from recycling" : ""));
  for (const h of p.halvings) {
    const delay = h.delay_days === null ? (base ? "not reached without" : "") : `+${h.delay_days.toFixed(1)} days`;
    console.log(`  ${String(h.halving).padStart(2)}   ${taoStr(h.first_issuance).padStart(18)}   ${h.block_offset.toString().padStart(15)}  ${startBlock !== undefined ? h.block.toString().padStart(12) + "  " : ""}${h.date}   ${rateStr(h.emission_after).padStart(14)}${base ? "   " + delay : ""}`);
  }
  if (p.halvings.length === 0) console.log("  (none within the horizon)");
  console.log("\nSupply curve (end of each year)");
  console.log("  year   issuance (TAO)    minted that year   recycled that year");
  let minted = 0n, recycled = 0n;
  p.daily.forEach((d, i) => {
    minted += d.minted; recycled += d.recycled;
    const yearEnd = Math.floor(((i + 1) / 365.25)) !== Math.floor((i / 365.25)) || i === p.daily.length - 1;
    if (yearEnd) {
      console.log(`  ${((i + 1) / 365.25).toFixed(1).padStart(4)}   ${taoStr(d.issuance).padStart(14)}   ${taoStr(minted).padStart(16)}   ${taoStr(recycled).padStart(18)}`);
      minted = 0n; recycled = 0n;
    }
  });
  console.log(`\nChart written to ${svgFile}`);
  console.log("Assumptions: " + p.assumptions.join("; "));
}
