// econ-sharepool-vector/1: SafeFloat primitives (safefloat.json, `op` per case) and share-pool
// op sequences on one hotkey (sequences.json), recomputed by the wasm core in the vector encoding.

import type { Taomath } from "../core/taomath.js";
import { TaomathError, quote } from "../core/errors.js";
import type { SharePoolCore, SafeFloat, ShareEntry, SharePoolOp } from "../bindings/sharepool.js";

type Json = Record<string, any>;

const sfIn = (v: Json): SafeFloat => ({ mantissa: BigInt(v.mantissa), exponent: BigInt(v.exponent) });
export const sfOut = (v: SafeFloat | null) => v === null ? null : { exponent: Number(v.exponent), float: Number(v.mantissa) * 10 ** Number(v.exponent), mantissa: v.mantissa.toString() };
const ZERO = { exponent: 0, float: 0, mantissa: "0" };
const u64f64 = (b: bigint) => ({ bits: b.toString(), float: Number(b) / 2 ** 64 });
const entryOut = (e: ShareEntry) => e.kind === "absent" ? ZERO : e.kind === "legacy" ? { legacy_u64f64: u64f64(e.bits) } : sfOut(e.value);

function safeFloatCase(sp: SharePoolCore, op: string, i: Json): Json {
  switch (op) {
    case "add": return { result: sfOut(sp.add(sfIn(i.a), sfIn(i.b))) };
    case "sub": return { result: sfOut(sp.sub(sfIn(i.a), sfIn(i.b))) };
    case "mul_div": return { result: sfOut(sp.mulDiv(sfIn(i.a), sfIn(i.b), sfIn(i.c))) };
    case "div": return { result: sfOut(sp.div(sfIn(i.a), sfIn(i.b))) };
    case "gt": return { result: sp.gt(sfIn(i.a), sfIn(i.b)) };
    case "to_u64": return { result: sp.toU64(sfIn(i.a)).toString() };
    case "from_u64f64": return { result: sfOut(sp.fromU64F64(BigInt(i.x.bits))) };
  }
  throw new TaomathError("invalid_type", "op", `unknown SafeFloat op ${quote(op)}`);
}

function sequenceCase(sp: SharePoolCore, i: Json): Json {
  const keys: string[] = [];
  const idx = (k: string | number) => { const s = String(k); let j = keys.indexOf(s); if (j < 0) { keys.push(s); j = keys.length - 1; } return j; };
  for (const k of i.coldkeys) idx(k);
  const init = i.initial;
  if (init) for (const k of Object.keys(init.legacy_alpha_shares)) idx(k);
  const ops = (i.ops as Json[]).map((o) => ({ op: o.op as SharePoolOp, key: idx(o.coldkey ?? 0), amount: BigInt(o.amount) }));
  const shares: ShareEntry[] = keys.map((k) => init && init.legacy_alpha_shares[k] ? { kind: "legacy", bits: BigInt(init.legacy_alpha_shares[k].bits) } : { kind: "absent" });
  const state = {
    sharedValue: init ? BigInt(init.total_hotkey_alpha) : 0n,
    denominator: (init && init.legacy_total_hotkey_shares ? { kind: "legacy", bits: BigInt(init.legacy_total_hotkey_shares.bits) } : { kind: "absent" }) as ShareEntry,
    shares,
  };
  const snaps = sp.run(state, ops);
  const pick = i.record === "last" ? [snaps.length - 1] : snaps.map((_, j) => j);
  return {
    after_each_op: pick.map((j) => {
      const s = snaps[j];
      const o: Json = {
        denominator: entryOut(s.denominator), op_index: j,
        shares: Object.fromEntries(i.coldkeys.map((k: number) => [String(k), entryOut(s.shares[idx(k)])])),
        total_hotkey_alpha: s.sharedValue.toString(),
      };
      if (ops[j].op === "try_stake") o.try_result = s.tryResult;
      o.values = Object.fromEntries(i.coldkeys.map((k: number) => [String(k), s.values[idx(k)].toString()]));
      return o;
    }),
  };
}

export function runSharePoolVector(tm: Taomath, file: Json): unknown {
  const sp = tm.sharePool;
  if (!Array.isArray(file.cases)) throw new TaomathError("invalid_type", "cases", "expected an array of cases");
  return {
    cases: file.cases.map((c: Json) => ({
      id: c.id,
      outputs: typeof c.op === "string" ? safeFloatCase(sp, c.op, c.inputs) : sequenceCase(sp, c.inputs),
    })),
  };
}
