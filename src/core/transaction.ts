// The chain's `#[transactional]` extrinsics in the host: a call that fails leaves storage as it
// found it. Every host model that mirrors such a call (staking extrinsics, claim_root, the
// network's root claims) runs it through `transactional`, each saying how it copies and puts back
// its own state.

/**
 * Runs `f` as one transaction: `take` copies the state before, and if `f` throws (a ChainRejected,
 * a TaomathError, anything) `restore` puts that copy back and the error is rethrown unchanged.
 * On success the copy is dropped and `f`'s result returned.
 */
export function transactional<S, T>(take: () => S, restore: (saved: S) => void, f: () => T): T {
  const saved = take();
  try {
    return f();
  } catch (e) {
    restore(saved);
    throw e;
  }
}
