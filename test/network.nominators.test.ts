// Nominators in the network model: a hotkey's alpha is a share pool over its coldkeys. The
// delegate take, incentive and owner cut go to the hotkey owner's coldkey; the rest of the
// dividends raise every coldkey of the hotkey in proportion to its shares.

import { describe, it, expect } from "vitest";
import { taomath, TaomathError } from "../src/index.js";
import { Network, estimateReturns } from "../src/network/index.js";
import { neuronsFor } from "./helpers/network.js";

const HK = "hk-1-1"; // a validator of subnet 1

function snapshot(withNominators: boolean) {
  const { neurons, stakes, staked } = neuronsFor(1, 16, 4);
  const total = BigInt(stakes[HK]);
  const alice = total / 2n, bob = total / 4n, owner = total - alice - bob;
  const sub: any = {
    netuid: 1, mechanism: 0, owner_hotkey: "hk-1-0", tempo: 10, last_epoch_block: "3999999", first_emission_block_number: "100",
    tao_reserve: "5000000000000", alpha_reserve: "900000000000000", alpha_out: staked.toString(), moving_price: "0", stakes, neurons,
    owners: { [HK]: "ck-owner" },
  };
  if (withNominators) sub.nominators = { [HK]: { "ck-owner": owner.toString(), alice: alice.toString(), bob: bob.toString() } };
  return { block: "4000000", total_issuance: "7000000000000000", root_tao: "0", subnets: [sub] };
}

describe("nominator share pools in the network model", () => {
  it("leaves every hotkey total exactly as the totals-only model computes it", () => {
    const a = Network.fromSnapshot(taomath(), snapshot(true));
    const b = Network.fromSnapshot(taomath(), snapshot(false));
    const r = a.step(200); b.step(200);
    expect(r.violations).toEqual([]);
    expect([...a.state.subnets[0].stakes]).toEqual([...b.state.subnets[0].stakes]);
  });

  it("grows two nominators of the hotkey by the same rate, and the owner's coldkey faster by the delegate take", () => {
    const net = Network.fromSnapshot(taomath(), snapshot(true));
    const before = net.coldkeyStakes(1, "alice").get(HK)!, bobBefore = net.coldkeyStakes(1, "bob").get(HK)!, ownerBefore = net.coldkeyStakes(1, "ck-owner").get(HK)!;
    net.step(200);
    const rate = (a: bigint, b: bigint) => Number(a - b) / Number(b);
    const alice = rate(net.coldkeyStakes(1, "alice").get(HK)!, before);
    const bob = rate(net.coldkeyStakes(1, "bob").get(HK)!, bobBefore);
    const owner = rate(net.coldkeyStakes(1, "ck-owner").get(HK)!, ownerBefore);
    expect(alice).toBeGreaterThan(0);
    expect(Math.abs(alice - bob)).toBeLessThan(1e-9);
    expect(owner).toBeGreaterThan(alice);
  });

  it("never pays the coldkeys more than the hotkey holds: their values add up to the total within one rao each", () => {
    const net = Network.fromSnapshot(taomath(), snapshot(true));
    net.step(150);
    const values = ["alice", "bob", "ck-owner"].map((c) => net.coldkeyStakes(1, c).get(HK)!);
    const sum = values.reduce((x, y) => x + y, 0n);
    const total = net.state.subnets[0].stakes.get(HK)!;
    expect(sum).toBeLessThanOrEqual(total);
    expect(total - sum).toBeLessThanOrEqual(3n);
  });

  it("estimateReturns for a coldkey follows its share of the hotkey's pool", () => {
    const r = estimateReturns(taomath(), snapshot(true), { coldkey: "alice" }, 200);
    expect(r.coldkey).toBe("alice");
    expect(r.subnets.length).toBe(1);
    expect(r.subnets[0].hotkey).toBe(HK);
    expect(r.subnets[0].alpha_earned).toBeGreaterThan(0n);
    const net = Network.fromSnapshot(taomath(), snapshot(true));
    net.step(200);
    expect(r.subnets[0].alpha_after).toBe(net.coldkeyStakes(1, "alice").get(HK));
    expect(r.assumptions.join(" ")).toMatch(/share pool/);
  });

  it("carries the exact share pools through a JSON snapshot and continues identically", () => {
    const a = Network.fromSnapshot(taomath(), snapshot(true));
    a.step(37);
    const b = Network.fromSnapshot(taomath(), JSON.parse(JSON.stringify(a.snapshot())));
    a.step(40); b.step(40);
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.snapshot()));
    expect(b.coldkeyStakes(1, "bob")).toEqual(a.coldkeyStakes(1, "bob"));
  });

  it("rejects nominators whose alpha does not add up to the hotkey's stake, naming the hotkey", () => {
    const s: any = snapshot(true);
    s.subnets[0].nominators[HK].alice = "1";
    expect(() => Network.fromSnapshot(taomath(), s)).toThrow(TaomathError);
    expect(() => Network.fromSnapshot(taomath(), s)).toThrow(/nominators\[hk-1-1\]/);
  });

  it("rejects a coldkey estimate for a coldkey without shares, naming the field", () => {
    expect(() => estimateReturns(taomath(), snapshot(true), { coldkey: "carol" }, 10)).toThrow(/coldkey/);
  });
});
