// POST /v1/simulate: one Yuma lab run (a named scenario or a scenario object) on the exact epoch.
// Body: {"scenario": NAME | {...}, "epochs"?, "seed"?, "hyperparameters"?, "float"?, "include_epochs"?}.
// Answer: the run's summary (strategies, miner groups, dividend shares, float comparison) and, with
// include_epochs, every epoch's records; canonical JSON. The sweep driver (runSweepRemote) calls it
// once per grid cell.

import { TaomathError } from "taomath";
import { namedScenario, planScenario, simulate, simulationToJson } from "taomath/simulate";
import { canonicalJson } from "taomath/vectors";
import { engine } from "./engine.js";
import { HttpError, jsonText, readJsonBody } from "./http.js";

/** Work cap per request, in uid-epochs (uids x epochs, twice that with the float engine): 256 uids x 1024 epochs. */
export const MAX_SIMULATE_UID_EPOCHS = 262_144;

const KEYS = ["scenario", "epochs", "seed", "hyperparameters", "float", "include_epochs"];

export async function postSimulate(request: Request): Promise<Response> {
  const body = await readJsonBody(request);
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw new HttpError(400, "invalid_type", "body", "expected a JSON object with a `scenario` (a name or a scenario object)");
  const b = body as Record<string, unknown>;
  for (const k of Object.keys(b)) if (!KEYS.includes(k)) throw new TaomathError("invalid_type", k, `is not a field of a simulate request (fields: ${KEYS.join(", ")})`);
  if (!("scenario" in b)) throw new TaomathError("invalid_type", "scenario", "is missing (a scenario name or a scenario object)");
  const scenario = typeof b.scenario === "string" ? namedScenario(b.scenario) : b.scenario;
  for (const k of ["float", "include_epochs"]) if (b[k] !== undefined && typeof b[k] !== "boolean") throw new TaomathError("invalid_type", k, "expected true or false");
  const overrides = { epochs: b.epochs as number | undefined, seed: b.seed as number | undefined, hyperparameters: b.hyperparameters as never };
  const plan = planScenario(scenario, overrides);
  const work = plan.n * plan.epochs * (b.float === true ? 2 : 1);
  if (work > MAX_SIMULATE_UID_EPOCHS) throw new HttpError(413, "too_much_work", "epochs", `${plan.n} uids x ${plan.epochs} epochs${b.float ? " x 2 engines" : ""} = ${work} uid-epochs, above the limit of ${MAX_SIMULATE_UID_EPOCHS} per request; split the run or run it locally`);
  const r = simulate(engine(), scenario, { ...overrides, float: b.float === true, recordBonds: b.include_epochs === true ? undefined : false });
  return jsonText(canonicalJson(simulationToJson(r, { epochs: b.include_epochs === true })));
}
