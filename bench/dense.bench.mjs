// The dense path: epoch_dense_mechanism (the chain's test-only reference, O(n^2) memory and time)
// beside the plain-JS float64 epoch (bench/baseline/epoch_float.mjs) on the same input in the same
// run, swept over seeds and both bond rules; the sparse epoch's time is named in the case. And one
// dense helper (mat_ema_alpha, 256 x 256) beside a plain JavaScript BigInt version of the same cell
// rule, swept over value ranges (random, all 1.0, all 0, alphas at 0 and 1).

import { taomath, exampleSubnet } from "../dist/index.js";
import { epochFloat } from "./baseline/epoch_float.mjs";
import { timeMs, report } from "./lib.mjs";

const ONE = 1n << 32n;
/** What a user would write: the same per-cell rule on BigInt bits (floor multiply, clamp to 1). */
function matEmaAlphaJs(nw, old, alpha) {
  return nw.map((row, i) => row.map((w, j) => {
    const a = alpha[i][j];
    const decayed = ((ONE - a) * old[i][j]) >> 32n;
    let inc = (a * w) >> 32n;
    if (inc < 0n) inc = 0n;
    const v = decayed + inc;
    return v > ONE ? ONE : v;
  }));
}

export async function run() {
  const tm = taomath();
  const rows = [];
  for (const [n, v] of [[64, 16], [256, 64]]) {
    const sweep = [[1, false], [2, false], [1, true], [2, true]].map(([seed, yuma3]) => {
      const input = exampleSubnet(tm, { n, validators: v, seed, warmupEpochs: 1, yuma3 });
      return { label: `seed ${seed}, ${yuma3 ? "Yuma3" : "classic"}`, input, t: timeMs(() => tm.runEpochDense(input), { runs: n > 64 ? 9 : 15 }) };
    });
    const first = sweep[0], w = sweep.reduce((a, p) => (p.t > a.t ? p : a));
    const sparse = timeMs(() => tm.runEpoch(first.input), { runs: 15 });
    rows.push({
      case: `epoch_dense n = ${n}, ${v} validators (${first.label}; the sparse epoch: ${sparse.toFixed(3)} ms)`, unit: "ms", taomath: first.t,
      baseline: timeMs(() => epochFloat(first.input), { runs: 15 }), baselineWhat: "(JS float64 epoch)", worst: w.t, worstCase: w.label,
    });
  }
  const n = 256;
  let s = 12345;
  const rnd = () => { s = (s * 1103515245 + 12345) >>> 0; return BigInt(s >>> 8); };
  const mk = (f) => Array.from({ length: n }, () => Array.from({ length: n }, f));
  const random = () => rnd() * 256n % ONE;
  const cases = [
    ["random", mk(random), mk(random), mk(random)],
    ["all 1.0", mk(() => ONE), mk(() => ONE), mk(random)],
    ["all 0", mk(() => 0n), mk(() => 0n), mk(random)],
    ["alpha 0 and 1", mk(random), mk(random), mk(() => (rnd() & 1n ? ONE : 0n))],
  ];
  const pts = cases.map(([label, nw, old, alpha]) => {
    if (JSON.stringify(tm.math.matEmaAlpha(nw, old, alpha), (_, x) => typeof x === "bigint" ? x.toString() : x) !==
        JSON.stringify(matEmaAlphaJs(nw, old, alpha), (_, x) => typeof x === "bigint" ? x.toString() : x)) throw new Error(`mat_ema_alpha: the BigInt rule disagrees (${label})`);
    return { label, t: timeMs(() => tm.math.matEmaAlpha(nw, old, alpha), { runs: 7 }), b: timeMs(() => matEmaAlphaJs(nw, old, alpha), { runs: 5 }) };
  });
  const w = pts.reduce((a, p) => (p.t > a.t ? p : a));
  rows.push({ case: "mat_ema_alpha 256 x 256 (copying bigint rows in and out included)", unit: "ms", taomath: pts[0].t, baseline: pts[0].b, baselineWhat: "(JS BigInt)", worst: w.t, worstCase: w.label });
  report("dense path (median; worst over seeds and bond rules, or value ranges)", rows);
}
