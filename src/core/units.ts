// Exact decimal text → integer units (TAO → rao, a weight → Perquintill parts), for the CLI and
// for hosts that take human amounts. No floating point: "0.1" TAO is exactly 100_000_000 rao.

import { TaomathError } from "./errors.js";

/** Parses a non-negative decimal with at most `decimals` fraction digits into an integer of 10^-decimals units. */
export function parseDecimal(text: string, decimals: number, field: string): bigint {
  const t = String(text).trim();
  const m = /^([0-9]+)(?:\.([0-9]*))?$/.exec(t) ?? /^()\.([0-9]+)$/.exec(t);
  if (!m) throw new TaomathError("invalid_type", field, `expected a non-negative decimal number, got ${JSON.stringify(text)}`);
  const frac = m[2] ?? "";
  if (frac.replace(/0+$/, "").length > decimals) {
    throw new TaomathError("out_of_range", field, `${t} has more than ${decimals} decimal places`);
  }
  return BigInt(m[1] || "0") * 10n ** BigInt(decimals) + BigInt((frac + "0".repeat(decimals)).slice(0, decimals) || "0");
}

/** TAO (or alpha) as decimal text → rao. */
export const taoToRao = (text: string, field: string) => parseDecimal(text, 9, field);
/** A weight in [0, 1] as decimal text → Perquintill parts of 1e18. */
export const weightToParts = (text: string, field: string) => parseDecimal(text, 18, field);

/** rao → TAO text with all 9 decimals. */
export function raoToTao(rao: bigint): string {
  const neg = rao < 0n;
  const a = neg ? -rao : rao;
  return `${neg ? "-" : ""}${a / 1_000_000_000n}.${(a % 1_000_000_000n).toString().padStart(9, "0")}`;
}
