// The default instance in browsers: a page cannot compile the .wasm synchronously, so the default
// is the first instance that `createTaomath()` made; before that, using it is a TaomathError.

import type { Taomath } from "../core/taomath.js";
import { TaomathError } from "../core/errors.js";

let first: Taomath | null = null;

/** Called by createTaomath: the first instance becomes the default. */
export function adoptDefault(tm: Taomath): void {
  if (first === null) first = tm;
}

export function hostTaomath(): Taomath {
  if (first === null) throw new TaomathError("no_instance", "taomath", "in a browser, `await createTaomath()` once before calling functions without an instance");
  return first;
}
