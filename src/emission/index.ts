// taomath/emission: block emission for any issuance, halvings, the price EMA, and projections of
// supply over time (with a chart and the JSON the Worker serves).

export { emissionOf, projectEmission, BLOCKS_PER_DAY, BLOCK_SECONDS, type EmissionProjection, type HalvingEvent, type ProjectionOptions } from "./projection.js";
export { EmissionCore, TOTAL_SUPPLY, DEFAULT_BLOCK_EMISSION, DEFAULT_SUBNET_MOVING_ALPHA, DEFAULT_EMA_PRICE_HALVING_BLOCKS, type MovingPriceSubnet, type MovingPriceStep, type PoolAt, type RawProjection } from "../bindings/emission.js";
export { emissionChartSvg } from "./svg.js";
export { emissionRequestFromQuery, emissionResponse, MAX_EMISSION_YEARS, type EmissionRequest, type EmissionResponseJson } from "./json.js";
