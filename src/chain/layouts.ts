// Which SCALE layout each runtime spec version uses for the runtime APIs taomath reads. The struct
// definitions move between runtime versions, so a payload is only decoded with a layout known to
// match its runtime; any other version is refused with a typed error naming the versions known.
//
// Checked against subtensor at the commits that set each spec_version (315: fe056c664,
// 343: 3975359dd, 425: 14bc6f9f) and, for 315 and 343, against the recorded mainnet payloads
// (test/chain.decode.test.ts). 425 is checked against the source only: no recording exists.
// 473 (RaoFoundation/subtensor 0249a4a4): the runtime API signatures are checked in its
// runtime/src/lib.rs; its rpc_info structs are not available, so they are taken from the newest
// readable rpc_info files (docs/runtimes.md lists what was and was not checked).

import type { Codec } from "@polkadot-api/substrate-bindings";
import { TaomathError, quote } from "../core/errors.js";
import * as codecs from "./codecs.js";

export interface RuntimeLayout {
  neuronsLite: Codec<any>;
  subnetState: Codec<any>;
  selectiveMetagraph: Codec<any>;
  /** metagraph field names in index order; index 0 is netuid */
  metagraphFields: readonly string[];
  dynamicInfo: Codec<any>;
  subnetsInfoV2: Codec<any>;
  /**
   * the runtime APIs answer nothing (an empty Vec, None) for a subnet that exists but is not
   * "reportable" (473: is_subnet_reportable), which the client must tell apart from "no subnet"
   */
  reportableGating?: boolean;
  /** the swap pallet keeps a superellipse per subnet and the Balancer reservoirs (473) */
  superellipsePool?: boolean;
}

function layoutOf(c: typeof codecs, metagraph: Codec<any>, metagraphFields: Array<[string, unknown]>): RuntimeLayout {
  const { Vector, Option } = c.codecHelpers;
  return {
    neuronsLite: Vector(c.NeuronInfoLite),
    subnetState: Option(c.SubnetState),
    selectiveMetagraph: Option(metagraph),
    metagraphFields: ["netuid", ...metagraphFields.map(([name]) => name)],
    dynamicInfo: Option(c.DynamicInfo),
    subnetsInfoV2: Vector(Option(c.SubnetInfoV2)),
  };
}

// 315 and 343 share every struct taomath reads (the rpc_info diff between them only changes how
// pending_root_emission is filled, not the layout).
const shared315to343 = layoutOf(codecs, codecs.SelectiveMetagraph, codecs.selectiveMetagraphFields);
// 425 renames AlphaCurrency/TaoCurrency to AlphaBalance/TaoBalance (same wire format) and widens the
// metagraph's activity_cutoff to Compact<u64> (now the effective cutoff in blocks).
const layout425 = layoutOf(codecs, codecs.SelectiveMetagraph425, codecs.selectiveMetagraphFields425);

// 473: NeuronInfoLite, SubnetState and the metagraph's per-uid dividends/incentives/consensus/trust
// become Compact<PerU16>, the same bytes as Compact<u16>; DynamicInfo is unchanged; the metagraph may
// end with three miner-collateral fields (codecs.SelectiveMetagraph473). The request indexes stay 425's.
// NeuronInfoLite.stake keeps its shape (one entry: owner coldkey, amount) but the amount is the
// hotkey's *reported* stake (get_reported_stake_for_hotkey_on_subnet), not 425's stake on the subnet.
const layout473: RuntimeLayout = {
  ...layoutOf(codecs, codecs.SelectiveMetagraph425, codecs.selectiveMetagraphFields425),
  selectiveMetagraph: codecs.codecHelpers.Option(codecs.SelectiveMetagraph473),
  reportableGating: true,
  superellipsePool: true,
};

export const RUNTIME_LAYOUTS: Readonly<Record<number, RuntimeLayout>> = {
  315: shared315to343,
  343: shared315to343,
  425: layout425,
  473: layout473,
};

export const KNOWN_SPEC_VERSIONS: readonly number[] = Object.keys(RUNTIME_LAYOUTS).map(Number);

export function layoutFor(specVersion: number): RuntimeLayout {
  const layout = typeof specVersion === "number" && Object.hasOwn(RUNTIME_LAYOUTS, specVersion) ? RUNTIME_LAYOUTS[specVersion] : undefined;
  if (!layout) {
    throw new TaomathError("runtime_version", "specVersion",
      `runtime spec version ${quote(specVersion)} has no known layout (known: ${KNOWN_SPEC_VERSIONS.join(", ")}; ` +
      "a layout can be assumed explicitly, and every payload is still checked to decode exactly)");
  }
  return layout;
}
