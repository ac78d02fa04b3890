// econ-swap-vector/1: the five files of vectors/swap (balancer primitives, prices, swaps,
// limit-price maximums, weight updates), told apart by the shape of their cases. Each case's
// outputs are recomputed by the wasm core in the vector encoding.

import type { Taomath } from "../core/taomath.js";
import { TaomathError, quote } from "../core/errors.js";
import type { PoolInput, SwapCore } from "../bindings/swap.js";
import { satU64 } from "../core/ints.js";

type Json = Record<string, any>;
const B = (s: string) => BigInt(s);
const u64f64 = (b: bigint) => ({ bits: b.toString(), float: Number(b) / 2 ** 64 });

export function poolFromJson(p: Json): PoolInput {
  return {
    taoReserve: B(p.tao_reserve), alphaReserve: B(p.alpha_reserve), alphaOut: B(p.alpha_out ?? "0"),
    quoteWeight: B(p.quote_weight), palSwapInitialized: p.pal_swap_initialized, feeRate: p.fee_rate,
    minimumReserve: B(p.minimum_reserve), mechanism: p.mechanism,
  };
}

function balancerCase(sw: SwapCore, fn: string, i: Json): Json {
  const q = i.quote_weight !== undefined ? B(i.quote_weight) : 0n;
  switch (fn) {
    case "pow_ratio_scaled": {
      const r = sw.powRatioScaled(B(i.base_numerator), B(i.base_denominator), B(i.exponent_numerator), B(i.exponent_denominator), i.precision, B(i.scale));
      return { result: r === null ? null : r.toString() };
    }
    case "exp_base_quote": return { result: u64f64(sw.expScaled(q, B(i.reserve), B(i.delta), true)) };
    case "exp_quote_base": return { result: u64f64(sw.expScaled(q, B(i.reserve), B(i.delta), false)) };
    case "get_base_needed_for_quote": return { result: sw.baseNeededForQuote(q, B(i.tao_reserve), B(i.alpha_reserve), B(i.delta_tao)).toString() };
    case "calculate_quote_delta_in": return { result: sw.quoteDeltaIn(q, B(i.current_price.bits), B(i.target_price.bits), B(i.reserve)).toString() };
    case "calculate_base_delta_in": return { result: sw.baseDeltaIn(q, B(i.current_price.bits), B(i.target_price.bits), B(i.reserve)).toString() };
  }
  throw new TaomathError("unknown_schema", "function", `unknown balancer function ${quote(fn)}`);
}

/** Outputs of one swap-folder case. */
export function swapCase(sw: SwapCore, c: Json): Json {
  const i = c.inputs;
  if (typeof c.function === "string") return balancerCase(sw, c.function, i);
  if ("order" in i) {
    const r = sw.swap(poolFromJson(i.pool), i.order === "tao_to_alpha", B(i.amount), B(i.limit_price_rao), i.drop_fees, i.simulate);
    const s = r.stateAfter;
    const tail = {
      price_after: u64f64(r.priceAfter), price_before: u64f64(r.priceBefore),
      state_after: {
        alpha_out: s.alphaOut.toString(), alpha_reserve: s.alphaReserve.toString(), pal_swap_initialized: s.palSwapInitialized,
        quote_weight: s.quoteWeight.toString(), tao_reserve: s.taoReserve.toString(),
      },
    };
    if (!r.ok) return { error: r.error, ok: false, ...tail };
    return {
      amount_paid_in: r.paidIn.toString(), amount_paid_out: r.paidOut.toString(), fee_paid: r.fee.toString(),
      fee_to_block_author: r.feeToBlockAuthor.toString(), ok: true, ...tail,
    };
  }
  if ("direction" in i) {
    const r = sw.maxAmount(poolFromJson(i.pool), i.direction === "add_stake", B(i.limit_price_rao), i.netuid_is_root);
    return r.ok ? { max_amount: r.maxAmount.toString(), ok: true } : { error: r.error, ok: false };
  }
  if ("tao_delta" in i) {
    const y = B(i.tao_reserve), x = B(i.alpha_reserve), q = B(i.quote_weight), dy = B(i.tao_delta), dx = B(i.alpha_delta);
    const r = sw.weightUpdate(y, x, q, dy, dx);
    return {
      accepted: r.accepted, alpha_added: (r.accepted ? dx : 0n).toString(),
      price_after: u64f64(sw.price(r.quoteWeight, satU64(r.accepted ? x + dx : x), satU64(r.accepted ? y + dy : y))),
      price_before: u64f64(sw.price(q, x, y)),
      quote_weight_after: r.quoteWeight.toString(), tao_added: (r.accepted ? dy : 0n).toString(),
    };
  }
  if ("mechanism" in i) return { price: u64f64(sw.price(B(i.quote_weight), B(i.alpha_reserve), B(i.tao_reserve), i.mechanism)) };
  throw new TaomathError("invalid_type", `cases[${c.id}]`, "not a case of any swap-folder file");
}

export function runSwapVector(tm: Taomath, file: Json): unknown {
  const sw = tm.swap;
  if (!Array.isArray(file.cases)) throw new TaomathError("invalid_type", "cases", "expected an array of cases");
  return { cases: file.cases.map((c: Json) => ({ id: c.id, outputs: swapCase(sw, c) })) };
}
