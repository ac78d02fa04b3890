// `taomath metagraph`, `subnets` and `quote` reading a node: the built CLI against a loopback
// JSON-RPC server replaying mainnet recordings (subnet 1 at block 6,852,690, runtime 343; every
// subnet's info and AlphaSqrtPrice at runtime 315), and the same commands on snapshot files.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { taomath } from "../src/index.js";
import { connectNode } from "../src/chain/node.js";
import { chainStorage, decodeSelectiveMetagraph, decodeSubnetsInfoV2, decodeU64F64, fetchSnapshot } from "../src/chain/index.js";
import { exampleNetworkSnapshot } from "../src/network/index.js";
import { maxAmountForLimit, quoteStake, quoteUnstake, spotPrice } from "../src/pool/index.js";
import { readShared, sharedPresent } from "./helpers/shared.js";
import { startReplayServer, type RecordedCall, type ReplayServer } from "./helpers/replay-server.js";
import { chainFromVector } from "./helpers/vector-chain.js";

const run = promisify(execFile);
const cli = (args: string[]) => run(process.execPath, ["node/cli.mjs", ...args], { cwd: join(__dirname, ".."), maxBuffer: 64 << 20 });
const fails = (args: string[]) => cli(args).then(() => { throw new Error("expected a non-zero exit"); }, (e) => e as { code: number; stdout: string; stderr: string });
const tmp = mkdtempSync(join(tmpdir(), "taomath-cli-chain-"));
const plain = (x: unknown) => JSON.stringify(x, (_k, v) => (typeof v === "bigint" ? v.toString() : v));

const SN1_HASH = "0xdb13c066e2c63969f140164fb3bfe7a0aaa7b71407fc0fe525d68e57329ef9d0";
const SUBNETS_HEAD = "0x12cfb4a55540daa5d61db02c79a5e8c0c52e87d81f1d256baff444e8b2ecd44f";

function sn1Calls(): RecordedCall[] {
  const rec = readShared<{ calls: RecordedCall[] }>("data", "finney", "sn1-block6852690.rpc.json");
  const version = rec.calls.find((c) => c.method === "state_getRuntimeVersion")!;
  // recorded at the parent block; the same spec (343) serves the block itself
  return [...rec.calls, { method: "state_getRuntimeVersion", params: [SN1_HASH], result: version.result }];
}

/**
 * The all-subnets recording asked at the best block (a null block hash); the CLI pins every read to
 * the head it found first. state_queryStorageAt's answer names that head, so the same calls are
 * served at it, and the runtime version (recorded at the parent, spec 315) at the head too.
 */
function subnetsCalls(): RecordedCall[] {
  const rec = readShared<{ calls: RecordedCall[] }>("data", "finney", "all-subnets.rpc.json");
  const pinned = rec.calls.map((c) => ({ ...c, params: c.params.map((p) => (p === null ? SUBNETS_HEAD : p)) }));
  const version = rec.calls.find((c) => c.method === "state_getRuntimeVersion")!;
  return [...pinned, { method: "state_getRuntimeVersion", params: [SUBNETS_HEAD], result: version.result }];
}

describe.skipIf(!sharedPresent)("taomath metagraph / quote on recorded subnet 1 (runtime 343)", () => {
  let server: ReplayServer;
  const mg = () => {
    const c = readShared<{ calls: RecordedCall[] }>("data", "finney", "sn1-block6852690.rpc.json").calls
      .find((x) => x.params[0] === "SubnetInfoRuntimeApi_get_selective_mechagraph")!;
    return decodeSelectiveMetagraph(c.result as string, 343)!;
  };
  beforeAll(async () => { server = await startReplayServer({ calls: sn1Calls() }); });
  afterAll(async () => { await server?.close(); });
  const node = () => ["--url", server.wsUrl, "--netuid", "1", "--block", "6852690", "--retries", "0"];

  it("metagraph --json lists all 1,024 neurons with the node's hotkeys, stakes and permits", async () => {
    const out = JSON.parse((await cli(["metagraph", ...node(), "--json"])).stdout);
    const m = mg();
    expect(out.block).toBe(6852690);
    expect(out.name).toBe("Apex");
    expect(out.neurons.length).toBe(1024);
    expect(out.neurons.map((n: any) => n.hotkey)).toEqual(m.hotkeys);
    expect(out.neurons.map((n: any) => n.stake)).toEqual(m.total_stake.map(String));
    expect(out.neurons.filter((n: any) => n.validator_permit).length).toBe(m.validator_permit.filter(Boolean).length);
  });

  it("metagraph prints a table sorted by stake (largest first) with totals over every uid", async () => {
    const table = (await cli(["metagraph", ...node(), "--top", "5"])).stdout;
    const m = mg();
    expect(table).toMatch(/^Subnet 1 Apex .* at block 6852690: 1024\/\d+ uids, tempo 99/);
    const rows = table.split("\n").filter((l) => /^\s+\d+\s/.test(l));
    expect(rows.length).toBe(5);
    const richest = m.total_stake.map((s: bigint, uid: number) => [s, uid] as const).sort((a: any, b: any) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0))[0][1];
    expect(rows[0].trim().split(/\s+/)[0]).toBe(String(richest));
    expect(table).toMatch(/\n\s+total\s+[\d,]+\.\d{4}/);
    expect(table).toContain("(5 of 1024 uids shown; totals are over all)");
  });

  it("metagraph --sort incentive puts the highest incentive first", async () => {
    const out = (await cli(["metagraph", ...node(), "--sort", "incentive", "--top", "1"])).stdout;
    const m = mg();
    const best = m.incentives.indexOf(Math.max(...m.incentives));
    expect(out.split("\n").find((l: string) => /^\s+\d+\s/.test(l))!.trim().split(/\s+/)[0]).toBe(String(best));
  });

  it("quote stake --url reads the pool (tao_in, alpha_in) and quotes exactly as quoteStake on it", async () => {
    const m = mg();
    const out = JSON.parse((await cli(["quote", "stake", "--tao-in", "10", ...node(), "--json"])).stdout);
    const q = quoteStake({ taoReserve: m.tao_in, alphaReserve: m.alpha_in }, 10_000_000_000n);
    expect(out.pool.tao_reserve).toBe(String(m.tao_in));
    expect(out.pool.from).toBe("subnet 1 at block 6852690");
    expect([out.amount_out, out.fee]).toEqual([q.amountOut.toString(), q.fee.toString()]);
  });

  it("quote --tolerance sets the limit btcli would (spot x (1 + tol)) and refuses an amount the limit cannot fill", async () => {
    const m = mg();
    const pool = { taoReserve: m.tao_in, alphaReserve: m.alpha_in };
    const limit = (spotPrice(pool) * 1_000_000_000n * 1_005_000_000n) / (1_000_000_000n << 64n);
    const ok = JSON.parse((await cli(["quote", "stake", "--tao-in", "1", ...node(), "--tolerance", "0.005", "--json"])).stdout);
    expect(ok.limit_price_rao).toBe(limit.toString());
    expect(ok.partially_filled).toBe(false);
    const max = maxAmountForLimit(pool, limit, "stake");
    const big = (max / 1_000_000_000n + 1n).toString();
    const e = await fails(["quote", "stake", "--tao-in", big, ...node(), "--tolerance", "0.005"]);
    expect(e.code).toBe(1);
    expect(e.stderr).toMatch(/^error: --tao-in: SlippageTooHigh: .* \[chain_rejected\]\n$/);
  });

  it("metagraph --snapshot reads a fetched snapshot file the same way", async () => {
    const client = connectNode(server.wsUrl, { timeoutMs: 5000, retries: 0 });
    const file = join(tmp, "sn1.json");
    try {
      writeFileSync(file, JSON.stringify(await fetchSnapshot(client, 1, { block: 6852690 })));
    } finally { client.close(); }
    const fromNode = JSON.parse((await cli(["metagraph", ...node(), "--json"])).stdout);
    const fromFile = JSON.parse((await cli(["metagraph", "--snapshot", file, "--json"])).stdout);
    expect(fromFile).toEqual(fromNode);
    const q = JSON.parse((await cli(["quote", "unstake", "--alpha-in", "100", "--snapshot", file, "--json"])).stdout);
    const m = mg();
    expect(q.amount_out).toBe(quoteUnstake({ taoReserve: m.tao_in, alphaReserve: m.alpha_in }, 100_000_000_000n).amountOut.toString());
  });
});

describe.skipIf(!sharedPresent)("taomath subnets on the recorded subnets list (runtime 315)", () => {
  let server: ReplayServer;
  beforeAll(async () => { server = await startReplayServer({ calls: subnetsCalls() }); });
  afterAll(async () => { await server?.close(); });
  const rec = () => readShared<{ calls: RecordedCall[] }>("data", "finney", "all-subnets.rpc.json").calls;

  it("--json lists the 129 subnets with the node's tempo, size and burn, and price = AlphaSqrtPrice squared", async () => {
    const out = JSON.parse((await cli(["subnets", "--url", server.wsUrl, "--retries", "0", "--json"])).stdout);
    const infos = decodeSubnetsInfoV2(rec().find((c) => c.method === "state_call")!.result as string, 315);
    expect(out.block).toBe(0x63837f);
    expect(out.subnets.length).toBe(129);
    expect(out.subnets.map((s: any) => s.netuid)).toEqual(infos.map((s) => s!.netuid));
    expect(out.subnets[1]).toMatchObject({ netuid: 1, name: "Apex", tempo: 99, n: 1024, burn: infos[1]!.burn.toString() });
    const changes: Array<[string, string]> = (rec().find((c) => c.method === "state_queryStorageAt")!.result as any)[0].changes;
    for (const [key, value] of changes) {
      const netuid = chainStorage.AlphaSqrtPrice.decodeKey(key)[0];
      expect(out.subnets[netuid].price).toBe(decodeU64F64(value, "AlphaSqrtPrice").value ** 2);
    }
    expect(out.subnets[0].price).toBe(1);
  });

  it("the table sorts by price, largest first, and says how many subnets there are", async () => {
    const out = (await cli(["subnets", "--url", server.wsUrl, "--retries", "0", "--sort", "price", "--top", "3"])).stdout;
    const json = JSON.parse((await cli(["subnets", "--url", server.wsUrl, "--retries", "0", "--json"])).stdout);
    const byPrice = [...json.subnets].sort((a: any, b: any) => b.price - a.price).map((s: any) => String(s.netuid));
    expect(out).toMatch(/^129 subnets at block 6521727\n/);
    const rows = out.split("\n").filter((l: string) => /^\s+\d+\s/.test(l)).map((l: string) => l.trim().split(/\s+/)[0]);
    expect(rows).toEqual(byPrice.slice(0, 3));
  });

  it("from a network snapshot: each subnet's reserves, and the price from the pool math", async () => {
    const snap = exampleNetworkSnapshot(taomath(), { subnets: 2 }) as any;
    const file = join(tmp, "net.json");
    writeFileSync(file, plain(snap));
    const out = JSON.parse((await cli(["subnets", "--snapshot", file, "--json"])).stdout);
    expect(out.subnets.map((s: any) => s.netuid)).toEqual(snap.subnets.map((s: any) => s.netuid));
    expect(out.subnets.map((s: any) => s.tao_in)).toEqual(snap.subnets.map((s: any) => String(s.tao_reserve)));
    const table = (await cli(["subnets", "--snapshot", file])).stdout;
    expect(table).toMatch(/\n\s+total\s/);
  });
});

describe("quote --partial and --tolerance on typed reserves", () => {
  const pool = ["--tao-reserve", "1000", "--alpha-reserve", "100000"];
  it("the issue's example: --limit-price 0.0101 refuses 10 TAO without --partial (SlippageTooHigh, exit 1)", async () => {
    const e = await fails(["quote", "stake", "--tao-in", "10", ...pool, "--limit-price", "0.0101"]);
    expect(e.code).toBe(1);
    expect(e.stderr).toContain("SlippageTooHigh");
    expect(e.stdout).toBe("");
  });
  it("with --partial it fills what the limit allows: 496.28 alpha for 4.99 TAO on the 425 Balancer pool, as the chain's maximum", async () => {
    const out = JSON.parse((await cli(["quote", "stake", "--tao-in", "10", ...pool, "--limit-price", "0.0101", "--partial", "--runtime", "425", "--json"])).stdout);
    const p = { taoReserve: 1_000_000_000_000n, alphaReserve: 100_000_000_000_000n };
    const max = maxAmountForLimit(p, 10_100_000n, "stake", { runtime: 425 });
    expect(out.max_amount).toBe(max.toString());
    expect(out.partially_filled).toBe(true);
    expect(out.amount_out).toBe(quoteStake(p, max, { limitPriceRao: 10_100_000n, runtime: 425 }).amountOut.toString());
    expect(Number(out.amount_out) / 1e9).toBeCloseTo(496.28, 2);
  });
  it("with --partial and no --runtime the newest rules fill it on the superellipse, equal to the library's default", async () => {
    const out = JSON.parse((await cli(["quote", "stake", "--tao-in", "10", ...pool, "--limit-price", "0.0101", "--partial", "--json"])).stdout);
    const p = { taoReserve: 1_000_000_000_000n, alphaReserve: 100_000_000_000_000n };
    const max = maxAmountForLimit(p, 10_100_000n, "stake");
    expect(out.runtime.rules).toBe("473");
    expect(out.max_amount).toBe(max.toString());
    expect(out.amount_out).toBe(quoteStake(p, max, { limitPriceRao: 10_100_000n }).amountOut.toString());
  });
  it("unstake --tolerance 1% sets the limit to floor(spot x 0.99) from the spot price bits, the same as --tolerance 0.01", async () => {
    const a = JSON.parse((await cli(["quote", "unstake", "--alpha-in", "100", ...pool, "--tolerance", "1%", "--json"])).stdout);
    const b = JSON.parse((await cli(["quote", "unstake", "--alpha-in", "100", ...pool, "--tolerance", "0.01", "--json"])).stdout);
    // the spot price 0.01 as U64F64 bits is a hair below 0.01, so the floored limit is 9,899,999 rao
    const spot = spotPrice({ taoReserve: 1_000_000_000_000n, alphaReserve: 100_000_000_000_000n });
    const expected = (spot * 1_000_000_000n * 990_000_000n) / (1_000_000_000n << 64n);
    expect(expected).toBe(9_899_999n);
    expect(a.limit_price_rao).toBe(expected.toString());
    expect(b.limit_price_rao).toBe(expected.toString());
  });
  it("--partial without a limit is a usage error (exit 2)", async () => {
    const e = await fails(["quote", "stake", "--tao-in", "10", ...pool, "--partial"]);
    expect(e.code).toBe(2);
    expect(e.stderr).toMatch(/--partial needs a limit/);
  });
  it("amounts in rao with a suffix or --rao give the same quote as TAO decimals", async () => {
    const tao = JSON.parse((await cli(["quote", "stake", "--tao-in", "1.5", ...pool, "--json"])).stdout);
    const suffix = JSON.parse((await cli(["quote", "stake", "--tao-in", "1500000000rao", ...pool, "--json"])).stdout);
    const flag = JSON.parse((await cli(["quote", "stake", "--rao", "--tao-in", "1500000000", "--tao-reserve", "1000000000000", "--alpha-reserve", "100000000000000", "--json"])).stdout);
    expect(suffix.amount_out).toBe(tao.amount_out);
    expect(flag.amount_out).toBe(tao.amount_out);
  });
});

describe.skipIf(!sharedPresent)("taomath predict tables on a replayed chain holding a shared epoch vector", () => {
  it("predict --snapshot shows the chain's hotkeys, sorts by --sort and totals the emission", async () => {
    const vector = readShared("vectors", "epoch", "042_random_mix_0.json");
    const chain = chainFromVector(vector.inputs);
    const server = await startReplayServer({ calls: chain.calls, storage: chain.storage });
    const file = join(tmp, "predict.json");
    const client = connectNode(server.wsUrl, { timeoutMs: 10000, retries: 0 });
    let hotkeys: string[];
    try {
      const snap = await fetchSnapshot(client, chain.netuid);
      hotkeys = (snap.metagraph as { hotkeys: string[] }).hotkeys;
      writeFileSync(file, JSON.stringify(snap));
    } finally { client.close(); await server.close(); }
    const out = (await cli(["predict", "--snapshot", file, "--sort", "incentive", "--top", "3", "--full-keys"])).stdout;
    expect(out).toMatch(/uid\s+hotkey\s+stake \(α\)\s+incentive\s+dividends\s+consensus\s+v-trust\s+emission \(α\)/);
    const rows = out.split("\n").filter((l: string) => /^\s+\d+\s/.test(l)).map((l: string) => l.trim().split(/\s+/));
    const byIncentive = (vector.outputs.incentive as number[]).map((x, uid) => [x, uid]).sort((a, b) => b[0] - a[0] || a[1] - b[1]).map(([, uid]) => uid);
    expect(rows.map((r: string[]) => Number(r[0]))).toEqual(byIncentive.slice(0, 3));
    expect(rows.map((r: string[]) => r[1])).toEqual(byIncentive.slice(0, 3).map((uid) => hotkeys[uid]));
    const emission = (vector.outputs.emission as string[]).reduce((s, x) => s + BigInt(x), 0n);
    expect(out.split("\n").find((l: string) => /^\s+total\s/.test(l))!.trim().split(/\s+/).at(-1)).toBe((Number(emission) / 1e9).toFixed(6));
  });
});
