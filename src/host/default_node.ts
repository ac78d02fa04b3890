// The default instance under Node: compiled synchronously from build/taomath.wasm on first use.
// Reached through the package import "#taomath-host" (src/core/default.ts), which each host's
// condition points at its own default.

import { instantiateSync, type Taomath } from "../core/taomath.js";
import { sharedModuleSync } from "./node.js";

let shared: Taomath | null = null;

export function hostTaomath(): Taomath {
  if (shared === null) shared = instantiateSync(sharedModuleSync());
  return shared;
}
