// Runs one fuzz entry: every case is classified as ok, TaomathError, another error type, a trap
// (a TaomathError "internal" or a raw RuntimeError), a hang (slower than the bound) or a silent wrap
// (a value returned for an input outside the chain type). Afterwards the module must still compute
// a known epoch vector, and replaying the first cases must not grow the wasm memory.

import fc from "fast-check";
import { cases, describe } from "./schema.mjs";

export const COLUMNS = ["cases", "ok", "TaomathError", "other", "traps", "hangs", "wraps"];

/**
 * @param entry {name, schema, call, validShare}
 * @param ctx {TaomathError, tm, numRuns, seed, boundMs, knownVector: () => boolean, maxMessage}
 */
export function runEntry(entry, ctx) {
  const st = { name: entry.name, cases: 0, ok: 0, TaomathError: 0, other: 0, traps: 0, hangs: 0, wraps: 0, vectorOk: true, memoryFlat: true, slowestMs: 0, bad: [] };
  const arb = cases(entry.schema, entry.validShare ?? 0.2);
  const one = (c, record) => {
    const t0 = performance.now();
    let kind, detail = "";
    try {
      entry.call(c.args);
      kind = c.mutated ? "wraps" : "ok";
    } catch (e) {
      if (e instanceof ctx.TaomathError) {
        kind = e.code === "internal" ? "traps" : "TaomathError";
        if (kind === "TaomathError" && e.message.length > ctx.maxMessage) { kind = "other"; detail = `message of ${e.message.length} chars`; }
      } else if (e instanceof WebAssembly.RuntimeError) kind = "traps";
      else kind = "other";
      detail = detail || `${e?.name}: ${String(e?.message).slice(0, 160)}`;
    }
    const ms = performance.now() - t0;
    if (ms > ctx.boundMs) { kind = "hangs"; detail = `${ms.toFixed(0)} ms`; }
    if (!record) return kind;
    st.slowestMs = Math.max(st.slowestMs, ms);
    st.cases++;
    st[kind]++;
    if (kind !== "ok" && kind !== "TaomathError" && st.bad.length < 5) st.bad.push({ kind, detail, input: c.mutated ?? "valid input", args: describe(c.args) });
    return kind;
  };
  fc.check(fc.property(arb, (c) => { one(c, true); return true; }), { numRuns: ctx.numRuns, seed: ctx.seed });
  st.vectorOk = ctx.knownVector();
  if (!st.vectorOk) st.bad.push({ kind: "vector", detail: "the known epoch vector no longer computes after this entry" });
  // memory: replaying the first cases (the same seed) must not grow the wasm memory
  const before = ctx.tm.core.exports.memory.buffer.byteLength;
  fc.check(fc.property(arb, (c) => { one(c, false); return true; }), { numRuns: Math.min(200, ctx.numRuns), seed: ctx.seed });
  const after = ctx.tm.core.exports.memory.buffer.byteLength;
  st.memoryMb = after / 2 ** 20;
  st.memoryFlat = after === before;
  if (!st.memoryFlat) st.bad.push({ kind: "memory", detail: `wasm memory grew from ${before} to ${after} bytes on a replay` });
  return st;
}

export const isClean = (st) => st.other + st.traps + st.hangs + st.wraps === 0 && st.vectorOk && st.memoryFlat;

export function table(stats) {
  const head = ["entry point", ...COLUMNS, "mem MiB", "vector", "slowest ms"];
  const rows = stats.map((s) => [s.name, ...COLUMNS.map((c) => String(s[c])), s.memoryMb === undefined ? "-" : s.memoryMb.toFixed(1), s.vectorOk ? "ok" : "BROKEN", s.slowestMs.toFixed(1)]);
  const total = ["TOTAL", ...COLUMNS.map((c) => String(stats.reduce((a, s) => a + s[c], 0))), "", stats.every((s) => s.vectorOk) ? "ok" : "BROKEN", ""];
  const all = [head, ...rows, total];
  const w = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => "| " + r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join(" | ") + " |";
  return [line(head), "|" + w.map((x, i) => (i === 0 ? "-".repeat(x + 2) : "-".repeat(x + 1) + ":")).join("|") + "|", ...rows.map(line), line(total)].join("\n");
}
