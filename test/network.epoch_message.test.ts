// What an epoch thread is sent for a subnet's epoch run ahead (src/network/epoch_message.ts): only the
// arrays it does not hold; the rest by reference to the subnet's previous message or to the thread's own
// last output. Messages cross the thread boundary here through structuredClone, as postMessage does.

import { describe, it, expect } from "vitest";
import { SentRecord, HeldInputs, type EpochMessage } from "../src/network/epoch_message.js";

const cross = (m: EpochMessage) => structuredClone(m);

function input(seed: number, shared: { weights: object; tao: BigUint64Array }, bonds?: object, permit?: Uint8Array) {
  return {
    n: 4, current_block: 1000n + BigInt(seed), kappa: 32767,
    alpha_stake: BigUint64Array.from([1n, 2n, 3n, BigInt(seed)]), tao_stake: shared.tao, weights: shared.weights,
    bonds: bonds ?? { start: Uint32Array.from([0, 0, 0, 0, 0]), col: new Uint16Array(0), val: new Uint16Array(0) },
    validator_permit: permit ?? Uint8Array.from([1, 1, 0, 0]),
  };
}

const shared = () => ({
  weights: { start: Uint32Array.from([0, 2, 2, 2, 2]), col: Uint16Array.from([1, 2]), val: Uint16Array.from([100, 200]) },
  tao: BigUint64Array.from([5n, 6n, 7n, 8n]),
});

describe("epoch messages to a thread", () => {
  it("send a subnet's first input whole and its next one without the arrays that stayed the same objects", () => {
    const main = new SentRecord(), thread = new HeldInputs(), s = shared();
    const a = input(1, s), b = input(2, s);
    const ma = main.encode(1, 7, a);
    expect(ma.same).toEqual([]);
    expect(thread.decode(cross(ma))).toEqual(a);
    const mb = main.encode(2, 7, b);
    expect(mb.same).toEqual(expect.arrayContaining(["weights", "tao_stake"]));
    expect(Object.keys(mb.given)).toContain("alpha_stake");
    expect(Object.keys(mb.given)).not.toContain("weights");
    expect(thread.decode(cross(mb))).toEqual(b);
  });

  it("refer to the bonds and permits of the thread's own output of the subnet's last epoch", () => {
    const main = new SentRecord(), thread = new HeldInputs(), s = shared();
    const a = input(1, s);
    thread.decode(cross(main.encode(1, 3, a)));
    const out = { bonds: { start: Uint32Array.from([0, 1, 1, 1, 1]), col: Uint16Array.from([2]), val: Uint16Array.from([9]) }, validator_permit: Uint8Array.from([1, 0, 1, 0]) };
    thread.output(3, 1, out);
    // the main thread holds the output as it arrived (a copy of the thread's)
    const taken = structuredClone(out);
    main.output(3, 1, taken);
    const next = input(2, s, taken.bonds, taken.validator_permit);
    const m = main.encode(2, 3, next);
    expect(m.fromOutput.sort()).toEqual(["bonds", "validator_permit"]);
    expect(m.outOf).toBe(1);
    expect(thread.decode(cross(m))).toEqual(next);
  });

  it("fail closed when the thread no longer holds what a message refers to, and go whole once the main thread drops its record", () => {
    const main = new SentRecord(), s = shared();
    new HeldInputs().decode(cross(main.encode(1, 5, input(1, s))));
    // a thread without the record (it dropped it): the reference cannot be resolved
    const fresh = new HeldInputs();
    expect(fresh.decode(cross(main.encode(2, 5, input(2, s))))).toBeNull();
    main.drop(5);
    const whole = main.encode(3, 5, input(3, s));
    expect(whole.same).toEqual([]);
    expect(fresh.decode(cross(whole))).toEqual(input(3, s));
  });

  it("do not resolve an output reference to a later output the main thread never took", () => {
    const main = new SentRecord(), thread = new HeldInputs(), s = shared();
    thread.decode(cross(main.encode(1, 2, input(1, s))));
    const out1 = { bonds: input(0, s).bonds, validator_permit: Uint8Array.from([1, 1, 1, 0]) };
    thread.output(2, 1, out1);
    const taken = structuredClone(out1);
    main.output(2, 1, taken);
    // a second epoch the thread ran and the main thread dropped (its input had changed): the thread's output moved on
    thread.decode(cross(main.encode(2, 2, input(2, s))));
    thread.output(2, 2, { bonds: out1.bonds, validator_permit: Uint8Array.from([0, 0, 0, 1]) });
    const m = main.encode(3, 2, input(3, s, taken.bonds, taken.validator_permit));
    expect(m.fromOutput.length).toBeGreaterThan(0);
    expect(thread.decode(cross(m))).toBeNull();
  });
});
