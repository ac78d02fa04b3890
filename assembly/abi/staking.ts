// Entry points for staking arithmetic that is not a swap or a share-pool op (assembly/staking).

import { newHeader, setSlot } from "./memory";
import { splitTake, takeOut, restOut } from "../staking/take";

/** Delegate/childkey take of `amount`: header [take, rest]. */
export function st_split_take(take: i32, amount: u64): usize {
  splitTake(<u32>take, amount);
  const h = newHeader(2); setSlot(h, 0, takeOut); setSlot(h, 1, restOut);
  return h;
}
