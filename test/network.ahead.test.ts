// Epochs run ahead of their block (Network.step's epochAhead): the epoch multiplies rao_emission in
// only at its end, so an epoch run at 2^32 gives the real emission exactly; a result run ahead is used
// only on an input equal to the one built at the block, and the run ends in the same snapshot.

import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { taomath } from "../src/index.js";
import { Network, syntheticNetworkSnapshot, type EpochAhead } from "../src/network/index.js";
import { AHEAD_RAO_EMISSION, sameEpochInput, timesRao, withRaoEmission } from "../src/network/typed_epoch.js";
import { exampleSubnet } from "../src/epoch/example.js";
import { epochInputTyped, type EpochInput, type EpochInputTyped } from "../src/bindings/epoch.js";

const toJson = (x: unknown) => JSON.stringify(x, (_k, v) => (typeof v === "bigint" ? v.toString() : v));

const tm = taomath();
const U64_MAX = (1n << 64n) - 1n;

function typedInput(seed: number, rao: bigint): EpochInputTyped {
  const plain = exampleSubnet(tm, { n: 32, validators: 8, seed }) as unknown as EpochInput;
  return epochInputTyped({ ...plain, rao_emission: rao });
}

/** An EpochAhead on this thread that keeps what it was handed and counts what it gave back. */
function inThread(): EpochAhead & { used: number; refused: number } {
  const started = new Map<number, { block: bigint; input: EpochInputTyped }>();
  const a = {
    used: 0, refused: 0,
    start(netuid: number, block: bigint, input: EpochInputTyped) { started.set(netuid, { block, input: { ...input, rao_emission: AHEAD_RAO_EMISSION } }); },
    take(netuid: number, block: bigint, input: EpochInputTyped) {
      const s = started.get(netuid);
      started.delete(netuid);
      if (s === undefined || s.block !== block || !sameEpochInput(s.input, input)) { a.refused++; return undefined; }
      a.used++;
      return withRaoEmission(tm.runEpochTyped(s.input, { output: "typed" }), BigInt(input.rao_emission));
    },
  };
  return a;
}

describe("an epoch run at rao_emission 2^32", () => {
  it("gives every rao_emission's emission, server and validator emission exactly", () => {
    const raos = fc.oneof(fc.bigInt({ min: 0n, max: U64_MAX }), fc.constantFrom(0n, 1n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 63n, U64_MAX));
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), raos, (seed, rao) => {
      const ahead = withRaoEmission(tm.runEpochTyped(typedInput(seed, AHEAD_RAO_EMISSION), { output: "typed" }), rao);
      const direct = tm.runEpochTyped(typedInput(seed, rao), { output: "typed" });
      expect(ahead.emission).toEqual(direct.emission);
      expect(ahead.server_emission).toEqual(direct.server_emission);
      expect(ahead.validator_emission).toEqual(direct.validator_emission);
      expect(ahead.bonds).toEqual(direct.bonds);
    }), { numRuns: 60 });
  });

  it("saturates at u64::MAX where the chain's I96F32 product does", () => {
    const out = withRaoEmission(tm.runEpochTyped(typedInput(3, AHEAD_RAO_EMISSION), { output: "typed" }), U64_MAX);
    const direct = tm.runEpochTyped(typedInput(3, U64_MAX), { output: "typed" });
    expect(out.emission).toEqual(direct.emission);
  });
});

describe("sameEpochInput", () => {
  const a = typedInput(5, 10n);
  it("ignores rao_emission only", () => {
    expect(sameEpochInput(a, { ...a, rao_emission: 99n })).toBe(true);
    expect(sameEpochInput(a, { ...a, current_block: BigInt(a.current_block) + 1n })).toBe(false);
    expect(sameEpochInput(a, { ...a, kappa: a.kappa + 1 })).toBe(false);
  });
  it("sees one changed stake, weight or bond entry", () => {
    const alpha = a.alpha_stake.slice(); alpha[7] += 1n;
    expect(sameEpochInput(a, { ...a, alpha_stake: alpha })).toBe(false);
    const val = a.weights.val.slice(); val[0] ^= 1;
    expect(sameEpochInput(a, { ...a, weights: { ...a.weights, val } })).toBe(false);
    expect(sameEpochInput(a, { ...a, bonds: { start: a.bonds.start.slice(), col: a.bonds.col.slice(), val: a.bonds.val.slice() } })).toBe(true);
  });
});

describe("Network.step with epochs run ahead", () => {
  const snapshot = () => syntheticNetworkSnapshot(tm, { subnets: 5, uids: 24, tempo: 7 });

  it("ends in the snapshot of the run without, using the epochs run ahead", () => {
    const plain = Network.fromSnapshot(tm, snapshot());
    plain.step(60);
    const ahead = inThread();
    const piped = Network.fromSnapshot(tm, snapshot());
    piped.step(60, undefined, { epochAhead: ahead });
    expect(toJson(piped.snapshot())).toBe(toJson(plain.snapshot()));
    // every subnet's first epoch has nothing run ahead; the later ones do
    expect(ahead.used).toBeGreaterThan(20);
  });

  it("runs an epoch itself when its input changed after the epoch was run ahead", () => {
    const plain = Network.fromSnapshot(tm, snapshot());
    const ahead = inThread();
    const piped = Network.fromSnapshot(tm, snapshot());
    plain.step(20);
    piped.step(20, undefined, { epochAhead: ahead });
    // a stake moved between two runs: each subnet's next epoch reads it
    for (const net of [plain, piped]) for (const s of net.state.subnets) if (s.netuid !== 0) {
      const [h, v] = [...s.stakes][0];
      s.stakes.set(h, v + 1_000_000n);
      s.alpha_out += 1_000_000n;
      s.alpha_assets_issuance += 1_000_000n;
    }
    const before = ahead.refused;
    plain.step(20);
    piped.step(20, undefined, { epochAhead: ahead });
    expect(ahead.refused - before).toBeGreaterThanOrEqual(5);
    expect(toJson(piped.snapshot())).toBe(toJson(plain.snapshot()));
  });

  it("on a worker thread (the built package: its worker loads dist/) gives the single-thread snapshot", async () => {
    const plain = Network.fromSnapshot(tm, snapshot());
    plain.step(60);
    const { EpochThreads } = await import(/* @vite-ignore */ new URL("../dist/network/epoch_threads.js", import.meta.url).href);
    const threads = new EpochThreads(tm, 2);
    try {
      const piped = Network.fromSnapshot(tm, snapshot());
      piped.step(60, undefined, { epochAhead: threads.ahead, epochRunner: threads.runner });
      expect(toJson(piped.snapshot())).toBe(toJson(plain.snapshot()));
      expect(threads.aheadUsed).toBeGreaterThan(20);
    } finally {
      await threads.close();
    }
  });
});

describe("timesRao (an emission at 2^32 taken to another rao_emission)", () => {
  const reference = (x: bigint, rao: bigint) => { const p = x * rao; return p >> 96n !== 0n ? U64_MAX : p >> 32n; };
  const shares = fc.oneof(fc.bigInt({ min: 0n, max: 1n << 32n }), fc.bigInt({ min: 0n, max: U64_MAX }), fc.constantFrom(0n, 1n, (1n << 32n) - 1n, 1n << 32n, (1n << 33n) - 1n, 1n << 33n, U64_MAX));
  const raos = fc.oneof(fc.bigInt({ min: 0n, max: U64_MAX }), fc.constantFrom(0n, 1n, 0xffffn, 1n << 32n, (1n << 48n) - 1n, 1n << 63n, U64_MAX));

  it("is floor(x * rao / 2^32), u64::MAX once the product reaches 2^96, for every share and rao", () => {
    fc.assert(fc.property(fc.array(shares, { maxLength: 40 }), raos, (xs, rao) => {
      const got = timesRao(BigUint64Array.from(xs), rao);
      expect([...got]).toEqual(xs.map((x) => reference(x, rao)));
    }), { numRuns: 2000 });
  });

  it("reads a view's own entries (an output's arrays share one buffer)", () => {
    const buf = new BigUint64Array([7n, 1n << 32n, 12345n, 99n]);
    expect([...timesRao(buf.subarray(1, 3), U64_MAX)]).toEqual([reference(1n << 32n, U64_MAX), reference(12345n, U64_MAX)]);
  });
});
