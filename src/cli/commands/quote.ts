// taomath quote stake|unstake: an exact quote on a subnet's pool, the pool read from a node, a
// snapshot or typed reserves. A slippage tolerance becomes the limit price as btcli makes it
// (stake: price x (1 + tol), unstake: price x (1 - tol)); without --partial an amount the limit
// cannot fill in full is refused with SlippageTooHigh, as add_stake_limit / remove_stake_limit do.

import { ChainRejected, TaomathError } from "../../core/errors.js";
import { parseDecimal } from "../../core/units.js";
import { SNAPSHOT_SCHEMA } from "../../chain/snapshot.js";
import { maxAmountForLimit, quoteStake, quoteUnstake, raoToTao, spotPrice, weightToParts, type Pool } from "../../pool/index.js";
import { resolveRuntime } from "../../core/runtime.js";
import { UsageError } from "../args.js";
import { blockAt, netuidFrom, readMetagraph, withClient } from "../chain.js";
import { common, type Command, type Values } from "../command.js";
import { asFlags, printJson, readJson } from "../io.js";
import { amount, intFlag, requiredAmount } from "../units.js";

const PPB = 1_000_000_000n;

/** "0.005" or "0.5%" -> parts per billion. */
function toleranceParts(text: string): bigint {
  const t = text.trim();
  const parts = t.endsWith("%") ? parseDecimal(t.slice(0, -1), 7, "--tolerance") : parseDecimal(t, 9, "--tolerance");
  if (parts >= PPB) throw new TaomathError("out_of_range", "--tolerance", `expected a fraction below 1 (e.g. 0.005 = 0.5%), got ${text}`);
  return parts;
}

interface PoolSource { pool: Pool; from: string }

async function poolFrom(values: Values): Promise<PoolSource> {
  const typed = values["tao-reserve"] !== undefined || values["alpha-reserve"] !== undefined;
  const sources = [typed, values.url !== undefined, values.snapshot !== undefined].filter(Boolean).length;
  if (sources === 0) throw new UsageError("say where the pool comes from: --url URL --netuid N, --snapshot FILE, or --tao-reserve and --alpha-reserve");
  if (sources > 1) throw new UsageError("give one pool source: --url, --snapshot, or --tao-reserve/--alpha-reserve");
  const overrides = {
    quoteWeight: values.weight === undefined ? undefined : weightToParts(String(values.weight), "--weight"),
    feeRate: intFlag(values, "fee-rate", { max: 65535 }),
  };
  if (typed) {
    const raoDefault = values.rao === true;
    const need = (name: string) => {
      if (values[name] === undefined) throw new TaomathError("invalid_type", `--${name}`, "required with typed reserves");
      return amount(String(values[name]), `--${name}`, raoDefault);
    };
    return { pool: { taoReserve: need("tao-reserve"), alphaReserve: need("alpha-reserve"), ...overrides }, from: "typed reserves" };
  }
  if (values.url !== undefined) {
    const netuid = netuidFrom(values);
    return withClient(values, async (client) => {
      const at = await blockAt(client, values);
      const mg = await readMetagraph(client, netuid, at);
      return { pool: { taoReserve: BigInt(mg.tao_in), alphaReserve: BigInt(mg.alpha_in), ...overrides }, from: `subnet ${netuid} at block ${at.block}` };
    });
  }
  const json = readJson(String(values.snapshot), "--snapshot");
  if (json?.schema === SNAPSHOT_SCHEMA) {
    const mg = json.metagraph ?? {};
    if (values.netuid !== undefined && netuidFrom(values) !== json.source?.netuid) {
      throw new TaomathError("unknown_netuid", "--netuid", `the snapshot holds subnet ${json.source?.netuid}, not ${values.netuid}`);
    }
    if (mg.tao_in === undefined || mg.alpha_in === undefined) throw new TaomathError("missing_storage", "--snapshot", "the snapshot's metagraph has no tao_in / alpha_in");
    return { pool: { taoReserve: BigInt(mg.tao_in), alphaReserve: BigInt(mg.alpha_in), ...overrides }, from: `subnet ${json.source?.netuid} at block ${json.source?.block} (snapshot)` };
  }
  if (Array.isArray(json?.subnets)) {
    const netuid = netuidFrom(values);
    const s = json.subnets.find((x: { netuid?: number }) => x.netuid === netuid);
    if (!s) throw new TaomathError("unknown_netuid", "--netuid", `the snapshot has no subnet ${netuid}`);
    if (s.mechanism !== undefined && Number(s.mechanism) !== 1) throw new TaomathError("unsupported", "--netuid", `subnet ${netuid} is a stable subnet (mechanism ${s.mechanism}): TAO and alpha swap 1:1, there is no pool to quote`);
    return {
      pool: {
        taoReserve: BigInt(s.tao_reserve), alphaReserve: BigInt(s.alpha_reserve),
        quoteWeight: overrides.quoteWeight ?? (s.quote_weight === undefined ? undefined : BigInt(s.quote_weight)),
        feeRate: overrides.feeRate ?? s.fee_rate,
      },
      from: `subnet ${netuid} of the network snapshot at block ${json.block}`,
    };
  }
  throw new TaomathError("invalid_type", "--snapshot", "expected a snapshot from `taomath fetch` or a network snapshot (with \"subnets\")");
}

export const quote: Command = {
  name: "quote",
  summary: "exact stake/unstake quote on a subnet's pool, with slippage tolerance and partial fills",
  usage: [
    "quote stake --tao-in TAO (--url URL --netuid N | --snapshot FILE | --tao-reserve TAO --alpha-reserve ALPHA) [--tolerance T [--partial] | --limit-price P] [--json]",
    "quote unstake --alpha-in ALPHA (...the same pool and limit flags...)",
  ],
  description: "Amounts and reserves are TAO (or alpha) decimals; 123rao or --rao for rao. The limit price is TAO per alpha. --tolerance T sets the limit from the spot price as btcli does: stake at most price x (1 + T), unstake at least price x (1 - T). Without --partial, an amount the limit cannot fill in full is refused (SlippageTooHigh, exit 1); with --partial the part that fits is quoted. A pool read from a node uses its tao_in and alpha_in with the default weight 0.5 and fee rate 33/65535 unless --weight or --fee-rate say otherwise.",
  flags: {
    "tao-in": { type: "string", value: "TAO", help: "TAO to stake (fee included)" },
    "alpha-in": { type: "string", value: "ALPHA", help: "alpha to unstake (fee included)" },
    url: common.url, netuid: common.netuid, block: common.block, timeout: common.timeout, retries: common.retries,
    "assume-runtime": common["assume-runtime"],
    snapshot: { type: "string", value: "FILE", help: "read the pool from a `taomath fetch` snapshot, or a network snapshot with --netuid" },
    "tao-reserve": { type: "string", value: "TAO", help: "the pool's TAO reserve (SubnetTAO)" },
    "alpha-reserve": { type: "string", value: "ALPHA", help: "the pool's alpha reserve (SubnetAlphaIn)" },
    weight: { type: "string", value: "W", help: "the pool's TAO (quote) weight in (0, 1) (default 0.5)" },
    "fee-rate": { type: "string", value: "F", help: "the swap fee rate as a u16 of 65535 (default 33)" },
    tolerance: { type: "string", value: "T", help: "slippage tolerance as a fraction (0.005) or percent (0.5%): sets the limit price" },
    "limit-price": { type: "string", value: "P", help: "limit price in TAO per alpha (instead of --tolerance)" },
    partial: { type: "boolean", help: "allow a partial fill up to the limit price (default: refuse the whole amount)" },
    runtime: { type: "string", value: "SPEC", help: "the runtime spec_version whose rules to use: 425 and 459 price on the Balancer pool, 473 on the superellipse (default: the newest known)" },
    rao: common.rao,
    json: common.json,
  },
  positionals: { min: 1, max: 1 },
  examples: ["taomath quote stake --tao-in 10 --url wss://entrypoint-finney.opentensor.ai:443 --netuid 19 --tolerance 0.005"],
  async run({ values, positionals }) {
    const side = positionals[0];
    if (side !== "stake" && side !== "unstake") throw new UsageError(`quote: expected "stake" or "unstake", got ${JSON.stringify(side)}`);
    const stake = side === "stake";
    const amountFlag = stake ? "tao-in" : "alpha-in";
    const other = stake ? "alpha-in" : "tao-in";
    if (values[other] !== undefined) throw new UsageError(`--${other} is for quote ${stake ? "unstake" : "stake"}; quote ${side} takes --${amountFlag}`);
    if (values.tolerance !== undefined && values["limit-price"] !== undefined) throw new UsageError("give --tolerance or --limit-price, not both");
    if (values.partial === true && values.tolerance === undefined && values["limit-price"] === undefined) {
      throw new UsageError("--partial needs a limit: --tolerance T or --limit-price P");
    }
    const amountIn = requiredAmount(values, amountFlag, stake ? "the TAO to stake" : "the alpha to unstake");
    const { pool, from } = await poolFrom(values);
    const runtime = values.runtime === undefined ? undefined : resolveRuntime(String(values.runtime), "--runtime").spec_version;
    const spotBits = spotPrice(pool, { runtime });
    let limit: bigint | undefined;
    let tol: bigint | undefined;
    if (values.tolerance !== undefined) {
      tol = toleranceParts(String(values.tolerance));
      // spot (U64F64 TAO per alpha) x 1e9 rao x (1 ± tol), floored once at the end
      limit = (spotBits * PPB * (stake ? PPB + tol : PPB - tol)) / (PPB << 64n);
      if (limit === 0n) throw new TaomathError("out_of_range", "--tolerance", "the limit price rounds to 0 rao per alpha");
    } else if (values["limit-price"] !== undefined) {
      limit = amount(String(values["limit-price"]), "--limit-price", values.rao === true);
    }
    const field = `--${amountFlag}`;
    const fields = { limitPriceRao: values.tolerance !== undefined ? "--tolerance" : "--limit-price", taoIn: "--tao-in", alphaIn: "--alpha-in" };
    let filled = amountIn;
    let maxAmount: bigint | null = null;
    if (limit !== undefined) {
      const l = limit;
      maxAmount = asFlags(fields, () => maxAmountForLimit(pool, l, side, { runtime }));
      if (amountIn > maxAmount) {
        if (values.partial !== true) {
          throw new ChainRejected("SlippageTooHigh", field,
            `at most ${raoToTao(maxAmount)} ${stake ? "TAO" : "alpha"} fills within the limit price ${raoToTao(limit)} TAO/alpha; lower the amount, raise --tolerance, or pass --partial`);
        }
        filled = maxAmount;
      }
    }
    const opts = limit === undefined ? { runtime } : { limitPriceRao: limit, runtime };
    const q = asFlags(fields, () => (stake ? quoteStake(pool, filled, opts) : quoteUnstake(pool, filled, opts)));
    const inTok = stake ? "TAO" : "alpha", outTok = stake ? "alpha" : "TAO";
    if (values.json === true) {
      return printJson({
        side, pool: { from, tao_reserve: pool.taoReserve, alpha_reserve: pool.alphaReserve },
        amount_requested: amountIn, amount_in: q.amountIn, paid_in: q.paidIn, amount_out: q.amountOut, fee: q.fee,
        price_before_bits: q.priceBefore, price_after_bits: q.priceAfter, effective_price: q.effectivePrice, slippage: q.slippage,
        limit_price_rao: limit ?? null, tolerance: tol === undefined ? null : Number(tol) / 1e9, partial: values.partial === true,
        max_amount: maxAmount, partially_filled: filled < amountIn, runtime: q.runtime,
      });
    }
    const spot = Number(q.priceBefore) / 2 ** 64, after = Number(q.priceAfter) / 2 ** 64;
    console.log(`${stake ? "Stake" : "Unstake"} ${raoToTao(amountIn)} ${inTok}  (pool: ${from}; ${raoToTao(BigInt(pool.taoReserve))} TAO / ${raoToTao(BigInt(pool.alphaReserve))} alpha)`);
    console.log(`  amount out       ${raoToTao(q.amountOut)} ${outTok}`);
    console.log(`  fee              ${raoToTao(q.fee)} ${inTok}`);
    if (filled < amountIn) console.log(`  filled           ${raoToTao(filled)} ${inTok} of ${raoToTao(amountIn)} (--partial: the limit price binds)`);
    console.log(`  spot price       ${spot.toPrecision(10)} TAO/alpha -> ${after.toPrecision(10)} after`);
    console.log(`  effective price  ${q.effectivePrice.toPrecision(10)} TAO/alpha (fee included)`);
    console.log(`  slippage         ${(q.slippage * 100).toFixed(4)}% vs spot`);
    const r = q.runtime;
    console.log(`  rules            runtime ${r.rules} (${r.rules === "473" ? "superellipse pool" : "Balancer pool"}), asked for spec ${r.spec_version}${r.newer_than_known ? ": newer than any taomath knows, the newest rules answered" : ""}`);
    if (limit !== undefined) {
      console.log(`  limit price      ${raoToTao(limit)} TAO/alpha${tol !== undefined ? ` (spot ${stake ? "+" : "-"} ${(Number(tol) / 1e7).toFixed(4)}% tolerance)` : ""}; at most ${raoToTao(maxAmount!)} ${inTok} fills within it`);
    }
  },
};
