// The light client against a node answering anything: every call resolves with a value of its
// type or rejects with a TaomathError (never a TypeError), whatever the JSON-RPC answer is.
// Seeded like the main fuzz suite (FUZZ_CASES, FUZZ_SEED).

import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { ChainClient } from "../src/chain/index.js";
import { TaomathError } from "../src/core/errors.js";

const numRuns = Number(process.env.FUZZ_CASES ?? (process.env.CI === "true" ? 800 : 300));
const seed = Number(process.env.FUZZ_SEED ?? 20261202);
const HASH = "0x" + "cd".repeat(32);

/** An answer body: a JSON-RPC response with any result or error, or text that is not one. */
const answer = fc.oneof(
  fc.jsonValue().map((result) => ({ result })),
  fc.record({ error: fc.oneof(fc.jsonValue(), fc.record({ code: fc.jsonValue(), message: fc.jsonValue(), data: fc.jsonValue() }, { requiredKeys: [] })) }),
  fc.constantFrom({ result: null }, {}, { result: "0x" }, { result: "0x0" }, { result: { specName: "node-subtensor", specVersion: 343 } },
    { result: [["0x00", null]] }, { result: [{ changes: [["0x00", "0x01"], ["0x01", null]] }] }, { result: { number: "0x1", parentHash: HASH, stateRoot: HASH } }),
  fc.string().map((text) => ({ text })),
  fc.constant({ text: "x".repeat(200_000) }),
);

function client(a: { text?: string } & Record<string, unknown>): ChainClient {
  const fetch = (async (_url: string, init: { body: string }) => {
    const { id } = JSON.parse(init.body);
    const text = a.text !== undefined ? a.text : JSON.stringify({ jsonrpc: "2.0", id, ...a });
    return new Response(text, { status: 200 });
  }) as unknown as typeof globalThis.fetch;
  return new ChainClient("http://node.invalid", { fetch, retries: 0, maxResponseBytes: 100_000 });
}

const calls: Array<[string, (c: ChainClient) => Promise<unknown>]> = [
  ["head", (c) => c.head()],
  ["blockHash", (c) => c.blockHash(5)],
  ["header", (c) => c.header(HASH)],
  ["runtimeVersion", (c) => c.runtimeVersion(HASH)],
  ["stateCall", (c) => c.stateCall("SubnetInfoRuntimeApi_get_subnet_state", "0x0100", HASH)],
  ["storage", (c) => c.storage("0x00", HASH)],
  ["keysPaged", (c) => c.keysPaged("0x00", 10, "0x00", HASH)],
  ["queryStorageAt", (c) => c.queryStorageAt(["0x00"], HASH)],
];

describe("fuzz: the light client under arbitrary node answers", () => {
  for (const [name, call] of calls) {
    it(`${name}: ${numRuns} answers, each a value or a TaomathError`, async () => {
      await fc.assert(fc.asyncProperty(answer, async (a) => {
        try {
          await call(client(a as never));
        } catch (e) {
          expect(e, String(e)).toBeInstanceOf(TaomathError);
          expect((e as TaomathError).message.length).toBeLessThan(9000);
        }
      }), { numRuns, seed });
    });
  }
});
