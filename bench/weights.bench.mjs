// Pre-flight of a 256-uid set_weights row: checkSetWeights (checks + max-upscale in the wasm core,
// stake in I64F64) against a plain JS BigInt version of the same upscale and checks.

import { taomath } from "../dist/index.js";
import { checkSetWeights, commitHash } from "../dist/weights/index.js";
import { timeMs, table } from "./lib.mjs";

const ONE = 1n << 32n;
const roundFixed = (x) => (x + (ONE >> 1n)) >> 32n; // ties away from zero, x >= 0

/** vec_u16_max_upscale_to_u16 on BigInt I32F32 bits. */
function upscaleBigInt(values) {
  const v = values.map((x) => BigInt(x) << 32n);
  const m = v.reduce((a, b) => (b > a ? b : a), 0n);
  if (m === 0n) return values.slice();
  if (m > 32768n << 32n) {
    const ratio = ((65535n << 32n) << 32n) / m;
    return v.map((x) => Number(roundFixed((x * ratio) >> 32n)));
  }
  return v.map((x) => Number(roundFixed(((x * 65535n) << 32n) / m)));
}

function checkBigInt(state, uid, uids, values, block) {
  if (uids.length !== values.length || uids.length > state.n) return "bad";
  if (state.alpha_stake[uid] < state.stake_threshold) return "NotEnoughStakeToSetWeights";
  const last = state.last_update[uid];
  if (last !== 0n && block - last < state.weights_set_rate_limit) return "SettingWeightsTooFast";
  if (!state.validator_permit[uid]) return "NeuronNoValidatorPermit";
  if (new Set(uids).size !== uids.length) return "DuplicateUids";
  if (uids.some((u) => u >= state.n)) return "UidVecContainInvalidOne";
  if (values.length < Math.min(state.n, state.min_allowed_weights)) return "WeightVecLengthIsLow";
  const stored = upscaleBigInt(values);
  return uids.map((u, i) => [u, stored[i]]);
}

export async function run() {
  const tm = taomath();
  const n = 256;
  const state = {
    netuid: 1, n, min_allowed_weights: 8, weights_version_key: 0n, weights_set_rate_limit: 100n, commit_reveal_enabled: false,
    last_update: new Array(n).fill(0n), validator_permit: new Array(n).fill(true), owner_uid: null, stake_threshold: 1000n,
    alpha_stake: new Array(n).fill(10_000n), tao_stake: new Array(n).fill(0n), tao_weight: 0n,
  };
  const uids = [...Array(n).keys()];
  const values = uids.map((i) => (i * 7919) % 30000 + 1);
  const core = checkSetWeights(tm, state, 0, uids, values, 0n, 500n);
  const base = checkBigInt(state, 0, uids, values, 500n);
  if (JSON.stringify(core.stored) !== JSON.stringify(base)) throw new Error("bench: the BigInt baseline disagrees with the core");
  const tCore = timeMs(() => checkSetWeights(tm, state, 0, uids, values, 0n, 500n), { runs: 51 });
  const tBase = timeMs(() => checkBigInt(state, 0, uids, values, 500n), { runs: 51 });
  const tHash = timeMs(() => commitHash({ account: "0x" + "11".repeat(32), netuid: 1, uids, values, salt: [1, 2, 3, 4, 5, 6, 7, 8], versionKey: 0n }), { runs: 51 });
  table("weights: 256-uid row", [
    { what: "checkSetWeights (wasm core)", median_ms: tCore.toFixed(4), vs_baseline: (tBase / tCore).toFixed(2) + "x" },
    { what: "baseline: JS BigInt upscale + checks", median_ms: tBase.toFixed(4), vs_baseline: "1.00x" },
    { what: "commitHash (SCALE + BlakeTwo256)", median_ms: tHash.toFixed(4), vs_baseline: "-" },
  ]);
}
