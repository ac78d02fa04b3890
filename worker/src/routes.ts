// The API's route table. Each endpoint is one line here plus a handler module; /v1/quote and
// /v1/emission are to be added this way once the pool-math and emission APIs exist.

import { MAX_BODY_BYTES, json } from "./http.js";
import { postEpoch } from "./epoch.js";
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
];

function index(): Response {
  return json({
    name: "taomath",
    endpoints: routes.map((r) => ({ method: r.method, path: r.path, summary: r.summary })),
    max_body_bytes: MAX_BODY_BYTES,
    instances_created: instancesCreated(),
    wasm_memory_bytes: memoryBytes(),
  });
}
