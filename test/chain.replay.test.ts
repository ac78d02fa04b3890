// End to end through a loopback JSON-RPC server: the real client fetches recorded subnet 1
// (runtime 343) over WebSocket and HTTP, storage the recording lacks is reported missing, the
// typed errors for a bad node, and `predict` reproduces shared epoch vectors served as chain state.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { taomath, epochToVectorEncoding, TaomathError } from "../src/index.js";
import { connectNode } from "../src/chain/node.js";
import { fetchSnapshot, predictEpoch } from "../src/chain/index.js";
import { readShared, sharedPresent } from "./helpers/shared.js";
import { startReplayServer, type RecordedCall, type ReplayServer } from "./helpers/replay-server.js";
import { chainFromVector } from "./helpers/vector-chain.js";

const run = promisify(execFile);
const cli = (args: string[]) => run(process.execPath, ["node/cli.mjs", ...args], { cwd: join(__dirname, ".."), maxBuffer: 64 << 20 });
const SN1_HASH = "0xdb13c066e2c63969f140164fb3bfe7a0aaa7b71407fc0fe525d68e57329ef9d0";

function sn1Calls(): RecordedCall[] {
  const rec = readShared<{ calls: RecordedCall[] }>("data", "finney", "sn1-block6852690.rpc.json");
  const version = rec.calls.find((c) => c.method === "state_getRuntimeVersion")!;
  // The recording took the runtime version at the parent block; taomath asks at the block itself.
  // Both are spec 343 (the recorded state_call payloads decode exactly with the 343 layout).
  return [...rec.calls, { method: "state_getRuntimeVersion", params: [SN1_HASH], result: version.result }];
}

describe.skipIf(!sharedPresent)("replay of recorded subnet 1 at block 6,852,690", () => {
  let server: ReplayServer;
  beforeAll(async () => { server = await startReplayServer({ calls: sn1Calls() }); });
  afterAll(async () => { await server?.close(); });

  it("fetches neurons, subnet state and metagraph over WebSocket: 1,024 neurons, tempo 99, kappa 32767, 12 validators", async () => {
    const client = connectNode(server.wsUrl, { timeoutMs: 5000, retries: 0 });
    try {
      const s = await fetchSnapshot(client, 1, { block: 6852690 });
      expect(s.source).toMatchObject({ netuid: 1, block: 6852690, block_hash: SN1_HASH, spec_version: 343 });
      expect(s.neurons_lite.length).toBe(1024);
      expect((s.subnet_state.hotkeys as string[]).length).toBe(1024);
      expect(s.metagraph.tempo).toBe(99);
      expect(s.metagraph.kappa).toBe(32767);
      expect((s.metagraph.validators as number[]).length).toBe(12);
      expect(s.metagraph.tao_in).toBe("22079400556774");
      expect(s.metagraph.alpha_in).toBe("2316467425363654");
      expect(s.metagraph.moving_price).toEqual({ bits: "40869489", value: 40869489 / 2 ** 32 });
    } finally { client.close(); }
  });

  it("sends the same selective metagraph request as the recording (netuid 1, mechanism 0, indexes 0..73)", async () => {
    const sent = server.log.find((r) => r.params[0] === "SubnetInfoRuntimeApi_get_selective_mechagraph")!;
    const recorded = sn1Calls().find((c) => c.params[0] === "SubnetInfoRuntimeApi_get_selective_mechagraph")!;
    expect((sent.params[1] as string).slice(2)).toBe(recorded.params[1]);
  });

  it("reports the storage the recording lacks (weights, bonds, ...) as missing and builds no inputs", async () => {
    const client = connectNode(server.wsUrl, { timeoutMs: 5000, retries: 0 });
    try {
      const s = await fetchSnapshot(client, 1, { block: 6852690 });
      expect(s.inputs).toBeNull();
      expect(s.storage.Weights.status).toBe("missing");
      expect(s.storage.Bonds.status).toBe("missing");
      expect(s.storage.LastUpdate.status).toBe("missing");
      expect(s.missing.some((m) => m.startsWith("SubtensorModule.Weights"))).toBe(true);
      // subnet 1 has commit-reveal on: its commits are read too, and the recording lacks them as well
      expect(s.storage.WeightCommits.status).toBe("missing");
      expect(s.storage.TimelockedWeightCommits.status).toBe("missing");
      expect(s.missing.some((m) => m.startsWith("SubtensorModule.WeightCommits"))).toBe(true);
      expect(() => predictEpoch(taomath(), s)).toThrow(/cannot build the epoch inputs/);
    } finally { client.close(); }
  });

  it("fetches the same snapshot over HTTP", async () => {
    const client = connectNode(server.httpUrl, { timeoutMs: 5000, retries: 0 });
    const s = await fetchSnapshot(client, 1, { block: 6852690 });
    expect(s.neurons_lite.length).toBe(1024);
    expect(s.metagraph.tempo).toBe(99);
  });

  it("a block the recording does not hold is an rpc_error naming the call", async () => {
    const client = connectNode(server.wsUrl, { timeoutMs: 5000, retries: 0 });
    try {
      await expect(fetchSnapshot(client, 1, { block: 1 })).rejects.toMatchObject({ code: "rpc_error", field: "chain_getBlockHash" });
    } finally { client.close(); }
  });

  it("taomath fetch writes the snapshot to --out atomically, with progress on stderr", async () => {
    const dir = mkdtempSync(join(tmpdir(), "taomath-fetch-"));
    const out = join(dir, "snapshot.json");
    const { stderr } = await cli(["fetch", "--url", server.wsUrl, "--netuid", "1", "--block", "6852690", "--out", out, "--retries", "0"]);
    expect(stderr).toMatch(/metagraph: 1\/3/);
    expect(stderr).toMatch(/SubtensorModule.Weights/);
    const snap = JSON.parse(readFileSync(out, "utf8"));
    expect(snap.schema).toBe("taomath-snapshot/1");
    expect(snap.neurons_lite.length).toBe(1024);
    expect(readdirSync(dir)).toEqual(["snapshot.json"]);
  });

  it("taomath fetch against a node that does not exist writes nothing and exits 1 with [unreachable]", async () => {
    const dir = mkdtempSync(join(tmpdir(), "taomath-fetch-"));
    const out = join(dir, "snapshot.json");
    const e = await cli(["fetch", "--url", "ws://127.0.0.1:9", "--netuid", "1", "--out", out, "--retries", "1", "--timeout", "2000"]).catch((x) => x);
    expect(e.code).toBe(1);
    expect(e.stderr).toMatch(/\[unreachable\]/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe.skipIf(!sharedPresent)("typed errors from the client", () => {
  it("a node that never answers is a timeout after the retries", async () => {
    const server = await startReplayServer({ calls: [], silent: ["chain_getHead"] });
    const client = connectNode(server.wsUrl, { timeoutMs: 150, retries: 1, retryDelayMs: 10 });
    try {
      const e = await fetchSnapshot(client, 1).catch((x) => x);
      expect(e).toBeInstanceOf(TaomathError);
      expect(e.code).toBe("timeout");
      expect(e.message).toMatch(/after 2 attempts/);
      expect(server.log.filter((r) => r.method === "chain_getHead").length).toBe(2);
    } finally { client.close(); await server.close(); }
  });

  it("over HTTP too: a node that never answers is a timeout, and retried", async () => {
    const server = await startReplayServer({ calls: [], silent: ["chain_getHead"] });
    const client = connectNode(server.httpUrl, { timeoutMs: 150, retries: 2, retryDelayMs: 10 });
    try {
      await expect(fetchSnapshot(client, 1)).rejects.toMatchObject({ code: "timeout", message: expect.stringMatching(/after 3 attempts/) });
      expect(server.log.length).toBe(3);
    } finally { await server.close(); }
  });

  it("an HTTP endpoint with nothing listening is unreachable", async () => {
    const client = connectNode("http://127.0.0.1:9", { timeoutMs: 2000, retries: 0 });
    await expect(client.head()).rejects.toMatchObject({ code: "unreachable" });
  });

  it("a node on another runtime version is refused with runtime_version before any runtime API call", async () => {
    const calls = sn1Calls().map((c) => (c.method === "state_getRuntimeVersion" ? { ...c, result: { ...c.result as object, specVersion: 400 } } : c));
    const server = await startReplayServer({ calls });
    const client = connectNode(server.wsUrl, { timeoutMs: 5000, retries: 0 });
    try {
      await expect(fetchSnapshot(client, 1, { block: 6852690 })).rejects.toMatchObject({ code: "runtime_version" });
      expect(server.log.some((r) => r.method === "state_call")).toBe(false);
    } finally { client.close(); await server.close(); }
  });

  it("assumeSpecVersion decodes an unknown runtime with a known layout and records both versions", async () => {
    const calls = sn1Calls().map((c) => (c.method === "state_getRuntimeVersion" ? { ...c, result: { ...c.result as object, specVersion: 400 } } : c));
    const server = await startReplayServer({ calls });
    const client = connectNode(server.wsUrl, { timeoutMs: 5000, retries: 0 });
    try {
      const s = await fetchSnapshot(client, 1, { block: 6852690, assumeSpecVersion: 343 });
      expect(s.source).toMatchObject({ spec_version: 400, layout_version: 343 });
      expect(s.neurons_lite.length).toBe(1024);
    } finally { client.close(); await server.close(); }
  });

  it("a truncated runtime API answer is malformed_scale", async () => {
    const calls = sn1Calls().map((c) => (c.params[0] === "SubnetInfoRuntimeApi_get_selective_mechagraph" ? { ...c, result: (c.result as string).slice(0, 2000) } : c));
    const server = await startReplayServer({ calls });
    const client = connectNode(server.wsUrl, { timeoutMs: 5000, retries: 0 });
    try {
      await expect(fetchSnapshot(client, 1, { block: 6852690 })).rejects.toMatchObject({ code: "malformed_scale" });
    } finally { client.close(); await server.close(); }
  });

  it("a netuid whose metagraph is None is unknown_netuid", async () => {
    const calls = sn1Calls().map((c) => (c.params[0] === "SubnetInfoRuntimeApi_get_selective_mechagraph" ? { ...c, result: "0x00" } : c));
    const server = await startReplayServer({ calls });
    const client = connectNode(server.wsUrl, { timeoutMs: 5000, retries: 0 });
    try {
      await expect(fetchSnapshot(client, 1, { block: 6852690 })).rejects.toMatchObject({ code: "unknown_netuid", message: expect.stringMatching(/subnet 1 does not exist at block 6852690/) });
    } finally { client.close(); await server.close(); }
  });

  it("a URL that is not ws(s) or http(s) is invalid_type", () => {
    expect(() => connectNode("ftp://x")).toThrow(TaomathError);
  });
});

const PREDICT_VECTORS = ["042_random_mix_0.json", "031_subnet_owner.json", "017_tao_weighted_stake.json", "039_n1024_sparse_classic.json"];

describe.skipIf(!sharedPresent)("predict on a replayed chain holding a shared epoch vector's state", () => {
  for (const file of PREDICT_VECTORS) {
    it(`predictEpoch over WebSocket reproduces ${file} outputs exactly`, async () => {
      const vector = readShared("vectors", "epoch", file);
      const chain = chainFromVector(vector.inputs);
      const server = await startReplayServer({ calls: chain.calls, storage: chain.storage });
      const client = connectNode(server.wsUrl, { timeoutMs: 10000, retries: 0 });
      try {
        const s = await fetchSnapshot(client, chain.netuid, { pageSize: 64 });
        expect(s.missing).toEqual([]);
        const p = predictEpoch(taomath(), s);
        expect(p.epoch_block).toBe(vector.inputs.current_block);
        expect(epochToVectorEncoding(p.result).outputs).toEqual(vector.outputs);
      } finally { client.close(); await server.close(); }
    });
  }

  it("the snapshot's inputs equal the vector's inputs field by field (weights and bonds paged from storage)", async () => {
    const vector = readShared("vectors", "epoch", "042_random_mix_0.json");
    const chain = chainFromVector(vector.inputs);
    const server = await startReplayServer({ calls: chain.calls, storage: chain.storage });
    const client = connectNode(server.wsUrl, { timeoutMs: 10000, retries: 0 });
    try {
      const s = await fetchSnapshot(client, chain.netuid, { pageSize: 16 });
      const inputs = s.inputs as Record<string, unknown>;
      expect(Object.keys(inputs).sort()).toEqual(Object.keys(vector.inputs).sort());
      for (const k of Object.keys(vector.inputs)) expect(inputs[k], k).toEqual(vector.inputs[k]);
      expect(server.log.filter((r) => r.method === "state_getKeysPaged").length).toBeGreaterThan(2);
    } finally { client.close(); await server.close(); }
  });

  it("taomath predict --json on the replay server prints the vector's incentive, dividends and emission", async () => {
    const vector = readShared("vectors", "epoch", "042_random_mix_0.json");
    const chain = chainFromVector(vector.inputs);
    const server = await startReplayServer({ calls: chain.calls, storage: chain.storage });
    try {
      const { stdout } = await cli(["predict", "--url", server.wsUrl, "--netuid", String(chain.netuid), "--json", "--retries", "0"]);
      const out = JSON.parse(stdout);
      expect(out.epoch_block).toBe(vector.inputs.current_block);
      expect(out.outputs.incentive).toEqual(vector.outputs.incentive);
      expect(out.outputs.dividends).toEqual(vector.outputs.dividends);
      expect(out.outputs.emission).toEqual(vector.outputs.emission);
      const table = (await cli(["predict", "--url", server.wsUrl, "--netuid", String(chain.netuid)])).stdout;
      expect(table).toMatch(new RegExp(`Subnet ${chain.netuid}: next epoch at block ${vector.inputs.current_block}`));
    } finally { await server.close(); }
  });

  it("a fetched snapshot file runs with `taomath epoch FILE` and `taomath predict --snapshot FILE`", async () => {
    const vector = readShared("vectors", "epoch", "031_subnet_owner.json");
    const chain = chainFromVector(vector.inputs);
    const server = await startReplayServer({ calls: chain.calls, storage: chain.storage });
    const out = join(mkdtempSync(join(tmpdir(), "taomath-snap-")), "s.json");
    try {
      await cli(["fetch", "--url", server.wsUrl, "--netuid", String(chain.netuid), "--out", out]);
    } finally { await server.close(); }
    expect(JSON.parse((await cli(["epoch", out, "--json"])).stdout).outputs).toEqual(vector.outputs);
    expect(JSON.parse((await cli(["predict", "--snapshot", out, "--json"])).stdout).outputs).toEqual(vector.outputs);
  });

  it("taomath predict on recorded subnet 1 exits 1 with [missing_storage] naming Weights", async () => {
    const server = await startReplayServer({ calls: sn1Calls() });
    try {
      const e = await cli(["predict", "--url", server.wsUrl, "--netuid", "1", "--block", "6852690", "--retries", "0"]).catch((x) => x);
      expect(e.code).toBe(1);
      expect(e.stderr).toMatch(/\[missing_storage\]/);
      expect(e.stderr).toMatch(/SubtensorModule\.Weights/);
    } finally { await server.close(); }
  });
});
