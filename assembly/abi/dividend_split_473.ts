// Entry point of runtime 473's dividend split (coinbase/dividend_split_473.ts), header convention
// (boundary.json): U96F32 values as lo/hi word pairs.

import { dividendDistribution473 } from "../coinbase/dividend_split_473";
import { alloc, sz } from "../arena";
import { slot } from "./memory";
import { result, put } from "./result";
import {
  C_DIVIDEND_DISTRIBUTION_473_IN_N, C_DIVIDEND_DISTRIBUTION_473_IN_DIVIDEND, C_DIVIDEND_DISTRIBUTION_473_IN_ALPHA_STAKE,
  C_DIVIDEND_DISTRIBUTION_473_IN_ROOT_STAKE, C_DIVIDEND_DISTRIBUTION_473_IN_ROOT_UID, C_DIVIDEND_DISTRIBUTION_473_IN_TAO_WEIGHT_LO,
  C_DIVIDEND_DISTRIBUTION_473_IN_TAO_WEIGHT_HI, C_DIVIDEND_DISTRIBUTION_473_IN_PENDING_ALPHA, C_DIVIDEND_DISTRIBUTION_473_IN_PENDING_ROOT,
  C_DIVIDEND_DISTRIBUTION_473_OUT_ALPHA_DIVIDEND, C_DIVIDEND_DISTRIBUTION_473_OUT_ROOT_DIVIDEND, C_DIVIDEND_DISTRIBUTION_473_OUT_SLOTS,
} from "./layout";

/** calculate_dividend_distribution at 473. */
export function c_dividend_distribution_473(h: usize): usize {
  const n = <i32>slot(h, C_DIVIDEND_DISTRIBUTION_473_IN_N);
  const alphaDiv = alloc(sz(n) << 4), rootDiv = alloc(sz(n) << 4);
  dividendDistribution473(n, <usize>slot(h, C_DIVIDEND_DISTRIBUTION_473_IN_DIVIDEND), <usize>slot(h, C_DIVIDEND_DISTRIBUTION_473_IN_ALPHA_STAKE),
    <usize>slot(h, C_DIVIDEND_DISTRIBUTION_473_IN_ROOT_STAKE), <usize>slot(h, C_DIVIDEND_DISTRIBUTION_473_IN_ROOT_UID),
    slot(h, C_DIVIDEND_DISTRIBUTION_473_IN_TAO_WEIGHT_HI), slot(h, C_DIVIDEND_DISTRIBUTION_473_IN_TAO_WEIGHT_LO),
    slot(h, C_DIVIDEND_DISTRIBUTION_473_IN_PENDING_ALPHA), slot(h, C_DIVIDEND_DISTRIBUTION_473_IN_PENDING_ROOT), alphaDiv, rootDiv);
  const o = result(C_DIVIDEND_DISTRIBUTION_473_OUT_SLOTS);
  put(o, C_DIVIDEND_DISTRIBUTION_473_OUT_ALPHA_DIVIDEND, alphaDiv); put(o, C_DIVIDEND_DISTRIBUTION_473_OUT_ROOT_DIVIDEND, rootDiv);
  return o;
}
