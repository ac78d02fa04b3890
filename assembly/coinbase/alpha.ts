// Alpha in and out of existence on a subnet: subtensor `mint_alpha` with `resolve_to_alpha_in` /
// `resolve_to_alpha_out`, `recycle_subnet_alpha` and `burn_subnet_alpha` (coinbase/alpha.rs) with
// pallet alpha-assets' TotalAlphaIssuance, AlphaRecycled and AlphaBurned. Minting and recycling
// move the asset issuance; burning only counts (the alpha stays in SubnetAlphaOut).

import { F_ALPHA, F_ALPHA_OUT, F_AA_ISSUANCE, F_AA_RECYCLED, F_AA_BURNED, ld, st, satAdd, satSub } from "./row";

/** Alpha minted and recycled since the last resetAlphaCounters (for the conservation checks). */
export let alphaMinted: u64 = 0;
export let alphaRecycled: u64 = 0;
/** The same for the asset pallet's TotalAlphaIssuance (which a chain buy's unbacked alpha does not move). */
export let assetsMinted: u64 = 0;
export let assetsRecycled: u64 = 0;
export function resetAlphaCounters(): void { alphaMinted = 0; alphaRecycled = 0; assetsMinted = 0; assetsRecycled = 0; }
/** Alpha that appears without a mint: a chain buy paying out more than SubnetAlphaIn (which saturates at 0). */
export function countUnbackedAlpha(amount: u64): void { alphaMinted += amount; }

/** mint_alpha + resolve_to_alpha_in: SubnetAlphaIn += amount. */
export function mintAlphaIn(row: usize, amount: u64): void {
  if (amount == 0) return;
  alphaMinted += amount;
  const iss = ld(row, F_AA_ISSUANCE);
  assetsMinted += satAdd(iss, amount) - iss;
  st(row, F_AA_ISSUANCE, satAdd(iss, amount));
  st(row, F_ALPHA, satAdd(ld(row, F_ALPHA), amount));
}

/**
 * mint_alpha whose imbalance is dropped (the coinbase after 425): only the asset issuance moves;
 * the caller puts the price-active part into SubnetAlphaIn (addAlphaIn) and the rest waits in the
 * swap's alpha reservoir, which alpha issuance counts from 459 on.
 */
export function mintAlphaAsset(row: usize, amount: u64): void {
  if (amount == 0) return;
  alphaMinted += amount;
  const iss = ld(row, F_AA_ISSUANCE);
  assetsMinted += satAdd(iss, amount) - iss;
  st(row, F_AA_ISSUANCE, satAdd(iss, amount));
}

/** increase_provided_alpha_reserve: SubnetAlphaIn += amount (saturating); alpha already minted. */
export function addAlphaIn(row: usize, amount: u64): void {
  if (amount != 0) st(row, F_ALPHA, satAdd(ld(row, F_ALPHA), amount));
}

/** mint_alpha + resolve_to_alpha_out: SubnetAlphaOut += amount. */
export function mintAlphaOut(row: usize, amount: u64): void {
  if (amount == 0) return;
  alphaMinted += amount;
  const iss = ld(row, F_AA_ISSUANCE);
  assetsMinted += satAdd(iss, amount) - iss;
  st(row, F_AA_ISSUANCE, satAdd(iss, amount));
  st(row, F_ALPHA_OUT, satAdd(ld(row, F_ALPHA_OUT), amount));
}

/** recycle_subnet_alpha: SubnetAlphaOut −= amount (saturating), recycled in the asset pallet. */
export function recycleSubnetAlpha(row: usize, amount: u64): void {
  if (amount == 0) return;
  const out = ld(row, F_ALPHA_OUT);
  alphaRecycled += amount < out ? amount : out;
  st(row, F_ALPHA_OUT, satSub(out, amount));
  st(row, F_AA_RECYCLED, satAdd(ld(row, F_AA_RECYCLED), amount));
  const iss = ld(row, F_AA_ISSUANCE);
  assetsRecycled += iss - satSub(iss, amount);
  st(row, F_AA_ISSUANCE, satSub(iss, amount));
}

/** burn_subnet_alpha: only AlphaBurned moves. */
export function burnSubnetAlpha(row: usize, amount: u64): void {
  if (amount == 0) return;
  st(row, F_AA_BURNED, satAdd(ld(row, F_AA_BURNED), amount));
}
