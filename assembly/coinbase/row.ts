// The coinbase's state in flat memory: one row of ROW u64 slots per non-root subnet (chain storage
// of that subnet, in storage order) and one block of G_SLOTS u64 globals (network storage, the
// run's parameters and its counters). src/network_rows.ts mirrors these offsets on the host.

// schedule
export const F_NETUID = 0, F_MECH = 1, F_TEMPO = 2, F_LAST_EPOCH = 3, F_PENDING_AT = 4, F_SINCE = 5, F_EPOCH_INDEX = 6,
  F_LAST_MECH_STEP = 7,
  // gates (F_EMITS: FirstEmissionBlockNumber set, SubtokenEnabled and registration allowed)
  F_EMITS = 8, F_EMISSION_ENABLED = 9, F_OWNER_CUT_ENABLED = 10,
  // pool
  F_TAO = 11, F_ALPHA = 12, F_ALPHA_OUT = 13, F_QUOTE = 14, F_INIT = 15, F_FEE = 16, F_MP_LO = 17, F_MP_HI = 18,
  F_HALVING = 19, F_START = 20, F_MB_LO = 21, F_MB_HI = 22,
  // pending emission
  F_P_SERVER = 23, F_P_VALIDATOR = 24, F_P_ROOT = 25, F_P_OWNER = 26,
  // the alpha ledger: SubnetAlphaOut = owned + pending + protocol + unowned + root unclaimed + in flight
  F_PROTOCOL = 27, F_UNOWNED = 28, F_ROOT_UNCLAIMED = 29, F_UNTRACKED = 30, F_OWNED = 31, F_IN_FLIGHT = 32,
  F_CONSISTENT = 33, F_HOST_DRAIN = 34,
  // SubnetProtocolFlow (i64 bits), SubnetVolume (u128)
  F_FLOW = 35, F_VOL_LO = 36, F_VOL_HI = 37,
  // pallet alpha-assets: TotalAlphaIssuance, AlphaBurned, AlphaRecycled
  F_AA_ISSUANCE = 38, F_AA_BURNED = 39, F_AA_RECYCLED = 40,
  // the subnet account's free balance (TAO spent into it by the coinbase)
  F_ACCOUNT = 41,
  // RootProp (U96F32) and whether it was ever written
  F_RP_LO = 42, F_RP_HI = 43, F_RP_SET = 44,
  // this block's counters: SubnetAlphaInEmission, SubnetAlphaOutEmission, SubnetTaoInEmission, SubnetExcessTao
  F_E_ALPHA_IN = 45, F_E_ALPHA_OUT = 46, F_E_TAO_IN = 47, F_E_EXCESS = 48,
  // SubnetOwner and SubnetOwnerHotkey both set: the drained owner cut is staked to the owner hotkey
  F_HAS_OWNER = 49,
  // get_subnet_terms of the block being run (floored): tao_in, alpha_in, excess_tao, and the alpha emission
  F_T_TAO_IN = 50, F_T_ALPHA_IN = 51, F_T_EXCESS = 52, F_T_ALPHA_EM = 53,
  // a caller-supplied pool's answers for the block (G_HOST_POOL): adjust_protocol_liquidity's accepted TAO and
  // alpha and the weight after it; the chain buy's success, amounts paid in and out, weight and initialised flag
  F_D_TAO = 54, F_D_ALPHA = 55, F_D_QUOTE = 56, F_D_BUY_OK = 57, F_D_PAID_IN = 58, F_D_PAID_OUT = 59, F_D_BUY_QUOTE = 60,
  F_D_BUY_INIT = 61;
export const ROW = 62;

// state
export const G_BLOCK = 0, G_ISSUANCE = 1,
  // counters accumulated over the call
  G_TAO_MINTED = 2, G_TAO_RECYCLED = 3, G_ALPHA_MINTED = 4, G_ALPHA_RECYCLED = 5, G_EVENTS = 6, G_VIOLATIONS = 7,
  G_FIRST_VIOLATION = 8, G_VIOLATION_KIND = 9, G_STOPPED_FOR_HOST = 10,
  // the balances pallet's total issuance, TotalStake, BlockEmission (storage)
  G_BALANCES = 11, G_TOTAL_STAKE = 12, G_BLOCK_EMISSION = 13,
  // the last block run: its TAO block emission and root sell flag
  G_TAO_EMISSION = 14, G_ROOT_SELL = 15,
  // parameters: SubnetTAO(root), TaoWeight, SubnetOwnerCut, MaxEpochsPerBlock, SubnetMovingAlpha (I96F32),
  // the pool's MinimumReserve, and a mint override (G_MINT_SET: the next block mints G_MINT instead)
  G_ROOT_TAO = 16, G_TAO_WEIGHT = 17, G_OWNER_CUT = 18, G_MAX_EPOCHS = 19, G_MA_HI = 20, G_MA_LO = 21,
  G_MIN_RESERVE = 22, G_MINT_SET = 23, G_MINT = 24,
  // G_HOST_POOL: the pool's answers come from the host, so each block stops after get_subnet_terms (G_PHASE 1,
  // its credit and TotalIssuance before it kept in G_CREDIT and G_TAO_BEFORE) and resumes once the answers are in
  G_HOST_POOL = 25, G_PHASE = 26, G_CREDIT = 27, G_TAO_BEFORE = 28,
  // G_PHASE 2: the block stopped after drain_pending for the host's payouts; what it needs to finish the block
  // (the credit recycled, the ledgers before it, the alpha counted so far) and the alpha the payouts recycled
  G_RECYCLED = 29, G_ACCOUNTED_BEFORE = 30, G_ISSUANCE_BEFORE = 31, G_ASSETS_BEFORE = 32, G_ALPHA_MINTED_BLOCK = 33,
  G_ALPHA_RECYCLED_BLOCK = 34, G_ASSETS_MINTED_BLOCK = 35, G_ASSETS_RECYCLED_BLOCK = 36, G_HOST_RECYCLED = 37;
export const G_SLOTS = 38;

/** G_PHASE values: between blocks, waiting for a caller-supplied pool's answers, waiting for the host's payouts. */
export const PHASE_NONE: u64 = 0, PHASE_POOL: u64 = 1, PHASE_PAYOUT: u64 = 2;

/** One event per epoch outcome other than not-due: block, row, outcome, then the drained S, V, R, O for host drains. */
export const EV = 7;

/** Violation kinds. */
export const V_TAO = 1, V_ALPHA = 2, V_LEDGER = 3, V_ASSETS = 4;

// @ts-ignore: decorator
@inline export function rowAt(rows: usize, i: i32): usize { return rows + <usize>i * (<usize>ROW << 3); }
// @ts-ignore: decorator
@inline export function ld(row: usize, f: i32): u64 { return load<u64>(row + (<usize>f << 3)); }
// @ts-ignore: decorator
@inline export function st(row: usize, f: i32, v: u64): void { store<u64>(row + (<usize>f << 3), v); }
// @ts-ignore: decorator
@inline export function gld(g: usize, f: i32): u64 { return load<u64>(g + (<usize>f << 3)); }
// @ts-ignore: decorator
@inline export function gst(g: usize, f: i32, v: u64): void { store<u64>(g + (<usize>f << 3), v); }

export function satAdd(a: u64, b: u64): u64 { const s = a + b; return s < a ? u64.MAX_VALUE : s; }
export function satSub(a: u64, b: u64): u64 { return a > b ? a - b : 0; }
/** i64 saturating_add of a u64 amount cast `as i64` (wrapping cast, as the chain's `u64 as i64`). */
export function flowAdd(flow: u64, amount: u64): u64 {
  const a = <i64>flow, b = <i64>amount;
  const s = a + b;
  if (b >= 0 && s < a) return <u64>i64.MAX_VALUE;
  if (b < 0 && s > a) return <u64>i64.MIN_VALUE;
  return <u64>s;
}
/** U96F32 floor to u64, saturating. */
export function floor96(lo: u64, hi: u64): u64 { return (hi >> 32) != 0 ? u64.MAX_VALUE : (hi << 32) | (lo >> 32); }
