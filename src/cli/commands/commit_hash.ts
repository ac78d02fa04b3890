// taomath commit-hash: the commit_weights hash (BlakeTwo256 of the SCALE tuple get_commit_hash
// hashes) for a hotkey given as an SS58 address or a 0x public key.

import { TaomathError } from "../../core/errors.js";
import { commitHash, mechanismStorageIndex } from "../../weights/index.js";
import { common, type Command, type Values } from "../command.js";
import { asFlags } from "../io.js";
import { intFlag, requiredInt, u64Flag } from "../units.js";

const intList = (values: Values, name: string): number[] => {
  const raw = values[name];
  if (raw === undefined) return [];
  const s = String(raw).trim();
  if (s === "") return [];
  return s.split(",").map((x, i) => {
    if (!/^\s*\d+\s*$/.test(x)) throw new TaomathError("not_integer", `--${name}[${i}]`, `expected a non-negative integer, got ${JSON.stringify(x)}`);
    return Number(x);
  });
};

export const commitHashCommand: Command = {
  name: "commit-hash",
  summary: "the commit_weights hash of a row for an SS58 or hex hotkey",
  usage: ["commit-hash --account HOTKEY --netuid N [--mechanism M] --uids 1,2,3 --values 10,20,30 --salt 1,2,3 [--version-key K]"],
  description: "HOTKEY is an SS58 address (as wallets show it) or the 32-byte public key as 0x hex. The first line is the storage index hashed (mechanism * 4096 + netuid).",
  flags: {
    account: { type: "string", value: "HOTKEY", help: "the hotkey that commits: SS58 (5…) or 0x + 64 hex digits" },
    netuid: common.netuid,
    mechanism: { type: "string", value: "M", help: "the mechanism id (default 0, the main mechanism)" },
    uids: { type: "string", value: "LIST", help: "comma-separated uids (may be empty)" },
    values: { type: "string", value: "LIST", help: "comma-separated u16 weights (may be empty)" },
    salt: { type: "string", value: "LIST", help: "comma-separated u16 salt (may be empty)" },
    "version-key": { type: "string", value: "K", help: "the version key (default 0)" },
  },
  positionals: { min: 0, max: 0 },
  examples: ["taomath commit-hash --account 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY --netuid 1 --uids 0,1 --values 10,10 --salt 1,2,3,4,5,6,7,8"],
  run({ values }) {
    if (values.account === undefined) throw new TaomathError("invalid_type", "--account", "required: the hotkey (SS58 or 0x hex)");
    const netuid = requiredInt(values, "netuid", "the subnet", { max: 65535 });
    const mechanism = intFlag(values, "mechanism", { max: 255, fallback: 0 })!;
    const hash = asFlags({ account: "--account" }, () => commitHash({
      account: String(values.account), netuid, mechanism,
      uids: intList(values, "uids"), values: intList(values, "values"), salt: intList(values, "salt"),
      versionKey: u64Flag(values, "version-key") ?? 0n,
    }));
    console.log(`netuid index ${mechanismStorageIndex(netuid, mechanism)}`);
    console.log(hash);
  },
};
