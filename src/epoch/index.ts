// taomath/epoch: the Yuma Consensus epoch's types, its JSON (vector) encoding, the example subnet and
// the explanation of one uid's result. runEpoch itself is on the instance and at the package root.

export type { RunEpochOptions } from "../core/taomath.js";
export type { EpochInput, EpochOutput, EpochResult, EpochTrace, FixedVector, FixedSparse, SparseRowU16 } from "../bindings/epoch.js";
export type { MechanismsInput, MechanismsResult, MechanismState, SubnetTerms } from "../bindings/mechanisms.js";
export { epochToVectorEncoding, epochInputFromJson } from "./encoding.js";
export { exampleSubnet, type ExampleOptions } from "./example.js";
export { explainUid, type UidExplanation } from "./explain.js";
