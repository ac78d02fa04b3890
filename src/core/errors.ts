// The one error type of taomath: every rejected input names the field (and index) at fault. What the
// chain itself refuses is a ChainRejected, a TaomathError that also carries the chain's Error variant.

export type TaomathErrorCode =
  | "invalid_type"      // not the JSON/JS type the field needs
  | "out_of_range"      // a number past its chain type (u16, u64, i16 ...) or negative
  | "not_integer"       // fractional, NaN or infinite where an integer is required
  | "wrong_length"      // an array whose length the chain does not tolerate
  | "uid_out_of_range"  // a uid >= n where the chain would not ignore it
  | "unknown_schema"    // a vector file whose schema taomath does not know
  | "internal"          // the wasm core trapped (a bug: please report the input)
  | "unreachable"       // the node could not be reached (connection refused, DNS, closed socket)
  | "timeout"           // the node did not answer within the timeout (after the retries)
  | "rpc_error"         // the node answered a JSON-RPC request with an error
  | "runtime_version"   // the node runs a runtime whose layouts taomath does not know
  | "malformed_scale"   // SCALE bytes that are truncated, have trailing bytes, or are not valid
  | "unknown_netuid"    // the subnet does not exist at that block
  | "missing_storage"   // chain storage the computation needs was not available
  | "chain_rejected"    // valid input that the chain itself refuses: always a ChainRejected
  | "no_instance"       // the default instance is not available yet (browser: await createTaomath() first)
  | "unsupported";      // a computation that needs a module not wired in (e.g. the pool math for a dynamic subnet)

/** Longest quote of a value in a message, and longest message (room for an aggregate of many errors): a hostile 100 KB input gives a short error. */
export const MAX_QUOTE_CHARS = 80;
export const MAX_MESSAGE_CHARS = 8000;

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} chars)`;
}

/**
 * A value as it appears in an error message: JSON-like, bigints as their digits, never throwing
 * (cycles, getters, symbols), and at most MAX_QUOTE_CHARS of it.
 */
export function quote(v: unknown): string {
  let t: string;
  try {
    if (typeof v === "bigint") t = `${v}n`;
    else if (typeof v === "string") t = JSON.stringify(v.length > 4 * MAX_QUOTE_CHARS ? v.slice(0, 4 * MAX_QUOTE_CHARS) : v);
    else if (typeof v === "symbol" || typeof v === "function") t = typeof v;
    else if (v === undefined) t = "undefined";
    else if (typeof v === "number") t = String(v);
    else t = JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? `${x}n` : x)) ?? typeof v;
  } catch {
    t = Array.isArray(v) ? "an array" : typeof v;
  }
  const full = typeof v === "string" ? v.length + 2 : t.length;
  return t.length > MAX_QUOTE_CHARS || full > t.length ? `${t.slice(0, MAX_QUOTE_CHARS)}… (${full} chars)` : t;
}

export class TaomathError extends Error {
  readonly code: TaomathErrorCode;
  readonly field: string;
  constructor(code: TaomathErrorCode, field: string, message: string) {
    field = cut(String(field), 2 * MAX_QUOTE_CHARS);
    super(`${field}: ${cut(String(message), MAX_MESSAGE_CHARS)}`);
    this.name = "TaomathError";
    this.code = code;
    this.field = field;
  }
}

/**
 * The chain refuses an operation on valid input. `error` is the name of the chain's `Error` variant
 * (`PriceLimitExceeded`, `AmountTooLow`, `NotEnoughStakeToWithdraw` ...) or, where the chain answers
 * with a plain dispatch failure, a name for it; `field` is the input that made it refuse.
 */
export class ChainRejected extends TaomathError {
  readonly error: string;
  constructor(error: string, field: string, detail?: string) {
    super("chain_rejected", field, detail === undefined ? error : `${error}: ${detail}`);
    this.name = "ChainRejected";
    this.error = error;
  }
  /** the same variant name, under the name StakingState's refusals used before 0.2.0 */
  get reason(): string { return this.error; }
}
