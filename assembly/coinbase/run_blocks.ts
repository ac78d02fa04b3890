// Many blocks of subtensor's block_step coinbase in one call, for all subnets at once: mint
// (get_block_emission), get_subnet_block_emissions, get_subnet_terms, inject_and_maybe_swap on the
// Balancer pool (adjust_protocol_liquidity's weight update, swap_tao_for_alpha at the max price
// with fees dropped), the alpha-out split into pending counters, drain_pending's schedule, the
// drain of subnets without neurons, and update_moving_prices. TAO, alpha issuance and each
// subnet's alpha ledger are checked for conservation after every block. The call stops after a
// block in which a subnet whose epoch needs the host (neurons, share pools) was drained, so the
// host runs that epoch and its payout before the next block. Same order and arithmetic as the
// host model in src/network.ts (which remains the reference for any other pool).
//
// State: one row of ROW u64 slots per non-root subnet, in storage order (see the F_* offsets).

import { blockEmissionForIssuance, alphaIssuance, TOTAL_SUPPLY } from "./block_emission";
import { subnetBlockEmissions } from "./shares";
import { subnetTerms } from "./terms";
import { splitAlphaOut, outOwner, outServer, outValidator, outRoot } from "./alpha_out";
import { shouldRunEpoch, NOT_DUE, RAN, DEFERRED, SKIPPED } from "./schedule";
import { spotPrice } from "./spot_price";
import { movingAlphaPrice, cvHi, cvLo, updateMovingPrice, emaHi, emaLo } from "./moving_price";
import { rHi, rLo } from "../fixed/i128";
import { PoolState, SwapResult, swapOnPool, OK } from "../swap/swap";
import { updateWeights, newQuote } from "../swap/weights";
import { smark, srelease } from "../bigint/scratch";
import { alloc, sz } from "../arena";

export const F_NETUID = 0, F_MECH = 1, F_TEMPO = 2, F_LAST_EPOCH = 3, F_PENDING_AT = 4, F_SINCE = 5, F_EPOCH_INDEX = 6,
  F_LAST_MECH_STEP = 7, F_EMITS = 8, F_EMISSION_ENABLED = 9, F_OWNER_CUT_ENABLED = 10, F_TAO = 11, F_ALPHA = 12,
  F_ALPHA_OUT = 13, F_QUOTE = 14, F_INIT = 15, F_FEE = 16, F_MP_LO = 17, F_MP_HI = 18, F_HALVING = 19, F_START = 20,
  F_MB_LO = 21, F_MB_HI = 22, F_P_SERVER = 23, F_P_VALIDATOR = 24, F_P_ROOT = 25, F_P_OWNER = 26, F_PROTOCOL = 27,
  F_UNOWNED = 28, F_ROOT_UNCLAIMED = 29, F_UNTRACKED = 30, F_OWNED = 31, F_IN_FLIGHT = 32, F_CONSISTENT = 33,
  F_HOST_DRAIN = 34;
export const ROW = 35;

/** Globals in/out: g[0] block, g[1] total issuance, g[2..6) tao minted/recycled, alpha minted/recycled (accumulated). */
export const G_BLOCK = 0, G_ISSUANCE = 1, G_TAO_MINTED = 2, G_TAO_RECYCLED = 3, G_ALPHA_MINTED = 4, G_ALPHA_RECYCLED = 5,
  G_EVENTS = 6, G_VIOLATIONS = 7, G_FIRST_VIOLATION = 8, G_VIOLATION_KIND = 9, G_STOPPED_FOR_HOST = 10;
/** One event per epoch outcome other than not-due: block, row, outcome, then the drained S, V, R, O for host drains. */
export const EV = 7;

const MAX_PRICE_RAO: u64 = 1_000_000_000_000_000;

// @ts-ignore: decorator
@inline function ld(row: usize, f: i32): u64 { return load<u64>(row + (<usize>f << 3)); }
// @ts-ignore: decorator
@inline function st(row: usize, f: i32, v: u64): void { store<u64>(row + (<usize>f << 3), v); }
function satAdd(a: u64, b: u64): u64 { const s = a + b; return s < a ? u64.MAX_VALUE : s; }
function satSub(a: u64, b: u64): u64 { return a > b ? a - b : 0; }
function floor96(lo: u64, hi: u64): u64 { return (hi >> 32) != 0 ? u64.MAX_VALUE : (hi << 32) | (lo >> 32); }

function ledgerOk(row: usize): bool {
  const owned = ld(row, F_OWNED) + ld(row, F_P_SERVER) + ld(row, F_P_VALIDATOR) + ld(row, F_P_ROOT) + ld(row, F_P_OWNER)
    + ld(row, F_PROTOCOL) + ld(row, F_UNOWNED) + ld(row, F_ROOT_UNCLAIMED) + ld(row, F_IN_FLIGHT);
  return owned == ld(row, F_ALPHA_OUT);
}

function violation(g: usize, block: u64, kind: u64): void {
  const c = load<u64>(g + (<usize>G_VIOLATIONS << 3));
  if (c == 0) { store<u64>(g + (<usize>G_FIRST_VIOLATION << 3), block); store<u64>(g + (<usize>G_VIOLATION_KIND << 3), kind); }
  store<u64>(g + (<usize>G_VIOLATIONS << 3), c + 1);
}

/**
 * Runs up to `blocks` blocks over n subnet rows at `rows`. Params: rootTao, taoWeight, ownerCut,
 * maxEpochsPerBlock, moving alpha (I96F32 hi/lo), minimumReserve. Events go to `events` (capacity
 * `cap` records of EV u64). Returns the number of blocks run.
 */
export function runBlocks(
  n: i32, rows: usize, g: usize, blocks: i32, rootTao: u64, taoWeight: u64, ownerCut: u32, maxEpochs: u32,
  maHi: u64, maLo: u64, minimumReserve: u64, events: usize, cap: i32,
): i32 {
  const m = sz(n);
  const idx = alloc(m << 2);
  const price = alloc(m << 4), burned = alloc(m << 4), enabled = alloc(m), shares = alloc(m << 4), taoEm = alloc(m << 4);
  const issuance = alloc(m << 3), spot = alloc(m << 4), alphaEm = alloc(m << 3), taoIn = alloc(m << 4), alphaIn = alloc(m << 4),
    excess = alloc(m << 4), rootProp = alloc(m << 4);
  const pool = new PoolState();
  const res = new SwapResult();
  pool.minimumReserve = minimumReserve;
  let evCount = <i32>load<u64>(g + (<usize>G_EVENTS << 3));
  let done = 0;
  store<u64>(g + (<usize>G_STOPPED_FOR_HOST << 3), 0);
  while (done < blocks && evCount + n <= cap) {
    const block = load<u64>(g) + 1;
    store<u64>(g, block);
    let ti = load<u64>(g + 8);
    const taoBefore = ti;
    let accountedBefore: u64 = 0, issuanceBefore: u64 = 0;
    for (let i = 0; i < n; i++) {
      const row = rows + <usize>i * (ROW << 3);
      accountedBefore += ld(row, F_TAO) + ld(row, F_UNTRACKED);
      issuanceBefore += satAdd(ld(row, F_ALPHA), ld(row, F_ALPHA_OUT));
    }
    // mint_tao
    const emission = blockEmissionForIssuance(ti);
    const room = TOTAL_SUPPLY - ti;
    const credit = emission < room ? emission : room;
    ti += credit;

    // subnets to emit to, shares and terms
    let k = 0;
    for (let i = 0; i < n; i++) {
      const row = rows + <usize>i * (ROW << 3);
      if (ld(row, F_EMITS) == 0) continue;
      store<i32>(idx + (<usize>k << 2), i);
      movingAlphaPrice(<u32>ld(row, F_NETUID), <u32>ld(row, F_MECH), ld(row, F_MP_HI), ld(row, F_MP_LO));
      store<u64>(price + (<usize>k << 4), cvLo); store<u64>(price + (<usize>k << 4) + 8, cvHi);
      store<u64>(burned + (<usize>k << 4), ld(row, F_MB_LO)); store<u64>(burned + (<usize>k << 4) + 8, ld(row, F_MB_HI));
      store<u8>(enabled + <usize>k, <u8>ld(row, F_EMISSION_ENABLED));
      k++;
    }
    const rootSell = subnetBlockEmissions(k, price, burned, enabled, credit, shares, taoEm);
    for (let j = 0; j < k; j++) {
      const row = rows + <usize>load<i32>(idx + (<usize>j << 2)) * (ROW << 3);
      store<u64>(issuance + (<usize>j << 3), alphaIssuance(ld(row, F_ALPHA), ld(row, F_ALPHA_OUT)));
      spotPrice(<u32>ld(row, F_MECH), ld(row, F_TAO), ld(row, F_ALPHA), ld(row, F_QUOTE));
      store<u64>(spot + (<usize>j << 4), rLo); store<u64>(spot + (<usize>j << 4) + 8, rHi);
    }
    subnetTerms(k, taoEm, issuance, spot, rootTao, taoWeight, alphaEm, taoIn, alphaIn, excess, rootProp);

    // inject_and_maybe_swap
    let remaining = credit;
    let alphaMinted: u64 = 0, alphaRecycled: u64 = 0;
    for (let j = 0; j < k; j++) {
      const row = rows + <usize>load<i32>(idx + (<usize>j << 2)) * (ROW << 3);
      const o = <usize>j << 4;
      const tIn = floor96(load<u64>(taoIn + o), load<u64>(taoIn + o + 8));
      const aIn = floor96(load<u64>(alphaIn + o), load<u64>(alphaIn + o + 8));
      const ex = floor96(load<u64>(excess + o), load<u64>(excess + o + 8));
      const mark = smark();
      const accepted = updateWeights(ld(row, F_QUOTE), ld(row, F_TAO), ld(row, F_ALPHA), tIn, aIn);
      srelease(mark);
      const injTao: u64 = accepted ? tIn : 0, injAlpha: u64 = accepted ? aIn : 0;
      if (accepted) st(row, F_QUOTE, newQuote);
      if (ex > 0 && remaining >= ex) {
        remaining -= ex;
        pool.tao = ld(row, F_TAO); pool.alpha = ld(row, F_ALPHA); pool.alphaOut = ld(row, F_ALPHA_OUT);
        pool.quote = ld(row, F_QUOTE); pool.initialized = ld(row, F_INIT) != 0; pool.feeRate = <u32>ld(row, F_FEE);
        pool.mechanism = <u32>ld(row, F_MECH);
        const mk = smark();
        swapOnPool(pool, true, ex, MAX_PRICE_RAO, true, false, res);
        srelease(mk);
        if (res.error == OK) {
          const out = res.paidOut, inn = res.paidIn, a = ld(row, F_ALPHA);
          alphaMinted += out > a ? out - a : 0;
          st(row, F_ALPHA, satSub(a, out));
          st(row, F_ALPHA_OUT, satAdd(ld(row, F_ALPHA_OUT), out));
          st(row, F_TAO, satAdd(ld(row, F_TAO), inn));
          st(row, F_PROTOCOL, ld(row, F_PROTOCOL) + out);
          st(row, F_UNTRACKED, ld(row, F_UNTRACKED) + (ex - inn));
          st(row, F_QUOTE, pool.quote);
          st(row, F_INIT, pool.initialized ? 1 : 0);
        } else {
          st(row, F_UNTRACKED, ld(row, F_UNTRACKED) + ex);
        }
      }
      st(row, F_ALPHA, satAdd(ld(row, F_ALPHA), injAlpha));
      alphaMinted += injAlpha;
      if (injTao > 0 && remaining >= injTao) {
        remaining -= injTao;
        st(row, F_TAO, satAdd(ld(row, F_TAO), injTao));
      }
    }
    ti -= remaining;
    store<u64>(g + 8, ti);
    store<u64>(g + 16, load<u64>(g + 16) + credit);
    store<u64>(g + 24, load<u64>(g + 24) + remaining);

    // alpha out, owner cut, root alpha and the pending counters
    for (let j = 0; j < k; j++) {
      const row = rows + <usize>load<i32>(idx + (<usize>j << 2)) * (ROW << 3);
      const a = load<u64>(alphaEm + (<usize>j << 3));
      st(row, F_ALPHA_OUT, satAdd(ld(row, F_ALPHA_OUT), a));
      alphaMinted += a;
    }
    for (let j = 0; j < k; j++) {
      const row = rows + <usize>load<i32>(idx + (<usize>j << 2)) * (ROW << 3);
      const a = load<u64>(alphaEm + (<usize>j << 3));
      splitAlphaOut(a, ld(row, F_OWNER_CUT_ENABLED) != 0, ownerCut, rootTao, taoWeight, satAdd(ld(row, F_ALPHA), ld(row, F_ALPHA_OUT)));
      const ow = outOwner, sv = outServer, va = outValidator, ro = outRoot;
      st(row, F_P_OWNER, ld(row, F_P_OWNER) + ow);
      st(row, F_P_SERVER, ld(row, F_P_SERVER) + sv);
      st(row, F_P_VALIDATOR, ld(row, F_P_VALIDATOR) + va);
      if (rootSell) st(row, F_P_ROOT, ld(row, F_P_ROOT) + ro);
      else { st(row, F_ALPHA_OUT, satSub(ld(row, F_ALPHA_OUT), ro)); alphaRecycled += ro; }
      st(row, F_UNOWNED, ld(row, F_UNOWNED) + (a - (ow + sv + va + ro)));
    }

    // drain_pending: the schedule in storage order; subnets without neurons are drained here
    let ran: u32 = 0;
    let hostDrain = false;
    for (let i = 0; i < n; i++) {
      const row = rows + <usize>i * (ROW << 3);
      const since = ld(row, F_SINCE) + 1;
      st(row, F_SINCE, since == 0 ? u64.MAX_VALUE : since);
      if (!shouldRunEpoch(<u32>ld(row, F_TEMPO), ld(row, F_LAST_EPOCH), ld(row, F_PENDING_AT), ld(row, F_SINCE), block)) continue;
      const ev = events + <usize>evCount * (EV << 3);
      store<u64>(ev, block); store<u64>(ev + 8, <u64>i);
      store<u64>(ev + 24, 0); store<u64>(ev + 32, 0); store<u64>(ev + 40, 0); store<u64>(ev + 48, 0);
      evCount++;
      if (ran >= maxEpochs) {
        st(row, F_PENDING_AT, block + 1);
        store<u64>(ev + 16, DEFERRED);
        continue;
      }
      if (ld(row, F_CONSISTENT) != 0) {
        st(row, F_SINCE, 0);
        ran++;
        store<u64>(ev + 16, RAN);
        const S = ld(row, F_P_SERVER), V = ld(row, F_P_VALIDATOR), R = ld(row, F_P_ROOT), O = ld(row, F_P_OWNER);
        st(row, F_P_SERVER, 0); st(row, F_P_VALIDATOR, 0); st(row, F_P_ROOT, 0); st(row, F_P_OWNER, 0);
        if (ld(row, F_HOST_DRAIN) != 0) {
          store<u64>(ev + 24, S); store<u64>(ev + 32, V); store<u64>(ev + 40, R); store<u64>(ev + 48, O);
          st(row, F_IN_FLIGHT, ld(row, F_IN_FLIGHT) + S + V + R + O);
          hostDrain = true;
        } else {
          // distribute_emission with no uids: the owner cut is staked, the rest is credited to nobody
          st(row, F_OWNED, ld(row, F_OWNED) + O);
          st(row, F_UNOWNED, ld(row, F_UNOWNED) + S + V + R);
          st(row, F_LAST_MECH_STEP, block);
        }
      } else {
        store<u64>(ev + 16, SKIPPED);
      }
      st(row, F_LAST_EPOCH, block);
      st(row, F_PENDING_AT, 0);
      st(row, F_EPOCH_INDEX, ld(row, F_EPOCH_INDEX) + 1);
    }

    // update_moving_prices for the subnets that emitted
    for (let j = 0; j < k; j++) {
      const row = rows + <usize>load<i32>(idx + (<usize>j << 2)) * (ROW << 3);
      const mech = <u32>ld(row, F_MECH);
      spotPrice(mech, ld(row, F_TAO), ld(row, F_ALPHA), ld(row, F_QUOTE));
      updateMovingPrice(<u32>ld(row, F_NETUID), mech, block, ld(row, F_START), ld(row, F_HALVING), maHi, maLo, ld(row, F_MP_HI), ld(row, F_MP_LO), rHi, rLo);
      st(row, F_MP_LO, emaLo); st(row, F_MP_HI, emaHi);
    }

    store<u64>(g + 32, load<u64>(g + 32) + alphaMinted);
    store<u64>(g + 40, load<u64>(g + 40) + alphaRecycled);
    // conservation, to the rao
    let accountedAfter: u64 = 0, issuanceAfter: u64 = 0;
    for (let i = 0; i < n; i++) {
      const row = rows + <usize>i * (ROW << 3);
      accountedAfter += ld(row, F_TAO) + ld(row, F_UNTRACKED);
      issuanceAfter += satAdd(ld(row, F_ALPHA), ld(row, F_ALPHA_OUT));
      if (!ledgerOk(row)) violation(g, block, 3);
    }
    const dTao = ti - taoBefore;
    if (dTao != accountedAfter - accountedBefore || dTao != credit - remaining) violation(g, block, 1);
    if (issuanceAfter - issuanceBefore != alphaMinted - alphaRecycled) violation(g, block, 2);
    done++;
    if (hostDrain) { store<u64>(g + (<usize>G_STOPPED_FOR_HOST << 3), 1); break; }
  }
  store<u64>(g + (<usize>G_EVENTS << 3), <u64>evCount);
  return done;
}
