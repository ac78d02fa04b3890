// One epoch thread of src/network/epoch_threads.ts: owns a taomath instance and runs runEpochTyped on
// each typed input it is sent, posting the output back on its port under the input's id and counting it
// in the shared flag the main thread waits on (the main thread blocks in Atomics.wait, so the reply is
// read synchronously).

import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { instantiateSync } from "../core/taomath.js";

const { port, flag, module } = workerData as { port: MessagePort; flag: Int32Array; module: WebAssembly.Module };
const tm = instantiateSync(module);
port.on("message", ({ id, input }) => {
  try {
    const out = tm.runEpochTyped(input, { output: "typed" });
    const buffers = [out.stake, out.stake_weight, out.active, out.validator_permit, out.consensus, out.incentive, out.dividends, out.validator_trust,
      out.emission, out.server_emission, out.validator_emission, out.bonds.start, out.bonds.col, out.bonds.val].map((a) => a.buffer as ArrayBuffer);
    port.postMessage({ id, ok: true, out }, [...new Set(buffers)]);
  } catch (e) {
    port.postMessage({ id, ok: false, message: e instanceof Error ? e.message : String(e) });
  }
  Atomics.add(flag, 0, 1);
  Atomics.notify(flag, 0);
});
void parentPort;
