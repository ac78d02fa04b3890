// The payout's per-hotkey table (src/network/payout_table.ts): built from the subnet's keys and kept
// while they are the same objects of the same sizes.

import { describe, it, expect } from "vitest";
import { payoutTable } from "../src/network/payout_table.js";
import { DEFAULT_DELEGATE_TAKE } from "../src/bindings/coinbase.js";
import type { NeuronsInput, SubnetState } from "../src/network/state.js";

function subnet() {
  const nn = { hotkeys: ["c", "a", "b"], takes: [undefined, 1000, undefined], tao_stake: [7n, 8n, 9n] } as unknown as NeuronsInput;
  const n = {
    neurons: nn, children: new Map<string, Array<[bigint, string]>>([["p", [[5n, "b"]]]]), parents: new Map<string, Array<[bigint, string]>>([["b", [[5n, "p"]]]]),
    owners: new Map([["a", "alice"], ["c", "alice"], ["b", "bob"]]), childkey_takes: new Map([["b", 300]]), owner_hotkey: "a", has_owner: true,
  } as unknown as SubnetState;
  return { n, nn, delegates: new Map([["b", 2000]]) };
}

describe("the payout table", () => {
  it("sorts the uids' hotkeys with their parents and takes each take from the uid, then Delegates, then the default", () => {
    const { n, nn, delegates } = subnet();
    const t = payoutTable(n, nn, delegates);
    expect(t.table).toEqual(["a", "b", "c", "p"]);
    expect([...t.uidHotkey]).toEqual([2, 0, 1]);
    expect([...t.take]).toEqual([1000, 2000, DEFAULT_DELEGATE_TAKE, DEFAULT_DELEGATE_TAKE]);
    expect([...t.ckTake]).toEqual([0, 300, 0, 0]);
    expect([...t.uidRoot]).toEqual([8n, 9n, 7n, 0n]);
    // the owner hotkey and the owner coldkey's other registered hotkey are withheld; the parent holds no uid
    expect([...t.withheld]).toEqual([1, 0, 1, 0]);
    expect([...t.parentStart]).toEqual([0, 0, 1, 1, 1]);
    expect([...t.parentIdx]).toEqual([3]);
  });

  it("is kept while its sources hold what they held, and rebuilt when a map entry it read changes in place or a map is replaced", () => {
    const { n, nn, delegates } = subnet();
    const t = payoutTable(n, nn, delegates);
    expect(payoutTable(n, nn, delegates)).toBe(t);
    n.owners.set("b", "alice");
    const grown = payoutTable(n, nn, delegates);
    expect(grown).not.toBe(t);
    n.owners = new Map([["a", "alice"], ["c", "carol"], ["b", "alice"]]);
    const replaced = payoutTable(n, nn, delegates);
    expect(replaced).not.toBe(grown);
    expect([...replaced.withheld]).toEqual([1, 1, 0, 0]);
    expect([...payoutTable(n, nn, new Map()).take]).toEqual([1000, DEFAULT_DELEGATE_TAKE, DEFAULT_DELEGATE_TAKE, DEFAULT_DELEGATE_TAKE]);
  });
});
