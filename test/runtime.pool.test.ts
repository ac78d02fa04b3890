// Runtime as an input for pool quotes: the rule-set registry (src/core/runtime.ts) and the quote
// functions on either curve, each result naming the rules that produced it.

import { describe, it, expect } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { taomath, resolveRuntime, RULE_SETS, NEWEST_SPEC, TaomathError } from "../src/index.js";
import { quoteStake, quoteUnstake, quoteStakeBatch, quoteUnstakeBatch, maxAmountForLimit, limitMaximum, spotPrice, spotPriceOf, quoteRequestFromJson, quoteResponse } from "../src/pool/index.js";
import { swapCoreOf } from "../src/core/cores.js";

const cli = fileURLToPath(new URL("../node/cli.mjs", import.meta.url));
const ec = () => (taomath()).ellipse;
const errOf = (f: () => unknown): TaomathError => {
  try { f(); } catch (e) { expect(e).toBeInstanceOf(TaomathError); return e as TaomathError; }
  throw new Error("expected a TaomathError");
};

describe("resolveRuntime", () => {
  it("defaults to the newest known rule set (473)", () => {
    expect(NEWEST_SPEC).toBe(473);
    expect(resolveRuntime()).toMatchObject({ spec_version: 473, rules: "473" });
  });
  it("maps each known spec to its rule set: 425–458 → 425, 459–472 → 459, 473 → 473", () => {
    expect([425, 441, 452, 458, 459, 472, 473].map((s) => resolveRuntime(s).rules)).toEqual(["425", "425", "425", "425", "459", "459", "473"]);
  });
  it("runs the newest rules for a newer spec and says so", () => {
    const r = resolveRuntime(480);
    expect(r).toMatchObject({ spec_version: 480, rules: "473", newer_than_known: true });
    expect(resolveRuntime(473).newer_than_known).toBeUndefined();
  });
  it("refuses an older unknown spec with the known ranges in the message", () => {
    const e = errOf(() => resolveRuntime(424));
    expect(e.field).toBe("runtime");
    expect(e.message).toContain("425–458");
    expect(e.message).toContain("473");
  });
  it("refuses what is not a positive integer, naming the field", () => {
    for (const bad of [0, -1, 1.5, Number.NaN, "abc", "47x"]) expect(errOf(() => resolveRuntime(bad as never, "runtime")).field).toBe("runtime");
  });
  it("keeps its table contiguous, each range with its evidence", () => {
    for (let i = 1; i < RULE_SETS.length; i++) expect(RULE_SETS[i].firstSpec).toBe(RULE_SETS[i - 1].lastSpec + 1);
    for (const r of RULE_SETS) expect(r.evidence.length).toBeGreaterThan(10);
  });
});

describe("quotes on either curve", () => {
  const pool = { taoReserve: 1_000_000_000_000_000n, alphaReserve: 3_000_000_000_000_000n, quoteWeight: 430_000_000_000_000_000n };
  const big = 100_000_000_000_000n; // 100k TAO: large enough for the curves to differ

  it("a 473 stake is the chain's 473 swap (first-swap calibration from the quote weight)", () => {
    const q = quoteStake(pool, big, { runtime: 473 });
    const s = ec().swap({ ...pool, ellipse: null }, true, big, 1_000_000_000_000_000n, false, true);
    expect(q.runtime).toEqual({ spec_version: 473, rules: "473" });
    expect([q.paidIn, q.amountOut, q.fee]).toEqual([s.paidIn, s.paidOut, s.fee]);
  });
  it("a 425 stake is the Balancer swap, and the two curves give different answers", () => {
    const q425 = quoteStake(pool, big, { runtime: 425 });
    const s = swapCoreOf(taomath()).swap(pool, true, big, 1_000_000_000_000_000n, false, true);
    expect(q425.runtime).toEqual({ spec_version: 425, rules: "425" });
    expect(q425.amountOut).toBe(s.paidOut);
    expect(quoteStake(pool, big, { runtime: 473 }).amountOut).not.toBe(q425.amountOut);
  });
  it("459 quotes run the Balancer pool and say rules 459", () => {
    const q = quoteUnstake(pool, big, { runtime: 459 });
    expect(q.runtime.rules).toBe("459");
    expect(q.amountOut).toBe(quoteUnstake(pool, big, { runtime: 425 }).amountOut);
  });
  it("a pool that carries an ellipse is quoted on it, with the newest rules by default", () => {
    const e = ec().fromWeights(pool.alphaReserve, pool.taoReserve, pool.quoteWeight);
    if (!e.ok) throw new Error(e.error);
    const translated = ec().translate(e.value, 1_000_000_000n, 0n);
    if (!translated.ok) throw new Error(translated.error);
    const withCurve = { ...pool, alphaReserve: pool.alphaReserve + 1_000_000_000n, ellipse: translated.value };
    const q = quoteStake(withCurve, big);
    const s = ec().swap(withCurve, true, big, 1_000_000_000_000_000n, false, true);
    expect(q.runtime.rules).toBe("473");
    expect(q.amountOut).toBe(s.paidOut);
  });
  it("batches equal the single quotes at 473", () => {
    const amounts = [0n, 1n, 2_000_000n, 10n ** 12n, big, 10n ** 18n];
    const b = quoteStakeBatch(pool, amounts, { runtime: 473 }), u = quoteUnstakeBatch(pool, amounts, { runtime: 473 });
    expect(b.runtime.rules).toBe("473");
    amounts.forEach((a, i) => {
      const one = (f: () => { amountOut: bigint }) => { try { return f().amountOut; } catch { return null; } };
      expect(b.error[i] === null ? b.amountOut[i] : null).toBe(one(() => quoteStake(pool, a, { runtime: 473 })));
      expect(u.error[i] === null ? u.amountOut[i] : null).toBe(one(() => quoteUnstake(pool, a, { runtime: 473 })));
    });
  });
  it("the limit maximum at 473 fills to the limit: a stake of it ends at or below the limit price", () => {
    const limit = 500_000_000n; // 0.5 TAO per alpha, above the 0.4419 spot
    const m = limitMaximum(pool, limit, "stake", { runtime: 473 });
    expect(m.runtime.rules).toBe("473");
    expect(m.maxAmount).toBe(maxAmountForLimit(pool, limit, "stake", { runtime: 473 }));
    const q = quoteStake(pool, m.maxAmount, { runtime: 473, limitPriceRao: limit });
    expect(q.priceAfter <= (limit << 64n) / 1_000_000_000n).toBe(true);
    expect(m.maxAmount).not.toBe(maxAmountForLimit(pool, limit, "stake", { runtime: 425 }));
  });
  it("the spot price at 473 without an ellipse is the chain's read-only Balancer fallback", () => {
    expect(spotPrice(pool, { runtime: 473 })).toBe(spotPrice(pool, { runtime: 425 }));
    expect(spotPriceOf(pool, { runtime: 500 }).runtime).toEqual({ spec_version: 500, rules: "473", newer_than_known: true });
  });
});

describe("bad input for 473 quotes is a TaomathError naming the field", () => {
  const pool = { taoReserve: 1_000_000_000_000n, alphaReserve: 3_000_000_000_000n };
  const curve = { alpha_scale: 1n << 80n, tao_scale: 1n << 80n, center_alpha: (3_000_000_000_000n << 32n) + (1n << 80n), center_tao: (1_000_000_000_000n << 32n) + (1n << 80n) };
  it("a runtime that is not a positive integer", () => {
    expect(errOf(() => quoteStake(pool, 1n, { runtime: 0 })).field).toBe("runtime");
    expect(errOf(() => quoteStake(pool, 1n, { runtime: 473.5 })).field).toBe("runtime");
    expect(errOf(() => quoteStake(pool, 1n, { runtime: 12 })).field).toBe("runtime");
  });
  it("zero scales", () => {
    expect(errOf(() => quoteStake({ ...pool, ellipse: { ...curve, alpha_scale: 0n } }, 1n)).field).toBe("pool.ellipse.alpha_scale");
    expect(errOf(() => quoteStake({ ...pool, ellipse: { ...curve, tao_scale: "0" } }, 1n)).field).toBe("pool.ellipse.tao_scale");
  });
  it("coordinates outside the domain", () => {
    expect(errOf(() => quoteStake({ ...pool, ellipse: { ...curve, center_alpha: 3_000_000_000_000n << 32n } }, 1n)).field).toBe("pool.ellipse.center_alpha");
    expect(errOf(() => quoteStake({ ...pool, ellipse: { ...curve, center_tao: -5n } }, 1n)).field).toBe("pool.ellipse.center_tao");
  });
  it("amounts past u64", () => {
    expect(errOf(() => quoteStake(pool, 1n << 64n, { runtime: 473 })).field).toBe("taoIn");
    expect(errOf(() => quoteUnstakeBatch(pool, [1n, -1n], { runtime: 473 })).field).toBe("alphaIn[1]");
  });
  it("a scale past u128 or a center past i128", () => {
    expect(errOf(() => quoteStake({ ...pool, ellipse: { ...curve, alpha_scale: 1n << 128n } }, 1n)).field).toBe("pool.ellipse.alpha_scale");
    expect(errOf(() => quoteStake({ ...pool, ellipse: { ...curve, center_tao: 1n << 127n } }, 1n)).field).toBe("pool.ellipse.center_tao");
  });
});

describe("taomath quote --runtime", () => {
  const args = ["quote", "stake", "--tao-in", "100000", "--tao-reserve", "1000000", "--alpha-reserve", "3000000", "--weight", "0.43"];
  it("each runtime gives its own answer and names its rules", () => {
    const j473 = JSON.parse(execFileSync("node", [cli, ...args, "--runtime", "473", "--json"], { encoding: "utf8" }));
    const j425 = JSON.parse(execFileSync("node", [cli, ...args, "--runtime", "425", "--json"], { encoding: "utf8" }));
    expect(j473.runtime).toEqual({ spec_version: 473, rules: "473" });
    expect(j425.runtime).toEqual({ spec_version: 425, rules: "425" });
    expect(j473.amount_out).not.toBe(j425.amount_out);
    const pool = { taoReserve: 10n ** 15n, alphaReserve: 3n * 10n ** 15n, quoteWeight: 430_000_000_000_000_000n };
    expect(BigInt(j473.amount_out)).toBe(quoteStake(pool, 10n ** 14n, { runtime: 473 }).amountOut);
    const text = execFileSync("node", [cli, ...args, "--runtime", "473"], { encoding: "utf8" });
    expect(text).toMatch(/rules\s+runtime 473 \(superellipse pool\)/);
  });
  it("a bad --runtime is an error naming the flag", () => {
    const r = spawnSync("node", [cli, ...args, "--runtime", "-3"], { encoding: "utf8" });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("--runtime");
  });
});

describe("the JSON quote API (Worker, dashboard) takes a runtime", () => {
  const pool = { tao_reserve: "1000000000000000", alpha_reserve: "3000000000000000", quote_weight: "430000000000000000" };
  it("answers with the runtime's rules and says which", () => {
    const r473 = quoteResponse(taomath(), quoteRequestFromJson({ pool, side: "stake", amounts: ["100000000000000"], runtime: 473 }));
    const r425 = quoteResponse(taomath(), quoteRequestFromJson({ pool, side: "stake", amounts: ["100000000000000"], runtime: 425 }));
    expect(r473.runtime).toEqual({ spec_version: 473, rules: "473" });
    expect(r425.runtime).toEqual({ spec_version: 425, rules: "425" });
    const p = { taoReserve: 10n ** 15n, alphaReserve: 3n * 10n ** 15n, quoteWeight: 430_000_000_000_000_000n };
    expect(r473.quotes[0].amount_out).toBe(String(quoteStake(p, 10n ** 14n, { runtime: 473 }).amountOut));
    expect(r425.quotes[0].amount_out).toBe(String(quoteStake(p, 10n ** 14n, { runtime: 425 }).amountOut));
  });
  it("quotes a pool that sends its ellipse on that curve", () => {
    const e = (taomath()).ellipse.fromWeights(3n * 10n ** 15n, 10n ** 15n, 430_000_000_000_000_000n);
    if (!e.ok) throw new Error(e.error);
    const ellipse = Object.fromEntries(Object.entries(e.value).map(([k, v]) => [k, String(v)]));
    const r = quoteResponse(taomath(), quoteRequestFromJson({ pool: { ...pool, ellipse }, side: "unstake", amount: "5000000000" }));
    expect(r.runtime?.rules).toBe("473");
  });
  it("refuses a bad runtime naming the field", () => {
    for (const runtime of [0, -1, 2.5, "x", 100, true]) {
      try { quoteRequestFromJson({ pool, side: "stake", amount: "1", runtime }); expect.unreachable(); }
      catch (err) { expect((err as TaomathError).field).toBe("runtime"); }
    }
  });
});
