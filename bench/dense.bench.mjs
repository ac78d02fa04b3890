// The dense path: epoch_dense_mechanism beside the sparse epoch on the same input (the dense
// one is the chain's test-only reference, O(n^2) memory and time), and one dense helper
// (mat_ema_alpha, 256 x 256) beside a plain JavaScript BigInt version of the same cell rule.

import { taomath, exampleSubnet } from "../dist/index.js";
import { timeMs, table } from "./lib.mjs";

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
    const input = exampleSubnet(tm, { n, validators: v, warmupEpochs: 1, yuma3: false });
    const sparse = timeMs(() => tm.runEpoch(input), { runs: 15 });
    const dense = timeMs(() => tm.runEpochDense(input), { runs: 15 });
    rows.push({ case: `epoch n=${n}, ${v} validators, classic`, "taomath ms": dense.toFixed(3), "baseline": `sparse epoch ${sparse.toFixed(3)} ms`, ratio: `${(dense / sparse).toFixed(1)}x the sparse time` });
  }
  const n = 256;
  let s = 12345;
  const rnd = () => { s = (s * 1103515245 + 12345) >>> 0; return BigInt(s >>> 8); };
  const mk = () => Array.from({ length: n }, () => Array.from({ length: n }, () => rnd() * 256n % ONE));
  const nw = mk(), old = mk(), alpha = mk();
  const wasm = timeMs(() => tm.math.matEmaAlpha(nw, old, alpha), { runs: 9 });
  const js = timeMs(() => matEmaAlphaJs(nw, old, alpha), { runs: 9 });
  rows.push({ case: "mat_ema_alpha 256x256 (incl. copying in/out)", "taomath ms": wasm.toFixed(3), "baseline": `JS BigInt ${js.toFixed(3)} ms`, ratio: `${(js / wasm).toFixed(2)} (JS / taomath; bigint copying dominates)` });
  table("dense path", rows);
}
