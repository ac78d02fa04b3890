// runEpochTyped: the epoch on typed arrays and CSR matrices handed over without conversion gives
// exactly what runEpoch gives on the plain-object form, on every shared epoch vector (outputs and
// trace), and rejects malformed typed input with a TaomathError naming the field.

import { describe, it, expect } from "vitest";
import { taomath, runEpoch, epochInputTyped, epochInputFromJson, TaomathError, type EpochInput, type EpochInputTyped, type EpochOutputTyped, type EpochOutput, type Taomath } from "../src/index.js";
import { sharedPresent, listShared, readShared } from "./helpers/shared.js";

const U64_MAX = (1n << 64n) - 1n;
/** the method of the default instance (every host's Taomath has it) */
const runEpochTyped = ((input: EpochInputTyped, options?: object) => taomath().runEpochTyped(input, options as never)) as Taomath["runEpochTyped"];

/** Rows of [uid, value] pairs as CSR, kept in stored order (entries past n included). */
function csr(rows: Array<Array<[number, number]>>) {
  const start = new Uint32Array(rows.length + 1);
  rows.forEach((r, i) => { start[i + 1] = start[i] + r.length; });
  const col = new Uint16Array(start[rows.length]), val = new Uint16Array(start[rows.length]);
  let k = 0;
  for (const r of rows) for (const [j, v] of r) { col[k] = j; val[k] = v; k++; }
  return { start, col, val };
}

function typed(input: EpochInput): EpochInputTyped {
  const u64 = (a: Array<bigint | string | number>) => BigUint64Array.from(a, (x) => BigInt(x));
  return {
    ...input,
    alpha_stake: u64(input.alpha_stake),
    tao_stake: u64(input.tao_stake),
    validator_permit: Uint8Array.from(input.validator_permit, (b) => (b ? 1 : 0)),
    last_update: u64(input.last_update),
    block_at_registration: u64(input.block_at_registration),
    weights: csr(input.weights),
    bonds: csr(input.bonds),
    commit_blocks: input.commit_blocks === null ? null : BigUint64Array.from(input.commit_blocks, (x) => (x === null ? U64_MAX : BigInt(x))),
  };
}

/** The typed outputs in runEpoch's shapes (u16/bool/bigint arrays, bonds as [uid, value] rows). */
function untyped(o: EpochOutputTyped): EpochOutput {
  const rows: Array<Array<[number, number]>> = [];
  for (let i = 0; i + 1 < o.bonds.start.length; i++) {
    const row: Array<[number, number]> = [];
    for (let k = o.bonds.start[i]; k < o.bonds.start[i + 1]; k++) row.push([o.bonds.col[k], o.bonds.val[k]]);
    rows.push(row);
  }
  const bools = (a: Uint8Array) => Array.from(a, (b) => b !== 0);
  return {
    stake: [...o.stake], stake_weight: [...o.stake_weight], active: bools(o.active), validator_permit: bools(o.validator_permit),
    consensus: [...o.consensus], incentive: [...o.incentive], dividends: [...o.dividends], validator_trust: [...o.validator_trust],
    emission: [...o.emission], server_emission: [...o.server_emission], validator_emission: [...o.validator_emission], bonds: rows,
  };
}

const files = listShared("vectors", "epoch");

describe.skipIf(!sharedPresent)("runEpochTyped equals runEpoch on every shared epoch vector", () => {
  it("finds all 44 cases", () => { expect(files.length).toBe(44); });
  for (const file of files) {
    it(`${file}: outputs and trace identical`, () => {
      const input = epochInputFromJson(readShared("vectors", "epoch", file).inputs);
      const t = typed(input);
      expect(runEpochTyped(t)).toEqual(runEpoch(input));
      expect(runEpochTyped(t, { trace: true })).toEqual(runEpoch(input, { trace: true }));
      expect(runEpochTyped(epochInputTyped(input))).toEqual(runEpoch(input));
      expect(untyped(runEpochTyped(t, { output: "typed" }))).toEqual(runEpoch(input));
    });
  }
});

describe("runEpochTyped input", () => {
  const base = (): EpochInputTyped => typed({
    n: 3, current_block: 1000n, tempo: 100, activity_cutoff: 5000n, last_mechanism_step_block: 900n,
    alpha_stake: [100n, 50n, 0n], tao_stake: [0n, 0n, 0n], tao_weight: 0n, stake_threshold: 0n, owner_uid: null,
    validator_permit: [true, true, false], max_allowed_validators: 64, last_update: [990n, 990n],
    block_at_registration: [1n, 1n, 1n], weights: [[[1, 65535], [2, 30000], [7, 5]], [[2, 65535]], []], bonds: [[], [], []],
    kappa: 32767, bonds_penalty: 65535, bonds_moving_average: 900000n, liquid_alpha_enabled: false, alpha_low: 45875,
    alpha_high: 58982, alpha_sigmoid_steepness: 1000, yuma3_enabled: false, commit_reveal_enabled: false, commit_blocks: null,
    rao_emission: 1_000_000_000n,
  });
  const fieldOf = (f: () => unknown) => { try { f(); } catch (e) { expect(e).toBeInstanceOf(TaomathError); return (e as TaomathError).field; } return "no error"; };

  it("ignores weight entries to uids >= n and pads a short last_update, as runEpoch does", () => {
    const t = base();
    const plain = { ...t, alpha_stake: [...t.alpha_stake], tao_stake: [...t.tao_stake], validator_permit: [true, true, false],
      last_update: [...t.last_update], block_at_registration: [...t.block_at_registration],
      weights: [[[1, 65535], [2, 30000], [7, 5]], [[2, 65535]], []], bonds: [[], [], []], commit_blocks: null } as EpochInput;
    expect(runEpochTyped(t, { trace: true })).toEqual(runEpoch(plain, { trace: true }));
    expect(t.weights.col.length).toBe(4); // the caller's arrays are left as they were
  });
  it("names a vector of the wrong type or length", () => {
    expect(fieldOf(() => runEpochTyped({ ...base(), alpha_stake: [1n, 2n, 3n] as unknown as BigUint64Array }))).toBe("alpha_stake");
    expect(fieldOf(() => runEpochTyped({ ...base(), tao_stake: new BigUint64Array(2) }))).toBe("tao_stake");
    expect(fieldOf(() => runEpochTyped({ ...base(), commit_blocks: new BigUint64Array(4) }))).toBe("commit_blocks");
  });
  it("names a malformed CSR", () => {
    const w = base().weights;
    expect(fieldOf(() => runEpochTyped({ ...base(), weights: { ...w, start: new Uint32Array([0, 3, 4]) } }))).toBe("weights.start");
    expect(fieldOf(() => runEpochTyped({ ...base(), weights: { ...w, start: Uint32Array.from([1, 3, 4, 4]) } }))).toBe("weights.start[0]");
    expect(fieldOf(() => runEpochTyped({ ...base(), weights: { ...w, start: Uint32Array.from([0, 3, 2, 4]) } }))).toBe("weights.start[2]");
    expect(fieldOf(() => runEpochTyped({ ...base(), weights: { ...w, start: Uint32Array.from([0, 3, 4, 3]) } }))).toBe("weights.start[3]");
    expect(fieldOf(() => runEpochTyped({ ...base(), bonds: { ...base().bonds, val: new Uint16Array(1) } }))).toBe("bonds.val");
  });
  it("names a bad scalar and keeps working after it", () => {
    expect(fieldOf(() => runEpochTyped({ ...base(), kappa: 70000 }))).toBe("kappa");
    expect(runEpochTyped(base()).incentive.length).toBe(3);
  });
  it("output \"typed\" has no trace", () => {
    expect(fieldOf(() => runEpochTyped(base(), { output: "typed", trace: true }))).toBe("trace");
  });
  it("is a method of every instance", async () => {
    const { createTaomath } = await import("../src/index.js");
    const fresh = await createTaomath();
    expect(fresh.runEpochTyped(base())).toEqual(taomath().runEpochTyped(base()));
  });
});

describe("runEpochTyped into a caller's buffer", () => {
  const input = (): EpochInputTyped => typed({
    n: 3, current_block: 1000n, tempo: 100, activity_cutoff: 5000n, last_mechanism_step_block: 900n,
    alpha_stake: [100n, 50n, 0n], tao_stake: [0n, 0n, 0n], tao_weight: 0n, stake_threshold: 0n, owner_uid: null,
    validator_permit: [true, true, false], max_allowed_validators: 64, last_update: [990n, 990n, 990n],
    block_at_registration: [1n, 1n, 1n], weights: [[[1, 65535], [2, 30000]], [[2, 65535]], []], bonds: [[], [], []],
    kappa: 32767, bonds_penalty: 65535, bonds_moving_average: 900000n, liquid_alpha_enabled: false, alpha_low: 45875,
    alpha_high: 58982, alpha_sigmoid_steepness: 1000, yuma3_enabled: false, commit_reveal_enabled: false, commit_blocks: null,
    rao_emission: 1_000_000_000n,
  });
  const fieldOf = (f: () => unknown) => { try { f(); } catch (e) { return e instanceof TaomathError ? e.field : `not a TaomathError: ${String(e)}`; } return "no error"; };

  it("gives the same outputs as views of that buffer, from its start", () => {
    const into = new ArrayBuffer(48 * 3 + 4 + 4 * 9);
    const out = runEpochTyped(input(), { output: "typed", into });
    expect(out.stake.buffer).toBe(into);
    expect(out.bonds.val.buffer).toBe(into);
    expect(untyped(out)).toEqual(untyped(runEpochTyped(input(), { output: "typed" })));
  });

  it("refuses a buffer too small with the bytes needed, naming into, and keeps working", () => {
    const err = (() => { try { runEpochTyped(input(), { output: "typed", into: new ArrayBuffer(16) }); } catch (e) { return e as TaomathError; } return null; })();
    expect(err?.field).toBe("into");
    expect(err?.message).toMatch(/need \d+/);
    expect(runEpochTyped(input(), { output: "typed" }).incentive.length).toBe(3);
  });

  it("takes only an ArrayBuffer, and only with output \"typed\"", () => {
    expect(fieldOf(() => runEpochTyped(input(), { output: "typed", into: new Uint8Array(400) as unknown as ArrayBuffer }))).toBe("into");
    expect(fieldOf(() => runEpochTyped(input(), { into: new ArrayBuffer(400) }))).toBe("into");
  });
});
