// Decoding the recorded mainnet runtime API payloads of subnet 1 (1,024 uids, runtime 343).
// Baseline, same run: JSON.parse of the same decoded data as the snapshot's JSON (the cost of
// reading those values from a file instead of from SCALE bytes). Each payload is a row (its
// worst: the slowest of its runs); the last row sweeps the three payloads per megabyte of SCALE
// and names the most expensive one.

import { existsSync, readFileSync } from "node:fs";
import { resolve, join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeNeuronsLite, decodeSubnetState, decodeSelectiveMetagraph, toJsonValue } from "../dist/chain/index.js";
import { median, report } from "./lib.mjs";

/** Milliseconds of each of `runs` calls after `warmup`. */
function samples(fn, runs = 15, warmup = 3) {
  for (let i = 0; i < warmup; i++) fn();
  return Array.from({ length: runs }, () => { const t0 = performance.now(); fn(); return performance.now() - t0; });
}

export async function run() {
  const here = dirname(fileURLToPath(import.meta.url));
  const shared = process.env.TAOMATH_SHARED ? resolve(process.env.TAOMATH_SHARED) : resolve(here, "..", "..", "shared");
  const file = join(shared, "data", "finney", "sn1-block6852690.rpc.json");
  if (!existsSync(file)) return console.log(`\n## chain decoding: skipped (${file} not found; set TAOMATH_SHARED)`);
  const rec = JSON.parse(readFileSync(file, "utf8"));
  const hex = (api) => rec.calls.find((c) => c.method === "state_call" && c.params[0] === api).result;
  const rows = [], perMb = [];
  for (const [name, api, dec] of [
    ["get_neurons_lite", "NeuronInfoRuntimeApi_get_neurons_lite", decodeNeuronsLite],
    ["get_subnet_state", "SubnetInfoRuntimeApi_get_subnet_state", decodeSubnetState],
    ["get_selective_mechagraph", "SubnetInfoRuntimeApi_get_selective_mechagraph", decodeSelectiveMetagraph],
  ]) {
    const h = hex(api);
    const bytes = (h.length - 2) / 2;
    const text = JSON.stringify(toJsonValue(dec(h, 343)));
    const scale = samples(() => dec(h, 343)), json = samples(() => JSON.parse(text));
    rows.push({
      case: `${name} (${(bytes / 1024).toFixed(0)} KiB SCALE)`, unit: "ms", taomath: median(scale), baseline: median(json), baselineWhat: "(JSON.parse of the same values)",
      worst: Math.max(...scale), worstCase: `slowest of ${scale.length} runs`,
    });
    perMb.push({ name, t: median(scale) / (bytes / 1e6), b: median(json) / (bytes / 1e6) });
  }
  const w = perMb.reduce((a, p) => (p.t > a.t ? p : a));
  rows.push({
    case: "all three payloads, per MB of SCALE", unit: "ms/MB", taomath: median(perMb.map((p) => p.t)), baseline: median(perMb.map((p) => p.b)), baselineWhat: "(JSON.parse)",
    worst: w.t, worstCase: w.name,
  });
  report("chain decoding (recorded subnet 1, 1,024 uids, runtime 343; median of 15 runs)", rows);
}
