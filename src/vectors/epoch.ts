// yuma-epoch-vector/1: one epoch from the file's `inputs`, printed as the vectors encode `outputs`.

import type { Taomath } from "../core/taomath.js";
import { epochToVectorEncoding, epochInputFromJson } from "../epoch/encoding.js";

export function runEpochVector(tm: Taomath, file: Record<string, unknown>, trace = false): unknown {
  return epochToVectorEncoding(tm.runEpoch(epochInputFromJson(file), { trace }));
}
