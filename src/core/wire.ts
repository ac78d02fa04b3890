// Helpers for the JSON wire formats (src/pool/json.ts, src/emission/json.ts): plain-object checks
// whose errors name the wire field.

import { TaomathError } from "./errors.js";

export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

export function rejectUnknown(o: Record<string, unknown>, known: string[], prefix: string): void {
  for (const k of Object.keys(o)) {
    if (!known.includes(k)) throw new TaomathError("invalid_type", `${prefix}${k}`, `unknown field; expected one of ${known.join(", ")}`);
  }
}
