// The API's route table. Each endpoint is one line here plus a handler module.

import { MAX_QUOTE_AMOUNTS } from "taomath/pool";
import { MAX_EMISSION_YEARS } from "taomath/emission";
import { MAX_BODY_BYTES, json } from "./http.js";
import { postEpoch } from "./epoch.js";
import { postQuote } from "./quote.js";
import { getEmission } from "./emission.js";
import { postSimulate } from "./simulate.js";
import { instancesCreated, memoryBytes } from "./engine.js";

export interface Route {
  method: "GET" | "POST";
  path: string;
  summary: string;
  handler: (request: Request, url: URL) => Response | Promise<Response>;
}

export const routes: Route[] = [
  { method: "GET", path: "/v1", summary: "this list of endpoints and limits", handler: () => index() },
  { method: "POST", path: "/v1/epoch", summary: "one Yuma Consensus epoch: epoch inputs JSON in, {\"outputs\"} in the vector encoding out", handler: postEpoch },
  { method: "POST", path: "/v1/quote", summary: "stake/unstake quotes on a pool: {\"pool\", \"side\", \"amount\" or \"amounts\", \"limit_price_rao\"?} in, one quote per amount out", handler: postQuote },
  { method: "GET", path: "/v1/emission", summary: "?issuance=RAO[&recycled_per_day&years&start_block&start_date]: block emission, coming halvings, supply by year", handler: getEmission },
  { method: "POST", path: "/v1/simulate", summary: "a Yuma lab run: {\"scenario\": NAME | {...}, \"epochs\"?, \"hyperparameters\"?, \"float\"?, \"include_epochs\"?} in, per-strategy verdicts out", handler: postSimulate },
];

function index(): Response {
  return json({
    name: "taomath",
    endpoints: routes.map((r) => ({ method: r.method, path: r.path, summary: r.summary })),
    max_body_bytes: MAX_BODY_BYTES,
    max_quote_amounts: MAX_QUOTE_AMOUNTS,
    max_emission_years: MAX_EMISSION_YEARS,
    instances_created: instancesCreated(),
    wasm_memory_bytes: memoryBytes(),
  });
}
