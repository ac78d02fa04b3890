// Decoders of node payloads under hostile bytes: a declared length that the remaining bytes cannot
// hold fails at once (malformed_scale) instead of looping or allocating; tags and compact integers
// must fit their Rust types.

import { describe, it, expect } from "vitest";
import { decodeSubnetState, decodeSelectiveMetagraph, decodeDynamicInfo, decodeNeuronsLite, decodeSubnetsInfoV2 } from "../src/chain/index.js";
import { storage } from "../src/chain/storage.js";
import { decodeExact } from "../src/chain/scale.js";
import { TaomathError } from "../src/core/errors.js";

function malformed(f: () => unknown): TaomathError {
  const t = Date.now();
  let err: unknown;
  try { f(); } catch (e) { err = e; }
  expect(Date.now() - t).toBeLessThan(1000);
  expect(err).toBeInstanceOf(TaomathError);
  expect((err as TaomathError).code).toBe("malformed_scale");
  return err as TaomathError;
}

describe("a vector length the payload cannot hold", () => {
  it("decodeSubnetState(0x0100feffffff) fails at once (issue 12: 15 s and 733 MB before)", () => {
    malformed(() => decodeSubnetState("0x0100feffffff", 343));
  });
  it("a big-integer compact length (more than 2^53 elements) fails at once", () => {
    malformed(() => decodeSubnetState("0x0100ff" + "ff".repeat(67), 343));
    malformed(() => decodeSubnetState("0x010013ffffffffffffffff", 425));
  });
  it("decodeSelectiveMetagraph with a huge hotkeys vector fails at once", () => {
    // netuid 0, then Option tags: 51 None fields, then Some(hotkeys) with a 2^30-ish length
    malformed(() => decodeSelectiveMetagraph("0x0100" + "00".repeat(51) + "01feffffff", 343));
  });
  it("a vector of accounts needs 32 bytes per element", () => {
    // 2 hotkeys declared, 40 bytes follow
    const e = malformed(() => decodeSubnetState("0x010008" + "11".repeat(40), 343));
    expect(e.message).toMatch(/vector|truncated/);
  });
  it("get_neurons_lite and get_subnets_info_v2 with a length past the payload fail at once", () => {
    malformed(() => decodeNeuronsLite("0xfeffffff", 343));
    malformed(() => decodeSubnetsInfoV2("0xfeffffff01", 343));
  });
  it("storage vectors (a Weights row) check their length too", () => {
    malformed(() => decodeExact(storage.Weights.value, "0xfeffffff0100", "Weights"));
  });
});

describe("tags and compact integers must fit the chain's types", () => {
  it("an Option tag other than 0 or 1 is malformed", () => {
    malformed(() => decodeDynamicInfo("0x02", 343));
  });
  it("a bool byte other than 0 or 1 is malformed", () => {
    malformed(() => decodeExact(storage.NetworksAdded.value, "0x02", "NetworksAdded"));
  });
  it("a Compact<u16> netuid of 70000 is malformed", () => {
    // 70000 << 2 | 2 in four-byte mode
    const v = (70000 << 2) | 2;
    const hex = [v & 255, (v >> 8) & 255, (v >> 16) & 255, v >>> 24].map((b) => b.toString(16).padStart(2, "0")).join("");
    malformed(() => decodeSubnetState(`0x01${hex}`, 343));
  });
});
