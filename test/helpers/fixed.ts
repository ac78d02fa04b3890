// How subtensor's tests/math.rs builds its numbers, re-stated for the ported tests:
// I32F32::from_num(f32 | f64) is the exact binary value of the float rounded to the nearest
// representable fixed-point value, ties to even; vec_to_fixed goes through f32 literals;
// vec_to_sparse_mat_fixed stores only entries > 0.

export const ONE = 1n << 32n;
export const I32F32_MAX = (1n << 63n) - 1n;
export const I32F32_MIN = -(1n << 63n);

/** from_num of a float: round(x * 2^frac), nearest, ties to even, computed exactly. */
export function fromFloat(x: number, frac = 32): bigint {
  if (!Number.isFinite(x)) throw new Error("not finite");
  if (x === 0) return 0n;
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  const bits = dv.getBigUint64(0);
  const neg = bits >> 63n === 1n;
  const exp = Number((bits >> 52n) & 0x7ffn);
  const frac52 = bits & ((1n << 52n) - 1n);
  const mant = exp === 0 ? frac52 : frac52 | (1n << 52n);
  const shift = (exp === 0 ? 1 : exp) - 1075 + frac; // value * 2^frac = mant * 2^shift
  let q: bigint;
  if (shift >= 0) q = mant << BigInt(shift);
  else {
    const s = BigInt(-shift);
    q = mant >> s;
    const r = mant - (q << s);
    const half = 1n << (s - 1n);
    if (r > half || (r === half && (q & 1n) === 1n)) q += 1n;
  }
  return neg ? -q : q;
}

/** I32F32::from_num(x as f32). */
export const fixedF32 = (x: number): bigint => fromFloat(Math.fround(x), 32);
/** I32F32::from_num(x as f64). */
export const fixedF64 = (x: number): bigint => fromFloat(x, 32);
/** I64F64::from_num(x as f64). */
export const fixed64F64 = (x: number): bigint => fromFloat(x, 64);
/** I32F32::from_num(integer): panics with "overflow" outside the I32F32 range, like the debug test build. */
export function fixedInt(x: number | bigint): bigint {
  const v = BigInt(x) << 32n;
  if (v > I32F32_MAX || v < I32F32_MIN) throw new Error(`I32F32::from_num(${x}): overflow`);
  return v;
}

export const vecToFixed = (v: number[]): bigint[] => v.map(fixedF32);

/** vec_to_mat_fixed: row-major reshape to rows x (len/rows); transpose returns the columns as rows. */
export function vecToMatFixed(v: number[], rows: number, transpose = false): bigint[][] {
  if (v.length % rows !== 0) throw new Error("cannot reshape");
  const cols = v.length / rows;
  const out: bigint[][] = [];
  if (transpose) for (let c = 0; c < cols; c++) out.push(Array.from({ length: rows }, (_, r) => fixedF32(v[r * cols + c])));
  else for (let r = 0; r < rows; r++) out.push(v.slice(r * cols, (r + 1) * cols).map(fixedF32));
  return out;
}

export type SparseFixed = Array<Array<[number, bigint]>>;

/** vec_to_sparse_mat_fixed: the same shape, storing only entries > 0. */
export function vecToSparseMatFixed(v: number[], rows: number, transpose = false): SparseFixed {
  if (v.length % rows !== 0) throw new Error("cannot reshape");
  const cols = v.length / rows;
  const out: SparseFixed = [];
  if (transpose) {
    for (let c = 0; c < cols; c++) {
      const row: Array<[number, bigint]> = [];
      for (let r = 0; r < rows; r++) if (v[r * cols + c] > 0) row.push([r, fixedF32(v[r * cols + c])]);
      out.push(row);
    }
  } else {
    for (let r = 0; r < rows; r++) {
      const row: Array<[number, bigint]> = [];
      for (let c = 0; c < cols; c++) if (v[r * cols + c] > 0) row.push([c, fixedF32(v[r * cols + c])]);
      out.push(row);
    }
  }
  return out;
}

const abs = (x: bigint) => (x < 0n ? -x : x);

/** assert_vec_compare: same length, |a - b| <= eps per element (eps = 0: exact). */
export function vecWithin(a: bigint[], b: bigint[], eps: bigint): boolean {
  return a.length === b.length && a.every((x, i) => abs(x - b[i]) <= eps);
}
/** assert_mat_compare */
export function matWithin(a: bigint[][], b: bigint[][], eps: bigint): boolean {
  return a.length === b.length && a.every((r, i) => vecWithin(r, b[i], eps));
}
/** assert_sparse_mat_compare: identical row lengths and columns, values within eps. */
export function sparseWithin(a: SparseFixed, b: SparseFixed, eps: bigint): boolean {
  return a.length === b.length && a.every((r, i) => r.length === b[i].length && r.every(([j, v], k) => j === b[i][k][0] && abs(v - b[i][k][1]) <= eps));
}

/** Deterministic PRNG (mulberry32) for the randomised upstream properties. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
