// econ-burn-vector/1: the decay factor per half-life (decay_factor.json) and per-block burn
// sequences with registrations (sequences.json), recomputed by the wasm core.

import type { Taomath } from "../core/taomath.js";
import { TaomathError } from "../core/errors.js";
import type { BurnCore } from "../bindings/burn.js";

type Json = Record<string, any>;

export function burnCase(bc: BurnCore, i: Json): Json {
  if ("registrations_per_block" in i) {
    const blocks = bc.run({
      burn: BigInt(i.burn), minBurn: BigInt(i.min_burn), maxBurn: BigInt(i.max_burn), halfLife: i.half_life,
      burnIncreaseMult: BigInt(i.burn_increase_mult.bits), isRoot: i.netuid === 0, startBlock: BigInt(i.start_block),
    }, i.registrations_per_block);
    return {
      blocks: blocks.map((b) => ({
        block: b.block.toString(), burn_after_decay: b.burnAfterDecay.toString(), burn_end_of_block: b.burnEndOfBlock.toString(),
        registration_prices: b.registrationPrices.map(String),
      })),
    };
  }
  const f = bc.decayFactorQ32(i.half_life);
  return { decay_factor_q32: f.toString(), pow_q32_factor_half_life: bc.powQ32(f, i.half_life).toString() };
}

export function runBurnVector(tm: Taomath, file: Json): unknown {
  const bc = tm.burn;
  if (!Array.isArray(file.cases)) throw new TaomathError("invalid_type", "cases", "expected an array of cases");
  return { cases: file.cases.map((c: Json) => ({ id: c.id, outputs: burnCase(bc, c.inputs) })) };
}
