// Node host: reads build/taomath.wasm next to the package and compiles it, or compiles what the
// caller passes (the same kinds of source as the browser host, so one call type-checks everywhere).

import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";

export const wasmUrl = new URL("../../build/taomath.wasm", import.meta.url);

/** What Node can compile from: a module, bytes, a Response, a file path or file: URL, or an http(s) URL. */
export type WasmSource = WebAssembly.Module | string | URL | Response | ArrayBuffer | ArrayBufferView;

export function loadModuleSync(): WebAssembly.Module {
  return new WebAssembly.Module(readFileSync(wasmUrl));
}

let compiled: WebAssembly.Module | null = null;
/**
 * build/taomath.wasm compiled once per process: the default instance and the worker threads of the
 * network model and the lab's sweeps all instantiate this one module (no second compile, and its
 * optimised code is shared).
 */
export function sharedModuleSync(): WebAssembly.Module {
  return (compiled ??= loadModuleSync());
}

export async function loadModule(source: WasmSource = wasmUrl): Promise<WebAssembly.Module> {
  if (source instanceof WebAssembly.Module) return source;
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return WebAssembly.compile(source as BufferSource);
  if (source instanceof Response) return WebAssembly.compile(await source.arrayBuffer());
  const text = String(source);
  if (/^https?:/.test(text)) {
    const response = await fetch(text);
    if (!response.ok) throw new Error(`taomath: fetching the wasm failed: ${response.status} ${response.url}`);
    return WebAssembly.compile(await response.arrayBuffer());
  }
  return WebAssembly.compile(await readFile(source instanceof URL ? source : text.startsWith("file:") ? new URL(text) : text));
}
