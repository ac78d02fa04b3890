// Module imports of .wasm files (Workers, wrangler, esbuild with a CompiledWasm rule).
declare module "*.wasm" {
  const module: WebAssembly.Module;
  export default module;
}
