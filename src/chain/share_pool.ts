// One hotkey's alpha share pool read from chain storage, in the state shape of the share-pool
// binding (src/bindings/sharepool.ts), so a stake/unstake on it can be replayed under the 425 or
// the 473 rules. Mirrors the pallet's HotkeyAlphaSharePoolDataOperations: the value is
// TotalHotkeyAlpha; a share or denominator is read from the legacy U64F64 map (Alpha /
// TotalHotkeyShares) first, then from the SafeFloat map (AlphaV2 / TotalHotkeySharesV2).

import type { ChainClient } from "./client.js";
import { decodeExact } from "./scale.js";
import { storage, type StorageItem } from "./storage.js";
import type { ShareEntry, SharePoolState } from "../bindings/sharepool.js";

export interface ChainSharePool {
  hotkey: string;
  netuid: number;
  block_hash: string;
  /** coldkeys in the order of `state.shares` (sorted) */
  coldkeys: string[];
  state: SharePoolState;
}

type SF = { mantissa: bigint; exponent: bigint };
const safe = (v: SF): ShareEntry => ({ kind: "safe", value: { mantissa: v.mantissa, exponent: v.exponent } });

async function pageAll(client: ChainClient, item: StorageItem<any, any>, prefix: string, hash: string, pageSize: number): Promise<Array<[unknown[], unknown]>> {
  const out: Array<[unknown[], unknown]> = [];
  let start = prefix;
  for (;;) {
    const keys = await client.keysPaged(prefix, pageSize, start, hash);
    if (keys.length > 0) {
      for (const [k, v] of await client.queryStorageAt(keys, hash)) {
        if (v !== null) out.push([item.decodeKey(k), decodeExact(item.value, v, `${item.pallet}.${item.name}[${k}]`)]);
      }
    }
    if (keys.length < pageSize) return out;
    start = keys[keys.length - 1];
  }
}

/**
 * Reads `hotkey`'s share pool on `netuid` at block `hash`. Not modelled: the share epochs of the
 * newest readable stake_utils.rs (AlphaSharePoolEpoch / AlphaShareEpoch, which make rows of a
 * closed pool read as absent); whether runtime 473 has them cannot be checked.
 */
export async function fetchHotkeySharePool(client: ChainClient, hotkey: string, netuid: number, hash: string, pageSize = 256): Promise<ChainSharePool> {
  const read = async <T>(item: StorageItem<any, T>, keys: unknown[]): Promise<T | null> => {
    const hex = await client.storage(item.key(...keys), hash);
    return hex === null ? null : decodeExact(item.value, hex, `${item.pallet}.${item.name}`);
  };
  const sharedValue = (await read(storage.TotalHotkeyAlpha, [hotkey, netuid])) ?? 0n;
  const legacyDen = await read(storage.TotalHotkeyShares, [hotkey, netuid]);
  const den = legacyDen !== null ? null : await read(storage.TotalHotkeySharesV2, [hotkey, netuid]);
  const denominator: ShareEntry = legacyDen !== null ? { kind: "legacy", bits: legacyDen } : den ? safe(den) : { kind: "absent" };

  const byCold = new Map<string, ShareEntry>();
  for (const [[, cold, n], v] of await pageAll(client, storage.AlphaV2, storage.AlphaV2.prefix(hotkey), hash, pageSize)) {
    if (n === netuid) byCold.set(cold as string, safe(v as SF));
  }
  // the legacy entry wins where both exist, as the pallet reads it first
  for (const [[, cold, n], v] of await pageAll(client, storage.Alpha, storage.Alpha.prefix(hotkey), hash, pageSize)) {
    if (n === netuid) byCold.set(cold as string, { kind: "legacy", bits: v as bigint });
  }
  const coldkeys = [...byCold.keys()].sort();
  return { hotkey, netuid, block_hash: hash, coldkeys, state: { sharedValue, denominator, shares: coldkeys.map((c) => byCold.get(c)!) } };
}
