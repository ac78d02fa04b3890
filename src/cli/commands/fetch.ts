// taomath fetch: read a subnet from a node into a snapshot (stdout or --out, written atomically).

import { writeFileAtomic } from "../../host/node-chain.js";
import { UsageError } from "../args.js";
import type { Command } from "../command.js";
import { nodeFlags, snapshotFrom } from "../subnet_source.js";

export const fetch: Command = {
  name: "fetch",
  summary: "read a subnet from a node into a snapshot file (metagraph, storage, epoch inputs)",
  usage: ["fetch --url URL --netuid N [--block B] [--out FILE] [--timeout MS] [--retries K] [--assume-runtime V]"],
  description: "The snapshot is JSON; its \"inputs\" are the next epoch's inputs, or null with \"missing\" listing what the node did not serve. Progress goes to stderr; --out writes FILE atomically.",
  flags: { ...nodeFlags, out: { type: "string", value: "FILE", help: "write the snapshot to FILE (whole or not at all) instead of stdout" } },
  positionals: { min: 0, max: 0 },
  examples: ["taomath fetch --url wss://entrypoint-finney.opentensor.ai:443 --netuid 1 --out sn1.json"],
  async run({ values }) {
    if (values.url === undefined) throw new UsageError("fetch needs --url URL --netuid N");
    const snapshot = await snapshotFrom(values);
    const text = JSON.stringify(snapshot) + "\n";
    if (typeof values.out === "string") writeFileAtomic(values.out, text);
    else process.stdout.write(text);
    if (snapshot.missing.length) process.stderr.write(`inputs not built; missing:\n  ${snapshot.missing.join("\n  ")}\n`);
  },
};

