// predictEpoch: the next epoch of a subnet from a snapshot, run by the bit-exact core. The result
// is what the chain would write if the state at the snapshot block were still the state at the
// epoch block (weights, stakes and activity can change in between; rao_emission is the pending
// emission accrued so far unless given).

import { TaomathError } from "../core/errors.js";
import type { Taomath } from "../core/taomath.js";
import type { EpochInput, EpochResult } from "../bindings/epoch.js";
import { epochInputsFromSnapshot, type EpochScheduleInfo, type InputOptions } from "./inputs.js";
import type { Snapshot } from "./snapshot.js";

export interface PredictOptions extends InputOptions {
  /** alpha (rao) the epoch distributes; default: PendingEmission at the snapshot block */
  raoEmission?: bigint;
}

export interface Prediction {
  netuid: number; snapshot_block: number; epoch_block: string; inputs: EpochInput; result: EpochResult;
  /** how epoch_block was found; at runtime 425 whether the per-block epoch cap could move it */
  schedule: EpochScheduleInfo;
}

export function predictEpoch(tm: Taomath, snapshot: Snapshot, options: PredictOptions = {}): Prediction {
  const built = epochInputsFromSnapshot(snapshot, options);
  if (built.inputs === null) {
    throw new TaomathError("missing_storage", `subnet ${snapshot.source.netuid}`, `cannot build the epoch inputs: ${built.missing.join("; ")}`);
  }
  const inputs = { ...built.inputs } as unknown as EpochInput;
  if (options.raoEmission !== undefined) inputs.rao_emission = options.raoEmission;
  return {
    netuid: snapshot.source.netuid,
    snapshot_block: snapshot.source.block,
    epoch_block: String(inputs.current_block),
    inputs,
    result: tm.runEpoch(inputs),
    schedule: built.schedule,
  };
}
