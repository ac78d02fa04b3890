// The light client at runtime 473: the new swap storage (SwapSuperellipse, the Balancer reservoirs,
// the archived SwapBalancer), the share-pool maps, the Compact<PerU16> fields, the metagraph's
// optional collateral tail and the "reportable" gating, on bytes built here by hand and through the
// replay server with a synthetic node answering spec version 473.

import { afterEach, describe, expect, it } from "vitest";
import { Vector, u16 } from "@polkadot-api/substrate-bindings";
import { taomath, epochToVectorEncoding, TaomathError } from "../src/index.js";
import { connectNode } from "../src/chain/node.js";
import {
  fetchSnapshot, predictEpoch, fetchHotkeySharePool, decodeSubnetState, decodeNeuronsLite, decodeSelectiveMetagraph, layoutFor,
  nextScheduledEpoch, cappedNextEpoch, epochTrigger, schedulerRulesFor, type SubnetSchedule,
} from "../src/chain/index.js";
import { storage, twox128Hex } from "../src/chain/storage.js";
import { SelectiveMetagraph425, SelectiveMetagraph473, SubnetState } from "../src/chain/codecs.js";
import { toHex } from "../src/chain/scale.js";
import { readShared, sharedPresent } from "./helpers/shared.js";
import { startReplayServer, type ReplayServer } from "./helpers/replay-server.js";
import { chainFromVector, accountFor } from "./helpers/vector-chain.js";

/** n-byte little-endian two's complement of v. */
function le(v: bigint, n: number): number[] {
  const x = BigInt.asUintN(8 * n, v);
  return Array.from({ length: n }, (_, i) => Number((x >> BigInt(8 * i)) & 255n));
}
const hex = (b: number[]) => toHex(Uint8Array.from(b));
/** SCALE Compact<u16/u64> of a value below 2^30, written by hand (the four-byte mode for >= 2^14). */
function compact(v: number): number[] {
  if (v < 64) return [v << 2];
  if (v < 1 << 14) return le(BigInt((v << 2) | 1), 2);
  return le(BigInt(v) * 4n + 2n, 4);
}

describe("runtime 473 storage values from hand-built SCALE", () => {
  it("SwapSuperellipse: alpha_scale u128, tao_scale u128, center_alpha i128, center_tao i128, little-endian", () => {
    const e = { alpha_scale: 1_851_102_741_217_034_383_360n, tao_scale: (1n << 100n) + 7n, center_alpha: -5n, center_tao: (1n << 126n) - 1n };
    const bytes = [...le(e.alpha_scale, 16), ...le(e.tao_scale, 16), ...le(e.center_alpha, 16), ...le(e.center_tao, 16)];
    expect(bytes.length).toBe(64);
    expect(storage.SwapSuperellipse.value.dec(hex(bytes))).toEqual(e);
    expect(toHex(storage.SwapSuperellipse.value.enc(e))).toBe(hex(bytes));
  });

  it("SwapSuperellipse is a Twox64Concat map in the Swap pallet: key = twox128(Swap) ++ twox128(SwapSuperellipse) ++ twox64(netuid) ++ netuid", () => {
    const key = storage.SwapSuperellipse.key(3);
    expect(key.startsWith(twox128Hex("Swap") + twox128Hex("SwapSuperellipse").slice(2))).toBe(true);
    expect(key.length).toBe(2 + 2 * (16 + 16 + 8 + 2));
    expect(key.endsWith("0300")).toBe(true);
    expect(storage.SwapSuperellipse.decodeKey(key)).toEqual([3]);
    expect(storage.SwapSuperellipse.default).toBeUndefined();
  });

  it("the reservoirs are u64 with ValueQuery 0; the archived SwapBalancer is a Perquintill with default 0.5", () => {
    expect(storage.BalancerTaoReservoir.value.dec(hex(le(123_456_789n, 8)))).toBe(123_456_789n);
    expect(storage.BalancerAlphaReservoir.default).toBe(0n);
    expect(storage.SwapBalancer.value.dec(hex(le(430_000_000_000_000_000n, 8)))).toBe(430_000_000_000_000_000n);
    expect(storage.SwapBalancer.default).toBe(500_000_000_000_000_000n);
  });

  it("AlphaV2 / TotalHotkeySharesV2 hold a SafeFloat: mantissa u128 then exponent i64", () => {
    const bytes = [...le(10n ** 21n, 16), ...le(-21n, 8)];
    expect(storage.TotalHotkeySharesV2.value.dec(hex(bytes))).toEqual({ mantissa: 10n ** 21n, exponent: -21n });
    const k = storage.AlphaV2.key(accountFor(1), accountFor(2), 7);
    expect(storage.AlphaV2.decodeKey(k)).toEqual([accountFor(1), accountFor(2), 7]);
  });
});

describe("runtime 473 runtime-API layouts", () => {
  it("Compact<PerU16> is the bytes of Compact<u16>: incentives [65535, 0, 16384] in a hand-built SubnetState", () => {
    const zero = [0]; // an empty Vec
    const bytes = [
      ...compact(9), // netuid
      ...zero, ...zero, ...zero, ...zero, ...zero, ...zero, ...zero, ...zero, // hotkeys .. dividends
      ...compact(3), ...compact(65535), ...compact(0), ...compact(16384), // incentives
      ...zero, ...zero, ...zero, ...zero, ...zero, ...zero, ...zero, ...zero, // consensus .. emission_history
    ];
    const s = decodeSubnetState(hex([1, ...bytes]), 473)!;
    expect(s.netuid).toBe(9);
    expect(s.incentives).toEqual([65535, 0, 16384]);
    expect(s.trust).toEqual([]);
  });

  it("an empty get_neurons_lite answer (a non-reportable subnet) decodes as []", () => {
    expect(decodeNeuronsLite("0x00", 473)).toEqual([]);
  });

  it("the 473 metagraph reads the 425 struct with or without the three collateral fields, and nothing else", () => {
    const mg = { netuid: 4, tempo: 360, num_uids: 2 };
    const plain = toHex(Uint8Array.from([1, ...SelectiveMetagraph425.enc(mg as never)]));
    expect(decodeSelectiveMetagraph(plain, 473)).toMatchObject(mg);
    // unrequested collateral fields: three None bytes
    const tail = decodeSelectiveMetagraph(plain + "000000", 473)!;
    expect(tail).toMatchObject(mg);
    expect(tail.collateral_locked).toBeUndefined();
    // requested: Some(Vec<Compact<u64>>)
    const withC = toHex(Uint8Array.from([1, ...SelectiveMetagraph473.enc({ ...mg, collateral_locked: [5n, 0n], collateral_min: [1n, 2n], collateral_earned: [0n, 9n] } as never)]));
    expect(decodeSelectiveMetagraph(withC, 473)).toMatchObject({ collateral_locked: [5n, 0n], collateral_min: [1n, 2n], collateral_earned: [0n, 9n] });
    expect(() => decodeSelectiveMetagraph(plain + "00", 473)).toThrow(TaomathError);
    expect(() => decodeSelectiveMetagraph(plain + "00000000", 473)).toThrow(/trailing bytes/);
    // the 425 layout keeps refusing the tail
    expect(() => decodeSelectiveMetagraph(plain + "000000", 425)).toThrow(/trailing bytes/);
  });

  it("473 requests the 425 metagraph indexes and is gated", () => {
    expect(layoutFor(473).metagraphFields).toEqual(layoutFor(425).metagraphFields);
    expect(layoutFor(473).reportableGating).toBe(true);
    expect(layoutFor(425).reportableGating).toBeUndefined();
  });
});

/** The vector chain of `file` as runtime 473 serves it (same answers; spec 473; optional collateral tail and pool storage). */
function chain473(file: string, opts: { collateralTail?: boolean; pool?: boolean } = {}) {
  const vector = readShared("vectors", "epoch", file);
  const chain = chainFromVector(vector.inputs, 425);
  for (const c of chain.calls) {
    if (c.method === "state_getRuntimeVersion") c.result = { specName: "node-subtensor", specVersion: 473 };
    if (opts.collateralTail && c.params[0] === "SubnetInfoRuntimeApi_get_selective_mechagraph") c.result = (c.result as string) + "000000";
  }
  if (opts.pool) {
    const put = (key: string, bytes: Uint8Array) => chain.storage.set(key, toHex(bytes));
    put(storage.SubnetTAO.key(chain.netuid), storage.SubnetTAO.value.enc(1_000_000_000_000_000n));
    put(storage.SubnetAlphaIn.key(chain.netuid), storage.SubnetAlphaIn.value.enc(3_000_000_000_000_000n));
    put(storage.SwapSuperellipse.key(chain.netuid), storage.SwapSuperellipse.value.enc({ alpha_scale: 11n, tao_scale: 22n, center_alpha: 33n, center_tao: -44n }));
    put(storage.BalancerTaoReservoir.key(chain.netuid), storage.BalancerTaoReservoir.value.enc(77n));
  }
  return { vector, chain };
}

describe.skipIf(!sharedPresent)("a synthetic runtime-473 node through the replay server", () => {
  let server: ReplayServer | undefined;
  afterEach(async () => { await server?.close(); server = undefined; });

  it("fetchSnapshot records spec 473, reads the pool storage, and predict reproduces 017_tao_weighted_stake exactly", async () => {
    const { vector, chain } = chain473("017_tao_weighted_stake.json", { pool: true });
    server = await startReplayServer({ calls: chain.calls, storage: chain.storage });
    const client = connectNode(server.wsUrl, { timeoutMs: 10000, retries: 0 });
    try {
      const s = await fetchSnapshot(client, chain.netuid, { pageSize: 64 });
      expect(s.source.spec_version).toBe(473);
      expect(s.source.metagraph_collateral_fields).toBe(false);
      expect(s.missing).toEqual([]);
      expect(s.storage.SwapSuperellipse).toEqual({ status: "present", value: { alpha_scale: "11", tao_scale: "22", center_alpha: "33", center_tao: "-44" } });
      expect(s.storage.BalancerTaoReservoir).toEqual({ status: "present", value: "77" });
      expect(s.storage.BalancerAlphaReservoir).toEqual({ status: "default", value: "0" });
      expect(s.storage.SwapBalancer).toEqual({ status: "default", value: "500000000000000000" });
      expect(s.storage.SubnetTAO.value).toBe("1000000000000000");
      const p = predictEpoch(taomath(), s);
      expect(p.epoch_block).toBe(vector.inputs.current_block);
      expect(epochToVectorEncoding(p.result).outputs).toEqual(vector.outputs);
    } finally { client.close(); }
  });

  it("a subnet without an ellipse yet is recorded as missing SwapSuperellipse (no default), inputs still built", async () => {
    const { chain } = chain473("031_subnet_owner.json", { collateralTail: true });
    server = await startReplayServer({ calls: chain.calls, storage: chain.storage });
    const client = connectNode(server.httpUrl, { timeoutMs: 10000, retries: 0 });
    try {
      const s = await fetchSnapshot(client, chain.netuid);
      expect(s.source.metagraph_collateral_fields).toBe(true);
      expect(s.storage.SwapSuperellipse.status).toBe("missing");
      expect(s.storage.SwapSuperellipse.reason).toMatch(/Swap\.SwapSuperellipse: key absent/);
      expect(s.inputs).not.toBeNull();
    } finally { client.close(); }
  });

  it("a node answering no neurons for an existing subnet with uids is a missing_storage TaomathError naming the netuid", async () => {
    const { chain } = chain473("031_subnet_owner.json");
    for (const c of chain.calls) if (c.params[0] === "NeuronInfoRuntimeApi_get_neurons_lite") c.result = toHex(Vector(u16).enc([]));
    server = await startReplayServer({ calls: chain.calls, storage: chain.storage });
    const client = connectNode(server.wsUrl, { timeoutMs: 10000, retries: 0 });
    try {
      const e = await fetchSnapshot(client, chain.netuid).catch((x) => x);
      expect(e).toBeInstanceOf(TaomathError);
      expect(e.code).toBe("missing_storage");
      expect(e.field).toBe("netuid");
      expect(e.message).toMatch(new RegExp(`subnet ${chain.netuid} exists .* runtime 473's get_neurons_lite reports nothing`));
    } finally { client.close(); }
  });

  it("a metagraph answer of None: not reportable when NetworksAdded holds the subnet, unknown_netuid when it does not", async () => {
    const { chain } = chain473("031_subnet_owner.json");
    for (const c of chain.calls) if (c.params[0] === "SubnetInfoRuntimeApi_get_selective_mechagraph") c.result = "0x00";
    server = await startReplayServer({ calls: chain.calls, storage: chain.storage });
    let client = connectNode(server.wsUrl, { timeoutMs: 10000, retries: 0 });
    try {
      const e = await fetchSnapshot(client, chain.netuid).catch((x) => x);
      expect([e.code, e.field]).toEqual(["missing_storage", "netuid"]);
      expect(e.message).toMatch(/get_selective_mechagraph reports nothing/);
    } finally { client.close(); }
    await server.close();
    chain.storage.delete(storage.NetworksAdded.key(chain.netuid));
    server = await startReplayServer({ calls: chain.calls, storage: chain.storage });
    client = connectNode(server.wsUrl, { timeoutMs: 10000, retries: 0 });
    try {
      const e = await fetchSnapshot(client, chain.netuid).catch((x) => x);
      expect(e.code).toBe("unknown_netuid");
    } finally { client.close(); }
  });

  it("under 425 an empty neurons answer is not gated (the snapshot is built as before)", async () => {
    const vector = readShared("vectors", "epoch", "031_subnet_owner.json");
    const chain = chainFromVector(vector.inputs, 425);
    for (const c of chain.calls) if (c.params[0] === "NeuronInfoRuntimeApi_get_neurons_lite") c.result = toHex(Vector(u16).enc([]));
    server = await startReplayServer({ calls: chain.calls, storage: chain.storage });
    const client = connectNode(server.wsUrl, { timeoutMs: 10000, retries: 0 });
    try {
      const s = await fetchSnapshot(client, chain.netuid);
      expect(s.neurons_lite).toEqual([]);
      expect(s.storage.SwapSuperellipse).toBeUndefined();
      expect(s.source.metagraph_collateral_fields).toBeUndefined();
    } finally { client.close(); }
  });
});

describe("a hotkey's share pool read from storage and replayed under the 473 rules", () => {
  let server: ReplayServer | undefined;
  afterEach(async () => { await server?.close(); server = undefined; });

  it("reads TotalHotkeyAlpha, the denominator and each coldkey's share (legacy Alpha first), only on the netuid asked", async () => {
    const hot = accountFor(100), c1 = accountFor(1), c2 = accountFor(2), c3 = accountFor(3);
    const st = new Map<string, string>();
    const put = (key: string, bytes: Uint8Array) => st.set(key, toHex(bytes));
    const sf = (m: bigint, e: bigint) => ({ mantissa: m, exponent: e });
    put(storage.TotalHotkeyAlpha.key(hot, 5), storage.TotalHotkeyAlpha.value.enc(4_400n));
    put(storage.TotalHotkeySharesV2.key(hot, 5), storage.TotalHotkeySharesV2.value.enc(sf(4n * 10n ** 20n + 1n, -17n)));
    put(storage.AlphaV2.key(hot, c1, 5), storage.AlphaV2.value.enc(sf(10n ** 21n, -18n)));
    put(storage.AlphaV2.key(hot, c2, 5), storage.AlphaV2.value.enc(sf(3n * 10n ** 20n, -17n)));
    put(storage.AlphaV2.key(hot, c3, 6), storage.AlphaV2.value.enc(sf(10n ** 21n, -10n)));
    put(storage.Alpha.key(hot, c2, 5), storage.Alpha.value.enc(3_000n << 64n));
    const hash = "0x" + "ab".repeat(32);
    server = await startReplayServer({ calls: [], storage: st });
    const client = connectNode(server.wsUrl, { timeoutMs: 10000, retries: 0 });
    try {
      const pool = await fetchHotkeySharePool(client, hot, 5, hash, 2);
      const order = [c1, c2].sort();
      expect(pool.coldkeys).toEqual(order);
      expect(pool.state.sharedValue).toBe(4_400n);
      expect(pool.state.denominator).toEqual({ kind: "safe", value: sf(4n * 10n ** 20n + 1n, -17n) });
      const byCold = Object.fromEntries(pool.coldkeys.map((c, i) => [c, pool.state.shares[i]]));
      expect(byCold[c1]).toEqual({ kind: "safe", value: sf(10n ** 21n, -18n) });
      expect(byCold[c2]).toEqual({ kind: "legacy", bits: 3_000n << 64n });
      // c1 holds 1000 of 4000.00000…1 shares of 4400: floor = 1099 (1100 minus the denominator's extra ulp)
      const [after] = taomath().sharePool.run(pool.state, [{ op: "emit", key: 0, amount: 0n }], { runtime: 473 });
      expect(after.values[pool.coldkeys.indexOf(c1)]).toBe(1_099n);
    } finally { client.close(); }
  });
});

describe("runtime 473's epoch scheduler (drain_pending / should_run_epoch at 29005cb7)", () => {
  const sub = (over: Partial<SubnetSchedule> = {}): SubnetSchedule => ({ netuid: 7, tempo: 360, lastEpochBlock: 1_000n, pendingEpochAt: 0n, blocksSinceLastStep: 0n, ...over });

  it("the safety net fires once BlocksSinceLastStep passes the tempo (425: MAX_TEMPO = 50,400)", () => {
    // a subnet whose slot was consumed without resetting the counter (inconsistent Keys)
    const s = sub({ lastEpochBlock: 1_000n, blocksSinceLastStep: 360n });
    expect(nextScheduledEpoch(s, 1_000n, "473")).toEqual({ block: 1_001n, trigger: "safety_net" });
    expect(nextScheduledEpoch(s, 1_000n, "425")).toEqual({ block: 1_360n, trigger: "tempo" });
    expect(nextScheduledEpoch(s, 1_000n)).toEqual({ block: 1_360n, trigger: "tempo" });
  });

  it("a counter stored above tempo + 1 is capped as it advances and still fires the next block", () => {
    const s = sub({ blocksSinceLastStep: 9_999n });
    expect(epochTrigger(s, 1_001n, 361n, "473")).toBe("safety_net");
    expect(epochTrigger(s, 1_001n, 360n, "473")).toBeNull();
    expect(nextScheduledEpoch(s, 1_000n, "473")).toEqual({ block: 1_001n, trigger: "safety_net" });
  });

  it("the rules follow the spec version: 473 and later use the new safety net", () => {
    expect([schedulerRulesFor(425), schedulerRulesFor(459), schedulerRulesFor(473), schedulerRulesFor(480)]).toEqual(["425", "425", "473", "473"]);
  });

  it("under the cap, a deferred 473 subnet's counter saturates at tempo + 1 and it runs the next block", () => {
    const subnets = [sub({ netuid: 1, tempo: 10, lastEpochBlock: 990n }), sub({ netuid: 2, tempo: 10, lastEpochBlock: 990n }), sub({ netuid: 3, tempo: 10, lastEpochBlock: 990n })];
    expect(cappedNextEpoch(subnets, 3, 999n, 2, 1000, "473")).toEqual({ block: 1_001n, deferredBlocks: 1n, deferredBehind: [1, 2] });
  });
});
