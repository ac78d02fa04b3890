// distribute_emission by columns (CoinbaseCore.distributeEmissionColumns, what the network model's payout
// uses): the same results as the object form, and a TaomathError naming the field for a column of the
// wrong type or length, a hotkey index past the table, or offsets that do not describe the proportions.

import { describe, it, expect } from "vitest";
import { taomath, TaomathError } from "../src/index.js";
import { coinbaseOf } from "../src/network/index.js";
import type { DistributeColumns } from "../src/bindings/coinbase.js";

const tm = taomath();
const cb = coinbaseOf(tm);
const U64_MAX = (1n << 64n) - 1n;

// three hotkeys: 0 and 1 are uids; 2 is a parent of 1 taking half of its dividends (proportion 2^63)
const objects = {
  uid_hotkey: [0, 1], server_emission: [700n, 300n], validator_emission: [2_000n, 6_000n],
  hotkeys: [
    { alpha: 400n, root: 50n, take: 11_796, childkey_take: 0, withhold: true, owner: 0, child_proportions: [], parents: [] as Array<[bigint, number]>, root_uid: true },
    { alpha: 900n, root: 0n, take: 0, childkey_take: 1_000, withhold: false, owner: 1, child_proportions: [], parents: [[1n << 63n, 2]] as Array<[bigint, number]>, root_uid: false },
    { alpha: 5_000n, root: 700n, take: 6_000, childkey_take: 0, withhold: false, owner: 2, child_proportions: [1n << 63n], parents: [] as Array<[bigint, number]>, root_uid: true },
  ],
  pending_server: 1_000n, pending_validator: 8_000n, pending_root: 900n, ck_burn: 0n, tao_weight: U64_MAX / 5n, recycle: false, rules: "473" as const,
};

function columns(): DistributeColumns {
  return {
    uid_hotkey: Uint32Array.of(0, 1), server_emission: BigUint64Array.of(700n, 300n), validator_emission: BigUint64Array.of(2_000n, 6_000n),
    alpha: BigUint64Array.of(400n, 900n, 5_000n), root: BigUint64Array.of(50n, 0n, 700n), take: Uint16Array.of(11_796, 0, 6_000), childkey_take: Uint16Array.of(0, 1_000, 0),
    withhold: Uint8Array.of(1, 0, 0), owner: Uint32Array.of(0, 1, 2), root_uid: Uint8Array.of(1, 0, 1),
    child_start: Uint32Array.of(0, 0, 0, 1), child_prop: BigUint64Array.of(1n << 63n), parent_start: Uint32Array.of(0, 0, 1, 1), parent_prop: BigUint64Array.of(1n << 63n), parent_idx: Uint32Array.of(2),
    pending_server: 1_000n, pending_validator: 8_000n, pending_root: 900n, ck_burn: 0n, tao_weight: U64_MAX / 5n, recycle: false, rules: "473",
  };
}

function refusal(f: () => unknown): TaomathError {
  try { f(); } catch (e) { expect(e).toBeInstanceOf(TaomathError); return e as TaomathError; }
  throw new Error("expected a TaomathError");
}

describe("distributeEmissionColumns", () => {
  it("gives the object form's credits, column by column", () => {
    const o = cb.distributeEmission(objects), c = cb.distributeEmissionColumns(columns());
    expect(Array.from(c.incentive_paid)).toEqual(o.incentive_paid);
    expect(Array.from(c.recipient, (x) => x !== 0)).toEqual(o.hotkeys.map((h) => h.recipient));
    expect(Array.from(c.alpha_take)).toEqual(o.hotkeys.map((h) => h.alpha_take));
    expect(Array.from(c.alpha_rest)).toEqual(o.hotkeys.map((h) => h.alpha_rest));
    expect(Array.from(c.root_take)).toEqual(o.hotkeys.map((h) => h.root_take));
    expect(Array.from(c.root_claimable)).toEqual(o.hotkeys.map((h) => h.root_claimable));
    expect([c.withheld, c.miner_burned, c.ck_burned, c.burned, c.recycled, c.pot, c.root_recycled]).toEqual([o.withheld, o.miner_burned, o.ck_burned, o.burned, o.recycled, o.pot, o.root_recycled]);
    // the parent took part of hotkey 1's dividends: both are recipients
    expect(c.recipient[2]).toBe(1);
    expect(c.alpha_rest[2] + c.alpha_take[2]).toBeGreaterThan(0n);
  });

  it("refuses a column that is not the typed array it is stored as", () => {
    const e = refusal(() => cb.distributeEmissionColumns({ ...columns(), alpha: [400n, 900n, 5_000n] as unknown as BigUint64Array }));
    expect([e.code, e.field]).toEqual(["invalid_type", "alpha"]);
  });

  it("refuses a per-hotkey column of another length than alpha", () => {
    const e = refusal(() => cb.distributeEmissionColumns({ ...columns(), take: Uint16Array.of(0, 0) }));
    expect([e.code, e.field]).toEqual(["wrong_length", "take"]);
  });

  it("refuses a uid's hotkey index past the table", () => {
    const e = refusal(() => cb.distributeEmissionColumns({ ...columns(), uid_hotkey: Uint32Array.of(0, 3) }));
    expect([e.code, e.field]).toEqual(["out_of_range", "uid_hotkey[1]"]);
  });

  it("refuses a parent index past the table", () => {
    const e = refusal(() => cb.distributeEmissionColumns({ ...columns(), parent_idx: Uint32Array.of(9) }));
    expect([e.code, e.field]).toEqual(["out_of_range", "parent_idx[0]"]);
  });

  it("refuses offsets that decrease or do not end at the proportions' count", () => {
    expect(refusal(() => cb.distributeEmissionColumns({ ...columns(), child_start: Uint32Array.of(0, 1, 0, 1) })).field).toBe("child_start[2]");
    expect(refusal(() => cb.distributeEmissionColumns({ ...columns(), parent_start: Uint32Array.of(0, 0, 1, 2) })).field).toBe("parent_start");
  });

  it("refuses a pending amount past u64 and stays usable", () => {
    const e = refusal(() => cb.distributeEmissionColumns({ ...columns(), pending_root: U64_MAX + 1n }));
    expect([e.code, e.field]).toEqual(["out_of_range", "pending_root"]);
    expect(cb.distributeEmissionColumns(columns()).pot).toBe(cb.distributeEmission(objects).pot);
  });
});
