// The next epoch block under runtime 425's stateful scheduler (should_run_epoch and drain_pending's
// MaxEpochsPerBlock cap, coinbase/run_coinbase.rs), with the numbers of subtensor's
// tests/tempo_control.rs and tests/coinbase.rs, then end to end: the real client fetches the scheduler
// storage from a loopback replay server holding storage encoded here, and predict runs at that block.
// Runtimes up to 343 keep the legacy rule (test/chain.inputs.test.ts).

import { afterAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { epochToVectorEncoding, taomath } from "../src/index.js";
import { cappedNextEpoch, chainStorage as storage, fetchSnapshot, nextScheduledEpoch, predictEpoch, type SubnetSchedule } from "../src/chain/index.js";
import { connectNode } from "../src/chain/node.js";
import { toHex } from "../src/chain/scale.js";
import { readShared, sharedPresent } from "./helpers/shared.js";
import { startReplayServer, type ReplayServer } from "./helpers/replay-server.js";
import { chainFromVector, type VectorChain } from "./helpers/vector-chain.js";

const run = promisify(execFile);
const cli = (args: string[]) => run(process.execPath, ["node/cli.mjs", ...args], { cwd: join(__dirname, ".."), maxBuffer: 64 << 20 });

const subnet = (netuid: number, tempo: number, last: bigint, pending = 0n, since = 0n): SubnetSchedule =>
  ({ netuid, tempo, lastEpochBlock: last, pendingEpochAt: pending, blocksSinceLastStep: since });

describe("should_run_epoch for one subnet (subtensor tests/tempo_control.rs get_next_epoch_start_block_*)", () => {
  it("returns_none_when_tempo_zero: tempo 0 never runs", () => {
    expect(nextScheduledEpoch(subnet(1, 0, 100n), 110n)).toBeNull();
  });
  it("uses_last_epoch_block_plus_tempo: LastEpochBlock 100, tempo 50 -> 150", () => {
    expect(nextScheduledEpoch(subnet(1, 50, 100n), 110n)).toEqual({ block: 150n, trigger: "tempo" });
  });
  it("returns_pending_when_pending_is_earlier: PendingEpochAt 120 -> 120", () => {
    expect(nextScheduledEpoch(subnet(1, 50, 100n, 120n), 110n)).toEqual({ block: 120n, trigger: "pending" });
  });
  it("ignores_pending_when_auto_is_earlier: PendingEpochAt 200 -> 150", () => {
    expect(nextScheduledEpoch(subnet(1, 50, 100n, 200n), 110n)).toEqual({ block: 150n, trigger: "tempo" });
  });
  it("the period is tempo, not tempo + 1: LastEpochBlock 997, tempo 360 -> 1357 (economics spec 5.1 example)", () => {
    expect(nextScheduledEpoch(subnet(3, 360, 997n), 1000n)!.block).toBe(1357n);
  });
  it("an overdue subnet (block - LastEpochBlock already >= tempo) runs at the next block", () => {
    expect(nextScheduledEpoch(subnet(1, 50, 10n), 110n)).toEqual({ block: 111n, trigger: "tempo" });
  });
  it("a PendingEpochAt already passed fires at the next block", () => {
    expect(nextScheduledEpoch(subnet(1, 50, 100n, 105n), 110n)).toEqual({ block: 111n, trigger: "pending" });
  });
  it("safety net: BlocksSinceLastStep is incremented before the check and fires once above 50,400", () => {
    // 50,395 stored at block 1000: 50,401 is read at block 1006
    expect(nextScheduledEpoch(subnet(1, 50_400, 1000n, 0n, 50_395n), 1000n)).toEqual({ block: 1006n, trigger: "safety_net" });
    expect(nextScheduledEpoch(subnet(1, 50_400, 1000n, 0n, 50_400n), 1000n)).toEqual({ block: 1001n, trigger: "safety_net" });
    expect(nextScheduledEpoch(subnet(1, 50_400, 1000n, 0n, 50_399n), 1000n)).toEqual({ block: 1002n, trigger: "safety_net" });
  });
  it("the root subnet (netuid 0) is not visited by drain_pending", () => {
    expect(nextScheduledEpoch(subnet(0, 360, 100n), 110n)).toBeNull();
  });
});

describe("the MaxEpochsPerBlock cap across subnets (drain_pending)", () => {
  it("test_epochs_deferred_this_block_respects_cap: cap 2, four subnets due -> subnets 3 and 4 deferred one block", () => {
    const all = [1, 2, 3, 4].map((n) => subnet(n, 100, 0n, 1n));
    expect(cappedNextEpoch(all, 1, 0n, 2)).toEqual({ block: 1n, deferredBlocks: 0n, deferredBehind: [] });
    expect(cappedNextEpoch(all, 2, 0n, 2)).toEqual({ block: 1n, deferredBlocks: 0n, deferredBehind: [] });
    expect(cappedNextEpoch(all, 3, 0n, 2)).toEqual({ block: 2n, deferredBlocks: 1n, deferredBehind: [1, 2] });
    expect(cappedNextEpoch(all, 4, 0n, 2)).toEqual({ block: 2n, deferredBlocks: 1n, deferredBehind: [1, 2] });
  });
  it("deferral repeats while the subnet stays past the cap (six due at once, cap 2: the last runs two blocks late)", () => {
    const all = [1, 2, 3, 4, 5, 6].map((n) => subnet(n, 100, 0n, 10n));
    expect(cappedNextEpoch(all, 6, 0n, 2)).toMatchObject({ block: 12n, deferredBlocks: 2n });
  });
  it("the order is storage order (NetworksAdded keys), as given, and the root subnet is skipped", () => {
    const all = [subnet(0, 100, 0n, 1n), subnet(256, 100, 0n, 1n), subnet(5, 100, 0n, 1n), subnet(1, 100, 0n, 1n)];
    expect(cappedNextEpoch(all, 1, 0n, 2)).toMatchObject({ block: 2n, deferredBehind: [256, 5] });
  });
  it("subnets due at other blocks do not count", () => {
    const all = [subnet(1, 100, 0n), subnet(2, 100, 1n), subnet(3, 100, 0n)];
    expect(cappedNextEpoch(all, 3, 50n, 2)).toMatchObject({ block: 100n, deferredBlocks: 0n });
  });
});

describe.skipIf(!sharedPresent)("runtime 425 on a replayed chain: the scheduler storage decides the epoch block", () => {
  // vector 004 (tempo 10, LastMechansimStepBlock 0: the epoch's last_tempo is current_block - tempo)
  const vector = sharedPresent ? readShared("vectors", "epoch", "004_small_sparse_classic.json") : null;
  const servers: ReplayServer[] = [];
  afterAll(async () => { for (const s of servers) await s.close(); });
  const put = (chain: VectorChain, key: string, bytes: Uint8Array) => chain.storage.set(key, toHex(bytes));
  const u64 = (chain: VectorChain, name: "LastEpochBlock" | "PendingEpochAt" | "BlocksSinceLastStep", netuid: number, v: bigint) =>
    put(chain, storage[name].key(netuid), storage[name].value.enc(v));
  /** another subnet on the chain, ahead of or behind ours in NetworksAdded order */
  const other = (chain: VectorChain, netuid: number, tempo: number, last: bigint) => {
    put(chain, storage.NetworksAdded.key(netuid), storage.NetworksAdded.value.enc(true));
    put(chain, storage.Tempo.key(netuid), storage.Tempo.value.enc(tempo));
    u64(chain, "LastEpochBlock", netuid, last);
  };
  const fetchFrom = async (chain: VectorChain) => {
    const server = await startReplayServer({ calls: chain.calls, storage: chain.storage });
    servers.push(server);
    const client = connectNode(server.wsUrl, { timeoutMs: 10000, retries: 0 });
    try { return { snapshot: await fetchSnapshot(client, chain.netuid), server }; } finally { client.close(); }
  };
  const epochBlock = () => BigInt(vector.inputs.current_block);

  it("normal tempo: LastEpochBlock + tempo is the epoch block, and predict reproduces the vector there", async () => {
    const chain = chainFromVector(vector.inputs, 425);
    const { snapshot: s, server } = await fetchFrom(chain);
    expect(s.missing).toEqual([]);
    expect(s.storage.LastEpochBlock.value).toBe(String(epochBlock() - 10n));
    expect(s.inputs!.current_block).toBe(vector.inputs.current_block);
    expect(s.inputs!.last_mechanism_step_block).toBe("0");
    const p = predictEpoch(taomath(), s);
    expect(p.schedule).toMatchObject({ rule: "stateful", trigger: "tempo", next_block: vector.inputs.current_block, max_epochs_per_block: 2 });
    expect(epochToVectorEncoding(p.result).outputs).toEqual(vector.outputs);
    expect(server.log.some((r) => r.method === "state_getStorageAt" && r.params[0] === storage.BlocksSinceLastStep.key(chain.netuid))).toBe(true);
  });

  it("the same state read with the 343 rule is not consulted: spec 343 reads no scheduler storage", async () => {
    const chain = chainFromVector(vector.inputs, 343);
    const { snapshot: s, server } = await fetchFrom(chain);
    expect(s.storage.LastEpochBlock).toBeUndefined();
    expect(s.inputs!.current_block).toBe(vector.inputs.current_block);
    expect(predictEpoch(taomath(), s).schedule).toMatchObject({ rule: "legacy", cap_defers: false });
    expect(server.log.some((r) => String(r.params[0] ?? "").startsWith(storage.LastEpochBlock.prefix()))).toBe(false);
  });

  it("LastMechansimStepBlock comes from storage at 425 and feeds the epoch's last_tempo", async () => {
    const chain = chainFromVector(vector.inputs, 425);
    put(chain, storage.LastMechansimStepBlock.key(chain.netuid), storage.LastMechansimStepBlock.value.enc(epochBlock() - 3n));
    const { snapshot: s } = await fetchFrom(chain);
    expect(s.inputs!.last_mechanism_step_block).toBe(String(epochBlock() - 3n));
    expect(epochToVectorEncoding(predictEpoch(taomath(), s).result).outputs).toEqual(
      epochToVectorEncoding(taomath().runEpoch({ ...vector.inputs, last_mechanism_step_block: String(epochBlock() - 3n) })).outputs);
  });

  it("pending epoch set: PendingEpochAt before LastEpochBlock + tempo moves the epoch to it", async () => {
    const chain = chainFromVector(vector.inputs, 425);
    const snap = chain.snapshotBlock;
    u64(chain, "LastEpochBlock", chain.netuid, snap);
    u64(chain, "PendingEpochAt", chain.netuid, snap + 4n);
    const { snapshot: s } = await fetchFrom(chain);
    expect(s.inputs!.current_block).toBe(String(snap + 4n));
    const p = predictEpoch(taomath(), s);
    expect(p.epoch_block).toBe(String(snap + 4n));
    expect(p.schedule.trigger).toBe("pending");
    expect(epochToVectorEncoding(p.result).outputs).toEqual(
      epochToVectorEncoding(taomath().runEpoch({ ...vector.inputs, current_block: String(snap + 4n) })).outputs);
  });

  it("the 50,400 safety net: BlocksSinceLastStep 50,397 fires four blocks on, before the tempo would", async () => {
    const chain = chainFromVector(vector.inputs, 425);
    const snap = chain.snapshotBlock;
    u64(chain, "LastEpochBlock", chain.netuid, snap);
    u64(chain, "BlocksSinceLastStep", chain.netuid, 50_397n);
    const { snapshot: s } = await fetchFrom(chain);
    expect(s.inputs!.current_block).toBe(String(snap + 4n));
    expect(predictEpoch(taomath(), s).schedule.trigger).toBe("safety_net");
  });

  it("tempo 0: never; no epoch block and no inputs, predict refuses with missing_storage", async () => {
    const chain = chainFromVector(vector.inputs, 425, { metagraphTempo: 0 });
    const { snapshot: s } = await fetchFrom(chain);
    expect(s.inputs).toBeNull();
    expect(s.missing).toContain("tempo is 0: this subnet never runs an epoch");
    expect(() => predictEpoch(taomath(), s)).toThrow(expect.objectContaining({ code: "missing_storage" }));
  });

  it("cap: two subnets ahead in storage order due at the same block defer the epoch one block (and say so)", async () => {
    const chain = chainFromVector(vector.inputs, 425);
    expect(chain.netuid).toBe(7);
    other(chain, 1, 10, epochBlock() - 10n);
    other(chain, 2, 20, epochBlock() - 20n);
    other(chain, 9, 10, epochBlock() - 10n); // behind ours: does not count
    const { snapshot: s } = await fetchFrom(chain);
    expect((s.storage.SubnetSchedules.value as any[]).map((x) => x.netuid)).toEqual([1, 2, 7, 9]);
    const p = predictEpoch(taomath(), s);
    expect(p.epoch_block).toBe(vector.inputs.current_block); // the subnet's own schedule
    expect(p.schedule).toMatchObject({ cap_defers: true, capped_block: String(epochBlock() + 1n) });
    expect(p.schedule.note).toMatch(/defers it by 1 block\(s\), behind subnet\(s\) 1, 2/);
  });

  it("cap: storage order is by little-endian key bytes, so netuid 256 is ahead of netuid 1 (and of ours)", async () => {
    const chain = chainFromVector(vector.inputs, 425);
    other(chain, 1, 10, epochBlock() - 10n);
    other(chain, 256, 10, epochBlock() - 10n);
    const { snapshot: s } = await fetchFrom(chain);
    expect((s.storage.SubnetSchedules.value as any[]).map((x) => x.netuid)).toEqual([256, 1, 7]);
    expect(predictEpoch(taomath(), s).schedule.note).toMatch(/behind subnet\(s\) 256, 1$/);
  });

  it("cap: one other subnet due at the same block leaves the epoch where it is", async () => {
    const chain = chainFromVector(vector.inputs, 425);
    other(chain, 1, 10, epochBlock() - 10n);
    other(chain, 2, 10, epochBlock() - 5n);
    const { snapshot: s } = await fetchFrom(chain);
    expect(predictEpoch(taomath(), s).schedule).toMatchObject({ cap_defers: false, capped_block: vector.inputs.current_block });
  });

  it("taomath predict --json prints the schedule, and the table names the trigger", async () => {
    const chain = chainFromVector(vector.inputs, 425);
    const server = await startReplayServer({ calls: chain.calls, storage: chain.storage });
    servers.push(server);
    const args = ["predict", "--url", server.wsUrl, "--netuid", String(chain.netuid), "--retries", "0"];
    const out = JSON.parse((await cli([...args, "--json"])).stdout);
    expect(out.epoch_block).toBe(vector.inputs.current_block);
    expect(out.schedule).toMatchObject({ rule: "stateful", trigger: "tempo", cap_defers: false });
    expect(out.outputs).toEqual(vector.outputs);
    expect((await cli(args)).stdout).toMatch(/schedule \(runtime 425\): fired by tempo/);
  });
});
