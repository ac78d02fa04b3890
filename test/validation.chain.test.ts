// The light client under a broken or hostile node: null or ill-typed results, JSON-RPC errors and
// oversized answers become TaomathErrors naming the call and the block.

import { describe, it, expect } from "vitest";
import { ChainClient } from "../src/chain/index.js";
import { TaomathError } from "../src/core/errors.js";

const HASH = "0x" + "ab".repeat(32);

/** A node over HTTP that answers every call with `answer(method)` as the JSON-RPC response object. */
function node(answer: (method: string) => unknown, headers: Record<string, string> = {}): ChainClient {
  const fetch = (async (_url: string, init: { body: string }) => {
    const { id, method } = JSON.parse(init.body);
    const body = answer(method);
    const text = typeof body === "string" ? body : JSON.stringify({ jsonrpc: "2.0", id, ...(body as object) });
    return new Response(text, { status: 200, headers: { "content-type": "application/json", ...headers } });
  }) as unknown as typeof globalThis.fetch;
  return new ChainClient("http://node.invalid", { fetch, retries: 0 });
}

async function rejected(p: Promise<unknown>): Promise<TaomathError> {
  const e = await p.then(() => null, (x) => x);
  expect(e).toBeInstanceOf(TaomathError);
  return e as TaomathError;
}

describe("null results", () => {
  it("state_getRuntimeVersion answering null is an rpc_error naming the call and the block", async () => {
    const e = await rejected(node(() => ({ result: null })).runtimeVersion(HASH));
    expect(e.code).toBe("rpc_error");
    expect(e.field).toBe("state_getRuntimeVersion");
    expect(e.message).toContain(HASH);
  });
  it("state_call answering null names the runtime API and the block", async () => {
    const e = await rejected(node(() => ({ result: null })).stateCall("SubnetInfoRuntimeApi_get_subnet_state", "0x0100", HASH));
    expect(e.code).toBe("rpc_error");
    expect(e.field).toContain("SubnetInfoRuntimeApi_get_subnet_state");
    expect(e.message).toContain(HASH);
  });
  it("state_getKeysPaged answering null is an rpc_error naming the call", async () => {
    const e = await rejected(node(() => ({ result: null })).keysPaged("0x00", 10, "0x00", HASH));
    expect([e.code, e.field]).toEqual(["rpc_error", "state_getKeysPaged"]);
    expect(e.message).toContain(HASH);
  });
  it("a state_call result that is not hex is an rpc_error, not a decoder input", async () => {
    const e = await rejected(node(() => ({ result: { x: 1 } })).stateCall("X_y", "0x", HASH));
    expect(e.code).toBe("rpc_error");
  });
  it("an absent storage key stays null", async () => {
    expect(await node(() => ({ result: null })).storage("0x00", HASH)).toBeNull();
  });
});

describe("JSON-RPC errors and malformed answers", () => {
  it("an error answer names the call and the block", async () => {
    const e = await rejected(node(() => ({ error: { code: -32000, message: "boom", data: 10n ** 3n > 0n ? { big: "x".repeat(10_000) } : null } })).stateCall("A_b", "0x", HASH));
    expect([e.code, e.field]).toEqual(["rpc_error", "state_call"]);
    expect(e.message).toContain(HASH);
    expect(e.message.length).toBeLessThan(1000);
  });
  it("an answer that is not JSON is an rpc_error", async () => {
    const e = await rejected(node(() => "<html>").runtimeVersion(HASH));
    expect(e.code).toBe("rpc_error");
  });
  it("an answer past the response cap is refused", async () => {
    const fetch = (async () => new Response(JSON.stringify({ jsonrpc: "2.0", id: 1, result: "0x" + "00".repeat(5000) }))) as unknown as typeof globalThis.fetch;
    const c = new ChainClient("http://node.invalid", { fetch, retries: 0, maxResponseBytes: 1000 });
    const e = await rejected(c.stateCall("A_b", "0x", HASH));
    expect(e.code).toBe("rpc_error");
    expect(e.message).toMatch(/limit/);
  });
});
