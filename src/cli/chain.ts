// Reading from a node for the CLI: the client from --url/--timeout/--retries, the block to read
// (--block or the best block), one subnet's metagraph, and every subnet's info and price (as btcli's
// `subnets list` shows them). Progress goes to stderr; the data comes back decoded.

import { Tuple, Vector, u16, u8 } from "@polkadot-api/substrate-bindings";
import { TaomathError } from "../core/errors.js";
import { connectNode } from "../host/node-chain.js";
import type { ChainClient } from "../chain/client.js";
import { decodeSelectiveMetagraph, decodeSubnetsInfoV2, decodeU64F64, type Metagraph, type SubnetInfoV2 } from "../chain/decode.js";
import { layoutFor } from "../chain/layouts.js";
import { toHex } from "../chain/scale.js";
import { storage } from "../chain/storage.js";
import { toJsonValue } from "../chain/snapshot.js";
import type { Values } from "./command.js";
import { intFlag, requiredInt } from "./units.js";

export function clientFrom(values: Values): ChainClient {
  const url = values.url;
  if (typeof url !== "string") throw new TaomathError("invalid_type", "--url", "missing (the node's ws://, wss://, http:// or https:// endpoint)");
  return connectNode(url, {
    timeoutMs: intFlag(values, "timeout", { min: 1, fallback: 30000 }),
    retries: intFlag(values, "retries", { fallback: 2 }),
  });
}

export function netuidFrom(values: Values): number {
  return requiredInt(values, "netuid", "the subnet to read", { max: 65535 });
}

export interface At { hash: string; block: number; spec: number; nodeSpec: number }

/** The block to read (--block or the best block), its number and the runtime layout to decode with. */
export async function blockAt(client: ChainClient, values: Values): Promise<At> {
  const b = intFlag(values, "block", { max: 0xffff_ffff });
  const hash = b === undefined ? await client.head() : await client.blockHash(b);
  const header = await client.header(hash);
  const nodeSpec = (await client.runtimeVersion(hash)).specVersion;
  const spec = intFlag(values, "assume-runtime") ?? nodeSpec;
  layoutFor(spec); // refuses an unknown runtime before any runtime API call
  return { hash, block: Number(BigInt(header.number)), spec, nodeSpec };
}

const selectiveArgs = Tuple(u16, u8, Vector(u16));

/** Subnet `netuid`'s whole selective metagraph at the block (the request fetchSnapshot makes). */
export async function readMetagraph(client: ChainClient, netuid: number, at: At): Promise<Record<string, any>> {
  const all = layoutFor(at.spec).metagraphFields.map((_, i) => i);
  const hex = await client.stateCall("SubnetInfoRuntimeApi_get_selective_mechagraph", toHex(selectiveArgs.enc([netuid, 0, all])), at.hash);
  const mg: Metagraph | null = decodeSelectiveMetagraph(hex, at.spec);
  if (mg === null) throw new TaomathError("unknown_netuid", "--netuid", `subnet ${netuid} does not exist at block ${at.block}`);
  return toJsonValue(mg);
}

export interface SubnetsRead { infos: SubnetInfoV2[]; sqrtPrices: Map<number, bigint> }

/** get_subnets_info_v2 and every subnet's Swap.AlphaSqrtPrice (U64F64 bits) at the block. */
export async function readSubnets(client: ChainClient, at: At): Promise<SubnetsRead> {
  const hex = await client.stateCall("SubnetInfoRuntimeApi_get_subnets_info_v2", "", at.hash);
  const infos = decodeSubnetsInfoV2(hex, at.spec).filter((s): s is SubnetInfoV2 => s !== null);
  const item = storage.AlphaSqrtPrice;
  const prefix = item.prefix();
  const page = Math.max(1, infos.length);
  const sqrtPrices = new Map<number, bigint>();
  let start = prefix;
  for (;;) {
    const keys = await client.keysPaged(prefix, page, start, at.hash);
    if (keys.length > 0) {
      for (const [k, v] of await client.queryStorageAt(keys, at.hash)) {
        if (v !== null) sqrtPrices.set(item.decodeKey(k)[0], decodeU64F64(v, `AlphaSqrtPrice[${k}]`).bits);
      }
    }
    if (keys.length < page) break;
    start = keys[keys.length - 1];
  }
  return { infos, sqrtPrices };
}

/** Runs `work` with a client, always closing it. */
export async function withClient<T>(values: Values, work: (c: ChainClient) => Promise<T>): Promise<T> {
  const client = clientFrom(values);
  try {
    return await work(client);
  } finally {
    client.close();
  }
}
