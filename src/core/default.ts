// The one default instance: functions that take an optional `tm` use this one when it is omitted.
// "#taomath-host" is a package import (package.json "imports") resolved per host condition: Node
// compiles the .wasm on first use, Workers instantiate the module import, browsers adopt the first
// instance created with createTaomath().

import { hostTaomath } from "#taomath-host";
import type { Taomath } from "./taomath.js";
import { TaomathError } from "./errors.js";

export function defaultTaomath(): Taomath {
  return hostTaomath();
}

/** The instance a call should use: the one passed, else the default. */
export function instanceOr(tm?: Taomath): Taomath {
  if (tm === undefined || tm === null) return hostTaomath();
  // by shape, not instanceof: two copies of the package (dist and source) make equal instances
  if (typeof tm !== "object" || !("core" in tm) || !("swap" in tm)) throw new TaomathError("invalid_type", "taomath", "expected a Taomath instance (taomath() or createTaomath())");
  return tm;
}
