// Epochs of different subnets on worker threads (Node only). When the core stops at a block where
// several subnets are due, their epochs are independent (each reads only its own subnet's inputs):
// the main thread runs one and `threads - 1` workers, each with its own taomath instance, run the
// others at the same time. Network.step stays synchronous: the main thread waits for the workers'
// replies in Atomics.wait and reads them with receiveMessageOnPort, then applies the payouts itself
// in netuid order, so the snapshot is byte-identical to the single-thread run. Inputs and outputs
// cross threads in the typed form (typed arrays and CSR): cloning the plain objects costs more than
// the epoch itself.

import { Worker, MessageChannel, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import type { Taomath } from "../core/taomath.js";
import type { EpochInputTyped, EpochOutputTyped } from "../bindings/epoch.js";
import { TaomathError } from "../core/errors.js";
import type { EpochRunner } from "./network.js";

interface Thread { worker: Worker; port: MessagePort; flag: Int32Array; done: number }

export class EpochThreads {
  private readonly threads: Thread[] = [];
  /** how many epochs ran on workers (the rest ran on the main thread) */
  offloaded = 0;

  constructor(private readonly tm: Taomath, readonly count: number) {
    if (!Number.isInteger(count) || count < 1 || count > 64) throw new TaomathError("out_of_range", "threads", "expected 1..64 epoch threads");
  }

  /** Workers start on the first block with several epochs: their start-up (a wasm compile each) is not paid when none comes. */
  private start(): void {
    for (let k = 1; k < this.count; k++) {
      const { port1, port2 } = new MessageChannel();
      const flag = new Int32Array(new SharedArrayBuffer(4));
      const worker = new Worker(new URL("./epoch_worker.js", import.meta.url), { workerData: { port: port2, flag }, transferList: [port2] });
      worker.unref();
      this.threads.push({ worker, port: port1, flag, done: 0 });
    }
  }

  /** The runner for Network.step's epochRunner option. */
  get runner(): EpochRunner {
    return (inputs) => this.run(inputs);
  }

  private run(inputs: EpochInputTyped[]): EpochOutputTyped[] {
    if (this.threads.length === 0 && inputs.length > 1) this.start();
    const outs = new Array<EpochOutputTyped>(inputs.length);
    const slots = this.threads.length + 1;
    // input k goes to slot k % slots; slot 0 is the main thread
    const sent: Array<[Thread, number[]]> = this.threads.map((t) => [t, []]);
    inputs.forEach((input, k) => {
      const slot = k % slots;
      if (slot === 0) return;
      sent[slot - 1][0].port.postMessage(input);
      sent[slot - 1][1].push(k);
    });
    inputs.forEach((input, k) => { if (k % slots === 0) outs[k] = this.tm.runEpochTyped(input, { output: "typed" }); });
    for (const [t, ks] of sent) {
      if (ks.length === 0) continue;
      t.done += ks.length;
      for (let seen = Atomics.load(t.flag, 0); seen < t.done; seen = Atomics.load(t.flag, 0)) {
        if (Atomics.wait(t.flag, 0, seen, 120_000) === "timed-out") throw new TaomathError("unsupported", "threads", "an epoch thread did not answer within 120 s");
      }
      for (const k of ks) {
        const m = receiveMessageOnPort(t.port);
        const reply = m?.message as { ok: boolean; out?: EpochOutputTyped; message?: string } | undefined;
        if (!reply?.ok) throw new TaomathError("unsupported", "threads", `an epoch thread failed: ${reply?.message ?? "no reply"}`);
        outs[k] = reply.out!;
        this.offloaded++;
      }
    }
    return outs;
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
    this.threads.length = 0;
  }
}
