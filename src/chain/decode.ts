// Decoders for the runtime API payloads taomath reads (state_call results) and the fixed-point
// storage values, each driven by the layout of the runtime that produced the bytes. Every decoder
// consumes the payload exactly; byte strings become text and fixed-point fields become
// { bits, value } (raw bits exact, value for reading).

import { u128 } from "@polkadot-api/substrate-bindings";
import { layoutFor } from "./layouts.js";
import { decodeExact, fixed, type FixedValue } from "./scale.js";
import { TaomathError, quote } from "../core/errors.js";

const utf8 = new TextDecoder("utf-8");
const text = (b: Uint8Array | number[]): string => utf8.decode(Uint8Array.from(b as ArrayLike<number>));

function identityText<T extends Record<string, unknown> | undefined>(id: T): Record<string, string> | null {
  if (!id) return null;
  return Object.fromEntries(Object.entries(id).map(([k, v]) => [k, text(v as Uint8Array)]));
}

export interface NeuronLite {
  hotkey: string; coldkey: string; uid: number; netuid: number; active: boolean;
  axon_info: Record<string, unknown>; prometheus_info: Record<string, unknown>;
  stake: Array<[string, bigint]>;
  rank: number; emission: bigint; incentive: number; consensus: number; trust: number;
  validator_trust: number; dividends: number; last_update: bigint; validator_permit: boolean; pruning_score: number;
}

/** NeuronInfoRuntimeApi_get_neurons_lite: one entry per registered uid. */
export function decodeNeuronsLite(bytes: Uint8Array | string, specVersion: number): NeuronLite[] {
  return decodeExact(layoutFor(specVersion).neuronsLite, bytes, "get_neurons_lite") as NeuronLite[];
}

export interface SubnetState {
  netuid: number; hotkeys: string[]; coldkeys: string[]; active: boolean[]; validator_permit: boolean[];
  pruning_score: number[]; last_update: bigint[]; emission: bigint[]; dividends: number[]; incentives: number[];
  consensus: number[]; trust: number[]; rank: number[]; block_at_registration: bigint[]; alpha_stake: bigint[];
  tao_stake: bigint[]; total_stake: bigint[]; emission_history: bigint[][];
}

/** SubnetInfoRuntimeApi_get_subnet_state; null when the subnet does not exist. */
export function decodeSubnetState(bytes: Uint8Array | string, specVersion: number): SubnetState | null {
  return (decodeExact(layoutFor(specVersion).subnetState, bytes, "get_subnet_state") ?? null) as SubnetState | null;
}

/** A selective metagraph: the requested fields (absent ones are undefined), named as in subtensor. */
export type Metagraph = Record<string, any> & { netuid: number; moving_price?: FixedValue };

/** SubnetInfoRuntimeApi_get_selective_mechagraph (and _metagraph); null when the subnet does not exist. */
export function decodeSelectiveMetagraph(bytes: Uint8Array | string, specVersion: number): Metagraph | null {
  const raw = decodeExact(layoutFor(specVersion).selectiveMetagraph, bytes, "get_selective_mechagraph");
  if (!raw) return null;
  const out: Metagraph = { netuid: raw.netuid };
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined || k === "netuid") continue;
    if (k === "name" || k === "symbol") out[k] = text(v as number[]);
    else if (k === "identity") out[k] = identityText(v as Record<string, unknown> | undefined);
    else if (k === "identities") out[k] = (v as Array<Record<string, unknown> | undefined>).map((x) => identityText(x));
    else if (k === "moving_price") out[k] = fixed(v as bigint, 32);
    else if (k === "commitments") out[k] = (v as Array<[string, number[]]>).map(([a, b]) => [a, Uint8Array.from(b)]);
    else out[k] = v;
  }
  return out;
}

/** The metagraph indexes (0 = netuid) of the named fields, for a get_selective_mechagraph request. */
export function metagraphIndexes(specVersion: number, names: readonly string[]): number[] {
  const all = layoutFor(specVersion).metagraphFields;
  if (!Array.isArray(names)) throw new TaomathError("invalid_type", "names", `expected an array of field names, got ${quote(names)}`);
  return names.map((n) => {
    const i = all.indexOf(n);
    if (i < 0) throw new TaomathError("invalid_type", "names", `metagraph field ${quote(n)} is not in the layout of runtime ${specVersion}`);
    return i;
  });
}

export interface DynamicInfo {
  netuid: number; owner_hotkey: string; owner_coldkey: string; subnet_name: string; token_symbol: string;
  tempo: number; last_step: bigint; blocks_since_last_step: bigint; emission: bigint;
  alpha_in: bigint; alpha_out: bigint; tao_in: bigint; alpha_out_emission: bigint; alpha_in_emission: bigint;
  tao_in_emission: bigint; pending_alpha_emission: bigint; pending_root_emission: bigint; subnet_volume: bigint;
  network_registered_at: bigint; subnet_identity: Record<string, string> | null; moving_price: FixedValue;
}

/** SubnetInfoRuntimeApi_get_dynamic_info; null when the subnet does not exist. */
export function decodeDynamicInfo(bytes: Uint8Array | string, specVersion: number): DynamicInfo | null {
  const raw = decodeExact(layoutFor(specVersion).dynamicInfo, bytes, "get_dynamic_info");
  if (!raw) return null;
  return {
    ...raw,
    subnet_name: text(raw.subnet_name), token_symbol: text(raw.token_symbol),
    subnet_identity: identityText(raw.subnet_identity), moving_price: fixed(raw.moving_price, 32),
  } as DynamicInfo;
}

export interface SubnetInfoV2 {
  netuid: number; rho: number; kappa: number; difficulty: bigint; immunity_period: number;
  max_allowed_validators: number; min_allowed_weights: number; max_weights_limit: number; scaling_law_power: number;
  subnetwork_n: number; max_allowed_uids: number; blocks_since_last_step: bigint; tempo: number;
  network_modality: number; network_connect: Array<[number, number]>; emission_value: bigint; burn: bigint;
  owner: string; identity: Record<string, string> | null;
}

/** SubnetInfoRuntimeApi_get_subnets_info_v2: one entry per netuid slot (null for a gap). */
export function decodeSubnetsInfoV2(bytes: Uint8Array | string, specVersion: number): Array<SubnetInfoV2 | null> {
  const raw = decodeExact(layoutFor(specVersion).subnetsInfoV2, bytes, "get_subnets_info_v2") as Array<Record<string, any> | undefined>;
  return raw.map((s) => (s ? ({ ...s, identity: identityText(s.identity) } as SubnetInfoV2) : null));
}

/** A U64F64 storage value (e.g. Swap::AlphaSqrtPrice): 16 little-endian bytes. */
export function decodeU64F64(bytes: Uint8Array | string, what: string): FixedValue {
  return fixed(decodeExact(u128, bytes, what), 64);
}
