// taomath for Node: the API bound to a default instance, created on first use.

import { Taomath, instantiate, instantiateSync, type RunEpochOptions } from "./taomath.js";
import { loadModuleSync, loadModule } from "./host/node.js";
import type { EpochInput, EpochResult } from "./bindings/epoch.js";
import { setDefaultTaomath } from "./pool.js";

let shared: Taomath | null = null;
setDefaultTaomath(() => taomath());

/** The default instance (compiled synchronously from build/taomath.wasm on first use). */
export function taomath(): Taomath {
  if (shared === null) shared = instantiateSync(loadModuleSync());
  return shared;
}

/** A fresh, independent instance (its own memory). */
export async function createTaomath(): Promise<Taomath> {
  return instantiate(await loadModule());
}

export function runEpoch(input: EpochInput, options?: RunEpochOptions): EpochResult {
  return taomath().runEpoch(input, options);
}

/** subtensor's dense (test-only) epoch_dense_mechanism on the same input; see Taomath.runEpochDense. */
export function runEpochDense(input: EpochInput): EpochResult {
  return taomath().runEpochDense(input);
}

export { connectNode, writeFileAtomic } from "./host/node-chain.js";
export * from "./api.js";
