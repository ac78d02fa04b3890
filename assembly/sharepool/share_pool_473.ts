// One hotkey's alpha share pool under runtime 473 (primitives/share-pool lib.rs, the 97,226-character
// monolithic version, over the pallet's HotkeyAlphaSharePoolDataOperations). Differences from 425
// (share_pool.ts): a value is min(floor(V·S/D), V); a deposit grows the member's share by the exact
// change of the denominator and a withdrawal takes the exact loss (sub_exact_floor); a deposit into
// a pool with shares but no value retires the shares and reopens the pool; a withdrawal from an
// empty pool does nothing; a withdrawal leaving value 0 closes the pool; a full exit drops its dust
// share from the denominator; a sole holder's credit only raises V (credit_member).
// Retiring: the pallet starts a new share epoch whenever the denominator goes from zero to nonzero
// or back, and older share rows then read as absent; here they are cleared. Same state block as 425.

import { sfHi, sfLo, sfExp, sfOk, addSub, mulDiv, toU64, fromInt, fromU64F64 } from "./safe_float";
import { subExactFloor, gt473 } from "./safe_float_473";

export const OP473_STAKE = 0;
export const OP473_UNSTAKE = 1;
export const OP473_EMIT = 2;
export const OP473_SLASH = 3;
export const OP473_TRY_STAKE = 4;
export const OP473_CREDIT = 5;
export const OP473_TRY_CREDIT_SOLE = 6;
export const OP473_WITHDRAW = 7;

// @ts-ignore: decorator
@inline function sl(s: usize, i: i32): u64 { return load<u64>(s + (<usize>i << 3)); }
// @ts-ignore: decorator
@inline function setSl(s: usize, i: i32, v: u64): void { store<u64>(s + (<usize>i << 3), v); }
// @ts-ignore: decorator
@inline function keyAt(k: i32): i32 { return 6 + 4 * k; }
const DEN = 1;

let gH: u64 = 0, gL: u64 = 0, gE: i64 = 0;

function keys(s: usize): i32 { return <i32>sl(s, 5); }
function present(s: usize, at: i32): bool { return sl(s, at) != 0; }

/** A record as a SafeFloat in gH/gL/gE (absent = zero; a legacy U64F64 converted as 425 does). */
function read(s: usize, at: i32): void {
  const kind = sl(s, at);
  if (kind == 1) { gL = sl(s, at + 1); gH = sl(s, at + 2); gE = <i64>sl(s, at + 3); return; }
  if (kind == 2) { fromU64F64(sl(s, at + 2), sl(s, at + 1)); gH = sfHi; gL = sfLo; gE = sfExp; return; }
  gH = 0; gL = 0; gE = 0;
}

function clear(s: usize, at: i32): void { for (let j = 0; j < 4; j++) setSl(s, at + j, 0); }

/** set_share: a zero share removes the row. */
function setShare(s: usize, k: i32, h: u64, l: u64, e: i64): void {
  const at = keyAt(k);
  if (h == 0 && l == 0) { clear(s, at); return; }
  setSl(s, at, 1); setSl(s, at + 1, l); setSl(s, at + 2, h); setSl(s, at + 3, <u64>e);
}

/** set_denominator: opening or closing the pool retires every share row written before. */
function setDenominator(s: usize, h: u64, l: u64, e: i64): void {
  read(s, DEN);
  const wasZero = gH == 0 && gL == 0, isZero = h == 0 && l == 0;
  if (wasZero != isZero) for (let k = 0; k < keys(s); k++) clear(s, keyAt(k));
  if (isZero) { clear(s, DEN); return; }
  setSl(s, DEN, 1); setSl(s, DEN + 1, l); setSl(s, DEN + 2, h); setSl(s, DEN + 3, <u64>e);
}

/** update_value_for_all: V saturating ± |update|. */
function updateForAll(s: usize, update: i64): void {
  const v = sl(s, 0);
  if (update >= 0) { const n = v + <u64>update; setSl(s, 0, n < v ? u64.MAX_VALUE : n); }
  else { const m = <u64>(0 - update); setSl(s, 0, v > m ? v - m : 0); }
}

let vOk: bool = true;
/** try_get_value_from_parts: min(floor(V·S/D), V); vOk = false when mul_div is None (D zero). */
function valueFromParts(v: u64, ch: u64, cl: u64, ce: i64, dh: u64, dl: u64, de: i64): u64 {
  fromInt(0, v);
  mulDiv(sfHi, sfLo, sfExp, ch, cl, ce, dh, dl, de);
  if (!sfOk) { vOk = false; return 0; }
  vOk = true;
  const q = toU64(sfHi, sfLo, sfExp);
  return q < v ? q : v;
}

/** get_shares_per_update: SF(|update|)·D/SF(V), zero on None (V = 0). */
function sharesPerUpdate(mag: u64, v: u64, dh: u64, dl: u64, de: i64): void {
  fromInt(0, v); const vh = sfHi, vl = sfLo, ve = sfExp;
  fromInt(0, mag);
  mulDiv(sfHi, sfLo, sfExp, dh, dl, de, vh, vl, ve);
  if (!sfOk) { gH = 0; gL = 0; gE = 0; return; }
  gH = sfHi; gL = sfLo; gE = sfExp;
}

/** update_value_for_one_with_inputs (the member's share is read from the state). */
function updateForOne(s: usize, k: i32, update: i64, v: u64): void {
  const mag: u64 = update < 0 ? <u64>(0 - update) : <u64>update;
  read(s, DEN); let dh = gH, dl = gL, de = gE;
  if (update > 0 && v == 0 && !(dh == 0 && dl == 0)) {
    setDenominator(s, 0, 0, 0);
    dh = 0; dl = 0; de = 0;
  }
  if (dh == 0 && dl == 0) {
    if (update > 0) {
      fromInt(0, mag);
      const fh = sfHi, fl = sfLo, fe = sfExp;
      setDenominator(s, fh, fl, fe);
      setShare(s, k, fh, fl, fe);
    }
  } else {
    read(s, keyAt(k)); const ch = gH, cl = gL, ce = gE;
    sharesPerUpdate(mag, v, dh, dl, de); const ph = gH, pl = gL, pe = gE;
    let nh: u64, nl: u64, ne: i64, kh: u64, kl: u64, ke: i64;
    if (update > 0) {
      addSub(dh, dl, de, ph, pl, pe, false);
      nh = sfOk ? sfHi : dh; nl = sfOk ? sfLo : dl; ne = sfOk ? sfExp : de;
      subExactFloor(nh, nl, ne, dh, dl, de);
      if (!sfOk) { addSub(nh, nl, ne, dh, dl, de, true); if (!sfOk) { sfHi = 0; sfLo = 0; sfExp = 0; } }
      const gh = sfHi, gl = sfLo, ge = sfExp;
      addSub(ch, cl, ce, gh, gl, ge, false);
      kh = sfOk ? sfHi : ch; kl = sfOk ? sfLo : cl; ke = sfOk ? sfExp : ce;
    } else {
      addSub(dh, dl, de, ph, pl, pe, true);
      nh = sfOk ? sfHi : dh; nl = sfOk ? sfLo : dl; ne = sfOk ? sfExp : de;
      subExactFloor(dh, dl, de, nh, nl, ne);
      if (!sfOk) { addSub(dh, dl, de, nh, nl, ne, true); if (!sfOk) { sfHi = 0; sfLo = 0; sfExp = 0; } }
      const lh = sfHi, ll = sfLo, le = sfExp;
      if (gt473(lh, ll, le, ch, cl, ce)) {
        // never reached through the pallet (withdrawals stay within the quote): take only this share out
        addSub(dh, dl, de, ch, cl, ce, true);
        nh = sfOk ? sfHi : 0; nl = sfOk ? sfLo : 0; ne = sfOk ? sfExp : 0;
        kh = 0; kl = 0; ke = 0;
      } else {
        addSub(ch, cl, ce, lh, ll, le, true);
        kh = sfOk ? sfHi : 0; kl = sfOk ? sfLo : 0; ke = sfOk ? sfExp : 0;
      }
    }
    let uv: u64;
    if (update >= 0) { uv = v + mag; if (uv < v) uv = u64.MAX_VALUE; } else uv = v > mag ? v - mag : 0;
    if (update < 0 && uv == 0) {
      nh = 0; nl = 0; ne = 0; kh = 0; kl = 0; ke = 0;
    } else if (update < 0 && !(kh == 0 && kl == 0) && drainsMember(mag, v, ch, cl, ce, dh, dl, de, uv, kh, kl, ke, nh, nl, ne)) {
      addSub(nh, nl, ne, kh, kl, ke, true);
      if (sfOk) { nh = sfHi; nl = sfLo; ne = sfExp; kh = 0; kl = 0; ke = 0; }
    }
    setDenominator(s, nh, nl, ne);
    setShare(s, k, kh, kl, ke);
  }
  updateForAll(s, update);
}

/** withdrawal_drains_member: the withdrawal was the whole quote, or what is left quotes 0. */
function drainsMember(mag: u64, v: u64, ch: u64, cl: u64, ce: i64, dh: u64, dl: u64, de: i64,
                      uv: u64, kh: u64, kl: u64, ke: i64, nh: u64, nl: u64, ne: i64): bool {
  const before = valueFromParts(v, ch, cl, ce, dh, dl, de);
  if (vOk && before == mag) return true;
  const after = valueFromParts(uv, kh, kl, ke, nh, nl, ne);
  return vOk && after == 0;
}

/** get_value (0 for an absent member or a closed pool). */
export function valueOf473(s: usize, k: i32): u64 {
  read(s, keyAt(k)); const ch = gH, cl = gL, ce = gE;
  read(s, DEN);
  const v = valueFromParts(sl(s, 0), ch, cl, ce, gH, gL, gE);
  return vOk ? v : 0;
}

/** try_credit_sole_member: V += amount when the member's share is exactly D and V > 0. */
function tryCreditSole(s: usize, k: i32, amount: u64): bool {
  if (amount == 0) return true;
  const v = sl(s, 0);
  if (v == 0) return false;
  if (!soleHolder(s, k)) return false;
  const n = v + amount;
  if (n < v) return false;
  setSl(s, 0, n);
  return true;
}

/** The member holds a share row equal (mantissa and exponent) to a nonzero denominator. */
function soleHolder(s: usize, k: i32): bool {
  if (!present(s, keyAt(k))) return false;
  read(s, DEN); const dh = gH, dl = gL, de = gE;
  if (dh == 0 && dl == 0) return false;
  read(s, keyAt(k));
  return gH == dh && gL == dl && gE == de;
}

/** Applies one op (see the OP473_* codes); returns the try_stake / try_credit answer (1/0) or 0. */
export function applyOp473(s: usize, op: i32, k: i32, amount: u64): i32 {
  const upd = <i64>amount; // the chain's `amount as i64`
  if (op == OP473_STAKE) { updateForOne(s, k, upd, sl(s, 0)); return 0; }
  if (op == OP473_WITHDRAW) { updateForOne(s, k, 0 - upd, sl(s, 0)); return 0; }
  if (op == OP473_UNSTAKE) {
    if (!present(s, keyAt(k))) return 0;
    if (valueOf473(s, k) >= amount) updateForOne(s, k, 0 - upd, sl(s, 0));
    return 0;
  }
  if (op == OP473_EMIT) { updateForAll(s, upd); return 0; }
  if (op == OP473_SLASH) { updateForAll(s, 0 - upd); return 0; }
  if (op == OP473_CREDIT) {
    // credit_member: the sole-holder path, else the ordinary deposit with the same inputs
    if (amount == 0) return 0;
    const v = sl(s, 0);
    if (v > 0 && soleHolder(s, k)) { const n = v + amount; if (n >= v) { setSl(s, 0, n); return 1; } }
    updateForOne(s, k, upd, v);
    return 0;
  }
  if (op == OP473_TRY_CREDIT_SOLE) return tryCreditSole(s, k, amount) ? 1 : 0;
  // try_stake: sim_update_value_for_one, which now also accepts a deposit reopening a valueless pool
  read(s, DEN);
  if ((gH == 0 && gL == 0) || (upd > 0 && sl(s, 0) == 0)) return 1;
  sharesPerUpdate(upd < 0 ? <u64>(0 - upd) : <u64>upd, sl(s, 0), gH, gL, gE);
  return gH == 0 && gL == 0 ? 0 : 1;
}
