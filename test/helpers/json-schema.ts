// A small JSON Schema (2020-12) checker for the keywords taomath's schemas use: $ref to local
// $defs, type, properties, required, additionalProperties: false, items, prefixItems, minItems,
// maxItems, minimum, maximum, pattern, oneOf. It returns every violation as "path: reason"; an
// unknown keyword is an error, so a schema cannot silently use something this does not check.

type Schema = Record<string, any>;

const KNOWN = new Set(["$schema", "$id", "$defs", "$ref", "title", "description", "type", "properties", "required",
  "additionalProperties", "items", "prefixItems", "minItems", "maxItems", "minimum", "maximum", "pattern", "oneOf"]);

function typeOk(type: string, v: unknown): boolean {
  switch (type) {
    case "object": return v !== null && typeof v === "object" && !Array.isArray(v);
    case "array": return Array.isArray(v);
    case "string": return typeof v === "string";
    case "integer": return typeof v === "number" && Number.isInteger(v);
    case "number": return typeof v === "number" && Number.isFinite(v);
    case "boolean": return typeof v === "boolean";
    case "null": return v === null;
    default: throw new Error(`schema uses unknown type ${type}`);
  }
}

export function validate(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  const resolve = (ref: string): Schema => {
    const m = /^#\/\$defs\/(.+)$/.exec(ref);
    if (!m || !root.$defs?.[m[1]]) throw new Error(`schema has an unresolvable $ref ${ref}`);
    return root.$defs[m[1]];
  };
  const check = (s: Schema, v: unknown, path: string, out: string[]): void => {
    for (const k of Object.keys(s)) if (!KNOWN.has(k)) throw new Error(`schema keyword ${k} at ${path} is not supported by this checker`);
    if (s.$ref) check(resolve(s.$ref), v, path, out);
    if (s.type && !typeOk(s.type, v)) { out.push(`${path}: expected ${s.type}`); return; }
    if (s.oneOf) {
      const passing = (s.oneOf as Schema[]).filter((alt) => { const e: string[] = []; check(alt, v, path, e); return e.length === 0; }).length;
      if (passing !== 1) out.push(`${path}: matches ${passing} of the oneOf alternatives, expected exactly 1`);
    }
    if (typeof v === "number") {
      if (s.minimum !== undefined && v < s.minimum) out.push(`${path}: ${v} < minimum ${s.minimum}`);
      if (s.maximum !== undefined && v > s.maximum) out.push(`${path}: ${v} > maximum ${s.maximum}`);
    }
    if (typeof v === "string" && s.pattern && !new RegExp(s.pattern, "u").test(v)) out.push(`${path}: does not match ${s.pattern}`);
    if (Array.isArray(v)) {
      if (s.minItems !== undefined && v.length < s.minItems) out.push(`${path}: fewer than ${s.minItems} items`);
      if (s.maxItems !== undefined && v.length > s.maxItems) out.push(`${path}: more than ${s.maxItems} items`);
      const prefix: Schema[] = s.prefixItems ?? [];
      v.forEach((x, i) => {
        if (i < prefix.length) check(prefix[i], x, `${path}[${i}]`, out);
        else if (s.items) check(s.items, x, `${path}[${i}]`, out);
      });
    }
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      for (const r of s.required ?? []) if (!(r in o)) out.push(`${path}.${r}: required`);
      for (const [k, x] of Object.entries(o)) {
        if (s.properties?.[k]) check(s.properties[k], x, `${path}.${k}`, out);
        else if (s.additionalProperties === false) out.push(`${path}.${k}: not allowed`);
      }
    }
  };
  check(root, value, "$", errors);
  return errors;
}
