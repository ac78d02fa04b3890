// Staking as state transitions on subnets' pools and hotkeys' share pools, following
// pallets/subtensor/src/staking/{add_stake.rs, remove_stake.rs, stake_utils.rs, move_stake.rs}:
// add/remove stake and their limit variants, moves within and across subnets, the minimum stake
// and its fee-inclusive minimum, delegate/childkey take. Swaps and share arithmetic run in the wasm
// core (one call per step); this file is the chain's sequence of checks and bookkeeping.

import { TaomathError, ChainRejected, quote } from "../core/errors.js";
import { toU16, toU64, toBool, toInt } from "../bindings/values.js";
import type { Taomath } from "../core/taomath.js";
import type { PoolState, SwapError } from "../bindings/swap.js";
import type { ShareEntry, SharePoolOp } from "../bindings/sharepool.js";
import { U64_MAX, satU64 } from "../core/ints.js";
import { transactional } from "../core/transaction.js";

export const DEFAULT_MIN_STAKE = 2_000_000n;
export const DEFAULT_DELEGATE_TAKE = 11_796;
const MAX_PRICE_RAO = 1_000_000_000_000_000n;
const MIN_PRICE_RAO = 1_000n;

export type StakingError = SwapError | "AmountTooLow" | "SlippageTooHigh" | "NotEnoughBalanceToStake" | "HotKeyAccountNotExists"
  | "SubnetNotExists" | "NotEnoughStakeToWithdraw";

/** A subnet's registration price and its parameters (defaults: 1 TAO, [0.0005, 100] TAO, half-life 360, ×1.26). */
export interface BurnState { burn: bigint; minBurn: bigint; maxBurn: bigint; halfLife: number; burnIncreaseMult: bigint }
export const DEFAULT_BURN: BurnState = {
  burn: 1_000_000_000n, minBurn: 500_000n, maxBurn: 100_000_000_000n, halfLife: 360, burnIncreaseMult: 23_242_897_532_874_035_200n,
};

interface HotkeyPool { sharedValue: bigint; denominator: ShareEntry; shares: Map<string, ShareEntry> }

export interface SubnetStakingInit {
  pool: PoolState;
}

/** One chain's staking state: subnets (pool + per-hotkey share pools), balances, hotkey owners, takes. */
// Argument checks of the public methods: keys are strings, netuids u16, amounts u64.
function key(v: unknown, field: string): string {
  if (typeof v !== "string") throw new TaomathError("invalid_type", field, `expected an account name (string), got ${quote(v)}`);
  return v;
}
function stakeOpts(o: unknown): { limitPriceRao?: bigint; allowPartial?: boolean } {
  if (o === undefined) return {};
  if (o === null || typeof o !== "object" || Array.isArray(o)) throw new TaomathError("invalid_type", "opts", `expected an options object, got ${quote(o)}`);
  const { limitPriceRao, allowPartial } = o as { limitPriceRao?: unknown; allowPartial?: unknown };
  return {
    limitPriceRao: limitPriceRao === undefined ? undefined : toU64(limitPriceRao, "opts.limitPriceRao"),
    allowPartial: allowPartial === undefined ? undefined : toBool(allowPartial, "opts.allowPartial"),
  };
}
function poolState(p: unknown): PoolState {
  if (p === null || typeof p !== "object" || Array.isArray(p)) throw new TaomathError("invalid_type", "pool", `expected a pool state, got ${quote(p)}`);
  const q = p as Record<string, unknown>;
  return {
    taoReserve: toU64(q.taoReserve, "pool.taoReserve"), alphaReserve: toU64(q.alphaReserve, "pool.alphaReserve"),
    alphaOut: toU64(q.alphaOut, "pool.alphaOut"), quoteWeight: toU64(q.quoteWeight, "pool.quoteWeight"),
    palSwapInitialized: toBool(q.palSwapInitialized, "pool.palSwapInitialized"), feeRate: toU16(q.feeRate, "pool.feeRate"),
    minimumReserve: toU64(q.minimumReserve, "pool.minimumReserve"), mechanism: toInt(q.mechanism, "pool.mechanism", 0, 1, "mechanism id (0 stable, 1 dynamic)"),
  };
}
function burnState(b: unknown): Partial<BurnState> {
  if (b === undefined) return {};
  if (b === null || typeof b !== "object" || Array.isArray(b)) throw new TaomathError("invalid_type", "burn", `expected burn parameters, got ${quote(b)}`);
  const q = b as Record<string, unknown>;
  const out: Partial<BurnState> = {};
  if (q.burn !== undefined) out.burn = toU64(q.burn, "burn.burn");
  if (q.minBurn !== undefined) out.minBurn = toU64(q.minBurn, "burn.minBurn");
  if (q.maxBurn !== undefined) out.maxBurn = toU64(q.maxBurn, "burn.maxBurn");
  if (q.halfLife !== undefined) out.halfLife = toU16(q.halfLife, "burn.halfLife");
  if (q.burnIncreaseMult !== undefined) {
    if (typeof q.burnIncreaseMult !== "bigint" || q.burnIncreaseMult < 0n || q.burnIncreaseMult >= 1n << 128n) throw new TaomathError("out_of_range", "burn.burnIncreaseMult", "expected U64F64 bits as a bigint");
    out.burnIncreaseMult = q.burnIncreaseMult;
  }
  return out;
}

export class StakingState {
  readonly subnets = new Map<number, { pool: PoolState; hotkeys: Map<string, HotkeyPool>; burn: BurnState }>();
  readonly balances = new Map<string, bigint>();
  readonly owners = new Map<string, string>();
  readonly delegateTakes = new Map<string, number>();
  /** TAO paid to the block author (when blockAuthor is set) or burned */
  authorTao = 0n;
  blockAuthor = true;
  totalStake = 0n;

  constructor(private readonly tm: Taomath) {}

  /** Extrinsics are transactional on chain: a refused call leaves no trace. */
  private tx<T>(f: () => T): T {
    return transactional(
      () => structuredClone({ subnets: this.subnets, balances: this.balances, authorTao: this.authorTao, totalStake: this.totalStake }),
      (saved) => {
        this.subnets.clear(); for (const [k, v] of saved.subnets) this.subnets.set(k, v);
        this.balances.clear(); for (const [k, v] of saved.balances) this.balances.set(k, v);
        this.authorTao = saved.authorTao; this.totalStake = saved.totalStake;
      },
      f,
    );
  }

  addSubnet(netuid: number, pool: PoolState, burn: Partial<BurnState> = {}): void {
    netuid = toU16(netuid, "netuid"); pool = poolState(pool); burn = burnState(burn);
    this.subnets.set(netuid, { pool: { ...pool }, hotkeys: new Map(), burn: { ...DEFAULT_BURN, ...burn } });
  }

  /** Start of block `block`: update_registration_prices_for_networks (decay, clamp) on every subnet. */
  startBlock(block: bigint): void {
    block = toU64(block, "block");
    const bc = this.tm.burn;
    for (const s of this.subnets.values()) {
      const b = s.burn;
      b.burn = bc.decay(b.burn, b.halfLife, block, b.minBurn, b.maxBurn);
    }
  }

  /**
   * burned_register's economics: the coldkey pays Burn, the TAO buys alpha through the pool (the
   * fee is charged but stays in the subnet account), the alpha bought leaves issuance
   * (SubnetAlphaOut −= bought), then the burn is bumped. Returns the price paid.
   */
  register(coldkey: string, netuid: number): bigint {
    key(coldkey, "coldkey"); netuid = toU16(netuid, "netuid");
    return this.tx(() => this.registerImpl(coldkey, netuid));
  }

  private registerImpl(coldkey: string, netuid: number): bigint {
    if (netuid === 0) throw new TaomathError("out_of_range", "netuid", "root registration has no burn");
    const s = this.subnet(netuid);
    const cost = s.burn.burn;
    if (this.balance(coldkey) < cost) throw new ChainRejected("NotEnoughBalanceToStake", "coldkey");
    this.balances.set(coldkey, this.balance(coldkey) - cost);
    const r = this.swapCommit(netuid, true, cost, MAX_PRICE_RAO, false);
    const pool = this.subnet(netuid).pool;
    pool.alphaOut = pool.alphaOut > r.paidOut ? pool.alphaOut - r.paidOut : 0n;
    this.totalStake = satU64(this.totalStake + cost);
    const b = s.burn;
    b.burn = this.tm.burn.bump(b.burn, b.burnIncreaseMult, b.minBurn, b.maxBurn, false);
    return cost;
  }
  setBalance(coldkey: string, rao: bigint): void { this.balances.set(key(coldkey, "coldkey"), toU64(rao, "rao")); }
  createHotkey(hotkey: string, owner: string): void { this.owners.set(key(hotkey, "hotkey"), key(owner, "owner")); }
  balance(coldkey: string): bigint { return this.balances.get(coldkey) ?? 0n; }
  delegateTake(hotkey: string): number { return this.delegateTakes.get(hotkey) ?? DEFAULT_DELEGATE_TAKE; }

  private subnet(netuid: number) {
    const s = this.subnets.get(netuid);
    if (!s) throw new ChainRejected("SubnetNotExists", "netuid");
    return s;
  }
  private hk(netuid: number, hotkey: string): HotkeyPool {
    const s = this.subnet(netuid);
    let h = s.hotkeys.get(hotkey);
    if (!h) { h = { sharedValue: 0n, denominator: { kind: "absent" }, shares: new Map() }; s.hotkeys.set(hotkey, h); }
    return h;
  }

  /** Applies share-pool ops to one hotkey's pool in the wasm core; returns the last snapshot. */
  private shareOps(netuid: number, hotkey: string, ops: Array<[SharePoolOp, string, bigint]>) {
    const h = this.hk(netuid, hotkey);
    const keys = [...new Set([...h.shares.keys(), ...ops.map((o) => o[1])])];
    const snaps = this.tm.sharePool.run(
      { sharedValue: h.sharedValue, denominator: h.denominator, shares: keys.map((k) => h.shares.get(k) ?? { kind: "absent" }) },
      ops.map(([op, k, amount]) => ({ op, key: keys.indexOf(k), amount })),
    );
    const last = snaps[snaps.length - 1];
    h.sharedValue = last.sharedValue; h.denominator = last.denominator;
    keys.forEach((k, i) => { if (last.shares[i].kind === "absent") h.shares.delete(k); else h.shares.set(k, last.shares[i]); });
    return { last, keys };
  }

  /** get_stake_for_hotkey_and_coldkey_on_subnet */
  stake(hotkey: string, coldkey: string, netuid: number): bigint {
    key(hotkey, "hotkey"); key(coldkey, "coldkey"); netuid = toU16(netuid, "netuid");
    const h = this.subnet(netuid).hotkeys.get(hotkey);
    if (!h || !h.shares.has(coldkey)) return 0n;
    const { last, keys } = this.shareOps(netuid, hotkey, [["emit", coldkey, 0n]]);
    return last.values[keys.indexOf(coldkey)];
  }
  /** TotalHotkeyAlpha */
  hotkeyAlpha(hotkey: string, netuid: number): bigint { return this.subnet(netuid).hotkeys.get(hotkey)?.sharedValue ?? 0n; }

  private sim(netuid: number, buy: boolean, amount: bigint, limitRao?: bigint) {
    const p = this.subnet(netuid).pool;
    return this.tm.swap.swap(p, buy, amount, limitRao ?? (buy ? MAX_PRICE_RAO : MIN_PRICE_RAO), false, true);
  }

  /** validate_add_stake's min amount: DefaultMinStake plus the fee a stake of that size would pay. */
  minStakeAmount(netuid: number): bigint {
    netuid = toU16(netuid, "netuid");
    const r = this.sim(netuid, true, DEFAULT_MIN_STAKE);
    // on a failed simulation the chain approximates the fee; the pool here always quotes
    return DEFAULT_MIN_STAKE + (r.ok ? r.fee : 0n);
  }

  /** get_max_amount_add / get_max_amount_remove */
  maxAmount(netuid: number, add: boolean, limitRao: bigint): bigint {
    netuid = toU16(netuid, "netuid"); add = toBool(add, "add"); limitRao = toU64(limitRao, "limitPriceRao");
    const r = this.tm.swap.maxAmount(this.subnet(netuid).pool, add, limitRao, netuid === 0);
    if (!r.ok) throw new ChainRejected(r.error, "limitPriceRao");
    return r.maxAmount;
  }

  /** get_max_amount_move (swap_stake_limit): alpha movable from origin to destination before the relative price hits the limit. */
  maxAmountMove(originNetuid: number, destinationNetuid: number, limitRao: bigint): bigint {
    originNetuid = toU16(originNetuid, "originNetuid"); destinationNetuid = toU16(destinationNetuid, "destinationNetuid"); limitRao = toU64(limitRao, "limitPriceRao");
    const r = this.tm.swap.maxAmountMove(this.subnet(originNetuid).pool, this.subnet(destinationNetuid).pool, limitRao, originNetuid === 0, destinationNetuid === 0);
    if (!r.ok) throw new ChainRejected(r.error, "limitPriceRao");
    return r.maxAmount;
  }

  private swapCommit(netuid: number, buy: boolean, amount: bigint, limitRao: bigint, dropFees: boolean) {
    const s = this.subnet(netuid);
    const r = this.tm.swap.swap(s.pool, buy, amount, limitRao, dropFees, false);
    if (!r.ok) throw new ChainRejected(r.error!, buy ? "tao" : "alpha");
    s.pool = r.stateAfter;
    return r;
  }

  /** add_stake (limit variant when limitPriceRao is given): returns the alpha received. */
  addStake(coldkey: string, hotkey: string, netuid: number, amount: bigint, opts: { limitPriceRao?: bigint; allowPartial?: boolean } = {}): bigint {
    key(coldkey, "coldkey"); key(hotkey, "hotkey"); netuid = toU16(netuid, "netuid"); amount = toU64(amount, "amount"); opts = stakeOpts(opts);
    return this.tx(() => this.addStakeImpl(coldkey, hotkey, netuid, amount, opts));
  }

  private addStakeImpl(coldkey: string, hotkey: string, netuid: number, amount: bigint, opts: { limitPriceRao?: bigint; allowPartial?: boolean }): bigint {
    const pool = this.subnet(netuid).pool;
    if (netuid !== 0 && pool.mechanism === 1 && amount > satU64(pool.taoReserve * 1000n)) throw new ChainRejected("InsufficientLiquidity", "amount");
    const limit = opts.limitPriceRao;
    const maxAmount = limit === undefined ? amount : this.maxAmount(netuid, true, limit);
    let toStake = amount;
    // validate_add_stake
    if (amount < this.minStakeAmount(netuid)) throw new ChainRejected("AmountTooLow", "amount");
    if (limit !== undefined && !opts.allowPartial) { if (amount > maxAmount) throw new ChainRejected("SlippageTooHigh", "amount"); }
    else toStake = amount < maxAmount ? amount : maxAmount;
    if (this.balance(coldkey) < toStake) throw new ChainRejected("NotEnoughBalanceToStake", "amount");
    if (!this.owners.has(hotkey)) throw new ChainRejected("HotKeyAccountNotExists", "hotkey");
    const sim = this.sim(netuid, true, toStake);
    if (!sim.ok) throw new ChainRejected("InsufficientLiquidity", "amount");
    if (sim.paidIn < DEFAULT_MIN_STAKE) throw new ChainRejected("AmountTooLow", "amount");
    if (sim.paidOut === 0n) throw new ChainRejected("InsufficientLiquidity", "amount");
    // stake_into_subnet
    const staked = limit === undefined ? amount : (amount < maxAmount ? amount : maxAmount);
    this.balances.set(coldkey, this.balance(coldkey) - staked);
    const r = this.swapCommit(netuid, true, staked, limit ?? MAX_PRICE_RAO, false);
    if (r.paidOut === 0n) throw new ChainRejected("AmountTooLow", "amount");
    this.shareOps(netuid, hotkey, [["stake", coldkey, r.paidOut]]);
    this.totalStake = satU64(this.totalStake + staked);
    this.authorTao += r.feeToBlockAuthor;
    return r.paidOut;
  }

  /** remove_stake (limit variant when limitPriceRao is given): returns the TAO received. */
  removeStake(coldkey: string, hotkey: string, netuid: number, alphaRequested: bigint, opts: { limitPriceRao?: bigint; allowPartial?: boolean } = {}): bigint {
    key(coldkey, "coldkey"); key(hotkey, "hotkey"); netuid = toU16(netuid, "netuid"); alphaRequested = toU64(alphaRequested, "alpha"); opts = stakeOpts(opts);
    return this.tx(() => this.removeStakeImpl(coldkey, hotkey, netuid, alphaRequested, opts));
  }

  private removeStakeImpl(coldkey: string, hotkey: string, netuid: number, alphaRequested: bigint, opts: { limitPriceRao?: bigint; allowPartial?: boolean }): bigint {
    const pool = this.subnet(netuid).pool;
    const limit = opts.limitPriceRao;
    // remove_stake clamps the request to the stake; remove_stake_limit does not (validation refuses it)
    const alpha = limit === undefined ? min(alphaRequested, this.stake(hotkey, coldkey, netuid)) : alphaRequested;
    if (netuid !== 0 && pool.mechanism === 1 && alpha > satU64(pool.alphaReserve * 1000n)) throw new ChainRejected("InsufficientLiquidity", "alpha");
    if (limit === undefined) {
      this.validateRemoveStake(coldkey, hotkey, netuid, alpha, alpha, false);
      return this.unstakeFromSubnet(coldkey, hotkey, netuid, alpha, MIN_PRICE_RAO, false, coldkey);
    }
    const maxAmount = this.maxAmount(netuid, false, limit);
    this.validateRemoveStake(coldkey, hotkey, netuid, alpha, maxAmount, opts.allowPartial === true);
    return this.unstakeFromSubnet(coldkey, hotkey, netuid, min(alpha, maxAmount), limit, false, coldkey);
  }

  /** validate_remove_stake, check for check. */
  private validateRemoveStake(coldkey: string, hotkey: string, netuid: number, alpha: bigint, maxAmount: bigint, allowPartial: boolean): void {
    if (alpha === 0n) throw new ChainRejected("AmountTooLow", "alpha");
    const available = this.stake(hotkey, coldkey, netuid);
    if (available < alpha) throw new ChainRejected("NotEnoughStakeToWithdraw", "alpha");
    const sim = this.sim(netuid, false, alpha);
    if (!sim.ok) throw new ChainRejected("InsufficientLiquidity", "alpha");
    if (available - alpha !== 0n && sim.paidOut < DEFAULT_MIN_STAKE) throw new ChainRejected("AmountTooLow", "alpha");
    if (!allowPartial && alpha > maxAmount) throw new ChainRejected("SlippageTooHigh", "alpha");
    if (!this.owners.has(hotkey)) throw new ChainRejected("HotKeyAccountNotExists", "hotkey");
  }

  /** Netuids in the chain's storage order (NetworksAdded keys: little-endian u16 bytes). */
  private netuidsInStorageOrder(): number[] {
    return [...this.subnets.keys()].sort((a, b) => (((a & 0xff) << 8) | (a >> 8)) - (((b & 0xff) << 8) | (b >> 8)));
  }

  /** unstake_all: every position of (hotkey, coldkey) that passes validation, in full, at the minimum price. */
  unstakeAll(coldkey: string, hotkey: string): bigint {
    key(coldkey, "coldkey"); key(hotkey, "hotkey");
    return this.tx(() => {
      if (!this.owners.has(hotkey)) throw new ChainRejected("HotKeyAccountNotExists", "hotkey");
      let total = 0n;
      for (const netuid of this.netuidsInStorageOrder()) {
        const alpha = this.stake(hotkey, coldkey, netuid);
        try { this.validateRemoveStake(coldkey, hotkey, netuid, alpha, alpha, false); } catch (e) { if (e instanceof ChainRejected) continue; throw e; }
        total += this.unstakeFromSubnet(coldkey, hotkey, netuid, alpha, MIN_PRICE_RAO, false, coldkey);
      }
      return total;
    });
  }

  /** unstake_all_alpha: unstake every non-root position, then stake the TAO on root (1:1, no fee). Returns the root alpha. */
  unstakeAllAlpha(coldkey: string, hotkey: string): bigint {
    key(coldkey, "coldkey"); key(hotkey, "hotkey");
    return this.tx(() => {
      if (!this.owners.has(hotkey)) throw new ChainRejected("HotKeyAccountNotExists", "hotkey");
      let total = 0n;
      for (const netuid of this.netuidsInStorageOrder()) {
        if (netuid === 0) continue;
        const alpha = this.stake(hotkey, coldkey, netuid);
        try { this.validateRemoveStake(coldkey, hotkey, netuid, alpha, alpha, false); } catch (e) { if (e instanceof ChainRejected) continue; throw e; }
        total = satU64(total + this.unstakeFromSubnet(coldkey, hotkey, netuid, alpha, MIN_PRICE_RAO, false, coldkey));
      }
      // stake_into_subnet(ROOT, total): 1:1 on the stable root pool; nothing bought is AmountTooLow
      this.balances.set(coldkey, this.balance(coldkey) - total);
      const r = this.swapCommit(0, true, total, MAX_PRICE_RAO, false);
      if (r.paidOut === 0n) throw new ChainRejected("AmountTooLow", "alpha");
      this.shareOps(0, hotkey, [["stake", coldkey, r.paidOut]]);
      this.totalStake = satU64(this.totalStake + total);
      return r.paidOut;
    });
  }

  private unstakeFromSubnet(coldkey: string, hotkey: string, netuid: number, alpha: bigint, limitRao: bigint, dropFees: boolean, beneficiary: string): bigint {
    this.shareOps(netuid, hotkey, [["unstake", coldkey, alpha]]);
    const r = this.swapCommit(netuid, false, alpha, limitRao, dropFees);
    const refund = alpha - (r.paidIn + r.fee);
    if (refund > 0n) this.shareOps(netuid, hotkey, [["stake", coldkey, refund]]);
    this.balances.set(beneficiary, this.balance(beneficiary) + r.paidOut);
    this.totalStake = this.totalStake > r.paidOut ? this.totalStake - r.paidOut : 0n;
    if (this.blockAuthor) {
      // the chain sells the author's alpha fee fee-free even when it is 0 (and fails with that swap)
      const f = this.swapCommit(netuid, false, r.feeToBlockAuthor, MIN_PRICE_RAO, true);
      this.authorTao += f.paidOut;
      this.totalStake = this.totalStake > f.paidOut ? this.totalStake - f.paidOut : 0n;
    }
    // without an author the alpha fee is burned: it stays counted in SubnetAlphaOut
    return r.paidOut;
  }

  /** transfer_stake_within_subnet: moves alpha between (hotkey, coldkey) positions on one subnet, no swap, no fee. */
  transferWithinSubnet(fromColdkey: string, fromHotkey: string, toColdkey: string, toHotkey: string, netuid: number, alpha: bigint): void {
    key(fromColdkey, "fromColdkey"); key(fromHotkey, "fromHotkey"); key(toColdkey, "toColdkey"); key(toHotkey, "toHotkey");
    netuid = toU16(netuid, "netuid"); alpha = toU64(alpha, "alpha");
    return this.tx(() => this.transferWithinSubnetImpl(fromColdkey, fromHotkey, toColdkey, toHotkey, netuid, alpha));
  }

  private transferWithinSubnetImpl(fromColdkey: string, fromHotkey: string, toColdkey: string, toHotkey: string, netuid: number, alpha: bigint): void {
    const available = this.stake(fromHotkey, fromColdkey, netuid);
    if (alpha === 0n || available < alpha) throw new ChainRejected("NotEnoughStakeToWithdraw", "alpha");
    const price = this.tm.swap.price(this.subnet(netuid).pool.quoteWeight, this.subnet(netuid).pool.alphaReserve, this.subnet(netuid).pool.taoReserve, this.subnet(netuid).pool.mechanism);
    const taoEquivalent = (price * alpha) >> 64n;
    if (taoEquivalent < DEFAULT_MIN_STAKE) throw new ChainRejected("AmountTooLow", "alpha");
    this.shareOps(netuid, fromHotkey, [["unstake", fromColdkey, alpha]]);
    this.shareOps(netuid, toHotkey, [["stake", toColdkey, alpha]]);
  }

  /** move_stake / swap_stake / transfer_stake across subnets: unstake (origin pays the fee unless root), optionally re-key, restake fee-free. */
  moveAcrossSubnets(fromColdkey: string, fromHotkey: string, fromNetuid: number, toColdkey: string, toHotkey: string, toNetuid: number, alpha: bigint): bigint {
    key(fromColdkey, "fromColdkey"); key(fromHotkey, "fromHotkey"); key(toColdkey, "toColdkey"); key(toHotkey, "toHotkey");
    fromNetuid = toU16(fromNetuid, "fromNetuid"); toNetuid = toU16(toNetuid, "toNetuid"); alpha = toU64(alpha, "alpha");
    return this.tx(() => this.moveAcrossSubnetsImpl(fromColdkey, fromHotkey, fromNetuid, toColdkey, toHotkey, toNetuid, alpha));
  }

  private moveAcrossSubnetsImpl(fromColdkey: string, fromHotkey: string, fromNetuid: number, toColdkey: string, toHotkey: string, toNetuid: number, alpha: bigint): bigint {
    const available = this.stake(fromHotkey, fromColdkey, fromNetuid);
    if (alpha === 0n || available < alpha) throw new ChainRejected("NotEnoughStakeToWithdraw", "alpha");
    const sim = this.sim(fromNetuid, false, alpha);
    if (!sim.ok) throw new ChainRejected("InsufficientLiquidity", "alpha");
    if (!(sim.paidOut > DEFAULT_MIN_STAKE)) throw new ChainRejected("AmountTooLow", "alpha");
    const fromRoot = fromNetuid === 0;
    const tao = this.unstakeFromSubnet(fromColdkey, fromHotkey, fromNetuid, alpha, MIN_PRICE_RAO, fromRoot, toColdkey);
    if (tao < DEFAULT_MIN_STAKE) return 0n; // not restaked: stays as free balance of the destination coldkey
    this.balances.set(toColdkey, this.balance(toColdkey) - tao);
    const r = this.swapCommit(toNetuid, true, tao, MAX_PRICE_RAO, !fromRoot);
    this.shareOps(toNetuid, toHotkey, [["stake", toColdkey, r.paidOut]]);
    this.totalStake = satU64(this.totalStake + tao);
    return r.paidOut;
  }

  /**
   * recycle_alpha (recycle = true: SubnetAlphaOut falls, so alpha issuance falls) or burn_alpha
   * (the alpha stays counted in SubnetAlphaOut): removes min(amount, stake) from the position.
   */
  retireAlpha(coldkey: string, hotkey: string, netuid: number, amount: bigint, recycle: boolean): bigint {
    key(coldkey, "coldkey"); key(hotkey, "hotkey"); netuid = toU16(netuid, "netuid"); amount = toU64(amount, "amount"); recycle = toBool(recycle, "recycle");
    return this.tx(() => this.retireAlphaImpl(coldkey, hotkey, netuid, amount, recycle));
  }

  private retireAlphaImpl(coldkey: string, hotkey: string, netuid: number, amount: bigint, recycle: boolean): bigint {
    if (netuid === 0) throw new TaomathError("out_of_range", "netuid", "CannotBurnOrRecycleOnRootSubnet");
    const s = this.subnet(netuid);
    if (!this.owners.has(hotkey)) throw new ChainRejected("HotKeyAccountNotExists", "hotkey");
    const available = this.stake(hotkey, coldkey, netuid);
    const a = amount < available ? amount : available;
    if (s.pool.alphaOut < a) throw new ChainRejected("InsufficientLiquidity", "amount");
    this.shareOps(netuid, hotkey, [["unstake", coldkey, a]]);
    if (recycle) s.pool.alphaOut -= a;
    return a;
  }

  /**
   * Pays an alpha dividend to a validator hotkey the way distribute_dividends_and_incentives does:
   * the delegate take (default 18 %) is staked for the hotkey's owner, then the rest raises the
   * hotkey's pool for all its nominators (the owner's new shares included).
   */
  payAlphaDividend(hotkey: string, netuid: number, amount: bigint): { take: bigint; rest: bigint } {
    key(hotkey, "hotkey"); netuid = toU16(netuid, "netuid"); amount = toU64(amount, "amount");
    return this.tx(() => this.payAlphaDividendImpl(hotkey, netuid, amount));
  }

  private payAlphaDividendImpl(hotkey: string, netuid: number, amount: bigint): { take: bigint; rest: bigint } {
    const { take, rest } = splitTake(this.tm, this.delegateTake(hotkey), amount);
    const owner = this.owners.get(hotkey);
    if (owner === undefined) throw new ChainRejected("HotKeyAccountNotExists", "hotkey");
    this.shareOps(netuid, hotkey, [["stake", owner, take], ["emit", owner, rest]]);
    return { take, rest };
  }
}

/** take·amount/65535 in U96F32 (floored) and amount minus it: delegate take and childkey take. */
export function splitTake(tm: Taomath, take: number, amount: bigint): { take: bigint; rest: bigint } {
  take = toU16(take, "take");
  amount = toU64(amount, "amount");
  return tm.staking.splitTake(take, amount);
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
