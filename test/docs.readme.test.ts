// The README as a new user reads it: it says what taomath is before any command, keeps the two
// Quick start commands, shows the five common jobs with examples that type-check against the
// package (a project with "moduleResolution": "bundler", like Vite's template), and every relative
// link in the README and docs/ points at a file that exists.

import { describe, it, expect, beforeAll, afterAll } from "vitest";
import ts from "typescript";
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

const root = process.cwd();
const readme = readFileSync(join(root, "README.md"), "utf8");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "taomath-readme-"));
  mkdirSync(join(dir, "node_modules", "@types"), { recursive: true });
  mkdirSync(join(dir, "src"));
  symlinkSync(root, join(dir, "node_modules", "taomath"), "dir");
  symlinkSync(join(root, "node_modules", "vite"), join(dir, "node_modules", "vite"), "dir");
  symlinkSync(join(root, "node_modules", "@types", "node"), join(dir, "node_modules", "@types", "node"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "readme-check", private: true, type: "module" }));
});
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

describe("README", () => {
  it("says what taomath is and who it is for before the first command", () => {
    const firstCommand = readme.indexOf("```");
    const intro = readme.slice(0, firstCommand);
    expect(intro).toMatch(/taomath is Bittensor's consensus and token math/);
    expect(intro).toMatch(/It is for \*\*validators\*\*/);
  });

  it("keeps the two Quick start commands exactly", () => {
    expect(readme).toContain("## Quick start\n\n```sh\nnpm install && npm start\nnpm test\n```");
  });

  it("shows the five common jobs, each with an example using the subpath imports", () => {
    const jobs = ["Predict a subnet", "Quote a stake", "Check weights before sending", "Project emission", "Embed it in a page or a Worker"];
    for (const job of jobs) expect(readme, job).toContain(`**${job}`);
    for (const sub of ["taomath/chain", "taomath/pool", "taomath/weights", "taomath/emission"]) expect(readme).toContain(`from "${sub}"`);
  });

  it("its TypeScript examples type-check against the package, each as its host resolves it", () => {
    const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    const base: ts.CompilerOptions = { target: ts.ScriptTarget.ES2023, lib: ["lib.es2023.d.ts", "lib.dom.d.ts"], strict: true, noEmit: true, skipLibCheck: true, moduleDetection: ts.ModuleDetectionKind.Force };
    // a page: Vite's template (bundler resolution, no custom conditions); a Worker: wrangler's conditions; the rest: Node (nodenext)
    const hosts: Record<string, ts.CompilerOptions> = {
      page: { ...base, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, types: ["vite/client"] },
      worker: { ...base, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, customConditions: ["workerd", "worker"], types: [] },
      node: { ...base, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: ["node"] },
    };
    const hostOf = (code: string) => (code.startsWith("// a page") ? "page" : code.startsWith("// a Cloudflare Worker") ? "worker" : "node");
    const diagnostics: string[] = [];
    for (const [host, options] of Object.entries(hosts)) {
      const files = blocks.map((code, i) => ({ code, file: join(dir, "src", `${host}${i}.ts`) })).filter((b) => hostOf(b.code) === host);
      expect(files.length, host).toBeGreaterThan(0);
      for (const f of files) writeFileSync(f.file, f.code);
      const program = ts.createProgram(files.map((f) => f.file), options);
      diagnostics.push(...ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? d.file.fileName.split("/").pop() : host}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`));
    }
    expect(diagnostics).toEqual([]);
  }, 90000);
});

describe("docs/ code", () => {
  it("every named import in docs/ is an export of that path (Node's resolution)", () => {
    const lines = readdirSync(join(root, "docs")).filter((f) => f.endsWith(".md"))
      .flatMap((f) => readFileSync(join(root, "docs", f), "utf8").split("\n").filter((l) => /^import (type )?\{[^}]*\} from "taomath[^"?]*";$/.test(l)).map((l) => ({ f, l })));
    expect(lines.length).toBeGreaterThan(10);
    const file = join(dir, "src", "docs-imports.ts");
    writeFileSync(file, lines.map(({ l }) => l.replace(/^import (type )?\{([^}]*)\}/, (_, t, names) => `import ${t ?? ""}{${names.split(",").map((n: string) => n.trim()).filter(Boolean).map((n: string) => `${n} as _${Math.random().toString(36).slice(2)}`).join(", ")}}`)).join("\n") + "\nexport {};\n");
    const program = ts.createProgram([file], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2023, noEmit: true, skipLibCheck: true, types: ["node"], lib: ["lib.es2023.d.ts", "lib.dom.d.ts"] });
    const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, " "));
    expect(errors).toEqual([]);
  }, 60000);
});

describe("links", () => {
  const pages = ["README.md", ...readdirSync(join(root, "docs")).filter((f) => f.endsWith(".md")).map((f) => join("docs", f))];

  it("the README links every docs page", () => {
    for (const p of pages.filter((x) => x !== "README.md")) expect(readme, p).toContain(`](${p})`);
  });

  it("every relative link and image in the README and docs/ exists", () => {
    const broken: string[] = [];
    for (const page of pages) {
      const text = readFileSync(join(root, page), "utf8");
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1].split("#")[0];
        if (/^[a-z]+:/.test(target) || target === "") continue;
        if (!existsSync(resolve(root, dirname(page), target))) broken.push(`${page}: ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
