// Cloudflare Workers host: the .wasm arrives as a module import (a compiled WebAssembly.Module);
// workerd forbids compiling bytes at run time. wrangler and esbuild (with a CompiledWasm rule or
// an external .wasm) keep this import as a Worker module.

import wasmModule from "../../build/taomath.wasm";

export function loadModule(): WebAssembly.Module {
  return wasmModule;
}
