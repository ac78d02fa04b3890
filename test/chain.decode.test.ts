// Decoding the recorded mainnet runtime API payloads (finney, subnet 1 at block 6,852,690 on
// runtime 343; all subnets on runtime 315). Each payload must decode completely, and the figures
// checked below can be read off the recording by hand where noted.

import { describe, expect, it } from "vitest";
import { TaomathError } from "../src/index.js";
import { decodeNeuronsLite, decodeSubnetState, decodeSelectiveMetagraph, decodeSubnetsInfoV2, decodeDynamicInfo, decodeU64F64, layoutFor, toJsonValue } from "../src/chain/index.js";
import { DynamicInfo } from "../src/chain/codecs.js";
import { readShared, sharedPresent } from "./helpers/shared.js";

type Call = { method: string; params: any[]; result: any };

describe.skipIf(!sharedPresent)("recorded subnet 1 at block 6,852,690 (runtime 343)", () => {
  const rec = sharedPresent ? readShared<{ calls: Call[] }>("data", "finney", "sn1-block6852690.rpc.json") : { calls: [] };
  const call = (api: string) => rec.calls.find((c) => c.method === "state_call" && c.params[0] === api)!;
  const neuronsHex = sharedPresent ? call("NeuronInfoRuntimeApi_get_neurons_lite").result as string : "";
  const stateHex = sharedPresent ? call("SubnetInfoRuntimeApi_get_subnet_state").result as string : "";
  const mgHex = sharedPresent ? call("SubnetInfoRuntimeApi_get_selective_mechagraph").result as string : "";

  it("the recording says its runtime is spec version 343", () => {
    expect(rec.calls.find((c) => c.method === "state_getRuntimeVersion")!.result.specVersion).toBe(343);
  });

  it("get_neurons_lite: 1,024 neurons (length prefix 0x01 0x10 = compact 0x1001 >> 2), all bytes consumed", () => {
    expect(neuronsHex.slice(0, 6)).toBe("0x0110");
    const neurons = decodeNeuronsLite(neuronsHex, 343);
    expect(neurons.length).toBe(1024);
    expect(neurons.map((x) => x.uid)).toEqual([...Array(1024).keys()]);
    expect(neurons.every((x) => x.netuid === 1)).toBe(true);
  });

  it("get_subnet_state: netuid 1 with 1,024 entries per per-uid vector and 129 subnets of emission history", () => {
    expect(stateHex.slice(0, 10)).toBe("0x01040110"); // Some, netuid compact 1, 1024 hotkeys
    const s = decodeSubnetState(stateHex, 343)!;
    expect(s.netuid).toBe(1);
    for (const k of ["hotkeys", "coldkeys", "active", "validator_permit", "last_update", "block_at_registration", "alpha_stake", "tao_stake", "total_stake"] as const) {
      expect(s[k].length, k).toBe(1024);
    }
    expect(s.emission_history.length).toBe(129);
  });

  it("get_selective_mechagraph: tempo 99, kappa 32767, block 6,852,690, last step 6,852,597 (93 blocks before)", () => {
    const mg = decodeSelectiveMetagraph(mgHex, 343)!;
    expect(mg.netuid).toBe(1);
    expect(mg.tempo).toBe(99);
    expect(mg.kappa).toBe(32767);
    expect(mg.block).toBe(6852690n);
    expect(mg.last_step).toBe(6852597n);
    expect(mg.blocks_since_last_step).toBe(93n);
    expect(mg.num_uids).toBe(1024);
    expect(mg.max_validators).toBe(128);
    expect(mg.activity_cutoff).toBe(5000);
    expect(mg.bonds_moving_avg).toBe(900000n);
    expect([mg.alpha_low, mg.alpha_high]).toEqual([45875, 58982]);
    expect(mg.commit_reveal_weights_enabled).toBe(true);
    expect(mg.name).toBe("Apex");
    expect(mg.symbol).toBe("α");
  });

  it("the metagraph lists 12 validators, exactly the uids holding a validator permit", () => {
    const mg = decodeSelectiveMetagraph(mgHex, 343)!;
    expect(mg.validators).toEqual([496, 395, 245, 966, 24, 993, 447, 697, 518, 276, 502, 630]);
    const permitted = (mg.validator_permit as boolean[]).flatMap((p, i) => (p ? [i] : []));
    expect([...mg.validators].sort((a: number, b: number) => a - b)).toEqual(permitted);
  });

  it("pool reserves: 22,079.400556774 TAO and 2,316,467.425363654 alpha; the TAO injected per block is alpha injected x spot price (within 0.01%)", () => {
    const mg = decodeSelectiveMetagraph(mgHex, 343)!;
    expect(mg.tao_in).toBe(22079400556774n);
    expect(mg.alpha_in).toBe(2316467425363654n);
    expect(mg.alpha_out).toBe(924521643526855n);
    // the chain injects tao_in_emission = alpha_in_emission x price; the price moved by 0.005% within the block
    expect(mg.alpha_in_emission).toBe(1000000000n);
    expect(mg.tao_in_emission).toBe(9531940n);
    const spot = Number(mg.tao_in) / Number(mg.alpha_in);
    expect(Math.abs(Number(mg.tao_in_emission) / 1e9 / spot - 1)).toBeLessThan(1e-4);
  });

  it("moving price: I96F32 raw bits 40869489 = 0.0095157 TAO per alpha, within 0.2% of the spot price", () => {
    const mg = decodeSelectiveMetagraph(mgHex, 343)!;
    expect(mg.moving_price!.bits).toBe(40869489n);
    expect(mg.moving_price!.value).toBe(40869489 / 2 ** 32);
    const spot = Number(mg.tao_in) / Number(mg.alpha_in);
    expect(Math.abs(mg.moving_price!.value / spot - 1)).toBeLessThan(0.002);
  });

  it("the three payloads agree uid by uid on hotkeys, stakes, permits and registration blocks", () => {
    const neurons = decodeNeuronsLite(neuronsHex, 343);
    const s = decodeSubnetState(stateHex, 343)!;
    const mg = decodeSelectiveMetagraph(mgHex, 343)!;
    expect(s.hotkeys).toEqual(mg.hotkeys);
    expect(neurons.map((x) => x.hotkey)).toEqual(mg.hotkeys);
    expect(s.alpha_stake).toEqual(mg.alpha_stake);
    expect(s.tao_stake).toEqual(mg.tao_stake);
    expect(s.block_at_registration).toEqual(mg.block_at_registration);
    expect(neurons.map((x) => x.validator_permit)).toEqual(mg.validator_permit);
    expect(neurons.map((x) => x.last_update)).toEqual(mg.last_update);
  });

  it("the owner hotkey is registered on the subnet as uid 395", () => {
    const mg = decodeSelectiveMetagraph(mgHex, 343)!;
    expect(mg.owner_hotkey).toBe("5HCFWvRqzSHWRPecN7q8J6c7aKQnrCZTMHstPv39xL1wgDHh");
    expect(mg.hotkeys.indexOf(mg.owner_hotkey)).toBe(395);
  });

  it("a payload cut short by one byte is a malformed_scale error", () => {
    for (const [hex, dec] of [[neuronsHex, decodeNeuronsLite], [stateHex, decodeSubnetState], [mgHex, decodeSelectiveMetagraph]] as const) {
      const e = (() => { try { (dec as any)(hex.slice(0, -2), 343); } catch (x) { return x; } })();
      expect(e).toBeInstanceOf(TaomathError);
      expect((e as TaomathError).code).toBe("malformed_scale");
    }
  });

  it("one extra byte after the payload is a malformed_scale error naming the trailing bytes", () => {
    expect(() => decodeSubnetState(stateHex + "00", 343)).toThrow(/1 trailing bytes/);
    expect(() => decodeNeuronsLite(neuronsHex + "00", 343)).toThrow(TaomathError);
  });

  it("a runtime version without a known layout is refused with runtime_version", () => {
    const e = (() => { try { decodeNeuronsLite(neuronsHex, 344); } catch (x) { return x as TaomathError; } })();
    expect(e?.code).toBe("runtime_version");
    expect(e?.message).toMatch(/known: 315, 343, 425/);
  });

  it("the 425 layout (metagraph activity_cutoff widened to Compact<u64>) reads the same bytes: activity_cutoff 5000n", () => {
    const a = decodeSelectiveMetagraph(mgHex, 343)!;
    const b = decodeSelectiveMetagraph(mgHex, 425)!;
    expect(b.activity_cutoff).toBe(5000n);
    expect({ ...b, activity_cutoff: 5000 }).toEqual(a);
  });

  it("non-hex input is a malformed_scale error", () => {
    expect(() => decodeSubnetState("0xzz", 343)).toThrow(TaomathError);
  });
});

describe.skipIf(!sharedPresent)("recorded subnets info and swap prices (runtime 315)", () => {
  const rec = sharedPresent ? readShared<{ calls: Call[] }>("data", "finney", "all-subnets.rpc.json") : { calls: [] };
  const infoHex = sharedPresent ? rec.calls.find((c) => c.method === "state_call")!.result as string : "";

  it("the recording's runtime is spec version 315", () => {
    expect(new Set(rec.calls.filter((c) => c.method === "state_getRuntimeVersion").map((c) => c.result.specVersion))).toEqual(new Set([315]));
  });

  it("get_subnets_info_v2: 129 subnets (prefix 0x05 0x02 = compact 0x0205 >> 2), netuids 0..128, all bytes consumed", () => {
    expect(infoHex.slice(0, 6)).toBe("0x0502");
    const infos = decodeSubnetsInfoV2(infoHex, 315);
    expect(infos.length).toBe(129);
    expect(infos.map((s) => s!.netuid)).toEqual([...Array(129).keys()]);
  });

  it("subnet 1 in subnets info: tempo 99, kappa 32767, 1,024 uids, 128 validators, identity Apex", () => {
    const s1 = decodeSubnetsInfoV2(infoHex, 315)[1]!;
    expect(s1.tempo).toBe(99);
    expect(s1.kappa).toBe(32767);
    expect(s1.subnetwork_n).toBe(1024);
    expect(s1.max_allowed_validators).toBe(128);
    expect(s1.identity?.subnet_name).toBe("Apex");
    expect(s1.owner).toBe("5HCFWvRqzSHWRPecN7q8J6c7aKQnrCZTMHstPv39xL1wgDHh");
  });

  it("the storage reads say subnet 1 exists (NetworksAdded 0x01) with SubnetworkN 0x0004 = 1024", () => {
    const get = rec.calls.filter((c) => c.method === "state_getStorageAt").map((c) => c.result);
    expect(get).toEqual(["0x01", "0x0004"]);
    expect(decodeSubnetsInfoV2(infoHex, 315)[1]!.subnetwork_n).toBe(0x0400);
  });

  it("Swap.AlphaSqrtPrice: 128 U64F64 values (every subnet but root), e.g. netuid 108 = 710993925456168974 / 2^64", () => {
    const changes: Array<[string, string]> = rec.calls.find((c) => c.method === "state_queryStorageAt")!.result[0].changes;
    expect(changes.length).toBe(128);
    const prices = changes.map(([, v]) => decodeU64F64(v, "AlphaSqrtPrice"));
    expect(prices[0].bits).toBe(710993925456168974n); // 0x09ddf5354c46880e little-endian
    expect(prices[0].value).toBeCloseTo(0.0385430579, 9);
    expect(prices.every((p) => p.value > 0)).toBe(true);
  });

  it("a U64F64 of 15 bytes is a malformed_scale error", () => {
    expect(() => decodeU64F64("0x" + "00".repeat(15), "AlphaSqrtPrice")).toThrow(TaomathError);
  });
});

describe.skipIf(!sharedPresent)("dynamic info (no recording: layout round trip on recorded subnet 1 values)", () => {
  const rec = sharedPresent ? readShared<{ calls: Call[] }>("data", "finney", "sn1-block6852690.rpc.json") : { calls: [] };

  it("a DynamicInfo encoded from the metagraph's pool fields decodes back to the same pool and moving price", () => {
    const mg = decodeSelectiveMetagraph(rec.calls.find((c) => c.params[0] === "SubnetInfoRuntimeApi_get_selective_mechagraph")!.result, 343)!;
    const enc = DynamicInfo.enc({
      netuid: 1, owner_hotkey: mg.owner_hotkey, owner_coldkey: mg.owner_coldkey,
      subnet_name: [...new TextEncoder().encode(mg.name)], token_symbol: [...new TextEncoder().encode(mg.symbol)],
      tempo: mg.tempo, last_step: mg.last_step, blocks_since_last_step: mg.blocks_since_last_step, emission: mg.subnet_emission,
      alpha_in: mg.alpha_in, alpha_out: mg.alpha_out, tao_in: mg.tao_in, alpha_out_emission: mg.alpha_out_emission,
      alpha_in_emission: mg.alpha_in_emission, tao_in_emission: mg.tao_in_emission, pending_alpha_emission: mg.pending_alpha_emission,
      pending_root_emission: mg.pending_root_emission, subnet_volume: mg.subnet_volume, network_registered_at: mg.network_registered_at,
      subnet_identity: undefined, moving_price: mg.moving_price!.bits,
    });
    const d = decodeDynamicInfo(Uint8Array.from([1, ...enc]), 343)!;
    expect(d.tao_in).toBe(22079400556774n);
    expect(d.alpha_in).toBe(2316467425363654n);
    expect(d.moving_price).toEqual(mg.moving_price);
    expect(d.subnet_name).toBe("Apex");
    expect(toJsonValue(d).tao_in).toBe("22079400556774");
  });

  it("layoutFor(343) and layoutFor(315) share the struct layouts (no field changed between them)", () => {
    expect(layoutFor(343)).toBe(layoutFor(315));
  });
});
