// Stake-weighted median (math.rs weighted_median) and its column form over a sparse matrix
// (weighted_median_col_sparse), which gives each miner's consensus weight.
// The partition walk, pivot choice and tie rules are the chain's; a sort-based median would
// differ on ties and boundaries.

import { Csr, getI64, setI64, vecI64 } from "./csr";
import { sz, alloc } from "../arena";
import { ONE, satAdd, satSub, safeDiv } from "../fixed/i32f32";

/**
 * weighted_median over the indices part[0..len) (u32), which it may reorder; scratch buffers
 * `lower` and `upper` hold len u32 each. stake and score are i64 vectors indexed by those indices.
 */
export function weightedMedian(
  stake: usize, score: usize, part: usize, len: i32,
  minority: i64, lo: i64, hi: i64, lower: usize, upper: usize,
): i64 {
  const limit = len;
  let iterations = 0;
  let cur = part;
  let curLen = len;
  while (true) {
    if (curLen == 0) return 0;
    if (curLen == 1) return getI64(score, load<u32>(cur));
    const pivot = getI64(score, load<u32>(cur + (<usize>(curLen >> 1) << 2)));
    let loStake: i64 = 0, hiStake: i64 = 0;
    let nl = 0, nu = 0;
    // branch-free partition (scores fall either side of the pivot at random): each index is
    // written to both lists and kept by advancing the side it belongs to; order is preserved
    for (let t = 0; t < curLen; t++) {
      const idx = load<u32>(cur + (<usize>t << 2));
      const s = getI64(score, idx);
      const st = getI64(stake, idx);
      const isLo = s < pivot, isHi = s > pivot;
      store<u32>(lower + (<usize>nl << 2), idx);
      store<u32>(upper + (<usize>nu << 2), idx);
      loStake = satAdd(loStake, select<i64>(st, 0, isLo));
      hiStake = satAdd(hiStake, select<i64>(st, 0, isHi));
      nl += <i32>isLo;
      nu += <i32>isHi;
    }
    if (minority < satAdd(lo, loStake) && nl > 0) {
      // continue in `lower`; the old current buffer becomes the new `lower` scratch
      const t = cur; cur = lower; lower = t; curLen = nl;
      hi = satAdd(lo, loStake);
    } else if (satSub(hi, hiStake) <= minority && nu > 0) {
      const t = cur; cur = upper; upper = t; curLen = nu;
      lo = satSub(hi, hiStake);
    } else {
      return pivot;
    }
    iterations++;
    if (iterations > limit) return 0;
  }
}

/**
 * weighted_median_col_sparse(stake, W, columns, majority) -> out[columns].
 * Only columns with at least one entry can have a non-zero median (an all-zero column returns
 * its pivot, 0), so the work is proportional to the entries plus one pass over the columns.
 */
export function weightedMedianColSparse(stake: usize, stakeLen: i32, w: Csr, columns: i32, majority: i64, out: usize): void {
  memory.fill(out, 0, <usize>columns << 3);
  // use_stake: the positive stakes in uid order, re-normalised with their plain sum
  const useStake = vecI64(stakeLen);
  let k = 0;
  for (let i = 0; i < stakeLen; i++) {
    const s = getI64(stake, i);
    if (s > 0) { setI64(useStake, k, s); k++; }
  }
  let sum: i64 = 0;
  for (let t = 0; t < k; t++) sum += getI64(useStake, t);
  if (sum != 0) for (let t = 0; t < k; t++) setI64(useStake, t, safeDiv(getI64(useStake, t), sum));
  let stakeSum: i64 = 0;
  for (let t = 0; t < k; t++) stakeSum += getI64(useStake, t);
  const minority = satSub(stakeSum, majority);
  if (k == 0) return;

  // Transpose the rows of positive-stake validators: per column, (validator rank, value) in
  // row order, so assigning them in sequence reproduces "later duplicates overwrite".
  const rows = stakeLen < w.rows ? stakeLen : w.rows;
  const counts = alloc(<usize>(columns + 1) << 2);
  memory.fill(counts, 0, <usize>(columns + 1) << 2);
  let total = 0;
  for (let i = 0; i < rows; i++) {
    if (getI64(stake, i) <= 0) continue;
    for (let e = w.rowStart(i), end = w.rowEnd(i); e < end; e++) {
      const c = w.colAt(e);
      if (c < columns) { store<u32>(counts + (<usize>(c + 1) << 2), load<u32>(counts + (<usize>(c + 1) << 2)) + 1); total++; }
    }
  }
  for (let c = 0; c < columns; c++) {
    store<u32>(counts + (<usize>(c + 1) << 2), load<u32>(counts + (<usize>(c + 1) << 2)) + load<u32>(counts + (<usize>c << 2)));
  }
  const fill = alloc(<usize>columns << 2);
  memory.copy(fill, counts, <usize>columns << 2);
  const tRank = alloc(sz(total) << 2);
  const tVal = alloc(sz(total) << 3);
  let rank = 0;
  let repeats = false; // a row naming a column twice (never in the epoch: stored rows are unique)
  for (let i = 0; i < rows; i++) {
    if (getI64(stake, i) <= 0) continue;
    for (let e = w.rowStart(i), end = w.rowEnd(i); e < end; e++) {
      const c = w.colAt(e);
      if (c < columns) {
        const at = load<u32>(fill + (<usize>c << 2));
        if (at > load<u32>(counts + (<usize>c << 2)) && load<u32>(tRank + (<usize>(at - 1) << 2)) == rank) repeats = true;
        store<u32>(tRank + (<usize>at << 2), rank);
        setI64(tVal, at, w.valAt(e));
        store<u32>(fill + (<usize>c << 2), at + 1);
      }
    }
    rank++;
  }

  // per column, the (score, stake) pairs of the validators in rank order: a template with every
  // score 0, then the column's entries written over it
  const template = alloc(<usize>k << 4);
  for (let t = 0; t < k; t++) {
    store<i64>(template + (<usize>t << 4), 0);
    store<i64>(template + (<usize>t << 4), getI64(useStake, t), 8);
  }
  const pairs = alloc(<usize>k << 4);
  const lower = alloc(<usize>k << 4);
  const upper = alloc(<usize>k << 4);
  // weightedMedianPairs sums stakes without saturating: true of stakes in [0, 1] (always, when the
  // stake vector is the epoch's normalised one; a caller's raw vector may break it)
  let unitStakes = k <= 65536;
  for (let t = 0; t < k; t++) { const x = getI64(useStake, t); if (x < 0 || x > ONE) unitStakes = false; }
  for (let c = 0; c < columns; c++) {
    const s = load<u32>(counts + (<usize>c << 2)), e = load<u32>(counts + (<usize>(c + 1) << 2));
    if (s == e) continue;
    if (unitStakes && <i32>(e - s) == k && !repeats) {
      // every validator weighs this column once, in rank order: the first partition reads the
      // column's values where they are, without writing its pairs first
      setI64(out, c, weightedMedianFullColumn(tVal + (<usize>s << 3), useStake, k, minority, stakeSum, pairs, lower, upper));
      continue;
    }
    if (<i32>(e - s) == k && !repeats) {
      // every validator weighs this column once, in rank order: each pair written, no template
      for (let t: u32 = 0; t < <u32>k; t++) {
        const at = pairs + (<usize>t << 4);
        store<i64>(at, getI64(tVal, s + t));
        store<i64>(at, getI64(useStake, t), 8);
      }
    } else {
      memory.copy(pairs, template, <usize>k << 4);
      for (let t = s; t < e; t++) store<i64>(pairs + (<usize>load<u32>(tRank + (<usize>t << 2)) << 4), getI64(tVal, t));
    }
    setI64(out, c, unitStakes
      ? weightedMedianPairs(pairs, k, minority, 0, stakeSum, lower, upper)
      : medianOfPairsSaturating(pairs, k, minority, stakeSum, lower, upper));
  }
}

/** weightedMedian (saturating sums) over the (score, stake) pairs, through index vectors. */
function medianOfPairsSaturating(pairs: usize, k: i32, minority: i64, stakeSum: i64, scratchA: usize, scratchB: usize): i64 {
  // scratchA/B hold k pairs (16 bytes each): room for the stake and score vectors, then the
  // three index vectors in the second
  const stake = scratchA, score = scratchA + (<usize>k << 3);
  const part = scratchB, lower = scratchB + (<usize>k << 2), upper = scratchB + (<usize>k << 3);
  for (let t = 0; t < k; t++) {
    setI64(score, t, load<i64>(pairs + (<usize>t << 4)));
    setI64(stake, t, load<i64>(pairs + (<usize>t << 4), 8));
    store<u32>(part + (<usize>t << 2), t);
  }
  return weightedMedian(stake, score, part, k, minority, 0, stakeSum, lower, upper);
}

/**
 * weightedMedian with part = 0 .. len over (score, stake) i64 pairs laid side by side at `cur`
 * (which it overwrites, with `lower` and `upper` of len pairs as scratch): the same walk, pivot
 * and tie rules, moving the values themselves instead of indices into two vectors. The stakes
 * must be I32F32 values in [0, 1] and len <= 65536 (the epoch's re-normalised positive stakes).
 */
export function weightedMedianPairs(cur: usize, len: i32, minority: i64, lo: i64, hi: i64, lower: usize, upper: usize): i64 {
  const limit = len;
  let iterations = 0;
  let curLen = len;
  while (true) {
    if (curLen == 0) return 0;
    if (curLen == 1) return load<i64>(cur);
    const pivot = load<i64>(cur + (<usize>(curLen >> 1) << 4));
    let loStake: i64 = 0, hiStake: i64 = 0;
    let nl = 0, nu = 0;
    for (let t = 0; t < curLen; t++) {
      const at = cur + (<usize>t << 4);
      const s = load<i64>(at), st = load<i64>(at, 8);
      const isLo = s < pivot, isHi = s > pivot;
      const l = lower + (<usize>nl << 4), u = upper + (<usize>nu << 4);
      store<i64>(l, s); store<i64>(l, st, 8);
      store<i64>(u, s); store<i64>(u, st, 8);
      // plain sums: the caller's stakes are in [0, 1] and at most 65536, so no sum of them
      // reaches 2^49 and the chain's saturating_add never saturates
      loStake += select<i64>(st, 0, isLo);
      hiStake += select<i64>(st, 0, isHi);
      nl += <i32>isLo;
      nu += <i32>isHi;
    }
    if (minority < satAdd(lo, loStake) && nl > 0) {
      const t = cur; cur = lower; lower = t; curLen = nl;
      hi = satAdd(lo, loStake);
    } else if (satSub(hi, hiStake) <= minority && nu > 0) {
      const t = cur; cur = upper; upper = t; curLen = nu;
      lo = satSub(hi, hiStake);
    } else {
      return pivot;
    }
    iterations++;
    if (iterations > limit) return 0;
  }
}

/**
 * weightedMedianPairs over the pairs (scores[t], stakes[t]), t < k, with its first partition
 * reading the two vectors where they are instead of a written copy of the pairs: the same walk,
 * pivot, order and sums, under the same conditions (stakes in [0, 1], k <= 65536).
 */
function weightedMedianFullColumn(
  scores: usize, stakes: usize, k: i32, minority: i64, stakeSum: i64, spare: usize, lower: usize, upper: usize,
): i64 {
  const pivot = getI64(scores, k >> 1);
  if (k == 1) return pivot;
  let loStake: i64 = 0, hiStake: i64 = 0;
  let nl = 0, nu = 0;
  for (let t = 0; t < k; t++) {
    const sc = getI64(scores, t), st = getI64(stakes, t);
    const isLo = sc < pivot, isHi = sc > pivot;
    const l = lower + (<usize>nl << 4), u = upper + (<usize>nu << 4);
    store<i64>(l, sc); store<i64>(l, st, 8);
    store<i64>(u, sc); store<i64>(u, st, 8);
    loStake += select<i64>(st, 0, isLo);
    hiStake += select<i64>(st, 0, isHi);
    nl += <i32>isLo;
    nu += <i32>isHi;
  }
  // the first step of weightedMedianPairs (lo = 0, hi = stakeSum); the walk goes on from the side taken
  if (minority < loStake && nl > 0) return weightedMedianPairs(lower, nl, minority, 0, loStake, spare, upper);
  const lo = satSub(stakeSum, hiStake);
  if (lo <= minority && nu > 0) return weightedMedianPairs(upper, nu, minority, lo, stakeSum, spare, lower);
  return pivot;
}
