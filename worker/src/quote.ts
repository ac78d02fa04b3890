// POST /v1/quote: stake and unstake quotes on one Balancer pool (subtensor's swap simulation),
// one amount or many in a single wasm call. Body: {"pool": {"tao_reserve", "alpha_reserve",
// "quote_weight"?, "fee_rate"?, ...}, "side": "stake"|"unstake", "amount" | "amounts", "limit_price_rao"?};
// the answer is canonical JSON (sorted keys), so equal requests are equal bytes on every host.

import { canonicalJson } from "taomath/vectors";
import { quoteRequestFromJson, quoteResponse } from "taomath/pool";
import { engine } from "./engine.js";
import { jsonText, readJsonBody } from "./http.js";

export async function postQuote(request: Request): Promise<Response> {
  const req = quoteRequestFromJson(await readJsonBody(request));
  return jsonText(canonicalJson(quoteResponse(engine(), req)));
}
