// The host-independent API, shared by the Node, browser and Workers entries. A new public module
// is exported here once; the entries add only how they obtain the WebAssembly.Module.

export { Taomath, instantiate, instantiateSync } from "./taomath.js";
export type { RunEpochOptions, RunEpochTypedOptions } from "./taomath.js";
export { TaomathError, type TaomathErrorCode } from "./errors.js";
export { epochInputTyped } from "./bindings/epoch.js";
export type { EpochInput, EpochInputTyped, EpochOutputTyped, CsrU16, EpochOutput, EpochResult, EpochTrace, FixedVector, FixedSparse, SparseRowU16 } from "./bindings/epoch.js";
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
export { emissionOf, projectEmission, BLOCKS_PER_DAY, BLOCK_SECONDS, type EmissionProjection, type HalvingEvent, type ProjectionOptions } from "./emission.js";
export { EmissionCore, TOTAL_SUPPLY, DEFAULT_BLOCK_EMISSION, DEFAULT_SUBNET_MOVING_ALPHA, DEFAULT_EMA_PRICE_HALVING_BLOCKS, type MovingPriceSubnet, type MovingPriceStep, type PoolAt, type RawProjection } from "./bindings/emission.js";
export { emissionChartSvg } from "./emission_svg.js";
export { coinbaseOf, type CoinbasePool, type PoolReserves } from "./coinbase.js";
export { CoinbaseCore, movingAlphaPrice, DEFAULT_TAO_WEIGHT, DEFAULT_SUBNET_OWNER_CUT, DEFAULT_MAX_EPOCHS_PER_BLOCK, type ShareInput, type ShareOutput, type TermsInput, type TermsOutput, type AlphaOutSplit, type ScheduleState, type EpochOutcome } from "./bindings/coinbase.js";
export { Network, stableOnlyPool, type NetworkState, type SubnetState as NetworkSubnetState, type StepReport, type NeuronsInput } from "./network.js";
export { balancerPool, RUNTIME_MINIMUM_RESERVE } from "./coinbase_pool.js";
export { exampleNetworkSnapshot } from "./network_example.js";
export { estimateReturns, type ReturnsEstimate, type Position } from "./returns.js";
export { swapCoreOf, sharePoolCoreOf, burnCoreOf } from "./cores.js";
export { SharePoolCore, type SafeFloat, type ShareEntry, type SharePoolOp, type SharePoolState, type SharePoolSnapshot } from "./bindings/sharepool.js";
export { BurnCore, type BurnParams, type BurnBlock } from "./bindings/burn.js";
export { quoteStake, quoteUnstake, maxAmountForLimit, quoteStakeBatch, quoteUnstakeBatch, spotPrice, validatePool, MAX_PRICE_RAO, MIN_PRICE_RAO, type Pool, type Quote, type QuoteOptions, type BatchQuotes } from "./pool.js";
export { SwapCore, type PoolInput, type PoolState, type SwapOutcome, type SwapError } from "./bindings/swap.js";
export { parseDecimal, taoToRao, weightToParts, raoToTao } from "./units.js";
export { StakingState, StakingRejected, splitTake, DEFAULT_MIN_STAKE, DEFAULT_DELEGATE_TAKE, type StakingError } from "./staking.js";
export { quoteRequestFromJson, quoteResponse, emissionRequestFromQuery, emissionResponse, MAX_QUOTE_AMOUNTS, MAX_EMISSION_YEARS, type QuoteRequest, type QuoteResponseJson, type QuoteRowJson, type EmissionRequest, type EmissionResponseJson } from "./api_json.js";
export { RootClaims, DEFAULT_ROOT_CLAIMABLE_THRESHOLD, MAX_ROOT_CLAIM_THRESHOLD, MAX_SUBNET_CLAIMS, type RootClaimType, type ClaimPayer, type ClaimResult } from "./root_claim.js";
export { RootClaimCore } from "./bindings/root_claim.js";
export type { AutoClaim } from "./network.js";
