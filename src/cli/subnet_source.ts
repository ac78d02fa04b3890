// Where a command's subnet comes from: a node (--url --netuid [--block], read with fetchSnapshot,
// progress on stderr) or a snapshot file written by `taomath fetch` (--snapshot).

import { TaomathError } from "../core/errors.js";
import { fetchSnapshot, SNAPSHOT_SCHEMA, type Snapshot } from "../chain/snapshot.js";
import { UsageError } from "./args.js";
import { common, type Values } from "./command.js";
import { clientFrom, netuidFrom } from "./chain.js";
import { readJson } from "./io.js";
import { intFlag } from "./units.js";

export const nodeFlags = {
  url: common.url, netuid: common.netuid, block: common.block, timeout: common.timeout, retries: common.retries,
  "assume-runtime": common["assume-runtime"],
} as const;

export async function snapshotFrom(values: Values): Promise<Snapshot> {
  if (typeof values.snapshot === "string") {
    if (values.url !== undefined) throw new UsageError("give --snapshot or --url, not both");
    const json = readJson(values.snapshot, "--snapshot");
    if (json?.schema !== SNAPSHOT_SCHEMA) throw new TaomathError("invalid_type", "--snapshot", `expected a snapshot written by \`taomath fetch\` (schema ${SNAPSHOT_SCHEMA})`);
    return json as Snapshot;
  }
  if (values.url === undefined) throw new UsageError("say where the subnet comes from: --url URL --netuid N, or --snapshot FILE");
  const netuid = netuidFrom(values);
  const client = clientFrom(values);
  let progressShown = false;
  try {
    return await fetchSnapshot(client, netuid, {
      block: intFlag(values, "block", { max: 0xffff_ffff }),
      assumeSpecVersion: intFlag(values, "assume-runtime"),
      onProgress: (p) => {
        progressShown = true;
        process.stderr.write(`\r${p.phase}: ${p.done}${p.total ? `/${p.total}` : ""}        `);
      },
    });
  } finally {
    if (progressShown) process.stderr.write("\n");
    client.close();
  }
}

