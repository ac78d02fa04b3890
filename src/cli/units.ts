// The units people type and read: amounts in TAO (or alpha) decimals, rao with an explicit "rao"
// suffix or under --rao; counts as non-negative integers; u16 fractions shown as percentages.

import { TaomathError } from "../core/errors.js";
import { taoToRao } from "../core/units.js";
import type { Values } from "./command.js";
import { U64_MAX } from "../core/ints.js";

/** "12.5" -> 12_500_000_000n; "125rao" -> 125n; under raoDefault plain integers are rao. */
export function amount(text: string, field: string, raoDefault = false): bigint {
  const t = text.trim();
  const m = /^([0-9]+)\s*rao$/i.exec(t);
  let v: bigint;
  if (m) v = BigInt(m[1]);
  else if (/rao$/i.test(t)) throw new TaomathError("invalid_type", field, `a rao amount is a whole number, got ${JSON.stringify(text)}`);
  else if (raoDefault) {
    if (!/^[0-9]+$/.test(t)) throw new TaomathError("invalid_type", field, `expected a whole number of rao (--rao), got ${JSON.stringify(text)}`);
    v = BigInt(t);
  } else v = taoToRao(t.replace(/tao$/i, "").trim(), field);
  if (v > U64_MAX) throw new TaomathError("out_of_range", field, `${text} is above the chain's u64 maximum (${U64_MAX} rao)`);
  return v;
}

/** An optional amount flag. */
export function amountFlag(values: Values, name: string, fallback?: bigint): bigint | undefined {
  const v = values[name];
  if (v === undefined) return fallback;
  return amount(String(v), `--${name}`, values.rao === true);
}

/** A required amount flag. */
export function requiredAmount(values: Values, name: string, what: string): bigint {
  const v = amountFlag(values, name);
  if (v === undefined) throw new TaomathError("invalid_type", `--${name}`, `required: ${what}`);
  return v;
}

/** A non-negative integer flag within [min, max]. */
export function intFlag(values: Values, name: string, opts: { min?: number; max?: number; fallback?: number } = {}): number | undefined {
  const raw = values[name];
  if (raw === undefined) return opts.fallback;
  const t = String(raw).trim();
  if (!/^[0-9]+$/.test(t)) throw new TaomathError("not_integer", `--${name}`, `expected a non-negative integer, got ${JSON.stringify(raw)}`);
  const n = Number(t);
  const min = opts.min ?? 0, max = opts.max ?? Number.MAX_SAFE_INTEGER;
  if (n < min || n > max) throw new TaomathError("out_of_range", `--${name}`, `expected an integer in [${min}, ${max}], got ${t}`);
  return n;
}

export function requiredInt(values: Values, name: string, what: string, opts: { min?: number; max?: number } = {}): number {
  const n = intFlag(values, name, opts);
  if (n === undefined) throw new TaomathError("invalid_type", `--${name}`, `required: ${what}`);
  return n;
}

/** A u64 integer flag (block numbers), as a bigint. */
export function u64Flag(values: Values, name: string): bigint | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const t = String(raw).trim();
  if (!/^[0-9]+$/.test(t) || BigInt(t) > U64_MAX) throw new TaomathError("not_integer", `--${name}`, `expected a u64 integer, got ${JSON.stringify(raw)}`);
  return BigInt(t);
}

/** rao as a decimal with `digits` places (rounded half up), grouped by thousands: 1234567890123n -> "1,234.5679". */
export function tao(rao: bigint, digits = 4): string {
  const neg = rao < 0n;
  let a = neg ? -rao : rao;
  const scale = 10n ** BigInt(9 - digits);
  a = (a + scale / 2n) / scale;
  const unit = 10n ** BigInt(digits);
  const whole = (a / unit).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const frac = digits > 0 ? `.${(a % unit).toString().padStart(digits, "0")}` : "";
  return `${neg ? "-" : ""}${whole}${frac}`;
}

/** A u16 fraction of 65535 as a percentage: 32768 -> "50.0008%". */
export function pct(u16: number, digits = 3): string {
  return `${((u16 / 65535) * 100).toFixed(digits)}%`;
}

/** A change of a u16 fraction in percentage points: -14 -> "-0.0214 pp". */
export function pctPoints(delta: number): string {
  return `${delta >= 0 ? "+" : ""}${((delta / 65535) * 100).toFixed(4)} pp`;
}

/** A rao change with its sign, in TAO/alpha decimals. */
export function signedTao(rao: bigint, digits = 9): string {
  return `${rao >= 0n ? "+" : ""}${tao(rao, digits)}`;
}
