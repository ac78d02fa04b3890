// Storage keys and value layouts of the chain storage the epoch reads that the runtime APIs do
// not return. A key is twox128(pallet) ++ twox128(item) ++ each map key through its hasher
// (Identity, Twox64Concat or Blake2_128Concat, as declared in pallets/subtensor/src/lib.rs and
// pallets/swap/src/pallet/mod.rs). Built on polkadot-api's Storage helper and hashers.

import {
  AccountId, Blake2128Concat, Bytes, Identity, Storage, Tuple, Twox128, Twox64Concat, i16, u128, u16, u64, u8,
  type Codec,
} from "@polkadot-api/substrate-bindings";
// Values come from a node: length-checked vectors and strict bools (bounded.ts).
import { Vector, bool, Bytes as VecU8 } from "./bounded.js";
import { toHex } from "./scale.js";
import { SafeFloatCodec, Superellipse } from "./codecs.js";

const subtensor = Storage("SubtensorModule");
const swap = Storage("Swap");
const account = AccountId(42);

/** twox128 of a pallet or storage item name, as hex. */
export const twox128Hex = (name: string): string => toHex(Twox128(new TextEncoder().encode(name)));

/** A storage item: how its key is built from its map keys, and how its value is encoded. */
export interface StorageItem<K extends unknown[], V> {
  pallet: string;
  name: string;
  /** the full key for these map keys (a prefix when fewer keys are given) */
  key: (...keys: K) => string;
  /** the key prefix covering the first `keys` map keys (for paging a map) */
  prefix: (...keys: Partial<K>) => string;
  decodeKey: (key: string) => K;
  value: Codec<V>;
  /** what the chain returns when the key is absent (ValueQuery default), if the item has one */
  default?: V;
}

function item<K extends unknown[], V>(
  pallet: string, storage: ReturnType<typeof Storage>, name: string,
  keys: Array<[Codec<any>, (b: Uint8Array) => Uint8Array]>, value: Codec<V>, dflt?: V,
): StorageItem<K, V> {
  const full = storage(name, ...(keys as never[]));
  const base = twox128Hex(pallet) + twox128Hex(name).slice(2);
  return {
    pallet, name, value, default: dflt,
    key: (...k: K) => full.enc(...(k as unknown as never[])),
    prefix: (...k: Partial<K>) => base + k.map((x, i) => toHex(keys[i][1](keys[i][0].enc(x))).slice(2)).join(""),
    decodeKey: (key: string) => full.dec(key) as K,
  };
}

const netuid: [Codec<number>, typeof Identity] = [u16, Identity];
const uid: [Codec<number>, typeof Identity] = [u16, Identity];
const row = Vector(Tuple(u16, u16), 4);

/**
 * WeightCommits value: VecDeque<(H256, u64, u64, u64)>, the same bytes at every runtime taomath
 * knows; what the three u64 mean changed (spec <= 343: commit_block, first_reveal_block,
 * last_reveal_block; spec 425: commit_epoch, commit_block, unused). commits.ts reads them per runtime.
 */
export const weightCommitQueue = Vector(Tuple(Bytes(32), u64, u64, u64), 56);
/** TimelockedWeightCommits value: VecDeque<(AccountId, commit_block u64, ciphertext Vec<u8>, reveal_round u64)>. */
export const timelockedCommitQueue = Vector(Tuple(account, u64, VecU8(), u64), 49);

/** The storage items taomath reads (runtime 315..343 layouts; NetUidStorageIndex = netuid for mechanism 0). */
export const storage = {
  Weights: item<[number, number], Array<[number, number]>>("SubtensorModule", subtensor, "Weights", [netuid, uid], row, []),
  Bonds: item<[number, number], Array<[number, number]>>("SubtensorModule", subtensor, "Bonds", [netuid, uid], row, []),
  LastUpdate: item<[number], bigint[]>("SubtensorModule", subtensor, "LastUpdate", [netuid], Vector(u64, 8), []),
  ValidatorPermit: item<[number], boolean[]>("SubtensorModule", subtensor, "ValidatorPermit", [netuid], Vector(bool), []),
  BlockAtRegistration: item<[number, number], bigint>("SubtensorModule", subtensor, "BlockAtRegistration", [netuid, uid], u64, 0n),
  Keys: item<[number, number], string>("SubtensorModule", subtensor, "Keys", [netuid, uid], account),
  SubnetworkN: item<[number], number>("SubtensorModule", subtensor, "SubnetworkN", [netuid], u16, 0),
  NetworksAdded: item<[number], boolean>("SubtensorModule", subtensor, "NetworksAdded", [netuid], bool, false),
  // ValueQuery defaults below are the runtime's (runtime/src/lib.rs at spec 343: SubtensorInitialTaoWeight,
  // DefaultStakeThreshold, SubtensorInitialBondsPenalty, SubtensorInitialAlphaSigmoidSteepness, DefaultYuma3).
  TaoWeight: item<[], bigint>("SubtensorModule", subtensor, "TaoWeight", [], u64, 971_718_665_099_567_868n),
  StakeThreshold: item<[], bigint>("SubtensorModule", subtensor, "StakeThreshold", [], u64, 0n),
  BondsPenalty: item<[number], number>("SubtensorModule", subtensor, "BondsPenalty", [netuid], u16, 65535),
  AlphaSigmoidSteepness: item<[number], number>("SubtensorModule", subtensor, "AlphaSigmoidSteepness", [netuid], i16, 1000),
  Yuma3On: item<[number], boolean>("SubtensorModule", subtensor, "Yuma3On", [[u16, Blake2128Concat]], bool, false),
  LiquidAlphaOn: item<[number], boolean>("SubtensorModule", subtensor, "LiquidAlphaOn", [[u16, Blake2128Concat]], bool, false),
  MechanismCountCurrent: item<[number], number>("SubtensorModule", subtensor, "MechanismCountCurrent", [[u16, Twox64Concat]], u16),
  // Commit-reveal (the epoch's W5 column mask). Keyed by NetUidStorageIndex (= netuid for mechanism 0).
  WeightCommits: item<[number, string], Array<[Uint8Array, bigint, bigint, bigint]>>(
    "SubtensorModule", subtensor, "WeightCommits", [[u16, Twox64Concat], [account, Twox64Concat]], weightCommitQueue),
  TimelockedWeightCommits: item<[number, bigint], Array<[string, bigint, Uint8Array, bigint]>>(
    "SubtensorModule", subtensor, "TimelockedWeightCommits", [[u16, Twox64Concat], [u64, Twox64Concat]], timelockedCommitQueue, []),
  // DefaultRevealPeriodEpochs = 1; SubnetEpochIndex exists from spec 425 on (DefaultZeroU64).
  RevealPeriodEpochs: item<[number], bigint>("SubtensorModule", subtensor, "RevealPeriodEpochs", [[u16, Twox64Concat]], u64, 1n),
  SubnetEpochIndex: item<[number], bigint>("SubtensorModule", subtensor, "SubnetEpochIndex", [netuid], u64, 0n),
  // Runtime 425's epoch scheduler (schedule.ts), all Identity-keyed by netuid with ValueQuery defaults:
  // DefaultZeroU64 for LastEpochBlock and PendingEpochAt, 0 for BlocksSinceLastStep and
  // LastMechansimStepBlock (sic: the chain's spelling), DefaultTempo = 360 and MaxEpochsPerBlock = 2
  // on the production runtime (prod_or_fast!).
  Tempo: item<[number], number>("SubtensorModule", subtensor, "Tempo", [netuid], u16, 360),
  LastEpochBlock: item<[number], bigint>("SubtensorModule", subtensor, "LastEpochBlock", [netuid], u64, 0n),
  PendingEpochAt: item<[number], bigint>("SubtensorModule", subtensor, "PendingEpochAt", [netuid], u64, 0n),
  BlocksSinceLastStep: item<[number], bigint>("SubtensorModule", subtensor, "BlocksSinceLastStep", [netuid], u64, 0n),
  LastMechansimStepBlock: item<[number], bigint>("SubtensorModule", subtensor, "LastMechansimStepBlock", [netuid], u64, 0n),
  MaxEpochsPerBlock: item<[], number>("SubtensorModule", subtensor, "MaxEpochsPerBlock", [], u8, 2),
  AlphaSqrtPrice: item<[number], bigint>("Swap", swap, "AlphaSqrtPrice", [[u16, Twox64Concat]], u128),

  // The pool (pallets/swap/src/pallet/mod.rs; 425: 14bc6f9f, 473: 0249a4a4). SwapBalancer holds a
  // Perquintill quote weight (u64 parts; ValueQuery default 0.5); at 473 it is the archived Balancer
  // state, kept for the migration and as the spot-price fallback of a subnet without an ellipse.
  // SwapSuperellipse (473, OptionQuery: no default) and the two reservoirs (473, ValueQuery 0).
  SwapBalancer: item<[number], bigint>("Swap", swap, "SwapBalancer", [[u16, Twox64Concat]], u64, 500_000_000_000_000_000n),
  SwapSuperellipse: item<[number], { alpha_scale: bigint; tao_scale: bigint; center_alpha: bigint; center_tao: bigint }>(
    "Swap", swap, "SwapSuperellipse", [[u16, Twox64Concat]], Superellipse),
  BalancerTaoReservoir: item<[number], bigint>("Swap", swap, "BalancerTaoReservoir", [[u16, Twox64Concat]], u64, 0n),
  BalancerAlphaReservoir: item<[number], bigint>("Swap", swap, "BalancerAlphaReservoir", [[u16, Twox64Concat]], u64, 0n),
  FeeRate: item<[number], number>("Swap", swap, "FeeRate", [[u16, Twox64Concat]], u16, 33),
  // Reserves (SubtensorModule, Identity-keyed by netuid, ValueQuery 0 at 425).
  SubnetTAO: item<[number], bigint>("SubtensorModule", subtensor, "SubnetTAO", [netuid], u64, 0n),
  SubnetAlphaIn: item<[number], bigint>("SubtensorModule", subtensor, "SubnetAlphaIn", [netuid], u64, 0n),
  SubnetAlphaOut: item<[number], bigint>("SubtensorModule", subtensor, "SubnetAlphaOut", [netuid], u64, 0n),

  // One hotkey's alpha share pool (pallets/subtensor/src/lib.rs at 425; the 473 declarations are not
  // available). Shares are SafeFloat in AlphaV2 / TotalHotkeySharesV2; the legacy U64F64 maps Alpha /
  // TotalHotkeyShares are read first by the pallet (lazy migration), so the client reads them too.
  TotalHotkeyAlpha: item<[string, number], bigint>("SubtensorModule", subtensor, "TotalHotkeyAlpha",
    [[account, Blake2128Concat], netuid], u64, 0n),
  TotalHotkeySharesV2: item<[string, number], { mantissa: bigint; exponent: bigint }>("SubtensorModule", subtensor,
    "TotalHotkeySharesV2", [[account, Blake2128Concat], netuid], SafeFloatCodec),
  TotalHotkeyShares: item<[string, number], bigint>("SubtensorModule", subtensor, "TotalHotkeyShares",
    [[account, Blake2128Concat], netuid], u128),
  AlphaV2: item<[string, string, number], { mantissa: bigint; exponent: bigint }>("SubtensorModule", subtensor, "AlphaV2",
    [[account, Blake2128Concat], [account, Blake2128Concat], netuid], SafeFloatCodec),
  Alpha: item<[string, string, number], bigint>("SubtensorModule", subtensor, "Alpha",
    [[account, Blake2128Concat], [account, Blake2128Concat], netuid], u128),
} as const;

export type StorageName = keyof typeof storage;
