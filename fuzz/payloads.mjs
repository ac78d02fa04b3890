// Small, valid SCALE payloads for the decoder fuzz: the recorded mainnet answers (shared data)
// decoded once, cut down to a few uids and re-encoded with the same layout, so that every mutation
// is cheap to decode. Without the shared folder, synthetic payloads of the same layouts are used.

import { existsSync, readFileSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = process.env.TAOMATH_SHARED ? resolve(process.env.TAOMATH_SHARED) : resolve(repoRoot, "..", "shared");
export const sharedPresent = existsSync(join(shared, "vectors"));

export function readShared(...parts) { return JSON.parse(readFileSync(join(shared, ...parts), "utf8")); }

const cut = (v, k) => (Array.isArray(v) ? v.slice(0, k).map((x) => (Array.isArray(x) && x.length > k && typeof x[0] !== "string" ? x.slice(0, k) : x)) : v);

/** [name, decode(hex), payload hexes] for each decoder. */
export function decoderPayloads(C, scale) {
  const out = [];
  const toHex = (u8) => "0x" + Buffer.from(u8).toString("hex");
  for (const spec of [343, 425]) {
    const L = C.layoutFor(spec);
    let neurons = [], state = null, mg = null;
    if (sharedPresent) {
      const calls = readShared("data", "finney", "sn1-block6852690.rpc.json").calls;
      const call = (api) => calls.find((c) => c.method === "state_call" && c.params[0] === api).result;
      if (spec === 343) {
        neurons = L.neuronsLite.dec(call("NeuronInfoRuntimeApi_get_neurons_lite"));
        state = L.subnetState.dec(call("SubnetInfoRuntimeApi_get_subnet_state"));
        mg = L.selectiveMetagraph.dec(call("SubnetInfoRuntimeApi_get_selective_mechagraph"));
      }
    }
    const hexes = { neurons: [], state: [], mg: [], dyn: [] };
    for (const k of [0, 1, 2, 3]) {
      if (neurons.length) hexes.neurons.push(toHex(L.neuronsLite.enc(neurons.slice(0, k))));
      if (state) hexes.state.push(toHex(L.subnetState.enc(Object.fromEntries(Object.entries(state).map(([f, v]) => [f, cut(v, k)])))));
      if (mg) hexes.mg.push(toHex(L.selectiveMetagraph.enc(Object.fromEntries(Object.entries(mg).map(([f, v]) => [f, cut(v, k)])))));
    }
    const account = neurons[0]?.hotkey ?? "5C4hrfjw9DjXZTzV3MwzrrAr9P1MJhSrvWGWqi1eSuyUpnhM";
    const dyn = {
      netuid: 1, owner_hotkey: account, owner_coldkey: account, subnet_name: [97, 98], token_symbol: [206, 177], tempo: 360,
      last_step: 5n, blocks_since_last_step: 7n, emission: 1n, alpha_in: 10n ** 12n, alpha_out: 10n ** 13n, tao_in: 10n ** 12n,
      alpha_out_emission: 1n, alpha_in_emission: 2n, tao_in_emission: 3n, pending_alpha_emission: 4n, pending_root_emission: 5n,
      subnet_volume: 6n, network_registered_at: 7n, subnet_identity: undefined, moving_price: 1n << 31n,
    };
    hexes.dyn.push(toHex(L.dynamicInfo.enc(dyn)), toHex(L.dynamicInfo.enc(undefined)));
    const tag = `@${spec}`;
    if (hexes.neurons.length) out.push([`chain.decodeNeuronsLite${tag}`, (h) => C.decodeNeuronsLite(h, spec), hexes.neurons]);
    if (hexes.state.length) out.push([`chain.decodeSubnetState${tag}`, (h) => C.decodeSubnetState(h, spec), hexes.state]);
    if (hexes.mg.length) out.push([`chain.decodeSelectiveMetagraph${tag}`, (h) => C.decodeSelectiveMetagraph(h, spec), hexes.mg]);
    out.push([`chain.decodeDynamicInfo${tag}`, (h) => C.decodeDynamicInfo(h, spec), hexes.dyn]);
  }
  const S = C.chainStorage;
  const row = "0x" + Buffer.from(S.Weights.value.enc([[0, 65535], [3, 12]])).toString("hex");
  const queue = "0x" + Buffer.from(S.WeightCommits.value.enc([[new Uint8Array(32).fill(7), 5n, 6n, 7n]])).toString("hex");
  out.push(["chain.decodeU64F64", (h) => C.decodeU64F64(h, "AlphaSqrtPrice"), ["0x" + "00".repeat(8) + "01" + "00".repeat(7)]]);
  // storage values as the snapshot reads them (decodeExact over the item's codec)
  out.push(["chain.storage Weights row", (h) => scale.decodeExact(S.Weights.value, h, "Weights"), [row]]);
  out.push(["chain.storage WeightCommits", (h) => scale.decodeExact(S.WeightCommits.value, h, "WeightCommits"), [queue]]);
  return out;
}

/** Small vector files (at most 3 cases each) for the runVectorFile fuzz. */
export function vectorDocs() {
  if (!sharedPresent) return [];
  const files = [["epoch", "001_n1_self_weight.json"], ["epoch", "002_n2_cold_start.json"], ["epoch", "004_small_sparse_classic.json"], ["epoch", "012_empty_rows.json"],
    ["emission", "halving_thresholds.json"], ["emission", "alpha_emission.json"], ["burn", "decay_factor.json"], ["burn", "sequences.json"], ["ema", "moving_price.json"],
    ["swap", "price.json"], ["swap", "max_amount.json"], ["swap", "swaps.json"], ["sharepool", "safefloat.json"], ["sharepool", "sequences.json"],
    ["math", "fixed_u16.json"], ["math", "sparse_ops.json"], ["math", "sigmoid.json"], ["math", "weighted_median.json"]];
  return files.map(([d, f]) => {
    const doc = readShared("vectors", d, f);
    if (Array.isArray(doc.cases)) doc.cases = doc.cases.slice(0, 3);
    return doc;
  });
}
