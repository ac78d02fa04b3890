// Storage key construction: twox128(pallet) ++ twox128(item) ++ hashed map keys, checked against
// literals and against the keys the recorded mainnet requests used.

import { describe, expect, it } from "vitest";
import { Twox64Concat, Blake2128Concat, u16 } from "@polkadot-api/substrate-bindings";
import { chainStorage as storage } from "../src/chain/index.js";
import { twox128Hex } from "../src/chain/storage.js";
import { decodeExact } from "../src/chain/scale.js";
import { toHex } from "../src/chain/scale.js";
import { readShared, sharedPresent } from "./helpers/shared.js";

const SUBTENSOR = "0x658faa385070e074c85bf6b568cf0555";

describe("storage key construction", () => {
  it("twox128('SubtensorModule') = 658faa385070e074c85bf6b568cf0555", () => {
    expect(twox128Hex("SubtensorModule")).toBe(SUBTENSOR);
  });

  it("twox128('Swap') = 746cc6d1e9dbcf1d03868e492c1d836e", () => {
    expect(twox128Hex("Swap")).toBe("0x746cc6d1e9dbcf1d03868e492c1d836e");
  });

  it("Weights(netuid 1, uid 5) = module ++ twox128('Weights') ++ 0100 ++ 0500 (Identity hashers)", () => {
    expect(storage.Weights.key(1, 5)).toBe(SUBTENSOR + twox128Hex("Weights").slice(2) + "0100" + "0500");
    expect(storage.Weights.prefix(1)).toBe(SUBTENSOR + twox128Hex("Weights").slice(2) + "0100");
    expect(storage.Weights.decodeKey(storage.Weights.key(1, 5))).toEqual([1, 5]);
  });

  it("Bonds, LastUpdate and BlockAtRegistration use the netuid (and uid) as little-endian u16", () => {
    expect(storage.Bonds.key(300, 2)).toBe(SUBTENSOR + twox128Hex("Bonds").slice(2) + "2c01" + "0200");
    expect(storage.LastUpdate.key(1)).toBe(SUBTENSOR + twox128Hex("LastUpdate").slice(2) + "0100");
    expect(storage.BlockAtRegistration.key(1, 1023)).toBe(SUBTENSOR + twox128Hex("BlockAtRegistration").slice(2) + "0100" + "ff03");
  });

  it("Yuma3On uses Blake2_128Concat: 16 hash bytes then the netuid", () => {
    const key = storage.Yuma3On.key(1);
    const hashed = toHex(Blake2128Concat(u16.enc(1)));
    expect(hashed.length).toBe(2 + 2 * 18);
    expect(key).toBe(SUBTENSOR + twox128Hex("Yuma3On").slice(2) + hashed.slice(2));
    expect(key.endsWith("0100")).toBe(true);
    expect(storage.Yuma3On.decodeKey(key)).toEqual([1]);
  });

  it("a storage value is a plain SCALE Vec<(u16, u16)> row", () => {
    expect(decodeExact(storage.Weights.value, "0x08" + "0100ffff" + "02000080", "row")).toEqual([[1, 65535], [2, 32768]]);
  });
});

describe.skipIf(!sharedPresent)("storage keys in the recorded requests", () => {
  it("subnet 1 recording: MechanismCountCurrent(1) key = module ++ twox128 ++ twox64concat(0100) = …f1577fbf1d628fdd0100", () => {
    const rec = readShared("data", "finney", "sn1-block6852690.rpc.json");
    const keys: string[] = rec.calls.filter((c: any) => c.method === "state_getStorageAt").map((c: any) => c.params[0]);
    expect(toHex(Twox64Concat(u16.enc(1)))).toBe("0xf1577fbf1d628fdd0100");
    expect(keys).toContain(storage.MechanismCountCurrent.key(1));
  });

  it("all-subnets recording: NetworksAdded(1) and SubnetworkN(1) keys match exactly", () => {
    const rec = readShared("data", "finney", "all-subnets.rpc.json");
    const keys: string[] = rec.calls.filter((c: any) => c.method === "state_getStorageAt").map((c: any) => c.params[0]);
    expect(keys).toEqual([storage.NetworksAdded.key(1), storage.SubnetworkN.key(1)]);
  });

  it("all-subnets recording: the Swap.AlphaSqrtPrice prefix and all 128 keys decode to netuids 1..128", () => {
    const rec = readShared("data", "finney", "all-subnets.rpc.json");
    const paged = rec.calls.find((c: any) => c.method === "state_getKeysPaged");
    expect(paged.params[0]).toBe(storage.AlphaSqrtPrice.prefix());
    const netuids = (paged.result as string[]).map((k) => storage.AlphaSqrtPrice.decodeKey(k)[0]).sort((a, b) => a - b);
    expect(netuids).toEqual(Array.from({ length: 128 }, (_, i) => i + 1));
    expect((paged.result as string[]).every((k, i) => k === storage.AlphaSqrtPrice.key(storage.AlphaSqrtPrice.decodeKey(k)[0]) && i >= 0)).toBe(true);
  });
});
