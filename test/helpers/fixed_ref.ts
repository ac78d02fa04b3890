// An independent BigInt model of substrate-fixed's unsigned U96F32 / U64F64 operations and of the
// coinbase formulas, written from the spec (economics.md §0.2, §3.2, §4.1, §4.4), used to check the
// wasm core's 128-bit arithmetic (carries, saturation, truncation) on random inputs.

export const U128_MAX = (1n << 128n) - 1n;
const U64_MAX = (1n << 64n) - 1n;

/** floor(a*b / 2^f), saturating at u128::MAX */
export const mul = (a: bigint, b: bigint, f: bigint) => { const p = (a * b) >> f; return p > U128_MAX ? U128_MAX : p; };
/** checked_div: floor((a << f) / b), null on zero divisor or overflow */
export const div = (a: bigint, b: bigint, f: bigint): bigint | null => { if (b === 0n) return null; const q = (a << f) / b; return q > U128_MAX ? null : q; };
export const sdiv = (a: bigint, b: bigint, f: bigint) => div(a, b, f) ?? 0n;
export const sadd = (a: bigint, b: bigint) => (a + b > U128_MAX ? U128_MAX : a + b);
export const ssub = (a: bigint, b: bigint) => (a > b ? a - b : 0n);
export const u96 = (n: bigint) => n << 32n;
export const floor96 = (x: bigint) => { const v = x >> 32n; return v > U64_MAX ? U64_MAX : v; };

export function taoWeight(tw: bigint) { return sdiv(u96(tw), u96(U64_MAX), 32n); }

export function rootProportion(rootTao: bigint, tw: bigint, issuance: bigint) {
  const num = mul(u96(rootTao), taoWeight(tw), 32n);
  return sdiv(num, sadd(num, u96(issuance)), 32n);
}

export function splitAlphaOut(a: bigint, cutEnabled: boolean, cut: bigint, rootTao: bigint, tw: bigint, after: bigint) {
  let x = u96(a), owner = 0n;
  if (cutEnabled) {
    const o = mul(x, sdiv(u96(cut), u96(65535n), 32n), 32n);
    owner = floor96(o);
    x = ssub(x, o);
  }
  const half = 1n << 31n;
  const root = mul(mul(rootProportion(rootTao, tw, after), x, 32n), half, 32n);
  const server = mul(x, half, 32n);
  const validator = ssub(ssub(x, server), root);
  return { owner_cut: owner, server: floor96(server), validator: floor96(validator), root_alpha: floor96(root) };
}

export function terms(taoEmission: bigint, issuance: bigint, spot: bigint, rootTao: bigint, tw: bigint, alphaEmission: bigint) {
  const price = spot >> 32n;
  let taoIn = taoEmission;
  let alphaIn = div(taoEmission, price, 32n) ?? 0n;
  const rp = rootProportion(rootTao, tw, issuance);
  const cap = mul(rp, u96(alphaEmission), 32n);
  if (alphaIn > cap) { alphaIn = cap; taoIn = mul(alphaIn, price, 32n); }
  return { tao_in: taoIn, alpha_in: alphaIn, excess_tao: ssub(taoEmission, taoIn), root_proportion: rp };
}

export function shares(prices: bigint[], burned: bigint[], enabled: boolean[], emission: bigint) {
  const T = prices.reduce(sadd, 0n);
  const s = prices.map((p) => div(p, T, 64n) ?? 0n);
  const w = s.map((x, i) => { let b = burned[i] >> 96n === 0n ? burned[i] << 32n : U128_MAX; if (b > 1n << 64n) b = 1n << 64n; return mul(x, ssub(1n << 64n, b), 64n); });
  const W = w.reduce(sadd, 0n);
  let sh = W > 0n ? w.map((x) => sdiv(x, W, 64n)) : s;
  if (enabled.some((e) => !e)) {
    const E = sh.reduce((acc, x, i) => (enabled[i] ? sadd(acc, x) : acc), 0n);
    sh = sh.map((x, i) => (enabled[i] && E > 0n ? sdiv(x, E, 64n) : 0n));
  }
  return sh.map((x) => ({ share: x, tao_emission: mul(emission << 64n, x, 64n) >> 32n }));
}
