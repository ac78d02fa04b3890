// What validators run today: the Python SDK's weight helpers (bittensor/utils/weight_utils.py:
// normalize_max_weight, convert_weights_and_uids_for_emit, process_weights[_for_netuid]),
// re-done in TypeScript with NumPy 2's float32 arithmetic (every float32 operation rounded
// with Math.fround; NumPy's pairwise summation; Python floats are "weak" scalars under NEP 50)
// so that a Node validator gets the row a Python validator would send. Where this row and
// the chain part ways is listed in README.md ("Weights: SDK vs chain").

import { TaomathError, quote } from "../core/errors.js";
import { toArray, toU16 } from "../bindings/values.js";
import { U16_MAX } from "../core/ints.js";

export type FloatDtype = "float32" | "float64";

/** A subnet has at most 65,536 uids, so no weight list is longer. */
const MAX_ENTRIES = 65536;

function list(x: unknown, field: string): unknown[] {
  const a = toArray(x, field);
  if (a.length > MAX_ENTRIES) throw new TaomathError("wrong_length", field, `${a.length} entries; a subnet has at most ${MAX_ENTRIES} uids`);
  return a;
}
/** Finite floats, each checked (the SDK's arrays come from scores, never NaN or infinite on chain). */
function floats(x: unknown, field: string): number[] {
  return list(x, field).map((w, i) => {
    if (typeof w !== "number" || !Number.isFinite(w)) throw new TaomathError("invalid_type", `${field}[${i}]`, `expected a finite number, got ${quote(w)}`);
    return w;
  });
}
function dtypeOf(d: unknown): FloatDtype {
  if (d !== "float32" && d !== "float64") throw new TaomathError("invalid_type", "dtype", `expected "float32" or "float64", got ${quote(d)}`);
  return d;
}
function finite(v: unknown, field: string): number {
  if (typeof v !== "number" || !Number.isFinite(v)) throw new TaomathError("invalid_type", field, `expected a finite number, got ${quote(v)}`);
  return v;
}
function maxOf(a: readonly number[]): number { let m = -Infinity; for (const v of a) if (v > m) m = v; return m; }
function minOf(a: readonly number[]): number { let m = Infinity; for (const v of a) if (v < m) m = v; return m; }

const EPSILON = 1e-7;

const identity = (x: number) => x;
const rounder = (dtype: FloatDtype) => (dtype === "float32" ? Math.fround : identity);

/** np.sum of a 1-D contiguous array: 0 + pairwise sum (blocks of 128, 8 accumulators). */
export function npSum(x: readonly number[], dtype: FloatDtype = "float32"): number {
  const r = rounder(dtype);
  return r(0 + pairwise(x, 0, x.length, r));
}

function pairwise(a: readonly number[], lo: number, n: number, r: (x: number) => number): number {
  if (n < 8) {
    let s = -0;
    for (let i = 0; i < n; i++) s = r(s + a[lo + i]);
    return s;
  }
  if (n <= 128) {
    const acc = [0, 1, 2, 3, 4, 5, 6, 7].map((j) => a[lo + j]);
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) acc[j] = r(acc[j] + a[lo + i + j]);
    let s = r(r(r(acc[0] + acc[1]) + r(acc[2] + acc[3])) + r(r(acc[4] + acc[5]) + r(acc[6] + acc[7])));
    for (; i < n; i++) s = r(s + a[lo + i]);
    return s;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return r(pairwise(a, lo, n2, r) + pairwise(a, lo + n2, n - n2, r));
}

/**
 * normalize_max_weight: scale x to sum 1 and cap every share at `limit` (redistributing the
 * excess), in the SDK's float arithmetic. `dtype` is the array's NumPy dtype: float32 on the
 * main path, float64 on process_weights' "too few non-zero weights" path.
 */
export function normalizeMaxWeight(x: readonly number[], limit = 0.1, dtype: FloatDtype = "float32"): number[] {
  x = floats(x, "x");
  finite(limit, "limit");
  const r = rounder(dtypeOf(dtype));
  const lim = r(limit); // a Python float meeting a float32 array or scalar is cast to float32
  const eps = r(EPSILON);
  const n = x.length;
  const weights = x.map(r);
  const values = [...weights].sort((a, b) => a - b);
  if (npSum(weights, dtype) === 0 || n * limit <= 1) return weights.map(() => r(1 / n));
  const vsum = npSum(values, dtype);
  const estimation = values.map((v) => r(v / vsum));
  if (maxOf(estimation) <= lim) {
    const s = npSum(weights, dtype);
    return weights.map((w) => r(w / s));
  }
  const cumsum: number[] = [];
  let c = 0;
  for (const e of estimation) cumsum.push((c = r(c + e)));
  let nValues = 0;
  for (let i = 0; i < n; i++) {
    const tail = r((n - i - 1) * estimation[i]);
    if (r(estimation[i] / r(r(tail + cumsum[i]) + eps)) < lim) nValues++;
  }
  const at = nValues - 1 >= 0 ? nValues - 1 : n - 1; // cumsum[-1] is the last element in Python
  // n_values is a NumPy int64, so the denominator, the scale and the cutoff are float64
  const cutoffScale = r(r(lim * cumsum[at]) - eps) / (1 - limit * (n - nValues));
  const cutoff = cutoffScale * vsum;
  const capped = weights.map((w) => (w > cutoff ? r(cutoff) : w));
  const s = npSum(capped, dtype);
  return capped.map((w) => r(w / s));
}

/** Python's round() on a float: nearest integer, ties to even. */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/**
 * convert_weights_and_uids_for_emit: max-upscale the floats to u16 with Python's round()
 * (ties to even) and DROP every entry that rounds to 0. An all-zero row gives empty lists.
 * `keepTiny` (not in the SDK) sends such entries as 1 instead, so none is silently lost.
 */
export function convertWeightsAndUidsForEmit(
  uids: readonly number[], weights: readonly number[], options: { keepTiny?: boolean } = {},
): { uids: number[]; values: number[] } {
  weights = floats(weights, "weights");
  uids = list(uids, "uids").map((u, i) => {
    if (typeof u !== "number" || !Number.isInteger(u)) throw new TaomathError("not_integer", `uids[${i}]`, `expected an integer uid, got ${quote(u)}`);
    return u;
  });
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw new TaomathError("invalid_type", "options", `expected an options object, got ${quote(options)}`);
  if (weights.length === 0 || uids.length === 0) throw new TaomathError("wrong_length", "weights", "min() of an empty sequence: the SDK raises on empty input");
  if (minOf(weights) < 0) throw new TaomathError("out_of_range", "weights", "a negative weight cannot exist on chain");
  if (minOf(uids) < 0) throw new TaomathError("out_of_range", "uids", "a negative uid cannot exist on chain");
  // what is emitted is a Vec<u16> of uids
  if (maxOf(uids) > U16_MAX) throw new TaomathError("out_of_range", "uids", `uid ${maxOf(uids)} does not fit in u16`);
  if (uids.length !== weights.length) throw new TaomathError("wrong_length", "uids", `uids and weights differ in length (${uids.length} and ${weights.length})`);
  let sum = 0;
  for (const w of weights) sum += w;
  if (sum === 0) return { uids: [], values: [] };
  const max = maxOf(weights);
  const out = { uids: [] as number[], values: [] as number[] };
  for (let i = 0; i < weights.length; i++) {
    let v = roundHalfEven((weights[i] / max) * U16_MAX);
    if (v === 0 && options.keepTiny === true && weights[i] > 0) v = 1; // not the SDK: keep the uid at 1
    if (v !== 0) {
      out.uids.push(uids[i]);
      out.values.push(v);
    }
  }
  return out;
}

/** np.quantile(x, q) with the default "linear" method, on a float32 array. */
export function npQuantile(x: readonly number[], q: number): number {
  const s = [...x].sort((a, b) => a - b);
  const v = q * (s.length - 1);
  const lo = Math.floor(v);
  const hi = Math.min(lo + 1, s.length - 1);
  const g = v - lo;
  const a = s[lo], b = s[hi];
  const d = b - a;
  return Math.fround(g >= 0.5 ? b - d * (1 - g) : a + d * g);
}

export interface ProcessWeightsOptions {
  /** metagraph.n: the number of uids on the subnet */
  numNeurons: number;
  /** the subnet's MinAllowedWeights */
  minAllowedWeights: number;
  /** the share cap as a float (the SDK reads the u16 hyperparameter / 65535) */
  maxWeightLimit: number;
  /** u16 quantile of the lowest non-zero weights to drop (SDK default 0) */
  excludeQuantile?: number;
}

/**
 * process_weights: keep the non-zero weights, drop the lowest `excludeQuantile`/65535 of them
 * (never below minAllowedWeights), and cap shares with normalizeMaxWeight. Returns uids and
 * float weights (float64 on the two fallback paths, float32 otherwise), like the SDK.
 */
export function processWeights(uids: readonly number[], weights: readonly number[], o: ProcessWeightsOptions): { uids: number[]; weights: number[] } {
  uids = list(uids, "uids").map((u, i) => toU16(u, `uids[${i}]`));
  weights = floats(weights, "weights");
  if (o === null || typeof o !== "object" || Array.isArray(o)) throw new TaomathError("invalid_type", "options", `expected the process_weights options, got ${quote(o)}`);
  // metagraph.n and MinAllowedWeights are u16 on chain; a larger n would build a list that large
  toU16(o.numNeurons, "numNeurons");
  toU16(o.minAllowedWeights, "minAllowedWeights");
  finite(o.maxWeightLimit, "maxWeightLimit");
  if (o.excludeQuantile !== undefined) toU16(o.excludeQuantile, "excludeQuantile");
  if (uids.length !== weights.length) throw new TaomathError("wrong_length", "uids", `uids and weights differ in length (${uids.length} and ${weights.length})`);
  if (!Number.isInteger(o.numNeurons) || o.numNeurons < 0) throw new TaomathError("out_of_range", "numNeurons", `expected a non-negative integer, got ${o.numNeurons}`);
  if (!Number.isInteger(o.minAllowedWeights) || o.minAllowedWeights < 0) throw new TaomathError("out_of_range", "minAllowedWeights", `expected a non-negative integer, got ${o.minAllowedWeights}`);
  weights.forEach((w, i) => { if (typeof w !== "number") throw new TaomathError("invalid_type", `weights[${i}]`, "expected a number"); });
  const w32 = weights.map(Math.fround);
  const quantile = (o.excludeQuantile ?? 0) / U16_MAX;
  const nzIdx = w32.flatMap((w, i) => (w > 0 ? [i] : []));
  const nzUids = nzIdx.map((i) => uids[i]);
  const nzW = nzIdx.map((i) => w32[i]);
  const all = [...Array(o.numNeurons).keys()];
  if (nzW.length === 0 || o.numNeurons < o.minAllowedWeights) {
    return { uids: all, weights: all.map(() => 1 / o.numNeurons) };
  }
  if (nzW.length < o.minAllowedWeights) {
    // every uid gets 1e-5 and the non-zero weights are added at their POSITION in the input
    const base = all.map(() => 1e-5);
    nzIdx.forEach((pos, k) => { base[pos] += nzW[k]; });
    return { uids: all, weights: normalizeMaxWeight(base, o.maxWeightLimit, "float64") };
  }
  const maxExclude = Math.max(0, nzW.length - o.minAllowedWeights) / nzW.length;
  const q = Math.min(quantile, maxExclude);
  const lowest = npQuantile(nzW, q);
  const keep = nzW.flatMap((w, k) => (lowest <= w ? [k] : []));
  return {
    uids: keep.map((k) => nzUids[k]),
    weights: normalizeMaxWeight(keep.map((k) => nzW[k]), o.maxWeightLimit, "float32"),
  };
}

/** The part of a subnet's state process_weights_for_netuid reads from the chain. */
export interface SdkSubnetLimits {
  n: number;
  min_allowed_weights: number;
  /** u16 MaxWeightsLimit; the chain at 14bc6f9f treats it as 65535 whatever is stored */
  max_weight_limit?: number;
}

/** process_weights_for_netuid: process_weights with the subnet's own limits. */
export function processWeightsForNetuid(uids: readonly number[], weights: readonly number[], subnet: SdkSubnetLimits, excludeQuantile = 0): { uids: number[]; weights: number[] } {
  if (subnet === null || typeof subnet !== "object") throw new TaomathError("invalid_type", "subnet", `expected the subnet's limits, got ${quote(subnet)}`);
  if (subnet.max_weight_limit !== undefined) toU16(subnet.max_weight_limit, "max_weight_limit");
  return processWeights(uids, weights, {
    numNeurons: subnet.n,
    minAllowedWeights: subnet.min_allowed_weights,
    maxWeightLimit: (subnet.max_weight_limit ?? U16_MAX) / U16_MAX,
    excludeQuantile,
  });
}
