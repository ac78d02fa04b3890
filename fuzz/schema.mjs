// The fuzz suite's input model: a schema per argument says how to make a valid value and which
// replacements are outside the chain type (a u64 of -1 or 2^64, a string where an array belongs,
// a missing required field). A case is a valid argument tuple, or the same tuple with exactly one
// node replaced by such a value; a call that RETURNS on a replaced input is a silent wrap.

import fc from "fast-check";

export const U64_MAX = (1n << 64n) - 1n;

// Values no integer field of any width accepts, whatever encodings it allows (bigint, number, decimal string).
const NOT_AN_INTEGER = [1.5, NaN, Infinity, -Infinity, null, {}, [], true, "abc", "1e3", "-5", " ", "0x10", Symbol.for("x")];
const HUGE_TEXT = "9".repeat(100_000);

/** A leaf with a valid generator and its out-of-type replacements. */
const leaf = (kind, gen, bad) => ({ kind, gen, bad });

/** u64 (bigint, safe number or decimal string accepted): bad = negative, past u64::MAX, not an integer. */
export const u64 = (max = U64_MAX, min = 0n) => leaf("u64", fc.bigInt({ min, max }),
  [-1n, -1, 1n << 64n, (1n << 64n) + 990n, 10n ** 30n, "18446744073709551616", HUGE_TEXT, 2 ** 64, ...NOT_AN_INTEGER]);
/** u16 as a number. */
export const u16 = (max = 65535, min = 0) => leaf("u16", fc.integer({ min, max }), [-1, 65536, 70000n, 2 ** 32 + 1, 1e300, ...NOT_AN_INTEGER]);
export const i16 = () => leaf("i16", fc.integer({ min: -32768, max: 32767 }), [32768, -32769, 2 ** 31, ...NOT_AN_INTEGER]);
/** u128 / U64F64 bits as a bigint only. */
export const u128 = (max = (1n << 128n) - 1n) => leaf("u128", fc.bigInt({ min: 0n, max }), [-1n, 1n << 128n, 1.5, null, "5", 5, {}, []]);
/** i64 bits (I32F32) as a bigint. */
export const i64 = (min = -(1n << 63n), max = (1n << 63n) - 1n) => leaf("i64", fc.bigInt({ min, max }), [1n << 63n, -(1n << 63n) - 1n, 1n << 64n, null, {}, [], 1.5, NaN, "x"]);
export const bool = () => leaf("bool", fc.boolean(), [0, 1, "true", null, 2n, {}, []]);
/** One of fixed values (an enum). */
export const oneOf = (...values) => leaf("enum", fc.constantFrom(...values), [null, 5, "nope", {}, [], HUGE_TEXT, 5n]);
/** A fixed valid value (no mutation of its inside). */
export const constant = (v, bad = []) => leaf("const", fc.constant(v), bad);
/** Hex of a 32-byte hash. */
export const h256 = () => leaf("h256", fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => "0x" + Buffer.from(b).toString("hex")),
  ["0xab", "0x" + "zz".repeat(32), 5, null, {}, "0x" + "ab".repeat(33), HUGE_TEXT]);

/** A list of `item`: bad = array-likes that are not arrays. */
export const array = (item, minLength = 0, maxLength = 8) => ({
  kind: "array", item, gen: fc.array(item.gen, { minLength, maxLength }), bad: ["123", { length: 3, 0: 1 }, 5, null, {}, HUGE_TEXT],
});
/** A plain object with required and optional fields: bad = other shapes; a required field may be deleted. */
export const object = (required, optional = {}, nullable = false) => ({
  kind: "object", required, optional,
  gen: fc.record({ ...mapValues(required, (s) => s.gen), ...mapValues(optional, (s) => s.gen) }, { requiredKeys: Object.keys(required) }),
  bad: nullable ? ["x", 5, [], [1, 2]] : ["x", 5, null, [], [1, 2]],
});
/** A tuple of positional schemas. */
export const tuple = (...items) => ({ kind: "tuple", items, gen: fc.tuple(...items.map((s) => s.gen)), bad: [] });
/** A schema whose valid values come from `gen` but are mutated along `shape` (for inputs with cross-field rules). */
export const custom = (gen, shape) => ({ ...shape, gen });
/** `null` or the schema. */
export const nullable = (s) => ({ ...s, gen: fc.option(s.gen, { nil: null }), bad: s.bad.filter((b) => b !== null), nullable: true });

function mapValues(o, f) { return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)])); }

/** Every mutable node of `value` under `schema`: [path, schema, deletable]. */
function nodes(value, schema, path = [], out = []) {
  if (schema.bad.length > 0) out.push({ path, schema, del: false });
  if (schema.kind === "array" && Array.isArray(value)) value.forEach((v, i) => nodes(v, schema.item, [...path, i], out));
  else if (schema.kind === "tuple" && Array.isArray(value)) value.forEach((v, i) => nodes(v, schema.items[i], [...path, i], out));
  else if (schema.kind === "object" && value !== null && typeof value === "object") {
    for (const [k, s] of Object.entries(schema.required)) {
      out.push({ path: [...path, k], schema: s, del: true });
      if (k in value) nodes(value[k], s, [...path, k], out);
    }
    for (const [k, s] of Object.entries(schema.optional)) if (k in value && value[k] !== undefined) nodes(value[k], s, [...path, k], out);
  }
  return out;
}

function clone(v) {
  if (Array.isArray(v)) return v.map(clone);
  if (v instanceof Uint8Array) return Uint8Array.from(v);
  if (v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) return mapValues(v, clone);
  return v;
}

function setAt(root, path, replace) {
  if (path.length === 0) return replace(root);
  let o = root;
  for (let i = 0; i < path.length - 1; i++) o = o[path[i]];
  const k = path[path.length - 1];
  const r = replace(o[k]);
  if (r === DELETE) delete o[k]; else o[k] = r;
  return root;
}
const DELETE = Symbol("delete");

/**
 * Cases for an argument tuple schema: { args, mutated, where } with about `validShare` of them
 * unmodified. `mutated` is a description of the replaced node when the input is out of type.
 */
export function cases(schema, validShare = 0.2) {
  return fc.tuple(schema.gen, fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(), fc.nat()).map(([valid, p, a, b]) => {
    if (p < validShare) return { args: valid, mutated: null };
    const all = nodes(valid, schema);
    const candidates = all.filter((n) => n.path.length > 0);
    if (candidates.length === 0) return { args: valid, mutated: null };
    const n = candidates[a % candidates.length];
    const args = clone(valid);
    const choices = n.del ? [...n.schema.bad, DELETE] : n.schema.bad;
    const bad = choices[b % choices.length];
    setAt(args, n.path, () => bad);
    return { args, mutated: `${n.path.join(".")} := ${describe(bad)}` };
  });
}

export function describe(v) {
  if (v === DELETE) return "(deleted)";
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "symbol") return v.toString();
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v);
  try { const t = JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? `${x}n` : x)); return t === undefined ? String(v) : t.slice(0, 120); } catch { return String(v); }
}

const ANY_BAD = [-1, -1n, 1n << 64n, 1n << 128n, 2 ** 53 + 2, 1.5, NaN, null, {}, [], "abc", "-7", "18446744073709551616", true, HUGE_TEXT, [1, 2, 3], "0x12"];

function allPaths(v, path = [], out = []) {
  out.push(path);
  if (Array.isArray(v)) v.forEach((x, i) => allPaths(x, [...path, i], out));
  else if (v !== null && typeof v === "object") for (const k of Object.keys(v)) allPaths(v[k], [...path, k], out);
  return out;
}

/**
 * Documents of unknown field types (vector files, snapshots): one of `docs`, with up to two nodes
 * replaced by arbitrary values or deleted. Without a schema no case is known to be out of type, so
 * these only check the error type, hangs and traps.
 */
export function jsonCases(docs) {
  const edit = fc.record({ at: fc.nat(), bad: fc.nat(), del: fc.boolean() });
  return {
    kind: "json", bad: [],
    gen: fc.tuple(fc.nat(docs.length - 1), fc.array(edit, { minLength: 0, maxLength: 2 })).map(([d, edits]) => {
      const doc = clone(docs[d]);
      for (const e of edits) {
        const paths = allPaths(doc).filter((p) => p.length > 0);
        if (paths.length === 0) break;
        const p = paths[e.at % paths.length];
        setAt(doc, p, () => (e.del && typeof p[p.length - 1] === "string" ? DELETE : ANY_BAD[e.bad % ANY_BAD.length]));
      }
      return doc;
    }),
  };
}
