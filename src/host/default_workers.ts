// The default instance in Cloudflare Workers: instantiated synchronously from the .wasm module
// import on first use (one per isolate).

import { instantiateSync, type Taomath } from "../core/taomath.js";
import { loadModule } from "./workers.js";

let shared: Taomath | null = null;

export function hostTaomath(): Taomath {
  if (shared === null) shared = instantiateSync(loadModule());
  return shared;
}
