// One arena per call: every buffer of a computation is bump-allocated from the stub runtime's
// heap and the whole heap is dropped at the start of the next call, so linear memory stays
// flat however many epochs a host runs.

/** Allocates `bytes` of uninitialised memory, 8-byte aligned at least. */
// @ts-ignore: decorator
@inline
export function alloc(bytes: usize): usize {
  return heap.alloc(bytes == 0 ? 8 : bytes);
}

/** Allocates zero-filled memory. */
export function allocZeroed(bytes: usize): usize {
  const p = alloc(bytes);
  memory.fill(p, 0, bytes);
  return p;
}

/** Drops everything allocated since the module started. */
export function resetArena(): void {
  heap.reset();
}

/** A length as a byte-count base, at least 1 so that empty inputs still get a distinct block. */
// @ts-ignore: decorator
@inline
export function sz(n: i32): usize {
  return n > 0 ? <usize>n : <usize>1;
}
