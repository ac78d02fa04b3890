// taomath for Node: the API bound to a default instance, created on first use.

import { Taomath, instantiate, instantiateSync, type RunEpochOptions } from "./taomath.js";
import { loadModuleSync, loadModule } from "./host/node.js";
import type { EpochInput, EpochResult } from "./bindings/epoch.js";
import { setDefaultTaomath } from "./pool.js";

let shared: Taomath | null = null;
setDefaultTaomath(() => taomath());

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
export { swapCoreOf, sharePoolCoreOf, burnCoreOf } from "./cores.js";
export { SharePoolCore, type SafeFloat, type ShareEntry, type SharePoolOp, type SharePoolState, type SharePoolSnapshot } from "./bindings/sharepool.js";
export { BurnCore, type BurnParams, type BurnBlock } from "./bindings/burn.js";
export { quoteStake, quoteUnstake, maxAmountForLimit, quoteStakeBatch, quoteUnstakeBatch, spotPrice, validatePool, MAX_PRICE_RAO, MIN_PRICE_RAO, type Pool, type Quote, type QuoteOptions, type BatchQuotes } from "./pool.js";
export { SwapCore, type PoolInput, type PoolState, type SwapOutcome, type SwapError } from "./bindings/swap.js";
export { parseDecimal, taoToRao, weightToParts, raoToTao } from "./units.js";
export { StakingState, StakingRejected, splitTake, DEFAULT_MIN_STAKE, DEFAULT_DELEGATE_TAKE, type StakingError } from "./staking.js";
