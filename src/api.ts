// The package root, shared by the Node, browser and Workers entries: the instance, the errors and the
// epoch. Each entry adds how it obtains the WebAssembly.Module (taomath(), createTaomath, runEpoch).
// Everything else is a domain subpath: taomath/epoch, taomath/pool, taomath/network, taomath/chain,
// taomath/weights, taomath/emission, taomath/vectors.

export { Taomath, instantiate, instantiateSync, type RunEpochOptions, type RunEpochTypedOptions } from "./core/taomath.js";
export { TaomathError, ChainRejected, type TaomathErrorCode } from "./core/errors.js";
export { epochInputTyped } from "./bindings/epoch.js";
export type { EpochInputTyped, EpochOutputTyped, CsrU16 } from "./bindings/epoch.js";
export type { EpochInput, EpochOutput, EpochResult, EpochTrace, FixedVector, FixedSparse, SparseRowU16 } from "./bindings/epoch.js";
export { epochToVectorEncoding, epochInputFromJson } from "./epoch/encoding.js";
export { exampleSubnet, type ExampleOptions } from "./epoch/example.js";
export { explainUid, type UidExplanation } from "./epoch/explain.js";
export { resolveRuntime, runtimeTag, RULE_SETS, NEWEST_SPEC, OLDEST_SPEC, type RuleSet, type RuleSetName, type RuntimeTag, type ResolvedRuntime } from "./core/runtime.js";
