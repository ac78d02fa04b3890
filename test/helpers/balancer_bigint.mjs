// Plain JavaScript BigInt model of the chain's Balancer pool (pallets/swap balancer.rs, swap_step.rs,
// impls.rs) and of safe-bigmath's pow_ratio_scaled. It is the oracle of the property tests and the
// baseline of bench/pool.bench.mjs; the product is the wasm core, not this file.

const U64_MAX = (1n << 64n) - 1n;
const U128_MAX = (1n << 128n) - 1n;
const ACC = 10n ** 18n;
const ONE64 = 1n << 64n;

const bitlen = (x) => (x === 0n ? 0 : x.toString(2).length);
const floorDiv = (a, b) => { const q = a / b; return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q; };
const abs = (x) => (x < 0n ? -x : x);
function roundG(v, g) {
  let q = v / g; const r = v % g;
  if (r !== 0n && abs(r) * 2n >= g) q += r < 0n ? -1n : 1n;
  return q;
}
function gcd(a, b) { while (b !== 0n) { const r = a % b; a = b; b = r; } return a; }

function nthRootRatioFloor(num, den, q) {
  if (q === 0n) return 0n;
  let lo = 0n, hi = 1n;
  while (hi ** q * den <= num) hi <<= 1n;
  while (lo < hi) {
    const mid = (lo + hi + 1n) >> 1n;
    if (mid ** q * den <= num) lo = mid; else hi = mid - 1n;
  }
  return lo;
}

function ln1p(x, S, g, iters) {
  let term = x, res = x, prev = roundG(res, g);
  for (let n = 2; n <= iters; n++) {
    term = floorDiv(term * x, S);
    if (term === 0n) break;
    const nxt = floorDiv(term, BigInt(n));
    if (nxt === 0n) break;
    res = (n % 2 === 0) ? res - nxt : res + nxt;
    const r = roundG(res, g);
    if (abs(nxt) < g || r === prev) break;
    prev = r;
  }
  return res;
}
function expf(x, S, g, iters) {
  let term = S, res = S, prev = roundG(res, g);
  for (let n = 1; n <= iters; n++) {
    term = floorDiv(term * x, S * BigInt(n));
    if (term === 0n) break;
    res += term;
    const r = roundG(res, g);
    if (abs(term) < g || r === prev) break;
    prev = r;
  }
  return res;
}
const ln2Cache = new Map();
function lnBig(v, IP, S, g, ln2, iters) {
  let sh = BigInt(bitlen(v) - 1);
  let m = (v << BigInt(IP)) >> sh;
  if (m >= S + (S >> 1n)) { m >>= 1n; sh += 1n; }
  return ln1p(m - S, S, g, iters) + ln2 * sh;
}

/** safe-bigmath SafeInt::pow_ratio_scaled on non-negative bigints; null for None. */
export function powRatioScaled(bn, bd, en, ed, precision, scale) {
  if (bd === 0n || ed === 0n) return null;
  if (bn === 0n) return 0n;
  if (en === 0n) return scale;
  const g0 = gcd(en, ed);
  if (g0 > 1n) { en /= g0; ed /= g0; }
  if (en <= 1024n && ed <= 1024n) {
    return nthRootRatioFloor(bn ** en * scale ** ed, bd ** en, ed);
  }
  const P = Math.max(precision, 32, bitlen(scale) + 8);
  const IP = P + 24;
  const iters = Math.min(4096, IP + 128);
  const S = 1n << BigInt(IP), T = 1n << BigInt(P), g = 1n << 24n;
  let ln2 = ln2Cache.get(IP);
  if (ln2 === undefined) { ln2 = -ln1p(-(S >> 1n), S, g, iters); ln2Cache.set(IP, ln2); }
  const L = floorDiv((lnBig(bn, IP, S, g, ln2, iters) - lnBig(bd, IP, S, g, ln2, iters)) * en, ed);
  return floorDiv(roundG(expf(L, S, g, iters), g) * scale, T);
}

// ---- U64F64 helpers on raw bits ----
const satMul = (a, b) => { const p = (a * b) >> 64n; return p > U128_MAX ? U128_MAX : p; };
const safeDiv = (a, b) => { if (b === 0n) return 0n; const q = (a << 64n) / b; return q > U128_MAX ? 0n : q; };
const toU64 = (bits) => { const v = bits >> 64n; return v > U64_MAX ? U64_MAX : v; };

export class Pool {
  constructor({ tao, alpha, quote = 500000000000000000n, feeRate = 33, minimumReserve = 1n, initialized = true, mechanism = 1 }) {
    Object.assign(this, { tao, alpha, quote, feeRate, minimumReserve, initialized, mechanism });
  }
  get w1() { return ACC - this.quote; }
  get w2() { return this.quote; }
  price() { return this.mechanism !== 1 ? ONE64 : (this.alpha === 0n ? 0n : priceOf(this.w1, this.w2, this.alpha, this.tao)); }
}

export function priceOf(w1, w2, x, y) { return satMul(safeDiv(w1 << 64n, w2 << 64n), safeDiv(y << 64n, x << 64n)); }

/** Balancer::exp_scaled: U64F64 bits of (r/(r+d))^(en/ed) */
export function expScaled(w1, w2, r, d, baseQuote) {
  const rp = d >= 0n ? (r + d > U64_MAX ? U64_MAX : r + d) : (r + d < 0n ? 0n : r + d);
  if (rp === 0n) return 0n;
  const v = baseQuote ? powRatioScaled(r, rp, w1, w2, 256, ACC) : powRatioScaled(r, rp, w2, w1, 256, ACC);
  if (v === null || v > U64_MAX) return 0n;
  const e = safeDiv(v << 64n, ACC << 64n);
  return d >= 0n && e > ONE64 ? ONE64 : e;
}

export function limitDeltaIn(w, pNum, pDen, reserve) {
  const v = powRatioScaled(pNum, pDen, w, ACC, 1024, ACC);
  if (v === null) return 0n;
  const vc = v > U64_MAX ? U64_MAX : v;
  const f = safeDiv(vc << 64n, ACC << 64n);
  const fm1 = f > ONE64 ? f - ONE64 : 0n;
  return toU64(satMul(reserve << 64n, fm1));
}

const buyOut = (w1, w2, x, y, dy) => { const e = expScaled(w1, w2, y, dy, false); return toU64(satMul(x << 64n, e < ONE64 ? ONE64 - e : 0n)); };
const sellOut = (w1, w2, x, y, dx) => { const e = expScaled(w1, w2, x, dx, true); return toU64(satMul(y << 64n, e < ONE64 ? ONE64 - e : 0n)); };

/** The swap pallet's do_swap (simulate=true semantics unless commit): {ok, error, paidIn, paidOut, fee, feeToAuthor}. */
export function swap(pool, buy, amount, limitRao, dropFees, simulate) {
  const limit = safeDiv(limitRao << 64n, 1000000000n << 64n);
  const rate = dropFees || pool.mechanism !== 1 ? 0n : safeDiv(BigInt(pool.feeRate) << 64n, 65535n << 64n);
  if (pool.mechanism !== 1) return { ok: true, paidIn: amount, paidOut: amount, fee: 0n, feeToAuthor: 0n };
  let fee = toU64(satMul(amount << 64n, rate));
  const net = amount - fee;
  const inRes = buy ? pool.tao : pool.alpha, outRes = buy ? pool.alpha : pool.tao;
  const maxIn = inRes * 1000n > U64_MAX ? U64_MAX : inRes * 1000n;
  if (net > maxIn) return { ok: false, error: "SwapInputTooLarge" };
  if (outRes < pool.minimumReserve) return { ok: false, error: "ReservesTooLow" };
  let quote = pool.initialized ? pool.quote : 500000000000000000n;
  const w1 = ACC - quote, w2 = quote;
  const x = pool.alpha, y = pool.tao;
  const p0 = x === 0n ? 0n : priceOf(w1, w2, x, y);
  if (!(buy ? p0 < limit : p0 > limit)) return { ok: false, error: "PriceLimitExceeded" };
  const conv = (d) => buy ? buyOut(w1, w2, x, y, d) : sellOut(w1, w2, x, y, d);
  const out = conv(net);
  let target;
  if (buy) { const xa = x > out ? x - out : 0n; target = xa === 0n ? 0n : priceOf(w1, w2, xa, y + net > U64_MAX ? U64_MAX : y + net); }
  else { const xa = x + net > U64_MAX ? U64_MAX : x + net; const ya = y > out ? y - out : 0n; target = priceOf(w1, w2, xa, ya); }
  let deltaIn;
  if (buy ? target <= limit : target >= limit) deltaIn = net;
  else {
    deltaIn = buy ? limitDeltaIn(w1, limit, p0, y) : limitDeltaIn(w2, p0, limit, x);
    const fr = dropFees ? 0n : BigInt(pool.feeRate) << 64n;
    fee = toU64(satMul(deltaIn << 64n, safeDiv(fr, (65535n << 64n) - fr)));
  }
  const deltaOut = deltaIn === net ? out : conv(deltaIn);
  if (deltaIn !== 0n && deltaOut === 0n) return { ok: false, error: "ReservesTooLow" };
  if (!simulate && outRes < deltaOut) return { ok: false, error: "InsufficientLiquidity" };
  return { ok: true, paidIn: deltaIn, paidOut: deltaOut, fee, feeToAuthor: deltaIn !== 0n ? fee : 0n, quote };
}

export const constants = { U64_MAX, ACC, ONE64 };

/** get_max_amount_add / get_max_amount_remove. */
export function maxAmount(pool, add, limitRao, isRoot) {
  if (isRoot || pool.mechanism === 0) {
    if (add) return { ok: true, max: limitRao >= 1000000000n ? U64_MAX : 0n };
    return { ok: true, max: limitRao <= 1000000000n ? U64_MAX : 0n };
  }
  const res = add ? pool.tao : pool.alpha;
  const amount = res * 1000n > U64_MAX ? U64_MAX : res * 1000n;
  const r = swap(pool, add, amount, limitRao, false, true);
  if (!r.ok) return r;
  const s = r.paidIn + r.fee;
  return { ok: true, max: s > U64_MAX ? U64_MAX : s };
}

const mulPerqRound = (parts, v) => { const r = (v * parts + ACC / 2n) / ACC; return r > U128_MAX ? U128_MAX : r; };
/** Balancer::update_weights_for_added_liquidity: the new quote weight or null when refused. */
export function updateWeights(quote, y, x, dy, dx) {
  const sat = (v) => (v > U128_MAX ? U128_MAX : v);
  const q1 = mulPerqRound(ACC - quote, sat(y * (x + dx)));
  const q2 = mulPerqRound(quote, sat(x * (y + dy)));
  const qs = sat(q1 + q2);
  const w = qs !== 0n ? (q2 > qs ? ACC : (q2 * ACC) / qs) : ACC / 2n;
  const MIN = ACC / 100n;
  if (w < MIN || ACC - w < MIN) return null;
  return w;
}
