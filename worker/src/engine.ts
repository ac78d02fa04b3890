// The taomath instance of this isolate. Every request runs on it; a request that ends in an
// unexpected failure, or that left the wasm memory large, discards it so the next request starts
// from a fresh instance (instantiation costs well under a millisecond).

import { instantiateSync, loadModule, type Taomath } from "taomath";

/** Past this much wasm memory an instance is replaced rather than kept (memory never shrinks; n = 4096 needs 2 MiB). */
export const MAX_RETAINED_MEMORY = 16 * 1024 * 1024;

let current: Taomath | null = null;
let created = 0;

export function engine(): Taomath {
  if (current === null) {
    current = instantiateSync(loadModule());
    created++;
  }
  return current;
}

/** Called after every request: drops the instance if the request failed unexpectedly or grew it. */
export function settle(failedUnexpectedly: boolean): void {
  if (current !== null && (failedUnexpectedly || current.core.buffer.byteLength > MAX_RETAINED_MEMORY)) current = null;
}

/** How many instances this isolate has created (reported by GET /v1, for operators and tests). */
export function instancesCreated(): number {
  return created;
}

/** Bytes of wasm memory the current instance holds (0 when none is alive). */
export function memoryBytes(): number {
  return current === null ? 0 : current.core.buffer.byteLength;
}
