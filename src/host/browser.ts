// Browser host: compiles taomath.wasm from a URL while it downloads (compileStreaming).
// Bundlers give the URL: `import wasmUrl from "taomath/taomath.wasm?url"` (Vite) or the
// default below, which Vite and webpack rewrite when they see `new URL(..., import.meta.url)`.

/** Where the .wasm sits relative to this file, both in src/host and in dist/host. */
export const defaultWasmUrl = (): URL => new URL("../../build/taomath.wasm", import.meta.url);

/** What a browser host can compile from. */
export type WasmSource = WebAssembly.Module | string | URL | Response | ArrayBuffer | ArrayBufferView;

export async function loadModule(given?: WasmSource): Promise<WebAssembly.Module> {
  const source = given ?? defaultWasmUrl();
  if (source instanceof WebAssembly.Module) return source;
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return WebAssembly.compile(source as BufferSource);
  const response = source instanceof Response ? source : await fetch(source);
  if (!response.ok) {
    // the default URL is only right where the bundler copied the .wasm (Vite, webpack); esbuild does not
    const hint = given === undefined
      ? "; bundlers that do not rewrite new URL(..., import.meta.url), such as esbuild, need the .wasm's URL passed to createTaomath (taomath's docs/hosts.md, \"esbuild\")"
      : "";
    throw new Error(`taomath: fetching the wasm failed: ${response.status} ${response.url}${hint}`);
  }
  // compileStreaming needs Content-Type application/wasm; servers that send another type get
  // the buffered path instead of a failure.
  const wasmType = (response.headers.get("content-type") ?? "").startsWith("application/wasm");
  if (wasmType && typeof WebAssembly.compileStreaming === "function") return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}
