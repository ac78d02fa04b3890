// The network model's state and its plain-JSON snapshot: types, parsing with validation (a typed
// error naming the subnet and field for anything inconsistent), and serialisation. The snapshot
// schema is "taomath-network/1"; u64 values are decimal strings, fixed point values raw bit strings.

import type { EpochInput } from "../bindings/epoch.js";
import type { PoolReserves } from "./coinbase.js";
import { DEFAULT_TAO_WEIGHT, DEFAULT_SUBNET_OWNER_CUT, DEFAULT_MAX_EPOCHS_PER_BLOCK } from "../bindings/coinbase.js";
import { DEFAULT_SUBNET_MOVING_ALPHA, TOTAL_SUPPLY } from "../bindings/emission.js";
import { toU64, toInt, toBool, toFixedBits, type BitsType } from "../bindings/values.js";
import { TaomathError } from "../core/errors.js";
import type { MechanismState } from "../bindings/mechanisms.js";
import { parseSharePools, serializeSharePools, type HotkeyShares } from "./nominators.js";
import { satU64, U64_MAX } from "../core/ints.js";
import { resolveRuntime, type ResolvedRuntime } from "../core/runtime.js";

/** A subnet's SwapSuperellipse entry (runtime 473): u128 scales, i128 centres, all Q32. */
export interface EllipseState { alpha_scale: bigint; tao_scale: bigint; center_alpha: bigint; center_tao: bigint }

/** The epoch inputs of a subnet other than what the model owns (stakes, block, emission). */
export type NeuronsInput = Omit<EpochInput, "n" | "alpha_stake" | "current_block" | "rao_emission" | "last_mechanism_step_block"> & {
  /** hotkey of each uid */
  hotkeys: string[];
  /** delegate take of each uid's hotkey (u16 / 65535); default 11_796 */
  takes?: number[];
  /**
   * Mechanisms 1.. of a subnet with several incentive mechanisms (MechanismCountCurrent − 1
   * entries): each with its own weights, bonds and LastUpdate. Mechanism 0 is the neurons' own
   * weights, bonds and last_update. Absent or empty: one mechanism.
   */
  extra_mechanisms?: MechanismState[];
  /** MechanismEmissionSplit (u16 parts of 65535 per mechanism, 0 first), or null/absent for even */
  mechanism_emission_split?: number[] | null;
};

/** A subnet in the model: its pool (chain storage names, as the coinbase reads it) and everything else. */
export interface SubnetState extends PoolReserves {
  owner_hotkey: string;
  tempo: number;
  last_epoch_block: bigint;
  pending_epoch_at: bigint;
  blocks_since_last_step: bigint;
  epoch_index: bigint;
  last_mechanism_step_block: bigint;
  first_emission_block_number: bigint | null;
  subtoken_enabled: boolean;
  registration_allowed: boolean;
  emission_enabled: boolean;
  owner_cut_enabled: boolean;
  /** SubnetMovingPrice, I96F32 bits */
  moving_price: bigint;
  ema_price_halving_blocks: bigint;
  /** MinerBurned, U96F32 bits */
  miner_burned: bigint;
  pending_server: bigint;
  pending_validator: bigint;
  pending_root: bigint;
  pending_owner_cut: bigint;
  /** SubnetProtocolAlpha: alpha the chain bought, owned by nobody */
  protocol_alpha: bigint;
  /**
   * SubnetAlphaOut minus everything owned or pending: flooring dust, burned incentive, undistributed
   * epoch emission. It can be negative: CKBurn recycles (SubnetAlphaOut -= burn) alpha computed on the
   * epoch's dividends while the validator pot is still paid out in full by proportion, as on chain.
   */
  unowned_alpha: bigint;
  /** root dividends paid by epochs and not claimed (root claims are not modelled) */
  root_unclaimed: bigint;
  /** TAO spent into the subnet account but not in SubnetTAO (failed or partial chain buys) */
  untracked_tao: bigint;
  /** RecycleOrBurn is Recycle: incentive earned by the owner's hotkeys is recycled (else burned) */
  recycle_owner_incentive: boolean;
  /** SubnetOwner and SubnetOwnerHotkey are set, so a drained owner cut is staked (otherwise nobody gets it) */
  has_owner: boolean;
  /** SubnetProtocolFlow (i64): TAO the protocol put into the pool (injections and chain buys) */
  protocol_flow: bigint;
  /** SubnetVolume (u128): TAO swapped into the pool */
  volume: bigint;
  /** pallet alpha-assets: TotalAlphaIssuance, AlphaBurned, AlphaRecycled */
  alpha_assets_issuance: bigint;
  alpha_assets_burned: bigint;
  alpha_assets_recycled: bigint;
  /** free balance of the subnet account (every TAO the coinbase spent into it) */
  subnet_account_balance: bigint;
  /** RootProp (U96F32 bits), null while never written */
  root_prop: bigint | null;
  /** the last coinbase's SubnetAlphaInEmission, SubnetAlphaOutEmission, SubnetTaoInEmission, SubnetExcessTao */
  alpha_in_emission: bigint;
  alpha_out_emission: bigint;
  tao_in_emission: bigint;
  excess_tao: bigint;
  /** the swap pallet's BalancerTaoReservoir / BalancerAlphaReservoir (rules 459 and 473; 0 at 425) */
  tao_reservoir: bigint;
  alpha_reservoir: bigint;
  /** SwapSuperellipse (rules 473), null while the subnet has none */
  ellipse: EllipseState | null;
  /** alpha stake per hotkey on this subnet */
  stakes: Map<string, bigint>;
  /** ChildKeys: parent hotkey -> [proportion (of u64::MAX), child hotkey] */
  children: Map<string, Array<[bigint, string]>>;
  /** ParentKeys, derived from children: child hotkey -> [proportion, parent hotkey] */
  parents: Map<string, Array<[bigint, string]>>;
  /** ChildkeyTake per child hotkey (u16 / 65535), already the effective take */
  childkey_takes: Map<string, number>;
  /** Owner: coldkey of each hotkey (for the childkey take, which only applies across coldkeys) */
  owners: Map<string, string>;
  neurons: NeuronsInput | null;
  /** each hotkey's share pool over its coldkeys (nominators); hotkeys absent here are totals only */
  share_pools: Map<string, HotkeyShares>;
}

export interface NetworkState {
  /** the runtime spec_version whose rules the model runs (src/core/runtime.ts) */
  runtime: ResolvedRuntime;
  /** false when the snapshot named no runtime and was read as 425 (a snapshot from before runtimes) */
  runtime_given: boolean;
  block: bigint;
  total_issuance: bigint;
  /** the balances pallet's total issuance (the mint is capped by it); default TotalIssuance */
  balances_total_issuance: bigint;
  /** TotalStake; default SubnetTAO of root plus every subnet's */
  total_stake: bigint;
  /** BlockEmission storage: the last emission get_block_emission_for_issuance computed (TAO or a subnet's alpha) */
  block_emission: bigint;
  tao_weight: bigint;
  subnet_owner_cut: number;
  max_epochs_per_block: number;
  subnet_moving_alpha: bigint;
  root_tao: bigint;
  /** root stake per hotkey (TotalHotkeyAlpha on netuid 0); falls back to the epoch's tao_stake */
  root_stakes: Map<string, bigint>;
  /** CKBurn (u64 fraction of u64::MAX) */
  ck_burn: bigint;
  /** hotkeys holding a root uid (Uids(ROOT, hotkey)); read by the 473 dividend split. null: every hotkey with a root stake in root_stakes */
  root_uids: Set<string> | null;
  /** Delegates: the delegate take of a hotkey (u16 / 65535), for hotkeys not given per uid in neurons.takes */
  delegate_takes: Map<string, number>;
  /**
   * true (default): validators with weights keep setting the same weights, so their LastUpdate
   * follows the block; false: nothing is submitted and weights age past the activity cutoff.
   */
  weights_refreshed: boolean;
  /** in the chain's storage iteration order (see storageKey) */
  subnets: SubnetState[];
}

/** The state as plain JSON (u64 as decimal strings, fixed point as bit strings). */
export function serializeState(s: NetworkState): Record<string, unknown> {
  return {
    schema: "taomath-network/1",
    runtime: s.runtime.spec_version,
    block: s.block.toString(), total_issuance: s.total_issuance.toString(),
    balances_total_issuance: s.balances_total_issuance.toString(), total_stake: s.total_stake.toString(), block_emission: s.block_emission.toString(),
    tao_weight: s.tao_weight.toString(),
    subnet_owner_cut: s.subnet_owner_cut, max_epochs_per_block: s.max_epochs_per_block,
    subnet_moving_alpha: s.subnet_moving_alpha.toString(), root_tao: s.root_tao.toString(),
    root_stakes: Object.fromEntries([...s.root_stakes].map(([h, a]) => [h, a.toString()])), ck_burn: s.ck_burn.toString(),
    weights_refreshed: s.weights_refreshed,
    ...(s.root_uids !== null ? { root_uids: [...s.root_uids] } : {}),
    ...(s.delegate_takes.size > 0 ? { delegate_takes: Object.fromEntries(s.delegate_takes) } : {}),
    subnets: s.subnets.map((n) => {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(n)) {
        if (k === "parents") continue; // derived from children
        if (k === "stakes") o[k] = Object.fromEntries([...n.stakes].map(([h, a]) => [h, a.toString()]));
        else if (k === "children") o[k] = Object.fromEntries([...n.children].map(([h, cs]) => [h, cs.map(([p, c]) => [p.toString(), c])]));
        else if (k === "childkey_takes" || k === "owners") o[k] = Object.fromEntries(v as Map<string, unknown>);
        else if (k === "share_pools") { if (n.share_pools.size > 0) o[k] = serializeSharePools(n.share_pools); }
        else if (k === "ellipse") o[k] = n.ellipse === null ? null : Object.fromEntries(Object.entries(n.ellipse).map(([f, x]) => [f, x.toString()]));
        else if (k === "neurons") o[k] = v === null ? null : JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x)));
        else o[k] = typeof v === "bigint" ? v.toString() : v;
      }
      return o;
    }),
  };
}

function storageKey(netuid: number): number { return ((netuid & 0xff) << 8) | (netuid >> 8); }

function signed(v: unknown, field: string): bigint {
  if (v === undefined) return 0n;
  if (typeof v === "bigint") return v;
  if (typeof v === "string" && /^-?[0-9]+$/.test(v.trim())) return BigInt(v.trim());
  if (typeof v === "number" && Number.isSafeInteger(v)) return BigInt(v);
  throw new TaomathError("invalid_type", field, "expected an integer (decimal string)");
}

export function parseSnapshot(v: unknown): NetworkState {
  if (v === null || typeof v !== "object" || Array.isArray(v)) throw new TaomathError("invalid_type", "snapshot", "expected a JSON object");
  const o = v as Record<string, any>;
  if (!Array.isArray(o.subnets)) throw new TaomathError("invalid_type", "subnets", "expected an array of subnets");
  const runtimeGiven = o.runtime !== undefined;
  const runtime = resolveRuntime(runtimeGiven ? o.runtime : 425, "runtime");
  const issuance = toU64(o.total_issuance, "total_issuance");
  if (issuance > TOTAL_SUPPLY) throw new TaomathError("out_of_range", "total_issuance", `${issuance} is above the total supply of 21e15 rao`);
  const seen = new Set<number>();
  const subnets = o.subnets.map((x: any, i: number) => {
    const f = `subnets[${i}]`;
    if (x === null || typeof x !== "object") throw new TaomathError("invalid_type", f, "expected an object");
    const netuid = toInt(x.netuid, `${f}.netuid`, 0, 65535, "u16");
    if (seen.has(netuid)) throw new TaomathError("out_of_range", `${f}.netuid`, `netuid ${netuid} appears twice`);
    seen.add(netuid);
    const g = `subnets[netuid ${netuid}]`;
    const u = (k: string, d?: bigint) => (x[k] === undefined && d !== undefined ? d : toU64(x[k], `${g}.${k}`));
    const b = (k: string, d: boolean) => (x[k] === undefined ? d : toBool(x[k], `${g}.${k}`));
    const tempo = toInt(x.tempo ?? 360, `${g}.tempo`, 0, 65535, "u16");
    if (tempo === 0 && netuid !== 0) throw new TaomathError("out_of_range", `${g}.tempo`, "tempo 0 never runs an epoch: pending emission would grow forever");
    const quote = u("quote_weight", 500_000_000_000_000_000n);
    if (quote > 1_000_000_000_000_000_000n) throw new TaomathError("out_of_range", `${g}.quote_weight`, `${quote} is past 10^18 (Perquintill parts)`);
    const stakes = new Map<string, bigint>();
    if (x.stakes !== undefined) {
      if (x.stakes === null || typeof x.stakes !== "object") throw new TaomathError("invalid_type", `${g}.stakes`, "expected an object hotkey -> alpha");
      for (const [h, a] of Object.entries(x.stakes)) stakes.set(h, toU64(a, `${g}.stakes[${h}]`));
    }
    // fixed-point bit strings: SubnetMovingPrice is I96F32 (i128), MinerBurned U96F32 (u128); absent is zero
    const bits = (k: string, type: BitsType) => (x[k] === undefined ? 0n : toFixedBits(x[k], `${g}.${k}`, type));
    const children = new Map<string, Array<[bigint, string]>>();
    const parents = new Map<string, Array<[bigint, string]>>();
    if (x.children !== undefined) {
      if (x.children === null || typeof x.children !== "object") throw new TaomathError("invalid_type", `${g}.children`, "expected an object parent hotkey -> [[proportion, child hotkey], ...]");
      for (const [ph, list] of Object.entries(x.children)) {
        if (!Array.isArray(list) || list.length > 5) throw new TaomathError("wrong_length", `${g}.children[${ph}]`, "expected at most 5 [proportion, child hotkey] pairs");
        let total = 0n;
        const cs = list.map((e: any, j: number) => {
          if (!Array.isArray(e) || e.length !== 2 || typeof e[1] !== "string") throw new TaomathError("invalid_type", `${g}.children[${ph}][${j}]`, "expected [proportion, child hotkey]");
          const prop = toU64(e[0], `${g}.children[${ph}][${j}][0]`);
          total += prop;
          return [prop, e[1]] as [bigint, string];
        });
        if (total > U64_MAX) throw new TaomathError("out_of_range", `${g}.children[${ph}]`, "the proportions add up past u64::MAX (more than the whole stake)");
        children.set(ph, cs);
        for (const [prop, c] of cs) parents.set(c, [...(parents.get(c) ?? []), [prop, ph]]);
      }
    }
    const childkeyTakes = new Map<string, number>();
    for (const [h, t] of Object.entries(x.childkey_takes ?? {})) childkeyTakes.set(h, toInt(t, `${g}.childkey_takes[${h}]`, 0, 65535, "u16"));
    const owners = new Map<string, string>();
    for (const [h, c] of Object.entries(x.owners ?? {})) owners.set(h, String(c));
    const neurons = x.neurons === undefined || x.neurons === null ? null : structuredClone(x.neurons); // the model updates bonds and permits in place
    if (neurons !== null) {
      if (!Array.isArray(neurons.hotkeys)) throw new TaomathError("invalid_type", `${g}.neurons.hotkeys`, "expected the hotkey of each uid");
      if (neurons.takes !== undefined) {
        if (!Array.isArray(neurons.takes) || neurons.takes.length !== neurons.hotkeys.length) {
          throw new TaomathError("wrong_length", `${g}.neurons.takes`, `expected one delegate take per uid (${neurons.hotkeys.length})`);
        }
        neurons.takes.forEach((t: unknown, uid: number) => toInt(t, `${g}.neurons.takes[${uid}]`, 0, 65535, "u16"));
      }
      for (const k of ["tao_stake", "block_at_registration", "weights", "bonds"]) {
        if (!Array.isArray(neurons[k]) || neurons[k].length !== neurons.hotkeys.length) {
          throw new TaomathError("wrong_length", `${g}.neurons.${k}`, `expected one entry per uid (${neurons.hotkeys.length})`);
        }
      }
      if (neurons.extra_mechanisms !== undefined) {
        const ms = neurons.extra_mechanisms;
        if (!Array.isArray(ms) || ms.length > 15) throw new TaomathError("invalid_type", `${g}.neurons.extra_mechanisms`, "expected up to 15 mechanisms (mechanism 0 is the neurons' own weights)");
        ms.forEach((m: any, k: number) => {
          for (const f of ["weights", "bonds", "last_update"]) {
            if (m === null || typeof m !== "object" || !Array.isArray(m[f]) || m[f].length !== neurons.hotkeys.length) {
              throw new TaomathError("wrong_length", `${g}.neurons.extra_mechanisms[${k}].${f}`, `expected one entry per uid (${neurons.hotkeys.length})`);
            }
          }
        });
        const split = neurons.mechanism_emission_split;
        if (split !== undefined && split !== null && (!Array.isArray(split) || split.length !== ms.length + 1)) {
          throw new TaomathError("wrong_length", `${g}.neurons.mechanism_emission_split`, `expected one part per mechanism (${ms.length + 1})`);
        }
      }
    }
    const state: SubnetState = {
      netuid, mechanism: toInt(x.mechanism ?? 1, `${g}.mechanism`, 0, 65535, "u16"),
      owner_hotkey: String(x.owner_hotkey ?? `owner-${netuid}`),
      tempo, last_epoch_block: u("last_epoch_block", 0n), pending_epoch_at: u("pending_epoch_at", 0n),
      blocks_since_last_step: u("blocks_since_last_step", 0n), epoch_index: u("epoch_index", 0n),
      last_mechanism_step_block: u("last_mechanism_step_block", 0n),
      first_emission_block_number: x.first_emission_block_number === null || x.first_emission_block_number === undefined ? null : u("first_emission_block_number"),
      subtoken_enabled: b("subtoken_enabled", true), registration_allowed: b("registration_allowed", true),
      emission_enabled: b("emission_enabled", true), owner_cut_enabled: b("owner_cut_enabled", true),
      tao_reserve: u("tao_reserve", 0n), alpha_reserve: u("alpha_reserve", 0n), alpha_out: u("alpha_out", 0n),
      quote_weight: quote, pal_swap_initialized: b("pal_swap_initialized", true),
      fee_rate: toInt(x.fee_rate ?? 33, `${g}.fee_rate`, 0, 65535, "u16"),
      moving_price: bits("moving_price", "i128"), ema_price_halving_blocks: u("ema_price_halving_blocks", 201_600n),
      miner_burned: bits("miner_burned", "u128"),
      pending_server: u("pending_server", 0n), pending_validator: u("pending_validator", 0n), pending_root: u("pending_root", 0n),
      pending_owner_cut: u("pending_owner_cut", 0n), protocol_alpha: u("protocol_alpha", 0n), unowned_alpha: signed(x.unowned_alpha, `${g}.unowned_alpha`),
      root_unclaimed: u("root_unclaimed", 0n), untracked_tao: u("untracked_tao", 0n),
      has_owner: b("has_owner", true), recycle_owner_incentive: b("recycle_owner_incentive", false), protocol_flow: bits("protocol_flow", "i64"),
      volume: bits("volume", "u128"),
      alpha_assets_issuance: u("alpha_assets_issuance", satU64(u("alpha_reserve", 0n) + u("alpha_out", 0n))),
      alpha_assets_burned: u("alpha_assets_burned", 0n), alpha_assets_recycled: u("alpha_assets_recycled", 0n),
      subnet_account_balance: u("subnet_account_balance", 0n),
      root_prop: x.root_prop === undefined || x.root_prop === null ? null : bits("root_prop", "u128"),
      alpha_in_emission: u("alpha_in_emission", 0n), alpha_out_emission: u("alpha_out_emission", 0n),
      tao_in_emission: u("tao_in_emission", 0n), excess_tao: u("excess_tao", 0n),
      tao_reservoir: u("tao_reservoir", 0n), alpha_reservoir: u("alpha_reservoir", 0n), ellipse: parseEllipse(x.ellipse, g),
      stakes, children, parents, childkey_takes: childkeyTakes, owners, neurons, share_pools: parseSharePools(x.share_pools, g),
    };
    if (!runtime.ruleSet.reservoirs) {
      for (const k of ["tao_reservoir", "alpha_reservoir"] as const) {
        if (state[k] !== 0n) throw new TaomathError("out_of_range", `${g}.${k}`, `runtime ${runtime.spec_version} (rules ${runtime.rules}) has no swap reservoirs; a nonzero ${k} needs runtime 459 or later`);
      }
    }
    if (state.ellipse !== null && runtime.ruleSet.pool !== "superellipse") {
      throw new TaomathError("out_of_range", `${g}.ellipse`, `runtime ${runtime.spec_version} (rules ${runtime.rules}) has no superellipse pool; an ellipse needs runtime 473 or later`);
    }
    return state;
  });
  // NetworksAdded iterates by the SCALE bytes of the u16 netuid (little-endian): low byte first.
  // This order decides which due epochs the per-block cap defers.
  subnets.sort((a: SubnetState, b: SubnetState) => storageKey(a.netuid) - storageKey(b.netuid));
  const rootTao = toU64(o.root_tao ?? 0n, "root_tao");
  return {
    runtime, runtime_given: runtimeGiven,
    block: toU64(o.block === undefined ? missingBlock() : o.block, "block"), total_issuance: issuance,
    balances_total_issuance: o.balances_total_issuance === undefined ? issuance : toU64(o.balances_total_issuance, "balances_total_issuance"),
    total_stake: o.total_stake === undefined ? subnets.reduce((t: bigint, n: SubnetState) => (n.netuid === 0 ? t : satU64(t + n.tao_reserve)), rootTao) : toU64(o.total_stake, "total_stake"),
    block_emission: toU64(o.block_emission ?? 0n, "block_emission"),
    tao_weight: toU64(o.tao_weight ?? DEFAULT_TAO_WEIGHT, "tao_weight"),
    subnet_owner_cut: toInt(o.subnet_owner_cut ?? DEFAULT_SUBNET_OWNER_CUT, "subnet_owner_cut", 0, 65535, "u16"),
    max_epochs_per_block: toInt(o.max_epochs_per_block ?? DEFAULT_MAX_EPOCHS_PER_BLOCK, "max_epochs_per_block", 0, 255, "u8"),
    subnet_moving_alpha: o.subnet_moving_alpha === undefined ? DEFAULT_SUBNET_MOVING_ALPHA : toFixedBits(o.subnet_moving_alpha, "subnet_moving_alpha", "i128"),
    root_tao: rootTao,
    root_stakes: new Map(Object.entries(o.root_stakes ?? {}).map(([h, a]) => [h, toU64(a, `root_stakes[${h}]`)])),
    ck_burn: toU64(o.ck_burn ?? 0n, "ck_burn"),
    root_uids: parseRootUids(o.root_uids),
    delegate_takes: new Map(Object.entries(o.delegate_takes ?? {}).map(([h, t]) => [h, toInt(t, `delegate_takes[${h}]`, 0, 65535, "u16")])),
    weights_refreshed: o.weights_refreshed === undefined ? true : toBool(o.weights_refreshed, "weights_refreshed"),
    subnets,
  };
}

const U128_MAX = (1n << 128n) - 1n, I128_MIN = -(1n << 127n), I128_MAX = (1n << 127n) - 1n;

function parseEllipse(v: unknown, g: string): EllipseState | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== "object" || Array.isArray(v)) throw new TaomathError("invalid_type", `${g}.ellipse`, "expected { alpha_scale, tao_scale, center_alpha, center_tao } (decimal strings) or null");
  const e = v as Record<string, unknown>;
  const int = (k: string, lo: bigint, hi: bigint, type: string) => {
    const x = signed(e[k] === undefined ? missingField(`${g}.ellipse.${k}`) : e[k], `${g}.ellipse.${k}`);
    if (x < lo || x > hi) throw new TaomathError("out_of_range", `${g}.ellipse.${k}`, `${x} is not a ${type}`);
    return x;
  };
  const out = {
    alpha_scale: int("alpha_scale", 0n, U128_MAX, "u128"), tao_scale: int("tao_scale", 0n, U128_MAX, "u128"),
    center_alpha: int("center_alpha", I128_MIN, I128_MAX, "i128"), center_tao: int("center_tao", I128_MIN, I128_MAX, "i128"),
  };
  if (out.alpha_scale === 0n || out.tao_scale === 0n) throw new TaomathError("out_of_range", `${g}.ellipse`, "a scale of 0 is the chain's InvalidParameters: no curve");
  return out;
}

function parseRootUids(v: unknown): Set<string> | null {
  if (v === undefined || v === null) return null;
  if (!Array.isArray(v) || v.some((h) => typeof h !== "string")) throw new TaomathError("invalid_type", "root_uids", "expected an array of hotkeys registered on root");
  return new Set(v as string[]);
}

function missingField(field: string): never {
  throw new TaomathError("invalid_type", field, "required");
}

/**
 * The snapshot to run at `runtime` (a spec_version; undefined: the snapshot's own, or the newest
 * known when it names none). A snapshot that names a runtime whose rules differ is refused: its
 * reservoirs and curve belong to those rules.
 */
export function snapshotAtRuntime(snapshot: unknown, runtime?: number | bigint | string, field = "runtime"): Record<string, unknown> {
  if (snapshot === null || typeof snapshot !== "object" || Array.isArray(snapshot)) throw new TaomathError("invalid_type", "snapshot", "expected a JSON object");
  const o = snapshot as Record<string, unknown>;
  const own = o.runtime === undefined ? undefined : resolveRuntime(o.runtime as number, "runtime");
  if (runtime === undefined) return own === undefined ? { ...o, runtime: resolveRuntime(undefined, field).spec_version } : o;
  const want = resolveRuntime(runtime, field);
  if (own !== undefined && own.rules !== want.rules) {
    throw new TaomathError("out_of_range", field, `the snapshot is a runtime ${own.spec_version} state (rules ${own.rules}); it cannot run with the rules of ${want.spec_version} (${want.rules})`);
  }
  return { ...o, runtime: want.spec_version };
}

/** A snapshot is the state at a block: without `block` it would silently start at block 0. */
function missingBlock(): never {
  throw new TaomathError("invalid_type", "block", "required: the block the snapshot's state is at (the chain's current block)");
}
