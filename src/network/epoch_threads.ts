// Epochs of the network model on worker threads (Node only), each worker with its own taomath instance.
// Two uses, both leaving snapshots byte-identical to the single-thread run:
// - several subnets due in one block: their epochs are independent (each reads only its own subnet), so
//   the main thread runs one while the workers run the others (the EpochRunner);
// - ahead of time (the EpochAhead): right after a subnet's payout its next epoch's input is already
//   known but for rao_emission, which the epoch only multiplies in at its end; a worker runs it while the
//   main thread goes on with the coinbase of the blocks in between. At the due block the main thread builds
//   the input again and takes the result only if the inputs are equal, else it runs the epoch itself.
// Network.step stays synchronous: the main thread waits for a reply in Atomics.wait and reads it with
// receiveMessageOnPort. Inputs and outputs cross threads in the typed form (typed arrays and CSR).

import { Worker, MessageChannel, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import type { Taomath } from "../core/taomath.js";
import type { EpochInputTyped, EpochOutputTyped } from "../bindings/epoch.js";
import { TaomathError } from "../core/errors.js";
import { sharedModuleSync } from "../host/node.js";
import type { EpochAhead, EpochRunner } from "./network.js";
import { AHEAD_RAO_EMISSION, sameEpochInput, withRaoEmission } from "./typed_epoch.js";
import { SentRecord } from "./epoch_message.js";

interface Reply { id: number; ok: boolean; out?: EpochOutputTyped; message?: string; lost?: number }
interface Thread { worker: Worker; port: MessagePort; flag: Int32Array; received: number; replies: Map<number, Reply>; unwanted: Set<number>; sent: SentRecord }
interface Started { block: bigint; input: EpochInputTyped; thread: Thread; id: number }

export class EpochThreads {
  private readonly threads: Thread[] = [];
  private nextId = 1;
  private readonly started = new Map<number, Started>();
  /** how many epochs ran on workers (the rest ran on the main thread) */
  offloaded = 0;
  /** epochs run ahead whose result was taken at their block, and those whose input had changed or never came */
  aheadUsed = 0;
  aheadMissed = 0;

  constructor(private readonly tm: Taomath, readonly count: number) {
    if (!Number.isInteger(count) || count < 1 || count > 64) throw new TaomathError("out_of_range", "threads", "expected 1..64 epoch threads");
  }

  /** Workers start when first needed: their start-up (a wasm compile each) is not paid when none is. */
  private start(): void {
    for (let k = 1; k < this.count; k++) {
      const { port1, port2 } = new MessageChannel();
      const flag = new Int32Array(new SharedArrayBuffer(4));
      const worker = new Worker(new URL("./epoch_worker.js", import.meta.url), { workerData: { port: port2, flag, module: sharedModuleSync() }, transferList: [port2] });
      worker.unref();
      this.threads.push({ worker, port: port1, flag, received: 0, replies: new Map(), unwanted: new Set(), sent: new SentRecord() });
    }
  }

  /** Posts a whole input, or (with its subnet) only what the thread does not hold of it (src/network/epoch_message.ts). */
  private post(t: Thread, input: EpochInputTyped, netuid?: number): number {
    const id = this.nextId++;
    t.port.postMessage(netuid === undefined ? { id, input } : { id, message: t.sent.encode(id, netuid, input) });
    return id;
  }

  /** Blocks until the thread's reply `id` arrives; replies to other ids are kept (or dropped if unwanted). */
  private wait(t: Thread, id: number): Reply {
    for (;;) {
      const kept = t.replies.get(id);
      if (kept !== undefined) { t.replies.delete(id); return kept; }
      const seen = Atomics.load(t.flag, 0);
      if (seen > t.received) {
        const m = receiveMessageOnPort(t.port);
        if (m === undefined) throw new TaomathError("unsupported", "threads", "an epoch thread counted a reply that never came");
        t.received++;
        const r = m.message as Reply;
        // the thread dropped what it held of a subnet: the next message for it goes whole
        if (r.lost !== undefined) t.sent.drop(r.lost);
        if (t.unwanted.delete(r.id)) continue;
        t.replies.set(r.id, r);
        continue;
      }
      if (Atomics.wait(t.flag, 0, seen, 120_000) === "timed-out") throw new TaomathError("unsupported", "threads", "an epoch thread did not answer within 120 s");
    }
  }

  /** The runner for Network.step's epochRunner option. */
  get runner(): EpochRunner {
    return (inputs) => this.run(inputs);
  }

  /** Network.step's epochAhead option (needs at least 2 threads to run anything ahead). */
  get ahead(): EpochAhead {
    return {
      start: (netuid, block, input) => this.startAhead(netuid, block, input),
      take: (netuid, block, input) => this.takeAhead(netuid, block, input),
    };
  }

  private startAhead(netuid: number, block: bigint, input: EpochInputTyped): void {
    if (this.count < 2) return;
    if (this.threads.length === 0) this.start();
    this.forget(netuid);
    // a subnet stays on one thread, which holds what its inputs keep from one epoch to the next
    const thread = this.threads[netuid % this.threads.length];
    const ahead = { ...input, rao_emission: AHEAD_RAO_EMISSION };
    this.started.set(netuid, { block, input: ahead, thread, id: this.post(thread, ahead, netuid) });
  }

  private takeAhead(netuid: number, block: bigint, input: EpochInputTyped): EpochOutputTyped | undefined {
    const s = this.started.get(netuid);
    if (s === undefined) return undefined;
    if (s.block !== block || !sameEpochInput(s.input, input)) { this.forget(netuid); this.aheadMissed++; return undefined; }
    this.started.delete(netuid);
    const r = this.wait(s.thread, s.id);
    // a refused input is run again on the main thread, which raises the same refusal there
    if (!r.ok) { this.aheadMissed++; return undefined; }
    s.thread.sent.output(netuid, s.id, r.out!);
    this.aheadUsed++;
    this.offloaded++;
    return withRaoEmission(r.out!, BigInt(input.rao_emission));
  }

  /** Drops the subnet's epoch started ahead (its reply is discarded when it comes). */
  private forget(netuid: number): void {
    const s = this.started.get(netuid);
    if (s === undefined) return;
    this.started.delete(netuid);
    if (s.thread.replies.delete(s.id)) return;
    s.thread.unwanted.add(s.id);
  }

  private run(inputs: EpochInputTyped[]): EpochOutputTyped[] {
    if (this.threads.length === 0 && inputs.length > 1) this.start();
    const outs = new Array<EpochOutputTyped>(inputs.length);
    const slots = this.threads.length + 1;
    // input k goes to slot k % slots; slot 0 is the main thread
    const sent: Array<[Thread, number, number]> = [];
    inputs.forEach((input, k) => {
      const slot = k % slots;
      if (slot !== 0) sent.push([this.threads[slot - 1], k, this.post(this.threads[slot - 1], input)]);
    });
    inputs.forEach((input, k) => { if (k % slots === 0) outs[k] = this.tm.runEpochTyped(input, { output: "typed" }); });
    for (const [t, k, id] of sent) {
      const reply = this.wait(t, id);
      if (!reply.ok) throw new TaomathError("unsupported", "threads", `an epoch thread failed: ${reply.message ?? "no reply"}`);
      outs[k] = reply.out!;
      this.offloaded++;
    }
    return outs;
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
    this.threads.length = 0;
    this.started.clear();
  }
}
