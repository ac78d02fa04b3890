// Root claims: what 10_000 root stakers of one hotkey are owed on a subnet (rate × stake − claimed,
// I96F32) and the rate updates of 10_000 epochs' root dividends, on the wasm core (one call each)
// against the same integer steps in plain JS BigInt, measured in this run (results checked equal).
// The sweep: stakes and rates from 1 TAO / a small rate up to 10M TAO / a large one.

import { taomath } from "../dist/index.js";
import { RootClaimCore } from "../dist/network/index.js";
import { timeMs, report } from "./lib.mjs";

const N = 10_000;

/** I96F32 owed and the u64 a claim pays, threshold 0, on BigInt (the positive, unsaturated case). */
function owedBigInt(rate, stake, claimed) {
  const owed = rate * stake - (claimed << 32n);
  return owed < 0n ? 0n : owed >> 32n;
}

// [label, I96F32 rate bits, smallest stake in rao, root dividends per epoch in rao]
const SWEEP = [
  ["1 TAO stakes, small rate", 1_234_567n, 1_000_000_000n, 820_000n],
  ["1k TAO stakes, mid rate", 1_234_567_890_123n, 1_000_000_000_000n, 820_000_000n],
  ["10M TAO stakes, large rate", 5_000_000_000_000n, 10_000_000_000_000_000n, 82_000_000_000n],
];

export async function run() {
  const cc = new RootClaimCore(taomath().core);
  const owed = [], rate = [];
  for (const [label, r, base, dividends] of SWEEP) {
    const stakes = Array.from({ length: N }, (_, i) => base + BigInt(i) * 7_919n);
    const claimed = stakes.map((s) => (r * s) >> 34n);
    for (let i = 0; i < N; i += 997) {
      const a = cc.owed(r, stakes[i], claimed[i], 0n).pays, b = owedBigInt(r, stakes[i], claimed[i]);
      if (a !== b) throw new Error(`${label}: BigInt baseline disagrees at ${i}: ${a} vs ${b}`);
    }
    const us = (ms) => (ms * 1000) / N;
    owed.push({ label,
      t: us(timeMs(() => { let t = 0n; for (let i = 0; i < N; i++) t += cc.owed(r, stakes[i], claimed[i], 0n).pays; return t; }, { runs: 7, warmup: 2 })),
      b: us(timeMs(() => { let t = 0n; for (let i = 0; i < N; i++) t += owedBigInt(r, stakes[i], claimed[i]); return t; }, { runs: 7, warmup: 2 })) });
    rate.push({ label,
      t: us(timeMs(() => { let x = 0n; for (let i = 0; i < N; i++) x = cc.addClaimable(x, dividends, stakes[i]).rate; return x; }, { runs: 7, warmup: 2 })),
      b: us(timeMs(() => { let x = 0n; for (let i = 0; i < N; i++) x += (dividends << 32n) / stakes[i]; return x; }, { runs: 7, warmup: 2 })) });
  }
  const row = (what, pts) => {
    const w = pts.reduce((a, p) => (p.t > a.t ? p : a));
    return { case: what, unit: "µs/call", taomath: pts[0].t, baseline: pts[0].b, baselineWhat: "(JS BigInt)", worst: w.t, worstCase: w.label };
  };
  report(`root claims, ${N} calls per point (median per call at ${SWEEP[0][0]}; worst of ${SWEEP.length} stake/rate sizes)`, [
    row("owed (rate × stake − claimed)", owed),
    row("RootClaimable rate update", rate),
  ], ["Per call the core costs the boundary crossing (reset, 16-byte result); the BigInt lines skip saturation and the threshold."]);
}
