// package.json's engines tell the truth: "engines" (what the library needs at run time) is at least
// what every runtime dependency declares; the development tools that declare a newer Node are named
// (the suite itself runs on the engines floor, as CI does).

import { describe, it, expect } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const root = process.cwd();
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

type Version = [number, number, number];
const cmp = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** The lowest Node version a range such as ">=20.19.0" or "^22.12.0 || >=24" admits. */
export function lowestAdmitted(range: string): Version {
  const lows = range.split("||").map((alt) => {
    const m = /(?:>=|\^|~|=)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(alt.trim());
    if (!m) throw new Error(`cannot read the engines range ${range}`);
    return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] as Version;
  });
  return lows.sort(cmp)[0];
}

/** The package.json Node's resolution would find for `name` from directory `from` (exports ignored). */
function packageJson(name: string, from: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, "node_modules", name, "package.json");
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) return null;
  }
}

/** engines.node of `name` and of everything it depends on at run time, resolved from `from`. */
function enginesOf(name: string, from: string, seen = new Map<string, string | undefined>()): Map<string, string | undefined> {
  const file = packageJson(name, from);
  if (file === null || seen.has(file)) return seen; // an optional dependency not installed here, or seen

  const p = JSON.parse(readFileSync(file, "utf8"));
  seen.set(file, p.engines?.node);
  for (const dep of Object.keys(p.dependencies ?? {})) enginesOf(dep, dirname(file), seen);
  return seen;
}

describe("engines", () => {
  it("reads ranges the way npm does for their lowest admitted version", () => {
    expect(lowestAdmitted(">=20.19.0")).toEqual([20, 19, 0]);
    expect(lowestAdmitted("^22.12.0 || ^24.0.0 || >=26.0.0")).toEqual([22, 12, 0]);
    expect(lowestAdmitted("^20.19.0 || >=22.12.0")).toEqual([20, 19, 0]);
  });

  it("engines.node admits no Node older than a runtime dependency needs", () => {
    const ours = lowestAdmitted(pkg.engines.node);
    const all = new Map<string, string | undefined>();
    for (const dep of Object.keys(pkg.dependencies)) enginesOf(dep, root, all);
    expect(all.size).toBeGreaterThan(2);
    for (const [file, range] of all) if (range) expect(cmp(ours, lowestAdmitted(range)), `${file}: ${range}`).toBeGreaterThanOrEqual(0);
  });

  it("the development tools that declare a newer Node than the suite runs on are the known ones", () => {
    // CI and development run the whole suite on Node 20 (engines.node); these devDependencies declare a
    // newer Node and only warn (wrangler, for `npm run worker:dev`, refuses to start below 22).
    const floor = lowestAdmitted(pkg.engines.node);
    const newer = Object.keys(pkg.devDependencies).filter((dep) => {
      const file = packageJson(dep, root);
      const range = file === null ? undefined : JSON.parse(readFileSync(file, "utf8")).engines?.node;
      return range !== undefined && cmp(lowestAdmitted(range), floor) > 0;
    }).sort();
    expect(newer).toEqual(["miniflare", "vitest", "wrangler"].filter((d) => d in pkg.devDependencies).sort());
  });
});
