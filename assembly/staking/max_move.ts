// get_max_amount_move (pallets/subtensor/src/staking/move_stake.rs): the largest alpha that
// swap_stake_limit moves from one subnet to another before the relative price origin/destination
// reaches the limit. Between two dynamic subnets the chain still uses a constant-product
// estimate in U64F64; with a stable or root side it defers to the add/remove maximums.

import { satMulU, safeDivU, uHi, uLo, ltU } from "../fixed/u64f64";
import { PoolState, SwapResult, maxAmount, poolPrice } from "../swap/swap";
import { bHi, bLo } from "../swap/balancer";

/** Returns the maximum (error code in r.error). */
export function maxAmountMove(o: PoolState, oRoot: bool, d: PoolState, dRoot: bool, limitRao: u64, r: SwapResult): u64 {
  r.error = 0;
  const oStable = oRoot || o.mechanism == 0;
  const dStable = dRoot || d.mechanism == 0;
  if (oStable && dStable) return limitRao > 1_000_000_000 ? 0 : u64.MAX_VALUE;
  if (oStable && d.mechanism == 1) {
    if (limitRao == 0) return u64.MAX_VALUE;
    // destination price limit = (1e9 / limit) · 1e9, in U64F64, floored to u64
    safeDivU(1_000_000_000, 0, limitRao, 0);
    satMulU(uHi, uLo, 1_000_000_000, 0);
    return maxAmount(d, true, uHi, dRoot, r);
  }
  if (dStable && o.mechanism == 1) return maxAmount(o, false, limitRao, oRoot, r);

  const t1 = o.tao, t2 = d.tao;
  if (t1 == 0 || t2 == 0) return 0;
  const a1 = o.alpha, a2 = d.alpha;
  if (a1 == 0 || a2 == 0) return 0;
  safeDivU(limitRao, 0, 1_000_000_000, 0);
  const lh = uHi, ll = uLo;
  poolPrice(o); const p1h = bHi, p1l = bLo;
  poolPrice(d);
  safeDivU(p1h, p1l, bHi, bLo);
  if (ltU(uHi, uLo, lh, ll)) return 0; // limit above the current relative price
  if (limitRao == 0) return u64.MAX_VALUE;
  // tao_sum = t1 + t2 as U64F64 (fits: < 2^65 integer part would overflow only past u64 — saturate)
  let sh = t1 + t2; const carry = sh < t1;
  if (carry) sh = u64.MAX_VALUE;
  const sl: u64 = carry ? u64.MAX_VALUE : 0;
  safeDivU(t1, 0, sh, sl); const f1h = uHi, f1l = uLo;
  safeDivU(t2, 0, sh, sl); const f2h = uHi, f2l = uLo;
  satMulU(a2, 0, f1h, f1l);
  safeDivU(uHi, uLo, lh, ll); const xh = uHi, xl = uLo;
  satMulU(a1, 0, f2h, f2l);
  // saturating_sub then the integer part
  if (ltU(xh, xl, uHi, uLo)) return 0;
  return xh - uHi - (xl < uLo ? 1 : 0); // integer part of the difference
}
