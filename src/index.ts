// taomath for Node: the API bound to a default instance, created on first use.

import { Taomath, instantiate, instantiateSync, type RunEpochOptions } from "./taomath.js";
import { loadModuleSync, loadModule } from "./host/node.js";
import type { EpochInput, EpochResult } from "./bindings/epoch.js";

let shared: Taomath | null = null;

/** The default instance (compiled synchronously from build/taomath.wasm on first use). */
export function taomath(): Taomath {
  if (shared === null) shared = instantiateSync(loadModuleSync());
  return shared;
}

/** A fresh, independent instance (its own memory). */
export async function createTaomath(): Promise<Taomath> {
  return instantiate(await loadModule());
}

export function runEpoch(input: EpochInput, options?: RunEpochOptions): EpochResult {
  return taomath().runEpoch(input, options);
}

export { Taomath, instantiate, instantiateSync };
export type { RunEpochOptions };
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
export { connectNode, writeFileAtomic } from "./host/node-chain.js";
// Two modules name a type SubnetState: the weights checker's state is the package's SubnetState,
// the decoded runtime-API struct is ChainSubnetState.
export type { SubnetState } from "./weights/index.js";
export type { SubnetState as ChainSubnetState } from "./chain/index.js";
