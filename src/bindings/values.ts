// Validation and conversion of the scalar values that cross into the core: u64 as bigint
// (or a decimal string, or a safe integer number), u16/i16/booleans as numbers. Each failure is
// a TaomathError naming the field.

import { TaomathError, quote } from "../core/errors.js";
import { U64_MAX, I64_MIN, I64_MAX, I128_MIN, I128_MAX, U128_MAX } from "../core/ints.js";

export { U64_MAX, I64_MIN, I64_MAX };

export type U64Like = bigint | string | number;

/** Longest decimal text parsed into an integer (u128 needs 39 digits; the rest is padding or hostile). */
const MAX_DIGITS = 64;

export function toU64(v: unknown, field: string): bigint {
  let b: bigint;
  if (typeof v === "bigint") b = v;
  else if (typeof v === "string") {
    const t = v.length > MAX_DIGITS ? "" : v.trim();
    if (!/^[0-9]+$/.test(t)) {
      if (/^\s*[0-9]+\s*$/.test(v)) throw new TaomathError("out_of_range", field, `${quote(v)} is past u64::MAX`);
      throw new TaomathError("invalid_type", field, `expected a u64 as a decimal string, got ${quote(v)}`);
    }
    b = BigInt(t);
  } else if (typeof v === "number") {
    if (!Number.isFinite(v) || !Number.isInteger(v)) throw new TaomathError("not_integer", field, `expected an integer, got ${v}`);
    if (!Number.isSafeInteger(v)) throw new TaomathError("out_of_range", field, `${v} is past 2^53: pass a bigint or a decimal string`);
    b = BigInt(v);
  } else {
    throw new TaomathError("invalid_type", field, `expected a u64 (bigint or decimal string), got ${typeOf(v)}`);
  }
  if (b < 0n) throw new TaomathError("out_of_range", field, `${quote(b)} is negative; a u64 must be >= 0`);
  if (b > U64_MAX) throw new TaomathError("out_of_range", field, `${quote(b)} is past u64::MAX`);
  return b;
}

export function toInt(v: unknown, field: string, min: number, max: number, type: string): number {
  if (typeof v === "bigint") {
    if (v < BigInt(min) || v > BigInt(max)) throw new TaomathError("out_of_range", field, `${quote(v)} is outside ${type} [${min}, ${max}]`);
    v = Number(v);
  }
  if (typeof v !== "number") throw new TaomathError("invalid_type", field, `expected a ${type} number, got ${typeOf(v)}`);
  if (!Number.isFinite(v) || !Number.isInteger(v)) throw new TaomathError("not_integer", field, `expected an integer ${type}, got ${v}`);
  if (v < min || v > max) throw new TaomathError("out_of_range", field, `${v} is outside ${type} [${min}, ${max}]`);
  return v;
}

export const toU16 = (v: unknown, field: string) => toInt(v, field, 0, 65535, "u16");
export const toI16 = (v: unknown, field: string) => toInt(v, field, -32768, 32767, "i16");

export function toBool(v: unknown, field: string): boolean {
  if (typeof v !== "boolean") throw new TaomathError("invalid_type", field, `expected a boolean, got ${typeOf(v)}`);
  return v;
}

export function toArray(v: unknown, field: string): unknown[] {
  if (!Array.isArray(v)) throw new TaomathError("invalid_type", field, `expected an array, got ${typeOf(v)}`);
  return v;
}

/**
 * The integer that holds a fixed-point type's bits: i64 for I32F32, i128 for I64F64 and I96F32,
 * u128 for U64F64 and U96F32.
 */
export type BitsType = "i64" | "i128" | "u128";
const BITS_RANGE: Record<BitsType, readonly [bigint, bigint]> = { i64: [I64_MIN, I64_MAX], i128: [I128_MIN, I128_MAX], u128: [0n, U128_MAX] };

/**
 * Fixed-point bits (the chain's raw `to_bits()` integer) from a bigint, a decimal string (JSON) or a
 * safe integer, checked to fit the integer type that holds them. The one parser of fixed-point
 * input: the epoch's scores, the coinbase's prices and emissions, the moving price, snapshots.
 */
export function toFixedBits(v: unknown, field: string, type: BitsType): bigint {
  let b: bigint;
  if (typeof v === "bigint") b = v;
  else if (typeof v === "string" && v.length <= MAX_DIGITS && /^-?[0-9]+$/.test(v.trim())) b = BigInt(v.trim());
  else if (typeof v === "number" && Number.isSafeInteger(v)) b = BigInt(v);
  else if (typeof v === "string" && /^\s*-?[0-9]+\s*$/.test(v)) throw new TaomathError("out_of_range", field, `${quote(v)} does not fit in ${type} bits`);
  else throw new TaomathError("invalid_type", field, `expected fixed-point bits as an integer (bigint or decimal string), got ${typeOf(v)}`);
  const [lo, hi] = BITS_RANGE[type];
  if (b < lo || b > hi) throw new TaomathError("out_of_range", field, `${quote(b)} does not fit in ${type} bits`);
  return b;
}

/**
 * Fixed-point bits passed through the typed API, where a value is a bigint and nothing else (the
 * JSON and CLI paths parse text with toFixedBits first), checked to fit `type`.
 */
export function checkBits(v: unknown, field: string, type: BitsType): bigint {
  if (typeof v !== "bigint") throw new TaomathError("invalid_type", field, `expected ${type} fixed-point bits as a bigint, got ${typeOf(v)}`);
  const [lo, hi] = BITS_RANGE[type];
  if (v < lo || v > hi) throw new TaomathError("out_of_range", field, `${quote(v)} does not fit in ${type} bits`);
  return v;
}

/** I32F32 bits (i64). */
export const toI64Bits = (v: unknown, field: string): bigint => toFixedBits(v, field, "i64");

export function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number" && Number.isNaN(v)) return "NaN";
  return typeof v;
}
