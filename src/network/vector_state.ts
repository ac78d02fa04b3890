// The network model's state in the schema of the chain's block vectors (coinbase-blocks-vector/1,
// vectors/README.md): a Network built from a case's `inputs` (chain storage as of the block before
// `inputs.block`, absent fields taking the chain's defaults), and the state after a block written
// as one entry of the case's `outputs`, in the vector's encoding and field order. A user replays a
// recorded chain state by building the Network, stepping it one block at a time and writing each
// block's state.

import type { Taomath } from "../taomath.js";
import { Network, type StepReport } from "../network.js";
import { emissionOf } from "../emission.js";
import { TaomathError } from "../errors.js";

type Json = Record<string, any>;

/** Subnet storage the schema records in its outputs only; vectorInputsOf writes it too and snapshotFromVector reads it back. */
const EXTRA_SUBNET_FIELDS = [
  "protocol_flow", "volume", "alpha_assets_burned", "alpha_assets_recycled", "subnet_account_balance", "root_prop",
  "alpha_in_emission", "alpha_out_emission", "tao_in_emission", "excess_tao",
];

const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));

/** The taomath-network/1 snapshot of a vector case's `inputs`. */
export function snapshotFromVector(inputs: Json): Json {
  if (inputs === null || typeof inputs !== "object" || !Array.isArray(inputs.subnets)) {
    throw new TaomathError("invalid_type", "inputs", "expected a block vector's inputs with a `subnets` array");
  }
  if (inputs.block === undefined) throw new TaomathError("invalid_type", "inputs.block", "expected the first block to run");
  const first = BigInt(inputs.block);
  if (first < 1n) throw new TaomathError("out_of_range", "inputs.block", "the first block run must be at least 1");
  const snap: Json = {
    block: (first - 1n).toString(),
    total_issuance: inputs.total_issuance,
    root_tao: inputs.root_tao ?? "0",
  };
  const copy: Array<[string, string]> = [
    ["balances_total_issuance", "balances_total_issuance"], ["tao_weight", "tao_weight"], ["subnet_owner_cut", "subnet_owner_cut"],
    ["max_epochs_per_block", "max_epochs_per_block"], ["subnet_moving_alpha", "subnet_moving_alpha"], ["ck_burn", "ck_burn"],
    ["total_stake", "total_stake"],
  ];
  for (const [from, to] of copy) if (inputs[from] !== undefined) snap[to] = inputs[from];
  if (inputs.block_emission_storage !== undefined) snap.block_emission = inputs.block_emission_storage;
  snap.subnets = inputs.subnets.map((x: Json, i: number) => {
    if (x === null || typeof x !== "object") throw new TaomathError("invalid_type", `inputs.subnets[${i}]`, "expected an object");
    const n: Json = { netuid: x.netuid, tao_reserve: x.tao_reserve, alpha_reserve: x.alpha_reserve };
    const fields: Array<[string, string]> = [
      ["mechanism", "mechanism"], ["alpha_out", "alpha_out"], ["total_alpha_issuance", "alpha_assets_issuance"],
      ["quote_weight", "quote_weight"], ["pal_swap_initialized", "pal_swap_initialized"], ["fee_rate", "fee_rate"],
      ["moving_price", "moving_price"], ["ema_halving_blocks", "ema_price_halving_blocks"], ["protocol_alpha", "protocol_alpha"],
      ["miner_burned", "miner_burned"], ["tempo", "tempo"], ["last_epoch_block", "last_epoch_block"],
      ["pending_epoch_at", "pending_epoch_at"], ["blocks_since_last_step", "blocks_since_last_step"], ["epoch_index", "epoch_index"],
      ["pending_server", "pending_server"], ["pending_validator", "pending_validator"], ["pending_root", "pending_root"],
      ["pending_owner_cut", "pending_owner_cut"], ["subtoken_enabled", "subtoken_enabled"],
      ["registration_allowed", "registration_allowed"], ["emission_enabled", "emission_enabled"],
      ["owner_cut_enabled", "owner_cut_enabled"], ["last_mechanism_step_block", "last_mechanism_step_block"],
      // beyond the schema's inputs: the storage its outputs record, so a written state replays exactly
      ...EXTRA_SUBNET_FIELDS.map((f): [string, string] => [f, f]),
    ];
    for (const [from, to] of fields) if (x[from] !== undefined) n[to] = x[from];
    if (x.last_epoch_block === undefined) {
      throw new TaomathError("unsupported", `inputs.subnets[${i}].last_epoch_block`, "the chain's default stagger of LastEpochBlock is not modelled; give it");
    }
    n.first_emission_block_number = x.first_emission_block ?? null;
    // alpha the model cannot attribute to anyone: everything outstanding but the pending and protocol buckets
    const owner = str(x.owner_hotkey), coldkey = str(x.owner_coldkey);
    n.owner_hotkey = owner ?? `owner-${x.netuid}`;
    n.has_owner = owner !== undefined && coldkey !== undefined;
    if (owner !== undefined && coldkey !== undefined) n.owners = { [owner]: coldkey };
    if (owner !== undefined) n.stakes = { [owner]: "0" };
    if (x.owner_stake !== undefined && x.owner_stake !== null && owner !== undefined) n.stakes = { [owner]: String(x.owner_stake) };
    const outstanding = BigInt(x.alpha_out ?? 0) - BigInt(x.owner_stake ?? 0);
    const pending = ["pending_server", "pending_validator", "pending_root", "pending_owner_cut", "protocol_alpha"].reduce((t, k) => t + BigInt(x[k] ?? 0), 0n);
    n.unowned_alpha = (outstanding - pending).toString();
    n.vector_owner = owner !== undefined;
    return n;
  });
  return snap;
}

/** A Network holding a block vector case's input state. */
export function networkFromVector(tm: Taomath, inputs: Json): Network {
  const snap = snapshotFromVector(inputs);
  const ownerKnown = new Map<number, boolean>(snap.subnets.map((n: Json) => [Number(n.netuid), n.vector_owner]));
  for (const n of snap.subnets) delete n.vector_owner;
  const net = Network.fromSnapshot(tm, snap);
  vectorOwners.set(net, ownerKnown);
  return net;
}

/** Which subnets of a Network built from a vector have an owner hotkey (SubnetOwnerHotkey set). */
const vectorOwners = new WeakMap<Network, Map<number, boolean>>();

/** The state after the block just run, as one entry of a block vector's `outputs`. */
export function vectorBlockState(tm: Taomath, net: Network, report: StepReport): Json {
  const s = net.state;
  const em = emissionOf(tm);
  const owners = vectorOwners.get(net);
  const events: string[] = [];
  for (const e of report.epochs) {
    if (e.block !== s.block) continue;
    if (e.outcome === "deferred") events.push(`EpochDeferred(${e.netuid},${e.block},${e.block + 1n})`);
    else if (e.outcome === "skipped") events.push(`EpochSkipped(${e.netuid},${e.block})`);
  }
  const subnets = s.subnets.filter((n) => n.netuid !== 0);
  const emitting = subnets.filter((n) => n.first_emission_block_number !== null && n.subtoken_enabled && n.registration_allowed);
  return {
    balances_total_issuance: s.balances_total_issuance.toString(),
    block: Number(s.block),
    block_emission_storage: s.block_emission.toString(),
    events,
    root_sell_flag: report.root_sell_flag ?? false,
    root_tao: s.root_tao.toString(),
    subnets: subnets.map((n) => ({
      alpha_assets_burned: n.alpha_assets_burned.toString(),
      alpha_assets_issuance: n.alpha_assets_issuance.toString(),
      alpha_assets_recycled: n.alpha_assets_recycled.toString(),
      alpha_in_emission: n.alpha_in_emission.toString(),
      alpha_out: n.alpha_out.toString(),
      alpha_out_emission: n.alpha_out_emission.toString(),
      alpha_reserve: n.alpha_reserve.toString(),
      blocks_since_last_step: n.blocks_since_last_step.toString(),
      epoch_index: n.epoch_index.toString(),
      excess_tao: n.excess_tao.toString(),
      last_epoch_block: n.last_epoch_block.toString(),
      last_mechanism_step_block: n.last_mechanism_step_block.toString(),
      miner_burned: n.miner_burned.toString(),
      moving_price: n.moving_price.toString(),
      netuid: n.netuid,
      owner_stake: (owners === undefined || owners.get(n.netuid)) ? (n.stakes.get(n.owner_hotkey) ?? 0n).toString() : null,
      pal_swap_initialized: n.pal_swap_initialized,
      pending_epoch_at: n.pending_epoch_at.toString(),
      pending_owner_cut: n.pending_owner_cut.toString(),
      pending_root: n.pending_root.toString(),
      pending_server: n.pending_server.toString(),
      pending_validator: n.pending_validator.toString(),
      price: em.spotPrice(n.mechanism, n.tao_reserve, n.alpha_reserve, n.quote_weight).toString(),
      protocol_alpha: n.protocol_alpha.toString(),
      protocol_flow: n.protocol_flow.toString(),
      quote_weight: n.quote_weight.toString(),
      root_prop: n.root_prop === null ? null : n.root_prop.toString(),
      subnet_account_balance: n.subnet_account_balance.toString(),
      tao_in_emission: n.tao_in_emission.toString(),
      tao_reserve: n.tao_reserve.toString(),
      volume: n.volume.toString(),
    })),
    subnets_to_emit_to: emitting.map((n) => n.netuid),
    tao_block_emission: (report.tao_block_emission ?? 0n).toString(),
    total_issuance: s.total_issuance.toString(),
    total_stake: s.total_stake.toString(),
  };
}

/**
 * The Network's state as a block vector case's `inputs` (to run `blocks` more blocks), with the
 * output-only storage (flows, volume, asset counters, account balance, root proportion, counters,
 * the owner's stake, BlockEmission) added so that the written state replays exactly. Only the
 * state of subnets without neurons and nominators is expressible in this schema.
 */
export function vectorInputsOf(net: Network, blocks: number): Json {
  const s = net.state;
  const owners = vectorOwners.get(net);
  const out: Json = {
    block: (s.block + 1n).toString(), blocks, total_issuance: s.total_issuance.toString(),
    balances_total_issuance: s.balances_total_issuance.toString(), total_stake: s.total_stake.toString(),
    root_tao: s.root_tao.toString(), tao_weight: s.tao_weight.toString(), subnet_owner_cut: s.subnet_owner_cut,
    max_epochs_per_block: s.max_epochs_per_block, subnet_moving_alpha: s.subnet_moving_alpha.toString(), ck_burn: s.ck_burn.toString(),
    block_emission_storage: s.block_emission.toString(),
  };
  out.subnets = s.subnets.filter((n) => n.netuid !== 0).map((n) => {
    if (n.neurons !== null || n.share_pools.size > 0) {
      throw new TaomathError("unsupported", `subnets[netuid ${n.netuid}]`, "a subnet with neurons or share pools does not fit coinbase-blocks-vector/1");
    }
    const x: Json = {
      netuid: n.netuid, mechanism: n.mechanism, tao_reserve: n.tao_reserve.toString(), alpha_reserve: n.alpha_reserve.toString(),
      alpha_out: n.alpha_out.toString(), total_alpha_issuance: n.alpha_assets_issuance.toString(), quote_weight: n.quote_weight.toString(),
      pal_swap_initialized: n.pal_swap_initialized, fee_rate: n.fee_rate, moving_price: n.moving_price.toString(),
      ema_halving_blocks: n.ema_price_halving_blocks.toString(), protocol_alpha: n.protocol_alpha.toString(), miner_burned: n.miner_burned.toString(),
      tempo: n.tempo, last_epoch_block: n.last_epoch_block.toString(), pending_epoch_at: n.pending_epoch_at.toString(),
      blocks_since_last_step: n.blocks_since_last_step.toString(), epoch_index: n.epoch_index.toString(),
      last_mechanism_step_block: n.last_mechanism_step_block.toString(),
      pending_server: n.pending_server.toString(), pending_validator: n.pending_validator.toString(),
      pending_root: n.pending_root.toString(), pending_owner_cut: n.pending_owner_cut.toString(),
      subtoken_enabled: n.subtoken_enabled, registration_allowed: n.registration_allowed, emission_enabled: n.emission_enabled,
      owner_cut_enabled: n.owner_cut_enabled,
    };
    if (n.first_emission_block_number !== null) x.first_emission_block = n.first_emission_block_number.toString();
    if (owners === undefined || owners.get(n.netuid)) {
      x.owner_hotkey = n.owner_hotkey;
      if (n.has_owner) x.owner_coldkey = n.owners.get(n.owner_hotkey) ?? n.owner_hotkey;
      x.owner_stake = (n.stakes.get(n.owner_hotkey) ?? 0n).toString();
    }
    for (const f of EXTRA_SUBNET_FIELDS) {
      const v = (n as unknown as Record<string, unknown>)[f];
      x[f] = v === null ? null : String(v);
    }
    return x;
  });
  return out;
}

/** Runs one block vector case: `inputs.blocks` blocks, the state after each. */
export function runBlocksCase(tm: Taomath, inputs: Json): Json[] {
  const net = networkFromVector(tm, inputs);
  const blocks = Number(inputs.blocks);
  if (!Number.isSafeInteger(blocks) || blocks < 0) throw new TaomathError("out_of_range", "inputs.blocks", "expected a block count");
  const outputs: Json[] = [];
  for (let b = 0; b < blocks; b++) {
    const report = net.step(1);
    if (report.violations.length > 0) throw new TaomathError("unsupported", "inputs", `conservation failed: ${report.violations[0]}`);
    outputs.push(vectorBlockState(tm, net, report));
  }
  return outputs;
}
