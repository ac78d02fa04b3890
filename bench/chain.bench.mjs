// Decoding the recorded mainnet runtime API payloads of subnet 1 (1,024 uids, runtime 343).
// Baseline, same run: JSON.parse of the same decoded data as the snapshot's JSON (the cost of
// reading those values from a file instead of from SCALE bytes).

import { existsSync, readFileSync } from "node:fs";
import { resolve, join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeNeuronsLite, decodeSubnetState, decodeSelectiveMetagraph, toJsonValue } from "../dist/chain/index.js";
import { timeMs, table } from "./lib.mjs";

export async function run() {
  const here = dirname(fileURLToPath(import.meta.url));
  const shared = process.env.TAOMATH_SHARED ? resolve(process.env.TAOMATH_SHARED) : resolve(here, "..", "..", "shared");
  const file = join(shared, "data", "finney", "sn1-block6852690.rpc.json");
  if (!existsSync(file)) return console.log(`\n## chain decoding: skipped (${file} not found; set TAOMATH_SHARED)`);
  const rec = JSON.parse(readFileSync(file, "utf8"));
  const hex = (api) => rec.calls.find((c) => c.method === "state_call" && c.params[0] === api).result;
  const rows = [];
  for (const [name, api, dec] of [
    ["get_neurons_lite", "NeuronInfoRuntimeApi_get_neurons_lite", decodeNeuronsLite],
    ["get_subnet_state", "SubnetInfoRuntimeApi_get_subnet_state", decodeSubnetState],
    ["get_selective_mechagraph", "SubnetInfoRuntimeApi_get_selective_mechagraph", decodeSelectiveMetagraph],
  ]) {
    const h = hex(api);
    const text = JSON.stringify(toJsonValue(dec(h, 343)));
    const scale = timeMs(() => dec(h, 343), { runs: 15 });
    const json = timeMs(() => JSON.parse(text), { runs: 15 });
    rows.push({ payload: name, bytes: (h.length - 2) / 2, "SCALE decode ms": scale.toFixed(2), "JSON.parse ms (baseline)": json.toFixed(2), ratio: (scale / json).toFixed(2) });
  }
  table("chain decoding (recorded subnet 1, 1,024 uids)", rows);
}
