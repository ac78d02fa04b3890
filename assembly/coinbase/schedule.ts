// The epoch schedule: subtensor `should_run_epoch` and the scheduling part of `drain_pending`
// (run_coinbase.rs). Per subnet, in storage order: BlocksSinceLastStep += 1; a due subnet
// beyond MaxEpochsPerBlock is deferred to the next block (PendingEpochAt = block + 1); otherwise
// it runs (or is skipped when its inputs are inconsistent) and its slot is consumed:
// LastEpochBlock = block, PendingEpochAt = 0, SubnetEpochIndex += 1.

export const MAX_TEMPO: u64 = 50_400;

export const NOT_DUE: u8 = 0;
export const RAN: u8 = 1;
export const DEFERRED: u8 = 2;
export const SKIPPED: u8 = 3;

/** Which clause of should_run_epoch holds first, in the chain's order. */
export const TRIGGER_NONE: i32 = 0, TRIGGER_PENDING: i32 = 1, TRIGGER_SAFETY_NET: i32 = 2, TRIGGER_TEMPO: i32 = 3;

/**
 * should_run_epoch. `safetyNetAbove` is the BlocksSinceLastStep past which the epoch fires whatever the
 * schedule says: MAX_TEMPO up to runtime 472, the subnet's own tempo at 473 (run_coinbase.rs @ 29005cb7).
 */
export function epochTrigger(tempo: u32, lastEpochBlock: u64, pendingEpochAt: u64, blocksSinceLastStep: u64, block: u64, safetyNetAbove: u64 = MAX_TEMPO): i32 {
  if (tempo == 0) return TRIGGER_NONE;
  if (pendingEpochAt > 0 && block >= pendingEpochAt) return TRIGGER_PENDING;
  if (blocksSinceLastStep > safetyNetAbove) return TRIGGER_SAFETY_NET;
  const since = block > lastEpochBlock ? block - lastEpochBlock : 0;
  return since >= <u64>tempo ? TRIGGER_TEMPO : TRIGGER_NONE;
}

export function shouldRunEpoch(tempo: u32, lastEpochBlock: u64, pendingEpochAt: u64, blocksSinceLastStep: u64, block: u64): bool {
  return epochTrigger(tempo, lastEpochBlock, pendingEpochAt, blocksSinceLastStep, block) != TRIGGER_NONE;
}

/**
 * One subnet's turn in drain_pending at `block`, on its four schedule slots (u64 pointers, in a
 * row or in arrays): BlocksSinceLastStep += 1 (saturating, then capped at `sinceCap`: tempo + 1
 * at 473, unbounded before), the safety net above `safetyNetAbove` (see epochTrigger); when should_run_epoch holds, the
 * subnet is deferred (PendingEpochAt = block + 1) if `ran` epochs already reached the cap, else
 * it runs (BlocksSinceLastStep = 0) or is skipped (inconsistent inputs), and its slot is consumed
 * (LastEpochBlock = block, PendingEpochAt = 0, SubnetEpochIndex += 1). Returns the outcome.
 */
export function scheduleSubnet(
  tempo: u32, lastEpochBlock: usize, pendingEpochAt: usize, blocksSinceLastStep: usize, epochIndex: usize,
  consistent: bool, block: u64, ran: u32, maxEpochsPerBlock: u32, sinceCap: u64 = u64.MAX_VALUE, safetyNetAbove: u64 = MAX_TEMPO,
): u8 {
  let since = load<u64>(blocksSinceLastStep) + 1;
  if (since == 0) since = u64.MAX_VALUE;
  store<u64>(blocksSinceLastStep, since < sinceCap ? since : sinceCap);
  if (epochTrigger(tempo, load<u64>(lastEpochBlock), load<u64>(pendingEpochAt), load<u64>(blocksSinceLastStep), block, safetyNetAbove) == TRIGGER_NONE) return NOT_DUE;
  if (ran >= maxEpochsPerBlock) {
    store<u64>(pendingEpochAt, block == u64.MAX_VALUE ? block : block + 1);
    return DEFERRED;
  }
  if (consistent) store<u64>(blocksSinceLastStep, 0);
  store<u64>(lastEpochBlock, block);
  store<u64>(pendingEpochAt, 0);
  const idx = load<u64>(epochIndex);
  store<u64>(epochIndex, idx == u64.MAX_VALUE ? idx : idx + 1);
  return consistent ? RAN : SKIPPED;
}

/**
 * One block of scheduling for n subnets (arrays in storage order, updated in place):
 * tempo u16[n], lastEpochBlock u64[n], pendingEpochAt u64[n], blocksSinceLastStep u64[n],
 * epochIndex u64[n], consistent u8[n]. Writes the outcome per subnet to outcome u8[n] and
 * returns the number of epochs run.
 */
export function scheduleBlock(
  n: i32, block: u64, maxEpochsPerBlock: u32,
  tempo: usize, lastEpochBlock: usize, pendingEpochAt: usize, blocksSinceLastStep: usize, epochIndex: usize,
  consistent: usize, outcome: usize,
): i32 {
  let ran: u32 = 0;
  for (let i = 0; i < n; i++) {
    const o8 = <usize>i << 3;
    const r = scheduleSubnet(<u32>load<u16>(tempo + (<usize>i << 1)), lastEpochBlock + o8, pendingEpochAt + o8, blocksSinceLastStep + o8,
      epochIndex + o8, load<u8>(consistent + <usize>i) != 0, block, ran, maxEpochsPerBlock);
    if (r == RAN) ran++;
    store<u8>(outcome + <usize>i, r);
  }
  return <i32>ran;
}

/** blocks_until_next_auto_epoch: LastEpochBlock + tempo - block (saturating); u64::MAX for tempo 0. */
export function blocksUntilNextAutoEpoch(tempo: u32, lastEpochBlock: u64, block: u64): u64 {
  if (tempo == 0) return u64.MAX_VALUE;
  let next = lastEpochBlock + <u64>tempo;
  if (next < lastEpochBlock) next = u64.MAX_VALUE;
  return next > block ? next - block : 0;
}

/** get_next_epoch_start_block: min(LastEpochBlock + tempo, PendingEpochAt if set); u64::MAX for tempo 0 (None). */
export function nextEpochStartBlock(tempo: u32, lastEpochBlock: u64, pendingEpochAt: u64): u64 {
  if (tempo == 0) return u64.MAX_VALUE;
  let next = lastEpochBlock + <u64>tempo;
  if (next < lastEpochBlock) next = u64.MAX_VALUE;
  return pendingEpochAt > 0 && pendingEpochAt < next ? pendingEpochAt : next;
}

export let legacyEpochIndex: u64 = 0;

/**
 * blocks_until_next_epoch, the legacy epoch rule of runtimes up to 343 (run_coinbase.rs): an epoch runs
 * when tempo - (block + netuid + 1) mod (tempo + 1) reaches 0; u64::MAX for tempo 0 (never).
 */
export function legacyBlocksUntilNextEpoch(netuid: u32, tempo: u32, block: u64): u64 {
  if (tempo == 0) return u64.MAX_VALUE;
  const t = <u64>tempo;
  const remainder = (block + <u64>netuid + 1) % (t + 1); // wrapping_add, as the chain computes it
  return t > remainder ? t - remainder : 0;
}

/**
 * The `dynamic_tempo_v1` migration's anchor for a subnet last scheduled by the legacy rule (an
 * epoch when blocks_until_next = tempo - (block + netuid + 1) mod (tempo + 1) reached 0):
 * LastEpochBlock such that the next epoch fires on the block the legacy rule would have chosen.
 * Also sets legacyEpochIndex (SubnetEpochIndex).
 * Tempo 0 subnets are skipped by the migration (returns the block unchanged, index 0).
 */
export function legacyLastEpochBlock(netuid: u32, tempo: u32, block: u64): u64 {
  if (tempo == 0) { legacyEpochIndex = 0; return block; }
  const t = <u64>tempo;
  const adjusted = block + <u64>netuid + 1; // wrapping_add, as the migration
  const untilNext = legacyBlocksUntilNextEpoch(netuid, tempo, block);
  const offset = t > untilNext ? t - untilNext : 0;
  legacyEpochIndex = adjusted / (t + 1);
  return block > offset ? block - offset : 0;
}
