// TAO in and out of existence in the coinbase: subtensor `get_block_emission` (block_emission.rs),
// `mint_tao`, `spend_tao` and `recycle_credit` (coinbase/tao.rs). The minted credit is an imbalance
// of the balances pallet: its issuance grows with the mint and falls again by whatever of the
// credit is dropped unspent, while subtensor's TotalIssuance follows the same two moves. The mint
// is capped by the balances pallet's issuance, not TotalIssuance.

import { blockEmissionForIssuance, TOTAL_SUPPLY } from "./block_emission";
import { G_ISSUANCE, G_BALANCES, G_BLOCK_EMISSION, F_ACCOUNT, gld, gst, ld, st, satAdd, satSub } from "./row";

/** ExistentialDeposit of the production runtime (runtime/src/lib.rs). */
export const EXISTENTIAL_DEPOSIT: u64 = 500;

/**
 * get_block_emission_for_issuance with its storage side effect: every emission computed below the
 * total supply is written to BlockEmission (so after a block it holds the last one computed).
 */
export function blockEmissionWritten(g: usize, issuance: u64): u64 {
  const e = blockEmissionForIssuance(issuance);
  if (issuance < TOTAL_SUPPLY) gst(g, G_BLOCK_EMISSION, e);
  return e;
}

/** mint_tao: TotalIssuance and the balances issuance grow by min(amount, supply − balances issuance). Returns the credit. */
export function mintTao(g: usize, amount: u64): u64 {
  const balances = gld(g, G_BALANCES);
  const room = satSub(TOTAL_SUPPLY, balances);
  const credit = amount < room ? amount : room;
  gst(g, G_ISSUANCE, satAdd(gld(g, G_ISSUANCE), credit));
  gst(g, G_BALANCES, satAdd(balances, credit));
  return credit;
}

/**
 * spend_tao's resolve into an account holding `balance`: refused when the credit is larger than
 * what is left, and when the account would end below the existential deposit (a new account
 * credited with less than ED), in which case the whole credit comes back.
 */
export function canSpend(remaining: u64, balance: u64, part: u64): bool {
  if (remaining < part) return false;
  const after = balance + part;
  if (after < balance) return false;
  return after >= EXISTENTIAL_DEPOSIT;
}

/** max_price(): the limit a coinbase chain buy runs at, in rao per alpha. */
export const MAX_PRICE_RAO: u64 = 1_000_000_000_000_000;

/** spend_tao of `part` of the block's `remaining` credit into the subnet account of `row`; returns whether it happened. */
export function spendTao(row: usize, remaining: u64, part: u64): bool {
  const balance = ld(row, F_ACCOUNT);
  if (!canSpend(remaining, balance, part)) return false;
  st(row, F_ACCOUNT, balance + part);
  return true;
}

/** recycle_credit: the unspent credit leaves both issuances. */
export function recycleCredit(g: usize, remaining: u64): void {
  if (remaining == 0) return;
  gst(g, G_ISSUANCE, satSub(gld(g, G_ISSUANCE), remaining));
  gst(g, G_BALANCES, satSub(gld(g, G_BALANCES), remaining));
}
