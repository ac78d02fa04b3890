// Node side of the light client: a ChainClient whose WebSocket is the `ws` package (Node 20 has
// no stable global WebSocket), and an atomic file write for snapshots.

import WebSocket from "ws";
import { writeFileSync, renameSync, unlinkSync } from "node:fs";
import { ChainClient, type ClientOptions } from "../chain/client.js";
import type { WebSocketConstructor } from "../chain/transport.js";

export function connectNode(url: string, options: ClientOptions = {}): ChainClient {
  return new ChainClient(url, { WebSocket: WebSocket as unknown as WebSocketConstructor, ...options });
}

/** Writes the whole file or nothing: a temporary sibling renamed over the target. */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    try { unlinkSync(tmp); } catch { /* never created */ }
    throw e;
  }
}
