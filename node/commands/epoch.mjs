// taomath epoch FILE: the epoch on a vector file or bare inputs, in the vector encoding (or --explain / --dense).

import { TaomathError, epochInputFromJson, epochToVectorEncoding, explainUid, taomath } from "../../dist/index.js";
import { json, readJson } from "../lib.mjs";

export function cmdEpoch(args) {
  const at = args.indexOf("--explain");
  const file = args.find((a, i) => !a.startsWith("--") && (at < 0 || i !== at + 1));
  const input = epochInputFromJson(readJson(file));
  if (at >= 0) {
    const uid = Number(args[at + 1]);
    const out = taomath().runEpoch(input, { trace: true });
    if (!Number.isInteger(uid) || uid < 0 || uid >= out.incentive.length) {
      throw new TaomathError("uid_out_of_range", "--explain", `expected a uid in [0, ${out.incentive.length - 1}], got ${args[at + 1]}`);
    }
    const e = explainUid(input, out, uid);
    console.log(`uid ${uid}: incentive ${e.incentive}, dividends ${e.dividends} (u16)`);
    for (const r of e.reasons) console.log(`  - ${r}`);
    return;
  }
  if (args.includes("--dense") && args.includes("--trace")) throw new TaomathError("invalid_type", "--trace", "the dense epoch has no trace");
  const out = args.includes("--dense") ? taomath().runEpochDense(input) : taomath().runEpoch(input, { trace: args.includes("--trace") });
  console.log(json(epochToVectorEncoding(out)));
}
