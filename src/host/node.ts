// Node host: reads build/taomath.wasm next to the package and compiles it.

import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";

export const wasmUrl = new URL("../../build/taomath.wasm", import.meta.url);

export function loadModuleSync(): WebAssembly.Module {
  return new WebAssembly.Module(readFileSync(wasmUrl));
}

export async function loadModule(): Promise<WebAssembly.Module> {
  return WebAssembly.compile(await readFile(wasmUrl));
}
