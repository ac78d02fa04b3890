// taomath vector FILE: any shared vector file, dispatched on its schema.

import { taomath } from "../../dist/index.js";
import { runVectorFile } from "../../dist/vectors/index.js";
import { json, readJson } from "../lib.mjs";

export function cmdVector(args) {
  const file = args.find((a) => !a.startsWith("--"));
  console.log(json(runVectorFile(taomath(), readJson(file))));
}
