// The network model's runtime: snapshots carry it with the reservoirs and the ellipse, older ones
// read as 425 and say so, results say which rules ran, and rule-set mismatches are typed errors.

import { describe, it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { taomath, TaomathError } from "../src/index.js";
import { Network, estimateReturns, snapshotAtRuntime, networkFromVector } from "../src/network/index.js";

const tm = taomath();
const cli = (...args: string[]) => spawnSync(process.execPath, ["node/cli.mjs", ...args], { encoding: "utf8", cwd: join(__dirname, "..") });

function snap(extra: Record<string, unknown> = {}, sub: Record<string, unknown> = {}) {
  return {
    block: "1001", total_issuance: "7000000000000000", root_tao: "3000000000000000",
    subnets: [{
      netuid: 1, tao_reserve: "1000000000000000", alpha_reserve: "3000000000000000", alpha_out: "1000000000000000",
      moving_price: String(1n << 29n), tempo: 100, last_epoch_block: "990", first_emission_block_number: "10",
      owner_hotkey: "owner", stakes: { owner: "1000000000000000" }, ...sub,
    }],
    ...extra,
  };
}

describe("network snapshots and the runtime", () => {
  it("a snapshot without a runtime is read as 425, and the report says so", () => {
    const r = Network.fromSnapshot(tm, snap()).step(1);
    expect(r.runtime).toEqual({ spec_version: 425, rules: "425" });
    expect(r.assumptions[0]).toMatch(/names no runtime: read as runtime 425/);
  });
  it("round-trips the runtime, both reservoirs and the ellipse through JSON and continues identically", () => {
    const a = Network.fromSnapshot(tm, snap({ runtime: 473 }, { tao_reservoir: "5", alpha_reservoir: "0" }));
    a.step(3);
    expect(a.state.subnets[0].ellipse).not.toBeNull();
    const json = JSON.parse(JSON.stringify(a.snapshot()));
    expect(json.runtime).toBe(473);
    expect(typeof json.subnets[0].ellipse.center_alpha).toBe("string");
    const b = Network.fromSnapshot(tm, json);
    a.step(20); b.step(20);
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.snapshot()));
  });
  it("refuses reservoirs at 425 and an ellipse before 473, naming the field", () => {
    expect(() => Network.fromSnapshot(tm, snap({ runtime: 425 }, { tao_reservoir: "1" }))).toThrow(/tao_reservoir/);
    const e = { alpha_scale: "1", tao_scale: "1", center_alpha: "5", center_tao: "5" };
    expect(() => Network.fromSnapshot(tm, snap({ runtime: 459 }, { ellipse: e }))).toThrow(TaomathError);
    expect(() => Network.fromSnapshot(tm, snap({ runtime: 473 }, { ellipse: { ...e, tao_scale: "0" } }))).toThrow(/ellipse/);
  });
  it("a runtime newer than any known runs the newest rules and says so", () => {
    const r = Network.fromSnapshot(tm, snap({ runtime: 999 })).step(1);
    expect(r.runtime).toEqual({ spec_version: 999, rules: "473", newer_than_known: true });
    expect(r.assumptions[0]).toMatch(/newer than any taomath knows/);
  });
  it("a runtime older than any known is a typed error naming the known ranges", () => {
    expect(() => Network.fromSnapshot(tm, snap({ runtime: 300 }))).toThrow(/425–458/);
  });
  it("snapshotAtRuntime gives a runtime to a snapshot without one, and refuses to change the rules of one that has", () => {
    expect(snapshotAtRuntime(snap()).runtime).toBe(473);
    expect(snapshotAtRuntime(snap(), "459").runtime).toBe(459);
    expect(snapshotAtRuntime(snap({ runtime: 473 }), 473).runtime).toBe(473);
    expect(() => snapshotAtRuntime(snap({ runtime: 425 }), 473)).toThrow(TaomathError);
  });
  it("networkFromVector stays at 425", () => {
    const net = networkFromVector(tm, { block: "1001", blocks: 1, total_issuance: "7000000000000000", root_tao: "0", subnets: [{ netuid: 1, tao_reserve: "1000000000", alpha_reserve: "1000000000", alpha_out: "0", moving_price: "1", tempo: 100, last_epoch_block: "990", first_emission_block: "10" }] });
    expect(net.state.runtime.rules).toBe("425");
  });
  it("estimateReturns runs the rules it is given and says which", () => {
    const at473 = estimateReturns(tm, snap(), "owner", 5, undefined, 473);
    const at425 = estimateReturns(tm, snap(), "owner", 5);
    expect(at473.runtime.rules).toBe("473");
    expect(at425.runtime.rules).toBe("425");
    expect(at473.assumptions[0]).toMatch(/runtime 473/);
  });
  it("taomath network --runtime runs those rules and prints them; without it a snapshot that names none is read as 425", () => {
    const dir = mkdtempSync(join(tmpdir(), "taomath-rt-"));
    const f = join(dir, "s.json");
    writeFileSync(f, JSON.stringify(snap()));
    const r459 = cli("network", f, "--blocks", "2", "--runtime", "459");
    expect(r459.status).toBe(0);
    expect(r459.stdout).toMatch(/^Rules: runtime 459 \(Balancer pool, buy-first coinbase with reservoirs\), for spec 459$/m);
    expect(cli("network", f, "--blocks", "2", "--runtime", "473").stdout).toMatch(/^Rules: runtime 473 \(superellipse pool/m);
    expect(cli("network", f, "--blocks", "2").stdout).toMatch(/^Rules: runtime 425 \(Balancer pool, inject-then-buy coinbase\)/m);
    const bad = cli("network", f, "--blocks", "2", "--runtime", "12");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--runtime/);
  });
});
