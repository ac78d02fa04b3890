// Balancer::update_weights_for_added_liquidity (balancer.rs) as adjust_protocol_liquidity runs it:
// the quote weight that keeps the price unchanged when (Δy, Δx) join the reserves (y, x), with
// the chain's saturating u128 products and sum, half-up Perquintill multiplies in U256, and a
// floor Perquintill::from_rational. Refused (returns false) when a weight would fall below 0.01.

import { umul128, wideHi } from "../fixed/wide";
import { bigNew, bigFromU64, bigFromU128, addMag, mulMag, divRemMag, scratchLimbs, blen, bigWord } from "../bigint/big";
import { ACCURACY, MIN_WEIGHT } from "./balancer";

export let newQuote: u64 = 0;
let qHi: u64 = 0, qLo: u64 = 0;

function satMul128(a: u64, bh: u64, bl: u64): void {
  // a (u64) · (bh:bl) with bh <= 1, saturating at u128::MAX
  const lo = umul128(a, bl);
  let hi = wideHi;
  if (bh != 0) {
    const add = a; // bh == 1
    const s = hi + add;
    if (s < hi) { qHi = u64.MAX_VALUE; qLo = u64.MAX_VALUE; return; }
    hi = s;
  }
  qHi = hi; qLo = lo;
}


/** mul_perquintill_round(parts, v) = min((v·parts + 5e17) div 1e18, u128::MAX) into qHi/qLo. */
function mulPerquintillRound(parts: u64, vh: u64, vl: u64): void {
  const prod = bigNew(8);
  mulMag(prod, bigFromU128(vh, vl), bigFromU64(parts));
  addMag(prod, prod, bigFromU64(ACCURACY / 2));
  const q = bigNew(8), r = bigNew(4);
  const den = bigFromU64(ACCURACY);
  divRemMag(q, r, prod, den, scratchLimbs(blen(prod) + 1), scratchLimbs(blen(den)));
  if (blen(q) > 4) { qHi = u64.MAX_VALUE; qLo = u64.MAX_VALUE; return; }
  qHi = bigWord(q, 1); qLo = bigWord(q, 0);
}

export function updateWeights(quote: u64, y: u64, x: u64, dy: u64, dx: u64): bool {
  // new reserves as u128 (at most 2^65 − 2): (carry, low)
  const nxl = x + dx; const nxh: u64 = nxl < x ? 1 : 0;
  const nyl = y + dy; const nyh: u64 = nyl < y ? 1 : 0;
  satMul128(y, nxh, nxl); const a1h = qHi, a1l = qLo;
  satMul128(x, nyh, nyl); const a2h = qHi, a2l = qLo;
  mulPerquintillRound(ACCURACY - quote, a1h, a1l); const q1h = qHi, q1l = qLo;
  mulPerquintillRound(quote, a2h, a2l); const q2h = qHi, q2l = qLo;
  let sl = q1l + q2l;
  const c: u64 = sl < q1l ? 1 : 0;
  const t = q1h + q2h;
  let sh = t + c;
  if (t < q1h || sh < t) { sh = u64.MAX_VALUE; sl = u64.MAX_VALUE; }
  let w: u64;
  if (sh == 0 && sl == 0) w = ACCURACY / 2;
  else {
    const num = bigNew(8);
    mulMag(num, bigFromU128(q2h, q2l), bigFromU64(ACCURACY));
    const den = bigFromU128(sh, sl);
    const q = bigNew(8), r = bigNew(5);
    divRemMag(q, r, num, den, scratchLimbs(blen(num) + 1), scratchLimbs(blen(den)));
    w = bigWord(q, 0);
    if (w > ACCURACY) w = ACCURACY;
  }
  newQuote = w;
  return w >= MIN_WEIGHT && ACCURACY - w >= MIN_WEIGHT;
}
