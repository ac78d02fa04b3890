// SCALE layouts of the subtensor runtime API return types (pallets/subtensor/src/rpc_info/*.rs and
// the AxonInfo / PrometheusInfo / identity structs of pallets/subtensor/src/lib.rs), built from
// polkadot-api's codecs. Field order is the Rust declaration order, which is the wire order.
// One object per distinct layout; layouts.ts maps runtime spec versions onto them.

import {
  type Codec, AccountId, Struct, Tuple, compactBn, compactNumber, createCodec, createDecoder, i128, i64, u128, u16, u32, u64, u8,
} from "@polkadot-api/substrate-bindings";
// Length-checked and strict: a hostile payload cannot make a decoder loop or allocate past its size.
import { Bytes, Option, Vector, bool, compactU8, compactU16, compactU64, compactU128 } from "./bounded.js";

const account = AccountId(42);
const cU8 = compactU8;        // Compact<u8>
const cU16 = compactU16;      // Compact<u16>, Compact<NetUid>
const cU64 = compactU64;      // Compact<u64>, Compact<AlphaCurrency>, Compact<TaoCurrency>
const cU128 = compactU128;    // Compact<u128> (subnet_volume)
const vecU8 = Bytes();        // Vec<u8>

export const AxonInfo = Struct({
  block: u64, version: u32, ip: u128, port: u16, ip_type: u8, protocol: u8, placeholder1: u8, placeholder2: u8,
});
export const PrometheusInfo = Struct({ block: u64, version: u32, ip: u128, port: u16, ip_type: u8 });

export const SubnetIdentityV3 = Struct({
  subnet_name: vecU8, github_repo: vecU8, subnet_contact: vecU8, subnet_url: vecU8,
  discord: vecU8, description: vecU8, logo_url: vecU8, additional: vecU8,
});
export const ChainIdentityV2 = Struct({
  name: vecU8, url: vecU8, github_repo: vecU8, image: vecU8, discord: vecU8, description: vecU8, additional: vecU8,
});

export const NeuronInfoLite = Struct({
  hotkey: account, coldkey: account, uid: cU16, netuid: cU16, active: bool,
  axon_info: AxonInfo, prometheus_info: PrometheusInfo,
  stake: Vector(Tuple(account, cU64), 33),
  rank: cU16, emission: cU64, incentive: cU16, consensus: cU16, trust: cU16, validator_trust: cU16,
  dividends: cU16, last_update: cU64, validator_permit: bool, pruning_score: cU16,
});

export const SubnetState = Struct({
  netuid: cU16, hotkeys: Vector(account, 32), coldkeys: Vector(account, 32), active: Vector(bool),
  validator_permit: Vector(bool), pruning_score: Vector(cU16), last_update: Vector(cU64), emission: Vector(cU64),
  dividends: Vector(cU16), incentives: Vector(cU16), consensus: Vector(cU16), trust: Vector(cU16), rank: Vector(cU16),
  block_at_registration: Vector(cU64), alpha_stake: Vector(cU64), tao_stake: Vector(cU64), total_stake: Vector(cU64),
  emission_history: Vector(Vector(cU64)),
});

export const DynamicInfo = Struct({
  netuid: cU16, owner_hotkey: account, owner_coldkey: account,
  subnet_name: Vector(cU8), token_symbol: Vector(cU8),
  tempo: cU16, last_step: cU64, blocks_since_last_step: cU64, emission: cU64,
  alpha_in: cU64, alpha_out: cU64, tao_in: cU64, alpha_out_emission: cU64, alpha_in_emission: cU64,
  tao_in_emission: cU64, pending_alpha_emission: cU64, pending_root_emission: cU64, subnet_volume: cU128,
  network_registered_at: cU64, subnet_identity: Option(SubnetIdentityV3), moving_price: i128,
});

export const SubnetInfoV2 = Struct({
  netuid: cU16, rho: cU16, kappa: cU16, difficulty: cU64, immunity_period: cU16, max_allowed_validators: cU16,
  min_allowed_weights: cU16, max_weights_limit: cU16, scaling_law_power: cU16, subnetwork_n: cU16,
  max_allowed_uids: cU16, blocks_since_last_step: cU64, tempo: cU16, network_modality: cU16,
  network_connect: Vector(Tuple(u16, u16), 4), emission_value: cU64, burn: cU64, owner: account,
  identity: Option(SubnetIdentityV3),
});

/**
 * SelectiveMetagraph fields after `netuid`, in wire order. Each is an Option: the node fills the
 * ones whose index was requested. The index of a field in this list is its metagraph index.
 */
function metagraphFields(activityCutoff: Codec<any>) {
  return [
  ["name", Vector(cU8)], ["symbol", Vector(cU8)], ["identity", Option(SubnetIdentityV3)],
  ["network_registered_at", cU64], ["owner_hotkey", account], ["owner_coldkey", account],
  ["block", cU64], ["tempo", cU16], ["last_step", cU64], ["blocks_since_last_step", cU64],
  ["subnet_emission", cU64], ["alpha_in", cU64], ["alpha_out", cU64], ["tao_in", cU64],
  ["alpha_out_emission", cU64], ["alpha_in_emission", cU64], ["tao_in_emission", cU64],
  ["pending_alpha_emission", cU64], ["pending_root_emission", cU64], ["subnet_volume", cU128],
  ["moving_price", i128],
  ["rho", cU16], ["kappa", cU16],
  ["min_allowed_weights", cU16], ["max_weights_limit", cU16], ["weights_version", cU64],
  ["weights_rate_limit", cU64], ["activity_cutoff", activityCutoff], ["max_validators", cU16],
  ["num_uids", cU16], ["max_uids", cU16], ["burn", cU64], ["difficulty", cU64],
  ["registration_allowed", bool], ["pow_registration_allowed", bool], ["immunity_period", cU16],
  ["min_difficulty", cU64], ["max_difficulty", cU64], ["min_burn", cU64], ["max_burn", cU64],
  ["adjustment_alpha", cU64], ["adjustment_interval", cU16], ["target_regs_per_interval", cU16],
  ["max_regs_per_block", cU16], ["serving_rate_limit", cU64],
  ["commit_reveal_weights_enabled", bool], ["commit_reveal_period", cU64],
  ["liquid_alpha_enabled", bool], ["alpha_high", cU16], ["alpha_low", cU16], ["bonds_moving_avg", cU64],
  ["hotkeys", Vector(account, 32)], ["coldkeys", Vector(account, 32)], ["identities", Vector(Option(ChainIdentityV2))],
  ["axons", Vector(AxonInfo, 34)], ["active", Vector(bool)], ["validator_permit", Vector(bool)],
  ["pruning_score", Vector(cU16)], ["last_update", Vector(cU64)], ["emission", Vector(cU64)],
  ["dividends", Vector(cU16)], ["incentives", Vector(cU16)], ["consensus", Vector(cU16)],
  ["trust", Vector(cU16)], ["rank", Vector(cU16)], ["block_at_registration", Vector(cU64)],
  ["alpha_stake", Vector(cU64)], ["tao_stake", Vector(cU64)], ["total_stake", Vector(cU64)],
  ["tao_dividends_per_hotkey", Vector(Tuple(account, cU64), 33)],
  ["alpha_dividends_per_hotkey", Vector(Tuple(account, cU64), 33)],
  ["validators", Vector(cU16)], ["commitments", Vector(Tuple(account, Vector(cU8)), 33)],
  ] as Array<[string, Codec<any>]>;
}

function metagraphStruct(fields: Array<[string, Codec<any>]>): Codec<Record<string, any>> {
  const struct: Record<string, Codec<any>> = { netuid: cU16 };
  for (const [name, codec] of fields) struct[name] = Option(codec);
  return Struct(struct as never) as never;
}

/** Up to spec 343 the metagraph's activity_cutoff is the ActivityCutoff storage value, Compact<u16>. */
export const selectiveMetagraphFields = metagraphFields(cU16);
export const SelectiveMetagraph = metagraphStruct(selectiveMetagraphFields);
/** At spec 425 it is the effective cutoff in blocks (ActivityCutoffFactorMilli x tempo / 1000), Compact<u64>. */
export const selectiveMetagraphFields425 = metagraphFields(cU64);
export const SelectiveMetagraph425 = metagraphStruct(selectiveMetagraphFields425);


export const codecHelpers = { Vector, Option };

// ---- Runtime 473 (RaoFoundation/subtensor) ----

/**
 * Swap::SwapSuperellipse value (pallets/swap/src/pallet/superellipse.rs at 0249a4a4): the Q32 scales
 * and centres of a subnet's translated superellipse, in declaration order, little-endian.
 */
export const Superellipse = Struct({ alpha_scale: u128, tao_scale: u128, center_alpha: i128, center_tao: i128 });
/** primitives/share-pool SafeFloat: mantissa u128, exponent i64 (AlphaV2 / TotalHotkeySharesV2 values). */
export const SafeFloatCodec = Struct({ mantissa: u128, exponent: i64 });

/**
 * The three per-uid miner-collateral fields that SelectiveMetagraph carries after `commitments` in
 * the newest readable rpc_info/metagraph.rs (4640fbd0). Whether runtime 473 has them cannot be
 * checked (its rpc_info is not available), so the 473 layout reads them when the node sends them.
 */
export const collateralFields473 = ["collateral_locked", "collateral_min", "collateral_earned"] as const;
const collateralField = Option(Vector(cU64));

/**
 * The runtime-473 SelectiveMetagraph: the 425 struct, then either nothing or the three collateral
 * fields, each read exactly (decodeExact still refuses any other trailing bytes). taomath requests
 * only the 425 indexes, so a node that has the collateral fields sends them as None (one 0x00 each).
 */
export const SelectiveMetagraph473: Codec<Record<string, any>> = createCodec(
  (v: Record<string, any>) => {
    const head = SelectiveMetagraph425.enc(v as never);
    if (!collateralFields473.some((k) => k in v)) return head;
    const tail = collateralFields473.map((k) => collateralField.enc(v[k]));
    const out = new Uint8Array(head.length + tail.reduce((n, t) => n + t.length, 0));
    out.set(head, 0);
    let at = head.length;
    for (const t of tail) { out.set(t, at); at += t.length; }
    return out;
  },
  createDecoder((buf) => {
    const v = SelectiveMetagraph425.dec(buf) as Record<string, any>;
    const b = buf as unknown as { i: number; length: number };
    if (b.i < b.length) for (const k of collateralFields473) v[k] = collateralField.dec(buf);
    return v;
  }),
) as never;
