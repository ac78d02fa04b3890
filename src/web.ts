// taomath for browsers (and any host without node: modules): the same API as the Node entry,
// except that the module is obtained asynchronously, from a URL, a Response or bytes.
//
//   import wasmUrl from "taomath/taomath.wasm?url";   // Vite; omit to use the default URL
//   import { createTaomath } from "taomath";          // resolves here under the "browser" condition
//   const tm = await createTaomath(wasmUrl);
//   tm.runEpoch(input);

import { instantiate, type Taomath, type RunEpochOptions } from "./core/taomath.js";
import { loadModule, defaultWasmUrl, type WasmSource } from "./host/browser.js";
import { adoptDefault, hostTaomath } from "./host/default_browser.js";
import type { EpochInput, EpochResult } from "./bindings/epoch.js";

/** A new instance (its own memory) from a URL, Response, bytes or compiled module; the first one becomes the default. */
export async function createTaomath(source?: WasmSource): Promise<Taomath> {
  const tm = await instantiate(await loadModule(source));
  adoptDefault(tm);
  return tm;
}

/** The default instance: the first one createTaomath made (a TaomathError before that). */
export function taomath(): Taomath {
  return hostTaomath();
}

export function runEpoch(input: EpochInput, options?: RunEpochOptions): EpochResult {
  return taomath().runEpoch(input, options);
}

export { loadModule, defaultWasmUrl };
export type { WasmSource };
export * from "./api.js";
