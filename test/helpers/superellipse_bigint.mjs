// A plain JavaScript BigInt restatement of the runtime-473 curve and swap step (superellipse.rs,
// swap_step.rs): the bench's baseline and an independent cross-check of the wasm core. Errors are
// thrown as strings (the chain's variant names). The square root is the chain's Newton iteration
// from 2^ceil(bits/2).

const Q = 1n << 32n;
const W = 10n ** 18n;
const U64 = (1n << 64n) - 1n;
const LIM = 1n << 512n;

const chk = (v) => { if (v >= LIM) throw "Overflow"; return v; };
const bits = (v) => v.toString(2).length;

export function sqrtFloor(v) {
  if (v <= 1n) return v;
  let root = 1n << BigInt((bits(v) + 1) >> 1);
  for (;;) {
    const next = (root + v / root) >> 1n;
    if (next >= root) return root;
    root = next;
  }
}

export function fromWeights(alpha, tao, w) {
  if (w > W) w = W;
  if (alpha === 0n || tao === 0n || w === 0n || w >= W) throw "InvalidParameters";
  const a = (alpha * (w << 33n)) / W, b = (tao * ((W - w) << 33n)) / W;
  if (a === 0n || b === 0n) throw "InvalidParameters";
  return { a, b, ca: (alpha << 32n) + a, ct: (tao << 32n) + b };
}

function coords(e, alpha, tao) {
  if (e.a === 0n || e.b === 0n) throw "InvalidParameters";
  const x = e.ca - (alpha << 32n), y = e.ct - (tao << 32n);
  if (x < -(1n << 127n) || y < -(1n << 127n)) throw "Overflow";
  if (x <= 0n || y <= 0n) throw "OutsideDomain";
  return [x, y];
}

export function price(e, alpha, tao) {
  const [x, y] = coords(e, alpha, tao);
  const q = chk(chk(e.b * e.b * x) << 64n) / chk(e.a * e.a * y);
  if (q >= 1n << 128n) throw "Overflow";
  return q;
}

export function output(e, alpha, tao, input, buy) {
  const inRes = buy ? tao : alpha, outRes = buy ? alpha : tao;
  if (inRes + input > U64) throw "Overflow";
  const [x, y] = coords(e, alpha, tao);
  if (input === 0n) return 0n;
  const c = buy ? y : x, o = buy ? x : y;
  const sIn2 = buy ? e.a * e.a : e.b * e.b, sOut2 = buy ? e.b * e.b : e.a * e.a;
  const c2 = c - input * Q;
  if (c2 <= 0n) throw "OutsideDomain";
  const gain = chk((c - c2) * (c + c2));
  const no = sqrtFloor(chk(chk(o * o) + chk(gain * sIn2) / sOut2));
  const out = (no - o) / Q;
  if (out > outRes) throw "InsufficientReserves";
  return out;
}

export function maxInput(e, alpha, tao, buy, floor) {
  const [x, y] = coords(e, alpha, tao);
  const coord = buy ? y : x, oc = buy ? x : y;
  const sIn2 = buy ? e.a * e.a : e.b * e.b, sOut2 = buy ? e.b * e.b : e.a * e.a;
  const outRes = buy ? alpha : tao, capacity = U64 - (buy ? tao : alpha);
  if (floor > outRes) throw "InsufficientReserves";
  const allowance = (outRes - floor + 1n) * Q;
  const headroom = chk(allowance * chk(2n * oc + allowance));
  const initial = chk(chk(coord * coord) * sIn2), bound = chk(headroom * sOut2);
  const minimum = initial >= bound ? sqrtFloor((initial - bound) / sIn2) + 1n : 1n;
  if (coord < minimum) throw "OutsideDomain";
  const amount = (coord - minimum) / Q;
  return amount < capacity ? amount : capacity;
}

export function deltaToPrice(e, alpha, tao, target, buy) {
  const p = price(e, alpha, tao);
  if (buy ? target <= p : target >= p) return 0n;
  let low = 0n, high = maxInput(e, alpha, tao, buy, 0n);
  while (low < high) {
    const mid = low + (high - low + 1n) / 2n;
    const out = output(e, alpha, tao, mid, buy);
    let ok;
    if (buy) {
      try { ok = price(e, alpha - out, tao + mid) <= target; } catch (err) { if (err !== "Overflow") throw err; ok = false; }
    } else ok = price(e, alpha + mid, tao - out) >= target;
    if (ok) low = mid; else high = mid - 1n;
  }
  return low;
}

/** One simulated 473 swap step on a pool with an ellipse: {paidIn, paidOut, fee} or a thrown pallet error. */
export function simSwap(pool, e, buy, amount, limitRao) {
  const { tao, alpha, feeRate, minimumReserve } = pool;
  const limit = (limitRao << 64n) / 1_000_000_000n;
  let fee = (amount * ((BigInt(feeRate) << 64n) / 65535n)) >> 64n;
  const net = amount - fee;
  const inRes = buy ? tao : alpha, outRes = buy ? alpha : tao;
  if (net > inRes * 1000n) throw "SwapInputTooLarge";
  if (outRes < minimumReserve) throw "ReservesTooLow";
  const oob = (f) => { try { return f(); } catch { throw "ReservesOutOfBalance"; } };
  const cur = (() => { try { return price(e, alpha, tao); } catch { return 0n; } })();
  if (buy ? !(cur < limit) : !(cur > limit)) throw "PriceLimitExceeded";
  const maxIn = oob(() => maxInput(e, alpha, tao, buy, minimumReserve));
  let req = net < maxIn ? net : maxIn;
  let clamped = req < net;
  let reqOut = oob(() => output(e, alpha, tao, req, buy));
  const after = (dIn, dOut) => {
    if (buy ? dOut > alpha : dOut > tao) throw "InsufficientLiquidity";
    return oob(() => (buy ? price(e, alpha - dOut, tao + dIn) : price(e, alpha + dIn, tao - dOut)));
  };
  let target;
  try { target = after(req, reqOut); } catch {
    const lim = oob(() => deltaToPrice(e, alpha, tao, limit, buy));
    if (lim < req) req = lim;
    reqOut = oob(() => output(e, alpha, tao, req, buy));
    clamped = true;
    target = after(req, reqOut);
  }
  let deltaIn = req, recalc = clamped;
  if (!(buy ? target <= limit : target >= limit)) {
    const lim = oob(() => deltaToPrice(e, alpha, tao, limit, buy));
    deltaIn = lim < req ? lim : req;
    recalc = true;
  }
  if (recalc) fee = (deltaIn * ((BigInt(feeRate) << 64n) / (65535n - BigInt(feeRate)))) >> 64n;
  const deltaOut = deltaIn === req ? reqOut : oob(() => output(e, alpha, tao, deltaIn, buy));
  if (deltaIn !== 0n && deltaOut === 0n) throw "ReservesTooLow";
  return { paidIn: deltaIn, paidOut: deltaOut, fee };
}
