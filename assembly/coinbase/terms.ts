// Per-subnet coinbase terms: subtensor `get_subnet_terms` (run_coinbase.rs) and
// `root_proportion` (block_step.rs), all in U96F32. The TAO that can be injected as
// price-neutral liquidity is capped at root_proportion * alpha_emission alpha; the rest of the
// subnet's TAO emission is excess, spent by the chain on buying alpha from the pool.

import { rHi, rLo, rOverflow, udivFixed, umulFixedSat, uSatAdd128, uSatSub128, uLess128 } from "../fixed/i128";
import { blockEmissionForIssuance } from "./block_emission";
import { ldHi, ldLo, st128, u64f64ToU96f32, u96Hi, u96Lo } from "../fixed/u128";

/** tao_weight = U96F32(TaoWeight) safe_div U96F32(u64::MAX), into rHi/rLo. */
export function taoWeightU96(taoWeight: u64): void {
  udivFixed(u96Hi(taoWeight), u96Lo(taoWeight), u96Hi(u64.MAX_VALUE), u96Lo(u64.MAX_VALUE), 32);
}

/**
 * root_proportion = (root_tao * tw) / (root_tao * tw + alpha_issuance), 0 when undefined,
 * into rHi/rLo. `twHi/twLo` is the U96F32 tao weight.
 */
export function rootProportion(rootTao: u64, twHi: u64, twLo: u64, alphaIssuance: u64): void {
  umulFixedSat(u96Hi(rootTao), u96Lo(rootTao), twHi, twLo, 32);
  const nHi = rHi, nLo = rLo;
  uSatAdd128(nHi, nLo, u96Hi(alphaIssuance), u96Lo(alphaIssuance));
  udivFixed(nHi, nLo, rHi, rLo, 32); // checked_div(..).unwrap_or(0): rHi/rLo are 0 on None
}

/**
 * n subnets. taoEmission: U96F32[n]; alphaIssuance: u64[n] (SubnetAlphaIn + SubnetAlphaOut);
 * price: U64F64[n] spot prices. Writes alphaEmission u64[n], taoIn, alphaIn, excessTao and
 * rootProp (U96F32[n] each).
 */
export function subnetTerms(
  n: i32, taoEmission: usize, alphaIssuance: usize, price: usize, rootTao: u64, taoWeight: u64,
  alphaEmission: usize, taoIn: usize, alphaIn: usize, excessTao: usize, rootProp: usize,
): void {
  taoWeightU96(taoWeight);
  const twHi = rHi, twLo = rLo;
  for (let i = 0; i < n; i++) {
    const issuance = load<u64>(alphaIssuance + (<usize>i << 3));
    const ae = blockEmissionForIssuance(issuance);
    store<u64>(alphaEmission + (<usize>i << 3), ae);
    u64f64ToU96f32(ldHi(price, i), ldLo(price, i));
    const pHi = rHi, pLo = rLo;
    const teHi = ldHi(taoEmission, i), teLo = ldLo(taoEmission, i);
    let tiHi = teHi, tiLo = teLo;
    udivFixed(teHi, teLo, pHi, pLo, 32); // safe_div_or(price, 0)
    let aiHi = rOverflow ? 0 : rHi, aiLo = rOverflow ? 0 : rLo;
    rootProportion(rootTao, twHi, twLo, issuance);
    st128(rootProp, i, rHi, rLo);
    umulFixedSat(rHi, rLo, u96Hi(ae), u96Lo(ae), 32);
    const capHi = rHi, capLo = rLo;
    if (uLess128(capHi, capLo, aiHi, aiLo)) {
      aiHi = capHi; aiLo = capLo;
      umulFixedSat(aiHi, aiLo, pHi, pLo, 32);
      tiHi = rHi; tiLo = rLo;
    }
    uSatSub128(teHi, teLo, tiHi, tiLo);
    st128(excessTao, i, rHi, rLo);
    st128(taoIn, i, tiHi, tiLo);
    st128(alphaIn, i, aiHi, aiLo);
  }
}
