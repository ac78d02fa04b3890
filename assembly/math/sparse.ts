// The sparse-matrix helpers of subtensor's epoch/math.rs, on CSR memory.
// Masks only drop entries, so they compact in place; everything keeps stored row order.
// Sums written `.sum()` in the chain wrap; accumulations written saturating_add saturate.

import { Csr, newCsr, getI64, setI64, vecI64 } from "./csr";
import { alloc } from "../arena";
import { ONE, satAdd, satSub, satMul, safeDiv, mulOrZero } from "../fixed/i32f32";

/** mask_rows_sparse: row i emptied when i >= maskLen or mask[i] (mask = u8 flags). */
export function maskRowsSparse(m: Csr, mask: usize, maskLen: i32): void {
  let w = 0;
  for (let i = 0; i < m.rows; i++) {
    const s = m.rowStart(i), e = m.rowEnd(i);
    store<u32>(m.start + (<usize>i << 2), w);
    const masked = i >= maskLen || load<u8>(mask + i) != 0;
    if (!masked) {
      for (let k = s; k < e; k++) {
        store<u32>(m.col + (<usize>w << 2), m.colAt(k));
        m.setVal(w, m.valAt(k));
        w++;
      }
    }
  }
  store<u32>(m.start + (<usize>m.rows << 2), w);
}

/** mask_diag_sparse / mask_diag_sparse_except_index (except < 0: no exception). */
export function maskDiagSparse(m: Csr, except: i32): void {
  let w = 0;
  for (let i = 0; i < m.rows; i++) {
    const s = m.rowStart(i), e = m.rowEnd(i);
    store<u32>(m.start + (<usize>i << 2), w);
    for (let k = s; k < e; k++) {
      const j = m.colAt(k);
      if (j != i || i == except) {
        store<u32>(m.col + (<usize>w << 2), j);
        m.setVal(w, m.valAt(k));
        w++;
      }
    }
  }
  store<u32>(m.start + (<usize>m.rows << 2), w);
}

/**
 * vec_mask_sparse_matrix with the two predicates the epoch uses: entry (i, j) is dropped when
 * first[i] <= second[j] (strict = false, "outdated") or first[i] < second[j] (strict = true,
 * commit-reveal). first[i] is 0 past firstLen, second[j] is 0 past secondLen.
 */
export function vecMaskSparse(m: Csr, first: usize, firstLen: i32, second: usize, secondLen: i32, strict: bool): void {
  vecMaskSparseOp(m, first, firstLen, second, secondLen, strict ? 1 : 0);
}

/** inplace_row_normalize_sparse: per row r = plain sum; if r > 0 every entry safe_div r. */
export function rowNormalizeSparse(m: Csr): void {
  for (let i = 0; i < m.rows; i++) {
    const s = m.rowStart(i), e = m.rowEnd(i);
    let r: i64 = 0;
    for (let k = s; k < e; k++) r += m.valAt(k);
    if (r > 0) for (let k = s; k < e; k++) m.setVal(k, safeDiv(m.valAt(k), r));
  }
}

/** row_sum_sparse: plain (wrapping) sum per row. */
export function rowSumSparse(m: Csr, out: usize): void {
  for (let i = 0; i < m.rows; i++) {
    let r: i64 = 0;
    for (let k = m.rowStart(i), e = m.rowEnd(i); k < e; k++) r += m.valAt(k);
    setI64(out, i, r);
  }
}

/** inplace_col_normalize_sparse: saturating column sums over j < columns, safe_div where non-zero. */
export function colNormalizeSparse(m: Csr, columns: i32): void {
  const sums = vecI64(columns);
  const nz = m.nnz();
  for (let k = 0; k < nz; k++) {
    const j = m.colAt(k);
    if (j < columns) setI64(sums, j, satAdd(getI64(sums, j), m.valAt(k)));
  }
  for (let k = 0; k < nz; k++) {
    const j = m.colAt(k);
    if (j < columns) {
      const d = getI64(sums, j);
      if (d != 0) m.setVal(k, safeDiv(m.valAt(k), d));
    }
  }
}

/** inplace_col_max_upscale_sparse: divide by the column maximum (max starts at 0). */
export function colMaxUpscaleSparse(m: Csr, columns: i32): void {
  const maxes = vecI64(columns);
  const nz = m.nnz();
  for (let k = 0; k < nz; k++) {
    const j = m.colAt(k);
    if (j < columns && getI64(maxes, j) < m.valAt(k)) setI64(maxes, j, m.valAt(k));
  }
  for (let k = 0; k < nz; k++) {
    const j = m.colAt(k);
    if (j < columns) {
      const d = getI64(maxes, j);
      if (d != 0) m.setVal(k, safeDiv(m.valAt(k), d));
    }
  }
}

/** col_clip_sparse: (j, w) -> (j, min(w, t_j)), dropped when clipped to t_j <= 0; t_j = 0 past len. */
export function colClipSparse(m: Csr, threshold: usize, thrLen: i32): Csr {
  const out = newCsr(m.rows, m.nnz());
  let w = 0;
  for (let i = 0; i < m.rows; i++) {
    for (let k = m.rowStart(i), e = m.rowEnd(i); k < e; k++) {
      const j = m.colAt(k);
      const v = m.valAt(k);
      const th: i64 = j < thrLen ? getI64(threshold, j) : 0;
      if (th < v) {
        if (th > 0) { store<u32>(out.col + (<usize>w << 2), j); out.setVal(w, th); w++; }
      } else {
        store<u32>(out.col + (<usize>w << 2), j); out.setVal(w, v); w++;
      }
    }
    store<u32>(out.start + (<usize>(i + 1) << 2), w);
  }
  return out;
}

/** matmul_sparse: out[j] = sat-sum over rows of v[i] sat* m_ij (v[i] = 0 past vLen), j < columns. */
export function matmulSparse(m: Csr, v: usize, vLen: i32, columns: i32, out: usize): void {
  memory.fill(out, 0, <usize>columns << 3);
  for (let i = 0; i < m.rows; i++) {
    const scale: i64 = i < vLen ? getI64(v, i) : 0;
    for (let k = m.rowStart(i), e = m.rowEnd(i); k < e; k++) {
      const j = m.colAt(k);
      if (j < columns) setI64(out, j, satAdd(getI64(out, j), satMul(scale, m.valAt(k))));
    }
  }
}

/** matmul_transpose_sparse: out[i] = sat-sum over row i of v[j] sat* m_ij (v[j] = 0 past vLen). */
export function matmulTransposeSparse(m: Csr, v: usize, vLen: i32, out: usize): void {
  for (let i = 0; i < m.rows; i++) {
    let acc: i64 = 0;
    for (let k = m.rowStart(i), e = m.rowEnd(i); k < e; k++) {
      const j = m.colAt(k);
      const x: i64 = j < vLen ? getI64(v, j) : 0;
      acc = satAdd(acc, satMul(x, m.valAt(k)));
    }
    setI64(out, i, acc);
  }
}

/** row_hadamard_sparse: entry (j, m_ij sat* v[i]); rows past vLen are cut off (returned row count). */
export function rowHadamardSparse(m: Csr, v: usize, vLen: i32): Csr {
  const rows = m.rows < vLen ? m.rows : vLen;
  const nz = m.rowStart(rows);
  const out = newCsr(rows, nz);
  memory.copy(out.start, m.start, <usize>(rows + 1) << 2);
  memory.copy(out.col, m.col, <usize>nz << 2);
  for (let i = 0; i < rows; i++) {
    const scale = getI64(v, i);
    for (let k = m.rowStart(i), e = m.rowEnd(i); k < e; k++) out.setVal(k, satMul(m.valAt(k), scale));
  }
  return out;
}

/**
 * mat_vec_mul_sparse then row_sum_sparse, fused: out[i] = plain sum of m_ij sat* v[j] over
 * entries with j < vLen (zero products are dropped by the chain, which leaves the sum unchanged).
 */
export function matVecMulRowSumSparse(m: Csr, v: usize, vLen: i32, out: usize): void {
  for (let i = 0; i < m.rows; i++) {
    let acc: i64 = 0;
    for (let k = m.rowStart(i), e = m.rowEnd(i); k < e; k++) {
      const j = m.colAt(k);
      if (j < vLen) acc += satMul(m.valAt(k), getI64(v, j));
    }
    setI64(out, i, acc);
  }
}

/** mat_vec_mul_sparse as its own matrix (for the math helper vectors). */
export function matVecMulSparse(m: Csr, v: usize, vLen: i32): Csr {
  const out = newCsr(m.rows, m.nnz());
  let w = 0;
  for (let i = 0; i < m.rows; i++) {
    for (let k = m.rowStart(i), e = m.rowEnd(i); k < e; k++) {
      const j = m.colAt(k);
      if (j < vLen) {
        const p = satMul(m.valAt(k), getI64(v, j));
        if (p != 0) { store<u32>(out.col + (<usize>w << 2), j); out.setVal(w, p); w++; }
      }
    }
    store<u32>(out.start + (<usize>(i + 1) << 2), w);
  }
  return out;
}

/** vec_mul: a_i checked_mul b_i, 0 on overflow. */
export function vecMul(a: usize, b: usize, n: i32, out: usize): void {
  for (let i = 0; i < n; i++) setI64(out, i, mulOrZero(getI64(a, i), getI64(b, i)));
}

// ---------------------------------------------------------------------------------------------
// Row-wise builders. The chain materialises dense rows of width n for interpolate_sparse and
// mat_ema_sparse (O(n^2) per epoch); here each row touches only the columns it has, then emits
// them in ascending order, which yields the same entries.

let dense: usize = 0;      // i64[columns] scratch, all zero between rows
let denseB: usize = 0;     // second i64[columns] scratch
let mark: usize = 0;       // u8[columns], 1 while a column is in `touched`
let touched: usize = 0;    // u32[] columns touched by the current row
let denseCap: i32 = -1;

export function prepareRowScratch(columns: i32): void {
  // the arena is reset between calls, so scratch is re-made per call
  dense = vecI64(columns);
  denseB = vecI64(columns);
  mark = alloc(<usize>columns);
  memory.fill(mark, 0, <usize>columns);
  touched = alloc(<usize>columns << 2);
  denseCap = columns;
}

// @ts-ignore: decorator
@inline function touch(j: i32, count: i32): i32 {
  if (load<u8>(mark + j) == 0) {
    store<u8>(mark + j, 1);
    store<u32>(touched + (<usize>count << 2), j);
    return count + 1;
  }
  return count;
}

/**
 * Sorts touched[0..count) ascending. Rows usually arrive sorted (validators submit ascending
 * uids), so an ordered list is detected first; a dense row is read back from the marks, which
 * costs one pass over its column span; short rows use insertion sort, long sparse ones heap sort.
 */
function sortTouched(count: i32): void {
  let sorted = true;
  let lo: u32 = u32.MAX_VALUE, hi: u32 = 0;
  for (let a = 0; a < count; a++) {
    const x = load<u32>(touched + (<usize>a << 2));
    if (a > 0 && x < load<u32>(touched + (<usize>(a - 1) << 2))) sorted = false;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (sorted) return;
  if (count >= 48 && <i32>(hi - lo) < count * 8) {
    let w = 0;
    for (let j = lo; j <= hi; j++) {
      if (load<u8>(mark + j) != 0) { store<u32>(touched + (<usize>w << 2), j); w++; }
    }
    return;
  }
  if (count < 48) {
    for (let a = 1; a < count; a++) {
      const x = load<u32>(touched + (<usize>a << 2));
      let b = a - 1;
      while (b >= 0 && load<u32>(touched + (<usize>b << 2)) > x) {
        store<u32>(touched + (<usize>(b + 1) << 2), load<u32>(touched + (<usize>b << 2)));
        b--;
      }
      store<u32>(touched + (<usize>(b + 1) << 2), x);
    }
    return;
  }
  // distinct keys: heap sort is fine (no stability needed)
  for (let start = (count >> 1) - 1; start >= 0; start--) siftDown(start, count);
  for (let end = count - 1; end > 0; end--) {
    const t = load<u32>(touched);
    store<u32>(touched, load<u32>(touched + (<usize>end << 2)));
    store<u32>(touched + (<usize>end << 2), t);
    siftDown(0, end);
  }
}

function siftDown(root: i32, end: i32): void {
  while (true) {
    let child = 2 * root + 1;
    if (child >= end) return;
    const c1 = load<u32>(touched + (<usize>child << 2));
    if (child + 1 < end && load<u32>(touched + (<usize>(child + 1) << 2)) > c1) child++;
    const r = load<u32>(touched + (<usize>root << 2));
    const c = load<u32>(touched + (<usize>child << 2));
    if (r >= c) return;
    store<u32>(touched + (<usize>root << 2), c);
    store<u32>(touched + (<usize>child << 2), r);
    root = child;
  }
}

/**
 * For a row whose columns strictly ascend: how many of its entries have columns < limit (the
 * ones the dense walks keep, a prefix); -1 when the row does not ascend.
 */
function ascendingPrefix(m: Csr, i: i32, limit: i32): i32 {
  const s = m.rowStart(i), e = m.rowEnd(i);
  let prev: i32 = -1, below = e - s;
  for (let k = s; k < e; k++) {
    const j = m.colAt(k);
    if (j <= prev) return -1;
    if (j >= limit && below == e - s) below = k - s;
    prev = j;
  }
  return below;
}

/** Writes entry w = (j, v, or v sat* f when `scale` is set), adds it to `sums` when set; returns w + 1. */
// @ts-ignore: decorator
@inline function emitScaled(out: Csr, w: i32, j: i32, v: i64, scale: usize, f: i64, sums: usize): i32 {
  const x = scale != 0 ? satMul(v, f) : v;
  store<u32>(out.col + (<usize>w << 2), j);
  out.setVal(w, x);
  if (sums != 0) setI64(sums, j, satAdd(getI64(sums, j), x));
  return w + 1;
}

/**
 * interpolate_sparse(a, b, columns, ratio): ratio 0 -> a, ratio 1 -> b (same objects: callers
 * treat the result as read-only), a row-count mismatch -> b; otherwise per row
 * v_j = a_j sat+ ratio sat* (b_j sat- a_j) over dense rows (later duplicates overwrite), kept when > 0.
 */
export function interpolateSparse(a: Csr, b: Csr, columns: i32, ratio: i64): Csr {
  if (ratio == 0) return a;
  if (ratio == ONE) return b;
  if (a.rows != b.rows) return b;
  return interpolateRows(a, b, columns, ratio, 0, a.rows, 0);
}

/**
 * interpolate_sparse's general case, each kept value v of row i emitted as v sat* scale[i] when
 * `scale` is not 0 (row_hadamard_sparse fused in: rows past `rows` are cut off, products of 0
 * kept, as the chain's helper does), with the saturating column sums of what is emitted in `sums`
 * when that is not 0.
 */
export function interpolateRows(a: Csr, b: Csr, columns: i32, ratio: i64, scale: usize, rows: i32, sums: usize): Csr {
  prepareRowScratch(columns);
  if (sums != 0) memory.fill(sums, 0, <usize>columns << 3);
  const out = newCsr(rows, a.nnz() + b.nnz());
  let w = 0;
  for (let i = 0; i < rows; i++) {
    const f: i64 = scale != 0 ? getI64(scale, i) : 0;
    const la = ascendingPrefix(a, i, columns), lb = la < 0 ? -1 : ascendingPrefix(b, i, columns);
    if (lb >= 0) {
      // both rows ascending: a merge visits the columns in the order the dense walk emits them
      let ka = a.rowStart(i), kb = b.rowStart(i);
      const ea = ka + la, eb = kb + lb;
      // the common stretch where both rows name the same columns, without the merge's branches
      while (ka < ea && kb < eb) {
        const j = a.colAt(ka);
        if (j != b.colAt(kb)) break;
        const v1 = a.valAt(ka), v = satAdd(v1, satMul(ratio, satSub(b.valAt(kb), v1)));
        ka++; kb++;
        if (v > 0) { w = emitScaled(out, w, j, v, scale, f, sums); }
      }
      while (ka < ea || kb < eb) {
        const ja = ka < ea ? a.colAt(ka) : i32.MAX_VALUE, jb = kb < eb ? b.colAt(kb) : i32.MAX_VALUE;
        let v1: i64 = 0, v2: i64 = 0, j = ja;
        if (ja <= jb) { v1 = a.valAt(ka); ka++; }
        if (jb <= ja) { v2 = b.valAt(kb); kb++; j = jb; }
        const v = satAdd(v1, satMul(ratio, satSub(v2, v1)));
        if (v > 0) { w = emitScaled(out, w, j, v, scale, f, sums); }
      }
      store<u32>(out.start + (<usize>(i + 1) << 2), w);
      continue;
    }
    let count = 0;
    for (let k = a.rowStart(i), e = a.rowEnd(i); k < e; k++) {
      const j = a.colAt(k);
      if (j < columns) { count = touch(j, count); setI64(dense, j, a.valAt(k)); }
    }
    for (let k = b.rowStart(i), e = b.rowEnd(i); k < e; k++) {
      const j = b.colAt(k);
      if (j < columns) { count = touch(j, count); setI64(denseB, j, b.valAt(k)); }
    }
    sortTouched(count);
    for (let t = 0; t < count; t++) {
      const j = <i32>load<u32>(touched + (<usize>t << 2));
      const v1 = getI64(dense, j), v2 = getI64(denseB, j);
      const v = satAdd(v1, satMul(ratio, satSub(v2, v1)));
      if (v > 0) { w = emitScaled(out, w, j, v, scale, f, sums); }
      setI64(dense, j, 0); setI64(denseB, j, 0); store<u8>(mark + j, 0);
    }
    store<u32>(out.start + (<usize>(i + 1) << 2), w);
  }
  return out;
}

/**
 * mat_ema_sparse(new, old, alpha): per row, acc_j = sat-sum of alpha*new_ij then (1-alpha)*old_ij
 * over j < rows(new) (the chain assumes a square matrix), kept when > 0, columns ascending.
 */
export function matEmaSparse(nw: Csr, old: Csr, alpha: i64): Csr {
  return matEmaSparseScaled(nw, 0, old, 0, alpha, 0);
}

/** An entry as inplace_col_normalize_sparse leaves it: divided by its column's sum unless that is 0. */
// @ts-ignore: decorator
@inline function scaled(v: i64, sums: usize, j: i32): i64 {
  if (sums == 0) return v;
  const d = getI64(sums, j);
  return d != 0 ? safeDiv(v, d) : v;
}

/** An entry of the EMA's new matrix: times its row's factor first when `scaleRows` (row_hadamard). */
// @ts-ignore: decorator
@inline function rowScaled(v: i64, scaleRows: bool, f: i64): i64 {
  return scaleRows ? satMul(v, f) : v;
}

/**
 * matEmaSparse on column-normalised inputs without writing them: `nwSums` / `oldSums` (when not 0)
 * are the column sums inplace_col_normalize_sparse(_, rows(new)) would divide each input by (only
 * columns < rows(new) are read, as the EMA ignores the rest), and `outSums` (when not 0) receives
 * the saturating column sums of the result, what the next column normalisation divides by.
 * matEmaSparseRowScaled takes row_hadamard_sparse(nw, rowScale) for the new matrix, each entry
 * multiplied as it is read (`nwSums` are then that product's column sums).
 */
export function matEmaSparseScaled(nw: Csr, nwSums: usize, old: Csr, oldSums: usize, alpha: i64, outSums: usize): Csr {
  return matEmaScaledRows(nw, nwSums, old, oldSums, alpha, outSums, false, 0);
}

/** matEmaSparseScaled of row_hadamard_sparse(nw, rowScale) (i64[rows(new)]), multiplied as read. */
export function matEmaSparseRowScaled(nw: Csr, nwSums: usize, old: Csr, oldSums: usize, alpha: i64, outSums: usize, rowScale: usize): Csr {
  return matEmaScaledRows(nw, nwSums, old, oldSums, alpha, outSums, true, rowScale);
}

// one body for both (the EMA is the largest kernel: two inlined copies cost 3.4 KB of wasm);
// `scaleRows` is tested per entry, a branch that always goes the same way
function matEmaScaledRows(nw: Csr, nwSums: usize, old: Csr, oldSums: usize, alpha: i64, outSums: usize, scaleRows: bool, rowScale: usize): Csr {
  const n = nw.rows;
  const oneMinus = satSub(ONE, alpha);
  prepareRowScratch(n);
  if (outSums != 0) memory.fill(outSums, 0, <usize>n << 3);
  const out = newCsr(n, nw.nnz() + old.nnz());
  let w = 0;
  for (let i = 0; i < n; i++) {
    const f: i64 = scaleRows ? getI64(rowScale, i) : 0;
    const la = ascendingPrefix(nw, i, n), lb = la < 0 ? -1 : (i < old.rows ? ascendingPrefix(old, i, n) : 0);
    if (lb >= 0) {
      // both rows ascending: merged in column order, the order the dense accumulation emits
      let ka = nw.rowStart(i), kb = i < old.rows ? old.rowStart(i) : 0;
      const ea = ka + la, eb = kb + lb;
      // the common stretch where both rows name the same columns, without the merge's branches
      while (ka < ea && kb < eb) {
        const j = nw.colAt(ka);
        if (j != old.colAt(kb)) break;
        const v = satAdd(satMul(alpha, scaled(rowScaled(nw.valAt(ka), scaleRows, f), nwSums, j)), satMul(oneMinus, scaled(old.valAt(kb), oldSums, j)));
        ka++; kb++;
        if (v > 0) {
          store<u32>(out.col + (<usize>w << 2), j); out.setVal(w, v); w++;
          if (outSums != 0) setI64(outSums, j, satAdd(getI64(outSums, j), v));
        }
      }
      while (ka < ea || kb < eb) {
        const ja = ka < ea ? nw.colAt(ka) : i32.MAX_VALUE, jb = kb < eb ? old.colAt(kb) : i32.MAX_VALUE;
        let v: i64, j: i32;
        if (ja < jb) { j = ja; v = satMul(alpha, scaled(rowScaled(nw.valAt(ka), scaleRows, f), nwSums, j)); ka++; }
        else if (jb < ja) { j = jb; v = satMul(oneMinus, scaled(old.valAt(kb), oldSums, j)); kb++; }
        else {
          j = ja;
          v = satAdd(satMul(alpha, scaled(rowScaled(nw.valAt(ka), scaleRows, f), nwSums, j)), satMul(oneMinus, scaled(old.valAt(kb), oldSums, j)));
          ka++; kb++;
        }
        if (v > 0) {
          store<u32>(out.col + (<usize>w << 2), j); out.setVal(w, v); w++;
          if (outSums != 0) setI64(outSums, j, satAdd(getI64(outSums, j), v));
        }
      }
      store<u32>(out.start + (<usize>(i + 1) << 2), w);
      continue;
    }
    let count = 0;
    for (let k = nw.rowStart(i), e = nw.rowEnd(i); k < e; k++) {
      const j = nw.colAt(k);
      if (j < n) { count = touch(j, count); setI64(dense, j, satAdd(getI64(dense, j), satMul(alpha, scaled(rowScaled(nw.valAt(k), scaleRows, f), nwSums, j)))); }
    }
    if (i < old.rows) {
      for (let k = old.rowStart(i), e = old.rowEnd(i); k < e; k++) {
        const j = old.colAt(k);
        if (j < n) { count = touch(j, count); setI64(dense, j, satAdd(getI64(dense, j), satMul(oneMinus, scaled(old.valAt(k), oldSums, j)))); }
      }
    }
    sortTouched(count);
    for (let t = 0; t < count; t++) {
      const j = <i32>load<u32>(touched + (<usize>t << 2));
      const v = getI64(dense, j);
      if (v > 0) {
        store<u32>(out.col + (<usize>w << 2), j); out.setVal(w, v); w++;
        if (outSums != 0) setI64(outSums, j, satAdd(getI64(outSums, j), v));
      }
      setI64(dense, j, 0); store<u8>(mark + j, 0);
    }
    store<u32>(out.start + (<usize>(i + 1) << 2), w);
  }
  return out;
}

/** Scratch accessors for the liquid-alpha EMA, which shares the dense row buffers. */
export function scratchDense(): usize { return dense; }
export function scratchDenseB(): usize { return denseB; }
export function scratchMark(): usize { return mark; }
export function scratchCap(): i32 { return denseCap; }

/**
 * vec_mask_sparse_matrix with any of the comparison predicates (op: 0 a<=b, 1 a<b, 2 a==b,
 * 3 a>b, 4 a>=b, 5 a!=b) of first[i] (0 past firstLen) and second[j] (0 past secondLen):
 * an entry is dropped when the predicate holds.
 */
export function vecMaskSparseOp(m: Csr, first: usize, firstLen: i32, second: usize, secondLen: i32, op: i32): void {
  let w = 0;
  for (let i = 0; i < m.rows; i++) {
    const s = m.rowStart(i), e = m.rowEnd(i);
    store<u32>(m.start + (<usize>i << 2), w);
    const a: u64 = i < firstLen ? load<u64>(first + (<usize>i << 3)) : 0;
    for (let k = s; k < e; k++) {
      const j = m.colAt(k);
      const b: u64 = j < secondLen ? load<u64>(second + (<usize>j << 3)) : 0;
      let drop: bool;
      switch (op) {
        case 0: drop = a <= b; break;
        case 1: drop = a < b; break;
        case 2: drop = a == b; break;
        case 3: drop = a > b; break;
        case 4: drop = a >= b; break;
        default: drop = a != b;
      }
      if (!drop) {
        store<u32>(m.col + (<usize>w << 2), j);
        m.setVal(w, m.valAt(k));
        w++;
      }
    }
  }
  store<u32>(m.start + (<usize>m.rows << 2), w);
}
