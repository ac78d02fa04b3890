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
export { emissionOf, projectEmission, BLOCKS_PER_DAY, BLOCK_SECONDS, type EmissionProjection, type HalvingEvent, type ProjectionOptions } from "./emission.js";
export { EmissionCore, TOTAL_SUPPLY, DEFAULT_BLOCK_EMISSION, DEFAULT_SUBNET_MOVING_ALPHA, DEFAULT_EMA_PRICE_HALVING_BLOCKS, type MovingPriceSubnet, type MovingPriceStep, type PoolAt, type RawProjection } from "./bindings/emission.js";
export { emissionChartSvg } from "./emission_svg.js";
export { coinbaseOf, type CoinbasePool, type PoolReserves } from "./coinbase.js";
export { CoinbaseCore, movingAlphaPrice, DEFAULT_TAO_WEIGHT, DEFAULT_SUBNET_OWNER_CUT, DEFAULT_MAX_EPOCHS_PER_BLOCK, type ShareInput, type ShareOutput, type TermsInput, type TermsOutput, type AlphaOutSplit, type ScheduleState, type EpochOutcome } from "./bindings/coinbase.js";
export { Network, stableOnlyPool, type NetworkState, type SubnetState, type StepReport, type NeuronsInput } from "./network.js";
export { exampleNetworkSnapshot } from "./network_example.js";
export { estimateReturns, type ReturnsEstimate } from "./returns.js";
