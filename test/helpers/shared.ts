// Where the shared material lives (../shared beside the checkout, or TAOMATH_SHARED).
// With CI=true a missing folder is a hard failure; elsewhere the suites that need it say
// plainly that they did not run.

import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join, resolve, dirname } from "node:path";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const sharedDir: string = process.env.TAOMATH_SHARED ? resolve(process.env.TAOMATH_SHARED) : resolve(repoRoot, "..", "shared");
export const sharedPresent: boolean = existsSync(join(sharedDir, "vectors"));

if (!sharedPresent) {
  const msg = `shared folder not found at ${sharedDir} (set TAOMATH_SHARED): the conformance suites did NOT run`;
  if (process.env.CI === "true") throw new Error(msg);
  console.warn(`WARNING: ${msg}`);
}

export function sharedPath(...parts: string[]): string {
  return join(sharedDir, ...parts);
}

export function readShared<T = any>(...parts: string[]): T {
  return JSON.parse(readFileSync(sharedPath(...parts), "utf8")) as T;
}

export function listShared(...parts: string[]): string[] {
  const dir = sharedPath(...parts);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")).sort() : [];
}
