// A Substrate JSON-RPC client for a Bittensor node: the handful of calls a light client needs
// (block hash, header, runtime version, runtime API calls, storage reads and key paging), with a
// per-request timeout and retries for an unreachable node or a timeout. Node answers that are
// errors are not retried.

import { TaomathError, quote } from "../core/errors.js";
import { httpTransport, webSocketTransport, type Transport, type WebSocketConstructor } from "./transport.js";

export interface ClientOptions {
  /** per-request timeout in milliseconds (default 30 000) */
  timeoutMs?: number;
  /** extra attempts after an unreachable node or a timeout (default 2) */
  retries?: number;
  /** pause before a retry, multiplied by the attempt number (default 250 ms) */
  retryDelayMs?: number;
  /** largest JSON-RPC response accepted, in characters (default 64 MiB); a larger one is an rpc_error */
  maxResponseBytes?: number;
  /** WebSocket constructor for ws:// and wss:// URLs (default: the global WebSocket) */
  WebSocket?: WebSocketConstructor;
  /** fetch for http:// and https:// URLs (default: the global fetch) */
  fetch?: typeof fetch;
}

export interface RuntimeVersion { specName: string; specVersion: number; [k: string]: unknown }
export interface Header { parentHash: string; number: string; stateRoot: string; [k: string]: unknown }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ChainClient {
  readonly url: string;
  private readonly transport: Transport;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryDelayMs: number;

  constructor(url: string, options: ClientOptions = {}) {
    this.url = url;
    this.timeoutMs = positive(options.timeoutMs ?? 30_000, "timeoutMs");
    this.retries = nonNegative(options.retries ?? 2, "retries");
    this.retryDelayMs = nonNegative(options.retryDelayMs ?? 250, "retryDelayMs");
    const cap = positive(options.maxResponseBytes ?? MAX_RESPONSE_BYTES, "maxResponseBytes");
    if (typeof url !== "string") throw new TaomathError("invalid_type", "url", `expected a ws://, wss://, http:// or https:// URL, got ${quote(url)}`);
    if (/^wss?:\/\//i.test(url)) {
      const ctor = options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
      if (!ctor) throw new TaomathError("invalid_type", "WebSocket", "no WebSocket implementation in this runtime: pass one (in Node: the `ws` package)");
      this.transport = webSocketTransport(url, ctor, cap);
    } else if (/^https?:\/\//i.test(url)) {
      this.transport = httpTransport(url, options.fetch, cap);
    } else {
      throw new TaomathError("invalid_type", "url", `expected a ws://, wss://, http:// or https:// URL, got ${quote(url)}`);
    }
  }

  /** One JSON-RPC call with the client's timeout and retries. */
  async request<T = unknown>(method: string, params: unknown[] = []): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return (await this.transport.request(method, params, this.timeoutMs)) as T;
      } catch (e) {
        const retryable = e instanceof TaomathError && (e.code === "unreachable" || e.code === "timeout");
        if (!retryable || attempt >= this.retries) {
          if (retryable && this.retries > 0) {
            throw new TaomathError(e.code, e.field, `${e.message.slice(e.field.length + 2)} (after ${attempt + 1} attempts)`);
          }
          throw e;
        }
        await sleep(this.retryDelayMs * (attempt + 1));
      }
    }
  }

  close(): void { this.transport.close(); }

  async head(): Promise<string> { return hex(await this.request("chain_getHead"), "chain_getHead", "the head"); }
  async blockHash(block: number): Promise<string> {
    const h = await this.request<unknown>("chain_getBlockHash", [block]);
    if (h === null || h === undefined) throw new TaomathError("out_of_range", "block", `the node has no block ${quote(block)}`);
    return hex(h, "chain_getBlockHash", `block ${quote(block)}`);
  }
  async header(hash: string): Promise<Header> {
    const h = await this.request<unknown>("chain_getHeader", [hash]);
    const o = object(h, "chain_getHeader", hash);
    if (typeof o.number !== "string" || typeof o.parentHash !== "string") throw answered("chain_getHeader", hash, "a header without number or parentHash", h);
    return o as Header;
  }
  async runtimeVersion(hash: string): Promise<RuntimeVersion> {
    const v = await this.request<unknown>("state_getRuntimeVersion", [hash]);
    const o = object(v, "state_getRuntimeVersion", hash);
    if (!Number.isSafeInteger(o.specVersion) || typeof o.specName !== "string") throw answered("state_getRuntimeVersion", hash, "a runtime version without specName or an integer specVersion", v);
    return o as RuntimeVersion;
  }
  /** A runtime API call (e.g. "NeuronInfoRuntimeApi_get_neurons_lite") with SCALE-encoded arguments; returns hex. */
  async stateCall(api: string, argsHex: string, hash: string): Promise<string> {
    return hex(await this.request("state_call", [api, argsHex, hash]), `state_call ${api}`, at(hash));
  }
  /** A storage value as hex, or null when the key is absent. */
  async storage(key: string, hash: string): Promise<string | null> {
    const v = await this.request<unknown>("state_getStorageAt", [key, hash]);
    return v === null ? null : hex(v, "state_getStorageAt", `${at(hash)}, key ${quote(key)}`);
  }
  async keysPaged(prefix: string, count: number, startKey: string, hash: string): Promise<string[]> {
    const keys = await this.request<unknown>("state_getKeysPaged", [prefix, count, startKey, hash]);
    if (!Array.isArray(keys)) throw answered("state_getKeysPaged", hash, "no list of keys", keys);
    if (keys.length > count) throw answered("state_getKeysPaged", hash, `${keys.length} keys for a page of ${count}`, null);
    keys.forEach((k) => hex(k, "state_getKeysPaged", at(hash)));
    return keys as string[];
  }
  async queryStorageAt(keys: string[], hash: string): Promise<Array<[string, string | null]>> {
    const sets = await this.request<unknown>("state_queryStorageAt", [keys, hash]);
    if (!Array.isArray(sets)) throw answered("state_queryStorageAt", hash, "no list of change sets", sets);
    return sets.flatMap((s) => {
      const changes = (s as { changes?: unknown } | null)?.changes;
      if (!Array.isArray(changes)) throw answered("state_queryStorageAt", hash, "a change set without changes", s);
      for (const c of changes) {
        if (!Array.isArray(c) || c.length !== 2 || typeof c[0] !== "string" || (c[1] !== null && typeof c[1] !== "string")) {
          throw answered("state_queryStorageAt", hash, "a change that is not [key, value | null]", c);
        }
      }
      return changes as Array<[string, string | null]>;
    });
  }
}

/** Largest JSON-RPC response the client reads by default: far above a 4,096-uid metagraph (~10 MB of hex). */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

const at = (hash: string) => `block ${quote(hash)}`;

/** A result that is not what the call returns: an rpc_error naming the call and the block. */
function answered(call: string, hash: string, what: string, value: unknown): TaomathError {
  return new TaomathError("rpc_error", call, `the node answered ${what} at ${at(hash)}${value === null ? "" : ` (got ${quote(value)})`}`);
}

function hex(v: unknown, call: string, where: string): string {
  if (typeof v !== "string" || !/^0x(?:[0-9a-fA-F]{2})*$/.test(v)) {
    throw new TaomathError("rpc_error", call, `the node answered ${v === null || v === undefined ? "null" : quote(v)} at ${where}; expected a hex string`);
  }
  return v;
}

function object(v: unknown, call: string, hash: string): Record<string, unknown> {
  if (v === null || typeof v !== "object" || Array.isArray(v)) throw answered(call, hash, v == null ? "null" : "no object", v ?? null);
  return v as Record<string, unknown>;
}

function positive(v: number, name: string): number {
  if (!Number.isFinite(v) || v <= 0) throw new TaomathError("out_of_range", name, "must be a positive number of milliseconds");
  return v;
}
function nonNegative(v: number, name: string): number {
  if (!Number.isInteger(v) || v < 0) throw new TaomathError("out_of_range", name, "must be a non-negative integer");
  return v;
}
