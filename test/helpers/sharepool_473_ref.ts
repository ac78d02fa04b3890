// A plain BigInt model of runtime 473's share pool (primitives/share-pool lib.rs, the 97,226-character
// version) for differential tests of assembly/sharepool/share_pool_473.ts: SafeFloat with U256
// intermediates and i64 exponents, and the pool's update rules, written straight from the Rust.

export interface SF { mantissa: bigint; exponent: bigint }
const ZERO: SF = { mantissa: 0n, exponent: 0n };
const MAX = 10n ** 21n, MIN = 10n ** 20n;
const U256 = (1n << 256n) - 1n, U64 = (1n << 64n) - 1n;
const I64_MIN = -(1n << 63n), I64_MAX = (1n << 63n) - 1n;
const inI64 = (x: bigint) => x >= I64_MIN && x <= I64_MAX;
const satI64 = (x: bigint) => (x > I64_MAX ? I64_MAX : x < I64_MIN ? I64_MIN : x);
const isZero = (a: SF) => a.mantissa === 0n;

export function normalize(m: bigint, e: bigint): SF | null {
  if (m === 0n) return ZERO;
  while (m > MAX) { if (e === I64_MAX) return null; m /= 10n; e += 1n; }
  while (m <= MIN) { if (e === I64_MIN) return null; m *= 10n; e -= 1n; }
  return { mantissa: m, exponent: e };
}
export const fromU64 = (v: bigint): SF => normalize(v, 0n)!;
const cappow10 = (e: bigint) => (e > 22n ? MAX * 10n : 10n ** e);

function align(a: SF, b: SF): [bigint, bigint, bigint] {
  if (a.exponent >= b.exponent) return [a.mantissa, b.mantissa / cappow10(satI64(a.exponent - b.exponent)), a.exponent];
  return [a.mantissa / cappow10(satI64(b.exponent - a.exponent)), b.mantissa, b.exponent];
}
export function add(a: SF, b: SF): SF | null {
  if (isZero(a)) return b;
  if (isZero(b)) return a;
  const [m1, m2, e] = align(a, b);
  return normalize(m1 + m2, e);
}
export function sub(a: SF, b: SF): SF | null {
  if (isZero(a) && isZero(b)) return ZERO;
  if (isZero(a)) return null;
  if (isZero(b)) return a;
  const [m1, m2, e] = align(a, b);
  return normalize(m1 > m2 ? m1 - m2 : 0n, e);
}
export function subExactFloor(a: SF, b: SF): SF | null {
  if (isZero(b)) return a;
  if (isZero(a)) return null;
  const e = a.exponent < b.exponent ? a.exponent : b.exponent;
  const scale = (v: SF): bigint | null => {
    const shift = v.exponent - e;
    if (!inI64(shift)) return null;
    const f = 10n ** shift;
    if (f > U256) return null;
    const p = v.mantissa * f;
    return p > U256 ? null : p;
  };
  const x = scale(a), y = scale(b);
  if (x === null || y === null || x < y) return null;
  return normalize(x - y, e);
}
export function mulDiv(a: SF, b: SF, c: SF): SF | null {
  if (c.mantissa === 0n) return null;
  const s = a.exponent + b.exponent;
  if (!inI64(s)) return null;
  const e = s - c.exponent;
  if (!inI64(e)) return null;
  return normalize((a.mantissa * b.mantissa) / c.mantissa, e);
}
export function gt(a: SF, b: SF): boolean {
  if (isZero(a)) return false;
  if (isZero(b)) return true;
  if (a.exponent === b.exponent) return a.mantissa > b.mantissa;
  if (a.exponent > b.exponent) return a.exponent - b.exponent > 1n ? true : 10n * a.mantissa > b.mantissa;
  return b.exponent - a.exponent > 1n ? false : a.mantissa > 10n * b.mantissa;
}
export function toU64(v: SF): bigint {
  if (v.exponent === 0n) return v.mantissa > U64 ? U64 : v.mantissa;
  const abs = v.exponent < 0n ? -v.exponent : v.exponent;
  const scale = cappow10(abs);
  let q = v.exponent > 0n ? v.mantissa * scale : v.mantissa / scale;
  if (q > U256) q = U256;
  return q > U64 ? U64 : q;
}
const same = (a: SF, b: SF) => a.mantissa === b.mantissa && a.exponent === b.exponent;

/** One hotkey's pool: V, D and the shares (absent keys are not in the map). */
export class RefPool473 {
  V = 0n;
  D: SF = ZERO;
  shares = new Map<number, SF>();

  private setShare(k: number, s: SF) { if (isZero(s)) this.shares.delete(k); else this.shares.set(k, s); }
  private setDenominator(d: SF) { if (isZero(this.D) !== isZero(d)) this.shares.clear(); this.D = d; }
  private share(k: number): SF { return this.shares.get(k) ?? ZERO; }
  private valueFromParts(v: bigint, s: SF, d: SF): bigint | null {
    const q = mulDiv(fromU64(v), s, d);
    if (q === null) return null;
    const x = toU64(q);
    return x < v ? x : v;
  }
  value(k: number): bigint { return this.valueFromParts(this.V, this.share(k), this.D) ?? 0n; }
  private forAll(update: bigint) {
    if (update >= 0n) { const n = this.V + update; this.V = n > U64 ? U64 : n; } else { const m = -update; this.V = this.V > m ? this.V - m : 0n; }
  }
  private spu(mag: bigint, v: bigint, d: SF): SF { return mulDiv(fromU64(mag), d, fromU64(v)) ?? ZERO; }

  updateForOne(k: number, update: bigint, v: bigint = this.V, dIn: SF = this.D) {
    const mag = update < 0n ? -update : update;
    let d = dIn;
    if (update > 0n && v === 0n && !isZero(d)) { this.setDenominator(ZERO); d = ZERO; }
    if (isZero(d)) {
      if (update > 0n) { const f = fromU64(mag); this.setDenominator(f); this.setShare(k, f); }
    } else {
      const cur = this.share(k);
      const p = this.spu(mag, v, d);
      let nd: SF, ns: SF;
      if (update > 0n) {
        nd = add(d, p) ?? d;
        const gain = subExactFloor(nd, d) ?? sub(nd, d) ?? ZERO;
        ns = add(cur, gain) ?? cur;
      } else {
        nd = sub(d, p) ?? d;
        const loss = subExactFloor(d, nd) ?? sub(d, nd) ?? ZERO;
        if (gt(loss, cur)) { nd = sub(d, cur) ?? ZERO; ns = ZERO; } else ns = sub(cur, loss) ?? ZERO;
      }
      const uv = update >= 0n ? (v + mag > U64 ? U64 : v + mag) : (v > mag ? v - mag : 0n);
      if (update < 0n && uv === 0n) { nd = ZERO; ns = ZERO; }
      else if (update < 0n && !isZero(ns)) {
        const before = this.valueFromParts(v, cur, d);
        const drains = before === mag || this.valueFromParts(uv, ns, nd) === 0n;
        const without = drains ? sub(nd, ns) : null;
        if (without !== null) { nd = without; ns = ZERO; }
      }
      this.setDenominator(nd);
      this.setShare(k, ns);
    }
    this.forAll(update);
  }

  /** The binding's ops, with the chain's `amount as i64`. */
  apply(op: string, k: number, amount: bigint): boolean {
    const upd = BigInt.asIntN(64, amount);
    switch (op) {
      case "stake": this.updateForOne(k, upd); return false;
      case "withdraw": this.updateForOne(k, BigInt.asIntN(64, -upd)); return false;
      case "unstake":
        if (!this.shares.has(k)) return false;
        if (this.value(k) >= amount) this.updateForOne(k, BigInt.asIntN(64, -upd));
        return false;
      case "emit": this.forAll(upd); return false;
      case "slash": this.forAll(BigInt.asIntN(64, -upd)); return false;
      case "credit": {
        if (amount === 0n) return false;
        const v = this.V, sh = this.shares.get(k);
        if (v > 0n && !isZero(this.D) && sh !== undefined && same(sh, this.D) && v + amount <= U64) { this.V = v + amount; return true; }
        this.updateForOne(k, upd, v, this.D);
        return false;
      }
      case "try_credit_sole": {
        if (amount === 0n) return true;
        const sh = this.shares.get(k);
        if (this.V === 0n || isZero(this.D) || sh === undefined || !same(sh, this.D) || this.V + amount > U64) return false;
        this.V += amount;
        return true;
      }
      case "try_stake": {
        if (isZero(this.D) || (upd > 0n && this.V === 0n)) return true;
        return !isZero(this.spu(upd < 0n ? -upd : upd, this.V, this.D));
      }
    }
    throw new Error(op);
  }
}
