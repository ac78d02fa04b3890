// Reading an HTTP body without trusting its Content-Length: a chunked or lying body is refused as
// soon as it passes the cap, before it is all in memory. Shared by the light client's HTTP
// transport (RPC answers) and the Worker (request bodies).

/**
 * The stream's bytes; past `cap` bytes the stream is cancelled and `tooLarge(bytesSoFar)` is thrown
 * (the caller names the error: a TaomathError for the client, a 413 for the Worker).
 */
export async function readCappedBytes(body: ReadableStream<Uint8Array>, cap: number, tooLarge: (bytes: number) => Error): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(total);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) { bytes.set(c, at); at += c.byteLength; }
  return bytes;
}
