// econ-superellipse-vector/1: the five files of vectors/superellipse (calibration, price, trade,
// swaps, migration: runtime 473), told apart by the shape of their cases. Each case's outputs
// are recomputed by the wasm core and printed in the vector encoding.

import type { Taomath } from "../core/taomath.js";
import { TaomathError } from "../core/errors.js";
import { type Ellipse, type EllipseCore, type CurveResult, type Pool473Input, type Pool473State, type TradeFn } from "../bindings/superellipse.js";

type Json = Record<string, any>;
const B = (s: string) => BigInt(s);
const u64f64 = (b: bigint) => ({ bits: b.toString(), float: Number(b) / 2 ** 64 });
const HALF = 500_000_000_000_000_000n;

export function ellipseFromJson(e: Json | null | undefined): Ellipse | null {
  if (e === null || e === undefined) return null;
  return { alpha_scale: B(e.alpha_scale), tao_scale: B(e.tao_scale), center_alpha: B(e.center_alpha), center_tao: B(e.center_tao) };
}
export function ellipseToJson(e: Ellipse | null): Json | null {
  if (e === null) return null;
  return {
    alpha_scale: e.alpha_scale.toString(), center_alpha: e.center_alpha.toString(),
    center_tao: e.center_tao.toString(), tao_scale: e.tao_scale.toString(),
  };
}

function pool473FromJson(p: Json): Pool473Input {
  return {
    taoReserve: B(p.tao_reserve), alphaReserve: B(p.alpha_reserve), alphaOut: B(p.alpha_out ?? "0"),
    // an absent SwapBalancer entry reads as the default Balancer (weight 0.5)
    quoteWeight: p.quote_weight === null || p.quote_weight === undefined ? HALF : B(p.quote_weight),
    palSwapInitialized: p.pal_swap_initialized === true, feeRate: p.fee_rate ?? 33,
    minimumReserve: B(p.minimum_reserve ?? "1000000"), mechanism: p.mechanism, ellipse: ellipseFromJson(p.ellipse),
  };
}

function stateToJson(s: Pool473State): Json {
  return {
    alpha_out: s.alphaOut.toString(), alpha_reserve: s.alphaReserve.toString(), ellipse: ellipseToJson(s.ellipse),
    pal_swap_initialized: s.palSwapInitialized,
    quote_weight: s.quoteWeight.toString(), tao_reserve: s.taoReserve.toString(),
  };
}

function curveOut<T>(r: CurveResult<T>, key: string, enc: (v: T) => unknown): Json {
  return r.ok ? { ok: true, [key]: enc(r.value) } : { error: r.error, ok: false };
}

function calibrationCase(ec: EllipseCore, fn: string, i: Json): Json {
  if (fn === "from_weights") return curveOut(ec.fromWeights(B(i.alpha), B(i.tao), B(i.quote_weight)), "ellipse", ellipseToJson);
  if (fn === "from_price") return curveOut(ec.fromPrice(B(i.alpha), B(i.tao), B(i.price.bits)), "ellipse", ellipseToJson);
  const e = ellipseFromJson(i.ellipse)!;
  if (fn === "translate_liquidity") return curveOut(ec.translate(e, B(i.alpha_delta), B(i.tao_delta)), "ellipse", ellipseToJson);
  const arg: Record<string, string | undefined> = {
    buy_output: i.input, sell_output: i.input, max_buy_input: i.floor, max_sell_input: i.floor,
    quote_delta_to_price: i.target?.bits, base_delta_to_price: i.target?.bits, base_needed_for_quote: i.output,
  };
  if (!(fn in arg)) throw new TaomathError("unknown_schema", "function", `unknown superellipse function ${JSON.stringify(fn)}`);
  return curveOut(ec.trade(fn as TradeFn, e, B(i.alpha), B(i.tao), B(arg[fn]!)), "result", (v) => v.toString());
}

/** Outputs of one superellipse-folder case. */
export function superellipseCase(ec: EllipseCore, c: Json): Json {
  const i = c.inputs;
  if (typeof c.function === "string") return calibrationCase(ec, c.function, i);
  if ("order" in i) {
    const r = ec.swap(pool473FromJson(i.pool), i.order === "tao_to_alpha", B(i.amount), B(i.limit_price_rao), i.drop_fees, i.simulate);
    const tail = { price_after: u64f64(r.priceAfter), price_before: u64f64(r.priceBefore), state_after: stateToJson(r.stateAfter) };
    if (!r.ok) return { error: r.error, ok: false, ...tail };
    return {
      amount_paid_in: r.paidIn.toString(), amount_paid_out: r.paidOut.toString(), fee_paid: r.fee.toString(),
      fee_to_block_author: r.feeToBlockAuthor.toString(), ok: true, ...tail,
    };
  }
  if ("pool" in i) {
    const p = i.pool;
    const candidate = p.pal_swap_initialized !== null || p.quote_weight !== null;
    const r = ec.migrate(pool473FromJson(p), candidate, p.exists !== false);
    return {
      balancer_price: u64f64(r.balancerPrice), ellipse: ellipseToJson(r.stateAfter.ellipse), migration_complete: r.complete,
      pal_swap_initialized_after: r.stateAfter.palSwapInitialized, price_after: u64f64(r.priceAfter), price_before: u64f64(r.priceBefore),
      state_after: stateToJson(r.stateAfter),
    };
  }
  if ("ellipse" in i) return curveOut(ec.price(ellipseFromJson(i.ellipse)!, B(i.alpha), B(i.tao)), "price", u64f64);
  throw new TaomathError("invalid_type", `cases[${c.id}]`, "not a case of any superellipse-folder file");
}

export function runSuperellipseVector(tm: Taomath, file: Json): unknown {
  const ec = (tm).ellipse;
  if (!Array.isArray(file.cases)) throw new TaomathError("invalid_type", "cases", "expected an array of cases");
  return { cases: file.cases.map((c: Json) => ({ id: c.id, outputs: superellipseCase(ec, c) })) };
}
