// taomath for Cloudflare Workers (workerd): the .wasm is a module import, so the default
// instance is created synchronously on first use, like the Node entry.

import { instantiate, type Taomath, type RunEpochOptions } from "./core/taomath.js";
import { loadModule } from "./host/workers.js";
import { hostTaomath } from "./host/default_workers.js";
import type { EpochInput, EpochResult } from "./bindings/epoch.js";

/** The default instance of this isolate, created on first use. */
export function taomath(): Taomath {
  return hostTaomath();
}

/** A fresh, independent instance (its own memory), from the bundled module or a compiled one passed in (workerd cannot compile bytes). */
export async function createTaomath(module: WebAssembly.Module = loadModule()): Promise<Taomath> {
  return instantiate(module);
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
