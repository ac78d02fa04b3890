// Entry point of the epoch: reads the input header the host wrote (slot order below, mirrored
// in src/bindings/epoch.ts), runs it, and returns an output header of pointers.

import { EpochInput, EpochOutput, runEpoch } from "../epoch/epoch";
import { slot, setSlot, readCsrU16, writeCsr, newHeader } from "./memory";

/* input slots */
const N = 0, BLOCK = 1, TEMPO = 2, CUTOFF = 3, LAST_STEP = 4, TAO_WEIGHT = 5, THRESHOLD = 6,
  OWNER = 7, MAX_VALIDATORS = 8, KAPPA = 9, PENALTY = 10, BMA = 11, LIQUID = 12, ALPHA_LOW = 13,
  ALPHA_HIGH = 14, STEEPNESS = 15, YUMA3 = 16, COMMIT_REVEAL = 17, RAO = 18, TRACE = 19,
  ALPHA_STAKE = 20, TAO_STAKE = 21, PERMIT = 22, PERMIT_LEN = 23, LAST_UPDATE = 24,
  LAST_UPDATE_LEN = 25, REGISTRATION = 26, W_START = 27, W_COL = 28, W_VAL = 29,
  B_START = 30, B_COL = 31, B_VAL = 32, COMMITS = 33;

export const EPOCH_OUTPUT_SLOTS = 37;
/** traced only: u8 mask reason per submitted weight entry (0 kept, 1 permit, 2 self, 3 outdated, 4 commit-reveal) */
const MASK_REASONS = 36;

/** Reads the input header the host wrote. */
export function readEpochInput(h: usize): EpochInput {
  const inp = new EpochInput();
  const n = <i32>slot(h, N);
  inp.n = n;
  inp.currentBlock = slot(h, BLOCK);
  inp.tempo = slot(h, TEMPO);
  inp.activityCutoff = slot(h, CUTOFF);
  inp.lastMechanismStepBlock = slot(h, LAST_STEP);
  inp.taoWeight = slot(h, TAO_WEIGHT);
  inp.stakeThreshold = slot(h, THRESHOLD);
  inp.ownerUid = <i32>(<i64>slot(h, OWNER));
  inp.maxAllowedValidators = <i32>slot(h, MAX_VALIDATORS);
  inp.kappa = <u32>slot(h, KAPPA);
  inp.bondsPenalty = <u32>slot(h, PENALTY);
  inp.bondsMovingAverage = slot(h, BMA);
  inp.liquidAlpha = slot(h, LIQUID) != 0;
  inp.alphaLow = <u32>slot(h, ALPHA_LOW);
  inp.alphaHigh = <u32>slot(h, ALPHA_HIGH);
  inp.steepness = <i32>(<i64>slot(h, STEEPNESS));
  inp.yuma3 = slot(h, YUMA3) != 0;
  inp.commitReveal = slot(h, COMMIT_REVEAL) != 0;
  inp.raoEmission = slot(h, RAO);
  inp.trace = slot(h, TRACE) != 0;
  inp.alphaStake = <usize>slot(h, ALPHA_STAKE);
  inp.taoStake = <usize>slot(h, TAO_STAKE);
  inp.permit = <usize>slot(h, PERMIT);
  inp.permitLen = <i32>slot(h, PERMIT_LEN);
  inp.lastUpdate = <usize>slot(h, LAST_UPDATE);
  inp.lastUpdateLen = <i32>slot(h, LAST_UPDATE_LEN);
  inp.registration = <usize>slot(h, REGISTRATION);
  inp.weights = readCsrU16(n, <usize>slot(h, W_START), <usize>slot(h, W_COL), <usize>slot(h, W_VAL));
  inp.bonds = readCsrU16(n, <usize>slot(h, B_START), <usize>slot(h, B_COL), <usize>slot(h, B_VAL));
  inp.commitBlocks = <usize>slot(h, COMMITS);
  return inp;
}

export function epoch(h: usize): usize {
  const inp = readEpochInput(h);
  const out = new EpochOutput();
  runEpoch(inp, out);
  return writeEpochOutput(inp, out);
}

/** The output header: pointers in the slot order src/bindings/epoch.ts reads. */
export function writeEpochOutput(inp: EpochInput, out: EpochOutput): usize {
  const o = newHeader(EPOCH_OUTPUT_SLOTS);
  setSlot(o, 0, out.stake);
  setSlot(o, 1, out.stakeWeight);
  setSlot(o, 2, out.active);
  setSlot(o, 3, out.newPermit);
  setSlot(o, 4, out.consensus);
  setSlot(o, 5, out.incentive);
  setSlot(o, 6, out.dividends);
  setSlot(o, 7, out.validatorTrust);
  setSlot(o, 8, out.emission);
  setSlot(o, 9, out.serverEmission);
  setSlot(o, 10, out.validatorEmission);
  setSlot(o, 11, out.bonds.start);
  setSlot(o, 12, out.bonds.col);
  setSlot(o, 13, out.bondValues); // u16
  if (inp.trace) {
    setSlot(o, 14, out.totalStake);
    setSlot(o, 15, out.stakeFixed);
    setSlot(o, 16, out.activeStake);
    setSlot(o, 17, out.consensusFixed);
    setSlot(o, 18, out.validatorTrustFixed);
    setSlot(o, 19, out.incentiveFixed);
    setSlot(o, 20, out.dividendsFixed);
    setSlot(o, 21, out.nse);
    setSlot(o, 22, out.nve);
    setSlot(o, 23, out.nce);
    writeCsr(o, 24, out.weightsNormalized);
    writeCsr(o, 27, out.weightsClipped);
    writeCsr(o, 30, out.weightsForBonds);
    writeCsr(o, 33, out.emaBonds);
    setSlot(o, MASK_REASONS, out.maskReasons);
  }
  return o;
}
