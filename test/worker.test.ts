// The taomath Worker API, run inside workerd (miniflare): every endpoint, good and bad requests,
// and that no request can disturb the next.

import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { taomath, exampleSubnet, epochToVectorEncoding } from "../src/index.js";
import { canonicalJson } from "../src/vectors/index.js";
import { sharedPresent, readShared } from "./helpers/shared.js";
import { startWorker, type WorkerHost } from "./helpers/workerd.js";
import { MAX_BODY_BYTES } from "../worker/src/http.js";

let w: WorkerHost;
beforeAll(async () => { w = await startWorker(); }, 60000);
afterAll(async () => { await w?.close(); });

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  w.fetch("/v1/epoch", { method: "POST", body, headers: { "content-type": "application/json", ...headers } });

function exampleInputs() {
  const tm = taomath();
  const input = exampleSubnet(tm);
  return { input, expected: epochToVectorEncoding(tm.runEpoch(input)).outputs };
}

async function errorOf(r: Response) {
  expect(r.headers.get("content-type")).toMatch(/^application\/json/);
  return ((await r.json()) as any).error as { code: string; field: string | null; message: string };
}

describe("GET /v1", () => {
  it("lists the endpoints and the body limit", async () => {
    const r = await w.fetch("/v1");
    expect(r.status).toBe(200);
    const body: any = await r.json();
    expect(body.endpoints.map((e: any) => `${e.method} ${e.path}`)).toEqual(["GET /v1", "POST /v1/epoch", "POST /v1/quote", "GET /v1/emission", "POST /v1/simulate"]);
    expect(body.max_body_bytes).toBe(MAX_BODY_BYTES);
    expect(MAX_BODY_BYTES).toBe(16 * 1024 * 1024);
  });
});

describe("POST /v1/epoch: good requests", () => {
  it("answers the example subnet exactly as Node computes it", async () => {
    const { input, expected } = exampleInputs();
    const r = await post(canonicalJson(input));
    expect(r.status).toBe(200);
    expect(((await r.json()) as any).outputs).toEqual(expected);
  });

  it("answers with canonical bytes: sorted keys, {\"outputs\": ...}", async () => {
    const { input, expected } = exampleInputs();
    const text = await (await post(canonicalJson(input))).text();
    expect(text).toBe(canonicalJson({ outputs: expected }));
  });

  it.skipIf(!sharedPresent)("accepts a whole vector file and returns the chain's outputs", async () => {
    const v = readShared("vectors", "epoch", "031_subnet_owner.json");
    const r = await post(JSON.stringify(v));
    expect(((await r.json()) as any).outputs).toEqual(v.outputs);
  });

  it.skipIf(!sharedPresent)("accepts bare inputs (a vector's `inputs` object)", async () => {
    const v = readShared("vectors", "epoch", "003_small_dense_classic.json");
    const r = await post(JSON.stringify(v.inputs));
    expect(((await r.json()) as any).outputs).toEqual(v.outputs);
  });

  it("answers CORS preflight with 204", async () => {
    const r = await w.fetch("/v1/epoch", { method: "OPTIONS" });
    expect(r.status).toBe(204);
    expect(r.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("POST /v1/epoch: bad requests are JSON 400s naming the field", () => {
  it("rejects malformed JSON as field `body`", async () => {
    const r = await post("{\"n\": 3,");
    expect(r.status).toBe(400);
    expect(await errorOf(r)).toMatchObject({ code: "invalid_json", field: "body" });
  });

  it("rejects an empty body", async () => {
    const r = await post("");
    expect(r.status).toBe(400);
    expect(await errorOf(r)).toMatchObject({ code: "invalid_json", field: "body" });
  });

  it("rejects bytes that are not UTF-8", async () => {
    const r = await post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    expect(r.status).toBe(400);
    expect(await errorOf(r)).toMatchObject({ code: "invalid_json", field: "body" });
  });

  it("rejects a JSON array body", async () => {
    const r = await post("[1,2,3]");
    expect(r.status).toBe(400);
    expect(await errorOf(r)).toMatchObject({ code: "invalid_type", field: "body" });
  });

  it("names a missing field", async () => {
    const { input } = exampleInputs();
    const o = JSON.parse(canonicalJson(input));
    delete o.kappa;
    const e = await errorOf(await post(JSON.stringify(o)));
    expect(e).toMatchObject({ code: "invalid_type", field: "kappa" });
  });

  it("names a u16 out of range", async () => {
    const { input } = exampleInputs();
    const o = JSON.parse(canonicalJson(input));
    o.weights[3][1][1] = 70000;
    const r = await post(JSON.stringify(o));
    expect(r.status).toBe(400);
    expect(await errorOf(r)).toMatchObject({ code: "out_of_range", field: "weights[3][1][1]" });
  });

  it("names a per-uid array of the wrong length", async () => {
    const { input } = exampleInputs();
    const o = JSON.parse(canonicalJson(input));
    o.alpha_stake.pop();
    expect(await errorOf(await post(JSON.stringify(o)))).toMatchObject({ code: "wrong_length", field: "alpha_stake" });
  });

  it("names a u64 that is not an integer", async () => {
    const { input } = exampleInputs();
    const o = JSON.parse(canonicalJson(input));
    o.current_block = "12.5";
    const e = await errorOf(await post(JSON.stringify(o)));
    expect(e.field).toBe("current_block");
  });
});

describe("limits and routing", () => {
  it("accepts a 4096-uid epoch of ~4.5 MB (64 validators weighting most miners) and answers as Node does", async () => {
    const tm = taomath();
    const input = exampleSubnet(tm, { n: 4096, validators: 64, warmupEpochs: 1 });
    const body = canonicalJson(input);
    expect(body.length).toBeGreaterThan(4.5e6);
    const r = await post(body);
    expect(r.status).toBe(200);
    expect(await r.text()).toBe(canonicalJson({ outputs: epochToVectorEncoding(tm.runEpoch(input)).outputs }));
  }, 60000);

  it("refuses a declared body over the limit (16 MiB) with 413 before reading it", async () => {
    const big = "x".repeat(MAX_BODY_BYTES + 1);
    const r = await post(big);
    expect(r.status).toBe(413);
    expect(await errorOf(r)).toMatchObject({ code: "body_too_large", field: "body" });
  });

  it("refuses a streamed body (no Content-Length) once it passes the limit", async () => {
    const chunk = new Uint8Array(256 * 1024).fill(0x20);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) { if (sent++ <= MAX_BODY_BYTES / chunk.byteLength + 4) c.enqueue(chunk); else c.close(); },
    });
    const r = await w.fetch("/v1/epoch", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(r.status).toBe(413);
  });

  it("answers an unknown path with JSON 404", async () => {
    const r = await w.fetch("/v1/nothing");
    expect(r.status).toBe(404);
    expect((await errorOf(r)).code).toBe("not_found");
  });

  it("answers the wrong method with 405 and Allow", async () => {
    const r = await w.fetch("/v1/epoch");
    expect(r.status).toBe(405);
    expect(r.headers.get("allow")).toBe("POST");
    expect((await errorOf(r)).code).toBe("method_not_allowed");
  });
});

describe("isolation: a request cannot break the next", () => {
  it("gives the exact answer after each kind of bad request", async () => {
    const { input, expected } = exampleInputs();
    const good = canonicalJson(input);
    const bad = [
      "{", "", "null", "\"text\"", JSON.stringify({ ...JSON.parse(good), n: 65536 }),
      JSON.stringify({ ...JSON.parse(good), weights: "nope" }), "x".repeat(MAX_BODY_BYTES + 10),
    ];
    for (const b of bad) {
      const r = await post(b);
      expect(r.status).toBeGreaterThanOrEqual(400);
      const after = await post(good);
      expect(after.status).toBe(200);
      expect(((await after.json()) as any).outputs).toEqual(expected);
    }
  });

  it.skipIf(!sharedPresent)("gives exact answers when good and bad requests run concurrently", async () => {
    const v = readShared("vectors", "epoch", "041_n4096_sparse.json");
    const small = readShared("vectors", "epoch", "003_small_dense_classic.json");
    const reqs = [
      post(JSON.stringify(v)), post("{bad"), post(JSON.stringify(small)),
      post(JSON.stringify({ ...small.inputs, kappa: -1 })), post(JSON.stringify(small)),
    ];
    const [big, bad1, s1, bad2, s2] = await Promise.all(reqs);
    expect(((await big.json()) as any).outputs).toEqual(v.outputs);
    expect(bad1.status).toBe(400);
    expect(bad2.status).toBe(400);
    expect(((await s1.json()) as any).outputs).toEqual(small.outputs);
    expect(((await s2.json()) as any).outputs).toEqual(small.outputs);
  });

  it.skipIf(!sharedPresent)("answers a maximal subnet (n = 65535), then replaces the grown instance for the next request", async () => {
    const small = readShared("vectors", "epoch", "003_small_dense_classic.json");
    const n = 65535;
    const huge = {
      ...small.inputs, n, owner_uid: null, commit_blocks: null,
      alpha_stake: Array(n).fill("1000"), tao_stake: Array(n).fill("0"), validator_permit: Array(n).fill(false),
      last_update: Array(n).fill("0"), block_at_registration: Array(n).fill("0"), weights: Array(n).fill([]), bonds: Array(n).fill([]),
    };
    const before = ((await (await w.fetch("/v1")).json()) as any).instances_created;
    const r = await post(JSON.stringify(huge));
    expect(r.status).toBe(200);
    expect(((await r.json()) as any).outputs.stake.length).toBe(n);
    const next = await post(JSON.stringify(small));
    expect(((await next.json()) as any).outputs).toEqual(small.outputs);
    const after = ((await (await w.fetch("/v1")).json()) as any).instances_created;
    expect(after).toBe(before + 1);
  });
});
