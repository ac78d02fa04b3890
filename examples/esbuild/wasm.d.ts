// What a .wasm import is under esbuild's file loader (browser): the emitted file's path.
// (Under the copy loader in a Worker it is a WebAssembly.Module; this example's Worker does not import it.)
declare module "*.wasm" {
  const path: string;
  export default path;
}
