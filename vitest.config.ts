import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// vitest 5's error summary calls Map.groupBy (Node >= 21); without it a failing test on Node 20
// ends in "Map.groupBy is not a function" instead of the failure message.
const M = Map as unknown as { groupBy?: unknown };
if (typeof M.groupBy !== "function") {
  M.groupBy = <T, K>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> => {
    const out = new Map<K, T[]>();
    let i = 0;
    for (const item of items) {
      const k = key(item, i++);
      const group = out.get(k);
      if (group) group.push(item);
      else out.set(k, [item]);
    }
    return out;
  };
}

export default defineConfig({
  // Tests run the TypeScript sources: the package import "#taomath-host" (dist/host/default_node.js
  // for Node) must be the source module too, or the default instance would come from dist.
  resolve: { alias: { "#taomath-host": fileURLToPath(new URL("./src/host/default_node.ts", import.meta.url)) } },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60000,
    hookTimeout: 60000,
    pool: "threads",
    setupFiles: ["test/helpers/setup.ts"],
  },
});
