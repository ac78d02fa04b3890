// taomath/pool: a subnet's pool and staking as the chain runs them: quotes and limit-price maximums,
// the staking state transitions, the share pool, the registration burn, and the units people type.

export { quoteStake, quoteUnstake, maxAmountForLimit, limitMaximum, quoteStakeBatch, quoteUnstakeBatch, spotPrice, spotPriceOf, validatePool, MAX_PRICE_RAO, MIN_PRICE_RAO, QUOTE_DEFAULT_RUNTIME, type Pool, type Quote, type QuoteOptions, type BatchQuotes } from "./quote.js";
export { EllipseCore, type Ellipse, type EllipseError, type Pool473Input, type Pool473State, type Swap473Outcome, type Swap473Error } from "../bindings/superellipse.js";
export { validateEllipse, type EllipseLike } from "./validate.js";
export { quoteRequestFromJson, quoteResponse, MAX_QUOTE_AMOUNTS, type QuoteRequest, type QuoteResponseJson, type QuoteRowJson } from "./json.js";
export { StakingState, splitTake, DEFAULT_MIN_STAKE, DEFAULT_DELEGATE_TAKE, type StakingError } from "./staking.js";
export { SwapCore, type PoolInput, type PoolState, type SwapOutcome, type SwapError } from "../bindings/swap.js";
export { SharePoolCore, type SafeFloat, type ShareEntry, type SharePoolOp, type SharePoolState, type SharePoolSnapshot } from "../bindings/sharepool.js";
export { BurnCore, type BurnParams, type BurnBlock } from "../bindings/burn.js";
export { parseDecimal, taoToRao, weightToParts, raoToTao } from "../core/units.js";
