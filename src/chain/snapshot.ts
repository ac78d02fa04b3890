// fetchSnapshot: reads one subnet at one block from a node (runtime version, selective metagraph,
// neurons lite, subnet state, and the storage the epoch needs that the runtime APIs do not return)
// and returns it as a JSON-ready snapshot. Storage the node cannot serve is recorded as missing
// with the reason, never filled in; an absent key is the chain's ValueQuery default and says so.

import { Tuple, Vector, u16, u8 } from "@polkadot-api/substrate-bindings";
import { TaomathError } from "../core/errors.js";
import type { ChainClient } from "./client.js";
import { decodeNeuronsLite, decodeSelectiveMetagraph, decodeSubnetState } from "./decode.js";
import { layoutFor } from "./layouts.js";
import { decodeExact, toHex } from "./scale.js";
import { storage, type StorageItem } from "./storage.js";
import { epochInputsFromSnapshot } from "./inputs.js";
import { commitSemanticsFor } from "./commits.js";
import { scheduleIsStateful } from "./inputs.js";

export const SNAPSHOT_SCHEMA = "taomath-snapshot/1";

/** A storage read: present (value as stored), default (key absent: the chain's ValueQuery default) or missing. */
export interface StorageEntry { status: "present" | "default" | "missing"; value?: unknown; reason?: string }

export interface Snapshot {
  schema: typeof SNAPSHOT_SCHEMA;
  source: {
    url: string; netuid: number; block: number; block_hash: string; spec_version: number; layout_version?: number;
    /**
     * 473 layout only: whether the node's metagraph ended with the three miner-collateral fields
     * (codecs.SelectiveMetagraph473), the one layout question about 473 the source could not settle
     */
    metagraph_collateral_fields?: boolean;
  };
  metagraph: Record<string, unknown>;
  neurons_lite: unknown[];
  subnet_state: Record<string, unknown>;
  storage: Record<string, StorageEntry>;
  /** the epoch inputs (vector schema) for the next epoch, or null when some storage is missing */
  inputs: Record<string, unknown> | null;
  /** what the inputs could not be built from, one line each */
  missing: string[];
}

export interface Progress { phase: string; done: number; total?: number }

export interface FetchOptions {
  block?: number;
  /**
   * decode with the layout of this known spec version when the node runs another one (the node's
   * version is still recorded; a payload that does not decode exactly is still an error)
   */
  assumeSpecVersion?: number;
  /** keys per state_getKeysPaged page (default 256) */
  pageSize?: number;
  onProgress?: (p: Progress) => void;
}

/** bigints as decimal strings and bytes as hex, so the snapshot is plain JSON. */
export function toJsonValue(v: unknown): any {
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Uint8Array) return toHex(v);
  if (Array.isArray(v)) return v.map(toJsonValue);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJsonValue(x)]));
  return v;
}

const selectiveArgs = Tuple(u16, u8, Vector(u16));
const netuidArg = u16;

// The node answered, with an error (e.g. it lacks the state): the item is missing, the fetch goes on.
// Unreachable and timeout still fail the whole fetch, so no snapshot is ever partly from nowhere.
function nodeAnsweredError(e: unknown): boolean {
  return e instanceof TaomathError && (e.code === "rpc_error");
}

async function readValue(client: ChainClient, item: StorageItem<any, any>, keys: unknown[], hash: string): Promise<StorageEntry> {
  const what = `${item.pallet}.${item.name}`;
  let hex: string | null;
  try {
    hex = await client.storage(item.key(...keys), hash);
  } catch (e) {
    if (nodeAnsweredError(e)) return { status: "missing", reason: `${what}: ${(e as Error).message}` };
    throw e;
  }
  if (hex === null) {
    return item.default === undefined
      ? { status: "missing", reason: `${what}: key absent and the item has no default` }
      : { status: "default", value: toJsonValue(item.default) };
  }
  return { status: "present", value: toJsonValue(decodeExact(item.value, hex, what)) };
}

/** Pages every key under a map prefix and reads the values; returns [decoded map keys, value] pairs. */
async function readMap(
  client: ChainClient, item: StorageItem<any, any>, prefixKeys: unknown[], hash: string, pageSize: number,
  onProgress: (p: Progress) => void,
): Promise<{ entries: Array<[unknown[], unknown]> } | { missing: string }> {
  const what = `${item.pallet}.${item.name}`;
  const prefix = item.prefix(...prefixKeys);
  const entries: Array<[unknown[], unknown]> = [];
  let start = prefix;
  try {
    for (;;) {
      const keys = await client.keysPaged(prefix, pageSize, start, hash);
      if (keys.length > 0) {
        const values = await client.queryStorageAt(keys, hash);
        for (const [k, v] of values) {
          if (v === null) continue;
          entries.push([item.decodeKey(k), decodeExact(item.value, v, `${what}[${k}]`)]);
        }
      }
      onProgress({ phase: what, done: entries.length });
      if (keys.length < pageSize) break;
      start = keys[keys.length - 1];
    }
  } catch (e) {
    if (nodeAnsweredError(e)) return { missing: `${what}: ${(e as Error).message}` };
    throw e;
  }
  return { entries };
}

/**
 * The commit-reveal storage the epoch's W5 mask reads: WeightCommits and TimelockedWeightCommits
 * under the subnet's storage index, RevealPeriodEpochs, and (from spec 425, where expiry counts
 * epochs with it) SubnetEpochIndex. Timelocked ciphertexts are not kept: the epoch needs only who
 * committed at which block.
 */
async function readCommits(
  client: ChainClient, netuid: number, spec: number, hash: string, pageSize: number,
  st: Record<string, StorageEntry>, progress: (p: Progress) => void,
): Promise<void> {
  st.RevealPeriodEpochs = await readValue(client, storage.RevealPeriodEpochs, [netuid], hash);
  if (commitSemanticsFor(spec) === "counter") st.SubnetEpochIndex = await readValue(client, storage.SubnetEpochIndex, [netuid], hash);
  const v2 = await readMap(client, storage.WeightCommits, [netuid], hash, pageSize, progress);
  st.WeightCommits = "missing" in v2
    ? { status: "missing", reason: v2.missing }
    : { status: "present", value: toJsonValue(v2.entries.map(([[, hotkey], queue]) => ({ hotkey, queue }))) };
  const v4 = await readMap(client, storage.TimelockedWeightCommits, [netuid], hash, pageSize, progress);
  st.TimelockedWeightCommits = "missing" in v4
    ? { status: "missing", reason: v4.missing }
    : {
      status: "present",
      value: toJsonValue(v4.entries.map(([[, epoch], queue]) => ({
        epoch, queue: (queue as Array<[string, bigint, Uint8Array, bigint]>).map(([who, block, , round]) => [who, block, round]),
      }))),
    };
}

/**
 * Runtime 425's epoch scheduler storage (schedule.ts): the subnet's LastEpochBlock, PendingEpochAt,
 * BlocksSinceLastStep and LastMechansimStepBlock, MaxEpochsPerBlock, and, for the per-block cap, the
 * scheduler state of every subnet in NetworksAdded order (SubnetSchedules). A subnet without a key
 * reads the map's ValueQuery default, as the chain does.
 */
async function readSchedule(
  client: ChainClient, netuid: number, hash: string, pageSize: number,
  st: Record<string, StorageEntry>, progress: (p: Progress) => void,
): Promise<void> {
  for (const name of ["LastEpochBlock", "PendingEpochAt", "BlocksSinceLastStep", "LastMechansimStepBlock"] as const) {
    st[name] = await readValue(client, storage[name], [netuid], hash);
  }
  st.MaxEpochsPerBlock = await readValue(client, storage.MaxEpochsPerBlock, [], hash);
  const maps = {} as Record<"NetworksAdded" | "Tempo" | "LastEpochBlock" | "PendingEpochAt" | "BlocksSinceLastStep", Map<number, unknown>>;
  for (const name of ["NetworksAdded", "Tempo", "LastEpochBlock", "PendingEpochAt", "BlocksSinceLastStep"] as const) {
    const r = await readMap(client, storage[name], [], hash, pageSize, progress);
    if ("missing" in r) { st.SubnetSchedules = { status: "missing", reason: r.missing }; return; }
    maps[name] = new Map(r.entries.map(([[key], v]) => [key as number, v]));
  }
  const get = <T>(name: keyof typeof maps, key: number, dflt: T): T => (maps[name].has(key) ? maps[name].get(key) as T : dflt);
  st.SubnetSchedules = {
    status: "present",
    value: toJsonValue([...maps.NetworksAdded.keys()].map((n) => ({
      netuid: n,
      tempo: get("Tempo", n, storage.Tempo.default!),
      last_epoch_block: get("LastEpochBlock", n, 0n),
      pending_epoch_at: get("PendingEpochAt", n, 0n),
      blocks_since_last_step: get("BlocksSinceLastStep", n, 0n),
    }))),
  };
}

/** Whether a metagraph payload is exactly the 425 struct (no trailing collateral fields). */
function decodesAs425(hex: string): boolean {
  try { decodeExact(layoutFor(425).selectiveMetagraph, hex, "get_selective_mechagraph"); return true; } catch { return false; }
}

/**
 * The runtime API answered nothing for the subnet. Up to 425 that means it does not exist. From 473
 * the APIs also answer nothing for a subnet that exists but is not "reportable": NetworksAdded tells
 * the two apart, and a subnet that exists is a missing_storage error naming it, never a decode failure.
 */
async function noAnswer(client: ChainClient, netuid: number, block: number, spec: number, hash: string, api: string): Promise<TaomathError> {
  const gone = new TaomathError("unknown_netuid", "netuid", `subnet ${netuid} does not exist at block ${block}`);
  if (!layoutFor(spec).reportableGating) return gone;
  const added = await readValue(client, storage.NetworksAdded, [netuid], hash);
  if (added.status === "missing" || added.value !== true) return gone;
  return new TaomathError("missing_storage", "netuid",
    `subnet ${netuid} exists at block ${block}, but runtime ${spec}'s ${api} reports nothing for it ` +
    "(the runtime APIs answer only for subnets it deems reportable)");
}

/**
 * Runtime 473's pool state: the reserves, the subnet's superellipse (absent until its first swap or
 * the migration), the archived Balancer quote weight, the two reservoirs of protocol liquidity not
 * yet price-active, and the fee rate. An absent ellipse is recorded as missing (no default exists).
 */
async function readPool(client: ChainClient, netuid: number, hash: string, st: Record<string, StorageEntry>): Promise<void> {
  for (const name of ["SubnetTAO", "SubnetAlphaIn", "SubnetAlphaOut", "SwapSuperellipse", "SwapBalancer",
    "BalancerTaoReservoir", "BalancerAlphaReservoir", "FeeRate"] as const) {
    st[name] = await readValue(client, storage[name], [netuid], hash);
  }
}

/** Reads subnet `netuid` at `options.block` (default: the node's best block) into a snapshot. */
export async function fetchSnapshot(client: ChainClient, netuid: number, options: FetchOptions = {}): Promise<Snapshot> {
  if (!Number.isInteger(netuid) || netuid < 0 || netuid > 65535) throw new TaomathError("out_of_range", "netuid", "must be a u16");
  const progress = options.onProgress ?? (() => {});
  const pageSize = options.pageSize ?? 256;
  const hash = options.block === undefined ? await client.head() : await client.blockHash(options.block);
  const header = await client.header(hash);
  const block = Number(BigInt(header.number));
  const nodeSpec = (await client.runtimeVersion(hash)).specVersion;
  const spec = options.assumeSpecVersion ?? nodeSpec;
  const layout = layoutFor(spec);
  progress({ phase: "runtime", done: 1, total: 1 });

  const all = layout.metagraphFields.map((_, i) => i);
  const mgHex = await client.stateCall("SubnetInfoRuntimeApi_get_selective_mechagraph", toHex(selectiveArgs.enc([netuid, 0, all])), hash);
  const metagraph = decodeSelectiveMetagraph(mgHex, spec);
  const collateralTail = layout.reportableGating && metagraph !== null ? !decodesAs425(mgHex) : undefined;
  if (metagraph === null) throw await noAnswer(client, netuid, block, spec, hash, "get_selective_mechagraph");
  progress({ phase: "metagraph", done: 1, total: 3 });
  const neurons = decodeNeuronsLite(await client.stateCall("NeuronInfoRuntimeApi_get_neurons_lite", toHex(netuidArg.enc(netuid)), hash), spec);
  if (layout.reportableGating && neurons.length === 0 && Number(metagraph.num_uids ?? 0) > 0) {
    throw await noAnswer(client, netuid, block, spec, hash, "get_neurons_lite");
  }
  progress({ phase: "neurons", done: 2, total: 3 });
  const state = decodeSubnetState(await client.stateCall("SubnetInfoRuntimeApi_get_subnet_state", toHex(netuidArg.enc(netuid)), hash), spec);
  if (state === null) throw await noAnswer(client, netuid, block, spec, hash, "get_subnet_state");
  progress({ phase: "subnet state", done: 3, total: 3 });

  const st: Record<string, StorageEntry> = {};
  const singles: Array<[string, StorageItem<any, any>, unknown[]]> = [
    ["LastUpdate", storage.LastUpdate, [netuid]],
    ["ValidatorPermit", storage.ValidatorPermit, [netuid]],
    ["TaoWeight", storage.TaoWeight, []],
    ["StakeThreshold", storage.StakeThreshold, []],
    ["BondsPenalty", storage.BondsPenalty, [netuid]],
    ["AlphaSigmoidSteepness", storage.AlphaSigmoidSteepness, [netuid]],
    ["Yuma3On", storage.Yuma3On, [netuid]],
  ];
  for (const [name, item, keys] of singles) {
    st[name] = await readValue(client, item, keys, hash);
    progress({ phase: "storage", done: Object.keys(st).length, total: singles.length + 2 });
  }
  const n = Number(metagraph.num_uids ?? state.hotkeys.length);
  for (const name of ["Weights", "Bonds"] as const) {
    const r = await readMap(client, storage[name], [netuid], hash, pageSize, progress);
    if ("missing" in r) { st[name] = { status: "missing", reason: r.missing }; continue; }
    const rows: Array<Array<[number, number]>> = Array.from({ length: n }, () => []);
    for (const [[, uid], row] of r.entries) {
      if ((uid as number) < n) rows[uid as number] = row as Array<[number, number]>;
    }
    st[name] = { status: "present", value: rows };
  }

  if (scheduleIsStateful(spec)) await readSchedule(client, netuid, hash, pageSize, st, progress);
  if (layout.superellipsePool) await readPool(client, netuid, hash, st);

  if (metagraph.commit_reveal_weights_enabled === true) {
    await readCommits(client, netuid, spec, hash, pageSize, st, progress);
  }

  const snapshot: Snapshot = {
    schema: SNAPSHOT_SCHEMA,
    source: {
      url: client.url, netuid, block, block_hash: hash, spec_version: nodeSpec, ...(spec !== nodeSpec ? { layout_version: spec } : {}),
      ...(collateralTail !== undefined ? { metagraph_collateral_fields: collateralTail } : {}),
    },
    metagraph: toJsonValue(metagraph),
    neurons_lite: toJsonValue(neurons),
    subnet_state: toJsonValue(state),
    storage: st,
    inputs: null,
    missing: [],
  };
  const built = epochInputsFromSnapshot(snapshot);
  snapshot.inputs = built.inputs;
  snapshot.missing = built.missing;
  return snapshot;
}

