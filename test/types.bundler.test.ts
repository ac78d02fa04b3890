// The package's types as a bundler project sees them: TypeScript with "moduleResolution": "bundler"
// and the tsconfig of Vite's vanilla-ts template (no custom conditions, so "types"/"import" apply and
// the fallback types are used). The README's Vite snippet must type-check there, and each export
// condition must resolve to its own host's declarations.

import { describe, it, expect, beforeAll, afterAll } from "vitest";
import ts from "typescript";
import { mkdtempSync, mkdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

const root = process.cwd();
let dir: string;

/** Vite's create-vite template-vanilla-ts compiler options (as of Vite 7/8). */
const viteTemplate = {
  target: "es2023", module: "esnext", lib: ["ES2023", "DOM"], types: ["vite/client"],
  allowArbitraryExtensions: true, skipLibCheck: true, moduleResolution: "bundler",
  allowImportingTsExtensions: true, verbatimModuleSyntax: true, moduleDetection: "force", noEmit: true,
  noUnusedLocals: true, noUnusedParameters: true, erasableSyntaxOnly: true, noFallthroughCasesInSwitch: true,
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "taomath-vite-types-"));
  mkdirSync(join(dir, "node_modules"));
  mkdirSync(join(dir, "src"));
  symlinkSync(root, join(dir, "node_modules", "taomath"), "dir");
  symlinkSync(join(root, "node_modules", "vite"), join(dir, "node_modules", "vite"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
});
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

/** Type-checks `source` as src/main.ts with the given extra compiler options; returns the diagnostics. */
function check(source: string, extra: Record<string, unknown> = {}): string[] {
  writeFileSync(join(dir, "src", "main.ts"), source);
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { ...viteTemplate, ...extra }, include: ["src"] }));
  const parsed = ts.getParsedCommandLineOfConfigFile(join(dir, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  return ts.getPreEmitDiagnostics(program).map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}

/** The declaration file TypeScript picks for `specifier` under the template plus `extra`. */
function resolved(specifier: string, extra: Record<string, unknown> = {}): string {
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { ...viteTemplate, ...extra }, include: ["src"] }));
  const parsed = ts.getParsedCommandLineOfConfigFile(join(dir, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const r = ts.resolveModuleName(specifier, join(dir, "src", "main.ts"), parsed.options, ts.sys);
  return relative(root, realpathSync(r.resolvedModule!.resolvedFileName)).replace(/\\/g, "/");
}

const README_SNIPPET = `
import wasmUrl from "taomath/taomath.wasm?url";
import { createTaomath, exampleSubnet } from "taomath";
import { quoteStake, taoToRao } from "taomath/pool";
import { projectEmission } from "taomath/emission";

const tm = await createTaomath(wasmUrl);
const out = tm.runEpoch(exampleSubnet(tm));
const q = quoteStake({ taoReserve: taoToRao("12000", "tao"), alphaReserve: taoToRao("300000", "alpha") }, 10n ** 9n);
console.log(out.incentive.length, q.amountOut, projectEmission(tm, 10n ** 16n).halvings.length);
`;

describe("types under Vite's default TypeScript template", () => {
  it("the README's Vite snippet (createTaomath(wasmUrl) and the subpaths) type-checks", () => {
    expect(check(README_SNIPPET)).toEqual([]);
  }, 30000);

  it("a wrong call is still an error (the check is not vacuous)", () => {
    expect(check(`import { createTaomath } from "taomath";\nawait createTaomath("taomath.wasm", 2);\n`).join("\n")).toMatch(/TS2554/);
  }, 30000);

  it("each export condition resolves to its host's declarations", () => {
    expect(resolved("taomath", { customConditions: ["browser"] })).toBe("dist/web.d.ts");
    expect(resolved("taomath", { customConditions: ["workerd"] })).toBe("dist/workers.d.ts");
    expect(resolved("taomath", { customConditions: ["node"] })).toBe("dist/index.d.ts");
    expect(resolved("taomath/pool")).toBe("dist/pool/index.d.ts");
    expect(resolved("taomath/chain", { customConditions: ["node"] })).toBe("dist/chain/node.d.ts");
  });
});
