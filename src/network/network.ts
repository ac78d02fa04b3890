// A network state model that runs subtensor's block_step. The coinbase exists once, in the core
// (assembly/coinbase/block_step.ts and its steps, rows in src/network/rows.ts): mint, subnet
// shares, terms, injection and chain buy, the alpha-out split into pending counters, the epoch
// schedule, the price EMA and root proportion, with the storage they write. This host only
// orchestrates: the core stops after a block in which an epoch with neurons is due, and the host
// runs that epoch (the bit-exact Yuma epoch or epoch_with_mechanisms) and its payout
// (distribute_emission, its arithmetic in core entry points) before the next block; with a
// caller-supplied CoinbasePool the core stops inside each block after get_subnet_terms and the
// host writes the pool's answers; root auto-claims run between blocks. State in and out as plain
// JSON (a snapshot); every block is checked for conservation of TAO and alpha to the rao.
//
// Scope (stated in every report it returns): the payout follows distribute_emission with child
// keys and, for hotkeys given with nominators, their share pools; root dividends raise each hotkey's
// RootClaimable rate (src/root_claim.ts) and their alpha waits in root_unclaimed until a coldkey
// claims it with claimRoot, or the per-block auto-claim runs (only with step's autoClaim option, which
// needs the block hashes); incentive of the owner coldkey's hotkeys is burned or recycled
// (RecycleOrBurn); the epoch's inputs other than stake are taken as given in the snapshot.

import type { Taomath } from "../core/taomath.js";
import type { EpochInput, EpochInputTyped, EpochOutput, EpochOutputTyped } from "../bindings/epoch.js";
import { coinbaseOf, type CoinbasePool, type PoolReserves } from "./coinbase.js";
import { balancerPool, balancerMinimumReserve } from "./balancer_pool.js";
import { ROW, F, G, G_SLOTS, EV, EVT, VIOLATION_KINDS, PHASE_POOL, PHASE_PAYOUT, writeRow, readRow, rowFits } from "./rows.js";
import { runEpochMechanisms } from "../bindings/mechanisms.js";
import { buildSharePools, coldkeyValues, type HotkeyShares } from "./nominators.js";
import { toInt, toU64 } from "../bindings/values.js";
import { TaomathError } from "../core/errors.js";
import { transactional } from "../core/transaction.js";
import { RootClaims, type ClaimResult } from "./root_claim.js";
import { swapCoreOf } from "../core/cores.js";
import { MIN_PRICE_RAO } from "../pool/quote.js";
import { parseSnapshot, serializeState, type NetworkState, type SubnetState, type NeuronsInput } from "./state.js";
import { U64_MAX, MASK64, satAddU64, satSubU64 } from "../core/ints.js";
import { runtimeTag, type RuntimeTag } from "../core/runtime.js";
import { assumptionsFor } from "./assumptions.js";
import { payoutTable } from "./payout_table.js";
import { PayoutCredits, creditHotkey } from "./payout_credits.js";
import { typedEpochInput, writeEpochState, refreshedLastUpdate, plainOutput, AHEAD_RAO_EMISSION } from "./typed_epoch.js";

export type { NetworkState, SubnetState, NeuronsInput };

/** hotkey_share_pool_has_members (473; its definition is not readable): some coldkey holds a share entry. */
function hasMembers(pool: HotkeyShares): boolean {
  for (const e of pool.shares.values()) if (e.kind !== "absent") return true;
  return false;
}

export interface StepReport {
  /** the runtime whose rules ran (a snapshot without one is read as 425, and the assumptions say so) */
  runtime: RuntimeTag;
  assumptions: string[];
  blocks: number;
  first_block: bigint;
  last_block: bigint;
  tao_minted: bigint;
  tao_recycled: bigint;
  alpha_minted: bigint;
  alpha_recycled: bigint;
  epochs: Array<{ block: bigint; netuid: number; outcome: "ran" | "skipped" | "deferred" }>;
  /** blocks where TAO or alpha were not conserved (empty when all is well) */
  violations: string[];
  /** with the autoClaim option: the claims run_auto_claim_root_divs made, with their block */
  root_claims?: Array<ClaimResult & { block: bigint }>;
  /** the last block's TAO block emission (computed on TotalIssuance before it) and root sell flag */
  tao_block_emission?: bigint;
  root_sell_flag?: boolean;
}

/**
 * run_auto_claim_root_divs in each block: `blockHash(b)` gives the hash of block b (the chain uses the
 * parent hash, so block n claims with blockHash(n - 1)); numRootClaim is NumRootClaim (default 5).
 */
export interface AutoClaim { blockHash: (block: bigint) => Uint8Array; numRootClaim?: number }

const ASSUMPTIONS = [
  "coinbase as subtensor 14bc6f9f block_step: mint (capped by the balances issuance), shares from EMA prices, injection capped by root proportion, chain buy, alpha-out split, epoch schedule (max epochs per block), price EMA and root proportion, with the storage they write (protocol flow, volume, alpha assets, subnet account, per-block counters, BlockEmission)",
  "pool weight updates and chain buys come from the CoinbasePool given to step() (default: the Balancer pool of pallet_subtensor_swap, MinimumReserve 1_000_000)",
  "epoch payout as distribute_emission: inherited stake into the epoch, dividends shared with parents (childkey take, CKBurn), split into alpha and root parts by own alpha and root stake, delegate take, incentive and owner cut credited to the hotkey owner's coldkey and the rest of the dividends to all the hotkey's coldkeys through its share pool (hotkeys given without share_pools/nominators are kept as totals); root dividends raise the hotkey's RootClaimable rate on the subnet (increase_root_claimable_for_hotkey_and_subnet) and their alpha stays in the subnet's root_unclaimed until claimed; incentive of the owner coldkey's registered hotkeys is burned or, with RecycleOrBurn = Recycle, recycled",
  "a subnet with extra_mechanisms runs epoch_with_mechanisms (split_emissions, one epoch per mechanism on its own weights, bonds and LastUpdate, per-uid sums)",
  "registrations, staking, transfers and root claims do not happen during the run (the chain's auto-claim of block-hash-picked coldkeys runs only with step's autoClaim option and its block hashes; otherwise claims happen only through claimRoot between runs)",
  "unless weights_refreshed is false, validators keep submitting the weights of the snapshot (LastUpdate follows the block)",
];

/** What a subnet's last epoch payout recorded. */
export interface PayoutRecord {
  block: bigint;
  /** null for a record restored from a written state (its epoch is not kept) */
  epoch: EpochOutput | null;
  /** AlphaDividendsPerSubnet (after the delegate take) and RootAlphaDividendsPerSubnet (after the take) per hotkey */
  alpha_dividends: Map<string, bigint>;
  root_alpha_dividends: Map<string, bigint>;
}

/** The chain's pool math for stable (mechanism 0) subnets only: swaps are 1:1 with no fee. */
export const stableOnlyPool: CoinbasePool = {
  adjustProtocolLiquidity(pool, tao, alpha) {
    if (tao === 0n && alpha === 0n) return { tao: 0n, alpha: 0n, quote_weight: pool.quote_weight };
    throw new TaomathError("unsupported", `subnets[${pool.netuid}]`, "a nonzero injection needs the Balancer weight update (pool math module); pass a CoinbasePool that implements it");
  },
  buyAlpha(pool, tao) {
    if (pool.mechanism !== 0) {
      throw new TaomathError("unsupported", `subnets[${pool.netuid}]`, "a chain buy on a dynamic subnet needs the Balancer swap (pool math module); pass a CoinbasePool that implements it");
    }
    return { ok: true, paid_in: tao, paid_out: tao, quote_weight: pool.quote_weight, pal_swap_initialized: pool.pal_swap_initialized };
  },
};

/**
 * Runs several independent epochs (of different subnets, due in the same block) in the typed form and
 * returns their outputs in the same order, e.g. on worker threads (src/network/epoch_threads.ts); the
 * results must be runEpochTyped's (output "typed").
 */
export type EpochRunner = (inputs: EpochInputTyped[]) => EpochOutputTyped[];

/**
 * Runs a subnet's next epoch ahead of its block (e.g. on a worker thread, src/network/epoch_threads.ts):
 * `start` is handed the input the epoch would have at `block` if nothing it reads changes before then
 * (rao_emission aside: it is only known at the block); `take` is handed the input as built at the block
 * and returns runEpochTyped's typed output for it, or undefined when it has none for exactly that input.
 */
export interface EpochAhead {
  start(netuid: number, block: bigint, input: EpochInputTyped): void;
  take(netuid: number, block: bigint, input: EpochInputTyped): EpochOutputTyped | undefined;
}

/** Neuron fields that are not the epoch's (bonds are added to the input apart). */
const NOT_EPOCH_FIELDS = new Set(["hotkeys", "takes", "extra_mechanisms", "mechanism_emission_split", "weights", "bonds"]);

export class Network {
  /** set when a block stopped half way (e.g. the pool refused): the state is then not a chain state */
  private broken: string | null = null;
  /** each subnet's last payout: the epoch's results and the dividends it recorded (AlphaDividendsPerSubnet, RootAlphaDividendsPerSubnet) */
  readonly payouts = new Map<number, PayoutRecord>();
  private constructor(private readonly tm: Taomath, readonly state: NetworkState, readonly claims: RootClaims) {}

  static fromSnapshot(tm: Taomath, snapshot: unknown): Network {
    const state = parseSnapshot(snapshot);
    const raw = (snapshot as { subnets?: Array<{ netuid?: unknown; nominators?: unknown }> }).subnets ?? [];
    for (const x of raw) {
      const n = state.subnets.find((s) => s.netuid === x.netuid);
      if (n && x.nominators !== undefined) buildSharePools(tm, x.nominators, `subnets[netuid ${n.netuid}]`, n.stakes, n.share_pools);
    }
    const claims = RootClaims.fromJSON(tm.core, (snapshot as { root_claims?: unknown }).root_claims);
    for (const [h, m] of claims.rootStakes) {
      const total = state.root_stakes.get(h);
      const sum = [...m.values()].reduce((a, b) => a + b, 0n);
      if (total !== undefined && total !== sum) throw new TaomathError("out_of_range", `root_claims.stakes[${h}]`, `hotkey ${h}: root stakes per coldkey sum to ${sum} but root_stakes gives ${total}`);
    }
    // a hotkey whose root stake is given per coldkey has that total as its root stake
    for (const [h, m] of claims.rootStakes) if (!state.root_stakes.has(h)) state.root_stakes.set(h, [...m.values()].reduce((a, b) => a + b, 0n));
    const net = new Network(tm, state, claims);
    const bad = net.alphaLedgerErrors();
    if (bad.length > 0) throw new TaomathError("out_of_range", bad[0].field, bad[0].message);
    return net;
  }

  /** The state as plain JSON (u64 as decimal strings, fixed point as bit strings). */
  snapshot(): Record<string, unknown> {
    if (this.broken !== null) throw new TaomathError("unsupported", "network", `the state stopped inside block ${this.broken} and is not a chain state`);
    const out = serializeState(this.state);
    if (!this.claims.isEmpty()) out.root_claims = this.claims.toJSON();
    return out;
  }

  /**
   * claim_root for a coldkey between runs: for each hotkey it stakes on root (root_claims.stakes), what
   * it is owed on each subnet (all, or the 1..5 given) is paid as its RootClaimType says: Keep stakes the
   * alpha on the subnet under the hotkey; Swap sells it on the subnet's Balancer pool fee-free and stakes
   * the TAO on root (root_tao, the hotkey's root stake). The alpha leaves the subnet's root_unclaimed.
   */
  claimRoot(coldkey: string, subnets?: number[]): ClaimResult[] {
    if (this.broken !== null) throw new TaomathError("unsupported", "network", `a previous step stopped inside block ${this.broken}; reload from a snapshot`);
    const subnetOf = (netuid: number) => {
      const n = this.state.subnets.find((x) => x.netuid === netuid);
      if (!n) throw new TaomathError("unknown_netuid", "subnets", `no subnet ${netuid} in the network`);
      return n;
    };
    const take = (n: SubnetState, alpha: bigint) => {
      if (alpha > n.root_unclaimed) throw new TaomathError("out_of_range", `subnets[netuid ${n.netuid}].root_unclaimed`, `subnet ${n.netuid}: a root claim of ${alpha} exceeds the unclaimed root dividends ${n.root_unclaimed}`);
      n.root_unclaimed -= alpha;
    };
    const sw = swapCoreOf(this.tm);
    // the chain runs the whole call in one transaction: on failure the ledger restores itself and the state is reloaded here
    return transactional(
      () => serializeState(this.state),
      (saved) => { Object.assign(this.state, parseSnapshot(saved)); },
      () => this.claimRootIn(coldkey, subnetOf, take, sw, subnets),
    );
  }

  private claimRootIn(coldkey: string, subnetOf: (netuid: number) => SubnetState, take: (n: SubnetState, alpha: bigint) => void, sw: ReturnType<typeof swapCoreOf>, subnets?: number[]): ClaimResult[] {
    return this.claims.claimRoot(coldkey, {
      keep: (hotkey, c, netuid, alpha) => {
        const n = subnetOf(netuid);
        take(n, alpha);
        this.credit(n, hotkey, c, alpha);
      },
      swap: (hotkey, _c, netuid, alpha) => {
        const n = subnetOf(netuid);
        const input = {
          taoReserve: n.tao_reserve, alphaReserve: n.alpha_reserve, alphaOut: n.alpha_out, quoteWeight: n.quote_weight,
          palSwapInitialized: n.pal_swap_initialized, feeRate: n.fee_rate, mechanism: n.mechanism,
        };
        // at 473 the sale runs on the subnet's superellipse (initialised by it when the subnet has none)
        const on473 = this.state.runtime.rules === "473";
        const r = on473 ? this.tm.ellipse.swap({ ...input, ellipse: n.ellipse }, false, alpha, MIN_PRICE_RAO, true, false) : sw.swap(input, false, alpha, MIN_PRICE_RAO, true, false);
        if (!r.ok) throw new TaomathError("chain_rejected", `subnets[netuid ${netuid}]`, `the root claim's swap of ${alpha} alpha failed (${r.error}); the chain rolls the claim back`);
        if (r.paidIn !== alpha) throw new TaomathError("unsupported", `subnets[netuid ${netuid}]`, `the swap took ${r.paidIn} of ${alpha} alpha; a partial root claim swap is not modelled`);
        take(n, alpha);
        n.alpha_out = satSubU64(n.alpha_out, alpha);
        n.alpha_reserve += r.paidIn;
        n.tao_reserve -= r.paidOut;
        n.quote_weight = r.stateAfter.quoteWeight;
        n.pal_swap_initialized = r.stateAfter.palSwapInitialized;
        if (on473) n.ellipse = (r.stateAfter as { ellipse: SubnetState["ellipse"] }).ellipse;
        this.state.root_tao += r.paidOut;
        const rs = this.state.root_stakes.get(hotkey);
        if (rs !== undefined) this.state.root_stakes.set(hotkey, rs + r.paidOut);
        return r.paidOut;
      },
    }, subnets);
  }

  /**
   * Runs `blocks` blocks of block_step. With the Balancer pool (the default) the coinbase of many
   * blocks runs in one core call and the host steps in only for epochs of subnets with neurons;
   * `hostOnly` runs one block per core call (as auto-claims and caller-supplied pools do).
   * `onBlock` is called at least once per core call with the last block done.
   */
  step(blocks: number, pool?: CoinbasePool, options: { onBlock?: (block: bigint) => void; hostOnly?: boolean; autoClaim?: AutoClaim; epochRunner?: EpochRunner; epochAhead?: EpochAhead } = {}): StepReport {
    pool ??= balancerPool(this.tm);
    const count = toInt(blocks, "blocks", 0, 100_000_000, "block count");
    const report: StepReport = {
      runtime: runtimeTag(this.state.runtime), assumptions: assumptionsFor(this.state, ASSUMPTIONS), blocks: count, first_block: this.state.block + 1n, last_block: this.state.block + BigInt(count),
      tao_minted: 0n, tao_recycled: 0n, alpha_minted: 0n, alpha_recycled: 0n, epochs: [], violations: [],
    };
    if (this.broken !== null) throw new TaomathError("unsupported", "network", `a previous step stopped inside block ${this.broken}; reload from a snapshot`);
    const auto = options.autoClaim;
    if (auto !== undefined) {
      if (typeof auto.blockHash !== "function") throw new TaomathError("invalid_type", "autoClaim.blockHash", "expected a function from a block number to its 32-byte hash");
      toInt(auto.numRootClaim ?? 5, "autoClaim.numRootClaim", 0, 50, "NumRootClaim (at most MAX_NUM_ROOT_CLAIMS 50)");
      report.root_claims = [];
    }
    // every block runs in the core; auto-claims run between blocks and a caller-supplied pool answers inside
    // each block, so those run one block per core call
    const subnets = this.state.subnets.filter((n) => n.netuid !== 0);
    this.ensureRows(subnets);
    try {
      if (auto === undefined && !options.hostOnly) this.stepInCore(count, pool, subnets, report, options.onBlock, undefined, options.epochRunner, options.epochAhead);
      else {
        for (let i = 0; i < count; i++) {
          this.stepInCore(1, pool, subnets, report, undefined, undefined, options.epochRunner, options.epochAhead);
          if (auto !== undefined) this.autoClaimRoot(auto, report);
          options.onBlock?.(this.state.block);
        }
      }
    } catch (e) {
      this.broken = this.state.block.toString();
      throw e;
    }
    return report;
  }

  /** The core holds each subnet in a row of u64 slots; a state that does not fit is refused up front. */
  private ensureRows(subnets: SubnetState[]): void {
    for (const n of subnets) {
      if (!rowFits(n)) throw new TaomathError("out_of_range", `subnets[netuid ${n.netuid}]`, "an alpha ledger bucket is past the range the core holds (u64, unowned alpha i64)");
    }
  }

  /**
   * One block whose coinbase runs on `credit` instead of the block emission: the chain tests'
   * `run_coinbase(mint_tao(credit))` (TotalIssuance grows by the credit, capped at the supply).
   */
  runCoinbase(credit: bigint, pool?: CoinbasePool): StepReport {
    const c = toU64(credit, "credit");
    pool ??= balancerPool(this.tm);
    if (this.broken !== null) throw new TaomathError("unsupported", "network", `a previous step stopped inside block ${this.broken}; reload from a snapshot`);
    const report: StepReport = {
      runtime: runtimeTag(this.state.runtime), assumptions: assumptionsFor(this.state, ASSUMPTIONS), blocks: 1, first_block: this.state.block + 1n, last_block: this.state.block + 1n,
      tao_minted: 0n, tao_recycled: 0n, alpha_minted: 0n, alpha_recycled: 0n, epochs: [], violations: [],
    };
    const subnets = this.state.subnets.filter((n) => n.netuid !== 0);
    this.ensureRows(subnets);
    try {
      this.stepInCore(1, pool, subnets, report, undefined, c);
    } catch (e) {
      this.broken = this.state.block.toString();
      throw e;
    }
    return report;
  }

  /** run_auto_claim_root_divs(parent_hash): the picked coldkeys claim everything; a failed claim is only logged on chain. */
  private autoClaimRoot(auto: AutoClaim, report: StepReport): void {
    const block = this.state.block;
    const coldkeys = this.claims.stakingColdkeys();
    const picked = this.claims.blockHashToIndices(auto.blockHash(block - 1n), BigInt(auto.numRootClaim ?? 5), BigInt(coldkeys.length));
    for (const i of picked) {
      const c = coldkeys[Number(i)];
      if (c === undefined) continue;
      try {
        for (const r of this.claimRoot(c)) if (r.mode !== "skipped") report.root_claims!.push({ ...r, block });
      } catch (e) {
        if (!(e instanceof TaomathError)) throw e;
      }
    }
  }

  /**
   * The first half of distribute_emission for one drained subnet: its epoch's input (null without uids).
   * It reads only the subnet's own state, so the epochs of a block's drained subnets can be prepared
   * together and run in any order (or in parallel) before their payouts are applied in netuid order.
   */
  private prepareEpoch(n: SubnetState, S: bigint, V: bigint, R: bigint, at?: { block: bigint; rao: bigint }): EpochInput | null {
    const cb = coinbaseOf(this.tm);
    const E = at?.rao ?? S + V + R;
    const block = at?.block ?? this.state.block;
    if (n.neurons === null || n.neurons.hotkeys.length === 0) return null;
    const nn = n.neurons;
    const tw = this.state.tao_weight;
    // everything below reads the stakes before anything of this epoch is paid
    const alphaOf = (h: string) => n.stakes.get(h) ?? 0n;
    const childrenOf = (h: string) => n.children.get(h) ?? [];
    const parentsOf = (h: string) => n.parents.get(h) ?? [];
    const hasKeys = n.children.size > 0;
    const inheritedAlpha = nn.hotkeys.map((h) => (hasKeys
      ? cb.inheritedAlpha(alphaOf(h), childrenOf(h).map(([p]) => p), parentsOf(h).map(([p, ph]) => ({ proportion: p, alpha: alphaOf(ph) })))
      : alphaOf(h)));
    const extra = nn.extra_mechanisms ?? [];
    // an input prepared ahead (`at`) changes nothing: its refreshed LastUpdate is only the input's
    let lastUpdate = nn.last_update;
    if (this.state.weights_refreshed) {
      // validators that set weights keep setting the same ones (see weights_refreshed)
      lastUpdate = refreshedLastUpdate(nn, block) as typeof nn.last_update;
      if (at === undefined) {
        nn.last_update = lastUpdate;
        for (const m of extra) m.last_update = nn.hotkeys.map((_, uid) => (m.weights[uid]?.length ? block : (m.last_update[uid] ?? 0n)));
      }
    }
    // the neurons' fields but weights and bonds, which are read only where the plain input is used (they may still be typed)
    const input = {} as Record<string, unknown>;
    for (const k of Object.keys(nn)) if (!NOT_EPOCH_FIELDS.has(k)) input[k] = (nn as Record<string, unknown>)[k];
    Object.assign(input, { n: nn.hotkeys.length, current_block: block, last_update: lastUpdate, last_mechanism_step_block: n.last_mechanism_step_block, alpha_stake: inheritedAlpha, rao_emission: E, tao_weight: tw });
    Object.defineProperty(input, "weights", { get: () => nn.weights, enumerable: true, configurable: true });
    Object.defineProperty(input, "bonds", { get: () => nn.bonds, enumerable: true, configurable: true });
    return input as unknown as EpochInput;
  }

  /** The subnet's epoch on its prepared input: runEpoch, or epoch_with_mechanisms with extra mechanisms. */
  private runPrepared(n: SubnetState, input: EpochInput): EpochOutput | EpochOutputTyped {
    const nn = n.neurons!;
    const extra = nn.extra_mechanisms ?? [];
    const split = nn.mechanism_emission_split;
    let out: EpochOutput;
    if (extra.length === 0) return this.tm.runEpochTyped(typedEpochInput(nn, input), { output: "typed" });
    else {
      // epoch_with_mechanisms: the emission split, one epoch per mechanism, the terms summed per uid
      const { weights, bonds, last_update, ...shared } = input;
      const r = runEpochMechanisms(this.tm, { ...shared, mechanisms: [{ weights, bonds, last_update }, ...extra], mechanism_emission_split: split ?? null });
      extra.forEach((m, k) => { m.bonds = r.mechanisms[k + 1].bonds; });
      out = { ...r.mechanisms[0], server_emission: r.subnet.server_emission, validator_emission: r.subnet.validator_emission, bonds: r.mechanisms[0].bonds, validator_permit: r.subnet.validator_permit } as EpochOutput;
    }
    return out;
  }

  /** distribute_emission's payout for one drained subnet after its epoch; returns the alpha recycled (CKBurn and recycled owner incentive). */
  private distribute(n: SubnetState, S: bigint, V: bigint, R: bigint, O: bigint, out: EpochOutput | EpochOutputTyped | null): bigint {
    const cb = coinbaseOf(this.tm);
    const E = S + V + R;
    const is473 = this.state.runtime.rules === "473";
    if (out === null || n.neurons === null || n.neurons.hotkeys.length === 0) {
      if (n.has_owner) this.credit(n, n.owner_hotkey, this.subnetOwnerColdkey(n), O);
      else n.unowned_alpha += O;
      n.miner_burned = 0n;
      // no uids: the epoch returns nothing and the emission is credited to nobody; at 473 no root dividend
      // reaches anyone, so the pending root alpha is recycled
      const rootRecycled = is473 ? this.recycleAlpha(n, R) : 0n;
      n.unowned_alpha += E - rootRecycled;
      return rootRecycled;
    }
    const nn = n.neurons;
    const tw = this.state.tao_weight;
    // the payout's arithmetic runs in the core (distribute_emission.ts) on a table of the uids' hotkeys and their parents
    const t = payoutTable(n, nn, this.state.delegate_takes);
    const { table, uidHotkey, withheld } = t;
    const hotkeys = nn.hotkeys, nU = hotkeys.length, h = table.length;
    // the root stake (TotalHotkeyAlpha on root), else the epoch's tao_stake of the hotkey's uid
    const alpha = new BigUint64Array(h), root = new BigUint64Array(h), rootUid = new Uint8Array(h);
    for (let i = 0; i < h; i++) {
      const k = table[i];
      alpha[i] = n.stakes.get(k) ?? 0n;
      root[i] = this.state.root_stakes.get(k) ?? t.uidRoot[i];
      rootUid[i] = this.hasRootUid(k) ? 1 : 0;
    }
    const r = cb.distributeEmissionColumns({
      uid_hotkey: uidHotkey, server_emission: u64s(out.server_emission), validator_emission: u64s(out.validator_emission),
      alpha, root, take: t.take, childkey_take: t.ckTake, withhold: withheld, owner: t.owner, root_uid: rootUid,
      child_start: t.childStart, child_prop: t.childProp, parent_start: t.parentStart, parent_prop: t.parentProp, parent_idx: t.parentIdx,
      pending_server: S, pending_validator: V, pending_root: R, ck_burn: this.state.ck_burn, tao_weight: tw, recycle: n.recycle_owner_incentive,
      rules: this.state.runtime.rules,
    });
    n.miner_burned = r.miner_burned;
    // every credit to a hotkey, in the chain's order: owner cut, incentives, then each recipient's dividends;
    // to its owner coldkey ("stake") or to all its coldkeys ("emit"). Only a hotkey with a share pool needs them
    // one by one; any other is credited their sum.
    const credits = new PayoutCredits(n, t);
    // the owner cut goes to SubnetOwner, the owner hotkey's coldkey
    if (n.has_owner) credits.add(t.index.get(n.owner_hotkey) ?? -1, n.owner_hotkey, "stake", O);
    else n.unowned_alpha += O;
    let paid = r.withheld;
    for (let uid = 0; uid < nU; uid++) {
      const inc = r.incentive_paid[uid], i = uidHotkey[uid];
      if (withheld[i] === 0) credits.add(i, table[i], "stake", inc);
      paid += inc;
    }
    // burn_subnet_alpha keeps the withheld incentive in SubnetAlphaOut; recycle_subnet_alpha takes it out
    n.unowned_alpha += r.burned;
    n.alpha_assets_burned += r.burned;
    // 473: every root dividend floored to 0, so the whole pending root alpha is recycled (before the payouts)
    const rootRecycled = r.root_recycled ? this.recycleAlpha(n, R) : 0n;
    let rootUnclaimed = 0n;
    for (let i = 0; i < h; i++) {
      if (r.recipient[i] === 0) continue;
      const k = table[i];
      const alphaTake = r.alpha_take[i], alphaRest = r.alpha_rest[i], rootTake = r.root_take[i], rootClaimable = r.root_claimable[i];
      credits.add(i, k, "stake", alphaTake);
      // 473: the nominators' share goes pool-wide only when the hotkey's share pool has members (counting the
      // credits made to it so far in this payout: the owner cut, incentive, the take), else to its owner
      const pool = is473 ? n.share_pools.get(k) : undefined;
      const members = pool === undefined || hasMembers(pool) || credits.stakedSome(i);
      credits.add(i, k, members ? "emit" : "stake", alphaRest);
      credits.add(i, k, "stake", rootTake);
      if (is473) rootUnclaimed += rootClaimable; // enqueue_basket_deposit: baskets are not modelled, the alpha waits here
      // increase_root_claimable_for_hotkey_and_subnet: more than the hotkey's root stake is staked as alpha instead
      else if (!this.claims.increaseRootClaimable(k, n.netuid, rootClaimable, root[i])) credits.add(i, k, "stake", rootClaimable);
      else rootUnclaimed += rootClaimable;
      paid += alphaTake + alphaRest + rootTake + rootClaimable;
    }
    n.root_unclaimed += rootUnclaimed;
    const ckBurned = r.ck_burned, ownerRecycled = r.recycled;
    // AlphaDividendsPerSubnet and RootAlphaDividendsPerSubnet per recipient (473 records only nonzero ones), built when read
    const dividends = (): Pick<PayoutRecord, "alpha_dividends" | "root_alpha_dividends"> => {
      const alphaDividends = new Map<string, bigint>(), rootDividends = new Map<string, bigint>();
      for (let i = 0; i < h; i++) {
        if (r.recipient[i] === 0) continue;
        const alphaRest = r.alpha_rest[i], rootClaimable = r.root_claimable[i];
        if (!is473 || alphaRest !== 0n) alphaDividends.set(table[i], alphaRest);
        if (!is473 || rootClaimable !== 0n) rootDividends.set(table[i], rootClaimable);
      }
      return { alpha_dividends: alphaDividends, root_alpha_dividends: rootDividends };
    };
    // a typed epoch's plain output is built only when someone reads it
    this.payouts.set(n.netuid, isTyped(out) ? new TypedPayout(this.state.block, out, dividends) : { block: this.state.block, epoch: out, ...dividends() });
    credits.apply(this.tm);
    // CKBurn and recycled owner incentive leave SubnetAlphaOut and the alpha asset issuance
    const recycled = ckBurned + ownerRecycled;
    n.alpha_out = satSubU64(n.alpha_out, recycled);
    n.alpha_assets_recycled += recycled;
    n.alpha_assets_issuance = satSubU64(n.alpha_assets_issuance, recycled);
    n.unowned_alpha += E - paid - ckBurned - rootRecycled;
    // the epoch's own storage writes the next epoch reads
    if (isTyped(out)) writeEpochState(nn, out);
    else {
      nn.bonds = out.bonds;
      nn.validator_permit = out.validator_permit;
    }
    return recycled + rootRecycled;
  }

  /** recycle_subnet_alpha: SubnetAlphaOut and the asset issuance fall by the amount (saturating); returns what left SubnetAlphaOut. */
  private recycleAlpha(n: SubnetState, amount: bigint): bigint {
    if (amount === 0n) return 0n;
    const before = n.alpha_out;
    n.alpha_out = satSubU64(n.alpha_out, amount);
    n.alpha_assets_recycled += amount;
    n.alpha_assets_issuance = satSubU64(n.alpha_assets_issuance, amount);
    return before - n.alpha_out;
  }

  /** Uids(ROOT, hotkey): the snapshot's root_uids, or (without them) a root stake in root_stakes. */
  private hasRootUid(h: string): boolean {
    const u = this.state.root_uids;
    return u !== null ? u.has(h) : (this.state.root_stakes.get(h) ?? 0n) > 0n;
  }

  /** The core path of step(): runs blocks in assembly/coinbase/run_blocks.ts, epochs of subnets with neurons here. */
  private stepInCore(count: number, pool: CoinbasePool, subnets: SubnetState[], report: StepReport, onBlock?: (block: bigint) => void, mint?: bigint, epochRunner?: EpochRunner, ahead?: EpochAhead): void {
    // the Balancer pool runs inside the core; any other pool answers between the two halves of each block
    const minimumReserve = balancerMinimumReserve(pool);
    const hostPool = minimumReserve === undefined;
    const s = this.state, n = subnets.length;
    if (hostPool && s.runtime.rules !== "425") {
      throw new TaomathError("unsupported", "pool", `a caller-supplied CoinbasePool answers with the 425 injection (weight update, then the buy); runtime ${s.runtime.spec_version} (rules ${s.runtime.rules}) runs its pools in the core: step without a pool`);
    }
    const rows = new BigUint64Array(n * ROW);
    const ownedBase = new Array<bigint>(n);
    subnets.forEach((x, i) => { writeRow(rows, i, x); ownedBase[i] = rows[i * ROW + F.OWNED]; });
    const g = new BigUint64Array(G_SLOTS);
    const ma = BigInt.asUintN(128, s.subnet_moving_alpha);
    const cap = Math.max(4096, 4 * n);
    const outcomes = ["not_due", "ran", "deferred", "skipped"] as const;
    // rows are read back into the subnets only where the host needs them (its epochs) and at the end
    const syncRow = (i: number) => { readRow(rows, i, subnets[i], ownedBase[i]); ownedBase[i] = rows[i * ROW + F.OWNED]; };
    // the globals carry a block the core stopped inside (G.PHASE) from one call to the next
    g[G.BLOCK] = s.block; g[G.ISSUANCE] = s.total_issuance;
    g[G.BALANCES] = s.balances_total_issuance; g[G.TOTAL_STAKE] = s.total_stake; g[G.BLOCK_EMISSION] = s.block_emission;
    g[G.ROOT_TAO] = s.root_tao; g[G.TAO_WEIGHT] = s.tao_weight; g[G.OWNER_CUT] = BigInt(s.subnet_owner_cut);
    g[G.MAX_EPOCHS] = BigInt(s.max_epochs_per_block); g[G.MA_HI] = ma >> 64n; g[G.MA_LO] = ma & MASK64;
    g[G.MIN_RESERVE] = minimumReserve ?? 0n; g[G.HOST_POOL] = hostPool ? 1n : 0n;
    g[G.RULES] = BigInt(s.runtime.rules);
    if (mint !== undefined) { g[G.MINT_SET] = 1n; g[G.MINT] = mint; }
    const counters = [G.TAO_MINTED, G.TAO_RECYCLED, G.ALPHA_MINTED, G.ALPHA_RECYCLED, G.EVENTS, G.VIOLATIONS, G.FIRST_VIOLATION, G.VIOLATION_KIND];
    let left = count;
    while (left > 0 || g[G.PHASE] !== 0n) {
      for (const c of counters) g[c] = 0n;
      const cb = coinbaseOf(this.tm);
      const run = (blocks: number) => cb.runBlocks(n, rows, g, blocks, cap);
      const resuming = g[G.PHASE] !== 0n;
      const first = run(hostPool || resuming ? 1 : Math.min(left, 4096));
      let done = first.done, ev = first.events;
      if (g[G.PHASE] === PHASE_POOL) {
        // the block stopped after get_subnet_terms: the pool answers for each subnet emitted to, then it resumes
        for (let i = 0; i < n; i++) if (rows[i * ROW + F.EMITS] !== 0n) this.poolAnswers(pool, rows, i, subnets[i]);
        const second = run(1);
        done += second.done;
        ev = second.events;
      }
      left -= done;
      report.tao_minted += g[G.TAO_MINTED]; report.tao_recycled += g[G.TAO_RECYCLED];
      report.alpha_minted += g[G.ALPHA_MINTED]; report.alpha_recycled += g[G.ALPHA_RECYCLED];
      if (g[G.VIOLATIONS] > 0n) {
        const what = VIOLATION_KINDS[Number(g[G.VIOLATION_KIND])];
        report.violations.push(`block ${g[G.FIRST_VIOLATION]}: ${what} not conserved (${g[G.VIOLATIONS]} failed checks in blocks ${s.block + 1n}..${g[G.BLOCK]})`);
      }
      s.block = g[G.BLOCK]; s.total_issuance = g[G.ISSUANCE];
      s.balances_total_issuance = g[G.BALANCES]; s.total_stake = g[G.TOTAL_STAKE]; s.block_emission = g[G.BLOCK_EMISSION];
      if (done > 0 || g[G.PHASE] === PHASE_PAYOUT) { report.tao_block_emission = g[G.TAO_EMISSION]; report.root_sell_flag = g[G.ROOT_SELL] !== 0n; }
      const drains: Array<[number, bigint, bigint, bigint, bigint]> = [];
      for (let e = 0; e < ev.length; e += EV) {
        const i = Number(ev[e + EVT.ROW]), outcome = outcomes[Number(ev[e + EVT.OUTCOME])] as "ran" | "deferred" | "skipped";
        report.epochs.push({ block: ev[e + EVT.BLOCK], netuid: subnets[i].netuid, outcome });
        if (outcome === "ran" && rows[i * ROW + F.HOST_DRAIN] !== 0n) drains.push([i, ev[e + EVT.SERVER], ev[e + EVT.VALIDATOR], ev[e + EVT.ROOT], ev[e + EVT.OWNER]]);
      }
      if (g[G.PHASE] === PHASE_PAYOUT) {
        // distribute_emissions_to_subnets for the host's epochs, in netuid order, before the block's price updates
        drains.sort((a, b) => subnets[a[0]].netuid - subnets[b[0]].netuid);
        let recycled = 0n;
        // each drained subnet's epoch reads only its own state: all are prepared, run (on the epoch runner's
        // threads when given), then paid out in netuid order
        for (const [i] of drains) syncRow(i);
        const inputs = drains.map(([i, S, V, R]) => this.prepareEpoch(subnets[i], S, V, R));
        const plain = drains.map(([i], k) => (inputs[k] !== null && !(subnets[i].neurons!.extra_mechanisms?.length) ? k : -1)).filter((k) => k >= 0);
        const outs: Array<EpochOutput | EpochOutputTyped | null> = inputs.map(() => null);
        if (epochRunner !== undefined && plain.length > 1) {
          epochRunner(plain.map((k) => typedEpochInput(subnets[drains[k][0]].neurons!, inputs[k]!))).forEach((o, j) => { outs[plain[j]] = o; });
        }
        inputs.forEach((input, k) => {
          if (input === null || outs[k] !== null) return;
          const x = subnets[drains[k][0]];
          // an epoch run ahead counts only if it was run on exactly this input (rao_emission aside)
          if (ahead !== undefined && !x.neurons!.extra_mechanisms?.length) {
            const typed = typedEpochInput(x.neurons!, input);
            outs[k] = ahead.take(x.netuid, s.block, typed) ?? this.tm.runEpochTyped(typed, { output: "typed" });
          } else outs[k] = this.runPrepared(x, input);
        });
        for (const [k, [i, S, V, R, O]] of drains.entries()) {
          const x = subnets[i];
          const outBefore = x.alpha_out;
          const burned = this.distribute(x, S, V, R, O, outs[k]);
          x.last_mechanism_step_block = s.block;
          recycled += burned;
          if (outBefore - x.alpha_out !== burned) report.violations.push(`block ${s.block}: subnet ${x.netuid}: alpha_out fell by ${outBefore - x.alpha_out} but CKBurn recycled ${burned}`);
          for (const err of this.alphaLedgerErrors(x)) report.violations.push(`block ${s.block}: ${err.message}`);
          writeRow(rows, i, x);
          ownedBase[i] = rows[i * ROW + F.OWNED];
        }
        g[G.HOST_RECYCLED] = recycled;
        // each paid subnet's next epoch, due a tempo later, reads what is now final unless something changes it
        // before then (checked when it is due); its emission is multiplied in when it is taken
        if (ahead !== undefined) {
          for (const [i] of drains) {
            const x = subnets[i];
            if (x.neurons === null || x.neurons.hotkeys.length === 0 || x.neurons.extra_mechanisms?.length) continue;
            const at = { block: s.block + BigInt(x.tempo), rao: AHEAD_RAO_EMISSION };
            const input = this.prepareEpoch(x, 0n, 0n, 0n, at);
            if (input !== null) ahead.start(x.netuid, at.block, typedEpochInput(x.neurons, input));
          }
        }
      } else onBlock?.(s.block);
    }
    for (let i = 0; i < n; i++) syncRow(i);
  }

  /** A caller-supplied pool's adjust_protocol_liquidity and chain buy for one subnet's terms, written into its row. */
  private poolAnswers(pool: CoinbasePool, rows: BigUint64Array, i: number, x: SubnetState): void {
    const o = i * ROW;
    const reserves: PoolReserves = {
      netuid: x.netuid, mechanism: Number(rows[o + F.MECH]), tao_reserve: rows[o + F.TAO], alpha_reserve: rows[o + F.ALPHA],
      alpha_out: rows[o + F.ALPHA_OUT], quote_weight: rows[o + F.QUOTE], pal_swap_initialized: rows[o + F.INIT] !== 0n, fee_rate: Number(rows[o + F.FEE]),
    };
    const adj = pool.adjustProtocolLiquidity(reserves, rows[o + F.T_TAO_IN], rows[o + F.T_ALPHA_IN]);
    rows[o + F.D_TAO] = adj.tao; rows[o + F.D_ALPHA] = adj.alpha; rows[o + F.D_QUOTE] = adj.quote_weight;
    rows[o + F.D_BUY_OK] = 0n;
    const excess = rows[o + F.T_EXCESS];
    if (excess === 0n) return;
    // the buy sees the pool after the weight update; the core books it only if the credit can be spent
    const r = pool.buyAlpha({ ...reserves, quote_weight: adj.quote_weight }, excess);
    if (!r.ok) return;
    rows[o + F.D_BUY_OK] = 1n; rows[o + F.D_PAID_IN] = r.paid_in; rows[o + F.D_PAID_OUT] = r.paid_out;
    rows[o + F.D_BUY_QUOTE] = r.quote_weight; rows[o + F.D_BUY_INIT] = r.pal_swap_initialized ? 1n : 0n;
  }

  /** SubnetOwner: the owner hotkey's coldkey (the hotkey's own name when the snapshot gives no owner). */
  private subnetOwnerColdkey(n: SubnetState): string { return n.owners.get(n.owner_hotkey) ?? n.owner_hotkey; }

  /** One credit outside a payout (the owner cut without uids, a root claim kept as stake): through the hotkey's share pool when it has one, else to its total. */
  private credit(n: SubnetState, hotkey: string, coldkey: string, amount: bigint): void {
    creditHotkey(this.tm, n, hotkey, [["stake", coldkey, amount]], amount);
  }

  /** Each coldkey's alpha under one hotkey's share pool on a subnet (get_stake_for_hotkey_and_coldkey_on_subnet). */
  coldkeyStakesOf(netuid: number, hotkey: string): Map<string, bigint> {
    const n = this.state.subnets.find((x) => x.netuid === netuid);
    const pool = n?.share_pools.get(hotkey);
    if (!n || !pool) return new Map();
    return coldkeyValues(this.tm, pool, n.stakes.get(hotkey) ?? 0n);
  }

  /** A coldkey's alpha under each hotkey with a share pool on a subnet. */
  coldkeyStakes(netuid: number, coldkey: string): Map<string, bigint> {
    const n = this.state.subnets.find((x) => x.netuid === netuid);
    const out = new Map<string, bigint>();
    if (!n) return out;
    for (const [h, pool] of n.share_pools) {
      if (!pool.shares.has(coldkey)) continue;
      out.set(h, coldkeyValues(this.tm, pool, n.stakes.get(h) ?? 0n).get(coldkey) ?? 0n);
    }
    return out;
  }

  private taoAccounted(): bigint {
    let t = 0n;
    for (const n of this.state.subnets) if (n.netuid !== 0) t += n.tao_reserve + n.untracked_tao + n.tao_reservoir;
    // root's SubnetTAO: only root claims' swaps move TAO into it
    return t + this.state.root_tao;
  }

  /** SubnetAlphaOut must equal everything owned or pending on the subnet plus the unowned buckets. */
  private alphaLedgerErrors(only?: SubnetState): Array<{ field: string; message: string }> {
    const errs: Array<{ field: string; message: string }> = [];
    for (const n of only ? [only] : this.state.subnets) {
      if (n.netuid === 0) continue;
      let staked = 0n;
      for (const v of n.stakes.values()) staked += v;
      const owned = staked + n.pending_server + n.pending_validator + n.pending_root + n.pending_owner_cut + n.protocol_alpha + n.unowned_alpha + n.root_unclaimed;
      if (owned !== n.alpha_out) {
        errs.push({ field: `subnets[netuid ${n.netuid}].alpha_out`, message: `subnet ${n.netuid}: alpha_out ${n.alpha_out} but stakes + pending + protocol + unowned + root unclaimed = ${owned}` });
      }
    }
    return errs;
  }
}

/** A payout record whose epoch came out typed: the plain output and the dividend maps are built on first read. */
class TypedPayout implements PayoutRecord {
  #plain: EpochOutput | null = null;
  #dividends: Pick<PayoutRecord, "alpha_dividends" | "root_alpha_dividends"> | null = null;
  constructor(readonly block: bigint, private readonly typed: EpochOutputTyped, private readonly dividends: () => Pick<PayoutRecord, "alpha_dividends" | "root_alpha_dividends">) {}
  get epoch(): EpochOutput { return (this.#plain ??= plainOutput(this.typed)); }
  get alpha_dividends(): Map<string, bigint> { return (this.#dividends ??= this.dividends()).alpha_dividends; }
  get root_alpha_dividends(): Map<string, bigint> { return (this.#dividends ??= this.dividends()).root_alpha_dividends; }
}

const u64s = (v: ArrayLike<bigint>) => (v instanceof BigUint64Array ? v : BigUint64Array.from(v));

function isTyped(out: EpochOutput | EpochOutputTyped | null): out is EpochOutputTyped {
  return out !== null && out.stake instanceof BigUint64Array;
}
