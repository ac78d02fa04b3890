// The boundary table is the one description of the header-convention entry points: the generated
// layouts on both sides match it, and every entry it names is exported by the core.

import { describe, it, expect } from "vitest";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { taomath } from "../src/index.js";
import { layouts } from "../src/bindings/layout.js";
import * as generated from "../src/bindings/layout.js";

describe("boundary table (assembly/abi/boundary.json)", () => {
  it("the committed layouts are the ones the generator writes", () => {
    expect(() => execFileSync(process.execPath, ["scripts/gen-boundary.mjs", "--check"], { stdio: "pipe" })).not.toThrow();
  });

  it("every entry in the table is an export of the core", () => {
    const exports = taomath().core.exports;
    for (const name of Object.keys(layouts)) expect(typeof exports[name], name).toBe("function");
  });

  it("slots are numbered 0..n-1 in table order on both sides", () => {
    const table = JSON.parse(readFileSync("assembly/abi/boundary.json", "utf8")).entries as Record<string, { in: object; out: object; same_as?: string }>;
    for (const [name, entry] of Object.entries(table)) {
      const e = entry.same_as === undefined ? entry : table[entry.same_as];
      const l = layouts[name as keyof typeof layouts];
      for (const side of ["in", "out"] as const) {
        const names = Object.keys(e[side]);
        expect(Object.entries(l[side]).map(([f, [i]]) => [f, i]), `${name}.${side}`).toEqual(names.map((f, i) => [f, i]));
        expect(l[`${side}Slots`]).toBe(names.length);
      }
    }
  });

  it("an entry with same_as (epoch_dense) has exactly the headers of the entry it names (epoch)", () => {
    expect(layouts.epoch_dense.in).toEqual(layouts.epoch.in);
    expect(layouts.epoch_dense.out).toEqual(layouts.epoch.out);
    // 34 inputs; 36 outputs plus the traced mask reasons
    expect([layouts.epoch.inSlots, layouts.epoch.outSlots]).toEqual([34, 37]);
  });

  it("every memory layout's slots are numbered 0..n-1 in table order, with its size", () => {
    const table = JSON.parse(readFileSync("assembly/abi/boundary.json", "utf8")).layouts as Record<string, { prefix: string; size: string; groups: { slots: string[] }[] }>;
    const host = generated as unknown as Record<string, unknown>;
    for (const [name, l] of Object.entries(table)) {
      const names = l.groups.flatMap((g) => g.slots).map((f) => f.toUpperCase());
      expect(Object.entries(host[l.prefix] as object), name).toEqual(names.map((f, i) => [f, i]));
      expect(host[l.size], name).toBe(names.length);
    }
  });
});
