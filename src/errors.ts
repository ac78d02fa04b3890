// The one error type of taomath: every rejected input names the field (and index) at fault.

export type TaomathErrorCode =
  | "invalid_type"      // not the JSON/JS type the field needs
  | "out_of_range"      // a number past its chain type (u16, u64, i16 ...) or negative
  | "not_integer"       // fractional, NaN or infinite where an integer is required
  | "wrong_length"      // an array whose length the chain does not tolerate
  | "uid_out_of_range"  // a uid >= n where the chain would not ignore it
  | "unknown_schema"    // a vector file whose schema taomath does not know
  | "chain_rejected"    // valid input that the chain itself refuses (e.g. PriceLimitExceeded)
  | "internal";         // the wasm core trapped (a bug: please report the input)

export class TaomathError extends Error {
  readonly code: TaomathErrorCode;
  readonly field: string;
  constructor(code: TaomathErrorCode, field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = "TaomathError";
    this.code = code;
    this.field = field;
  }
}
