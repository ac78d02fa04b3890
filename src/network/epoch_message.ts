// What an epoch thread is sent for a subnet's epoch run ahead: only the input arrays it does not hold
// already. Between two epochs of a subnet most of the input stays the same objects (weights,
// registration blocks, tao stake: the model replaces an array when it changes it, never edits one),
// and bonds and validator permits are the thread's own output of the subnet's previous epoch; a whole
// input at 256 uids is ~90 kB to clone (~0.1 ms of the main thread per epoch, and its garbage),
// the rest ~6 kB. Both sides keep, per subnet, the objects the last message's input was made of; the
// worker reads messages in the order they were posted, so the two records agree. A reference the
// worker cannot resolve (its record was dropped) fails that epoch only: the main thread then runs it
// itself, and forgets its own record so that the next message is sent whole.

/** One subnet's epoch input as posted: arrays given, or referred to. */
export interface EpochMessage {
  netuid: number;
  /** the fields given (scalars and new arrays) */
  given: Record<string, unknown>;
  /** fields that are the object the subnet's previous message used for them */
  same: string[];
  /** fields that are the thread's own output (bonds, validator_permit) of message `outOf` */
  fromOutput: string[];
  outOf: number;
}

/** The output fields an epoch of the next tempo reads back as input. */
const OUTPUT_FIELDS = ["bonds", "validator_permit"] as const;

interface Held { fields: Map<string, unknown>; outId: number; out: Record<string, unknown> | null }

/** The main thread's record of what one epoch thread holds, per subnet. */
export class SentRecord {
  private readonly bySubnet = new Map<number, Held>();

  /** The message for `input` (posted as message `id`) and the record updated as if it was posted. */
  encode(id: number, netuid: number, input: object): EpochMessage {
    const held = this.bySubnet.get(netuid);
    const given: Record<string, unknown> = {}, same: string[] = [], fromOutput: string[] = [];
    const fields = new Map<string, unknown>();
    for (const [k, v] of Object.entries(input)) {
      fields.set(k, v);
      const object = v !== null && typeof v === "object";
      if (object && held !== undefined && held.out !== null && (OUTPUT_FIELDS as readonly string[]).includes(k) && held.out[k] === v) fromOutput.push(k);
      else if (object && held !== undefined && held.fields.get(k) === v) same.push(k);
      else given[k] = v;
    }
    this.bySubnet.set(netuid, { fields, outId: held?.outId ?? 0, out: held?.out ?? null });
    return { netuid, given, same, fromOutput, outOf: held?.outId ?? 0 };
  }

  /** The output of message `id` for the subnet, as the main thread holds it (what the next input refers to). */
  output(netuid: number, id: number, out: object): void {
    const held = this.bySubnet.get(netuid);
    if (held === undefined) return;
    held.outId = id;
    held.out = out as Record<string, unknown>;
  }

  /** Forgets what the thread holds of the subnet (its next message goes whole). */
  drop(netuid: number): void {
    this.bySubnet.delete(netuid);
  }
}

/** The worker's side: what it holds per subnet, and the inputs it rebuilds from messages. */
export class HeldInputs {
  private readonly bySubnet = new Map<number, Held>();

  /** The whole input of message `m`, or null when it refers to something not held (the record is dropped). */
  decode(m: EpochMessage): Record<string, unknown> | null {
    const held = this.bySubnet.get(m.netuid);
    const input: Record<string, unknown> = { ...m.given };
    for (const k of m.same) {
      if (held === undefined || !held.fields.has(k)) return this.lost(m.netuid);
      input[k] = held.fields.get(k);
    }
    for (const k of m.fromOutput) {
      if (held === undefined || held.out === null || held.outId !== m.outOf) return this.lost(m.netuid);
      input[k] = held.out[k];
    }
    this.bySubnet.set(m.netuid, { fields: new Map(Object.entries(input)), outId: held?.outId ?? 0, out: held?.out ?? null });
    return input;
  }

  /** Keeps message `id`'s output fields the next input reads back (copies: the output itself is transferred). */
  output(netuid: number, id: number, out: Record<string, unknown>): void {
    const held = this.bySubnet.get(netuid);
    if (held === undefined) return;
    const copy: Record<string, unknown> = {};
    for (const k of OUTPUT_FIELDS) copy[k] = copyOf(out[k]);
    held.outId = id;
    held.out = copy;
  }

  private lost(netuid: number): null {
    this.bySubnet.delete(netuid);
    return null;
  }
}

function copyOf(v: unknown): unknown {
  if (ArrayBuffer.isView(v)) return (v as Uint8Array).slice();
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copyOf(x)]));
  return v;
}
