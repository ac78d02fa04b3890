// Pre-flight of a set_weights row: checkSetWeights (checks + max-upscale in the wasm core, stake in
// I64F64) against a plain JS BigInt version of the same upscale and checks, on a 256-uid row and a
// sweep of rows (64 to 4,096 uids; a largest value above and below 32768, which takes the other
// upscale branch), results checked equal; and commitHash over the same sweep.

import { taomath } from "../dist/index.js";
import { checkSetWeights, commitHash } from "../dist/weights/index.js";
import { blake2b } from "@noble/hashes/blake2.js";
import { timeMs, report } from "./lib.mjs";

/** The commit preimage by hand (AccountId32, u16 netuid, three Vec<u16>, u64 LE) hashed with @noble/hashes' BLAKE2b-256. */
function commitHashJs(account, netuid, uids, values, salt, versionKey) {
  const compactLen = (n) => (n < 64 ? [n << 2] : n < 16384 ? [((n << 2) | 1) & 0xff, (n << 2 | 1) >> 8] : [((n << 2) | 2) & 0xff, ((n << 2) >> 8) & 0xff, ((n << 2) >> 16) & 0xff, ((n << 2) >>> 24) & 0xff]);
  const bytes = [...account, netuid & 0xff, netuid >> 8];
  for (const v of [uids, values, salt]) { bytes.push(...compactLen(v.length)); for (const x of v) bytes.push(x & 0xff, x >> 8); }
  for (let i = 0n; i < 8n; i++) bytes.push(Number((versionKey >> (8n * i)) & 0xffn));
  const h = blake2b(Uint8Array.from(bytes), { dkLen: 32 });
  return "0x" + Array.from(h, (b) => b.toString(16).padStart(2, "0")).join("");
}

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

/** A subnet of n uids where uid 0 may set weights, and its row: every uid, values from `values`. */
function rowCase(n, big) {
  const state = {
    netuid: 1, n, min_allowed_weights: 8, weights_version_key: 0n, weights_set_rate_limit: 100n, commit_reveal_enabled: false,
    last_update: new Array(n).fill(0n), validator_permit: new Array(n).fill(true), owner_uid: null, stake_threshold: 1000n,
    alpha_stake: new Array(n).fill(10_000n), tao_stake: new Array(n).fill(0n), tao_weight: 0n,
  };
  const uids = [...Array(n).keys()];
  const values = uids.map((i) => (i * 7919) % (big ? 65535 : 30000) + 1);
  return { state, uids, values };
}

const ACCOUNT = new Uint8Array(32).fill(0x11);
const SWEEP = [[256, false], [64, false], [1024, false], [4096, false], [256, true], [4096, true]];

export async function run() {
  const tm = taomath();
  const points = SWEEP.map(([n, big]) => {
    const { state, uids, values } = rowCase(n, big);
    const core = checkSetWeights(tm, state, 0, uids, values, 0n, 500n);
    if (JSON.stringify(core.stored) !== JSON.stringify(checkBigInt(state, 0, uids, values, 500n))) throw new Error(`bench: the BigInt baseline disagrees with the core (n = ${n})`);
    if (commitHash({ account: "0x" + "11".repeat(32), netuid: 1, uids, values, salt: [1, 2, 3, 4, 5, 6, 7, 8], versionKey: 0n }) !== commitHashJs(ACCOUNT, 1, uids, values, [1, 2, 3, 4, 5, 6, 7, 8], 0n)) {
      throw new Error(`bench: the hand-encoded commit hash disagrees (n = ${n})`);
    }
    const runs = n > 1024 ? 15 : 41;
    return {
      label: `${n} uids, largest value ${big ? "> 32768" : "<= 32768"}`,
      check: timeMs(() => checkSetWeights(tm, state, 0, uids, values, 0n, 500n), { runs }),
      base: timeMs(() => checkBigInt(state, 0, uids, values, 500n), { runs }),
      hash: timeMs(() => commitHash({ account: "0x" + "11".repeat(32), netuid: 1, uids, values, salt: [1, 2, 3, 4, 5, 6, 7, 8], versionKey: 0n }), { runs }),
      hashBase: timeMs(() => commitHashJs(ACCOUNT, 1, uids, values, [1, 2, 3, 4, 5, 6, 7, 8], 0n), { runs }),
      n,
    };
  });
  const worst = (key) => points.reduce((a, p) => (p[key] / p.n > a[key] / a.n ? p : a));
  const wc = worst("check"), wh = worst("hash");
  const us = (ms) => ms * 1000;
  report("weights: a set_weights row (median on 256 uids; worst per uid over rows of 64 to 4,096 uids)", [
    { case: "checkSetWeights, 256 uids (wasm core)", unit: "µs", taomath: us(points[0].check), baseline: us(points[0].base), baselineWhat: "(JS BigInt upscale + checks)",
      worst: us(wc.check), worstCase: `${wc.label}: ${((wc.check * 1e6) / wc.n).toFixed(0)} ns per uid` },
    { case: "commitHash (SCALE + BlakeTwo256), 256 uids", unit: "µs", taomath: us(points[0].hash), baseline: us(points[0].hashBase), baselineWhat: "(hand SCALE + @noble/hashes BLAKE2b)",
      worst: us(wh.hash), worstCase: `${wh.label}: ${((wh.hash * 1e6) / wh.n).toFixed(0)} ns per uid` },
  ]);
}
