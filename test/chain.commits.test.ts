// Commit-reveal: the WeightCommits / TimelockedWeightCommits / RevealPeriodEpochs / SubnetEpochIndex
// storage keys and values, the chain's commit_blocks rule (first live v2 commit per hotkey, every
// live v4 commit, minimum per uid, expiry by reveal period) for the block-indexed epochs of spec
// <= 343 and the SubnetEpochIndex counter of spec 425, and predict end to end on a replayed
// commit-reveal subnet (no --ignore-commit-reveal) reproducing shared vector 033.

import { afterAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { Twox64Concat, u16, u64 } from "@polkadot-api/substrate-bindings";
import { epochToVectorEncoding, taomath } from "../src/index.js";
import { chainStorage as storage, commitBlocks, epochIndexOfBlock, epochInputsFromSnapshot, fetchSnapshot, predictEpoch, type CommitState } from "../src/chain/index.js";
import { connectNode } from "../src/chain/node.js";
import { decodeExact } from "../src/chain/scale.js";
import { twox128Hex } from "../src/chain/storage.js";
import { toHex } from "../src/chain/scale.js";
import { readShared, sharedPresent } from "./helpers/shared.js";
import { accountFor, chainFromVector } from "./helpers/vector-chain.js";
import { commitStorage } from "./helpers/commit-storage.js";
import { startReplayServer, type ReplayServer } from "./helpers/replay-server.js";

const SUBTENSOR = "0x658faa385070e074c85bf6b568cf0555";
const run = promisify(execFile);
const cli = (args: string[]) => run(process.execPath, ["node/cli.mjs", ...args], { maxBuffer: 64 << 20 });
const hash32 = (b: number) => new Uint8Array(32).fill(b);
const hk = (i: number) => accountFor(i);

describe("commit-reveal storage keys and values", () => {
  it("WeightCommits(1, hotkey) = module ++ twox128('WeightCommits') ++ twox64concat(netuid) ++ twox64concat(account)", () => {
    const who = hk(3);
    const account = storage.Keys.value.enc(who);
    const key = storage.WeightCommits.key(1, who);
    expect(key).toBe(SUBTENSOR + twox128Hex("WeightCommits").slice(2) + "f1577fbf1d628fdd0100" + toHex(Twox64Concat(account)).slice(2));
    expect(key.endsWith(toHex(account).slice(2))).toBe(true);
    expect(storage.WeightCommits.decodeKey(key)).toEqual([1, who]);
    expect(storage.WeightCommits.prefix(1)).toBe(SUBTENSOR + twox128Hex("WeightCommits").slice(2) + "f1577fbf1d628fdd0100");
  });

  it("TimelockedWeightCommits(1, epoch 7) hashes the epoch as a twox64concat u64", () => {
    const key = storage.TimelockedWeightCommits.key(1, 7n);
    expect(key).toBe(SUBTENSOR + twox128Hex("TimelockedWeightCommits").slice(2) + "f1577fbf1d628fdd0100" + toHex(Twox64Concat(u64.enc(7n))).slice(2));
    expect(key.endsWith("0700000000000000")).toBe(true);
    expect(storage.TimelockedWeightCommits.decodeKey(key)).toEqual([1, 7n]);
  });

  it("RevealPeriodEpochs is twox64concat(netuid) with default 1; SubnetEpochIndex is identity(netuid) with default 0", () => {
    expect(storage.RevealPeriodEpochs.key(1)).toBe(SUBTENSOR + twox128Hex("RevealPeriodEpochs").slice(2) + toHex(Twox64Concat(u16.enc(1))).slice(2));
    expect(storage.RevealPeriodEpochs.default).toBe(1n);
    expect(storage.SubnetEpochIndex.key(1)).toBe(SUBTENSOR + twox128Hex("SubnetEpochIndex").slice(2) + "0100");
    expect(storage.SubnetEpochIndex.default).toBe(0n);
  });

  it("a WeightCommits value is a SCALE VecDeque<(H256, u64, u64, u64)>", () => {
    const bytes = "0x04" + "11".repeat(32) + "0500000000000000" + "0600000000000000" + "0700000000000000";
    expect(decodeExact(storage.WeightCommits.value, bytes, "q")).toEqual([[hash32(0x11), 5n, 6n, 7n]]);
  });

  it("a TimelockedWeightCommits value is VecDeque<(AccountId, u64, Vec<u8>, u64)>; a short ciphertext is malformed_scale", () => {
    const who = hk(2);
    const bytes = "0x04" + toHex(storage.Keys.value.enc(who)).slice(2) + "e803000000000000" + "0c" + "aabbcc" + "0900000000000000";
    expect(decodeExact(storage.TimelockedWeightCommits.value, bytes, "q")).toEqual([[who, 1000n, Uint8Array.from([0xaa, 0xbb, 0xcc]), 9n]]);
    expect(() => decodeExact(storage.TimelockedWeightCommits.value, bytes.replace("0caabbcc", "0caabb"), "q")).toThrow(/malformed|truncated/i);
  });
});

// A subnet with netuid 1, tempo 9: epoch index of block b = (b + 2) / 10.
const base = (over: Partial<CommitState>): CommitState => ({
  semantics: "block", netuid: 1, tempo: 9, epochBlock: 98n, hotkeys: [hk(0), hk(1), hk(2), hk(3)],
  weightCommits: [], timelockedCommits: [], revealPeriodEpochs: 1n, ...over,
});
const h = "0x" + "00".repeat(32);

describe("commit_blocks as the chain builds them (spec <= 343: epochs counted from blocks)", () => {
  it("epoch index of a block is (block + netuid + 1) / (tempo + 1)", () => {
    expect(epochIndexOfBlock(1, 9, 98n)).toBe(10n);
    expect(epochIndexOfBlock(1, 9, 97n)).toBe(9n);
    expect(epochIndexOfBlock(0, 0, 5n)).toBe(6n);
    expect(epochIndexOfBlock(1, 9, (1n << 64n) - 1n)).toBe(((1n << 64n) - 1n) / 10n); // saturating add
  });

  it("no commits: every uid is null", () => {
    expect(commitBlocks(base({}))).toEqual([null, null, null, null]);
  });

  it("a commit whose epoch is exactly current - reveal_period is live; one epoch older is expired", () => {
    // current epoch 10, reveal period 1: epoch 9 (blocks 88..97) live, epoch 8 (78..87) expired
    const s = base({ weightCommits: [{ hotkey: hk(1), queue: [[h, 88n, 0n, 0n]] }, { hotkey: hk(2), queue: [[h, 87n, 0n, 0n]] }] });
    expect(commitBlocks(s)).toEqual([null, "88", null, null]);
  });

  it("a v2 queue gives its FIRST live entry, skipping expired ones, even when a later entry is smaller", () => {
    const s = base({ weightCommits: [{ hotkey: hk(0), queue: [[h, 50n, 0n, 0n], [h, 95n, 0n, 0n], [h, 90n, 0n, 0n]] }] });
    expect(commitBlocks(s)).toEqual(["95", null, null, null]);
  });

  it("v4 entries are expired one by one from their commit block; the epoch key is ignored", () => {
    const s = base({ timelockedCommits: [{ epoch: 0n, queue: [[hk(3), 70n, 1n], [hk(3), 92n, 1n], [hk(2), 96n, 1n]] }] });
    expect(commitBlocks(s)).toEqual([null, null, "96", "92"]);
  });

  it("each uid keeps the minimum of its v2 and v4 commit blocks; unknown hotkeys are skipped", () => {
    const s = base({
      weightCommits: [{ hotkey: hk(1), queue: [[h, 94n, 0n, 0n]] }, { hotkey: hk(9), queue: [[h, 89n, 0n, 0n]] }],
      timelockedCommits: [{ epoch: 9n, queue: [[hk(1), 91n, 1n], [hk(9), 90n, 1n]] }, { epoch: 10n, queue: [[hk(1), 97n, 1n]] }],
    });
    expect(commitBlocks(s)).toEqual([null, "91", null, null]);
  });

  it("a longer reveal period keeps older commits live", () => {
    const s = base({ revealPeriodEpochs: 3n, weightCommits: [{ hotkey: hk(0), queue: [[h, 68n, 0n, 0n]] }, { hotkey: hk(1), queue: [[h, 67n, 0n, 0n]] }] });
    expect(commitBlocks(s)).toEqual(["68", null, null, null]);
  });
});

describe("commit_blocks as the chain builds them (spec 425: the SubnetEpochIndex counter)", () => {
  // snapshot counter 41: the next epoch runs with SubnetEpochIndex 42 (drain_pending increments it first)
  const c = (over: Partial<CommitState>) => base({ semantics: "counter", subnetEpochIndex: 41n, ...over });

  it("v2 entries are (hash, commit_epoch, commit_block, _): expiry by commit_epoch, the cell takes commit_block", () => {
    const s = c({ weightCommits: [
      { hotkey: hk(0), queue: [[h, 40n, 5000n, 0n]] }, // 42 > 40 + 1: expired
      { hotkey: hk(1), queue: [[h, 40n, 5000n, 0n], [h, 41n, 5100n, 0n], [h, 42n, 5001n, 0n]] },
    ] });
    expect(commitBlocks(s)).toEqual([null, "5100", null, null]);
  });

  it("v4 queues are expired by their epoch key", () => {
    const s = c({ timelockedCommits: [
      { epoch: 40n, queue: [[hk(2), 10n, 1n]] },
      { epoch: 41n, queue: [[hk(2), 700n, 1n], [hk(3), 701n, 1n]] },
      { epoch: 42n, queue: [[hk(3), 650n, 1n]] },
    ] });
    expect(commitBlocks(s)).toEqual([null, null, "700", "650"]);
  });

  it("the same stored entry (hash, 95, 41, 0) is commit block 95 at spec 343 and commit block 41 of epoch 95 at 425", () => {
    const q = { weightCommits: [{ hotkey: hk(0), queue: [[h, 95n, 41n, 0n]] as CommitState["weightCommits"][0]["queue"] }] };
    expect(commitBlocks(base(q))).toEqual(["95", null, null, null]);
    expect(commitBlocks(c(q))).toEqual(["41", null, null, null]);
  });
});

describe.skipIf(!sharedPresent)("predict on a replayed commit-reveal subnet (vector 033_commit_reveal_mask)", () => {
  const vector = sharedPresent ? readShared("vectors", "epoch", "033_commit_reveal_mask.json") : null;
  const servers: ReplayServer[] = [];
  afterAll(async () => { for (const s of servers) await s.close(); });
  const serve = async (spec: 343 | 425) => {
    const chain = chainFromVector(vector.inputs, spec);
    commitStorage(chain, vector, spec);
    const server = await startReplayServer({ calls: chain.calls, storage: chain.storage });
    servers.push(server);
    return { chain, server };
  };

  it("the vector has commit-reveal on and live commits for uids 2, 6, 19 and 21", () => {
    expect(vector.inputs.commit_reveal_enabled).toBe(true);
    expect(vector.inputs.commit_blocks.flatMap((b: string | null, i: number) => (b === null ? [] : [i]))).toEqual([2, 6, 19, 21]);
  });

  for (const spec of [343, 425] as const) {
    it(`spec ${spec}: fetch reads the commits and builds the vector's commit_blocks; predict equals runEpoch on them and the vector`, async () => {
      const { chain, server } = await serve(spec);
      const client = connectNode(server.wsUrl, { timeoutMs: 10000, retries: 0 });
      try {
        const s = await fetchSnapshot(client, chain.netuid, { pageSize: 2 });
        expect(s.missing).toEqual([]);
        expect(s.storage.WeightCommits.status).toBe("present");
        expect((s.storage.WeightCommits.value as unknown[]).length).toBe(5);
        expect(s.storage.RevealPeriodEpochs.value).toBe("2");
        expect(s.storage.SubnetEpochIndex?.value).toBe(spec === 425 ? "1000" : undefined);
        expect(s.inputs!.commit_blocks).toEqual(vector.inputs.commit_blocks);
        const p = predictEpoch(taomath(), s);
        const direct = epochToVectorEncoding(taomath().runEpoch(vector.inputs)).outputs;
        expect(epochToVectorEncoding(p.result).outputs).toEqual(direct);
        expect(direct).toEqual(vector.outputs);
        expect(server.log.some((r) => r.method === "state_getKeysPaged" && String(r.params[0]).includes(twox128Hex("TimelockedWeightCommits").slice(2)))).toBe(true);
      } finally { client.close(); }
    });
  }

  it("without the commit mask (ignoreCommitReveal) the same snapshot gives commit_blocks null and other outputs", async () => {
    const { chain, server } = await serve(343);
    const client = connectNode(server.wsUrl, { timeoutMs: 10000, retries: 0 });
    try {
      const s = await fetchSnapshot(client, chain.netuid);
      const p = predictEpoch(taomath(), s, { ignoreCommitReveal: true });
      expect(p.inputs.commit_blocks).toBeNull();
      expect(epochToVectorEncoding(p.result).outputs).not.toEqual(vector.outputs);
    } finally { client.close(); }
  });

  it("taomath predict --json runs without --ignore-commit-reveal and prints the vector's outputs and commit_blocks", async () => {
    const { chain, server } = await serve(343);
    const { stdout } = await cli(["predict", "--url", server.wsUrl, "--netuid", String(chain.netuid), "--json", "--retries", "0"]);
    const out = JSON.parse(stdout);
    expect(out.epoch_block).toBe(vector.inputs.current_block);
    expect(out.commit_blocks).toEqual(vector.inputs.commit_blocks);
    expect(out.outputs).toEqual(vector.outputs);
    const table = (await cli(["predict", "--url", server.wsUrl, "--netuid", String(chain.netuid), "--retries", "0"])).stdout;
    expect(table).toMatch(/commit-reveal on: 4 uid\(s\) with a live weight commit/);
  });
});

describe("commit storage the node could not serve", () => {
  it("is listed as missing and no inputs are built (unless the mask is explicitly ignored)", () => {
    const mg = { num_uids: 1, tempo: 9, hotkeys: [hk(0)], owner_hotkey: hk(0), commit_reveal_weights_enabled: true };
    const s = {
      source: { netuid: 1, block: 90, spec_version: 343 }, metagraph: mg,
      storage: { WeightCommits: { status: "missing", reason: "SubtensorModule.WeightCommits: node error" } },
    };
    const built = epochInputsFromSnapshot(s);
    expect(built.inputs).toBeNull();
    expect(built.missing).toContain("SubtensorModule.WeightCommits: node error");
    expect(built.missing).toContain("TimelockedWeightCommits: not read");
    expect(epochInputsFromSnapshot(s, { ignoreCommitReveal: true }).missing.some((m) => /Commit/.test(m))).toBe(false);
  });
});

describe("commitBlocks input checks", () => {
  it("counter semantics without SubnetEpochIndex is missing_storage naming it", () => {
    expect(() => commitBlocks(base({ semantics: "counter" }))).toThrow(expect.objectContaining({ code: "missing_storage", field: "SubnetEpochIndex" }));
  });

  it("a commit block that is not a u64 names the queue entry", () => {
    const s = base({ weightCommits: [{ hotkey: hk(0), queue: [[h, "12x", 0n, 0n]] }] });
    expect(() => commitBlocks(s)).toThrow(expect.objectContaining({ code: "invalid_type", field: "WeightCommits[0].queue[0][1]" }));
  });
});
