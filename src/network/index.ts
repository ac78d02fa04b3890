// taomath/network: the coinbase and the network model (many subnets, block by block, with each due
// epoch and its payout), root dividends and their claims, and return estimates.

export { coinbaseOf, movingAlphaPrice, type CoinbasePool, type PoolReserves } from "./coinbase.js";
export { CoinbaseCore, DEFAULT_TAO_WEIGHT, DEFAULT_SUBNET_OWNER_CUT, DEFAULT_MAX_EPOCHS_PER_BLOCK, type ShareInput, type ShareOutput, type TermsInput, type TermsOutput, type AlphaOutSplit, type ScheduleState, type EpochOutcome } from "../bindings/coinbase.js";
export { Network, stableOnlyPool, type EpochRunner, type EpochAhead, type NetworkState, type SubnetState, type StepReport, type NeuronsInput, type AutoClaim } from "./network.js";
export { balancerPool, RUNTIME_MINIMUM_RESERVE } from "./balancer_pool.js";
export { exampleNetworkSnapshot, syntheticNetworkSnapshot } from "./example.js";
export { estimateReturns, type ReturnsEstimate, type Position } from "./returns.js";
export { snapshotAtRuntime, type EllipseState } from "./state.js";
export { RootClaims, DEFAULT_ROOT_CLAIMABLE_THRESHOLD, MAX_ROOT_CLAIM_THRESHOLD, MAX_SUBNET_CLAIMS, type RootClaimType, type ClaimPayer, type ClaimResult } from "./root_claim.js";
export { RootClaimCore } from "../bindings/root_claim.js";
export { networkFromVector, vectorBlockState, vectorInputsOf, snapshotFromVector } from "./vector_state.js";
