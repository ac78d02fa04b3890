// taomath quote stake|unstake: an exact pool quote in TAO units, on the curve of the runtime
// given by --runtime (425/459: Balancer, 473: superellipse); the output names the rules used.

import { TaomathError, resolveRuntime } from "../../dist/index.js";
import { quoteStake, quoteUnstake, raoToTao, taoToRao, weightToParts } from "../../dist/pool/index.js";
import { flag, json, need } from "../lib.mjs";

export function cmdQuote(args) {
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
  const rt = flag(rest, "--runtime");
  if (rt !== undefined) opts.runtime = resolveRuntime(rt, "--runtime").spec_version;
  const stake = side === "stake";
  const amount = stake ? taoToRao(need("--tao-in"), "--tao-in") : taoToRao(need("--alpha-in"), "--alpha-in");
  const q = stake ? quoteStake(pool, amount, opts) : quoteUnstake(pool, amount, opts);
  const inTok = stake ? "TAO" : "alpha", outTok = stake ? "alpha" : "TAO";
  const spot = Number(q.priceBefore) / 2 ** 64, after = Number(q.priceAfter) / 2 ** 64;
  if (rest.includes("--json")) {
    return console.log(json({ side, amount_in: q.amountIn, paid_in: q.paidIn, amount_out: q.amountOut, fee: q.fee, price_before_bits: q.priceBefore, price_after_bits: q.priceAfter, effective_price: q.effectivePrice, slippage: q.slippage, runtime: q.runtime }));
  }
  console.log(`${stake ? "Stake" : "Unstake"} ${raoToTao(q.amountIn)} ${inTok}`);
  console.log(`  amount out       ${raoToTao(q.amountOut)} ${outTok}`);
  console.log(`  fee              ${raoToTao(q.fee)} ${inTok}`);
  if (q.paidIn + q.fee < q.amountIn) console.log(`  filled           ${raoToTao(q.paidIn + q.fee)} ${inTok} (the limit price binds)`);
  console.log(`  spot price       ${spot.toPrecision(10)} TAO/alpha -> ${after.toPrecision(10)} after`);
  console.log(`  effective price  ${q.effectivePrice.toPrecision(10)} TAO/alpha (fee included)`);
  console.log(`  slippage         ${(q.slippage * 100).toFixed(4)}% vs spot`);
  const r = q.runtime;
  console.log(`  rules            runtime ${r.rules} (${r.rules === "473" ? "superellipse pool" : "Balancer pool"}), asked for spec ${r.spec_version}${r.newer_than_known ? ": newer than any taomath knows, the newest rules answered" : ""}`);
}
