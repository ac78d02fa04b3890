// Chain rules of runtime 425's block_step that the coinbase block vectors pinned down, each on a
// small state built in the vectors' schema: the storage the coinbase writes beyond the pools and
// pending counters (the balances pallet's issuance, the subnet account, flows and volume, the
// alpha asset counters, BlockEmission, RootProp, the per-block counters) and what an epoch on a
// subnet without uids does.

import { describe, it, expect } from "vitest";
import { taomath } from "../src/index.js";
import { Network, networkFromVector, vectorBlockState, vectorInputsOf, coinbaseOf } from "../src/network/index.js";
import { readShared, sharedPresent } from "./helpers/shared.js";

const SUPPLY = 21_000_000_000_000_000n;

function subnet(netuid: number, extra: Record<string, unknown> = {}) {
  return {
    netuid, tao_reserve: "50000000000000", alpha_reserve: "400000000000000", alpha_out: "300000000000000",
    moving_price: String(1n << 29n), tempo: 100, last_epoch_block: "990", first_emission_block: "10",
    owner_hotkey: String(1000 + netuid), owner_coldkey: String(2000 + netuid), ...extra,
  };
}

function inputs(extra: Record<string, unknown> = {}, subnets = [subnet(1)]) {
  return { block: "1001", blocks: 1, total_issuance: "7000000000000000", root_tao: "3000000000000000", subnets, ...extra };
}

function step(net: Network) {
  const r = net.step(1);
  expect(r.violations).toEqual([]);
  return vectorBlockState(taomath(), net, r);
}

describe("block_step rules the coinbase vectors revealed", () => {
  it("mint_tao caps the credit by the balances pallet's issuance, not TotalIssuance", () => {
    const net = networkFromVector(taomath(), inputs({ balances_total_issuance: String(SUPPLY - 700n) }));
    const r = net.step(1);
    expect(r.tao_block_emission).toBe(1_000_000_000n);
    expect(r.tao_minted).toBe(700n);
    expect(net.state.balances_total_issuance - (SUPPLY - 700n)).toBe(700n - r.tao_recycled);
    expect(net.state.total_issuance - 7_000_000_000_000_000n).toBe(700n - r.tao_recycled);
  });

  it("spend_tao refuses to open an empty subnet account with less than the existential deposit (500 rao): the credit is recycled", () => {
    // root_tao 0: no injection cap, so the whole credit is excess TAO for the chain buy
    const small = inputs({ root_tao: "0", balances_total_issuance: String(SUPPLY - 499n) });
    const net = networkFromVector(taomath(), small);
    const out = step(net).subnets[0];
    expect(out.subnet_account_balance).toBe("0");
    expect(out.volume).toBe("0");
    expect(out.excess_tao).toBe("0");
    expect(net.state.total_issuance).toBe(7_000_000_000_000_000n);
    // the same 499 rao into an account that already holds the deposit is spent and swapped
    const snap = vectorInputsOf(networkFromVector(taomath(), small), 1);
    snap.subnets[0].subnet_account_balance = "500";
    const funded = networkFromVector(taomath(), snap);
    const o2 = step(funded).subnets[0];
    expect(o2.subnet_account_balance).toBe("999");
    expect(o2.volume).toBe("499");
    expect(funded.state.total_issuance).toBe(7_000_000_000_000_499n);
  });

  it("BlockEmission holds the last alpha emission computed (the highest netuid emitted to), not the TAO emission", () => {
    const young = subnet(2, { alpha_reserve: "1000000000", alpha_out: "1000000000" });
    const old = subnet(7, { alpha_reserve: "6000000000000000", alpha_out: "5000000000000000" });
    const out = step(networkFromVector(taomath(), inputs({}, [young, old])));
    expect(out.tao_block_emission).toBe("1000000000");
    expect(out.subnets.map((s: any) => s.alpha_out_emission)).toEqual(["1000000000", "500000000"]);
    expect(out.block_emission_storage).toBe("500000000");
    // with no subnet emitted to, it is the TAO emission
    const none = step(networkFromVector(taomath(), inputs({}, [subnet(2, { subtoken_enabled: false })])));
    expect(none.block_emission_storage).toBe("1000000000");
  });

  it("the chain buy records SubnetExcessTao, protocol flow and volume, and TotalStake grows by the excess and the injected TAO", () => {
    const net = networkFromVector(taomath(), inputs());
    const before = net.state.total_stake;
    const out = step(net);
    const s = out.subnets[0];
    expect(BigInt(s.excess_tao)).toBeGreaterThan(0n);
    expect(BigInt(s.tao_in_emission)).toBeGreaterThan(0n);
    expect(s.volume).toBe(s.excess_tao);
    expect(BigInt(s.protocol_flow)).toBe(BigInt(s.excess_tao) + BigInt(s.tao_in_emission));
    expect(BigInt(s.subnet_account_balance)).toBe(BigInt(s.excess_tao) + BigInt(s.tao_in_emission));
    expect(BigInt(out.total_stake) - before).toBe(BigInt(s.excess_tao) + BigInt(s.tao_in_emission));
  });

  it("a refused chain buy leaves the excess TAO in the subnet account, outside SubnetTAO, with no volume or flow", () => {
    // an alpha reserve under MinimumReserve (1e6): the swap fails with ReservesTooLow
    const net = networkFromVector(taomath(), inputs({ root_tao: "0" }, [subnet(1, { alpha_reserve: "999999" })]));
    const out = step(net).subnets[0];
    expect(out.subnet_account_balance).toBe("1000000000");
    expect(out.tao_reserve).toBe("50000000000000");
    expect(out.volume).toBe("0");
    expect(out.protocol_flow).toBe("0");
    expect(out.excess_tao).toBe("0");
  });

  it("alpha assets: injections and alpha-out emission mint TotalAlphaIssuance, root alpha recycled without root sell leaves it", () => {
    // one subnet with a moving price below 1: no root sell, the root alpha is recycled
    const net = networkFromVector(taomath(), inputs({ tao_weight: "3320413915648241664" }));
    const iss0 = net.state.subnets[0].alpha_assets_issuance;
    const out = step(net);
    expect(out.root_sell_flag).toBe(false);
    const s = out.subnets[0];
    const recycled = BigInt(s.alpha_assets_recycled);
    expect(recycled).toBeGreaterThan(0n);
    expect(BigInt(s.alpha_assets_issuance) - iss0).toBe(BigInt(s.alpha_in_emission) + BigInt(s.alpha_out_emission) - recycled);
    expect(s.alpha_assets_burned).toBe("0");
  });

  it("an epoch on a subnet without uids stakes the owner cut to the owner hotkey and records MinerBurned 0 (0 of 0 withheld)", () => {
    const due = subnet(1, { last_epoch_block: "900", pending_owner_cut: "777", pending_server: "5", miner_burned: "123456" });
    const out = step(networkFromVector(taomath(), inputs({}, [due]))).subnets[0];
    expect(out.epoch_index).toBe("1");
    expect(out.last_mechanism_step_block).toBe("1001");
    // the drain comes after this block's emission: the pending cut includes this block's
    expect(BigInt(out.owner_stake)).toBeGreaterThan(777n);
    expect(out.pending_owner_cut).toBe("0");
    expect(out.miner_burned).toBe("0");
  });

  it("without SubnetOwner the drained owner cut is paid to nobody, and the owner's stake is not reported", () => {
    const due = subnet(1, { last_epoch_block: "900", pending_owner_cut: "777" });
    delete (due as Record<string, unknown>).owner_hotkey;
    delete (due as Record<string, unknown>).owner_coldkey;
    const net = networkFromVector(taomath(), inputs({}, [due]));
    const out = step(net).subnets[0];
    expect(out.owner_stake).toBeNull();
    expect([...net.state.subnets[0].stakes.values()].reduce((a, b) => a + b, 0n)).toBe(0n);
  });

  it("RootProp is written after the block for the subnets emitted to and stays unset elsewhere", () => {
    const out = step(networkFromVector(taomath(), inputs({}, [subnet(1), subnet(2, { subtoken_enabled: false })])));
    expect(out.subnets[0].root_prop).not.toBeNull();
    expect(out.subnets[1].root_prop).toBeNull();
    expect(out.subnets_to_emit_to).toEqual([1]);
  });

  it("a state written in the vectors' schema replays exactly: 30 blocks then 30 more equal 60 blocks", () => {
    const tm = taomath();
    const a = networkFromVector(tm, inputs({}, [subnet(1, { tempo: 7 }), subnet(4, { tempo: 11 })]));
    for (let i = 0; i < 30; i++) step(a);
    const b = networkFromVector(tm, vectorInputsOf(a, 30));
    const c = networkFromVector(tm, inputs({}, [subnet(1, { tempo: 7 }), subnet(4, { tempo: 11 })]));
    for (let i = 0; i < 60; i++) step(c);
    let last: any;
    for (let i = 0; i < 30; i++) last = step(b);
    const ref = vectorBlockState(tm, c, { epochs: [], tao_block_emission: 1_000_000_000n, root_sell_flag: last.root_sell_flag } as any);
    expect({ ...last, events: [] }).toEqual({ ...ref, events: [] });
  });
});

// A subnet with neurons in the payout vectors' schema: uid 0 validates, uid 1 mines, uid 2 mines
// for the subnet owner's coldkey (900); hotkey 50 is an unregistered parent of uid 0.
function payoutInputs(extra: Record<string, unknown> = {}, hotkeys: unknown[] = []) {
  const neuron = (uid: number, coldkey: number, stake: string, weights: Array<[number, number]>) => ({
    hotkey: 10 + uid, coldkey, stake: [[coldkey, stake]], root_stake: [], weights, bonds: [],
    last_update: "1000", block_at_registration: "100", validator_permit: uid === 0,
  });
  return {
    block: "1001", blocks: 1, total_issuance: "7000000000000000", root_tao: "3000000000000000", stake_threshold: "0",
    tao_weight: "3320413915648241664", hotkeys,
    subnets: [{
      ...subnet(1, { tempo: 10, last_epoch_block: "991", owner_hotkey: "99", owner_coldkey: "900", pending_server: "4000000000", pending_validator: "4000000000" }),
      alpha_out: "310000000000000", activity_cutoff_factor_milli: 5000, max_allowed_validators: 8, kappa: 32767,
      neurons: [neuron(0, 100, "9000000000000", [[1, 65535], [2, 65535]]), neuron(1, 101, "1000000000", []), neuron(2, 900, "1000000000", [])],
      ...extra,
    }],
  };
}

function payoutBlock(inp: unknown) {
  const net = networkFromVector(taomath(), inp as Record<string, unknown>);
  const out = step(net).subnets[0];
  expect(out.epoch).not.toBeNull();
  return { net, out, hotkey: (id: number) => out.hotkeys.find((h: any) => h.hotkey === id) };
}

describe("distribute_emission rules the payout vectors revealed", () => {
  it("get_owner_hotkeys: every registered hotkey of the owner's coldkey has its incentive withheld (burned), not only the owner hotkey", () => {
    const { out, hotkey } = payoutBlock(payoutInputs());
    const inc = BigInt(out.epoch.emission[2]);
    expect(inc).toBeGreaterThan(0n);
    expect(hotkey(12).total_alpha).toBe("1000000000");
    expect(BigInt(hotkey(11).total_alpha)).toBeGreaterThan(1_000_000_000n);
    expect(BigInt(out.alpha_assets_burned)).toBe(inc);
    expect(BigInt(out.miner_burned)).toBeGreaterThan(0n);
  });

  it("RecycleOrBurn = Recycle: the owner's miners' incentive leaves SubnetAlphaOut and is counted as recycled, not burned", () => {
    const burn = payoutBlock(payoutInputs()).out;
    const recycle = payoutBlock(payoutInputs({ recycle_or_burn: 1 })).out;
    const inc = BigInt(recycle.epoch.emission[2]);
    expect(recycle.alpha_assets_burned).toBe("0");
    expect(BigInt(recycle.alpha_assets_recycled) - BigInt(burn.alpha_assets_recycled)).toBe(inc);
    expect(BigInt(burn.alpha_out) - BigInt(recycle.alpha_out)).toBe(inc);
  });

  it("a parent hotkey without a uid pays its own delegate take (Delegates) on the dividends its child passes up", () => {
    const parent = (take: number) => [{ hotkey: 50, coldkey: 500, delegate_take: take, alpha_stake: [{ netuid: 1, stake: [[500, "9000000000000"]] }], children: [{ netuid: 1, children: [["9223372036854775807", 10]] }] }];
    const low = payoutBlock(payoutInputs({}, parent(0))).hotkey(50);
    const high = payoutBlock(payoutInputs({}, parent(65535))).hotkey(50);
    expect(BigInt(low.alpha_dividends)).toBeGreaterThan(0n);
    expect(high.alpha_dividends).toBe("0"); // the whole of it is the take, staked to the parent's owner
    expect(high.total_alpha).toBe(low.total_alpha);
  });

  it("update_root_prop runs after the payouts: CKBurn's recycled alpha is in the alpha issuance RootProp reads", () => {
    const hotkeys = [{ hotkey: 50, coldkey: 500, delegate_take: 0, alpha_stake: [{ netuid: 1, stake: [[500, "9000000000000"]] }], children: [{ netuid: 1, children: [["9223372036854775807", 10]] }] }];
    const { net, out } = payoutBlock({ ...payoutInputs({}, hotkeys), ck_burn: "9223372036854775807" });
    expect(BigInt(out.alpha_assets_recycled)).toBeGreaterThan(0n);
    const n = net.state.subnets[0];
    expect(BigInt(out.root_prop)).toBe(coinbaseOf(taomath()).rootProportion(net.state.root_tao, n.alpha_reserve + n.alpha_out, net.state.tao_weight));
  });
});

describe("block vector input", () => {
  it("refuses a malformed amount with a typed error naming the field", () => {
    expect(() => networkFromVector(taomath(), inputs({}, [subnet(1, { alpha_out: "12x" })]))).toThrow(/subnets\[0\]\.alpha_out/);
    const bad: any = payoutInputs();
    bad.subnets[0].neurons[1].stake = [[101, "-5"]];
    expect(() => networkFromVector(taomath(), bad)).toThrow(/neurons\[1\]\.stake\[0\]/);
  });
});

describe.skipIf(!sharedPresent)("block vector state written and read back", () => {
  it("a payout case's state written after 80 blocks replays the rest of the case exactly", () => {
    const d = readShared("vectors", "payout", "cases.json");
    const c = d.cases.find((x: any) => x.id === "009_1sn") ?? d.cases[0];
    const tm = taomath();
    const a = networkFromVector(tm, c.inputs);
    for (let i = 0; i < 80; i++) step(a);
    const rest = c.inputs.blocks - 80;
    const b = networkFromVector(tm, JSON.parse(JSON.stringify(vectorInputsOf(a, rest))));
    const got = [];
    for (let i = 0; i < rest; i++) {
      const r = b.step(1);
      expect(r.violations).toEqual([]);
      got.push(vectorBlockState(tm, b, r, i === rest - 1));
    }
    expect(got).toEqual(c.outputs.slice(80));
  });
});

describe("the host's view of the core's rows", () => {
  it("the host's rows and globals slots (generated from boundary.json) are the ones the core names, numbered without gaps", async () => {
    const { ROW, F, G, G_SLOTS } = await import("../src/network/rows.js");
    const fs = Object.values(F).sort((a, b) => a - b), gs = Object.values(G).sort((a, b) => a - b);
    expect(fs).toEqual(Array.from({ length: ROW }, (_, i) => i));
    expect(gs).toEqual(Array.from({ length: G_SLOTS }, (_, i) => i));
    // and names each slot as the core does (the AssemblyScript constants coinbase/row.ts re-exports)
    const { readFileSync } = await import("node:fs");
    const src = readFileSync(new URL("../assembly/abi/layout.ts", import.meta.url), "utf8");
    const named = (prefix: string) => Object.fromEntries([...src.matchAll(new RegExp(`\\b${prefix}_([A-Z0-9_]+): i32 = (\\d+)`, "g"))].map((m) => [m[1], Number(m[2])]).filter(([k]) => k !== "SLOTS"));
    expect(named("F")).toEqual({ ...F });
    expect(named("G")).toEqual({ ...G });
  });
});
