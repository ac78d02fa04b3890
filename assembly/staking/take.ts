// Delegate take and childkey take (pallets/subtensor coinbase/run_coinbase.rs): a u16 proportion
// of 65535 taken out of an alpha amount in U96F32, take = (U96F32(take)/65535)·amount, floored on
// payment; the rest is amount − take (unfloored take), floored.

export let takeOut: u64 = 0;
export let restOut: u64 = 0;

/** Splits `amount` (an integer alpha amount) by `take` (u16 of 65535) into takeOut / restOut. */
export function splitTake(take: u32, amount: u64): void {
  // τ raw (32 fraction bits) = floor(take·2^32 / 65535)
  const tau: u64 = ((<u64>take) << 32) / 65535;
  // τ·amount in U96F32: raw = tau·amount (amount's raw is amount·2^32; the product shifts back by 32)
  const lo = tau * (amount & 0xffffffff);
  const hi = tau * (amount >> 32); // tau < 2^32, so each partial product fits in u64
  // raw = hi·2^32 + lo; floor(raw / 2^32) and the fraction
  const fracLo = lo & 0xffffffff;
  const intPart = hi + (lo >> 32);
  takeOut = intPart;
  // rest = amount − τ·amount: floor(amount − intPart − fracLo/2^32)
  restOut = fracLo != 0 ? amount - intPart - 1 : amount - intPart;
}
