// A browser page's script bundled by esbuild (see docs/hosts.md):
//   esbuild examples/esbuild/app.ts --bundle --format=esm --platform=browser --loader:.wasm=file --outdir=out
// The file loader copies taomath.wasm into out/ and this import is its path; resolving it against
// import.meta.url finds it next to the bundle wherever the page lives.

import wasmFile from "taomath/taomath.wasm";
import { createTaomath, exampleSubnet, epochToVectorEncoding } from "taomath";
import { quoteStake, taoToRao } from "taomath/pool";
import { canonicalJson } from "taomath/vectors";

const tm = await createTaomath(new URL(wasmFile, import.meta.url));
const outputs = epochToVectorEncoding(tm.runEpoch(exampleSubnet(tm, { n: 64, validators: 16 }))).outputs;
const quote = quoteStake({ taoReserve: taoToRao("12000", "tao"), alphaReserve: taoToRao("300000", "alpha") }, taoToRao("250", "stake"));
document.body.textContent = canonicalJson({ outputs, alpha_out: quote.amountOut.toString() });
