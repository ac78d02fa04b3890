// coinbase-blocks-vector/1 and payout-blocks-vector/1: each case's chain state run block by block
// on the network model (the core's block_step, the host's epochs and payouts), printed as the
// state after every block in the vectors' encoding.

import type { Taomath } from "../core/taomath.js";
import { TaomathError } from "../core/errors.js";
import { runBlocksCase } from "../network/vector_state.js";

export function runCoinbaseBlocksVector(tm: Taomath, file: Record<string, unknown>): unknown {
  const cases = file.cases;
  if (!Array.isArray(cases)) throw new TaomathError("invalid_type", "cases", "expected an array of cases");
  return { cases: cases.map((c: any) => ({ id: c.id, outputs: runBlocksCase(tm, c.inputs) })) };
}
