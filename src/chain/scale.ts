// SCALE plumbing shared by the chain decoders: complete decoding (every byte consumed, no
// truncation) with typed errors, hex conversion, and the fixed-point types the runtime APIs return.

import { Binary, createDecoder, type Codec, type Decoder } from "@polkadot-api/substrate-bindings";
import { TaomathError } from "../core/errors.js";

export const toHex = (b: Uint8Array): string => Binary.toHex(b);

/** Bytes from "0x…" hex, in a fresh buffer (scale-ts reads the whole underlying ArrayBuffer). */
export function fromHex(hex: string, field: string): Uint8Array {
  if (typeof hex !== "string" || !/^(0x)?([0-9a-fA-F]{2})*$/.test(hex)) {
    throw new TaomathError("malformed_scale", field, "expected a hex string of whole bytes");
  }
  return Uint8Array.from(Binary.fromHex(hex.startsWith("0x") ? hex : `0x${hex}`));
}

/**
 * Decodes `bytes` with `codec` and insists the value spans the payload exactly: a short payload
 * (truncated) or leftover bytes (a layout for another runtime) is a malformed_scale error.
 */
export function decodeExact<T>(codec: Codec<T> | Decoder<T>, bytes: Uint8Array | string, what: string): T {
  const input = typeof bytes === "string" ? fromHex(bytes, what) : Uint8Array.from(bytes);
  const dec: Decoder<T> = typeof codec === "function" ? codec : codec.dec;
  let used = -1;
  let value: T;
  const whole = createDecoder((buf) => {
    const v = dec(buf);
    used = (buf as unknown as { i: number }).i;
    return v;
  });
  try {
    value = whole(input);
  } catch (e) {
    throw new TaomathError("malformed_scale", what, `truncated or malformed SCALE (${input.length} bytes): ${String((e as Error)?.message ?? e).slice(0, 200)}`);
  }
  if (used > input.length) {
    throw new TaomathError("malformed_scale", what, `truncated SCALE: the layout needs more than the ${input.length} bytes received`);
  }
  if (used !== input.length) {
    throw new TaomathError("malformed_scale", what, `${input.length - used} trailing bytes after ${used} decoded: the layout does not match this payload`);
  }
  return value;
}

/** A fixed-point value: the raw bits exactly as stored, and their value as a float (reading only). */
export interface FixedValue { bits: bigint; value: number }

/** U64F64 / I96F32 / I64F64 raw bits to a FixedValue (frac = fractional bits). */
export function fixed(bits: bigint, frac: number): FixedValue {
  const scale = 1n << BigInt(frac);
  const int = bits / scale;
  const rem = bits - int * scale;
  return { bits, value: Number(int) + Number(rem) / Number(scale) };
}
