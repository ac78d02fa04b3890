// The core commands of the taomath CLI as a user runs them: npm start's summary, epoch and vector in
// the vector encoding, the epoch benchmark, and one clear line with a non-zero exit for bad files.

import { describe, it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sharedPresent, sharedPath, readShared } from "./helpers/shared.js";

const cli = (...args: string[]) => spawnSync(process.execPath, ["node/cli.mjs", ...args], { encoding: "utf8" });
const tmp = mkdtempSync(join(tmpdir(), "taomath-cli-"));
const file = (name: string, text: string) => { const p = join(tmp, name); writeFileSync(p, text); return p; };

describe("taomath example (npm start)", () => {
  it("prints the top miners, the validators and the emission split of the 256-uid example subnet", () => {
    const r = cli("example");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Example subnet: 256 uids, 64 validator permits/);
    expect(r.stdout).toContain("Top miners by incentive");
    expect(r.stdout).toContain("Validators by dividends");
    expect(r.stdout).toMatch(/miners +\d+\.\d{4} alpha {2}\(50\.00%\)/);
  });
});

describe.skipIf(!sharedPresent)("taomath epoch / vector on the shared vectors", () => {
  it("epoch FILE --json prints exactly the vector's outputs", () => {
    const r = cli("epoch", sharedPath("vectors", "epoch", "030_recently_registered_bonds.json"), "--json");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ outputs: readShared("vectors", "epoch", "030_recently_registered_bonds.json").outputs });
  });
  it("epoch accepts a bare inputs object, and --trace adds the debug section", () => {
    const v = readShared("vectors", "epoch", "004_small_sparse_classic.json");
    const r = cli("epoch", file("bare.json", JSON.stringify(v.inputs)), "--json", "--trace");
    const out = JSON.parse(r.stdout);
    expect(out.outputs).toEqual(v.outputs);
    expect(out.debug.consensus_i32f32.bits).toEqual(v.debug.consensus_i32f32.bits);
  });
  it("vector FILE on an epoch file prints {outputs}", () => {
    const r = cli("vector", sharedPath("vectors", "epoch", "012_empty_rows.json"));
    expect(JSON.parse(r.stdout).outputs).toEqual(readShared("vectors", "epoch", "012_empty_rows.json").outputs);
  });
  it("vector FILE on a file of cases prints {cases} in file order", () => {
    const r = cli("vector", sharedPath("vectors", "math", "sigmoid.json"));
    const cases = JSON.parse(r.stdout).cases;
    const expected = readShared("vectors", "math", "sigmoid.json").cases;
    expect(cases.length).toBe(expected.length);
    cases.forEach((c: any, i: number) => expect(c.outputs.result.bits).toBe(expected[i].result.bits));
  });
  it("vector FILE on a block vector file prints every block's state of its case", () => {
    const d = readShared("vectors", "payout", "cases.json");
    const one = { ...d, case_count: 1, cases: [d.cases[9]] };
    const r = cli("vector", file("payout-one.json", JSON.stringify(one)));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ cases: [{ id: one.cases[0].id, outputs: one.cases[0].outputs }] });
  });
  it("bench epoch FILE --json prints the median and the run count", () => {
    const r = cli("bench", "epoch", sharedPath("vectors", "epoch", "002_n2_cold_start.json"), "--json", "--runs", "5");
    const b = JSON.parse(r.stdout);
    expect(b.runs).toBe(5);
    expect(b.median_ms).toBeGreaterThan(0);
  });
});

describe("bad files give one line and a non-zero exit", () => {
  const oneLine = (r: ReturnType<typeof cli>) => {
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    return r.stderr;
  };
  it("a missing file", () => expect(oneLine(cli("epoch", join(tmp, "nope.json")))).toMatch(/cannot read file \(ENOENT\)/));
  it("invalid JSON", () => expect(oneLine(cli("vector", file("broken.json", "{broken")))).toMatch(/not valid JSON/));
  it("an unknown schema", () => expect(oneLine(cli("vector", file("s.json", '{"schema":"nope/1"}')))).toMatch(/unknown schema "nope\/1"/));
  it("an epoch input with a bad field names the field", () => {
    expect(oneLine(cli("epoch", file("bad.json", '{"inputs":{"n":2}}')))).toMatch(/owner_uid: is missing/);
  });
  it("an unknown command exits 2", () => {
    const r = cli("frobnicate");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command "frobnicate"/);
  });
});
