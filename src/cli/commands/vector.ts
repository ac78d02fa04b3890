// taomath vector FILE: any shared vector file, dispatched on its "schema" field, results as JSON.

import { taomath } from "../../index.js";
import { runVectorFile } from "../../vectors/index.js";
import type { Command } from "../command.js";
import { printJson, readJson } from "../io.js";

export const vector: Command = {
  name: "vector",
  summary: "run any shared vector file (by its \"schema\") and print the results as JSON",
  usage: ["vector FILE"],
  description: "An epoch vector prints {\"outputs\": ...}; a file of cases prints {\"cases\": [...]} in file order.",
  flags: {},
  positionals: { min: 1, max: 1 },
  examples: ["taomath vector ../shared/vectors/math/sigmoid.json"],
  run({ positionals }) {
    printJson(runVectorFile(taomath(), readJson(positionals[0])));
  },
};
