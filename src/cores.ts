// One typed wrapper per domain and per instance: the pool, share-pool and burn bindings over a
// Taomath's core, created on first use.

import type { Taomath } from "./taomath.js";
import type { Core } from "./bindings/core.js";
import { SwapCore } from "./bindings/swap.js";
import { SharePoolCore } from "./bindings/sharepool.js";
import { BurnCore } from "./bindings/burn.js";

function cached<T>(make: (c: Core) => T): (tm: Taomath) => T {
  const m = new WeakMap<Core, T>();
  return (tm) => {
    let v = m.get(tm.core);
    if (v === undefined) { v = make(tm.core); m.set(tm.core, v); }
    return v;
  };
}

export const swapCoreOf = cached((c) => new SwapCore(c));
export const sharePoolCoreOf = cached((c) => new SharePoolCore(c));
export const burnCoreOf = cached((c) => new BurnCore(c));
