// Per-subnet coinbase terms: subtensor `get_subnet_terms` (run_coinbase.rs) and
// `root_proportion` (block_step.rs), all in U96F32. The TAO that can be injected as
// price-neutral liquidity is capped at root_proportion * alpha_emission alpha; the rest of the
// subnet's TAO emission is excess, spent by the chain on buying alpha from the pool.

import { rHi, rLo, rOverflow, udivFixed, umulFixedSat, uSatAdd128, uSatSub128, uLess128, setR128, setOverflow } from "../fixed/i128";
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
  // a pure function of its four words, asked again with the same ones (the alpha-out split and the
  // RootProp update of a block, the next block's terms): a direct-mapped table keyed by all four
  let h = (alphaIssuance * 0x9E3779B97F4A7C15) ^ (rootTao * 0xC2B2AE3D27D4EB4F) ^ twLo;
  h ^= h >> 31;
  const m = RP_TABLE + <usize>(h & (RP_N - 1)) * RP_STRIDE;
  if (load<u64>(m, 48) != 0 && load<u64>(m) == alphaIssuance && load<u64>(m, 8) == rootTao && load<u64>(m, 16) == twHi && load<u64>(m, 24) == twLo) {
    setR128(load<u64>(m, 32), load<u64>(m, 40));
    if (load<u64>(m, 48) == 2) setOverflow(); // as the division left it (a zero result)
    return;
  }
  rootProportionFresh(rootTao, twHi, twLo, alphaIssuance);
  store<u64>(m, alphaIssuance); store<u64>(m, rootTao, 8); store<u64>(m, twHi, 16); store<u64>(m, twLo, 24);
  store<u64>(m, rHi, 32); store<u64>(m, rLo, 40); store<u64>(m, rOverflow ? 2 : 1, 48);
}
const RP_N: u64 = 256;
const RP_STRIDE: usize = 56; // issuance, root TAO, tao weight hi, lo, result hi, lo, 0 empty / 1 / 2 overflowed
const RP_TABLE = memory.data(<i32>(<usize>RP_N * RP_STRIDE), 16);

function rootProportionFresh(rootTao: u64, twHi: u64, twLo: u64, alphaIssuance: u64): void {
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
