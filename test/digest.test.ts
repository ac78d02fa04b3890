// The cross-host fingerprint: canonical JSON bytes and their sha256.

import { describe, it, expect } from "vitest";
import { createHash } from "node:crypto";
import { canonicalJson, sha256Hex, outputsBytes } from "../src/vectors/index.js";

describe("canonical output bytes", () => {
  it("sorts object keys at every depth and writes bigints as decimal strings", () => {
    expect(canonicalJson({ b: 1, a: { d: [2n, { z: 0, y: 1 }], c: true } })).toBe('{"a":{"c":true,"d":["2",{"y":1,"z":0}]},"b":1}');
  });

  it("keeps array order (sparse rows are ordered)", () => {
    expect(canonicalJson([[3, 1], [1, 2]])).toBe("[[3,1],[1,2]]");
  });

  it("wraps outputs as {\"outputs\": ...}", () => {
    expect(outputsBytes({ stake: ["1"] })).toBe('{"outputs":{"stake":["1"]}}');
  });

  it("hashes with Web Crypto to the same hex as node:crypto", async () => {
    const text = outputsBytes({ incentive: [1, 65535], emission: ["18446744073709551615"] });
    expect(await sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
  });

  it("changes when one output value changes by one", async () => {
    expect(await sha256Hex(outputsBytes({ incentive: [1, 2] }))).not.toBe(await sha256Hex(outputsBytes({ incentive: [1, 3] })));
  });
});
