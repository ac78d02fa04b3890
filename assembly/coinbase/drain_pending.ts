// subtensor `drain_pending` (run_coinbase.rs) and, for subnets without neurons,
// `distribute_emissions_to_subnets`. Per subnet in storage order, the schedule of schedule.ts
// (deferral, EpochDeferred; run; or EpochSkipped) and, for a subnet that runs, the drain of its
// four pending counters.
// A drained subnet whose epoch needs the host (neurons or share pools) is handed over: its pending
// amounts go to the event and sit "in flight" until the host pays them. Any other subnet runs the
// empty epoch here: distribute_emission with no uids pays the owner cut to the owner hotkey (when
// SubnetOwner and SubnetOwnerHotkey exist), pays nothing else, and records MinerBurned = 0/0 = 0.
// From 473 (run_coinbase.rs @ 29005cb7) BlocksSinceLastStep is capped at tempo + 1, the safety net
// fires above tempo, and an epoch whose root dividends all floor to 0 (with no uids: always)
// recycles its pending root alpha instead of leaving it unowned in SubnetAlphaOut.

import { scheduleSubnet, NOT_DUE, RAN } from "./schedule";
import { sinceCap, safetyNet, RULES_473 } from "./rules";
import { recycleSubnetAlpha } from "./alpha";
import {
  F_TEMPO, F_LAST_EPOCH, F_PENDING_AT, F_SINCE, F_EPOCH_INDEX, F_LAST_MECH_STEP, F_CONSISTENT, F_HOST_DRAIN,
  F_P_SERVER, F_P_VALIDATOR, F_P_ROOT, F_P_OWNER, F_OWNED, F_UNOWNED, F_IN_FLIGHT, F_HAS_OWNER, F_MB_LO, F_MB_HI,
  G_MAX_EPOCHS, EV, EVT_BLOCK, EVT_ROW, EVT_OUTCOME, EVT_SERVER, EVT_VALIDATOR, EVT_ROOT, EVT_OWNER, rowAt, ld, st, gld,
} from "./row";

/** Whether the last drainPending handed a drained subnet to the host. */
export let handedToHost = false;

/** Runs drain_pending over n rows; events are appended at `events` from `evCount`. Returns the new event count. */
export function drainPending(g: usize, n: i32, rows: usize, block: u64, events: usize, evCount: i32, rules: u32): i32 {
  const maxEpochs = <u32>gld(g, G_MAX_EPOCHS);
  let ran: u32 = 0;
  handedToHost = false;
  for (let i = 0; i < n; i++) {
    const row = rowAt(rows, i);
    const tempo = <u32>ld(row, F_TEMPO);
    const outcome = scheduleSubnet(tempo, slotAt(row, F_LAST_EPOCH), slotAt(row, F_PENDING_AT), slotAt(row, F_SINCE),
      slotAt(row, F_EPOCH_INDEX), ld(row, F_CONSISTENT) != 0, block, ran, maxEpochs, sinceCap(rules, tempo), safetyNet(rules, tempo));
    if (outcome == NOT_DUE) continue;
    const ev = events + <usize>evCount * (<usize>EV << 3);
    st(ev, EVT_BLOCK, block); st(ev, EVT_ROW, <u64>i); st(ev, EVT_OUTCOME, outcome);
    st(ev, EVT_SERVER, 0); st(ev, EVT_VALIDATOR, 0); st(ev, EVT_ROOT, 0); st(ev, EVT_OWNER, 0);
    evCount++;
    if (outcome != RAN) continue;
    ran++;
    // get and drain the four pending amounts
    const S = ld(row, F_P_SERVER), V = ld(row, F_P_VALIDATOR), R = ld(row, F_P_ROOT), O = ld(row, F_P_OWNER);
    st(row, F_P_SERVER, 0); st(row, F_P_VALIDATOR, 0); st(row, F_P_ROOT, 0); st(row, F_P_OWNER, 0);
    if (ld(row, F_HOST_DRAIN) != 0) {
      st(ev, EVT_SERVER, S); st(ev, EVT_VALIDATOR, V); st(ev, EVT_ROOT, R); st(ev, EVT_OWNER, O);
      st(row, F_IN_FLIGHT, ld(row, F_IN_FLIGHT) + S + V + R + O);
      handedToHost = true;
    } else {
      distributeEmptyEpoch(row, S, V, R, O, rules >= RULES_473);
      st(row, F_LAST_MECH_STEP, block);
    }
  }
  return evCount;
}

// @ts-ignore: decorator
@inline function slotAt(row: usize, f: i32): usize { return row + (<usize>f << 3); }

/** distribute_emission on a subnet with no uids: the epoch returns nothing. */
function distributeEmptyEpoch(row: usize, S: u64, V: u64, R: u64, O: u64, recycleRoot: bool): void {
  if (recycleRoot) {
    // no hotkey earned a root dividend: the whole root allocation is recycled
    recycleSubnetAlpha(row, R);
    R = 0;
  }
  if (ld(row, F_HAS_OWNER) != 0) st(row, F_OWNED, ld(row, F_OWNED) + O);
  else st(row, F_UNOWNED, ld(row, F_UNOWNED) + O);
  st(row, F_UNOWNED, ld(row, F_UNOWNED) + S + V + R);
  st(row, F_MB_LO, 0); st(row, F_MB_HI, 0);
}
