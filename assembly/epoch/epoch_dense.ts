// run_epoch.rs epoch_dense_mechanism: the same Yuma Consensus on dense n x n matrices, kept by the
// chain for tests. It differs from the sparse path (epoch.ts) where the chain's code differs
// (yuma.md §5): the stake threshold applies to the owner too and no permit is forced for it; the
// whole diagonal is masked (owner self-weight included); no commit-reveal mask; liquid alpha uses
// the dense mat_ema_alpha (bonds of columns without weight decay instead of vanishing); bond rows
// are full length-n rows for new permits, [] for lost permits and untouched otherwise.

import { Csr, newCsr, getI64, setI64, vecI64 } from "../math/csr";
import { sz, alloc } from "../arena";
import { proportionToU16, u16Proportion, mulOrZero } from "../fixed/i32f32";
import { normalize, maskVector } from "../math/vector";
import {
  Dense, newDense, cloneDense, rowNormalize, colNormalize, colMaxUpscale, maskMatrix, maskRows, maskCols,
  maskDiag, maskDiagExceptIndex, rowHadamard, rowSum, matmul, matmulTranspose, matVecMul, colClip,
  weightedMedianCol, interpolate, matEma, matEmaAlpha,
} from "../math/dense";
import { alphaSigmoid, steepnessFactor } from "../math/sigmoid";
import { stakeStep } from "./stake";
import { activityStep } from "./activity";
import { splitEmission } from "./emission_split";
import { EpochInput, EpochOutput, emaAlpha } from "./epoch";

/** A stored sparse matrix laid out dense: later duplicates overwrite, columns >= n are dropped. */
function densify(m: Csr, n: i32, proportion: bool): Dense {
  const d = newDense(n, n);
  const rows = m.rows < n ? m.rows : n;
  for (let i = 0; i < rows; i++) {
    for (let k = m.rowStart(i), e = m.rowEnd(i); k < e; k++) {
      const j = m.colAt(k);
      if (j >= n) continue;
      const v = m.valAt(k);
      d.set(i, j, proportion ? u16Proportion(<u32>(v >> 32)) : v);
    }
  }
  return d;
}


export function runEpochDense(inp: EpochInput, out: EpochOutput): void {
  const n = inp.n;

  // A: activity, the outdated mask (a full matrix here) and recently registered columns
  const luLen = inp.lastUpdateLen;
  const inactive = activityStep(inp, n, out);
  const outdated = alloc(sz(luLen * n));
  for (let i = 0; i < luLen; i++) {
    const lu = load<u64>(inp.lastUpdate + (<usize>i << 3));
    for (let j = 0; j < n; j++) {
      store<u8>(outdated + <usize>i * <usize>n + j, lu <= load<u64>(inp.registration + (<usize>j << 3)) ? 1 : 0);
    }
  }
  const lastTempo: u64 = inp.lastMechanismStepBlock == 0
    ? (inp.currentBlock > inp.tempo ? inp.currentBlock - inp.tempo : 0)
    : (inp.lastMechanismStepBlock == u64.MAX_VALUE ? u64.MAX_VALUE : inp.lastMechanismStepBlock + 1);
  const recent = alloc(sz(n));
  for (let j = 0; j < n; j++) store<u8>(recent + j, lastTempo <= load<u64>(inp.registration + (<usize>j << 3)) ? 1 : 0);

  // S: stake (the threshold applies to every uid, the owner included), permits as stored
  const st = stakeStep(n, inp.alphaStake, inp.taoStake, inp.taoWeight, inp.stakeThreshold, -1,
    inp.permit, inp.permitLen, inp.maxAllowedValidators, out);
  const stake = st.stake, forbids = st.forbids;
  const permitLen = inp.permitLen;

  const activeStake = vecI64(n);
  memory.copy(activeStake, stake, <usize>n << 3);
  maskVector(inactive, luLen, activeStake, n);
  maskVector(forbids, permitLen, activeStake, n);
  normalize(activeStake, n);

  // W: weights
  const w = densify(inp.weights, n, false);
  maskRows(forbids, permitLen, w);
  if (inp.ownerUid >= 0) maskDiagExceptIndex(w, inp.ownerUid); else maskDiag(w);
  maskDiag(w); // the chain masks the diagonal a second time, owner included
  maskMatrix(outdated, luLen, n, w);
  rowNormalize(w);

  // C: consensus, clipping, validator trust, incentive
  const consensus = vecI64(n);
  weightedMedianCol(activeStake, n, w, u16Proportion(inp.kappa), consensus);
  const clipped = cloneDense(w);
  colClip(clipped, consensus, n);
  const validatorTrust = vecI64(n);
  rowSum(clipped, validatorTrust);
  const incentive = vecI64(n);
  matmul(clipped, activeStake, n, incentive);
  normalize(incentive, n);

  // B: bonds and dividends
  const wb = interpolate(w, clipped, u16Proportion(inp.bondsPenalty));
  const dividends = vecI64(n);
  let ema: Dense;
  if (inp.yuma3) {
    const bonds = densify(inp.bonds, n, true);
    maskCols(recent, n, bonds);
    let anyConsensus = false;
    for (let j = 0; j < n; j++) if (getI64(consensus, j) != 0) { anyConsensus = true; break; }
    if (inp.liquidAlpha && n > 0 && anyConsensus) {
      const low = u16Proportion(inp.alphaLow), high = u16Proportion(inp.alphaHigh);
      const steep = steepnessFactor(inp.steepness);
      const alphas = newDense(n, n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) alphas.set(i, j, alphaSigmoid(getI64(consensus, j), wb.at(i, j), bonds.at(i, j), low, high, steep));
      }
      ema = matEmaAlpha(wb, bonds, alphas);
    } else {
      ema = matEma(wb, bonds, emaAlpha(inp.bondsMovingAverage, true));
    }
    const emaNorm = cloneDense(ema);
    colNormalize(emaNorm);
    const products = matVecMul(emaNorm, incentive, n);
    const tbpv = vecI64(products.rows);
    const len = rowSum(products, tbpv);
    const k = len < n ? len : n;
    for (let i = 0; i < k; i++) setI64(dividends, i, mulOrZero(getI64(tbpv, i), getI64(activeStake, i)));
    normalize(dividends, n);
  } else {
    const bonds = densify(inp.bonds, n, false);
    maskCols(recent, n, bonds);
    colNormalize(bonds);
    const delta = rowHadamard(wb, activeStake, n);
    colNormalize(delta);
    ema = matEma(delta, bonds, emaAlpha(inp.bondsMovingAverage, false));
    colNormalize(ema);
    matmulTranspose(ema, incentive, n, dividends);
    normalize(dividends, n);
    colMaxUpscale(ema);
  }

  // E: emission split and the u16 outputs
  splitEmission(n, inp.raoEmission, stake, activeStake, consensus, validatorTrust, incentive, dividends, out, inp.trace);

  // O: bond rows, walked as the chain zips new permits, old permits and EMA rows: a new permit
  // writes the whole EMA row (zeros included), a lost permit writes [], anything else (and every
  // uid past the shortest of the three) keeps its stored row.
  const walk = min(min(n, permitLen), ema.rows);
  let cap = inp.bonds.nnz();
  for (let i = 0; i < walk; i++) if (load<u8>(out.newPermit + i) != 0) cap += ema.cols < n ? ema.cols : n;
  const bondStart = alloc(<usize>(n + 1) << 2);
  const bondCols = alloc(sz(cap) << 1);
  const bondU16 = alloc(sz(cap) << 1);
  store<u32>(bondStart, 0);
  let wpos = 0;
  for (let i = 0; i < n; i++) {
    if (i < walk && load<u8>(out.newPermit + i) != 0) {
      const width = ema.cols < n ? ema.cols : n;
      for (let j = 0; j < width; j++) {
        store<u16>(bondCols + (<usize>wpos << 1), <u16>j);
        store<u16>(bondU16 + (<usize>wpos << 1), <u16>proportionToU16(ema.at(i, j)));
        wpos++;
      }
    } else if (!(i < walk && load<u8>(inp.permit + i) != 0)) {
      const b = inp.bonds;
      if (i < b.rows) {
        for (let k = b.rowStart(i), e = b.rowEnd(i); k < e; k++) {
          store<u16>(bondCols + (<usize>wpos << 1), <u16>b.colAt(k));
          store<u16>(bondU16 + (<usize>wpos << 1), <u16>(b.valAt(k) >> 32));
          wpos++;
        }
      }
    }
    store<u32>(bondStart + (<usize>(i + 1) << 2), wpos);
  }
  out.bondStart = bondStart;
  out.bondCols = bondCols;
  out.bondValues = bondU16;
}
