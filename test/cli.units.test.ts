// The CLI's parsing and formatting helpers on their own: amounts people type (TAO decimals, rao with
// a suffix or --rao), the flag a misspelling meant, strict parsing of a command's flags, and the
// numbers tables print.

import { describe, it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TaomathError } from "../src/index.js";
import { amount, pct, pctPoints, tao } from "../src/cli/units.js";
import { UsageError, closestFlag, parseCommandArgs } from "../src/cli/args.js";
import { renderTable, sortRows, type Column } from "../src/cli/table.js";
import type { Command } from "../src/cli/command.js";

describe("amounts", () => {
  it("TAO decimals are exact rao", () => {
    expect(amount("12.5", "--x")).toBe(12_500_000_000n);
    expect(amount("0.000000001", "--x")).toBe(1n);
  });
  it("a rao suffix or --rao reads whole rao", () => {
    expect(amount("125rao", "--x")).toBe(125n);
    expect(amount("125 RAO", "--x")).toBe(125n);
    expect(amount("125", "--x", true)).toBe(125n);
  });
  it("fractional rao, decimals under --rao, more than 9 decimals and amounts past u64 are refused naming the flag", () => {
    expect(() => amount("1.5rao", "--x")).toThrow(/--x: a rao amount is a whole number/);
    expect(() => amount("1.5", "--x", true)).toThrow(/--x: expected a whole number of rao/);
    expect(() => amount("1.0000000001", "--x")).toThrow(TaomathError);
    expect(() => amount("18446744073709551616rao", "--x")).toThrow(/u64/);
    expect(amount("18446744073709551615rao", "--x")).toBe(18446744073709551615n);
  });
});

describe("formatting", () => {
  it("tao() rounds half up to the digits asked and groups thousands", () => {
    expect(tao(1_234_567_890_123n)).toBe("1,234.5679");
    expect(tao(1_234_567_850_000n)).toBe("1,234.5679");
    expect(tao(1_234_567_849_999n)).toBe("1,234.5678");
    expect(tao(-5_000_000_000n, 2)).toBe("-5.00");
    expect(tao(1n, 9)).toBe("0.000000001");
  });
  it("u16 fractions print as percent and changes as percentage points", () => {
    expect(pct(65535)).toBe("100.000%");
    expect(pct(0)).toBe("0.000%");
    expect(pctPoints(-14)).toBe("-0.0214 pp");
  });
});

describe("flags", () => {
  const cmd: Command = {
    name: "t", summary: "", usage: ["t"], examples: [], positionals: { min: 0, max: 1 },
    flags: { "limit-price": { type: "string", help: "" }, json: { type: "boolean", help: "" }, claim: { type: "string", multiple: true, help: "" } },
    run() {},
  };
  it("a misspelling maps to the flag it meant: underscores, case, one typo", () => {
    expect(closestFlag("limit_price", ["limit-price", "json"])).toBe("limit-price");
    expect(closestFlag("Limit-Price", ["limit-price", "json"])).toBe("limit-price");
    expect(closestFlag("jsno", ["limit-price", "json"])).toBe("json");
    expect(closestFlag("frobnicate", ["limit-price", "json"])).toBeUndefined();
  });
  it("declared flags parse; repeatable ones collect; a positional is kept", () => {
    const p = parseCommandArgs(cmd, ["FILE", "--limit-price", "0.5", "--json", "--claim", "a", "--claim", "b"]);
    expect(p.values).toMatchObject({ "limit-price": "0.5", json: true, claim: ["a", "b"] });
    expect(p.positionals).toEqual(["FILE"]);
  });
  it("unknown flags, a value on a boolean, a second positional are UsageErrors", () => {
    expect(() => parseCommandArgs(cmd, ["--limit_price", "1"])).toThrow(UsageError);
    expect(() => parseCommandArgs(cmd, ["--json=yes"])).toThrow(/--json takes no value/);
    expect(() => parseCommandArgs(cmd, ["a", "b"])).toThrow(/unexpected argument "b"/);
  });
});

describe("tables", () => {
  interface R { k: string; v: bigint }
  const cols: Column<R>[] = [
    { key: "k", title: "key", align: "left", cell: (r) => r.k, sortValue: (r) => r.k },
    { key: "v", title: "value", cell: (r) => r.v.toString(), sortValue: (r) => r.v },
  ];
  const rows: R[] = [{ k: "a", v: 2n }, { k: "b", v: 10n }, { k: "c", v: 5n }];
  it("numbers sort largest first, text alphabetically", () => {
    expect(sortRows(rows, cols, "v", "k").map((r) => r.k)).toEqual(["b", "c", "a"]);
    expect(sortRows(rows, cols, undefined, "k").map((r) => r.k)).toEqual(["a", "b", "c"]);
  });
  it("columns align and the totals row sits under a rule", () => {
    expect(renderTable(cols, rows, { k: "total", v: "17" })).toBe([
      "  key    value", "  a          2", "  b         10", "  c          5", "  -----  -----", "  total     17",
    ].join("\n"));
  });
});

describe("example --inputs", () => {
  it("prints a template that `taomath epoch` runs to the example's own outputs", () => {
    const cli = (...a: string[]) => spawnSync(process.execPath, ["node/cli.mjs", ...a], { encoding: "utf8", cwd: join(__dirname, ".."), maxBuffer: 64 << 20 });
    const template = cli("example", "--inputs").stdout;
    const file = join(mkdtempSync(join(tmpdir(), "taomath-template-")), "t.json");
    writeFileSync(file, template);
    expect(JSON.parse(cli("epoch", file, "--json").stdout).outputs).toEqual(JSON.parse(cli("example", "--json").stdout).outputs);
  });
});
