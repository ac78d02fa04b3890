// Entry point of the dense epoch (epoch_dense_mechanism): the same input and output headers as
// `epoch` (abi/epoch.ts; boundary.json: epoch_dense same_as epoch); no trace slots are filled.

import { EpochOutput } from "../epoch/epoch";
import { runEpochDense } from "../epoch/epoch_dense";
import { readEpochInput, writeEpochOutput } from "./epoch";

export function epoch_dense(h: usize): usize {
  const inp = readEpochInput(h);
  inp.trace = false;
  const out = new EpochOutput();
  runEpochDense(inp, out);
  return writeEpochOutput(inp, out);
}
