// `taomath quote` and the exact decimal parsing behind it (TAO text → rao, weight text → parts).

import { describe, it, expect } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { TaomathError } from "../src/index.js";
import { parseDecimal, taoToRao, weightToParts, raoToTao, quoteStake } from "../src/pool/index.js";

const cli = fileURLToPath(new URL("../node/cli.mjs", import.meta.url));

describe("decimal units", () => {
  it("TAO text is exact rao", () => {
    expect(taoToRao("10", "x")).toBe(10_000_000_000n);
    expect(taoToRao("0.1", "x")).toBe(100_000_000n);
    expect(taoToRao("1.000000001", "x")).toBe(1_000_000_001n);
    expect(taoToRao(".5", "x")).toBe(500_000_000n);
  });
  it("weights are Perquintill parts", () => {
    expect(weightToParts("0.5", "w")).toBe(500_000_000_000_000_000n);
    expect(weightToParts("0.499999999876543210", "w")).toBe(499_999_999_876_543_210n);
  });
  it("too many decimals or non-numbers are TaomathErrors naming the field", () => {
    expect(() => parseDecimal("1.0000000001", 9, "--tao-in")).toThrow(TaomathError);
    expect(() => taoToRao("-1", "--tao-in")).toThrow(/--tao-in/);
    expect(() => taoToRao("1e3", "--tao-in")).toThrow(TaomathError);
  });
  it("rao prints as TAO with 9 decimals", () => { expect(raoToTao(1_500_000_001n)).toBe("1.500000001"); });
});

describe("taomath quote", () => {
  it("stake --json prints the same integers as quoteStake", () => {
    const out = JSON.parse(execFileSync("node", [cli, "quote", "stake", "--tao-in", "10", "--tao-reserve", "1000", "--alpha-reserve", "100000", "--json"], { encoding: "utf8" }));
    const q = quoteStake({ taoReserve: 1_000_000_000_000n, alphaReserve: 100_000_000_000_000n }, 10_000_000_000n);
    expect([out.amount_out, out.fee, out.paid_in]).toEqual([q.amountOut.toString(), q.fee.toString(), q.paidIn.toString()]);
  });
  it("the human form shows amount out, fee, effective price and slippage", () => {
    const out = execFileSync("node", [cli, "quote", "unstake", "--alpha-in", "1000", "--tao-reserve", "1000", "--alpha-reserve", "100000", "--weight", "0.4"], { encoding: "utf8" });
    for (const label of ["amount out", "fee", "effective price", "slippage"]) expect(out).toContain(label);
  });
  it("bad input exits 1 with the field named", () => {
    const r = spawnSync("node", [cli, "quote", "stake", "--tao-in", "10", "--tao-reserve", "0", "--alpha-reserve", "5"], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("pool.taoReserve");
  });
});
