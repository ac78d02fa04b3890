// The conservation checks the coinbase runs after every block, to the rao: TotalIssuance moves by
// the credit minted minus the credit recycled, and by exactly what the subnets' TAO (SubnetTAO
// plus TAO in the subnet account outside it) gained; each subnet's alpha issuance (SubnetAlphaIn +
// SubnetAlphaOut) moves by what was minted minus recycled, and so does the asset pallet's
// TotalAlphaIssuance; each subnet's SubnetAlphaOut equals everything owned, pending, bought by the
// protocol, unowned, unclaimed or in flight to the host. From 459 on the swap pallet's
// reservoirs count: the TAO reservoir is TAO in the subnet account outside SubnetTAO, and alpha
// issuance includes the alpha reservoir (rules.ts).

import { rulesOf, rowIssuance } from "./rules";
import {
  F_TAO, F_ALPHA, F_ALPHA_OUT, F_UNTRACKED, F_OWNED, F_P_SERVER, F_P_VALIDATOR, F_P_ROOT, F_P_OWNER, F_PROTOCOL,
  F_UNOWNED, F_ROOT_UNCLAIMED, F_IN_FLIGHT, F_AA_ISSUANCE, G_ISSUANCE, G_VIOLATIONS, G_FIRST_VIOLATION, G_VIOLATION_KIND,
  V_TAO, V_ALPHA, V_LEDGER, V_ASSETS, F_TAO_RESERVOIR, rowAt, ld, gld, gst,
} from "./row";
import {
  G_TAO_BEFORE, G_ACCOUNTED_BEFORE, G_ISSUANCE_BEFORE, G_ASSETS_BEFORE, G_ALPHA_MINTED_BLOCK, G_ALPHA_RECYCLED_BLOCK,
  G_ASSETS_MINTED_BLOCK, G_ASSETS_RECYCLED_BLOCK,
} from "./row";

function accounted(n: i32, rows: usize): u64 {
  let t: u64 = 0;
  for (let i = 0; i < n; i++) { const row = rowAt(rows, i); t += ld(row, F_TAO) + ld(row, F_UNTRACKED) + ld(row, F_TAO_RESERVOIR); }
  return t;
}
function issuance(g: usize, n: i32, rows: usize): u64 {
  const rules = rulesOf(g);
  let t: u64 = 0;
  for (let i = 0; i < n; i++) t += rowIssuance(rowAt(rows, i), rules);
  return t;
}
function assets(n: i32, rows: usize): u64 {
  let t: u64 = 0;
  for (let i = 0; i < n; i++) t += ld(rowAt(rows, i), F_AA_ISSUANCE);
  return t;
}
function ledgerOk(row: usize): bool {
  const owned = ld(row, F_OWNED) + ld(row, F_P_SERVER) + ld(row, F_P_VALIDATOR) + ld(row, F_P_ROOT) + ld(row, F_P_OWNER)
    + ld(row, F_PROTOCOL) + ld(row, F_UNOWNED) + ld(row, F_ROOT_UNCLAIMED) + ld(row, F_IN_FLIGHT);
  return owned == ld(row, F_ALPHA_OUT);
}
function violation(g: usize, block: u64, kind: u64): void {
  const c = gld(g, G_VIOLATIONS);
  if (c == 0) { gst(g, G_FIRST_VIOLATION, block); gst(g, G_VIOLATION_KIND, kind); }
  gst(g, G_VIOLATIONS, c + 1);
}

/** Records the ledgers before the block's reserves move (TotalIssuance before the block is already in G_TAO_BEFORE). */
export function conservationBefore(g: usize, n: i32, rows: usize): void {
  gst(g, G_ACCOUNTED_BEFORE, accounted(n, rows));
  gst(g, G_ISSUANCE_BEFORE, issuance(g, n, rows));
  gst(g, G_ASSETS_BEFORE, assets(n, rows));
}

/**
 * Checks the block against the ledgers recorded before it; failures are counted in the globals.
 * The alpha minted and recycled are the block's counters in the globals, with `hostRecycled` the
 * alpha the host's payouts recycled (it leaves SubnetAlphaOut and the asset issuance alike).
 */
export function conservationAfter(g: usize, n: i32, rows: usize, block: u64, credit: u64, recycled: u64, hostRecycled: u64): void {
  for (let i = 0; i < n; i++) if (!ledgerOk(rowAt(rows, i))) violation(g, block, V_LEDGER);
  const dTao = gld(g, G_ISSUANCE) - gld(g, G_TAO_BEFORE);
  if (dTao != accounted(n, rows) - gld(g, G_ACCOUNTED_BEFORE) || dTao != credit - recycled) violation(g, block, V_TAO);
  const minted = gld(g, G_ALPHA_MINTED_BLOCK), out = gld(g, G_ALPHA_RECYCLED_BLOCK) + hostRecycled;
  if (issuance(g, n, rows) - gld(g, G_ISSUANCE_BEFORE) != minted - out) violation(g, block, V_ALPHA);
  const aMinted = gld(g, G_ASSETS_MINTED_BLOCK), aOut = gld(g, G_ASSETS_RECYCLED_BLOCK) + hostRecycled;
  if (assets(n, rows) - gld(g, G_ASSETS_BEFORE) != aMinted - aOut) violation(g, block, V_ASSETS);
}
