// The network model's state in the schema of the chain's block vectors (coinbase-blocks-vector/1,
// vectors/README.md): a Network built from a case's `inputs` (chain storage as of the block before
// `inputs.block`, absent fields taking the chain's defaults), and the state after a block written
// as one entry of the case's `outputs`, in the vector's encoding and field order. A user replays a
// recorded chain state by building the Network, stepping it one block at a time and writing each
// block's state.

import type { Taomath } from "../core/taomath.js";
import { Network, type StepReport, type SubnetState } from "./network.js";
import type { EpochOutput } from "../bindings/epoch.js";
import { emissionOf } from "../emission/projection.js";
import { TaomathError } from "../core/errors.js";
import { toU64 } from "../bindings/values.js";
import { serializeSharePools } from "./nominators.js";
import { U64_MAX } from "../core/ints.js";

type Json = Record<string, any>;

/** Subnet storage the schema records in its outputs only; vectorInputsOf writes it too and snapshotFromVector reads it back. */
const EXTRA_SUBNET_FIELDS = [
  "protocol_flow", "volume", "alpha_assets_burned", "alpha_assets_recycled", "subnet_account_balance", "root_prop",
  "alpha_in_emission", "alpha_out_emission", "tao_in_emission", "excess_tao",
];

const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));

/**
 * Account ids are plain integers in the vectors. The model keys them as "a<id>" so that maps built
 * from JSON objects keep their insertion order (integer-like keys would be reordered).
 */
export const acct = (id: unknown): string => `a${String(id)}`;
const idOf = (key: string): number => Number(key.startsWith("a") ? key.slice(1) : key);

/** The taomath-network/1 snapshot of a vector case's `inputs`. */
export function snapshotFromVector(inputs: Json): Json {
  if (inputs === null || typeof inputs !== "object" || !Array.isArray(inputs.subnets)) {
    throw new TaomathError("invalid_type", "inputs", "expected a block vector's inputs with a `subnets` array");
  }
  if (inputs.block === undefined) throw new TaomathError("invalid_type", "inputs.block", "expected the first block to run");
  const first = toU64(inputs.block, "inputs.block");
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
  if (inputs.root_claimable !== undefined) (snap.root_claims ??= { stakes: {} }).rates = inputs.root_claimable;
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
    const owner = x.owner_hotkey === undefined || x.owner_hotkey === null ? undefined : acct(x.owner_hotkey);
    const coldkey = x.owner_coldkey === undefined || x.owner_coldkey === null ? undefined : acct(x.owner_coldkey);
    n.owner_hotkey = owner ?? `owner-${x.netuid}`;
    n.has_owner = owner !== undefined && coldkey !== undefined;
    if (owner !== undefined && coldkey !== undefined) n.owners = { [owner]: coldkey };
    if (owner !== undefined) n.stakes = { [owner]: "0" };
    if (x.owner_stake !== undefined && x.owner_stake !== null && owner !== undefined) n.stakes = { [owner]: String(x.owner_stake) };
    const f = `inputs.subnets[${i}]`;
    let staked = x.owner_stake === undefined || x.owner_stake === null ? 0n : toU64(x.owner_stake, `${f}.owner_stake`);
    if (x.neurons !== undefined) staked = payoutSubnet(inputs, x, n, snap, f);
    const outstanding = toU64(x.alpha_out ?? 0, `${f}.alpha_out`) - staked - (x.root_unclaimed === undefined ? 0n : toU64(x.root_unclaimed, `${f}.root_unclaimed`));
    const pending = ["pending_server", "pending_validator", "pending_root", "pending_owner_cut", "protocol_alpha"].reduce((t, k) => t + toU64(x[k] ?? 0, `${f}.${k}`), 0n);
    n.unowned_alpha = (outstanding - pending).toString();
    n.vector_owner = owner !== undefined;
    return n;
  });
  return snap;
}

/** U96F32 get_tao_inherited_for_hotkey_on_subnet / get_inherited_for_hotkey_on_subnet on integer stakes. */
function inherited(own: bigint, children: bigint[], parents: Array<[bigint, bigint]>): bigint {
  const frac = (p: bigint) => (p << 32n) / U64_MAX; // U96F32 proportion safe_div(u64::MAX)
  let toChildren = 0n, fromParents = 0n;
  for (const p of children) toChildren += own * frac(p);
  for (const [p, stake] of parents) fromParents += stake * frac(p);
  const mine = own << 32n;
  return ((mine > toChildren ? mine - toChildren : 0n) + fromParents) >> 32n;
}

/**
 * A subnet with neurons (payout-blocks-vector/1): the epoch inputs, each hotkey's alpha through
 * its share pool (coldkeys staked in the given order), children and takes, root stakes and the
 * global Delegates takes. Returns the alpha staked on the subnet.
 */
function payoutSubnet(inputs: Json, x: Json, n: Json, snap: Json, f: string): bigint {
  if (!Array.isArray(x.neurons)) throw new TaomathError("invalid_type", `${f}.neurons`, "expected one entry per uid");
  if (inputs.hotkeys !== undefined && !Array.isArray(inputs.hotkeys)) throw new TaomathError("invalid_type", "inputs.hotkeys", "expected an array of hotkeys");
  const netuid = Number(x.netuid);
  const hotkeys: Json[] = inputs.hotkeys ?? [];
  const neurons: Json[] = x.neurons;
  const nominators: Record<string, Record<string, string>> = {};
  const pair = (e: unknown, field: string): [unknown, bigint] => {
    if (!Array.isArray(e) || e.length !== 2) throw new TaomathError("invalid_type", field, "expected [account, amount]");
    return [e[0], toU64(e[1], `${field}[1]`)];
  };
  const stakeOn = (h: string, list: unknown[], field: string) => {
    const m = (nominators[h] ??= {});
    list.forEach((e, j) => { const [c, a] = pair(e, `${field}[${j}]`); m[acct(c)] = (BigInt(m[acct(c)] ?? 0) + a).toString(); });
  };
  const owners: Record<string, string> = { ...(n.owners ?? {}) };
  const rootStakes: Record<string, Record<string, string>> = (snap.root_claims ??= { stakes: {} }).stakes;
  const rootOn = (h: string, list: unknown[] | undefined, field: string) => {
    (list ?? []).forEach((e, j) => { const [c, a] = pair(e, `${field}[${j}]`); (rootStakes[h] ??= {})[acct(c)] = (BigInt(rootStakes[h]?.[acct(c)] ?? 0) + a).toString(); });
  };
  neurons.forEach((u, uid) => {
    const h = acct(u.hotkey);
    owners[h] = acct(u.coldkey);
    stakeOn(h, u.stake ?? [], `${f}.neurons[${uid}].stake`);
    rootOn(h, u.root_stake, `${f}.neurons[${uid}].root_stake`);
  });
  const children: Record<string, Array<[string, string]>> = {};
  const takes: Record<string, number> = {};
  const minTake = Math.max(Number(inputs.min_childkey_take ?? 0), Number(x.min_childkey_take ?? 0));
  const delegateTakes: Record<string, number> = (snap.delegate_takes ??= {});
  for (const k of hotkeys) {
    const h = acct(k.hotkey);
    if (k.coldkey !== undefined && owners[h] === undefined) owners[h] = acct(k.coldkey);
    if (k.delegate_take !== undefined) delegateTakes[h] = Number(k.delegate_take);
    for (const a of k.alpha_stake ?? []) if (Number(a.netuid) === netuid) stakeOn(h, a.stake ?? [], `inputs.hotkeys[${h}].alpha_stake`);
    for (const c of k.children ?? []) {
      if (Number(c.netuid) !== netuid) continue;
      children[h] = (c.children ?? []).map((e: unknown, j: number) => {
        const field = `inputs.hotkeys[${k.hotkey}].children[${j}]`;
        if (!Array.isArray(e) || e.length !== 2) throw new TaomathError("invalid_type", field, "expected [proportion, child hotkey]");
        return [toU64(e[0], `${field}[0]`).toString(), acct(e[1])];
      });
    }
    for (const [nu, t] of k.childkey_take ?? []) if (Number(nu) === netuid) takes[h] = Number(t);
  }
  // the owner hotkey's alpha is a share pool too, even when it is neither a neuron nor listed
  const ownerKey = x.owner_hotkey === undefined ? undefined : acct(x.owner_hotkey);
  if (ownerKey !== undefined) nominators[ownerKey] ??= {};
  // root stakes are global: gather them once per case
  if (!snap.root_stakes_done) {
    for (const k of hotkeys) rootOn(acct(k.hotkey), k.root_stake, `inputs.hotkeys[${k.hotkey}].root_stake`);
    snap.root_stakes_done = true;
  }
  // ChildkeyTake is at least the effective minimum, for every hotkey that can be a child
  const childkeyTakes: Record<string, number> = {};
  for (const h of new Set([...neurons.map((u) => acct(u.hotkey)), ...hotkeys.map((k) => acct(k.hotkey))])) childkeyTakes[h] = Math.max(takes[h] ?? 0, minTake);
  const rootOf = (h: string) => Object.values(rootStakes[h] ?? {}).reduce((t, v) => t + BigInt(v), 0n);
  // the payout reads each hotkey's own root stake (0 when it has none), not the epoch's inherited one
  const rootTotals: Record<string, string> = (snap.root_stakes ??= {});
  for (const h of Object.keys(childkeyTakes)) rootTotals[h] = rootOf(h).toString();
  const parentsOf = new Map<string, Array<[bigint, string]>>();
  for (const [p, cs] of Object.entries(children)) for (const [prop, c] of cs) parentsOf.set(c, [...(parentsOf.get(c) ?? []), [BigInt(prop), p]]);
  const tempo = Number(x.tempo ?? 360);
  const cutoffFactor = Number(x.activity_cutoff_factor_milli ?? 5000);
  const ownerHotkey = x.owner_hotkey === undefined ? undefined : acct(x.owner_hotkey);
  const ownerUid = neurons.findIndex((u) => acct(u.hotkey) === ownerHotkey);
  n.neurons = {
    hotkeys: neurons.map((u) => acct(u.hotkey)),
    tao_stake: neurons.map((u) => {
      const h = acct(u.hotkey);
      return inherited(rootOf(h), (children[h] ?? []).map(([p]) => BigInt(p)), (parentsOf.get(h) ?? []).map(([p, ph]) => [p, rootOf(ph)])).toString();
    }),
    tempo, activity_cutoff: String(Math.max(1, Math.floor((cutoffFactor * tempo) / 1000))),
    tao_weight: String(inputs.tao_weight ?? "0"), stake_threshold: String(inputs.stake_threshold ?? "0"),
    owner_uid: ownerUid >= 0 ? ownerUid : null,
    validator_permit: neurons.map((u) => Boolean(u.validator_permit)),
    max_allowed_validators: Number(x.max_allowed_validators ?? 64),
    last_update: neurons.map((u) => String(u.last_update ?? "0")),
    block_at_registration: neurons.map((u) => String(u.block_at_registration ?? "0")),
    weights: neurons.map((u) => u.weights ?? []), bonds: neurons.map((u) => u.bonds ?? []),
    kappa: Number(x.kappa ?? 32767), bonds_penalty: Number(x.bonds_penalty ?? 65535),
    bonds_moving_average: String(x.bonds_moving_average ?? "900000"),
    liquid_alpha_enabled: Boolean(x.liquid_alpha_enabled ?? false), alpha_low: Number(x.alpha_low ?? 45875), alpha_high: Number(x.alpha_high ?? 58982),
    alpha_sigmoid_steepness: Number(x.alpha_sigmoid_steepness ?? 1000), yuma3_enabled: Boolean(x.yuma3_enabled ?? false),
    commit_reveal_enabled: Boolean(x.commit_reveal_enabled ?? false), commit_blocks: null,
    takes: neurons.map((u) => delegateTakes[acct(u.hotkey)] ?? 11_796),
  };
  if (x.share_pools !== undefined) {
    // a state written by vectorInputsOf: the pools as they were, not rebuilt from the coldkeys' values
    n.share_pools = x.share_pools;
    n.stakes = x.hotkey_alpha ?? {};
    let total = 0n;
    for (const [h, v] of Object.entries(n.stakes)) total += toU64(v, `${f}.hotkey_alpha[${h}]`);
    finishPayoutSubnet(x, n, owners, children, childkeyTakes, snap);
    return total;
  }
  n.nominators = nominators;
  delete n.stakes;
  finishPayoutSubnet(x, n, owners, children, childkeyTakes, snap);
  let staked = 0n;
  for (const m of Object.values(nominators)) for (const v of Object.values(m)) staked += BigInt(v);
  return staked;
}

function finishPayoutSubnet(x: Json, n: Json, owners: Json, children: Json, childkeyTakes: Json, snap: Json): void {
  n.owners = owners;
  n.children = children;
  n.childkey_takes = childkeyTakes;
  n.recycle_owner_incentive = Number(x.recycle_or_burn ?? 0) === 1;
  if (x.activity_cutoff !== undefined) n.neurons.activity_cutoff = String(x.activity_cutoff);
  if (x.root_unclaimed !== undefined) n.root_unclaimed = x.root_unclaimed;
  snap.weights_refreshed = false;
}

/** A Network holding a block vector case's input state. */
export function networkFromVector(tm: Taomath, inputs: Json): Network {
  const snap = snapshotFromVector(inputs);
  const ownerKnown = new Map<number, boolean>(snap.subnets.map((n: Json) => [Number(n.netuid), n.vector_owner]));
  for (const n of snap.subnets) delete n.vector_owner;
  delete snap.root_stakes_done;
  // every coinbase and payout vector is runtime 425's (opentensor/subtensor 14bc6f9f)
  snap.runtime = 425;
  const net = Network.fromSnapshot(tm, snap);
  // the dividends of each subnet's last payout, as a written state carries them
  for (const x of inputs.subnets) {
    if (x.alpha_dividends === undefined) continue;
    const map = (o: Json) => new Map(Object.entries(o ?? {}).map(([h, v]) => [h, toU64(v, `alpha_dividends[${h}]`)]));
    net.payouts.set(Number(x.netuid), { block: -1n, epoch: null, alpha_dividends: map(x.alpha_dividends), root_alpha_dividends: map(x.root_alpha_dividends) });
  }
  vectorOwners.set(net, ownerKnown);
  return net;
}

/** Which subnets of a Network built from a vector have an owner hotkey (SubnetOwnerHotkey set). */
const vectorOwners = new WeakMap<Network, Map<number, boolean>>();

/** A subnet's hotkeys as payout-blocks-vector/1 lists them: stakes through the share pools, rates and dividends. */
function hotkeysOf(net: Network, n: SubnetState): Json[] {
  const record = net.payouts.get(n.netuid);
  const keys = new Set<string>([...n.stakes.keys()]);
  for (const [h, m] of net.claims.rates) if (m.has(n.netuid)) keys.add(h);
  for (const h of record?.alpha_dividends.keys() ?? []) keys.add(h);
  return [...keys].sort((a, b) => idOf(a) - idOf(b)).map((h) => {
    const total = n.stakes.get(h) ?? 0n;
    const values = n.share_pools.has(h) ? [...net.coldkeyStakesOf(n.netuid, h)] : [];
    const rate = net.claims.rates.get(h)?.get(n.netuid);
    return {
      alpha_dividends: (record?.alpha_dividends.get(h) ?? 0n).toString(),
      hotkey: idOf(h),
      root_alpha_dividends: (record?.root_alpha_dividends.get(h) ?? 0n).toString(),
      root_claimable: rate === undefined ? null : rate.toString(),
      stake: values.filter(([, v]) => v > 0n).sort((a, b) => idOf(a[0]) - idOf(b[0])).map(([c, v]) => [idOf(c), v.toString()]),
      total_alpha: total.toString(),
    };
  });
}

function epochOf(e: EpochOutput): Json {
  return {
    active: e.active, bonds: e.bonds, consensus: e.consensus, dividends: e.dividends, emission: e.emission.map(String),
    incentive: e.incentive, stake_weight: e.stake_weight, validator_permit: e.validator_permit, validator_trust: e.validator_trust,
  };
}

/** The state after the block just run, as one entry of a block vector's `outputs` (`last`: the run's last block). */
export function vectorBlockState(tm: Taomath, net: Network, report: StepReport, last = false): Json {
  const s = net.state;
  const em = emissionOf(tm);
  const owners = vectorOwners.get(net);
  const events: string[] = [];
  for (const e of report.epochs) {
    if (e.block !== s.block) continue;
    if (e.outcome === "deferred") events.push(`EpochDeferred(${e.netuid},${e.block},${e.block + 1n})`);
    else if (e.outcome === "skipped") events.push(`EpochSkipped(${e.netuid},${e.block})`);
  }
  // the epochs' IncentiveAlphaEmittedToMiners, in the netuid order distribute_emissions_to_subnets pays them
  const paidNow = [...net.payouts].filter(([, r]) => r.block === s.block).map(([netuid]) => netuid).sort((a, b) => a - b);
  for (const netuid of paidNow) events.push(`IncentiveAlphaEmittedToMiners(${netuid})`);
  const subnets = s.subnets.filter((n) => n.netuid !== 0);
  const emitting = subnets.filter((n) => n.first_emission_block_number !== null && n.subtoken_enabled && n.registration_allowed);
  return {
    balances_total_issuance: s.balances_total_issuance.toString(),
    block: Number(s.block),
    block_emission_storage: s.block_emission.toString(),
    events,
    root_sell_flag: report.root_sell_flag ?? false,
    root_tao: s.root_tao.toString(),
    subnets: subnets.map((n) => sortKeys({
      ...(n.neurons === null ? {} : {
        epoch: paidNow.includes(n.netuid) ? epochOf(net.payouts.get(n.netuid)!.epoch!) : null,
        hotkeys: paidNow.includes(n.netuid) || last ? hotkeysOf(net, n) : null,
      }),
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
  const hotkeys = new Map<string, Json>();
  out.subnets = s.subnets.filter((n) => n.netuid !== 0).map((n) => {
    if (n.neurons === null && n.share_pools.size > 0) {
      throw new TaomathError("unsupported", `subnets[netuid ${n.netuid}]`, "share pools on a subnet without neurons do not fit the block vectors' schema");
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
      x.owner_hotkey = idOut(n.owner_hotkey);
      if (n.has_owner) x.owner_coldkey = idOut(n.owners.get(n.owner_hotkey) ?? n.owner_hotkey);
      if (n.neurons === null) x.owner_stake = (n.stakes.get(n.owner_hotkey) ?? 0n).toString();
    }
    for (const f of EXTRA_SUBNET_FIELDS) {
      const v = (n as unknown as Record<string, unknown>)[f];
      x[f] = v === null ? null : String(v);
    }
    if (n.neurons !== null) writeNeurons(net, n, x, out, hotkeys);
    return x;
  });
  if (hotkeys.size > 0) {
    out.hotkeys = [...hotkeys.values()];
    out.root_claimable = Object.fromEntries([...net.claims.rates].map(([h, m]) => [h, Object.fromEntries([...m].map(([nu, r]) => [String(nu), r.toString()]))]));
  }
  return out;
}

/** An account key as the vectors write it: the integer id for "a<id>", else the name. */
function idOut(key: string): number | string { return /^a[0-9]+$/.test(key) ? Number(key.slice(1)) : key; }

/**
 * A subnet with neurons in payout-blocks-vector/1 form, with what the schema cannot express exactly
 * added beside it: the share pools as they are (share_pools, hotkey_alpha), the cutoff in blocks
 * (activity_cutoff), root dividends waiting for claims (root_unclaimed) and the last payout's dividends.
 */
function writeNeurons(net: Network, n: SubnetState, x: Json, out: Json, hotkeys: Map<string, Json>): void {
  const nn = n.neurons!;
  const entry = (h: string): Json => {
    let e = hotkeys.get(h);
    if (!e) {
      e = { hotkey: idOut(h) };
      const c = n.owners.get(h);
      if (c !== undefined) e.coldkey = idOut(c);
      const t = net.state.delegate_takes.get(h);
      if (t !== undefined) e.delegate_take = t;
      const rs = net.claims.rootStakes.get(h);
      e.root_stake = rs === undefined ? [] : [...rs].map(([ck, v]) => [idOut(ck), v.toString()]);
      e.alpha_stake = []; e.children = []; e.childkey_take = [];
      hotkeys.set(h, e);
    }
    return e;
  };
  x.neurons = nn.hotkeys.map((h, uid) => ({
    hotkey: idOut(h), coldkey: idOut(n.owners.get(h) ?? h), stake: [], root_stake: [],
    weights: nn.weights[uid], bonds: nn.bonds[uid], last_update: String(nn.last_update[uid] ?? 0),
    block_at_registration: String(nn.block_at_registration[uid]), validator_permit: Boolean(nn.validator_permit[uid]),
  }));
  nn.hotkeys.forEach((h, uid) => {
    const e = entry(h);
    if (e.delegate_take === undefined && nn.takes?.[uid] !== undefined) e.delegate_take = nn.takes[uid];
  });
  for (const [p, cs] of n.children) entry(p).children.push({ netuid: n.netuid, children: cs.map(([prop, c]) => [prop.toString(), idOut(c)]) });
  for (const [h, t] of n.childkey_takes) entry(h).childkey_take.push([n.netuid, t]);
  Object.assign(x, {
    kappa: nn.kappa, bonds_moving_average: String(nn.bonds_moving_average), bonds_penalty: nn.bonds_penalty,
    yuma3_enabled: nn.yuma3_enabled, liquid_alpha_enabled: nn.liquid_alpha_enabled, alpha_low: nn.alpha_low, alpha_high: nn.alpha_high,
    alpha_sigmoid_steepness: nn.alpha_sigmoid_steepness, max_allowed_validators: nn.max_allowed_validators,
    commit_reveal_enabled: nn.commit_reveal_enabled, recycle_or_burn: n.recycle_owner_incentive ? 1 : 0,
    activity_cutoff: String(nn.activity_cutoff), root_unclaimed: n.root_unclaimed.toString(),
    share_pools: serializeSharePools(n.share_pools), hotkey_alpha: Object.fromEntries([...n.stakes].map(([h, v]) => [h, v.toString()])),
  });
  out.stake_threshold = String(nn.stake_threshold);
  const record = net.payouts.get(n.netuid);
  if (record) {
    x.alpha_dividends = Object.fromEntries([...record.alpha_dividends].map(([h, v]) => [h, v.toString()]));
    x.root_alpha_dividends = Object.fromEntries([...record.root_alpha_dividends].map(([h, v]) => [h, v.toString()]));
  }
}

function sortKeys(o: Json): Json {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
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
    outputs.push(vectorBlockState(tm, net, report, b === blocks - 1));
  }
  return outputs;
}
