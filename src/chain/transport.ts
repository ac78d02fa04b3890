// JSON-RPC transports: one small interface, a WebSocket implementation (any WHATWG-style
// WebSocket constructor: the global one in browsers and Workers, the `ws` package in Node) and an
// HTTP implementation over fetch. Transports map connection failures and timeouts to TaomathError.

import { TaomathError, quote } from "../core/errors.js";
import { readCappedBytes } from "./body.js";

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

interface Pending { resolve: (v: unknown) => void; reject: (e: unknown) => void; method: string; params: unknown[]; timer: ReturnType<typeof setTimeout> }

/** The block a call was made at (its last parameter, a block hash), for error messages. */
function blockOf(params: unknown[]): string {
  const last = params[params.length - 1];
  return typeof last === "string" && /^0x[0-9a-fA-F]{64}$/.test(last) ? ` at block ${last}` : "";
}

function rpcFailure(method: string, params: unknown[], error: unknown): TaomathError {
  const e = (error !== null && typeof error === "object" ? error : { message: error }) as { code?: unknown; message?: unknown; data?: unknown };
  const message = typeof e.message === "string" ? e.message.slice(0, 300) : quote(e.message ?? "unknown");
  const data = e.data === undefined ? "" : ` (${typeof e.data === "string" ? e.data.slice(0, 300) : quote(e.data)})`;
  return new TaomathError("rpc_error", method, `node answered error ${quote(e.code ?? "?")}${blockOf(params)}: ${message}${data}`);
}

function tooLarge(method: string, size: number, cap: number): TaomathError {
  return new TaomathError("rpc_error", method, `the node's answer (${size} bytes) is larger than the limit of ${cap} bytes`);
}

/** A JSON-RPC response object, or a TaomathError when the text is not one. */
function parseResponse(text: string, method: string, params: unknown[]): { result: unknown } {
  let msg: unknown;
  try { msg = JSON.parse(text); } catch { throw new TaomathError("rpc_error", method, `the node answered something that is not JSON${blockOf(params)}: ${quote(text)}`); }
  if (msg === null || typeof msg !== "object" || Array.isArray(msg)) throw new TaomathError("rpc_error", method, `the node answered ${quote(msg)}, not a JSON-RPC response${blockOf(params)}`);
  const m = msg as { result?: unknown; error?: unknown };
  if (m.error !== undefined && m.error !== null) throw rpcFailure(method, params, m.error);
  return { result: m.result ?? null };
}

export function webSocketTransport(url: string, WebSocketImpl: WebSocketConstructor, maxResponseBytes = 64 * 1024 * 1024): Transport {
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
        const text = typeof ev.data === "string" ? ev.data : String(ev.data);
        if (text.length > maxResponseBytes) {
          // which request it answers is unknown without parsing it: every pending one fails
          for (const [id, p] of pending) { clearTimeout(p.timer); pending.delete(id); p.reject(tooLarge(p.method, text.length, maxResponseBytes)); }
          return;
        }
        let msg: { id?: unknown };
        try { msg = JSON.parse(text); } catch { return; }
        if (msg === null || typeof msg !== "object") return;
        const p = typeof msg.id === "number" ? pending.get(msg.id) : undefined;
        if (!p) return;
        pending.delete(msg.id as number);
        clearTimeout(p.timer);
        try { p.resolve(parseResponse(text, p.method, p.params).result); } catch (e) { p.reject(e); }
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
        pending.set(id, { resolve, reject, method, params, timer });
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

export function httpTransport(url: string, fetchImpl: typeof fetch = globalThis.fetch, maxResponseBytes = 64 * 1024 * 1024): Transport {
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
      if (!res.ok) throw new TaomathError("unreachable", url, `HTTP ${res.status} ${String(res.statusText).slice(0, 80)}`);
      return parseResponse(await readCapped(res, method, maxResponseBytes), method, params).result;
    },
    close() { /* stateless */ },
  };
}

/** The body as text, refusing it as soon as it passes `cap` bytes (Content-Length is not trusted). */
async function readCapped(res: Response, method: string, cap: number): Promise<string> {
  const declared = Number(res.headers?.get?.("content-length") ?? NaN);
  if (declared > cap) throw tooLarge(method, declared, cap);
  if (!res.body || typeof res.body.getReader !== "function") {
    const text = await res.text();
    if (text.length > cap) throw tooLarge(method, text.length, cap);
    return text;
  }
  return new TextDecoder().decode(await readCappedBytes(res.body, cap, (n) => tooLarge(method, n, cap)));
}
