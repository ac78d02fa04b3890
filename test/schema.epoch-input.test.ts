// The epoch input's JSON Schema (schema/epoch-input.schema.json, shipped in the package): every
// shared epoch vector's inputs and the example subnet's validate against it, and it refuses what
// the parser refuses for a single field.

import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { taomath, exampleSubnet } from "../src/index.js";
import { canonicalJson } from "../src/vectors/index.js";
import { validate } from "./helpers/json-schema.js";
import { listShared, readShared, sharedPresent } from "./helpers/shared.js";

const root = process.cwd();
const schema = JSON.parse(readFileSync(join(root, "schema", "epoch-input.schema.json"), "utf8"));
const example = () => JSON.parse(canonicalJson(exampleSubnet(taomath(), { n: 16, validators: 4 })));

describe("the epoch input JSON Schema", () => {
  it.skipIf(!sharedPresent)("all 44 shared epoch vectors' inputs validate", () => {
    const files = listShared("vectors", "epoch").filter((f) => f.endsWith(".json"));
    expect(files).toHaveLength(44);
    for (const f of files) expect(validate(schema, readShared<any>("vectors", "epoch", f).inputs), f).toEqual([]);
  }, 60000);

  it("the example subnet's inputs validate", () => {
    expect(validate(schema, example())).toEqual([]);
  });

  it("lists every field the parser requires, with a description", () => {
    expect(schema.required).toHaveLength(27);
    for (const k of schema.required) expect(schema.properties[k].description, k).toMatch(/\w/);
  });

  it("refuses a u16 past 65535 (kappa 70000)", () => {
    expect(validate(schema, { ...example(), kappa: 70000 })).toEqual(["$.kappa: 70000 > maximum 65535"]);
  });

  it("refuses a negative weight value", () => {
    const bad = example();
    bad.weights[1] = [[5, -3]];
    expect(validate(schema, bad)).toEqual(["$.weights[1][0][1]: -3 < minimum 0"]);
  });

  it("refuses a u64 written with a decimal point and a missing field", () => {
    const bad = example();
    bad.current_block = "12.5";
    delete bad.rao_emission;
    expect(validate(schema, bad)).toEqual(["$.rao_emission: required", "$.current_block: matches 0 of the oneOf alternatives, expected exactly 1"]);
  });

  it("refuses a misspelt field name", () => {
    const { kappa, ...rest } = example();
    expect(validate(schema, { ...rest, kapa: kappa })).toEqual(["$.kappa: required", "$.kapa: not allowed"]);
  });

  it("ships in the package and is exported as taomath/epoch-input.schema.json", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(pkg.files).toContain("schema");
    expect(pkg.exports["./epoch-input.schema.json"]).toBe("./schema/epoch-input.schema.json");
  });
});
