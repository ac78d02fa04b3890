// taomath vector FILE: any shared vector file, dispatched on its schema.

import { runVectorFile, taomath } from "../../dist/index.js";
import { json, readJson } from "../lib.mjs";

export function cmdVector(args) {
  const file = args.find((a) => !a.startsWith("--"));
  console.log(json(runVectorFile(taomath(), readJson(file))));
}
