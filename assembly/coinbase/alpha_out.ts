// What one block's alpha emission of a subnet becomes (loop 3 of subtensor `emit_to_subnets`,
// run_coinbase.rs), in U96F32: the owner cut (cut = SubnetOwnerCut / 65535), then with the root
// proportion recomputed AFTER this block's injection, chain buy and mint:
//   root_alpha = (rp * a) * 0.5, server = a * 0.5, validator = (a - server) - root_alpha
// each accumulated floored into the pending counters. root_alpha goes to PendingRootAlphaDivs
// when the network sells root alpha, otherwise it is recycled (SubnetAlphaOut -= root_alpha).

import { rHi, rLo, udivFixed, umulFixedSat, uSatSub128 } from "../fixed/i128";
import { u96f32Floor, u96Hi, u96Lo } from "../fixed/u128";
import { rootProportion, taoWeightU96 } from "./terms";

const HALF_LO: u64 = 1 << 31; // U96F32 0.5

export let outOwner: u64 = 0;
export let outServer: u64 = 0;
export let outValidator: u64 = 0;
export let outRoot: u64 = 0;

/**
 * Splits `alphaOut` (the subnet's alpha emission, an integer) for one block. `alphaIssuanceAfter`
 * is SubnetAlphaIn + SubnetAlphaOut after this block's injection and mint (a chain buy moves alpha
 * between the two and does not change it). Results in outOwner/outServer/outValidator/outRoot.
 */
export function splitAlphaOut(alphaOut: u64, ownerCutEnabled: bool, ownerCut: u32, rootTao: u64, taoWeight: u64, alphaIssuanceAfter: u64): void {
  let aHi = u96Hi(alphaOut), aLo = u96Lo(alphaOut);
  outOwner = 0;
  if (ownerCutEnabled) {
    udivFixed(0, <u64>ownerCut << 32, 0, <u64>65535 << 32, 32);
    umulFixedSat(aHi, aLo, rHi, rLo, 32);
    const oHi = rHi, oLo = rLo;
    outOwner = u96f32Floor(oHi, oLo);
    uSatSub128(aHi, aLo, oHi, oLo);
    aHi = rHi; aLo = rLo;
  }
  taoWeightU96(taoWeight);
  rootProportion(rootTao, rHi, rLo, alphaIssuanceAfter);
  umulFixedSat(rHi, rLo, aHi, aLo, 32);
  umulFixedSat(rHi, rLo, 0, HALF_LO, 32);
  const raHi = rHi, raLo = rLo;
  umulFixedSat(aHi, aLo, 0, HALF_LO, 32);
  const sHi = rHi, sLo = rLo;
  uSatSub128(aHi, aLo, sHi, sLo);
  uSatSub128(rHi, rLo, raHi, raLo);
  outValidator = u96f32Floor(rHi, rLo);
  outServer = u96f32Floor(sHi, sLo);
  outRoot = u96f32Floor(raHi, raLo);
}
