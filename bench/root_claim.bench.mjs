// Root claims: what 10_000 root stakers of one hotkey are owed on a subnet (rate × stake − claimed,
// I96F32) and the rate updates of 10_000 epochs' root dividends, on the wasm core (one call each)
// against the same integer steps in plain JS BigInt, measured in this run (results checked equal).

import { taomath } from "../dist/index.js";
import { RootClaimCore } from "../dist/network/index.js";
import { timeMs, table } from "./lib.mjs";

const N = 10_000;

/** I96F32 owed and the u64 a claim pays, threshold 0, on BigInt (the positive, unsaturated case). */
function owedBigInt(rate, stake, claimed) {
  const owed = rate * stake - (claimed << 32n);
  return owed < 0n ? 0n : owed >> 32n;
}

export async function run() {
  const cc = new RootClaimCore(taomath().core);
  const rate = 1_234_567_890_123n;
  const stakes = Array.from({ length: N }, (_, i) => 1_000_000_000n + BigInt(i) * 7_919n);
  const claimed = stakes.map((s) => (rate * s) >> 34n);
  for (let i = 0; i < N; i += 997) {
    const a = cc.owed(rate, stakes[i], claimed[i], 0n).pays, b = owedBigInt(rate, stakes[i], claimed[i]);
    if (a !== b) throw new Error(`BigInt baseline disagrees at ${i}: ${a} vs ${b}`);
  }
  const wasmOwed = timeMs(() => { let t = 0n; for (let i = 0; i < N; i++) t += cc.owed(rate, stakes[i], claimed[i], 0n).pays; return t; }, { runs: 7, warmup: 2 });
  const bigOwed = timeMs(() => { let t = 0n; for (let i = 0; i < N; i++) t += owedBigInt(rate, stakes[i], claimed[i]); return t; }, { runs: 7, warmup: 2 });
  const wasmRate = timeMs(() => { let r = 0n; for (let i = 0; i < N; i++) r = cc.addClaimable(r, 820_000n, stakes[i]).rate; return r; }, { runs: 7, warmup: 2 });
  const bigRate = timeMs(() => { let r = 0n; for (let i = 0; i < N; i++) r += (820_000n << 32n) / stakes[i]; return r; }, { runs: 7, warmup: 2 });
  table(`root claims, ${N} calls (median ms)`, [
    { op: "owed (rate × stake − claimed)", wasm: wasmOwed.toFixed(2), bigint: bigOwed.toFixed(2), "wasm/bigint": (wasmOwed / bigOwed).toFixed(2) },
    { op: "RootClaimable rate update", wasm: wasmRate.toFixed(2), bigint: bigRate.toFixed(2), "wasm/bigint": (wasmRate / bigRate).toFixed(2) },
  ]);
  console.log("Per call the core costs the boundary crossing (reset, 16-byte result); the BigInt lines skip saturation and the threshold.");
}
