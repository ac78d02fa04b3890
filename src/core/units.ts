// Exact decimal text → integer units (TAO → rao, a weight → Perquintill parts), for the CLI and
// for hosts that take human amounts. No floating point: "0.1" TAO is exactly 100_000_000 rao.

import { TaomathError, quote } from "./errors.js";
import { U64_MAX } from "./ints.js";

/** Longest decimal text read (u128 has 39 digits; with 38 decimals and padding, 100 is plenty). */
const MAX_DECIMAL_CHARS = 100;

/** Parses a non-negative decimal with at most `decimals` fraction digits into an integer of 10^-decimals units. */
export function parseDecimal(text: string, decimals: number, field: string): bigint {
  if (typeof field !== "string") field = "value";
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 38) throw new TaomathError("out_of_range", "decimals", `expected an integer in [0, 38], got ${quote(decimals)}`);
  if (typeof text !== "string" && typeof text !== "number" && typeof text !== "bigint") {
    throw new TaomathError("invalid_type", field, `expected a non-negative decimal number as text, got ${quote(text)}`);
  }
  const t = String(text).trim();
  if (t.length > MAX_DECIMAL_CHARS) throw new TaomathError("out_of_range", field, `${quote(text)} is longer than ${MAX_DECIMAL_CHARS} characters`);
  const m = /^([0-9]+)(?:\.([0-9]*))?$/.exec(t) ?? /^()\.([0-9]+)$/.exec(t);
  if (!m) throw new TaomathError("invalid_type", field, `expected a non-negative decimal number, got ${quote(text)}`);
  const frac = m[2] ?? "";
  if (frac.replace(/0+$/, "").length > decimals) {
    throw new TaomathError("out_of_range", field, `${t} has more than ${decimals} decimal places`);
  }
  return BigInt(m[1] || "0") * 10n ** BigInt(decimals) + BigInt((frac + "0".repeat(decimals)).slice(0, decimals) || "0");
}

function atMost(v: bigint, max: bigint, field: string, what: string): bigint {
  if (v > max) throw new TaomathError("out_of_range", field, `${quote(v)} is past ${what}`);
  return v;
}

/** TAO (or alpha) as decimal text → rao (a u64, as balances are on the chain). */
export const taoToRao = (text: string, field: string) => atMost(parseDecimal(text, 9, field), U64_MAX, field, "u64::MAX rao");
/** A weight in [0, 1] as decimal text → Perquintill parts of 1e18. */
export const weightToParts = (text: string, field: string) => atMost(parseDecimal(text, 18, field), 10n ** 18n, field, "1 (a Perquintill is at most 1e18 parts)");

/** rao → TAO text with all 9 decimals. */
export function raoToTao(rao: bigint): string {
  if (typeof rao !== "bigint") throw new TaomathError("invalid_type", "rao", `expected a bigint, got ${quote(rao)}`);
  const neg = rao < 0n;
  const a = neg ? -rao : rao;
  return `${neg ? "-" : ""}${a / 1_000_000_000n}.${(a % 1_000_000_000n).toString().padStart(9, "0")}`;
}
