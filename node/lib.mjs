// Helpers shared by the CLI commands: JSON in and out, units, and argument parsing.

import { readFileSync } from "node:fs";
import { TaomathError } from "../dist/index.js";

export const json = (v) => JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x));
export function readJson(file) {
  if (!file) throw new TaomathError("invalid_type", "FILE", "missing file argument");
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new TaomathError("invalid_type", file, `cannot read file (${e.code ?? e.message})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new TaomathError("invalid_type", file, `not valid JSON (${e.message})`);
  }
}
export const rao = (x) => (Number(x) / 1e9).toFixed(4);
export const pct = (u16) => ((u16 / 65535) * 100).toFixed(2) + "%";
/** --name value pairs and bare --flags. */
export function flags(args) {
  const out = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith("--")) throw new TaomathError("invalid_type", a, "unexpected argument (options are --name value)");
    const next = args[i + 1];
    if (next === undefined || next.startsWith("--")) out[a.slice(2)] = true;
    else { out[a.slice(2)] = next; i++; }
  }
  return out;
}
export function need(f, name) {
  if (f[name] === undefined || f[name] === true) throw new TaomathError("invalid_type", `--${name}`, "missing value");
  return f[name];
}
/** "1,2,3" -> [1, 2, 3]; "" -> []. */
export function intList(text, name) {
  if (text === true) return [];
  const s = String(text).trim();
  if (s === "") return [];
  return s.split(",").map((x, i) => {
    if (!/^\s*\d+\s*$/.test(x)) throw new TaomathError("not_integer", `--${name}[${i}]`, `expected a non-negative integer, got ${JSON.stringify(x)}`);
    return Number(x);
  });
}
export function option(args, name, parse = (v) => v) {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const v = args[at + 1];
  if (v === undefined || v.startsWith("--")) throw new TaomathError("invalid_type", name, "needs a value");
  return parse(v, name);
}
export const integer = (v, name) => {
  if (!/^\d+$/.test(v)) throw new TaomathError("not_integer", name, `expected a non-negative integer, got ${JSON.stringify(v)}`);
  return Number(v);
};
export function flag(args, name) {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith("--")) throw new TaomathError("invalid_type", name, "missing value");
  return v;
}
export function raoArg(args, name, fallback) {
  const v = flag(args, name);
  if (v === undefined) return fallback;
  if (!/^[0-9]+$/.test(v)) throw new TaomathError("invalid_type", name, `expected an integer amount in rao, got ${JSON.stringify(v)}`);
  return BigInt(v);
}
export const taoStr = (r) => (Number(r) / 1e9).toLocaleString("en-US", { maximumFractionDigits: 3 });
export const rateStr = (r) => (Number(r) / 1e9).toLocaleString("en-US", { maximumFractionDigits: 9 });
