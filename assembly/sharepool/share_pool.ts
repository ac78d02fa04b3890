// One hotkey's alpha share pool on one subnet (primitives/share-pool SharePool over pallet-subtensor's
// HotkeyAlphaSharePoolDataOperations): the pool value TotalHotkeyAlpha, the denominator and each
// coldkey's share, with the lazy legacy (U64F64) → SafeFloat migration on first write.
// State block (u64 slots): [0] shared value; [1..4] denominator record; [5] key count;
// [6 + 4k ..] share record of key k. A record is (kind, a, b, c): kind 0 = absent, 1 = SafeFloat
// (mantissa lo, hi, exponent), 2 = legacy U64F64 (bits lo, hi).

import { sfHi, sfLo, sfExp, sfOk, addSub, mulDiv, toU64, fromInt, fromU64F64 } from "./safe_float";

export const OP_STAKE = 0;
export const OP_UNSTAKE = 1;
export const OP_EMIT = 2;
export const OP_SLASH = 3;
export const OP_TRY_STAKE = 4;

// @ts-ignore: decorator
@inline function sl(s: usize, i: i32): u64 { return load<u64>(s + (<usize>i << 3)); }
// @ts-ignore: decorator
@inline function setSl(s: usize, i: i32, v: u64): void { store<u64>(s + (<usize>i << 3), v); }

function denAt(): i32 { return 1; }
function keyAt(k: i32): i32 { return 6 + 4 * k; }

let gH: u64 = 0, gL: u64 = 0, gE: i64 = 0;

/** Reads a record as a SafeFloat into gH/gL/gE (absent = zero; legacy converted). */
function read(s: usize, at: i32): void {
  const kind = sl(s, at);
  if (kind == 1) { gL = sl(s, at + 1); gH = sl(s, at + 2); gE = <i64>sl(s, at + 3); return; }
  if (kind == 2) { fromU64F64(sl(s, at + 2), sl(s, at + 1)); gH = sfHi; gL = sfLo; gE = sfExp; return; }
  gH = 0; gL = 0; gE = 0;
}

/** set_share / set_denominator: drops the legacy entry, stores a nonzero value, removes a zero. */
function write(s: usize, at: i32, h: u64, l: u64, e: i64): void {
  if (h == 0 && l == 0) { setSl(s, at, 0); setSl(s, at + 1, 0); setSl(s, at + 2, 0); setSl(s, at + 3, 0); return; }
  setSl(s, at, 1); setSl(s, at + 1, l); setSl(s, at + 2, h); setSl(s, at + 3, <u64>e);
}

function updateForAll(s: usize, update: i64): void {
  const v = sl(s, 0);
  if (update >= 0) { const n = v + <u64>update; setSl(s, 0, n < v ? u64.MAX_VALUE : n); }
  else { const m = <u64>(0 - update); setSl(s, 0, v > m ? v - m : 0); }
}

/** shares_per_update = SF(|update|)·denominator / SF(shared value), zero on None. */
function sharesPerUpdate(mag: u64, sv: u64, dh: u64, dl: u64, de: i64): void {
  fromInt(0, sv); const vh = sfHi, vl = sfLo, ve = sfExp;
  fromInt(0, mag); const uh = sfHi, ul = sfLo, ue = sfExp;
  mulDiv(uh, ul, ue, dh, dl, de, vh, vl, ve);
  if (!sfOk) { gH = 0; gL = 0; gE = 0; return; }
  gH = sfHi; gL = sfLo; gE = sfExp;
}

function updateForOne(s: usize, k: i32, update: i64): void {
  const mag: u64 = update < 0 ? <u64>(0 - update) : <u64>update;
  const sv = sl(s, 0);
  read(s, keyAt(k)); const ch = gH, cl = gL, ce = gE;
  read(s, denAt()); const dh = gH, dl = gL, de = gE;
  if (dh == 0 && dl == 0) {
    fromInt(0, mag);
    write(s, denAt(), sfHi, sfLo, sfExp);
    write(s, keyAt(k), sfHi, sfLo, sfExp);
  } else {
    sharesPerUpdate(mag, sv, dh, dl, de);
    const ph = gH, pl = gL, pe = gE;
    const sub = !(update > 0);
    addSub(dh, dl, de, ph, pl, pe, sub);
    let nh = dh, nl = dl, ne = de;
    if (sfOk) { nh = sfHi; nl = sfLo; ne = sfExp; }
    addSub(ch, cl, ce, ph, pl, pe, sub);
    let kh = ch, kl = cl, ke = ce;
    if (sfOk) { kh = sfHi; kl = sfLo; ke = sfExp; }
    write(s, denAt(), nh, nl, ne);
    write(s, keyAt(k), kh, kl, ke);
  }
  updateForAll(s, update);
}

/** get_value: floor(SF(shared value)·share/denominator), 0 when the key has no share entry. */
export function valueOf(s: usize, k: i32): u64 {
  if (sl(s, keyAt(k)) == 0) return 0;
  read(s, keyAt(k)); const ch = gH, cl = gL, ce = gE;
  read(s, denAt()); const dh = gH, dl = gL, de = gE;
  fromInt(0, sl(s, 0));
  mulDiv(sfHi, sfLo, sfExp, ch, cl, ce, dh, dl, de);
  if (!sfOk) return 0;
  return toU64(sfHi, sfLo, sfExp);
}

/** Applies one op; returns the try_stake answer (1/0) or 0. */
export function applyOp(s: usize, op: i32, k: i32, amount: u64): i32 {
  const upd = <i64>amount; // the chain's `amount as i64`
  if (op == OP_STAKE) { updateForOne(s, k, upd); return 0; }
  if (op == OP_UNSTAKE) {
    if (sl(s, keyAt(k)) == 0) return 0;
    if (valueOf(s, k) >= amount) updateForOne(s, k, 0 - upd);
    return 0;
  }
  if (op == OP_EMIT) { updateForAll(s, upd); return 0; }
  if (op == OP_SLASH) { updateForAll(s, 0 - upd); return 0; }
  // try_stake: sim_update_value_for_one
  read(s, denAt());
  if (gH == 0 && gL == 0) return 1;
  const mag: u64 = upd < 0 ? <u64>(0 - upd) : <u64>upd;
  sharesPerUpdate(mag, sl(s, 0), gH, gL, gE);
  return gH == 0 && gL == 0 ? 0 : 1;
}

