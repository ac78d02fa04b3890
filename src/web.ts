// taomath for browsers (and any host without node: modules): the same API as the Node entry,
// except that the module is obtained asynchronously, from a URL, a Response or bytes.
//
//   import wasmUrl from "taomath/taomath.wasm?url";   // Vite; omit to use the default URL
//   import { createTaomath } from "taomath";          // resolves here under the "browser" condition
//   const tm = await createTaomath(wasmUrl);
//   tm.runEpoch(input);

import { Taomath, instantiate, instantiateSync, type RunEpochOptions } from "./taomath.js";
import { loadModule, defaultWasmUrl, type WasmSource } from "./host/browser.js";
import { setDefaultTaomath } from "./pool.js";

/** A new instance (its own memory) from a URL, Response, bytes or compiled module. */
export async function createTaomath(source?: WasmSource): Promise<Taomath> {
  const tm = await instantiate(await loadModule(source));
  // the quote functions called without an instance use the first one created
  if (first === null) { first = tm; setDefaultTaomath(() => first as Taomath); }
  return tm;
}

let first: Taomath | null = null;
export { loadModule, defaultWasmUrl };
export type { WasmSource };
export * from "./api.js";
