// A Substrate JSON-RPC client for a Bittensor node: the handful of calls a light client needs
// (block hash, header, runtime version, runtime API calls, storage reads and key paging), with a
// per-request timeout and retries for an unreachable node or a timeout. Node answers that are
// errors are not retried.

import { TaomathError } from "../core/errors.js";
import { httpTransport, webSocketTransport, type Transport, type WebSocketConstructor } from "./transport.js";

export interface ClientOptions {
  /** per-request timeout in milliseconds (default 30 000) */
  timeoutMs?: number;
  /** extra attempts after an unreachable node or a timeout (default 2) */
  retries?: number;
  /** pause before a retry, multiplied by the attempt number (default 250 ms) */
  retryDelayMs?: number;
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
    if (/^wss?:\/\//i.test(url)) {
      const ctor = options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
      if (!ctor) throw new TaomathError("invalid_type", "WebSocket", "no WebSocket implementation in this runtime: pass one (in Node: the `ws` package)");
      this.transport = webSocketTransport(url, ctor);
    } else if (/^https?:\/\//i.test(url)) {
      this.transport = httpTransport(url, options.fetch);
    } else {
      throw new TaomathError("invalid_type", "url", `expected a ws://, wss://, http:// or https:// URL, got ${JSON.stringify(url)}`);
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

  head(): Promise<string> { return this.request("chain_getHead"); }
  async blockHash(block: number): Promise<string> {
    const h = await this.request<string | null>("chain_getBlockHash", [block]);
    if (!h) throw new TaomathError("out_of_range", "block", `the node has no block ${block}`);
    return h;
  }
  header(hash: string): Promise<Header> { return this.request("chain_getHeader", [hash]); }
  runtimeVersion(hash: string): Promise<RuntimeVersion> { return this.request("state_getRuntimeVersion", [hash]); }
  /** A runtime API call (e.g. "NeuronInfoRuntimeApi_get_neurons_lite") with SCALE-encoded arguments; returns hex. */
  stateCall(api: string, argsHex: string, hash: string): Promise<string> { return this.request("state_call", [api, argsHex, hash]); }
  /** A storage value as hex, or null when the key is absent. */
  storage(key: string, hash: string): Promise<string | null> { return this.request("state_getStorageAt", [key, hash]); }
  keysPaged(prefix: string, count: number, startKey: string, hash: string): Promise<string[]> {
    return this.request("state_getKeysPaged", [prefix, count, startKey, hash]);
  }
  async queryStorageAt(keys: string[], hash: string): Promise<Array<[string, string | null]>> {
    const sets = await this.request<Array<{ changes: Array<[string, string | null]> }>>("state_queryStorageAt", [keys, hash]);
    return sets.flatMap((s) => s.changes);
  }
}

function positive(v: number, name: string): number {
  if (!Number.isFinite(v) || v <= 0) throw new TaomathError("out_of_range", name, "must be a positive number of milliseconds");
  return v;
}
function nonNegative(v: number, name: string): number {
  if (!Number.isInteger(v) || v < 0) throw new TaomathError("out_of_range", name, "must be a non-negative integer");
  return v;
}
