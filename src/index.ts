// taomath for Node: the root API with the default instance compiled from build/taomath.wasm on
// first use. Domain APIs are the subpaths taomath/pool, /network, /chain, /weights, /emission,
// /vectors.

import { instantiate, type Taomath, type RunEpochOptions } from "./core/taomath.js";
import { loadModule, type WasmSource } from "./host/node.js";
import { hostTaomath } from "./host/default_node.js";
import type { EpochInput, EpochResult } from "./bindings/epoch.js";

/** The default instance (compiled synchronously from build/taomath.wasm on first use). */
export function taomath(): Taomath {
  return hostTaomath();
}

/**
 * A fresh, independent instance (its own memory), from build/taomath.wasm or from `source` (bytes, a
 * compiled module, a file path or URL): the same call as in browsers, so `createTaomath(wasmUrl)`
 * type-checks whichever entry a tool's types resolve to.
 */
export async function createTaomath(source?: WasmSource): Promise<Taomath> {
  return instantiate(await loadModule(source));
}

/** One Yuma Consensus epoch on the default instance (see Taomath.runEpoch). */
export function runEpoch(input: EpochInput, options?: RunEpochOptions): EpochResult {
  return taomath().runEpoch(input, options);
}

/** subtensor's dense (test-only) epoch_dense_mechanism on the same input; see Taomath.runEpochDense. */
export function runEpochDense(input: EpochInput): EpochResult {
  return taomath().runEpochDense(input);
}

export type { WasmSource };
export * from "./api.js";
