// The coinbase's state in flat memory: one row of ROW u64 slots per non-root subnet (chain storage
// of that subnet, in storage order) and one block of G_SLOTS u64 globals (network storage, the
// run's parameters and its counters), and the helpers that read and write them.

// The slot constants (F_* row slots, ROW, G_* globals, G_SLOTS, EVT_* event slots, EV, PHASE_*, V_*)
// are generated from assembly/abi/boundary.json ("layouts", "enums"); the host's copies come from
// the same table (src/bindings/layout.ts).
export * from "../abi/layout";
import { ROW } from "../abi/layout";

// @ts-ignore: decorator
@inline export function rowAt(rows: usize, i: i32): usize { return rows + <usize>i * (<usize>ROW << 3); }
// @ts-ignore: decorator
@inline export function ld(row: usize, f: i32): u64 { return load<u64>(row + (<usize>f << 3)); }
// @ts-ignore: decorator
@inline export function st(row: usize, f: i32, v: u64): void { store<u64>(row + (<usize>f << 3), v); }
// @ts-ignore: decorator
@inline export function gld(g: usize, f: i32): u64 { return load<u64>(g + (<usize>f << 3)); }
// @ts-ignore: decorator
@inline export function gst(g: usize, f: i32, v: u64): void { store<u64>(g + (<usize>f << 3), v); }

export function satAdd(a: u64, b: u64): u64 { const s = a + b; return s < a ? u64.MAX_VALUE : s; }
export function satSub(a: u64, b: u64): u64 { return a > b ? a - b : 0; }
/** i64 saturating_add of a u64 amount cast `as i64` (wrapping cast, as the chain's `u64 as i64`). */
export function flowAdd(flow: u64, amount: u64): u64 {
  const a = <i64>flow, b = <i64>amount;
  const s = a + b;
  if (b >= 0 && s < a) return <u64>i64.MAX_VALUE;
  if (b < 0 && s > a) return <u64>i64.MIN_VALUE;
  return <u64>s;
}
/** U96F32 floor to u64, saturating. */
export function floor96(lo: u64, hi: u64): u64 { return (hi >> 32) != 0 ? u64.MAX_VALUE : (hi << 32) | (lo >> 32); }
