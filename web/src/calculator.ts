// The dashboard's requests from the forms as typed. The staking calculator: the pool and the amount
// to stake (TAO) or unstake (alpha) become one POST /v1/quote body whose amounts are that amount
// followed by a log-spaced curve from 1/10000 of the input token's reserve to twice it, so the
// whole slippage curve is one batch quote (one wasm call), at the runtime chosen (default: the newest
// known rules; always sent, since the quote API's own default for a pool without an ellipse is 425). Decimal text is converted exactly (no floating point) by taomath's taoToRao / weightToParts. The emission
// section: the same GET /v1/emission query the Worker takes.

import { NEWEST_SPEC, TaomathError, resolveRuntime } from "taomath";
import { taoToRao, weightToParts } from "taomath/pool";
import type { CalculatorForm, CalculatorRun, EmissionForm } from "./protocol";

export const CURVE_POINTS = 96;
const U64_MAX = (1n << 64n) - 1n;

export function calculatorRequest(form: CalculatorForm): CalculatorRun["request"] {
  const tao = taoToRao(form.tao_reserve, "tao_reserve");
  const alpha = taoToRao(form.alpha_reserve, "alpha_reserve");
  const weight = weightToParts(form.weight, "weight");
  const feeText = form.fee_rate.trim();
  if (!/^[0-9]+$/.test(feeText)) throw new TaomathError("invalid_type", "fee_rate", `expected an integer fee rate (parts of 65535), got ${JSON.stringify(form.fee_rate)}`);
  if (form.side !== "stake" && form.side !== "unstake") throw new TaomathError("invalid_type", "side", `expected "stake" or "unstake", got ${JSON.stringify(form.side)}`);
  const amount = taoToRao(form.amount, "amount");
  const runtimeText = (form.runtime ?? "").trim();
  const runtime = runtimeText === "" ? NEWEST_SPEC : resolveRuntime(runtimeText, "runtime").spec_version;
  const reserveIn = Number(form.side === "stake" ? tao : alpha);
  const lo = Math.max(1, reserveIn / 10_000);
  const hi = Math.max(lo * 10, reserveIn * 2);
  const curve: string[] = [];
  for (let i = 0; i < CURVE_POINTS; i++) {
    const x = BigInt(Math.round(lo * (hi / lo) ** (i / (CURVE_POINTS - 1))));
    curve.push((x > U64_MAX ? U64_MAX : x).toString());
  }
  return {
    pool: { tao_reserve: tao.toString(), alpha_reserve: alpha.toString(), quote_weight: weight.toString(), fee_rate: Number(feeText) },
    side: form.side,
    amounts: [amount.toString(), ...curve],
    runtime,
  };
}

/** The emission section's GET /v1/emission query: TAO text converted exactly to rao. */
export function emissionQuery(form: EmissionForm): URLSearchParams {
  const q = new URLSearchParams();
  q.set("issuance", taoToRao(form.issuance, "issuance").toString());
  q.set("recycled_per_day", taoToRao(form.recycled_per_day.trim() === "" ? "0" : form.recycled_per_day, "recycled_per_day").toString());
  q.set("years", form.years.trim());
  if (form.start_date !== undefined) q.set("start_date", form.start_date);
  return q;
}
