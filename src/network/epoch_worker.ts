// One epoch thread of src/network/epoch_threads.ts: owns a taomath instance and runs runEpochTyped on
// each typed input it is sent (whole, or for a subnet's epoch run ahead only what it does not hold
// already: src/network/epoch_message.ts), posting the output back on its port under the input's id and
// counting it in the shared flag the main thread waits on (the main thread blocks in Atomics.wait, so
// the reply is read synchronously).

import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { instantiateSync } from "../core/taomath.js";
import type { EpochInputTyped } from "../bindings/epoch.js";
import { HeldInputs, type EpochMessage } from "./epoch_message.js";

const { port, flag, module } = workerData as { port: MessagePort; flag: Int32Array; module: WebAssembly.Module };
const tm = instantiateSync(module);
const held = new HeldInputs();
port.on("message", ({ id, input, message }: { id: number; input?: EpochInputTyped; message?: EpochMessage }) => {
  try {
    const typed = message === undefined ? input : (held.decode(message) as EpochInputTyped | null);
    if (typed === null || typed === undefined) port.postMessage({ id, ok: false, message: "the input refers to arrays this thread no longer holds", lost: message?.netuid });
    else {
      const out = tm.runEpochTyped(typed, { output: "typed" });
      if (message !== undefined) held.output(message.netuid, id, out as unknown as Record<string, unknown>);
      // every output is a view of one ArrayBuffer (runPreparedTyped): transferring it hands them all over
      port.postMessage({ id, ok: true, out }, [out.stake.buffer as ArrayBuffer]);
    }
  } catch (e) {
    port.postMessage({ id, ok: false, message: e instanceof Error ? e.message : String(e) });
  }
  Atomics.add(flag, 0, 1);
  Atomics.notify(flag, 0);
});
void parentPort;
