// Files and JSON for the CLI: read a JSON file (errors name the file), print JSON with bigints as
// decimal strings.

import { readFileSync } from "node:fs";
import { ChainRejected, TaomathError } from "../core/errors.js";

export const toJson = (v: unknown, indent?: number): string =>
  JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x), indent);

export function printJson(v: unknown): void {
  console.log(toJson(v));
}

export function readJson(file: string | undefined, field = "FILE"): any {
  if (!file) throw new TaomathError("invalid_type", field, "missing file argument");
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new TaomathError("invalid_type", file, `cannot read file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new TaomathError("invalid_type", file, `not valid JSON (${(e as Error).message})`);
  }
}

/**
 * Runs `work`, re-raising a TaomathError about a library field under the flag the user typed
 * (limitPriceRao -> --limit-price), so the one-line error names what to change.
 */
export function asFlags<T>(fields: Record<string, string>, work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (!(e instanceof TaomathError) || fields[e.field] === undefined) throw e;
    const flag = fields[e.field];
    const detail = e.message.slice(e.field.length + 2);
    if (e instanceof ChainRejected) throw new ChainRejected(e.error, flag, detail.slice(e.error.length + 2) || undefined);
    throw new TaomathError(e.code, flag, detail);
  }
}
