// One epoch thread of src/network/epoch_threads.ts: owns a taomath instance and runs runEpoch on
// each input it is sent, posting the output back on its port and counting it in the shared flag the
// main thread waits on (the main thread blocks in Atomics.wait, so the reply is read synchronously).

import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { taomath } from "../index.js";

const { port, flag } = workerData as { port: MessagePort; flag: Int32Array };
const tm = taomath();
port.on("message", (input) => {
  let reply: unknown;
  try {
    reply = { ok: true, out: tm.runEpoch(input) };
  } catch (e) {
    reply = { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
  Atomics.add(flag, 0, 1);
  Atomics.notify(flag, 0);
});
void parentPort;
