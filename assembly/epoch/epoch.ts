// The Yuma Consensus epoch as the chain runs it: run_epoch.rs epoch_mechanism (the sparse,
// on-chain path) for one mechanism. Inputs and outputs are flat memory (see abi/epoch.ts);
// the step letters follow the specification (A activity, S stake, W weights, C consensus,
// B bonds, E emission).

import { Csr, newCsr, getI64, setI64, vecI64 } from "../math/csr";
import { sz, alloc } from "../arena";
import { ONE, satSub, proportionToU16, u16Proportion, mulOrZero, safeDiv } from "../fixed/i32f32";
import { rHi, rLo, rOverflow, divFixed, i64f64ToI32f32 } from "../fixed/i128";
import {
  maskRowsSparse, maskDiagSparse, vecMaskSparse, rowNormalizeSparse, interpolateSparse, matEmaSparseScaled, matEmaSparseRowScaled,
} from "../math/sparse";
import {
  maskWeightsRowNormalize, colClipRowSumMatmul, colClipRowSumMatmulInputSums, scalarMaskColSums, rowHadamardColSums, interpolateHadamardColSums,
  colNormalizeMatmulTransposeMax, colMaxUpscaleWith, colNormalizedMatVecRowSum, u16ProportionScalarMask,
} from "../math/sparse_fused";
import { weightedMedianColSparse } from "../math/median";
import { normalize, maskVector } from "../math/vector";
import { steepnessFactor } from "../math/sigmoid";
import { emaLiquidAlpha } from "./liquid_alpha";
import { stakeStep } from "./stake";
import { activityStep } from "./activity";
import { splitEmission } from "./emission_split";
import { MaskTrace, NO_VALIDATOR_PERMIT, SELF_WEIGHT, OUTDATED, COMMIT_REVEAL } from "./mask_trace";

/** Everything the epoch reads (chain storage), already laid out in memory. */
export class EpochInput {
  n: i32 = 0;
  currentBlock: u64 = 0;
  tempo: u64 = 0;
  activityCutoff: u64 = 0;
  lastMechanismStepBlock: u64 = 0;
  taoWeight: u64 = 0;
  stakeThreshold: u64 = 0;
  ownerUid: i32 = -1;
  maxAllowedValidators: i32 = 0;
  kappa: u32 = 0;
  bondsPenalty: u32 = 0;
  bondsMovingAverage: u64 = 0;
  liquidAlpha: bool = false;
  alphaLow: u32 = 0;
  alphaHigh: u32 = 0;
  steepness: i32 = 0;
  yuma3: bool = false;
  commitReveal: bool = false;
  raoEmission: u64 = 0;
  trace: bool = false;
  alphaStake: usize = 0;      // u64[n]
  taoStake: usize = 0;        // u64[n]
  permit: usize = 0;          // u8[permitLen]
  permitLen: i32 = 0;
  lastUpdate: usize = 0;      // u64[lastUpdateLen], lastUpdateLen >= n (zero-padded by the host)
  lastUpdateLen: i32 = 0;
  registration: usize = 0;    // u64[n]
  weights: Csr = changetype<Csr>(0);  // n rows, stored order, columns < n
  bonds: Csr = changetype<Csr>(0);    // n rows, stored order, raw u16 values as integers
  commitBlocks: usize = 0;    // u64[n] (u64::MAX = no live commit) or 0 when absent
}

/** What the epoch writes. Vectors are n long; `bonds` values are already u16. */
export class EpochOutput {
  stake: usize = 0;            // u64
  stakeWeight: usize = 0;      // u16
  active: usize = 0;           // u8
  newPermit: usize = 0;        // u8
  consensus: usize = 0;        // u16
  incentive: usize = 0;        // u16
  dividends: usize = 0;        // u16
  validatorTrust: usize = 0;   // u16
  emission: usize = 0;         // u64
  serverEmission: usize = 0;   // u64
  validatorEmission: usize = 0;// u64
  bondStart: usize = 0;        // u32[n + 1]: row i's bonds are entries bondStart[i] .. bondStart[i+1]
  bondCols: usize = 0;         // u16[nnz] (uids; the host hands them out as they are)
  bondValues: usize = 0;       // u16[nnz]
  // trace (I32F32 bits unless noted)
  totalStake: usize = 0;       // i128 pairs (I64F64)
  stakeFixed: usize = 0;
  activeStake: usize = 0;
  consensusFixed: usize = 0;
  validatorTrustFixed: usize = 0;
  incentiveFixed: usize = 0;
  dividendsFixed: usize = 0;
  nse: usize = 0;
  nve: usize = 0;
  nce: usize = 0;
  weightsNormalized: Csr = changetype<Csr>(0);
  weightsClipped: Csr = changetype<Csr>(0);
  weightsForBonds: Csr = changetype<Csr>(0);
  emaBonds: Csr = changetype<Csr>(0);
  maskReasons: usize = 0;      // u8 per submitted weight entry (see mask_trace.ts)
}



/**
 * EMA coefficient of the classic path: 1 sat- saturating_from_num(I64F64(bma) safe_div 1e6).
 * With `wrapping` (Yuma3 without liquid alpha): from_num conversions that wrap, saturating_div.
 */
export function emaAlpha(bma: u64, wrapping: bool): i64 {
  let xh: u64, xl: u64;
  if (wrapping) { xh = bma; xl = 0; }
  else if (bma > 0x7fffffffffffffff) { xh = 0x7fffffffffffffff; xl = 0xffffffffffffffff; }
  else { xh = bma; xl = 0; }
  divFixed(xh, xl, 1000000, 0, 64);
  let qh = rHi, ql = rLo;
  if (rOverflow) {
    if (wrapping) { // saturating_div: MAX or MIN by sign
      if (<i64>xh < 0) { qh = 0x8000000000000000; ql = 0; } else { qh = 0x7fffffffffffffff; ql = 0xffffffffffffffff; }
    } else { qh = 0; ql = 0; } // safe_div
  }
  const b32 = wrapping ? <i64>((qh << 32) | (ql >> 32)) : i64f64ToI32f32(qh, ql);
  return satSub(ONE, b32);
}

export function runEpoch(inp: EpochInput, out: EpochOutput): void {
  const n = inp.n;

  // A: activity
  const inactive = activityStep(inp, n, out);

  // S: stake, permits, active stake
  const st = stakeStep(n, inp.alphaStake, inp.taoStake, inp.taoWeight, inp.stakeThreshold, inp.ownerUid,
    inp.permit, inp.permitLen, inp.maxAllowedValidators, out);
  const total = st.total, stake = st.stake, forbids = st.forbids;
  const permitLen = inp.permitLen;

  const activeStake = vecI64(n);
  memory.copy(activeStake, stake, <usize>n << 3);
  maskVector(inactive, inp.lastUpdateLen, activeStake, n);
  maskVector(forbids, permitLen, activeStake, n);
  normalize(activeStake, n);

  // W: weights
  const w = inp.weights;
  const commits = inp.commitReveal && inp.commitBlocks != 0 ? inp.commitBlocks : 0;
  if (!inp.trace) {
    maskWeightsRowNormalize(w, forbids, permitLen, inp.ownerUid, inp.lastUpdate, inp.lastUpdateLen, inp.registration, n, commits, n);
  } else {
    maskWeightsTraced(w, inp, forbids, permitLen, n, out);
    rowNormalizeSparse(w);
  }
  runConsensusAndBonds(inp, out, n, w, stake, total, activeStake);
}

/** The weight masks one by one, recording which mask removed each submitted entry (the trace). */
function maskWeightsTraced(w: Csr, inp: EpochInput, forbids: usize, permitLen: i32, n: i32, out: EpochOutput): void {
  const why = new MaskTrace(w);
  why.before(w);
  maskRowsSparse(w, forbids, permitLen);
  why.after(w, NO_VALIDATOR_PERMIT); why.before(w);
  maskDiagSparse(w, inp.ownerUid);
  why.after(w, SELF_WEIGHT); why.before(w);
  vecMaskSparse(w, inp.lastUpdate, inp.lastUpdateLen, inp.registration, n, false);
  why.after(w, OUTDATED);
  if (inp.commitReveal && inp.commitBlocks != 0) {
    why.before(w);
    vecMaskSparse(w, inp.commitBlocks, n, inp.registration, n, true);
    why.after(w, COMMIT_REVEAL);
  }
  out.maskReasons = why.reason;
}

/** Steps C (consensus, clipping, trust, incentive), B (bonds, dividends), E and the outputs. */
function runConsensusAndBonds(inp: EpochInput, out: EpochOutput, n: i32, w: Csr, stake: usize, total: usize, activeStake: usize): void {
  // C: consensus, clipping, validator trust, incentive
  const kappa = u16Proportion(inp.kappa);
  const consensus = vecI64(n);
  weightedMedianColSparse(activeStake, n, w, n, kappa, consensus);
  const validatorTrust = vecI64(n);
  const incentive = vecI64(n);
  // The classic bond delta row_hadamard(W_b, active stake) with W_b = W (penalty 0) or the clipped
  // W (penalty 1) is never written: the EMA multiplies each entry as it reads it. Its column sums
  // are those the clipping pass takes of stake_i sat* w_ij (penalty 0), or of stake_i sat*
  // clipped_ij, which are the incentive before its normalisation (penalty 1).
  const penalty = u16Proportion(inp.bondsPenalty);
  const hadamardOnRead = !inp.yuma3 && !inp.trace && (penalty == 0 || penalty == ONE);
  const deltaSums: usize = inp.yuma3 ? 0 : vecI64(n);
  // col_clip_sparse, row_sum_sparse (validator trust) and matmul_sparse (incentive) in one pass
  const clipped = hadamardOnRead && penalty == 0
    ? colClipRowSumMatmulInputSums(w, consensus, n, activeStake, n, n, validatorTrust, incentive, deltaSums)
    : colClipRowSumMatmul(w, consensus, n, activeStake, n, n, validatorTrust, incentive);
  if (hadamardOnRead && penalty == ONE) memory.copy(deltaSums, incentive, <usize>n << 3);
  normalize(incentive, n);

  // B: bonds and dividends
  // the classic path without the trace never needs W_b itself, only its product with the stake
  const weightsForBonds = inp.yuma3 || inp.trace ? interpolateSparse(w, clipped, n, penalty) : w;
  const lastTempo: u64 = inp.lastMechanismStepBlock == 0
    ? (inp.currentBlock > inp.tempo ? inp.currentBlock - inp.tempo : 0)
    : (inp.lastMechanismStepBlock == u64.MAX_VALUE ? u64.MAX_VALUE : inp.lastMechanismStepBlock + 1);
  const dividends = vecI64(n);
  let ema: Csr;
  const bonds = inp.bonds;
  let emaSums: usize = 0, emaMax: usize = 0;
  if (inp.yuma3) {
    u16ProportionScalarMask(bonds, lastTempo, inp.registration, n);
    let anyConsensus = false;
    for (let j = 0; j < n; j++) if (getI64(consensus, j) != 0) { anyConsensus = true; break; }
    if (inp.liquidAlpha && n > 0 && anyConsensus) {
      ema = emaLiquidAlpha(weightsForBonds, bonds, consensus, n,
        u16Proportion(inp.alphaLow), u16Proportion(inp.alphaHigh), steepnessFactor(inp.steepness));
    } else {
      emaSums = vecI64(n);
      ema = matEmaSparseScaled(weightsForBonds, 0, bonds, 0, emaAlpha(inp.bondsMovingAverage, true), emaSums);
    }
    // the column-normalised EMA times incentive, row-summed, without copying the EMA
    const tbpv = vecI64(n);
    colNormalizedMatVecRowSum(ema, n, emaSums, incentive, n, tbpv);
    const rows = ema.rows < n ? ema.rows : n;
    for (let i = 0; i < rows; i++) setI64(dividends, i, mulOrZero(getI64(tbpv, i), getI64(activeStake, i)));
    normalize(dividends, n);
  } else {
    // masked bonds and row_hadamard(W_b, active stake) are column-normalised on the fly by the EMA,
    // whose own normalisation, dividends and column maxima take one more pass
    const bondSums = vecI64(n);
    emaSums = vecI64(n); emaMax = vecI64(n);
    scalarMaskColSums(bonds, lastTempo, inp.registration, n, n, bondSums);
    const alpha = emaAlpha(inp.bondsMovingAverage, false);
    if (hadamardOnRead) {
      ema = matEmaSparseRowScaled(penalty == 0 ? w : clipped, deltaSums, bonds, bondSums, alpha, emaSums, activeStake);
    } else {
      const delta = inp.trace
        ? rowHadamardColSums(weightsForBonds, activeStake, n, n, deltaSums)
        : interpolateHadamardColSums(w, clipped, n, penalty, activeStake, n, deltaSums);
      ema = matEmaSparseScaled(delta, deltaSums, bonds, bondSums, alpha, emaSums);
    }
    colNormalizeMatmulTransposeMax(ema, n, emaSums, incentive, n, dividends, emaMax);
    normalize(dividends, n);
    // the trace shows the upscaled EMA; otherwise the upscaling is done on the bond rows written below
    if (inp.trace) { colMaxUpscaleWith(ema, n, emaMax); emaMax = 0; }
  }

  // E: emission split and the u16 outputs
  splitEmission(n, inp.raoEmission, stake, activeStake, consensus, validatorTrust, incentive, dividends, out, inp.trace);

  // bond rows: the EMA row for uids with a new permit, empty otherwise (classic: each entry
  // col-max-upscaled here when not done above, only for the rows that are written)
  const bondStart = alloc(<usize>(n + 1) << 2);
  const bondCols = alloc(sz(ema.nnz()) << 1);
  const bondU16 = alloc(sz(ema.nnz()) << 1);
  store<u32>(bondStart, 0);
  let wpos = 0;
  for (let i = 0; i < n; i++) {
    if (load<u8>(out.newPermit + i) != 0 && i < ema.rows) {
      for (let k = ema.rowStart(i), e = ema.rowEnd(i); k < e; k++) {
        const j = ema.colAt(k);
        let v = ema.valAt(k);
        if (emaMax != 0 && j < n) { const d = getI64(emaMax, j); if (d != 0) v = safeDiv(v, d); }
        store<u16>(bondCols + (<usize>wpos << 1), <u16>j);
        store<u16>(bondU16 + (<usize>wpos << 1), <u16>proportionToU16(v));
        wpos++;
      }
    }
    store<u32>(bondStart + (<usize>(i + 1) << 2), wpos);
  }
  out.bondStart = bondStart;
  out.bondCols = bondCols;
  out.bondValues = bondU16;

  if (inp.trace) {
    out.totalStake = total;
    out.stakeFixed = stake;
    out.activeStake = activeStake;
    out.consensusFixed = consensus;
    out.validatorTrustFixed = validatorTrust;
    out.incentiveFixed = incentive;
    out.dividendsFixed = dividends;
    out.weightsNormalized = w;
    out.weightsClipped = clipped;
    out.weightsForBonds = weightsForBonds;
    out.emaBonds = ema;
  }
}
