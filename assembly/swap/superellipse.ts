// The runtime-473 pool curve: a translated superellipse of exponent two
// (pallets/swap/src/pallet/superellipse.rs, RaoFoundation/subtensor 0249a4a4). With reserves
// (alpha, tao) the coordinates are X = center_alpha − alpha·2^32 and Y = center_tao − tao·2^32,
// the invariant X²b² + Y²a² = K (a = alpha_scale, b = tao_scale), the spot price b²X / (a²Y).
// Every product is checked 512-bit arithmetic (assembly/bigint/u512.ts); the order of the checks
// is the chain's, so the same EllipseError comes back. Results: u64 returns, the U64F64 price in
// pHi/pLo, the error in eErr (E_OK when none).

import {
  w512, w512U64, w512U128, mulC, addC, subC, shlC, shr, divC, cmp512, isZero512, fitsU128,
  fitsU64, word512, sqrtFloor, toF64, addF64, newtonDown,
} from "../bigint/u512";
import { smark, srelease } from "../bigint/scratch";
import { fastPayout, fastQuotient128, quoHi, quoLo } from "./superellipse_payout";
import { mulMag, shlMag, bigSetU128 } from "../bigint/big";

export const E_OK: i32 = 0;
export const E_INVALID: i32 = 1;      // InvalidParameters
export const E_OVERFLOW: i32 = 2;     // Overflow
export const E_DOMAIN: i32 = 3;       // OutsideDomain
export const E_INSUFFICIENT: i32 = 4; // InsufficientReserves

export let eErr: i32 = 0;
export let pHi: u64 = 0;
export let pLo: u64 = 0;

const WEIGHT_SCALE: u64 = 1_000_000_000_000_000_000;

/** The `SwapSuperellipse` storage value: u128 scales, i128 centers (two's complement hi/lo). */
export class Ellipse {
  aHi: u64 = 0; aLo: u64 = 0;
  bHi: u64 = 0; bLo: u64 = 0;
  caHi: u64 = 0; caLo: u64 = 0;
  ctHi: u64 = 0; ctLo: u64 = 0;
  /** a² and b² (never overflow: each scale is below 2^128), made by prepare(); the ellipse's own
   * buffers (heap, with the object), so they outlive every scratch mark */
  a2: usize = newSquare(); b2: usize = newSquare();
  /** the same as doubles (for estimates only) */
  a2F: f64 = 0; b2F: f64 = 0;
  /** the scales a2/b2 were made from (valid when prepared) */
  sqAHi: u64 = 0; sqALo: u64 = 0; sqBHi: u64 = 0; sqBLo: u64 = 0;
  prepared: bool = false;
}

/** Room for a square below 2^256 as a Big (8 limbs, with headroom as elsewhere). */
const SQ_BYTES: usize = 16 + 12 * 4;
function newSquare(): usize {
  const p = heap.alloc(SQ_BYTES);
  store<u64>(p, 0); store<u64>(p, 12, 8);
  return p;
}
const SQ_T = memory.data(16 + 8 * 4, 16);

/**
 * Squares of the scales (the chain recomputes them; the values are the same). Made again only
 * when a scale changed since the last prepare() of this ellipse (a pool's scales stay fixed while
 * its centers move).
 */
export function prepare(e: Ellipse): void {
  if (e.prepared && e.sqAHi == e.aHi && e.sqALo == e.aLo && e.sqBHi == e.bHi && e.sqBLo == e.bLo) return;
  bigSetU128(SQ_T, e.aHi, e.aLo); mulMag(e.a2, SQ_T, SQ_T);
  bigSetU128(SQ_T, e.bHi, e.bLo); mulMag(e.b2, SQ_T, SQ_T);
  e.a2F = toF64(e.a2); e.b2F = toF64(e.b2);
  e.sqAHi = e.aHi; e.sqALo = e.aLo; e.sqBHi = e.bHi; e.sqBLo = e.bLo;
  e.prepared = true;
}

export function copyEllipse(d: Ellipse, s: Ellipse): void {
  d.aHi = s.aHi; d.aLo = s.aLo; d.bHi = s.bHi; d.bLo = s.bLo;
  d.caHi = s.caHi; d.caLo = s.caLo; d.ctHi = s.ctHi; d.ctLo = s.ctLo;
  memory.copy(d.a2, s.a2, SQ_BYTES); memory.copy(d.b2, s.b2, SQ_BYTES);
  d.a2F = s.a2F; d.b2F = s.b2F;
  d.sqAHi = s.sqAHi; d.sqALo = s.sqALo; d.sqBHi = s.sqBHi; d.sqBLo = s.sqBLo;
  d.prepared = s.prepared;
}

// @ts-ignore: decorator
@inline function fail(code: i32): u64 { eErr = code; return 0; }

/** from_weights: a = ⌊alpha·(w·2^33)/10^18⌋, b = ⌊tao·((10^18−w)·2^33)/10^18⌋, centers reserve·2^32 + scale. */
export function fromWeights(alpha: u64, tao: u64, weight: u64, e: Ellipse): void {
  eErr = E_OK;
  if (weight > WEIGHT_SCALE) weight = WEIGHT_SCALE; // Perquintill::from_parts saturates
  if (alpha == 0 || tao == 0 || weight == 0 || weight >= WEIGHT_SCALE) { eErr = E_INVALID; return; }
  const scale = w512U64(WEIGHT_SCALE);
  const t = w512(), a = w512(), b = w512();
  mulC(t, w512U64(alpha), w512U128(weight >> 31, weight << 33));
  divC(a, t, scale);
  const rest = WEIGHT_SCALE - weight;
  mulC(t, w512U64(tao), w512U128(rest >> 31, rest << 33));
  divC(b, t, scale);
  // both stay below 2^97, so narrow() cannot fail
  if (isZero512(a) || isZero512(b)) { eErr = E_INVALID; return; }
  e.aLo = word512(a, 0); e.aHi = word512(a, 1);
  e.bLo = word512(b, 0); e.bHi = word512(b, 1);
  // reserve·2^32 + scale stays below 2^98: no i128 overflow
  let lo = alpha << 32, hi = alpha >> 32;
  let s = lo + e.aLo; e.caHi = hi + e.aHi + (s < lo ? 1 : 0); e.caLo = s;
  lo = tao << 32; hi = tao >> 32;
  s = lo + e.bLo; e.ctHi = hi + e.bHi + (s < lo ? 1 : 0); e.ctLo = s;
  prepare(e);
}

/** from_price: the weight ⌊tao·2^64·10^18 / (tao·2^64 + alpha·price)⌋ parts, then from_weights. */
export function fromPrice(alpha: u64, tao: u64, priceHi: u64, priceLo: u64, e: Ellipse): void {
  eErr = E_OK;
  if (alpha == 0 || tao == 0 || (priceHi == 0 && priceLo == 0)) { eErr = E_INVALID; return; }
  const taoScaled = w512U128(tao, 0);
  const px = w512(), total = w512(), t = w512(), parts = w512();
  mulC(px, w512U64(alpha), w512U128(priceHi, priceLo));
  addC(total, taoScaled, px);
  mulC(t, taoScaled, w512U64(WEIGHT_SCALE));
  divC(parts, t, total);
  if (!fitsU64(parts)) { eErr = E_OVERFLOW; return; }
  fromWeights(alpha, tao, word512(parts, 0), e);
}

let cx: usize = 0;
let cy: usize = 0;

/** i128 c − v·2^32 for a u64 v; false on i128 overflow. Result in subHi/subLo. */
let subHi: u64 = 0, subLo: u64 = 0;
function centerMinus(cHi: u64, cLo: u64, v: u64): bool {
  const bLo = v << 32, bHi = v >> 32;
  subLo = cLo - bLo;
  subHi = cHi - bHi - (cLo < bLo ? 1 : 0);
  return !(<i64>cHi < 0 && <i64>subHi >= 0);
}

let xHi: u64 = 0, xLo: u64 = 0, yHi: u64 = 0, yLo: u64 = 0;

/** coordinates() as u128 words: X and Y into xHi/xLo, yHi/yLo (no allocation). */
function coordinateWords(e: Ellipse, alpha: u64, tao: u64): bool {
  if ((e.aHi | e.aLo) == 0 || (e.bHi | e.bLo) == 0) { eErr = E_INVALID; return false; }
  if (!centerMinus(e.caHi, e.caLo, alpha)) { eErr = E_OVERFLOW; return false; }
  xHi = subHi; xLo = subLo;
  if (!centerMinus(e.ctHi, e.ctLo, tao)) { eErr = E_OVERFLOW; return false; }
  yHi = subHi; yLo = subLo;
  if (<i64>xHi < 0 || (xHi | xLo) == 0 || <i64>yHi < 0 || (yHi | yLo) == 0) { eErr = E_DOMAIN; return false; }
  return true;
}

/** coordinates(): X and Y into cx/cy. */
export function coordinates(e: Ellipse, alpha: u64, tao: u64): bool {
  if (!coordinateWords(e, alpha, tao)) return false;
  cx = w512U128(xHi, xLo);
  cy = w512U128(yHi, yLo);
  return true;
}

// A one-entry memo per pure function: a swap step and a batch of quotes ask for the same
// current price and the same largest input again and again. Keys are the ellipse's field values
// and the arguments, so a hit returns exactly what the computation would.
let mKeyA: u64 = 0, mKeyB: u64 = 0, mKeyC: u64 = 0, mKeyD: u64 = 0;
// (static data, not heap objects: the host's reset() drops the heap)
function ellipseKeyMatches(e: Ellipse, k: usize): bool {
  return load<u64>(k) == e.aHi && load<u64>(k, 8) == e.aLo && load<u64>(k, 16) == e.bHi && load<u64>(k, 24) == e.bLo
    && load<u64>(k, 32) == e.caHi && load<u64>(k, 40) == e.caLo && load<u64>(k, 48) == e.ctHi && load<u64>(k, 56) == e.ctLo;
}
function setEllipseKey(e: Ellipse, k: usize): void {
  store<u64>(k, e.aHi); store<u64>(k, e.aLo, 8); store<u64>(k, e.bHi, 16); store<u64>(k, e.bLo, 24);
  store<u64>(k, e.caHi, 32); store<u64>(k, e.caLo, 40); store<u64>(k, e.ctHi, 48); store<u64>(k, e.ctLo, 56);
}
// two entries for the price (a swap step asks for the current price between post-trade prices)
const priceKey = memory.data(64);
let priceMemo = false, priceErr: i32 = 0, priceHi: u64 = 0, priceLo: u64 = 0;
const priceKey2 = memory.data(64);
let priceMemo2 = false, priceErr2: i32 = 0, priceHi2: u64 = 0, priceLo2: u64 = 0, mKeyA2: u64 = 0, mKeyB2: u64 = 0;
const maxKey = memory.data(64);
let maxMemo = false, maxErr: i32 = 0, maxVal: u64 = 0, maxBuy = false;

/** calculate_price: ⌊b²·X·2^64 / (a²·Y)⌋ into pHi/pLo. */
export function calculatePrice(e: Ellipse, alpha: u64, tao: u64): void {
  if (priceMemo && alpha == mKeyA && tao == mKeyB && ellipseKeyMatches(e, priceKey)) {
    eErr = priceErr; pHi = priceHi; pLo = priceLo;
    return;
  }
  if (priceMemo2 && alpha == mKeyA2 && tao == mKeyB2 && ellipseKeyMatches(e, priceKey2)) {
    eErr = priceErr2; pHi = priceHi2; pLo = priceLo2;
    return;
  }
  if (!priceTableHit(e, alpha, tao)) priceFresh(e, alpha, tao);
  // the newer entry moves to the second slot, the fresh result takes the first
  priceMemo2 = priceMemo; mKeyA2 = mKeyA; mKeyB2 = mKeyB; memory.copy(priceKey2, priceKey, 64);
  priceErr2 = priceErr; priceHi2 = priceHi; priceLo2 = priceLo;
  priceMemo = true; mKeyA = alpha; mKeyB = tao; setEllipseKey(e, priceKey);
  priceErr = eErr; priceHi = pHi; priceLo = pLo;
}

// Behind the two entries, a direct-mapped table of kept prices keyed by every input word: the
// coinbase prices each subnet's pool after its liquidity adjustment, and asks for that same price
// again (the moving price, the next block's terms and chain buy) with all other subnets' pools in
// between. Only prices a caller keeps (keepPrice) enter it, so one-off prices (a swap's
// post-trade price) do not evict them. A hit returns exactly what priceFresh would.
const PT_SETS: u64 = 128, PT_WAYS: usize = 4;
const PT_STRIDE: usize = 104; // alpha, tao, 8 ellipse words, err + 1 (0: empty), price hi, lo
const PRICE_TABLE = memory.data(<i32>(<usize>PT_SETS * PT_WAYS * PT_STRIDE), 16);
const PT_NEXT = memory.data(<i32>PT_SETS); // per set: the way the next new entry replaces
let ptSet: usize = 0;

// @ts-ignore: decorator
@inline function priceTableHit(e: Ellipse, alpha: u64, tao: u64): bool {
  return keptPrice(e.aHi, e.aLo, e.bHi, e.bLo, e.caHi, e.caLo, e.ctHi, e.ctLo, alpha, tao);
}

/**
 * The kept price of the ellipse with these field words at (alpha, tao), into eErr and pHi/pLo;
 * false when none is kept (nothing changed then).
 */
export function keptPrice(aHi: u64, aLo: u64, bHi: u64, bLo: u64, caHi: u64, caLo: u64, ctHi: u64, ctLo: u64, alpha: u64, tao: u64): bool {
  let h = (alpha * 0x9E3779B97F4A7C15) ^ (tao * 0xC2B2AE3D27D4EB4F) ^ (caLo * 0x165667B19E3779F9) ^ (ctLo * 0x27D4EB2F165667C5) ^ aLo ^ bHi;
  h ^= h >> 29; h *= 0xBF58476D1CE4E5B9; h ^= h >> 32;
  ptSet = <usize>(h & (PT_SETS - 1));
  let m = PRICE_TABLE + ptSet * PT_WAYS * PT_STRIDE;
  for (let w: usize = 0; w < PT_WAYS; w++, m += PT_STRIDE) {
    if (load<u64>(m, 80) == 0 || load<u64>(m) != alpha || load<u64>(m, 8) != tao) continue;
    if (load<u64>(m, 16) != aHi || load<u64>(m, 24) != aLo || load<u64>(m, 32) != bHi || load<u64>(m, 40) != bLo
      || load<u64>(m, 48) != caHi || load<u64>(m, 56) != caLo || load<u64>(m, 64) != ctHi || load<u64>(m, 72) != ctLo) continue;
    eErr = <i32>(load<u64>(m, 80) - 1); pHi = load<u64>(m, 88); pLo = load<u64>(m, 96);
    return true;
  }
  return false;
}

/** calculatePrice(e, alpha, tao), the result kept in the table. */
export function keepPrice(e: Ellipse, alpha: u64, tao: u64): void {
  calculatePrice(e, alpha, tao);
  if (priceTableHit(e, alpha, tao)) return;
  const way = <usize>load<u8>(PT_NEXT + ptSet);
  store<u8>(PT_NEXT + ptSet, <u8>((way + 1) & (PT_WAYS - 1)));
  const m = PRICE_TABLE + (ptSet * PT_WAYS + way) * PT_STRIDE;
  store<u64>(m, alpha); store<u64>(m, tao, 8); setEllipseKey(e, m + 16);
  store<u64>(m, <u64>eErr + 1, 80); store<u64>(m, pHi, 88); store<u64>(m, pLo, 96);
}

// calculate_price's operands in static memory: b²·X·2^64 < 2^447 and a²·Y < 2^383
const PF_X = memory.data(16 + 36 * 4, 16);
const PF_Y = memory.data(16 + 36 * 4, 16);
const PF_NUM = memory.data(16 + 36 * 4, 16);
const PF_DEN = memory.data(16 + 36 * 4, 16);

// The price is a function of the scales and the coordinates alone, and translate_liquidity moves
// the centers and the reserves by the same amounts: the price after a liquidity adjustment is the
// price the chain buy's step just computed at the same coordinates. One entry keyed by those words.
let cmValid = false, cmErr: i32 = 0, cmHi: u64 = 0, cmLo: u64 = 0;
let cmAHi: u64 = 0, cmALo: u64 = 0, cmBHi: u64 = 0, cmBLo: u64 = 0, cmXHi: u64 = 0, cmXLo: u64 = 0, cmYHi: u64 = 0, cmYLo: u64 = 0;

function priceFresh(e: Ellipse, alpha: u64, tao: u64): void {
  eErr = E_OK;
  if (!coordinateWords(e, alpha, tao)) return;
  if (cmValid && xHi == cmXHi && xLo == cmXLo && yHi == cmYHi && yLo == cmYLo
    && e.aHi == cmAHi && e.aLo == cmALo && e.bHi == cmBHi && e.bLo == cmBLo) {
    eErr = cmErr; pHi = cmHi; pLo = cmLo;
    return;
  }
  priceAt(e);
  cmValid = true; cmErr = eErr; cmHi = pHi; cmLo = pLo;
  cmAHi = e.aHi; cmALo = e.aLo; cmBHi = e.bHi; cmBLo = e.bLo; cmXHi = xHi; cmXLo = xLo; cmYHi = yHi; cmYLo = yLo;
}

/** calculate_price at the coordinates in xHi/xLo, yHi/yLo (checked by coordinateWords). */
function priceAt(e: Ellipse): void {
  // no product can reach 2^512 (a, b < 2^128, 0 < X, Y < 2^127) and a²·Y > 0: the chain's checks
  // cannot fail, so the quotient alone decides, from exact products where it is certainly a u128
  bigSetU128(PF_X, xHi, xLo); bigSetU128(PF_Y, yHi, yLo);
  mulMag(PF_NUM, e.b2, PF_X); shlMag(PF_NUM, PF_NUM, 64);
  mulMag(PF_DEN, e.a2, PF_Y);
  if (fastQuotient128(PF_NUM, PF_DEN)) { pHi = quoHi; pLo = quoLo; return; }
  priceWide(e);
}

/** priceFresh's general path (coordinates already checked), in checked 512-bit arithmetic as the chain runs it. */
function priceWide(e: Ellipse): void {
  cx = w512U128(xHi, xLo);
  cy = w512U128(yHi, yLo);
  const num = w512(), den = w512(), q = w512();
  if (!mulC(num, e.b2, cx) || !shlC(num, num, 64) || !mulC(den, e.a2, cy)) { eErr = E_OVERFLOW; return; }
  if (!divC(q, num, den)) { eErr = E_INVALID; return; }
  if (!fitsU128(q)) { eErr = E_OVERFLOW; return; }
  pLo = word512(q, 0); pHi = word512(q, 1);
}

/**
 * buy_output (buy: exact TAO in, alpha out) and sell_output (alpha in, TAO out): the new input
 * coordinate is c − input·2^32 (> 0), the output coordinate ⌊√(o² + ⌊(c−c')(c+c')·s_in²/s_out²⌋)⌋,
 * the payout ⌊(o' − o)/2^32⌋.
 */
export function tradeOutput(e: Ellipse, alpha: u64, tao: u64, input: u64, buy: bool, chainPath: bool = false): u64 {
  eErr = E_OK;
  const inRes = buy ? tao : alpha, outRes = buy ? alpha : tao;
  if (inRes + input < inRes) return fail(E_OVERFLOW);
  if (!coordinateWords(e, alpha, tao)) return 0;
  if (input == 0) return 0;
  const cHi = buy ? yHi : xHi, cLo = buy ? yLo : xLo;
  // the input coordinate must stay positive: input·2^32 < c
  const stepHi = input >> 32, stepLo = input << 32;
  if (stepHi > cHi || (stepHi == cHi && stepLo >= cLo)) return fail(E_DOMAIN);
  if (chainPath) return tradeOutputWide(e, input, buy, outRes);
  const fast = buy
    ? fastPayout(xHi, xLo, yHi, yLo, input, e.a2, e.b2, e.a2F, e.b2F)
    : fastPayout(yHi, yLo, xHi, xLo, input, e.b2, e.a2, e.b2F, e.a2F);
  if (fast >= 0) return <u64>fast > outRes ? fail(E_INSUFFICIENT) : <u64>fast;
  return tradeOutputWide(e, input, buy, outRes);
}

/** tradeOutput's general path, in checked 512-bit arithmetic as the chain runs it. */
function tradeOutputWide(e: Ellipse, input: u64, buy: bool, outRes: u64): u64 {
  cx = w512U128(xHi, xLo);
  cy = w512U128(yHi, yLo);
  const c = buy ? cy : cx, o = buy ? cx : cy;
  const sIn2 = buy ? e.a2 : e.b2, sOut2 = buy ? e.b2 : e.a2;
  // the input coordinate falls by input·2^32 (exactly the chain's U512 product)
  const step = w512U128(input >> 32, input << 32);
  if (cmp512(step, c) >= 0) return fail(E_DOMAIN);
  const c2 = w512();
  subC(c2, c, step);
  // (c − c') is the step itself: the chain's subtraction gives exactly this value
  const s = w512(), gain = w512(), t = w512(), q = w512(), o2 = w512();
  if (!addC(s, c, c2)) return fail(E_OVERFLOW);
  if (!mulC(gain, step, s)) return fail(E_OVERFLOW);
  if (!mulC(t, gain, sIn2)) return fail(E_OVERFLOW);
  if (!divC(q, t, sOut2)) return fail(E_INVALID);
  if (!mulC(o2, o, o)) return fail(E_OVERFLOW);
  if (!addC(o2, o2, q)) return fail(E_OVERFLOW);
  // floor(√(o² + q)) by Newton from just above the root: o + δ with δ = q / (√(o² + q) + o)
  // in doubles, widened so that the start is never below the floor root (any such start gives
  // the chain's exact result)
  const no = w512();
  const oF = toF64(o), qF = toF64(q);
  const delta = qF / (Math.sqrt(oF * oF + qF) + oF);
  const start = w512();
  addF64(start, o, delta * (1.0 + 1.0 / 1099511627776.0) + 2.0);
  newtonDown(no, o2, start);
  if (!subC(no, no, o)) return fail(E_OVERFLOW);
  shr(no, no, 32);
  if (!fitsU128(no)) return fail(E_OVERFLOW);
  if (!fitsU64(no) || word512(no, 0) > outRes) return fail(E_INSUFFICIENT);
  return word512(no, 0);
}

/**
 * max_input: the largest input keeping at least `floor` on the output side. A rounded payout
 * stays within the reserve r' = reserve − floor iff T < (o + (r'+1)·2^32)², so the smallest
 * excluded input coordinate is found from one square root; also capped at u64::MAX − input reserve.
 */
export function maxInput(e: Ellipse, alpha: u64, tao: u64, buy: bool, floor: u64): u64 {
  if (maxMemo && alpha == mKeyC && tao == mKeyD && buy == maxBuy && floor == maxFloor && ellipseKeyMatches(e, maxKey)) {
    eErr = maxErr;
    return maxVal;
  }
  const v = maxInputFresh(e, alpha, tao, buy, floor);
  maxMemo = true; mKeyC = alpha; mKeyD = tao; maxBuy = buy; maxFloor = floor; setEllipseKey(e, maxKey);
  maxErr = eErr; maxVal = v;
  return v;
}
let maxFloor: u64 = 0;

function maxInputFresh(e: Ellipse, alpha: u64, tao: u64, buy: bool, floor: u64): u64 {
  eErr = E_OK;
  if (!coordinates(e, alpha, tao)) return 0;
  const coord = buy ? cy : cx, oc = buy ? cx : cy;
  const sIn2 = buy ? e.a2 : e.b2, sOut2 = buy ? e.b2 : e.a2;
  const outRes = buy ? alpha : tao;
  const capacity = u64.MAX_VALUE - (buy ? tao : alpha);
  if (floor > outRes) return fail(E_INSUFFICIENT);
  const r = outRes - floor;
  const r1Lo = r + 1, r1Hi: u64 = r1Lo == 0 ? 1 : 0;
  const allowance = w512U128(r1Hi, r1Lo);
  if (!shlC(allowance, allowance, 32)) return fail(E_OVERFLOW);
  const twice = w512(), sum = w512(), headroom = w512(), cc = w512(), initial = w512(), bound = w512();
  if (!shlC(twice, oc, 1)) return fail(E_OVERFLOW);
  if (!addC(sum, twice, allowance)) return fail(E_OVERFLOW);
  if (!mulC(headroom, allowance, sum)) return fail(E_OVERFLOW);
  if (!mulC(cc, coord, coord)) return fail(E_OVERFLOW);
  if (!mulC(initial, cc, sIn2)) return fail(E_OVERFLOW);
  if (!mulC(bound, headroom, sOut2)) return fail(E_OVERFLOW);
  const minimum = w512U64(1);
  if (cmp512(initial, bound) >= 0) {
    const diff = w512(), q = w512();
    if (!subC(diff, initial, bound)) return fail(E_OVERFLOW);
    if (!divC(q, diff, sIn2)) return fail(E_INVALID);
    sqrtFloor(minimum, q);
    if (!addC(minimum, minimum, w512U64(1))) return fail(E_OVERFLOW);
  }
  const room = w512();
  if (!subC(room, coord, minimum)) return fail(E_DOMAIN);
  shr(room, room, 32);
  // room < 2^96 always fits u128
  if (!fitsU64(room)) return capacity;
  const amount = word512(room, 0);
  return amount < capacity ? amount : capacity;
}

/**
 * Whether `input` ≤ maxInput(e, alpha, tao, buy, floor) and that maxInput succeeds, decided in
 * doubles with a proved margin; false also when undecided (the caller then runs maxInput).
 *
 * maxInput's bound is m0 = ⌊√⌊(C²A − bound)/A⌋⌋ = max{m : m²A ≤ C²A − bound}, bound = W(2O + W)B,
 * W = (r + 1)·2^32, and room = ⌊(C − 1 − m0)/2^32⌋. With the real m* = √(C² − X), X = bound/A,
 * m0 ≤ m*, so room > (C − m*)/2^32 − 2 = X/(C + m*)/2^32 − 2. The doubles of C, O, A, B are within
 * 2^-52 of their values; X comes within 2^-48, C² − X within 2^-48·C² absolutely once X < C²(1 − 2^-40),
 * so √ and C + m* within 2^-24 relatively, and the estimate of X/(C + m*) within 2^-20: an input at
 * most that estimate·(1 − 2^-16) − 2 is at most room. When X > C²(1 + 2^-40) instead, C²A < bound and
 * room = ⌊(C − 1)/2^32⌋, compared exactly. Nothing on this path can fail: C, O < 2^127,
 * A, B < 2^256 keep every product below 2^512, and m0 < C (bound > 0) keeps the domain.
 */
export function inputWithinMax(e: Ellipse, alpha: u64, tao: u64, buy: bool, floor: u64, input: u64): bool {
  const outRes = buy ? alpha : tao;
  if (floor > outRes) return false;
  if (input > u64.MAX_VALUE - (buy ? tao : alpha)) return false; // past the capacity cap
  if (!coordinateWords(e, alpha, tao)) { eErr = E_OK; return false; }
  const cF = buy ? <f64>yHi * 18446744073709551616.0 + <f64>yLo : <f64>xHi * 18446744073709551616.0 + <f64>xLo;
  const oF = buy ? <f64>xHi * 18446744073709551616.0 + <f64>xLo : <f64>yHi * 18446744073709551616.0 + <f64>yLo;
  const aF = buy ? e.a2F : e.b2F, bF = buy ? e.b2F : e.a2F;
  const wF = (<f64>(outRes - floor) + 1.0) * 4294967296.0;
  const xF = wF * (2.0 * oF + wF) * bF / aF;
  const c2 = cF * cF;
  if (xF > c2 * (1.0 + 9.094947017729282e-13)) {
    // X > C² for certain (2^-40 ≫ the doubles' error): initial < bound, so the bound is the
    // domain's, minimum = 1 and room = ⌊(C − 1)/2^32⌋ exactly (room ≥ 2^64: the capacity, checked)
    const cHi = buy ? yHi : xHi, cLo = buy ? yLo : xLo;
    const mHi = cHi - (cLo == 0 ? 1 : 0), mLo = cLo - 1;
    return (mHi >> 32) != 0 || input <= ((mHi << 32) | (mLo >> 32));
  }
  if (!(xF < c2 * (1.0 - 9.094947017729282e-13))) return false; // 2^-40
  const roomF = xF / (cF + Math.sqrt(c2 - xF)) / 4294967296.0;
  return <f64>input <= roomF * (1.0 - 1.52587890625e-5) - 2.0; // 2^-16
}

// @ts-ignore: decorator
@inline function leP(ah: u64, al: u64, bh: u64, bl: u64): bool { return ah < bh || (ah == bh && al <= bl); }

/**
 * The search predicate of quote_delta_to_price (buy) / base_delta_to_price (sell) at `input`:
 * 1 when the actual post-trade price (after the rounded payout) is ≤ target (buy) / ≥ target
 * (sell), 0 when not (for a buy an unrepresentable price counts as not), −1 on an error (eErr).
 */
function limitPredicate(e: Ellipse, alpha: u64, tao: u64, tHi: u64, tLo: u64, buy: bool, input: u64): i32 {
  const mark = smark();
  const out = tradeOutput(e, alpha, tao, input, buy);
  let r: i32;
  if (eErr != E_OK) r = -1;
  else if (buy) {
    if (out > alpha || tao + input < tao) { eErr = E_OVERFLOW; r = -1; }
    else {
      calculatePrice(e, alpha - out, tao + input);
      if (eErr == E_OVERFLOW) { eErr = E_OK; r = 0; }
      else if (eErr != E_OK) r = -1;
      else r = leP(pHi, pLo, tHi, tLo) ? 1 : 0;
    }
  } else {
    if (alpha + input < alpha || out > tao) { eErr = E_OVERFLOW; r = -1; }
    else {
      calculatePrice(e, alpha + input, tao - out);
      if (eErr != E_OK) r = -1;
      else r = leP(tHi, tLo, pHi, pLo) ? 1 : 0;
    }
  }
  srelease(mark);
  return r;
}

/** The chain's bisection (last_true) over [low, high], with pred(low) known to hold. */
function bisect(e: Ellipse, alpha: u64, tao: u64, tHi: u64, tLo: u64, buy: bool, low: u64, high: u64): u64 {
  while (low < high) {
    const span = high - low;
    const mid = low + (span >> 1) + (span & 1);
    const ok = limitPredicate(e, alpha, tao, tHi, tLo, buy, mid);
    if (ok < 0) return 0;
    if (ok == 1) low = mid; else high = mid - 1;
  }
  eErr = E_OK;
  return low;
}

/**
 * quote_delta_to_price (buy) / base_delta_to_price (sell): the largest input in [0, max input]
 * whose actual post-trade price is ≤ target (buy) or ≥ target (sell).
 *
 * The chain bisects the whole range (about 60 probes). The post-trade price only rises with a buy
 * input (Y falls, the payout and so X never fall) and only falls with a sell input, so the
 * predicate is true up to one input and false after it, and every search that keeps "true at
 * low, false past high" ends on the same input. This one brackets the answer around the
 * continuous solution of the ellipse for the target price (in doubles) and bisects only the
 * bracket. If a probe meets an error, it reruns the chain's own probe sequence so that the error
 * (or result) is exactly the chain's. The answer does not depend on the order's amount: a batch
 * whose orders all stop at one limit searches once (a one-entry memo keyed like the others).
 */
export function deltaToPrice(e: Ellipse, alpha: u64, tao: u64, tHi: u64, tLo: u64, buy: bool): u64 {
  if (limMemo && alpha == limAlpha && tao == limTao && tHi == limTHi && tLo == limTLo && buy == limBuy && ellipseKeyMatches(e, limKey)) {
    eErr = limErr;
    return limVal;
  }
  const v = deltaToPriceFresh(e, alpha, tao, tHi, tLo, buy);
  limMemo = true; limAlpha = alpha; limTao = tao; limTHi = tHi; limTLo = tLo; limBuy = buy; setEllipseKey(e, limKey);
  limErr = eErr; limVal = v;
  return v;
}
const limKey = memory.data(64);
let limMemo = false, limAlpha: u64 = 0, limTao: u64 = 0, limTHi: u64 = 0, limTLo: u64 = 0, limBuy = false, limErr: i32 = 0, limVal: u64 = 0;

function deltaToPriceFresh(e: Ellipse, alpha: u64, tao: u64, tHi: u64, tLo: u64, buy: bool): u64 {
  calculatePrice(e, alpha, tao);
  if (eErr != E_OK) return 0;
  if (buy ? leP(tHi, tLo, pHi, pLo) : leP(pHi, pLo, tHi, tLo)) return 0;
  const max = maxInput(e, alpha, tao, buy, 0);
  if (eErr != E_OK) return 0;
  if (max == 0) return 0;
  const mark = smark();
  coordinates(e, alpha, tao);
  const x0 = toF64(cx), y0 = toF64(cy), a2 = toF64(e.a2), b2 = toF64(e.b2);
  srelease(mark);
  const target = <f64>tHi + <f64>tLo * 5.421010862427522e-20;
  const k = x0 * x0 * b2 + y0 * y0 * a2;
  let guessF: f64;
  if (buy) guessF = (y0 - Math.sqrt(k / (a2 * (1.0 + target * target * a2 / b2)))) / 4294967296.0;
  else guessF = (x0 - Math.sqrt(k / (b2 * (1.0 + b2 / (target * target * a2))))) / 4294967296.0;
  // the doubles lose about 2^-50 of the coordinate: start the bracket that wide
  let step = <u64>((buy ? y0 : x0) * 8.881784197001252e-16 / 4294967296.0) + 4;
  let guess: u64 = 0;
  if (guessF != guessF || guessF <= 0.0) guess = 0;
  else if (guessF >= <f64>max) guess = max;
  else guess = <u64>guessF;
  let low: u64 = 0, high: u64 = max; // pred(low) holds; the answer is at most high
  let probe = guess;
  // gallop from the guess until a true below and a false above enclose the answer
  let r = probe == 0 ? 1 : limitPredicate(e, alpha, tao, tHi, tLo, buy, probe);
  if (r < 0) return bisect(e, alpha, tao, tHi, tLo, buy, 0, max);
  if (r == 1) {
    low = probe;
    for (;;) {
      if (low >= max) { eErr = E_OK; return max; }
      probe = max - low > step ? low + step : max;
      r = limitPredicate(e, alpha, tao, tHi, tLo, buy, probe);
      if (r < 0) return bisect(e, alpha, tao, tHi, tLo, buy, 0, max);
      if (r == 1) { low = probe; step = step > (u64.MAX_VALUE >> 2) ? u64.MAX_VALUE : step << 2; }
      else { high = probe - 1; break; }
    }
  } else {
    high = probe - 1;
    for (;;) {
      probe = high > step ? high - step : 0;
      if (probe == 0) { low = 0; break; }
      r = limitPredicate(e, alpha, tao, tHi, tLo, buy, probe);
      if (r < 0) return bisect(e, alpha, tao, tHi, tLo, buy, 0, max);
      if (r == 1) { low = probe; break; }
      high = probe - 1;
      step = step > (u64.MAX_VALUE >> 2) ? u64.MAX_VALUE : step << 2;
    }
  }
  const v = bisect(e, alpha, tao, tHi, tLo, buy, low, high);
  if (eErr != E_OK) return bisect(e, alpha, tao, tHi, tLo, buy, 0, max);
  return v;
}

/** The chain's own search, every probe as it runs them (kept for tests and the bench baseline). */
export function deltaToPriceBisect(e: Ellipse, alpha: u64, tao: u64, tHi: u64, tLo: u64, buy: bool): u64 {
  calculatePrice(e, alpha, tao);
  if (eErr != E_OK) return 0;
  if (buy ? leP(tHi, tLo, pHi, pLo) : leP(pHi, pLo, tHi, tLo)) return 0;
  const max = maxInput(e, alpha, tao, buy, 0);
  if (eErr != E_OK) return 0;
  return bisect(e, alpha, tao, tHi, tLo, buy, 0, max);
}

/** base_needed_for_quote: the smallest alpha input whose sell_output reaches `output` (rounded up). */
export function baseNeededForQuote(e: Ellipse, alpha: u64, tao: u64, output: u64): u64 {
  eErr = E_OK;
  if (!coordinates(e, alpha, tao)) return 0;
  if (output == 0) return 0;
  if (output > tao) return fail(E_INSUFFICIENT);
  let high = maxInput(e, alpha, tao, false, 0);
  if (eErr != E_OK) return 0;
  const most = tradeOutput(e, alpha, tao, high, false);
  if (eErr != E_OK) return 0;
  if (most < output) return fail(E_DOMAIN);
  let low: u64 = 0;
  while (low < high) {
    const mid = low + ((high - low) >> 1);
    const mark = smark();
    const got = tradeOutput(e, alpha, tao, mid, false);
    srelease(mark);
    if (eErr != E_OK) return 0;
    if (got >= output) high = mid; else low = mid + 1;
  }
  return low;
}

/** translate_liquidity: both centers move by delta·2^32 (checked i128); false (Overflow) leaves e unchanged. */
export function translateLiquidity(e: Ellipse, alphaDelta: u64, taoDelta: u64): bool {
  eErr = E_OK;
  let lo = alphaDelta << 32, hi = alphaDelta >> 32;
  const aLo = e.caLo + lo;
  const aHi = e.caHi + hi + (aLo < lo ? 1 : 0);
  if (<i64>e.caHi >= 0 && <i64>aHi < 0) { eErr = E_OVERFLOW; return false; }
  lo = taoDelta << 32; hi = taoDelta >> 32;
  const tLo = e.ctLo + lo;
  const tHi = e.ctHi + hi + (tLo < lo ? 1 : 0);
  if (<i64>e.ctHi >= 0 && <i64>tHi < 0) { eErr = E_OVERFLOW; return false; }
  e.caHi = aHi; e.caLo = aLo; e.ctHi = tHi; e.ctLo = tLo;
  return true;
}
