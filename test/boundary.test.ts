// The boundary table is the one description of the header-convention entry points: the generated
// layouts on both sides match it, and every entry it names is exported by the core.

import { describe, it, expect } from "vitest";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { taomath, TaomathError } from "../src/index.js";
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

describe("one calling convention (entry(inHeader) returns its output header)", () => {
  const exports = taomath().core.exports;
  const functions = Object.keys(exports).filter((k) => typeof exports[k] === "function");
  it("every function the core exports is reset, alloc or an entry of the table", () => {
    const outside = functions.filter((f) => f !== "reset" && f !== "alloc" && !(f in layouts));
    expect(outside).toEqual([]);
  });

  it("besides functions the core exports only its memory: no global crosses the boundary", () => {
    expect(Object.keys(exports).filter((k) => typeof exports[k] !== "function")).toEqual(["memory"]);
  });

  it("every entry of the table takes exactly one argument, its input header", () => {
    for (const name of Object.keys(layouts)) expect((exports[name] as (...a: unknown[]) => unknown).length, name).toBe(1);
  });

  it("no entry reads a result register: the core exports no getter", () => {
    const getters = functions.filter((f) => f !== "reset" && (exports[f] as () => unknown).length === 0);
    expect(getters).toEqual([]);
  });

  it("a 128-bit output is a _lo slot followed by its _hi slot", () => {
    for (const [name, l] of Object.entries(layouts)) {
      const out = l.out as Record<string, readonly [number, string]>;
      for (const [slot, [i]] of Object.entries(out)) {
        if (slot.endsWith("_lo")) expect(out[`${slot.slice(0, -3)}_hi`]?.[0], `${name}.${slot}`).toBe(i + 1);
        if (slot.endsWith("_hi")) expect(out[`${slot.slice(0, -3)}_lo`]?.[0], `${name}.${slot}`).toBe(i - 1);
      }
    }
  });

  it("a CSR is four consecutive slots rows, start, col, val and a dense matrix three: matrix, rows, cols", () => {
    // assembly/abi/memory.ts csrIn/denseIn and result.ts csrOut/denseOut read and write them by the first index
    let csrs = 0, dense = 0;
    for (const [name, l] of Object.entries(layouts)) {
      for (const side of ["in", "out"] as const) {
        const slots = l[side] as Record<string, readonly [number, string]>;
        for (const slot of Object.keys(slots)) {
          if (slot === "start" || slot.endsWith("_start")) {
            const p = slot.slice(0, -"start".length);
            if (!(`${p}rows` in slots && `${p}val` in slots)) continue;
            csrs++;
            const at = slots[`${p}rows`][0];
            expect([`${p}start`, `${p}col`, `${p}val`].map((k) => slots[k]?.[0]), `${name}.${side}.${p}rows`).toEqual([at + 1, at + 2, at + 3]);
          }
          const [rows, cols] = slot === "matrix" ? ["rows", "cols"] : [`${slot}_rows`, `${slot}_cols`];
          if (slots[slot][1] === "ptr" && rows in slots && cols in slots) {
            dense++;
            const at = slots[slot][0];
            expect([slots[rows][0], slots[cols][0]], `${name}.${side}.${slot}`).toEqual([at + 1, at + 2]);
          }
        }
      }
    }
    expect(csrs).toBeGreaterThan(10);
    expect(dense).toBeGreaterThan(10);
  });

  it("an outcome the chain can refuse is the u32 slot error", () => {
    for (const [name, l] of Object.entries(layouts)) {
      const out = l.out as Record<string, readonly [number, string]>;
      if ("error" in out) expect(out.error[1], name).toBe("u32");
    }
  });

  it("invoke checks each slot against its type and names entry and slot when it does not fit", () => {
    const core = taomath().core;
    core.reset();
    const fits = { quote: 5n * 10n ** 17n, alpha: 10n, tao: 10n, mechanism: 1 };
    expect(core.invoke("sw_price", fits).u128("price")).toBe(1n << 64n);
    const bad = (inputs: Record<string, unknown>, field: string, code: string) => {
      core.reset();
      let err: unknown;
      try { core.invoke("sw_price", inputs as typeof fits); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(TaomathError);
      expect((err as TaomathError).field).toBe(field);
      expect((err as TaomathError).code).toBe(code);
    };
    bad({ ...fits, quote: 1n << 64n }, "sw_price.quote", "out_of_range");
    bad({ ...fits, alpha: -1n }, "sw_price.alpha", "out_of_range");
    bad({ ...fits, mechanism: 2 ** 32 }, "sw_price.mechanism", "out_of_range");
    bad({ ...fits, tao: 1.5 }, "sw_price.tao", "invalid_type");
    bad({ quote: fits.quote, alpha: 10n, mechanism: 1 }, "sw_price.tao", "invalid_type");
  });
});
