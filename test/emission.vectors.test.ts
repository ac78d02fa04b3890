// Conformance: every case of vectors/emission and vectors/ema, recomputed on the wasm core and
// compared field by field in the vectors' encoding (bits compared, floats ignored).

import { describe, it, expect } from "vitest";
import { taomath } from "../src/index.js";
import { runVectorFile } from "../src/vectors/index.js";
import { emissionOf } from "../src/emission/index.js";
import { sharedPresent, readShared } from "./helpers/shared.js";

const stripFloats = (v: any): any => {
  if (Array.isArray(v)) return v.map(stripFloats);
  if (v && typeof v === "object") {
    const o: any = {};
    for (const [k, x] of Object.entries(v)) if (k !== "float") o[k] = stripFloats(x);
    return o;
  }
  return v;
};

function expectFileExact(folder: string, file: string, expected: (c: any) => any) {
  const d = readShared("vectors", folder, file);
  const got = runVectorFile(taomath(), d) as { cases: Array<{ id: unknown; outputs: unknown }> };
  expect(got.cases.length).toBe(d.cases.length);
  d.cases.forEach((c: any, i: number) => {
    expect(stripFloats(got.cases[i].outputs), `${file} case ${c.id ?? c.halving} (${c.tag ?? ""})`).toEqual(stripFloats(expected(c)));
  });
  return d.cases.length;
}

describe.skipIf(!sharedPresent)("emission vectors", () => {
  it("block_emission.json: all 243 cases exact", () => {
    expect(expectFileExact("emission", "block_emission.json", (c) => c.outputs)).toBe(243);
  });
  it("alpha_emission.json: all 71 cases exact", () => {
    expect(expectFileExact("emission", "alpha_emission.json", (c) => c.outputs)).toBe(71);
  });
  it("halving_thresholds.json: all 30 thresholds exact", () => {
    expect(expectFileExact("emission", "halving_thresholds.json", (c) => c)).toBe(30);
  });
});

describe.skipIf(!sharedPresent)("ema vectors", () => {
  it("moving_price.json: every step of all 161 cases exact", () => {
    expect(expectFileExact("ema", "moving_price.json", (c) => c.outputs)).toBe(161);
  });
});

describe.skipIf(!sharedPresent)("spot price used by the EMA and the coinbase", () => {
  // The pool module (issue 3) owns econ-swap-vector/1; this only checks that the price the coinbase
  // reads is the chain's current_alpha_price on every case of swap/price.json.
  it("swap/price.json: all 209 prices exact", () => {
    const d = readShared("vectors", "swap", "price.json");
    const e = emissionOf(taomath());
    d.cases.forEach((c: any) => {
      const i = c.inputs;
      const p = e.spotPrice(i.mechanism, BigInt(i.tao_reserve), BigInt(i.alpha_reserve), BigInt(i.quote_weight));
      expect(p.toString(), `price case ${c.id}`).toBe(c.outputs.price.bits);
    });
    expect(d.cases.length).toBe(209);
  });
});
