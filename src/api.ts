// The host-independent API, shared by the Node, browser and Workers entries. A new public module
// is exported here once; the entries add only how they obtain the WebAssembly.Module.

export { Taomath, instantiate, instantiateSync } from "./taomath.js";
export type { RunEpochOptions } from "./taomath.js";
export { TaomathError, type TaomathErrorCode } from "./errors.js";
export type { EpochInput, EpochOutput, EpochResult, EpochTrace, FixedVector, FixedSparse, SparseRowU16 } from "./bindings/epoch.js";
export { epochToVectorEncoding, epochInputFromJson } from "./encoding.js";
export { exampleSubnet, rng, type ExampleOptions } from "./example.js";
export { runVectorFile, vectorRunners, type VectorRunner } from "./vectors/registry.js";
export { explainUid, type UidExplanation } from "./explain.js";
export type { MechanismsInput, MechanismsResult, MechanismState, SubnetTerms } from "./bindings/mechanisms.js";
export * from "./weights/index.js";
export { WeightsCore } from "./bindings/weights.js";
export * from "./chain/index.js";
// Two modules name a type SubnetState: the weights checker's state is the package's SubnetState,
// the decoded runtime-API struct is ChainSubnetState.
export type { SubnetState } from "./weights/index.js";
export type { SubnetState as ChainSubnetState } from "./chain/index.js";
export { canonicalJson, sha256Hex, outputsBytes } from "./digest.js";
