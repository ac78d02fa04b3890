// taomath for Cloudflare Workers (workerd): the .wasm is a module import, so the default
// instance is created synchronously on first use, like the Node entry.

import { Taomath, instantiate, instantiateSync, type RunEpochOptions } from "./taomath.js";
import { loadModule } from "./host/workers.js";
import { setDefaultTaomath } from "./pool.js";
import type { EpochInput, EpochResult } from "./bindings/epoch.js";

let shared: Taomath | null = null;
setDefaultTaomath(() => taomath());

/** The default instance of this isolate, created on first use. */
export function taomath(): Taomath {
  if (shared === null) shared = instantiateSync(loadModule());
  return shared;
}

/** A fresh, independent instance (its own memory). */
export async function createTaomath(): Promise<Taomath> {
  return instantiate(loadModule());
}

export function runEpoch(input: EpochInput, options?: RunEpochOptions): EpochResult {
  return taomath().runEpoch(input, options);
}
/** subtensor's dense (test-only) epoch_dense_mechanism on the same input. */
export function runEpochDense(input: EpochInput): EpochResult {
  return taomath().runEpochDense(input);
}

export { loadModule };
export * from "./api.js";
