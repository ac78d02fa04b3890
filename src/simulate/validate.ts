// Checks a value against the scenario JSON Schema (the subset it uses: type, properties, required,
// additionalProperties, items, minItems, minimum/maximum, minLength, pattern, enum, const, anyOf,
// oneOf with a "type" discriminator, $ref to $defs). The first violation is a TaomathError whose
// field is the path, e.g. validators[2].strategy.lag.

import { TaomathError } from "../core/errors.js";
import { SCENARIO_SCHEMA } from "./schema.js";

type Schema = Record<string, any>;

function typeOk(t: string, v: unknown): boolean {
  switch (t) {
    case "object": return v !== null && typeof v === "object" && !Array.isArray(v);
    case "array": return Array.isArray(v);
    case "integer": return typeof v === "number" && Number.isInteger(v);
    case "number": return typeof v === "number" && Number.isFinite(v);
    default: return typeof v === t;
  }
}

function resolve(s: Schema): Schema {
  if (typeof s.$ref === "string") return (SCENARIO_SCHEMA.$defs as Schema)[s.$ref.replace("#/$defs/", "")];
  return s;
}

/** The first violation of `schema` by `v` at `path`, or null. */
function check(schemaIn: Schema, v: unknown, path: string): TaomathError | null {
  const s = resolve(schemaIn);
  const at = path === "" ? "scenario" : path;
  if ("const" in s && v !== s.const) return new TaomathError("invalid_type", at, `expected ${JSON.stringify(s.const)}`);
  if (s.enum && !s.enum.includes(v)) return new TaomathError("invalid_type", at, `expected one of ${s.enum.map((x: unknown) => JSON.stringify(x)).join(", ")}, got ${JSON.stringify(v)}`);
  if (s.type && !typeOk(s.type, v)) {
    const code = s.type === "integer" && typeof v === "number" ? "not_integer" : "invalid_type";
    return new TaomathError(code, at, `expected ${s.type === "integer" ? "an integer" : `a${/^[aeiou]/.test(s.type) ? "n" : ""} ${s.type}`}, got ${JSON.stringify(v) ?? String(v)}`);
  }
  if (typeof v === "number") {
    if (s.minimum !== undefined && v < s.minimum) return new TaomathError("out_of_range", at, `must be >= ${s.minimum}, got ${v}`);
    if (s.maximum !== undefined && v > s.maximum) return new TaomathError("out_of_range", at, `must be <= ${s.maximum}, got ${v}`);
  }
  if (typeof v === "string") {
    if (s.minLength !== undefined && v.length < s.minLength) return new TaomathError("invalid_type", at, "must not be empty");
    if (s.pattern && !new RegExp(s.pattern).test(v)) return new TaomathError("invalid_type", at, `does not match ${s.pattern}: ${JSON.stringify(v)}`);
  }
  if (Array.isArray(v)) {
    if (s.minItems !== undefined && v.length < s.minItems) return new TaomathError("wrong_length", at, `needs at least ${s.minItems} entr${s.minItems === 1 ? "y" : "ies"}`);
    if (s.items) for (let i = 0; i < v.length; i++) { const e = check(s.items, v[i], `${path}[${i}]`); if (e) return e; }
  }
  if (typeOk("object", v)) {
    const o = v as Record<string, unknown>;
    for (const r of s.required ?? []) if (!(r in o)) return new TaomathError("invalid_type", path === "" ? r : `${path}.${r}`, "is missing");
    const props: Schema = s.properties ?? {};
    for (const k of Object.keys(o)) {
      const p = path === "" ? k : `${path}.${k}`;
      if (k in props) { const e = check(props[k], o[k], p); if (e) return e; }
      else if (s.additionalProperties === false) return new TaomathError("invalid_type", p, `is not a known field (known: ${Object.keys(props).join(", ")})`);
    }
  }
  if (s.anyOf) {
    const errs = s.anyOf.map((b: Schema) => check(b, v, path));
    if (errs.every((e: TaomathError | null) => e !== null)) {
      const numeric = errs.find((e: TaomathError) => e.code === "out_of_range");
      return numeric ?? new TaomathError("invalid_type", at, `is none of the allowed forms (${JSON.stringify(v)})`);
    }
  }
  if (s.oneOf) {
    const tag = typeOk("object", v) ? (v as Record<string, unknown>).type : undefined;
    const branch = s.oneOf.find((b: Schema) => b.properties?.type?.const === tag);
    if (branch) return check(branch, v, path);
    if (!s.oneOf.some((b: Schema) => check(b, v, path) === null)) return new TaomathError("invalid_type", at, "matches none of the allowed forms");
  }
  return null;
}

/** Throws a TaomathError naming the first field of `v` that the scenario schema rejects. */
export function validateScenarioJson(v: unknown): void {
  const e = check(SCENARIO_SCHEMA as Schema, v, "");
  if (e) throw e;
}
