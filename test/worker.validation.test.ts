// The Worker refuses bodies declared as something other than JSON (415) before reading them, and
// still reads a request without Content-Type as JSON.

import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startWorker, type WorkerHost } from "./helpers/workerd.js";

let w: WorkerHost;
beforeAll(async () => { w = await startWorker(); }, 60000);
afterAll(async () => { await w?.close(); });

const QUOTE = JSON.stringify({ pool: { tao_reserve: "12000000000000", alpha_reserve: "300000000000000" }, side: "stake", amount: "1000000000" });
const quote = (headers: Record<string, string>, body: BodyInit = QUOTE) => w.fetch("/v1/quote", { method: "POST", body, headers });

describe("Content-Type of POST bodies", () => {
  it("text/plain is 415 unsupported_media_type naming content-type", async () => {
    const r = await quote({ "content-type": "text/plain" });
    expect(r.status).toBe(415);
    expect(((await r.json()) as any).error).toMatchObject({ code: "unsupported_media_type", field: "content-type" });
  });
  it("a form body on /v1/epoch is 415", async () => {
    const r = await w.fetch("/v1/epoch", { method: "POST", body: "a=1", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(r.status).toBe(415);
  });
  it("application/json with a charset, and a +json type, are read", async () => {
    expect((await quote({ "content-type": "application/json; charset=utf-8" })).status).toBe(200);
    expect((await quote({ "content-type": "application/vnd.api+json" })).status).toBe(200);
  });
  it("a 100 KB Content-Type is quoted in at most 80 characters", async () => {
    const r = await quote({ "content-type": "x/" + "y".repeat(100_000) });
    expect(r.status).toBe(415);
    expect(((await r.json()) as any).error.message.length).toBeLessThan(300);
  });
  it("a body that is not JSON under a JSON type stays a 400 invalid_json", async () => {
    const r = await quote({ "content-type": "application/json" }, "not json");
    expect(r.status).toBe(400);
  });
});
