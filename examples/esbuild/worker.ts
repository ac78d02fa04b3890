// A Cloudflare Worker bundled by esbuild (see docs/hosts.md):
//   esbuild examples/esbuild/worker.ts --bundle --format=esm --platform=neutral --main-fields=module,main \
//     --conditions=workerd,worker --loader:.wasm=copy --outdir=out
// The copy loader keeps `import ... from "./taomath-HASH.wasm"` in the bundle, which workerd loads as
// a CompiledWasm module (wrangler: [[rules]] type = "CompiledWasm", deploy with --no-bundle).

import { taomath, exampleSubnet, epochToVectorEncoding } from "taomath";
import { quoteStake, taoToRao } from "taomath/pool";
import { canonicalJson } from "taomath/vectors";

export default {
  fetch(): Response {
    const tm = taomath();
    const outputs = epochToVectorEncoding(tm.runEpoch(exampleSubnet(tm, { n: 64, validators: 16 }))).outputs;
    const quote = quoteStake({ taoReserve: taoToRao("12000", "tao"), alphaReserve: taoToRao("300000", "alpha") }, taoToRao("250", "stake"));
    return new Response(canonicalJson({ outputs, alpha_out: quote.amountOut.toString() }), { headers: { "content-type": "application/json" } });
  },
};
