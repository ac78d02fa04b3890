// readCappedBytes (src/chain/body.ts): the body reader the light client's HTTP transport and the
// Worker share, which refuses a body past its cap without trusting Content-Length.

import { describe, it, expect } from "vitest";
import { readCappedBytes } from "../src/chain/index.js";

function stream(chunks: number[], onCancel?: () => void): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(c) { if (i < chunks.length) c.enqueue(new Uint8Array(chunks[i]).fill(i++ + 1)); else c.close(); },
    cancel() { onCancel?.(); },
  });
}

describe("readCappedBytes", () => {
  it("returns every byte of a body at or under the cap, in order", async () => {
    const bytes = await readCappedBytes(stream([3, 2, 5]), 10, () => new Error("too large"));
    expect(Array.from(bytes)).toEqual([1, 1, 1, 2, 2, 3, 3, 3, 3, 3]);
  });

  it("throws the caller's error with the byte count seen once the body passes the cap, and cancels the stream", async () => {
    let cancelled = false, seen = -1;
    const read = readCappedBytes(stream([4, 4, 4, 4], () => { cancelled = true; }), 10, (n) => { seen = n; return new RangeError("cap"); });
    await expect(read).rejects.toThrow(RangeError);
    expect(seen).toBe(12);
    expect(cancelled).toBe(true);
  });

  it("reads an empty body as no bytes", async () => {
    expect((await readCappedBytes(stream([]), 0, () => new Error("too large"))).byteLength).toBe(0);
  });
});
