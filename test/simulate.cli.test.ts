// taomath simulate as a user runs it: the named scenarios, epoch files that `taomath epoch`
// reproduces byte for byte with bonds carried from epoch to epoch, results JSON, the HTML report,
// and a scenario file rejected with the field named.

import { describe, it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const cli = (...args: string[]) => spawnSync(process.execPath, ["node/cli.mjs", ...args], { encoding: "utf8" });
const tmp = mkdtempSync(join(tmpdir(), "taomath-sim-"));

describe("taomath simulate --list", () => {
  it("names the library's scenarios, weight-copier and the chain's Yuma3 cases among them", () => {
    const r = cli("simulate", "--list");
    expect(r.status).toBe(0);
    const names = r.stdout.trim().split("\n").map((l) => l.split(/\s+/)[0]);
    expect(names).toContain("weight-copier");
    expect(names).toContain("yuma3-kappa-moves-first");
    expect(names).toContain("ys-big-moves-first");
  });
});

describe("taomath simulate weight-copier --epochs 12 --export-epochs DIR", () => {
  const dir = join(tmp, "epochs");
  const out = join(tmp, "results.json"), html = join(tmp, "report.html");
  const r = cli("simulate", "weight-copier", "--epochs", "12", "--export-epochs", dir, "--out", out, "--html", html);
  const files = readdirSync(dir).sort();
  const docs = files.map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));
  // run while collecting (12 processes): the per-test timeout then only covers the comparison
  const reproduced = files.map((f) => cli("epoch", join(dir, f), "--json"));

  it("exits 0, reports the copier's verdict and shows a progress bar on stderr", () => {
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/copier +1 validator\(s\).*vs honest/);
    expect(r.stderr).toContain("12/12 epochs");
  });

  it("writes 12 files in the epoch vector schema", () => {
    expect(files).toHaveLength(12);
    for (const d of docs) {
      expect(d.schema).toBe("yuma-epoch-vector/1");
      expect(Object.keys(d.inputs).sort()).toContain("weights");
      expect(Object.keys(d.outputs).sort()).toContain("bonds");
    }
  });

  it("each file is reproduced byte for byte by taomath epoch", () => {
    expect(reproduced).toHaveLength(12);
    files.forEach((f, k) => {
      expect(reproduced[k].status).toBe(0);
      expect(reproduced[k].stdout.trim()).toBe(JSON.stringify({ outputs: JSON.parse(readFileSync(join(dir, f), "utf8")).outputs }));
    });
  });

  it("each epoch's input bonds and permits are the previous epoch's output bonds and permits", () => {
    for (let e = 1; e < docs.length; e++) {
      expect(docs[e].inputs.bonds).toEqual(docs[e - 1].outputs.bonds);
      expect(docs[e].inputs.validator_permit).toEqual(docs[e - 1].outputs.validator_permit);
    }
    expect(docs.some((d) => d.inputs.bonds.some((row: unknown[]) => row.length > 0))).toBe(true);
  });

  it("blocks advance by one tempo and last_update is the block before the epoch for every submitting validator", () => {
    for (let e = 1; e < docs.length; e++) expect(BigInt(docs[e].inputs.current_block) - BigInt(docs[e - 1].inputs.current_block)).toBe(360n);
    const last = docs[11].inputs;
    for (let uid = 0; uid < 16; uid++) expect(BigInt(last.last_update[uid])).toBe(BigInt(last.current_block) - 1n);
  });

  it("writes the results JSON with per-epoch records and a self-contained HTML report with SVG charts", () => {
    const res = JSON.parse(readFileSync(out, "utf8"));
    expect(res.epochs).toHaveLength(12);
    expect(res.epochs[3].dividends).toEqual(docs[3].outputs.dividends);
    expect(res.epochs[3].validator_emission).toEqual(docs[3].outputs.validator_emission);
    const page = readFileSync(html, "utf8");
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain("<svg");
    expect(page).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });
});

describe("taomath simulate FILE: scenario files", () => {
  it("runs a scenario file and --json prints the summary", () => {
    const f = join(tmp, "mine.json");
    writeFileSync(f, JSON.stringify({ name: "mine", epochs: 3, validators: [{ count: 2, strategy: { type: "honest" } }, { strategy: { type: "late" } }], miners: [{ count: 4 }] }));
    const r = cli("simulate", f, "--json");
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.scenario.name).toBe("mine");
    expect(s.strategies.map((x: { label: string }) => x.label)).toEqual(["honest", "late"]);
    expect(s.epochs).toBeUndefined();
  });

  it("rejects a bad field with one line naming it and exit 1", () => {
    const f = join(tmp, "bad.json");
    writeFileSync(f, JSON.stringify({ name: "bad", epochs: 3, validators: [{ strategy: { type: "copier", lag: 0 } }], miners: [{}] }));
    const r = cli("simulate", f);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe("error: validators[0].strategy.lag: must be >= 1, got 0 [out_of_range]");
  });

  it("an unknown scenario name lists the known ones", () => {
    const r = cli("simulate", "no-such-scenario");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("weight-copier");
  });
});
