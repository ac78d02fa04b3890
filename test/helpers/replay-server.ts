// A JSON-RPC server on 127.0.0.1 (random port) that replays recorded calls: a request whose method
// and params equal a recorded one gets the recorded result. Optionally it also serves a storage
// map (state_getStorageAt / state_getKeysPaged / state_queryStorageAt over the given key -> value
// pairs). Anything else is answered with a JSON-RPC error, so unrecorded state is never invented.

import { WebSocketServer, type WebSocket } from "ws";
import { createServer, type Server } from "node:http";

export interface RecordedCall { method: string; params: unknown[]; result: unknown }

export interface ReplayServer {
  wsUrl: string;
  httpUrl: string;
  /** requests received, in order (method and params) */
  log: Array<{ method: string; params: unknown[] }>;
  close(): Promise<void>;
}

export interface ReplayOptions {
  calls: RecordedCall[];
  /** when given, the storage of the chain: absent keys read as null */
  storage?: Map<string, string>;
  /** answer nothing to these methods (to test timeouts) */
  silent?: string[];
}

// "0x0100" and "0100" are the same bytes to a node: compare hex parameters without the prefix
const normal = (v: unknown): unknown =>
  typeof v === "string" && /^0x[0-9a-fA-F]*$/.test(v) ? v.slice(2).toLowerCase() : Array.isArray(v) ? v.map(normal) : v;
const callKey = (method: string, params: unknown[]) => `${method} ${JSON.stringify(normal(params))}`;

export async function startReplayServer(options: ReplayOptions): Promise<ReplayServer> {
  const recorded = new Map<string, unknown>();
  for (const c of options.calls) recorded.set(callKey(c.method, c.params), c.result);
  const log: ReplayServer["log"] = [];
  const store = options.storage;
  const sortedKeys = store ? [...store.keys()].sort() : [];

  const answer = (method: string, params: any[]): { result?: unknown; error?: { code: number; message: string } } => {
    const key = callKey(method, params);
    if (recorded.has(key)) return { result: recorded.get(key) };
    if (store && method === "state_getStorageAt") return { result: store.get(params[0]) ?? null };
    if (store && method === "state_getKeysPaged") {
      const [prefix, count, start] = params as [string, number, string | null];
      const keys = sortedKeys.filter((k) => k.startsWith(prefix) && (start == null || k > start)).slice(0, count);
      return { result: keys };
    }
    if (store && method === "state_queryStorageAt") {
      const [keys, at] = params as [string[], string];
      return { result: [{ block: at, changes: keys.map((k) => [k, store.get(k) ?? null]) }] };
    }
    return { error: { code: -32601, message: `not recorded: ${method} ${JSON.stringify(params).slice(0, 120)}` } };
  };

  const handle = (text: string): string | null => {
    const req = JSON.parse(text) as { id: number; method: string; params: unknown[] };
    log.push({ method: req.method, params: req.params });
    if (options.silent?.includes(req.method)) return null;
    return JSON.stringify({ jsonrpc: "2.0", id: req.id, ...answer(req.method, req.params as any[]) });
  };

  const http: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const out = handle(body);
      if (out === null) return; // let the client time out
      res.writeHead(200, { "content-type": "application/json" });
      res.end(out);
    });
  });
  const wss = new WebSocketServer({ server: http });
  const sockets = new Set<WebSocket>();
  wss.on("connection", (ws) => {
    sockets.add(ws);
    ws.on("close", () => sockets.delete(ws));
    ws.on("message", (data) => {
      const out = handle(String(data));
      if (out !== null) ws.send(out);
    });
  });
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  const port = (http.address() as { port: number }).port;
  return {
    wsUrl: `ws://127.0.0.1:${port}`,
    httpUrl: `http://127.0.0.1:${port}`,
    log,
    close: () => new Promise<void>((r) => {
      for (const s of sockets) s.terminate();
      wss.close();
      http.closeAllConnections?.();
      http.close(() => r());
    }),
  };
}
