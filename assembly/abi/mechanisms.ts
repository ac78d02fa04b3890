// Entry points for multi-mechanism epochs (header convention, layouts in boundary.json): the
// emission split and the fold of one mechanism's terms into the subnet's (the per-mechanism
// epochs themselves go through `epoch`).

import { splitEmissions, foldMechanismTerms, FoldTerms, MechanismWeight } from "../epoch/mechanisms";
import { slot } from "./memory";
import { result, put } from "./result";
import { alloc, sz } from "../arena";
import {
  MECH_SPLIT_IN_EMISSION, MECH_SPLIT_IN_COUNT, MECH_SPLIT_IN_SPLIT, MECH_SPLIT_IN_SPLIT_LEN, MECH_SPLIT_OUT_EMISSIONS, MECH_SPLIT_OUT_SLOTS,
  MECH_FOLD_IN_N, MECH_FOLD_IN_K, MECH_FOLD_IN_EMISSION_K, MECH_FOLD_IN_EMISSION,
  MECH_FOLD_OUT_WEIGHT_LO, MECH_FOLD_OUT_WEIGHT_HI, MECH_FOLD_OUT_SLOTS,
  MECH_FOLD_IN_ACC_DIVIDENDS, MECH_FOLD_IN_DIVIDENDS, MECH_FOLD_IN_ACC_CONSENSUS, MECH_FOLD_IN_CONSENSUS, MECH_FOLD_IN_ACC_VALIDATOR_TRUST, MECH_FOLD_IN_VALIDATOR_TRUST, MECH_FOLD_IN_ACC_STAKE_WEIGHT, MECH_FOLD_IN_STAKE_WEIGHT, MECH_FOLD_IN_ACC_EMISSION, MECH_FOLD_IN_EMISSION_TERMS, MECH_FOLD_IN_ACC_INCENTIVE, MECH_FOLD_IN_INCENTIVE, MECH_FOLD_IN_ACC_SERVER_EMISSION, MECH_FOLD_IN_SERVER_EMISSION, MECH_FOLD_IN_ACC_VALIDATOR_EMISSION, MECH_FOLD_IN_VALIDATOR_EMISSION, MECH_FOLD_IN_ACC_STAKE, MECH_FOLD_IN_STAKE, MECH_FOLD_IN_ACC_ACTIVE, MECH_FOLD_IN_ACTIVE, MECH_FOLD_IN_ACC_VALIDATOR_PERMIT, MECH_FOLD_IN_VALIDATOR_PERMIT,
} from "./layout";

/** split_len < 0: no MechanismEmissionSplit stored (even split). */
export function mech_split(h: usize): usize {
  const count = <i32>slot(h, MECH_SPLIT_IN_COUNT);
  const emissions = alloc(sz(count) << 3);
  splitEmissions(slot(h, MECH_SPLIT_IN_EMISSION), count, <usize>slot(h, MECH_SPLIT_IN_SPLIT), <i32>slot(h, MECH_SPLIT_IN_SPLIT_LEN), emissions);
  const out = result(MECH_SPLIT_OUT_SLOTS);
  put(out, MECH_SPLIT_OUT_EMISSIONS, emissions);
  return out;
}

export function mech_fold(h: usize): usize {
  const acc = new FoldTerms(), x = new FoldTerms();
  acc.dividends = <usize>slot(h, MECH_FOLD_IN_ACC_DIVIDENDS);
  acc.consensus = <usize>slot(h, MECH_FOLD_IN_ACC_CONSENSUS);
  acc.validatorTrust = <usize>slot(h, MECH_FOLD_IN_ACC_VALIDATOR_TRUST);
  acc.stakeWeight = <usize>slot(h, MECH_FOLD_IN_ACC_STAKE_WEIGHT);
  acc.emission = <usize>slot(h, MECH_FOLD_IN_ACC_EMISSION);
  acc.incentive = <usize>slot(h, MECH_FOLD_IN_ACC_INCENTIVE);
  acc.serverEmission = <usize>slot(h, MECH_FOLD_IN_ACC_SERVER_EMISSION);
  acc.validatorEmission = <usize>slot(h, MECH_FOLD_IN_ACC_VALIDATOR_EMISSION);
  acc.stake = <usize>slot(h, MECH_FOLD_IN_ACC_STAKE);
  acc.active = <usize>slot(h, MECH_FOLD_IN_ACC_ACTIVE);
  acc.validatorPermit = <usize>slot(h, MECH_FOLD_IN_ACC_VALIDATOR_PERMIT);
  x.dividends = <usize>slot(h, MECH_FOLD_IN_DIVIDENDS);
  x.consensus = <usize>slot(h, MECH_FOLD_IN_CONSENSUS);
  x.validatorTrust = <usize>slot(h, MECH_FOLD_IN_VALIDATOR_TRUST);
  x.stakeWeight = <usize>slot(h, MECH_FOLD_IN_STAKE_WEIGHT);
  x.emission = <usize>slot(h, MECH_FOLD_IN_EMISSION_TERMS);
  x.incentive = <usize>slot(h, MECH_FOLD_IN_INCENTIVE);
  x.serverEmission = <usize>slot(h, MECH_FOLD_IN_SERVER_EMISSION);
  x.validatorEmission = <usize>slot(h, MECH_FOLD_IN_VALIDATOR_EMISSION);
  x.stake = <usize>slot(h, MECH_FOLD_IN_STAKE);
  x.active = <usize>slot(h, MECH_FOLD_IN_ACTIVE);
  x.validatorPermit = <usize>slot(h, MECH_FOLD_IN_VALIDATOR_PERMIT);
  const w = foldMechanismTerms(acc, x, <i32>slot(h, MECH_FOLD_IN_N), <i32>slot(h, MECH_FOLD_IN_K), slot(h, MECH_FOLD_IN_EMISSION_K), slot(h, MECH_FOLD_IN_EMISSION));
  const out = result(MECH_FOLD_OUT_SLOTS);
  put(out, MECH_FOLD_OUT_WEIGHT_LO, w.lo);
  put(out, MECH_FOLD_OUT_WEIGHT_HI, w.hi);
  return out;
}
