// Internal shims from before the instance owned its bindings: `tm.swap`, `tm.sharePool` and
// `tm.burn` are the API. Kept only for modules not yet moved to the instance getters.

import type { Taomath } from "./taomath.js";
import type { SwapCore } from "../bindings/swap.js";
import type { SharePoolCore } from "../bindings/sharepool.js";
import type { BurnCore } from "../bindings/burn.js";

export const swapCoreOf = (tm: Taomath): SwapCore => tm.swap;
export const sharePoolCoreOf = (tm: Taomath): SharePoolCore => tm.sharePool;
export const burnCoreOf = (tm: Taomath): BurnCore => tm.burn;
