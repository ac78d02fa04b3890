// GET /v1/emission?issuance=RAO[&recycled_per_day=RAO&years=N&start_block=B&start_date=YYYY-MM-DD]:
// the block emission at that TotalIssuance (get_block_emission_for_issuance), the coming halvings
// and the supply by year from projectEmission, as canonical JSON.

import { canonicalJson } from "taomath/vectors";
import { emissionRequestFromQuery, emissionResponse } from "taomath/emission";
import { engine } from "./engine.js";
import { jsonText } from "./http.js";

export function getEmission(_request: Request, url: URL): Response {
  return jsonText(canonicalJson(emissionResponse(engine(), emissionRequestFromQuery(url.searchParams))));
}
