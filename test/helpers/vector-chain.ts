// A chain at one block whose subnet state is a shared epoch vector's `inputs`: the runtime API
// answers (selective metagraph, neurons lite, subnet state) and the storage entries (Weights,
// Bonds, LastUpdate, ValidatorPermit, TaoWeight, ...) are SCALE-encoded from those inputs with the
// same layouts the client decodes, so a replay server can serve them to the real client.
// The netuid is chosen so that the vector's current_block is the subnet's next epoch block.

import { AccountId, Tuple, Vector, u16, u8 } from "@polkadot-api/substrate-bindings";
import { NeuronInfoLite, SelectiveMetagraph, SelectiveMetagraph425, SubnetState } from "../../src/chain/codecs.js";
import { layoutFor } from "../../src/chain/layouts.js";
import { storage } from "../../src/chain/storage.js";
import { toHex } from "../../src/chain/scale.js";
import type { RecordedCall } from "./replay-server.js";

const account = AccountId(42);
/** a deterministic account for uid i (and one nobody holds, for a subnet whose owner is not registered) */
export const accountFor = (i: number) => account.dec(Uint8Array.from({ length: 32 }, (_, k) => (k < 4 ? (i >> (8 * k)) & 255 : 7)));

export interface VectorChain { netuid: number; snapshotBlock: bigint; hash: string; calls: RecordedCall[]; storage: Map<string, string> }

/** `specVersion` picks the runtime the chain reports and the metagraph layout it answers with (343 or 425). */
/** `metagraphTempo` makes the node report another Tempo than the vector's (e.g. 0) without moving the netuid. */
/** `pool` makes the metagraph carry the subnet's pool reserves (tao_in, alpha_in, rao). */
export function chainFromVector(inputs: any, specVersion: 343 | 425 = 343, options: { metagraphTempo?: number; pool?: { tao_in: bigint; alpha_in: bigint } } = {}): VectorChain {
  const n: number = inputs.n;
  const tempo: number = inputs.tempo;
  const epochBlock = BigInt(inputs.current_block);
  // an epoch runs at block b when (b + netuid + 2) % (tempo + 1) == 0
  const m = BigInt(tempo + 1);
  const netuid = Number((((-(epochBlock + 2n)) % m) + m) % m);
  const snapshotBlock = epochBlock - 1n;
  const hash = "0x" + "ab".repeat(32);
  const hotkeys = Array.from({ length: n }, (_, i) => accountFor(i));
  const owner = inputs.owner_uid === null ? accountFor(0xffffff) : hotkeys[inputs.owner_uid];
  const big = (a: string[]) => a.map((x) => BigInt(x));

  const metagraph: Record<string, unknown> = {
    netuid, owner_hotkey: owner, owner_coldkey: owner,
    block: snapshotBlock, tempo: options.metagraphTempo ?? tempo, last_step: BigInt(inputs.last_mechanism_step_block),
    pending_alpha_emission: BigInt(inputs.rao_emission),
    kappa: inputs.kappa, activity_cutoff: Number(inputs.activity_cutoff), max_validators: inputs.max_allowed_validators,
    num_uids: n, commit_reveal_weights_enabled: inputs.commit_reveal_enabled,
    liquid_alpha_enabled: inputs.liquid_alpha_enabled, alpha_high: inputs.alpha_high, alpha_low: inputs.alpha_low,
    bonds_moving_avg: BigInt(inputs.bonds_moving_average),
    hotkeys, coldkeys: hotkeys,
    validator_permit: Array.from({ length: n }, (_, i) => inputs.validator_permit[i] ?? false),
    last_update: Array.from({ length: n }, (_, i) => BigInt(inputs.last_update[i] ?? 0)),
    block_at_registration: big(inputs.block_at_registration),
    alpha_stake: big(inputs.alpha_stake), tao_stake: big(inputs.tao_stake),
    total_stake: big(inputs.alpha_stake),
    ...(options.pool ?? {}),
  };
  const axon = { block: 0n, version: 0, ip: 0n, port: 0, ip_type: 4, protocol: 4, placeholder1: 0, placeholder2: 0 };
  const prometheus = { block: 0n, version: 0, ip: 0n, port: 0, ip_type: 0 };
  const neurons = hotkeys.map((h, i) => ({
    hotkey: h, coldkey: h, uid: i, netuid, active: true, axon_info: axon, prometheus_info: prometheus,
    stake: [[h, BigInt(inputs.alpha_stake[i])]], rank: 0, emission: 0n, incentive: 0, consensus: 0, trust: 0,
    validator_trust: 0, dividends: 0, last_update: BigInt(inputs.last_update[i] ?? 0),
    validator_permit: inputs.validator_permit[i] ?? false, pruning_score: 0,
  }));
  const zeros16 = Array(n).fill(0), zeros64 = Array(n).fill(0n);
  const state = {
    netuid, hotkeys, coldkeys: hotkeys, active: Array(n).fill(true), validator_permit: metagraph.validator_permit,
    pruning_score: zeros16, last_update: metagraph.last_update, emission: zeros64, dividends: zeros16, incentives: zeros16,
    consensus: zeros16, trust: zeros16, rank: zeros16, block_at_registration: metagraph.block_at_registration,
    alpha_stake: metagraph.alpha_stake, tao_stake: metagraph.tao_stake, total_stake: metagraph.total_stake, emission_history: [],
  };

  const allIndexes = layoutFor(specVersion).metagraphFields.map((_, i) => i);
  const some = (b: Uint8Array) => toHex(Uint8Array.from([1, ...b]));
  const calls: RecordedCall[] = [
    { method: "chain_getHead", params: [], result: hash },
    { method: "chain_getHeader", params: [hash], result: { parentHash: "0x" + "cd".repeat(32), number: "0x" + snapshotBlock.toString(16), stateRoot: "0x" + "00".repeat(32) } },
    { method: "state_getRuntimeVersion", params: [hash], result: { specName: "node-subtensor", specVersion } },
    { method: "state_call", params: ["SubnetInfoRuntimeApi_get_selective_mechagraph", toHex(Tuple(u16, u8, Vector(u16)).enc([netuid, 0, allIndexes])), hash],
      result: some((specVersion === 425 ? SelectiveMetagraph425 : SelectiveMetagraph).enc(
        (specVersion === 425 ? { ...metagraph, activity_cutoff: BigInt(inputs.activity_cutoff) } : metagraph) as never)) },
    { method: "state_call", params: ["NeuronInfoRuntimeApi_get_neurons_lite", toHex(u16.enc(netuid)), hash], result: toHex(Vector(NeuronInfoLite).enc(neurons as never)) },
    { method: "state_call", params: ["SubnetInfoRuntimeApi_get_subnet_state", toHex(u16.enc(netuid)), hash], result: some(SubnetState.enc(state as never)) },
  ];

  const st = new Map<string, string>();
  const put = (key: string, bytes: Uint8Array) => st.set(key, toHex(bytes));
  (inputs.weights as Array<Array<[number, number]>>).forEach((row, uid) => { if (row.length) put(storage.Weights.key(netuid, uid), storage.Weights.value.enc(row)); });
  (inputs.bonds as Array<Array<[number, number]>>).forEach((row, uid) => { if (row.length) put(storage.Bonds.key(netuid, uid), storage.Bonds.value.enc(row)); });
  put(storage.LastUpdate.key(netuid), storage.LastUpdate.value.enc(big(inputs.last_update)));
  put(storage.ValidatorPermit.key(netuid), storage.ValidatorPermit.value.enc(inputs.validator_permit));
  put(storage.TaoWeight.key(), storage.TaoWeight.value.enc(BigInt(inputs.tao_weight)));
  put(storage.StakeThreshold.key(), storage.StakeThreshold.value.enc(BigInt(inputs.stake_threshold)));
  put(storage.BondsPenalty.key(netuid), storage.BondsPenalty.value.enc(inputs.bonds_penalty));
  put(storage.AlphaSigmoidSteepness.key(netuid), storage.AlphaSigmoidSteepness.value.enc(inputs.alpha_sigmoid_steepness));
  put(storage.Yuma3On.key(netuid), storage.Yuma3On.value.enc(inputs.yuma3_enabled));
  if (specVersion === 425) {
    // runtime 425 schedules from stored state: anchor LastEpochBlock one tempo before the vector's block,
    // so the stateful rule fires at the same block the legacy rule (the netuid above) does
    put(storage.LastEpochBlock.key(netuid), storage.LastEpochBlock.value.enc(epochBlock - BigInt(tempo)));
    put(storage.BlocksSinceLastStep.key(netuid), storage.BlocksSinceLastStep.value.enc(BigInt(tempo - 1)));
    put(storage.LastMechansimStepBlock.key(netuid), storage.LastMechansimStepBlock.value.enc(BigInt(inputs.last_mechanism_step_block)));
    put(storage.NetworksAdded.key(netuid), storage.NetworksAdded.value.enc(true));
    put(storage.Tempo.key(netuid), storage.Tempo.value.enc(options.metagraphTempo ?? tempo));
  }
  return { netuid, snapshotBlock, hash, calls, storage: st };
}
