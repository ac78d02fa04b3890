// The only place that knows how inputs and outputs sit in linear memory on the wasm side.
// A header is an array of u64 slots; pointers are byte offsets into this module's memory.
// Sparse matrices cross as CSR: rowStart u32[rows+1], col u16[nnz], val u16[nnz].

import { Csr, newCsr } from "../math/csr";
import { Dense } from "../math/dense";

// @ts-ignore: decorator
@inline export function slot(h: usize, i: i32): u64 { return load<u64>(h + (<usize>i << 3)); }

/**
 * The I32F32 CSR in the four slots from `rows` of an input header: rows, start (u32), col (u32),
 * val (i64), in that order in boundary.json (test/boundary.test.ts holds every entry to it).
 */
export function csrIn(h: usize, rows: i32): Csr {
  return new Csr(<i32>slot(h, rows), <usize>slot(h, rows + 1), <usize>slot(h, rows + 2), <usize>slot(h, rows + 3));
}
/** The dense row-major I32F32 matrix in the three slots from `matrix` of an input header: matrix, rows, cols. */
export function denseIn(h: usize, matrix: i32): Dense {
  return new Dense(<i32>slot(h, matrix + 1), <i32>slot(h, matrix + 2), <usize>slot(h, matrix));
}

/** Reads a u16 CSR from the host into the epoch's form (u32 columns, integer-valued I32F32). */
export function readCsrU16(rows: i32, startPtr: usize, colPtr: usize, valPtr: usize): Csr {
  const nz = <i32>load<u32>(startPtr + (<usize>rows << 2));
  const m = newCsr(rows, nz);
  memory.copy(m.start, startPtr, <usize>(rows + 1) << 2);
  for (let k = 0; k < nz; k++) {
    store<u32>(m.col + (<usize>k << 2), <u32>load<u16>(colPtr + (<usize>k << 1)));
    store<i64>(m.val + (<usize>k << 3), <i64>load<u16>(valPtr + (<usize>k << 1)) << 32);
  }
  return m;
}

/** Reads an I32F32 CSR from the host (rowStart u32, col u32, val i64 bits). */
export function readCsrFixed(rows: i32, startPtr: usize, colPtr: usize, valPtr: usize): Csr {
  return new Csr(rows, startPtr, colPtr, valPtr);
}
