// POST /v1/epoch: one Yuma Consensus epoch (subtensor's epoch_mechanism). The body is the epoch
// inputs, bare or as a vector file's {"inputs": ...}; the answer is {"outputs": ...} in the
// shared vector encoding, serialised canonically (sorted keys), so equal results are equal bytes.

import { epochInputFromJson, epochToVectorEncoding } from "taomath";
import { outputsBytes } from "taomath/vectors";
import { engine } from "./engine.js";
import { HttpError, jsonText, readJsonBody } from "./http.js";

export async function postEpoch(request: Request): Promise<Response> {
  const body = await readJsonBody(request);
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new HttpError(400, "invalid_type", "body", "expected a JSON object: the epoch inputs, or a vector file with `inputs`");
  }
  const result = engine().runEpoch(epochInputFromJson(body));
  return jsonText(outputsBytes(epochToVectorEncoding(result).outputs));
}
