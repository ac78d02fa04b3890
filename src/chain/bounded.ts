// SCALE codecs that refuse what the chain's own decoder (parity-scale-codec) refuses and never do
// more work than the bytes justify: a vector or byte string whose declared length cannot fit in the
// bytes that remain fails before anything is allocated or looped over; an Option tag or a bool must
// be 0 or 1; a compact integer must fit its Rust type. Encoders are polkadot-api's.
// Errors thrown here are plain Errors: decodeExact turns them into malformed_scale.

import {
  type Codec, type Decoder, Bytes as RawBytes, Option as RawOption, Vector as RawVector,
  bool as rawBool, compact, compactBn, compactNumber, createCodec, createDecoder,
} from "@polkadot-api/substrate-bindings";
import { U64_MAX, U128_MAX } from "../core/ints.js";

/** The decoder's cursor: scale-ts decodes from a Uint8Array that carries its read offset `i`. */
type Cursor = Uint8Array & { i: number };

const left = (b: Cursor): number => b.byteLength - b.i;

function readLength(b: Cursor, what: string): number {
  const n = compact.dec(b as never) as number | bigint;
  if (typeof n !== "number" || n > left(b)) {
    throw new Error(`${what} declares ${n} elements but only ${Math.max(left(b), 0)} bytes remain`);
  }
  return n;
}

/** Vec<T>: every element takes at least `minBytes` (default 1), so the length is checked against that. */
export function Vector<T>(inner: Codec<T>, minBytes = 1): Codec<T[]> {
  const dec: Decoder<T[]> = createDecoder((bytes) => {
    const b = bytes as unknown as Cursor;
    const n = readLength(b, "a vector");
    if (n * minBytes > left(b)) throw new Error(`a vector of ${n} elements of at least ${minBytes} bytes cannot fit in the ${left(b)} bytes left`);
    const out: T[] = new Array(n);
    for (let k = 0; k < n; k++) {
      out[k] = inner.dec(b as never);
      if (b.i > b.byteLength) throw new Error(`truncated at element ${k} of ${n}`);
    }
    return out;
  });
  return createCodec(RawVector(inner).enc, dec);
}

/** Vec<u8>. */
export function Bytes(): Codec<Uint8Array> {
  const raw = RawBytes();
  const dec: Decoder<Uint8Array> = createDecoder((bytes) => {
    const b = bytes as unknown as Cursor;
    const n = readLength(b, "a byte string");
    // a plain copy: slicing the cursor itself would construct another cursor
    const out = new Uint8Array(b.buffer, b.byteOffset + b.i, n).slice();
    b.i += n;
    return out;
  });
  return createCodec(raw.enc, dec);
}

function tag(b: Cursor, what: string): number {
  if (left(b) < 1) throw new Error(`truncated before ${what}`);
  const t = b[b.i];
  if (t > 1) throw new Error(`${what} byte ${t} is neither 0 nor 1`);
  b.i += 1;
  return t;
}

/** Option<T>: tag 0 (None) or 1 (Some); anything else is invalid. */
export function Option<T>(inner: Codec<T>): Codec<T | undefined> {
  const dec: Decoder<T | undefined> = createDecoder((bytes) => {
    const b = bytes as unknown as Cursor;
    return tag(b, "an Option tag") === 1 ? inner.dec(b as never) : undefined;
  });
  return createCodec(RawOption(inner).enc, dec);
}

export const bool: Codec<boolean> = createCodec(rawBool.enc, createDecoder((bytes) => tag(bytes as unknown as Cursor, "a bool") === 1));

function compactUpTo<T extends number | bigint>(base: Codec<T>, max: bigint, type: string, big: boolean): Codec<T> {
  const dec: Decoder<T> = createDecoder((bytes) => {
    const b = bytes as unknown as Cursor;
    if (left(b) < 1) throw new Error(`truncated before a Compact<${type}>`);
    const v = compact.dec(b as never) as number | bigint;
    if (BigInt(v) > max) throw new Error(`a Compact<${type}> of ${String(v).slice(0, 40)} does not fit in ${type}`);
    return (big ? BigInt(v) : Number(v)) as T;
  });
  return createCodec(base.enc, dec);
}

/** Compact<u8> (the bytes of names, symbols and commitments). */
export const compactU8 = compactUpTo(compactNumber, 0xffn, "u8", false);
/** Compact<u16> (also NetUid, whose wire type is u16). */
export const compactU16 = compactUpTo(compactNumber, 0xffffn, "u16", false);
/** Compact<u64> and the u64 balances (AlphaCurrency, TaoCurrency). */
export const compactU64 = compactUpTo(compactBn, U64_MAX, "u64", true);
/** Compact<u128>. */
export const compactU128 = compactUpTo(compactBn, U128_MAX, "u128", true);
