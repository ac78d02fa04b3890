// Entry points for staking arithmetic that is not a swap or a share-pool op (assembly/staking).

import { slot } from "./memory";
import { result, put } from "./result";
import { splitTake, takeOut, restOut } from "../staking/take";
import { ST_SPLIT_TAKE_IN_TAKE, ST_SPLIT_TAKE_IN_AMOUNT, ST_SPLIT_TAKE_OUT_TAKE, ST_SPLIT_TAKE_OUT_REST, ST_SPLIT_TAKE_OUT_SLOTS } from "./layout";

/** Delegate/childkey take of `amount`. */
export function st_split_take(h: usize): usize {
  splitTake(<u32>slot(h, ST_SPLIT_TAKE_IN_TAKE), slot(h, ST_SPLIT_TAKE_IN_AMOUNT));
  const out = result(ST_SPLIT_TAKE_OUT_SLOTS);
  put(out, ST_SPLIT_TAKE_OUT_TAKE, takeOut);
  put(out, ST_SPLIT_TAKE_OUT_REST, restOut);
  return out;
}
