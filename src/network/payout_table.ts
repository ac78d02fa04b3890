// The per-hotkey table a subnet's payout (distribute_emission, Network.distribute) hands the core:
// the uids' hotkeys and their parents, sorted, with what about them changes only when the snapshot's
// keys do: takes (the uid's, else Delegates, else the default), the uids' tao_stake, childkey takes, owner coldkeys, the
// owner's hotkeys whose incentive is withheld (get_owner_hotkeys), child and parent proportions.
// Building it (sorting, a Set, a dozen map reads per hotkey: ~0.25 ms at 256 uids, most of a payout's
// host time) is done once per subnet and kept while the neuron arrays are the same objects (the model
// replaces those, never edits them) and every map entry it read still holds what it held: each payout
// reads them again, four lookups a row, since maps are edited in place. Stakes and root stakes move every
// payout and are read each time.

import { DEFAULT_DELEGATE_TAKE } from "../bindings/coinbase.js";
import type { NeuronsInput, SubnetState } from "./state.js";

export interface PayoutTable {
  /** hotkeys of the uids and of their parents, sorted (the core's hotkey index) */
  table: string[];
  index: Map<string, number>;
  /** each uid's row in the table */
  uidHotkey: Uint32Array;
  /** each row's tao_stake at its last uid (0 for a parent that is no uid): stands in for a missing root stake */
  uidRoot: BigUint64Array;
  take: Uint16Array;
  ckTake: Uint16Array;
  withheld: Uint8Array;
  /** owner coldkey index, 0xffffffff for none */
  owner: Uint32Array;
  childStart: Uint32Array;
  childProp: BigUint64Array;
  parentStart: Uint32Array;
  parentProp: BigUint64Array;
  parentIdx: Uint32Array;
}

/** The map entries a table was built from, per row: what each lookup gave. */
interface Read { owner: Array<string | undefined>; ckTake: Array<number | undefined>; children: unknown[]; parents: unknown[]; delegate: Array<number | undefined>; ownerColdkey: string | undefined }
interface Kept { from: unknown[]; read: Read; table: PayoutTable }
const kept = new WeakMap<NeuronsInput, Kept>();

/** The neuron arrays (as objects, with their lengths) and the scalars the table is built from. */
function sources(n: SubnetState, nn: NeuronsInput): unknown[] {
  return [nn.hotkeys, nn.hotkeys.length, nn.takes, nn.takes?.length, nn.tao_stake, nn.tao_stake.length, n.children.size > 0, n.owner_hotkey, n.has_owner];
}

export function payoutTable(n: SubnetState, nn: NeuronsInput, delegateTakes: Map<string, number>): PayoutTable {
  const from = sources(n, nn);
  const k = kept.get(nn);
  if (k !== undefined && k.from.every((x, i) => x === from[i]) && unchanged(n, delegateTakes, k)) return k.table;
  const built = build(n, nn, delegateTakes);
  kept.set(nn, { from, ...built });
  return built.table;
}

/** Whether every map entry the kept table read still holds what it held. */
function unchanged(n: SubnetState, delegateTakes: Map<string, number>, k: Kept): boolean {
  const { table } = k.table, r = k.read;
  if (n.has_owner && n.owners.get(n.owner_hotkey) !== r.ownerColdkey) return false;
  for (let i = 0; i < table.length; i++) {
    const h = table[i];
    if (n.owners.get(h) !== r.owner[i] || n.childkey_takes.get(h) !== r.ckTake[i] || n.children.get(h) !== r.children[i] || n.parents.get(h) !== r.parents[i]) return false;
    if (delegateTakes.get(h) !== r.delegate[i]) return false;
  }
  return true;
}

function build(n: SubnetState, nn: NeuronsInput, delegateTakes: Map<string, number>): { table: PayoutTable; read: Read } {
  const parentsOf = (h: string) => n.parents.get(h) ?? [];
  const hotkeys = nn.hotkeys, nU = hotkeys.length;
  const table = n.children.size > 0 ? [...new Set([...hotkeys, ...hotkeys.flatMap((h) => parentsOf(h).map(([, ph]) => ph))])].sort() : [...new Set(hotkeys)].sort();
  const index = new Map<string, number>();
  for (let i = 0; i < table.length; i++) index.set(table[i], i);
  const h = table.length;
  // a hotkey registered on several uids: the last uid's take and tao_stake count, as a map keyed by hotkey keeps
  const uidTake = new Map<string, number | undefined>();
  for (let uid = 0; uid < nU; uid++) uidTake.set(hotkeys[uid], nn.takes?.[uid]);
  const uidHotkey = new Uint32Array(nU), uidRoot = new BigUint64Array(h);
  for (let uid = 0; uid < nU; uid++) { const i = index.get(hotkeys[uid])!; uidHotkey[uid] = i; uidRoot[i] = BigInt(nn.tao_stake[uid] as bigint); }
  // get_owner_hotkeys: the owner coldkey's registered hotkeys and the registered owner hotkey
  const ownerColdkey = n.has_owner ? (n.owners.get(n.owner_hotkey) ?? n.owner_hotkey) : undefined;
  const take = new Uint16Array(h), ckTake = new Uint16Array(h), withheld = new Uint8Array(h), owner = new Uint32Array(h);
  const childStart = new Uint32Array(h + 1), parentStart = new Uint32Array(h + 1);
  const childProp: bigint[] = [], parentProp: bigint[] = [], parentIdx: number[] = [];
  const coldkeys = new Map<string, number>();
  const read: Read = { owner: [], ckTake: [], children: [], parents: [], delegate: [], ownerColdkey: n.has_owner ? n.owners.get(n.owner_hotkey) : undefined };
  for (let i = 0; i < h; i++) {
    const k = table[i];
    read.owner.push(n.owners.get(k)); read.ckTake.push(n.childkey_takes.get(k)); read.delegate.push(delegateTakes.get(k));
    read.children.push(n.children.get(k)); read.parents.push(n.parents.get(k));
    const isUid = uidTake.has(k);
    take[i] = uidTake.get(k) ?? delegateTakes.get(k) ?? DEFAULT_DELEGATE_TAKE;
    ckTake[i] = n.childkey_takes.get(k) ?? 0;
    const c = n.owners.get(k);
    withheld[i] = isUid && (k === n.owner_hotkey || (ownerColdkey !== undefined && c === ownerColdkey)) ? 1 : 0;
    if (c !== undefined && !coldkeys.has(c)) coldkeys.set(c, coldkeys.size);
    owner[i] = c === undefined ? 0xffffffff : coldkeys.get(c)!;
    for (const [p] of n.children.get(k) ?? []) childProp.push(p);
    if (isUid) for (const [p, ph] of parentsOf(k)) { parentProp.push(p); parentIdx.push(index.get(ph)!); }
    childStart[i + 1] = childProp.length;
    parentStart[i + 1] = parentProp.length;
  }
  return {
    read,
    table: {
      table, index, uidHotkey, uidRoot, take, ckTake, withheld, owner,
      childStart, childProp: BigUint64Array.from(childProp), parentStart, parentProp: BigUint64Array.from(parentProp), parentIdx: Uint32Array.from(parentIdx),
    },
  };
}
