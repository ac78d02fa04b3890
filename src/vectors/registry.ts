// `taomath vector FILE`: the one conformance entry point. Each schema maps to a runner that takes
// the parsed file and returns what the CLI prints: {"outputs": ...} for a single-case file with
// top-level `inputs`, {"cases": [{id, outputs}, ...]} (same order) for a file with `cases`.
// New schemas register here.

import { TaomathError, quote } from "../core/errors.js";
import type { Taomath } from "../core/taomath.js";
import { runEpochVector } from "./epoch.js";
import { runMathVector } from "./math.js";
import { runEmissionVector, runEmaVector } from "./emission.js";
import { runSwapVector } from "./swap.js";
import { runSharePoolVector } from "./sharepool.js";
import { runBurnVector } from "./burn.js";
import { runSuperellipseVector } from "./superellipse.js";
import { runCoinbaseBlocksVector } from "./blocks.js";

export type VectorRunner = (tm: Taomath, file: Record<string, unknown>) => unknown;

export const vectorRunners: Record<string, VectorRunner> = {
  "yuma-epoch-vector/1": runEpochVector,
  "yuma-math-vector/1": runMathVector,
  "econ-emission-vector/1": runEmissionVector,
  "econ-ema-vector/1": runEmaVector,
  "econ-swap-vector/1": runSwapVector,
  "econ-sharepool-vector/1": runSharePoolVector,
  "econ-burn-vector/1": runBurnVector,
  "econ-superellipse-vector/1": runSuperellipseVector,
  "coinbase-blocks-vector/1": runCoinbaseBlocksVector,
  "payout-blocks-vector/1": runCoinbaseBlocksVector,
};

export function runVectorFile(tm: Taomath, file: unknown): unknown {
  if (file === null || typeof file !== "object" || Array.isArray(file)) {
    throw new TaomathError("invalid_type", "file", "expected a JSON object with a `schema` field");
  }
  const f = file as Record<string, unknown>;
  const schema = f.schema;
  if (typeof schema !== "string") throw new TaomathError("unknown_schema", "schema", "the file has no `schema` field");
  const runner = Object.hasOwn(vectorRunners, schema) ? vectorRunners[schema] : undefined;
  if (!runner) {
    throw new TaomathError("unknown_schema", "schema", `unknown schema ${quote(schema)}; known: ${Object.keys(vectorRunners).join(", ")}`);
  }
  try {
    return runner(tm, f);
  } catch (e) {
    // the runners read the schema's fields directly: a file that does not follow it fails here
    if (e instanceof TaomathError) throw e;
    throw new TaomathError("invalid_type", "file", `does not follow the ${schema} schema (${String((e as Error)?.message ?? e).slice(0, 160)})`);
  }
}
