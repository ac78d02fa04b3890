// Entry point of the epoch: reads the input header the host wrote and returns an output header of
// pointers. The slots are the `epoch` entry of boundary.json (EPOCH_IN_*, EPOCH_OUT_* in layout.ts);
// `epoch_dense` (abi/epoch_dense.ts) shares them.

import { EpochInput, EpochOutput, runEpoch } from "../epoch/epoch";
import { Csr } from "../math/csr";
import { slot, readCsrU16 } from "./memory";
import { result, put } from "./result";
import {
  EPOCH_IN_N, EPOCH_IN_CURRENT_BLOCK, EPOCH_IN_TEMPO, EPOCH_IN_ACTIVITY_CUTOFF, EPOCH_IN_LAST_MECHANISM_STEP_BLOCK,
  EPOCH_IN_TAO_WEIGHT, EPOCH_IN_STAKE_THRESHOLD, EPOCH_IN_OWNER_UID, EPOCH_IN_MAX_ALLOWED_VALIDATORS, EPOCH_IN_KAPPA,
  EPOCH_IN_BONDS_PENALTY, EPOCH_IN_BONDS_MOVING_AVERAGE, EPOCH_IN_LIQUID_ALPHA_ENABLED, EPOCH_IN_ALPHA_LOW,
  EPOCH_IN_ALPHA_HIGH, EPOCH_IN_ALPHA_SIGMOID_STEEPNESS, EPOCH_IN_YUMA3_ENABLED, EPOCH_IN_COMMIT_REVEAL_ENABLED,
  EPOCH_IN_RAO_EMISSION, EPOCH_IN_TRACE, EPOCH_IN_ALPHA_STAKE, EPOCH_IN_TAO_STAKE, EPOCH_IN_VALIDATOR_PERMIT,
  EPOCH_IN_VALIDATOR_PERMIT_LEN, EPOCH_IN_LAST_UPDATE, EPOCH_IN_LAST_UPDATE_LEN, EPOCH_IN_BLOCK_AT_REGISTRATION,
  EPOCH_IN_WEIGHTS_START, EPOCH_IN_WEIGHTS_COL, EPOCH_IN_WEIGHTS_VAL, EPOCH_IN_BONDS_START, EPOCH_IN_BONDS_COL,
  EPOCH_IN_BONDS_VAL, EPOCH_IN_COMMIT_BLOCKS, EPOCH_OUT_STAKE, EPOCH_OUT_STAKE_WEIGHT, EPOCH_OUT_ACTIVE,
  EPOCH_OUT_VALIDATOR_PERMIT, EPOCH_OUT_CONSENSUS, EPOCH_OUT_INCENTIVE, EPOCH_OUT_DIVIDENDS,
  EPOCH_OUT_VALIDATOR_TRUST, EPOCH_OUT_EMISSION, EPOCH_OUT_SERVER_EMISSION, EPOCH_OUT_VALIDATOR_EMISSION,
  EPOCH_OUT_BONDS_START, EPOCH_OUT_BONDS_COL, EPOCH_OUT_BONDS_VAL, EPOCH_OUT_TOTAL_STAKE, EPOCH_OUT_STAKE_FIXED,
  EPOCH_OUT_ACTIVE_STAKE, EPOCH_OUT_CONSENSUS_FIXED, EPOCH_OUT_VALIDATOR_TRUST_FIXED, EPOCH_OUT_INCENTIVE_FIXED,
  EPOCH_OUT_DIVIDENDS_FIXED, EPOCH_OUT_NORMALIZED_SERVER_EMISSION, EPOCH_OUT_NORMALIZED_VALIDATOR_EMISSION,
  EPOCH_OUT_NORMALIZED_COMBINED_EMISSION, EPOCH_OUT_WEIGHTS_NORMALIZED_START, EPOCH_OUT_WEIGHTS_NORMALIZED_COL,
  EPOCH_OUT_WEIGHTS_NORMALIZED_VAL, EPOCH_OUT_WEIGHTS_CLIPPED_START, EPOCH_OUT_WEIGHTS_CLIPPED_COL,
  EPOCH_OUT_WEIGHTS_CLIPPED_VAL, EPOCH_OUT_WEIGHTS_FOR_BONDS_START, EPOCH_OUT_WEIGHTS_FOR_BONDS_COL,
  EPOCH_OUT_WEIGHTS_FOR_BONDS_VAL, EPOCH_OUT_EMA_BONDS_START, EPOCH_OUT_EMA_BONDS_COL, EPOCH_OUT_EMA_BONDS_VAL,
  EPOCH_OUT_MASK_REASONS, EPOCH_OUT_SLOTS,
} from "./layout";

/** Reads the input header the host wrote. */
export function readEpochInput(h: usize): EpochInput {
  const inp = new EpochInput();
  const n = <i32>slot(h, EPOCH_IN_N);
  inp.n = n;
  inp.currentBlock = slot(h, EPOCH_IN_CURRENT_BLOCK);
  inp.tempo = slot(h, EPOCH_IN_TEMPO);
  inp.activityCutoff = slot(h, EPOCH_IN_ACTIVITY_CUTOFF);
  inp.lastMechanismStepBlock = slot(h, EPOCH_IN_LAST_MECHANISM_STEP_BLOCK);
  inp.taoWeight = slot(h, EPOCH_IN_TAO_WEIGHT);
  inp.stakeThreshold = slot(h, EPOCH_IN_STAKE_THRESHOLD);
  inp.ownerUid = <i32>(<i64>slot(h, EPOCH_IN_OWNER_UID));
  inp.maxAllowedValidators = <i32>slot(h, EPOCH_IN_MAX_ALLOWED_VALIDATORS);
  inp.kappa = <u32>slot(h, EPOCH_IN_KAPPA);
  inp.bondsPenalty = <u32>slot(h, EPOCH_IN_BONDS_PENALTY);
  inp.bondsMovingAverage = slot(h, EPOCH_IN_BONDS_MOVING_AVERAGE);
  inp.liquidAlpha = slot(h, EPOCH_IN_LIQUID_ALPHA_ENABLED) != 0;
  inp.alphaLow = <u32>slot(h, EPOCH_IN_ALPHA_LOW);
  inp.alphaHigh = <u32>slot(h, EPOCH_IN_ALPHA_HIGH);
  inp.steepness = <i32>(<i64>slot(h, EPOCH_IN_ALPHA_SIGMOID_STEEPNESS));
  inp.yuma3 = slot(h, EPOCH_IN_YUMA3_ENABLED) != 0;
  inp.commitReveal = slot(h, EPOCH_IN_COMMIT_REVEAL_ENABLED) != 0;
  inp.raoEmission = slot(h, EPOCH_IN_RAO_EMISSION);
  inp.trace = slot(h, EPOCH_IN_TRACE) != 0;
  inp.alphaStake = <usize>slot(h, EPOCH_IN_ALPHA_STAKE);
  inp.taoStake = <usize>slot(h, EPOCH_IN_TAO_STAKE);
  inp.permit = <usize>slot(h, EPOCH_IN_VALIDATOR_PERMIT);
  inp.permitLen = <i32>slot(h, EPOCH_IN_VALIDATOR_PERMIT_LEN);
  inp.lastUpdate = <usize>slot(h, EPOCH_IN_LAST_UPDATE);
  inp.lastUpdateLen = <i32>slot(h, EPOCH_IN_LAST_UPDATE_LEN);
  inp.registration = <usize>slot(h, EPOCH_IN_BLOCK_AT_REGISTRATION);
  inp.weights = readCsrU16(n, <usize>slot(h, EPOCH_IN_WEIGHTS_START), <usize>slot(h, EPOCH_IN_WEIGHTS_COL), <usize>slot(h, EPOCH_IN_WEIGHTS_VAL));
  inp.bonds = readCsrU16(n, <usize>slot(h, EPOCH_IN_BONDS_START), <usize>slot(h, EPOCH_IN_BONDS_COL), <usize>slot(h, EPOCH_IN_BONDS_VAL));
  inp.commitBlocks = <usize>slot(h, EPOCH_IN_COMMIT_BLOCKS);
  return inp;
}

export function epoch(h: usize): usize {
  const inp = readEpochInput(h);
  const out = new EpochOutput();
  runEpoch(inp, out);
  return writeEpochOutput(inp, out);
}

/** A CSR's three pointers (start, col, and val as i64 bits) into their named slots. */
function setCsr(o: usize, start: i32, col: i32, val: i32, m: Csr): void {
  put(o, start, m.start);
  put(o, col, m.col);
  put(o, val, m.val);
}

/** The output header: pointers; the trace slots stay 0 unless the input asked for the trace. */
export function writeEpochOutput(inp: EpochInput, out: EpochOutput): usize {
  const o = result(EPOCH_OUT_SLOTS);
  put(o, EPOCH_OUT_STAKE, out.stake);
  put(o, EPOCH_OUT_STAKE_WEIGHT, out.stakeWeight);
  put(o, EPOCH_OUT_ACTIVE, out.active);
  put(o, EPOCH_OUT_VALIDATOR_PERMIT, out.newPermit);
  put(o, EPOCH_OUT_CONSENSUS, out.consensus);
  put(o, EPOCH_OUT_INCENTIVE, out.incentive);
  put(o, EPOCH_OUT_DIVIDENDS, out.dividends);
  put(o, EPOCH_OUT_VALIDATOR_TRUST, out.validatorTrust);
  put(o, EPOCH_OUT_EMISSION, out.emission);
  put(o, EPOCH_OUT_SERVER_EMISSION, out.serverEmission);
  put(o, EPOCH_OUT_VALIDATOR_EMISSION, out.validatorEmission);
  put(o, EPOCH_OUT_BONDS_START, out.bondStart); // u32
  put(o, EPOCH_OUT_BONDS_COL, out.bondCols);    // u16
  put(o, EPOCH_OUT_BONDS_VAL, out.bondValues);  // u16
  if (inp.trace) {
    put(o, EPOCH_OUT_TOTAL_STAKE, out.totalStake);
    put(o, EPOCH_OUT_STAKE_FIXED, out.stakeFixed);
    put(o, EPOCH_OUT_ACTIVE_STAKE, out.activeStake);
    put(o, EPOCH_OUT_CONSENSUS_FIXED, out.consensusFixed);
    put(o, EPOCH_OUT_VALIDATOR_TRUST_FIXED, out.validatorTrustFixed);
    put(o, EPOCH_OUT_INCENTIVE_FIXED, out.incentiveFixed);
    put(o, EPOCH_OUT_DIVIDENDS_FIXED, out.dividendsFixed);
    put(o, EPOCH_OUT_NORMALIZED_SERVER_EMISSION, out.nse);
    put(o, EPOCH_OUT_NORMALIZED_VALIDATOR_EMISSION, out.nve);
    put(o, EPOCH_OUT_NORMALIZED_COMBINED_EMISSION, out.nce);
    setCsr(o, EPOCH_OUT_WEIGHTS_NORMALIZED_START, EPOCH_OUT_WEIGHTS_NORMALIZED_COL, EPOCH_OUT_WEIGHTS_NORMALIZED_VAL, out.weightsNormalized);
    setCsr(o, EPOCH_OUT_WEIGHTS_CLIPPED_START, EPOCH_OUT_WEIGHTS_CLIPPED_COL, EPOCH_OUT_WEIGHTS_CLIPPED_VAL, out.weightsClipped);
    setCsr(o, EPOCH_OUT_WEIGHTS_FOR_BONDS_START, EPOCH_OUT_WEIGHTS_FOR_BONDS_COL, EPOCH_OUT_WEIGHTS_FOR_BONDS_VAL, out.weightsForBonds);
    setCsr(o, EPOCH_OUT_EMA_BONDS_START, EPOCH_OUT_EMA_BONDS_COL, EPOCH_OUT_EMA_BONDS_VAL, out.emaBonds);
    // traced only: u8 mask reason per submitted weight entry (0 kept, 1 permit, 2 self, 3 outdated, 4 commit-reveal)
    put(o, EPOCH_OUT_MASK_REASONS, out.maskReasons);
  }
  return o;
}
