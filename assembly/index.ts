// The exports of taomath.wasm. Hosts call reset(), alloc() their inputs, then one entry point;
// results stay valid until the next reset(). See src/bindings/ for the host side.

import { alloc as arenaAlloc, resetArena } from "./arena";

export function reset(): void { resetArena(); }
export function alloc(bytes: usize): usize { return arenaAlloc(bytes); }

export { epoch } from "./abi/epoch";
export { epoch_dense } from "./abi/epoch_dense";
export * from "./abi/math";
export * from "./abi/mechanisms";
export * from "./abi/weights";
export * from "./abi/emission";
export * from "./abi/coinbase";
export * from "./abi/economics";
export * from "./abi/root_claim";
export * from "./abi/dividend_split_473";
