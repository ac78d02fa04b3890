// JSON-RPC transports: one small interface, a WebSocket implementation (any WHATWG-style
// WebSocket constructor: the global one in browsers and Workers, the `ws` package in Node) and an
// HTTP implementation over fetch. Transports map connection failures and timeouts to TaomathError.

import { TaomathError } from "../core/errors.js";

export interface Transport {
  /** one JSON-RPC call; resolves with `result`, rejects with a TaomathError */
  request(method: string, params: unknown[], timeoutMs: number): Promise<unknown>;
  close(): void;
}

/** The part of the WHATWG WebSocket API the transport uses (browsers, Workers and `ws` all have it). */
export interface WebSocketLike {
  readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  send(data: string): void;
  close(): void;
}
export type WebSocketConstructor = new (url: string) => WebSocketLike;

interface Pending { resolve: (v: unknown) => void; reject: (e: unknown) => void; method: string; timer: ReturnType<typeof setTimeout> }

function rpcFailure(method: string, error: { code?: number; message?: string; data?: unknown }): TaomathError {
  const data = error.data === undefined ? "" : ` (${typeof error.data === "string" ? error.data : JSON.stringify(error.data)})`;
  return new TaomathError("rpc_error", method, `node answered error ${error.code ?? "?"}: ${error.message ?? "unknown"}${data}`);
}

export function webSocketTransport(url: string, WebSocketImpl: WebSocketConstructor): Transport {
  let socket: WebSocketLike | null = null;
  let opening: Promise<WebSocketLike> | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (err: TaomathError) => {
    for (const [id, p] of pending) { clearTimeout(p.timer); pending.delete(id); p.reject(err); }
  };

  const connect = (timeoutMs: number): Promise<WebSocketLike> => {
    if (socket && socket.readyState === 1) return Promise.resolve(socket);
    if (opening) return opening;
    opening = new Promise<WebSocketLike>((resolve, reject) => {
      let ws: WebSocketLike;
      try {
        ws = new WebSocketImpl(url);
      } catch (e) {
        opening = null;
        reject(new TaomathError("unreachable", url, `cannot open a WebSocket: ${(e as Error).message}`));
        return;
      }
      const timer = setTimeout(() => {
        opening = null;
        try { ws.close(); } catch { /* already closing */ }
        reject(new TaomathError("timeout", url, `no WebSocket connection within ${timeoutMs} ms`));
      }, timeoutMs);
      ws.onopen = () => { clearTimeout(timer); socket = ws; opening = null; resolve(ws); };
      ws.onerror = () => {
        clearTimeout(timer);
        if (opening) { opening = null; reject(new TaomathError("unreachable", url, "the node refused or dropped the WebSocket connection")); }
      };
      ws.onclose = () => {
        clearTimeout(timer);
        if (opening) { opening = null; reject(new TaomathError("unreachable", url, "the WebSocket closed before it opened")); }
        if (socket === ws) socket = null;
        failAll(new TaomathError("unreachable", url, "the WebSocket connection closed while a request was pending"));
      };
      ws.onmessage = (ev) => {
        let msg: { id?: number; result?: unknown; error?: { code?: number; message?: string; data?: unknown } };
        try { msg = JSON.parse(String(ev.data)); } catch { return; }
        const p = typeof msg.id === "number" ? pending.get(msg.id) : undefined;
        if (!p) return;
        pending.delete(msg.id as number);
        clearTimeout(p.timer);
        if (msg.error) p.reject(rpcFailure(p.method, msg.error));
        else p.resolve(msg.result ?? null);
      };
    });
    return opening;
  };

  return {
    async request(method, params, timeoutMs) {
      const ws = await connect(timeoutMs);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new TaomathError("timeout", method, `no answer from ${url} within ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, { resolve, reject, method, timer });
        try {
          ws.send(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
        } catch (e) {
          clearTimeout(timer);
          pending.delete(id);
          reject(new TaomathError("unreachable", url, `cannot send on the WebSocket: ${(e as Error).message}`));
        }
      });
    },
    close() {
      failAll(new TaomathError("unreachable", url, "the client was closed"));
      const ws = socket;
      socket = null;
      if (ws) { ws.onclose = null; ws.close(); }
    },
  };
}

export function httpTransport(url: string, fetchImpl: typeof fetch = globalThis.fetch): Transport {
  let nextId = 1;
  return {
    async request(method, params, timeoutMs) {
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), timeoutMs);
      let res: Response;
      try {
        res = await fetchImpl(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ jsonrpc: "2.0", id: nextId++, method, params }),
          signal: abort.signal,
        });
      } catch (e) {
        if (abort.signal.aborted) throw new TaomathError("timeout", method, `no answer from ${url} within ${timeoutMs} ms`);
        throw new TaomathError("unreachable", url, `HTTP request failed: ${(e as Error).message}`);
      } finally {
        clearTimeout(timer);
      }
      if (!res.ok) throw new TaomathError("unreachable", url, `HTTP ${res.status} ${res.statusText}`);
      const msg = (await res.json()) as { result?: unknown; error?: { code?: number; message?: string; data?: unknown } };
      if (msg.error) throw rpcFailure(method, msg.error);
      return msg.result ?? null;
    },
    close() { /* stateless */ },
  };
}
