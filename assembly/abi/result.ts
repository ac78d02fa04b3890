// How an entry point hands its results to the host, the one convention: it returns an output
// header of u64 slots laid out by boundary.json ("out"), and this module is what writes it. The
// host reads that header by slot name (OutHeader in src/bindings/core.ts) and nothing else: no
// module-level variable of the core is read across the boundary.
//
// The module-level registers of the math (rHi/rLo, uHi/uLo, wideHi, bHi/bLo, sfHi/sfLo/sfExp,
// takeOut/restOut, spHi/spLo, eErr ...) are how AssemblyScript functions return more than one
// word; an entry copies them into its header right after the call that set them.
//
// Slot conventions: a 128-bit value is two slots `<name>_lo`, `<name>_hi` (put128); a chain
// function that can fail reports in the slot `error` (0 for Ok/Some, otherwise the index of the
// chain's error in the binding's list); a flag is a bool slot (0/1); a buffer the core fills is a
// ptr slot, valid until the next reset().

import { alloc } from "../arena";
import { Csr } from "../math/csr";
import { Dense } from "../math/dense";

/** A fresh, zeroed output header of `slots` u64 slots (NAME_OUT_SLOTS). */
export function result(slots: i32): usize {
  const h = alloc(<usize>slots << 3);
  memory.fill(h, 0, <usize>slots << 3);
  return h;
}

// @ts-ignore: decorator
@inline export function put(h: usize, i: i32, v: u64): void { store<u64>(h + (<usize>i << 3), v); }
// @ts-ignore: decorator
@inline export function putI64(h: usize, i: i32, v: i64): void { store<i64>(h + (<usize>i << 3), v); }
// @ts-ignore: decorator
@inline export function putBool(h: usize, i: i32, v: bool): void { store<u64>(h + (<usize>i << 3), v ? 1 : 0); }
/** A 128-bit value (U64F64, I96F32, u128 ...) into its `_lo` and `_hi` slots. */
// @ts-ignore: decorator
@inline export function put128(h: usize, lo: i32, hi: i32, vLo: u64, vHi: u64): void {
  store<u64>(h + (<usize>lo << 3), vLo);
  store<u64>(h + (<usize>hi << 3), vHi);
}

/** The output header of an entry that works in place on the host's buffers: no slots. */
export function none(): usize { return result(0); }

/** An output header whose slots from `rows` are a new CSR: rows, start, col, val (the order memory.ts's csrIn reads). */
export function csrOut(m: Csr, slots: i32, rows: i32): usize {
  const o = result(slots);
  put(o, rows, <u64>m.rows); put(o, rows + 1, m.start); put(o, rows + 2, m.col); put(o, rows + 3, m.val);
  return o;
}
/** An output header whose slots from `matrix` are a new dense matrix: matrix, rows, cols. */
export function denseOut(m: Dense, slots: i32, matrix: i32): usize {
  const o = result(slots);
  put(o, matrix, m.ptr); put(o, matrix + 1, <u64>m.rows); put(o, matrix + 2, <u64>m.cols);
  return o;
}
