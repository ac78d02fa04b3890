// The Worker's POST /v1/quote and GET /v1/emission inside workerd (miniflare): answers equal to
// Node's quoteStake / quoteUnstake / projectEmission, bad input as JSON 400 naming the field, and
// a bad request never disturbs the next.

import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { taomath } from "../src/index.js";
import { quoteStake, quoteUnstake, quoteRequestFromJson, quoteResponse } from "../src/pool/index.js";
import { projectEmission, emissionOf } from "../src/emission/index.js";
import { canonicalJson } from "../src/vectors/index.js";
import { startWorker, type WorkerHost } from "./helpers/workerd.js";
import { MAX_BODY_BYTES } from "../worker/src/http.js";

let w: WorkerHost;
beforeAll(async () => { w = await startWorker(); }, 60000);
afterAll(async () => { await w?.close(); });

const pool = { tao_reserve: "1000000000000", alpha_reserve: "3000000000000", quote_weight: "500000000000000000", fee_rate: 33 };
const nodePool = { taoReserve: 1_000_000_000_000n, alphaReserve: 3_000_000_000_000n, quoteWeight: 500_000_000_000_000_000n, feeRate: 33 };
const quote = (body: unknown) =>
  w.fetch("/v1/quote", { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body), headers: { "content-type": "application/json" } });
const emission = (query: string) => w.fetch(`/v1/emission${query}`);

async function errorOf(r: Response) {
  expect(r.status).toBe(400);
  expect(r.headers.get("content-type")).toMatch(/^application\/json/);
  return ((await r.json()) as any).error as { code: string; field: string | null; message: string };
}

describe("POST /v1/quote: good requests", () => {
  it("quotes one stake exactly as Node's quoteStake", async () => {
    const r = await quote({ pool, side: "stake", amount: "10000000000" });
    expect(r.status).toBe(200);
    const body: any = await r.json();
    const q = quoteStake(nodePool, 10_000_000_000n);
    expect(body.quotes).toHaveLength(1);
    expect(body.quotes[0]).toMatchObject({ amount_in: "10000000000", error: null, paid_in: String(q.paidIn), amount_out: String(q.amountOut), fee: String(q.fee) });
    expect(body.quotes[0].effective_price).toBe(q.effectivePrice);
    expect(body.quotes[0].slippage).toBe(q.slippage);
    expect(body.spot_price_bits).toBe(String(q.priceBefore));
  });

  it("quotes many unstakes in one request, each equal to Node's quoteUnstake", async () => {
    const amounts = ["1000000000", "50000000000", "900000000000", "2500000000000"];
    const body: any = await (await quote({ pool, side: "unstake", amounts })).json();
    expect(body.side).toBe("unstake");
    expect(body.limit_price_rao).toBe("1000");
    body.quotes.forEach((row: any, i: number) => {
      const q = quoteUnstake(nodePool, BigInt(amounts[i]));
      expect(row).toEqual({ amount_in: amounts[i], error: null, paid_in: String(q.paidIn), amount_out: String(q.amountOut), fee: String(q.fee), effective_price: q.effectivePrice, slippage: q.slippage });
    });
  });

  it("answers the canonical bytes Node computes for the same request", async () => {
    const req = { pool, side: "stake", amounts: ["1", "1000000000", "77777777777", "1000000000000000"], limit_price_rao: "400000000" };
    const text = await (await quote(req)).text();
    expect(text).toBe(canonicalJson(quoteResponse(taomath(), quoteRequestFromJson(req))));
  });

  it("reports the chain's refusal per amount, not as a request error", async () => {
    const body: any = await (await quote({ pool, side: "stake", amounts: ["1000000000", "1"], limit_price_rao: "1" })).json();
    expect(body.quotes.map((q: any) => q.error)).toEqual(["PriceLimitExceeded", "PriceLimitExceeded"]);
    expect(body.quotes[0].effective_price).toBeNull();
  });

  it("uses the chain's defaults for weight and fee when they are left out", async () => {
    const body: any = await (await quote({ pool: { tao_reserve: pool.tao_reserve, alpha_reserve: pool.alpha_reserve }, side: "stake", amount: 5_000_000_000 })).json();
    const q = quoteStake({ taoReserve: nodePool.taoReserve, alphaReserve: nodePool.alphaReserve }, 5_000_000_000n);
    expect(body.quotes[0].amount_out).toBe(String(q.amountOut));
  });
});

describe("POST /v1/quote: bad requests are JSON 400s naming the field", () => {
  const cases: Array<[string, unknown, string, string]> = [
    ["a body that is not an object", [1, 2], "body", "invalid_type"],
    ["a missing pool", { side: "stake", amount: "1" }, "pool", "invalid_type"],
    ["a missing TAO reserve", { pool: { alpha_reserve: "1" }, side: "stake", amount: "1" }, "pool.tao_reserve", "invalid_type"],
    ["a zero alpha reserve", { pool: { ...pool, alpha_reserve: "0" }, side: "stake", amount: "1" }, "pool.alpha_reserve", "out_of_range"],
    ["a weight outside the chain's range", { pool: { ...pool, quote_weight: "1" }, side: "stake", amount: "1" }, "pool.quote_weight", "out_of_range"],
    ["a fee above MaxFeeRate", { pool: { ...pool, fee_rate: 10001 }, side: "stake", amount: "1" }, "pool.fee_rate", "out_of_range"],
    ["an unknown pool field", { pool: { ...pool, taoReserve: "1" }, side: "stake", amount: "1" }, "pool.taoReserve", "invalid_type"],
    ["an unknown side", { pool, side: "buy", amount: "1" }, "side", "invalid_type"],
    ["no amount", { pool, side: "stake" }, "amounts", "invalid_type"],
    ["both amount and amounts", { pool, side: "stake", amount: "1", amounts: ["1"] }, "amounts", "invalid_type"],
    ["a negative amount in the list", { pool, side: "unstake", amounts: ["1", "-5"] }, "amounts[1]", "invalid_type"],
    ["an amount past u64", { pool, side: "stake", amount: "18446744073709551616" }, "amount", "out_of_range"],
    ["an empty list", { pool, side: "stake", amounts: [] }, "amounts", "wrong_length"],
    ["more than 10000 amounts", { pool, side: "stake", amounts: Array(10001).fill("1") }, "amounts", "wrong_length"],
    ["a zero limit price", { pool, side: "stake", amount: "1", limit_price_rao: "0" }, "limit_price_rao", "out_of_range"],
  ];
  for (const [what, body, field, code] of cases) {
    it(`names ${field} for ${what}`, async () => {
      expect(await errorOf(await quote(body))).toMatchObject({ code, field });
    });
  }

  it("rejects malformed JSON as field `body`", async () => {
    expect(await errorOf(await quote("{\"pool\":"))).toMatchObject({ code: "invalid_json", field: "body" });
  });

  it("answers GET with 405", async () => {
    expect((await w.fetch("/v1/quote")).status).toBe(405);
  });
});

describe("GET /v1/emission", () => {
  const issuance = 7_000_000_000_000_000n;

  it("gives the block emission and the coming halvings Node projects", async () => {
    const r = await emission(`?issuance=${issuance}&start_date=2026-01-01`);
    expect(r.status).toBe(200);
    const body: any = await r.json();
    const tm = taomath();
    const p = projectEmission(tm, issuance, { startDate: new Date("2026-01-01T00:00:00Z") });
    expect(body.block_emission).toBe(String(emissionOf(tm).blockEmission(issuance)));
    expect(body.halvings_so_far).toBe(emissionOf(tm).halvings(issuance));
    expect(body.halvings.map((h: any) => [h.halving, h.first_issuance, h.block_offset, h.date, h.emission_after]))
      .toEqual(p.halvings.map((h) => [h.halving, String(h.first_issuance), String(h.block_offset), h.date, String(h.emission_after)]));
    expect(body.yearly).toHaveLength(20);
    expect(body.yearly[19].issuance).toBe(String(p.daily[p.daily.length - 1].issuance));
  });

  it("moves the halvings later with recycling and reports the delay", async () => {
    const body: any = await (await emission(`?issuance=${issuance}&recycled_per_day=1000000000000&years=10&start_block=6000000&start_date=2026-01-01`)).json();
    expect(body.halvings[0].delay_days).toBeGreaterThan(0);
    expect(BigInt(body.halvings[0].block)).toBe(6_000_000n + BigInt(body.halvings[0].block_offset));
    expect(body.yearly).toHaveLength(10);
  });

  it("answers 0 emission and no halvings at total supply", async () => {
    const body: any = await (await emission("?issuance=21000000000000000&years=1")).json();
    expect(body).toMatchObject({ block_emission: "0", halvings_so_far: null, halvings: [] });
  });

  const bad: Array<[string, string, string, string]> = [
    ["no issuance", "", "issuance", "invalid_type"],
    ["an issuance that is not an integer", "?issuance=1.5e15", "issuance", "invalid_type"],
    ["an issuance above total supply", "?issuance=21000000000000001", "issuance", "out_of_range"],
    ["a negative recycling", "?issuance=1&recycled_per_day=-1", "recycled_per_day", "invalid_type"],
    ["a horizon past 100 years", "?issuance=1&years=101", "years", "out_of_range"],
    ["a horizon that is not a number", "?issuance=1&years=ten", "years", "invalid_type"],
    ["a bad start date", "?issuance=1&start_date=2026-13-45", "start_date", "invalid_type"],
    ["an unknown parameter", "?issuance=1&isuance=2", "isuance", "invalid_type"],
    ["a repeated parameter", "?issuance=1&issuance=2", "issuance", "invalid_type"],
  ];
  for (const [what, query, field, code] of bad) {
    it(`names ${field} for ${what}`, async () => {
      expect(await errorOf(await emission(query))).toMatchObject({ code, field });
    });
  }

  it("answers POST with 405", async () => {
    expect((await w.fetch("/v1/emission?issuance=1", { method: "POST", body: "{}" })).status).toBe(405);
  });
});

describe("isolation", () => {
  it("gives the exact quote and emission after each kind of bad request", async () => {
    const good = { pool, side: "stake", amounts: ["1000000000", "20000000000"] };
    const expected = await (await quote(good)).text();
    const expectedEmission = await (await emission("?issuance=5000000000000000&years=5&start_date=2026-01-01")).text();
    for (const b of ["{", "null", JSON.stringify({ ...good, amounts: ["x"] }), JSON.stringify({ pool: { ...pool, fee_rate: -1 }, side: "stake", amount: 1 }), "x".repeat(MAX_BODY_BYTES + 1)]) {
      expect((await quote(b)).status).toBeGreaterThanOrEqual(400);
      expect((await emission("?issuance=abc")).status).toBe(400);
      expect(await (await quote(good)).text()).toBe(expected);
      expect(await (await emission("?issuance=5000000000000000&years=5&start_date=2026-01-01")).text()).toBe(expectedEmission);
    }
  });
});
