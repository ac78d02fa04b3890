// Root claim arithmetic on the wasm core (assembly/abi/root_claim.ts): RootClaimable rate updates,
// what a (hotkey, coldkey) is owed on a subnet, the RootClaimed shift of a root stake change, and
// the auto-claim picker. I96F32 values are raw i128 bits as bigint (value = bits / 2^32).

import { Core } from "./core.js";
import { toU64, checkBits } from "./values.js";
import { TaomathError } from "../core/errors.js";
import { MASK64 } from "../core/ints.js";

const lo = (x: bigint) => BigInt.asUintN(128, x) & MASK64;
const hi = (x: bigint) => BigInt.asUintN(128, x) >> 64n;

export class RootClaimCore {
  constructor(private readonly core: Core) {}

  /**
   * increase_root_claimable_for_hotkey_and_subnet on one rate: the new RootClaimable rate, or
   * `staked: true` (rate unchanged) when amount exceeds the hotkey's total root stake and the chain
   * stakes the amount as alpha to the hotkey's owner instead.
   */
  addClaimable(rate: bigint, amount: bigint, totalRootStake: bigint): { rate: bigint; staked: boolean } {
    const r = checkBits(rate, "rate", "i128"), a = toU64(amount, "amount"), t = toU64(totalRootStake, "total_root_stake");
    this.core.reset();
    const out = this.core.invoke("c_root_claimable_add", { rate_lo: lo(r), rate_hi: hi(r), amount: a, total_root_stake: t });
    return { rate: out.i128("rate"), staked: out.flag("staked") };
  }

  /**
   * get_root_owed_for_hotkey_coldkey_float and root_claim_on_subnet's gate: owed (I96F32 bits, may
   * be negative) and the alpha a claim pays (0 when below the threshold, unless ignored, or nothing is owed).
   */
  owed(rate: bigint, rootStake: bigint, claimed: bigint, threshold: bigint, ignoreMinimum = false): { owed: bigint; pays: bigint } {
    const r = checkBits(rate, "rate", "i128"), s = toU64(rootStake, "root_stake"), c = checkBits(claimed, "root_claimed", "u128"), th = toU64(threshold, "threshold");
    this.core.reset();
    const out = this.core.invoke("c_root_owed", {
      rate_lo: lo(r), rate_hi: hi(r), root_stake: s, claimed_lo: lo(c), claimed_hi: hi(c), threshold: th, ignore_minimum: ignoreMinimum ? 1 : 0,
    });
    return { owed: out.i128("owed"), pays: out.get("pays") };
  }

  /** floor(rate * amount) as u128: how far RootClaimed moves when `amount` root stake is added or removed. */
  claimedShift(rate: bigint, amount: bigint): bigint {
    const r = checkBits(rate, "rate", "i128"), a = toU64(amount, "amount");
    this.core.reset();
    return this.core.invoke("c_root_claimed_shift", { rate_lo: lo(r), rate_hi: hi(r), amount: a }).u128("shift");
  }

  /** block_hash_to_indices: the coldkey indices auto-claimed in a block, ascending and distinct. */
  blockHashToIndices(hash: Uint8Array, k: bigint, n: bigint): bigint[] {
    if (!(hash instanceof Uint8Array) || hash.length !== 32) throw new TaomathError("out_of_range", "block_hash", "block_hash must be 32 bytes");
    const kk = toU64(k, "k"), nn = toU64(n, "n");
    if (kk > 1000n) throw new TaomathError("out_of_range", "k", "k (NumRootClaim) above 1000 is not supported");
    this.core.reset();
    const out = this.core.invoke("c_block_hash_to_indices", { block_hash: this.core.u8(hash), k: kk, n: nn });
    return this.core.readU64(out.num("indices"), out.num("count"));
  }
}
