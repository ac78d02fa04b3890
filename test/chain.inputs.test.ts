// Snapshot -> epoch inputs: the next epoch block (subtensor's blocks_until_next_epoch, with the
// numbers of pallets/subtensor/src/tests/emission.rs) and the rules for missing storage.

import { describe, expect, it } from "vitest";
import { blocksUntilNextEpoch, nextEpochBlock, epochInputsFromSnapshot } from "../src/chain/index.js";
import { taomath } from "../src/index.js";

const U64_MAX = (1n << 64n) - 1n;

describe("blocks_until_next_epoch (subtensor tests/emission.rs)", () => {
  it("the light client's copy (usable before any instance exists) equals the core's rule", () => {
    const core = taomath().coinbase;
    const M = (1n << 64n) - 1n;
    const blocks = [0n, 1n, 5n, 99n, 6_852_690n, M - 1n, M];
    for (const netuid of [0, 1, 2, 64, 65535]) for (const tempo of [0, 1, 10, 99, 360, 65535]) for (const b of blocks) {
      expect(blocksUntilNextEpoch(netuid, tempo, b), `${netuid}/${tempo}/${b}`).toBe(core.legacyBlocksUntilNextEpoch(netuid, tempo, b));
    }
  });
  it("test_zero_tempo: tempo 0 never runs (u64::MAX)", () => {
    expect(blocksUntilNextEpoch(1, 0, 100n)).toBe(U64_MAX);
  });
  it("test_regular_case: (1,10,5)=3, (2,20,15)=2, (3,30,25)=1", () => {
    expect(blocksUntilNextEpoch(1, 10, 5n)).toBe(3n);
    expect(blocksUntilNextEpoch(2, 20, 15n)).toBe(2n);
    expect(blocksUntilNextEpoch(3, 30, 25n)).toBe(1n);
  });
  it("test_boundary_conditions: (65535,65535,u64::MAX)=0 and (65535,65535,0)=65535", () => {
    expect(blocksUntilNextEpoch(65535, 65535, U64_MAX)).toBe(0n);
    expect(blocksUntilNextEpoch(65535, 65535, 0n)).toBe(65535n);
  });
  it("test_overflow_handling: (65535,65535,u64::MAX-1)=1", () => {
    expect(blocksUntilNextEpoch(65535, 65535, U64_MAX - 1n)).toBe(1n);
  });
  it("test_epoch_alignment: (1,10,9)=10, (2,20,21)=17", () => {
    expect(blocksUntilNextEpoch(1, 10, 9n)).toBe(10n);
    expect(blocksUntilNextEpoch(2, 20, 21n)).toBe(17n);
  });
  it("test_different_network_ids: tempo 10 at block 5 gives 3, 2, 1 for netuids 1, 2, 3", () => {
    expect([1, 2, 3].map((n) => blocksUntilNextEpoch(n, 10, 5n))).toEqual([3n, 2n, 1n]);
  });
  it("test_large_tempo_values: (1, 65534, 100) = 65535 - 103", () => {
    expect(blocksUntilNextEpoch(1, 65534, 100n)).toBe(65535n - 103n);
  });
  it("test_wrap_around_behavior: (1,10,u64::MAX)=9, (1,10,u64::MAX-1)=10", () => {
    expect(blocksUntilNextEpoch(1, 10, U64_MAX)).toBe(9n);
    expect(blocksUntilNextEpoch(1, 10, U64_MAX - 1n)).toBe(10n);
  });
  it("subnet 1 (tempo 99) read at block 6,852,690 runs its next epoch at 6,852,697; its last ran at 6,852,597", () => {
    expect(nextEpochBlock(1, 99, 6852690n)).toBe(6852697n);
    expect(nextEpochBlock(1, 99, 6852596n)).toBe(6852597n);
  });
  it("the next epoch is strictly after the snapshot block, even when the snapshot block is an epoch block", () => {
    expect(nextEpochBlock(1, 99, 6852597n)).toBe(6852697n);
  });
});

describe("epoch inputs from a snapshot", () => {
  const metagraph = {
    num_uids: 2, tempo: 10, hotkeys: ["a", "b"], owner_hotkey: "b", commit_reveal_weights_enabled: false,
    alpha_low: 45875, alpha_high: 58982, activity_cutoff: 5000, last_step: "100", alpha_stake: ["1", "2"], tao_stake: ["0", "0"],
    max_validators: 64, block_at_registration: ["0", "0"], kappa: 32767, bonds_moving_avg: "900000",
    liquid_alpha_enabled: false, pending_alpha_emission: "1000",
  };
  const present = (value: unknown) => ({ status: "present", value });
  const storage = {
    TaoWeight: present("0"), StakeThreshold: present("0"), ValidatorPermit: present([true, false]), LastUpdate: present(["1", "2"]),
    Weights: present([[[1, 65535]], []]), Bonds: present([[], []]), BondsPenalty: { status: "default", value: 65535 },
    AlphaSigmoidSteepness: present(1000), Yuma3On: present(false),
  };
  const snap = { source: { netuid: 1, block: 105 }, metagraph, storage };

  it("maps the owner hotkey to its uid; current_block is the next epoch block ((107 + 1 + 2) % 11 == 0)", () => {
    const b = epochInputsFromSnapshot(snap);
    expect(b.missing).toEqual([]);
    expect(b.inputs).toMatchObject({ owner_uid: 1, current_block: "107", activity_cutoff: "5000", bonds_penalty: 65535, commit_blocks: null });
  });

  it("an owner hotkey that holds no uid gives owner_uid null", () => {
    expect(epochInputsFromSnapshot({ ...snap, metagraph: { ...metagraph, owner_hotkey: "z" } }).inputs!.owner_uid).toBeNull();
  });

  it("missing storage is listed with its reason and no inputs are built", () => {
    const b = epochInputsFromSnapshot({ ...snap, storage: { ...storage, Bonds: { status: "missing", reason: "SubtensorModule.Bonds: not recorded" } } });
    expect(b.inputs).toBeNull();
    expect(b.missing).toEqual(["SubtensorModule.Bonds: not recorded"]);
  });

  it("a metagraph field the node did not return is listed as missing", () => {
    const { kappa: _k, ...rest } = metagraph;
    expect(epochInputsFromSnapshot({ ...snap, metagraph: rest }).missing).toEqual(["metagraph.kappa: not returned by the node"]);
  });

  it("commit-reveal on: commit storage that was not read is reported missing unless ignoreCommitReveal is set", () => {
    const cr = { ...snap, metagraph: { ...metagraph, commit_reveal_weights_enabled: true } };
    expect(epochInputsFromSnapshot(cr).missing).toEqual(["WeightCommits: not read", "TimelockedWeightCommits: not read", "RevealPeriodEpochs: not read"]);
    const b = epochInputsFromSnapshot(cr, { ignoreCommitReveal: true });
    expect(b.inputs).toMatchObject({ commit_reveal_enabled: true, commit_blocks: null });
  });

  it("commit-reveal on with no commits stored: commit_blocks is all null (the mask removes nothing)", () => {
    const cr = {
      ...snap, metagraph: { ...metagraph, commit_reveal_weights_enabled: true },
      storage: { ...snap.storage, WeightCommits: { status: "present", value: [] }, TimelockedWeightCommits: { status: "present", value: [] },
        RevealPeriodEpochs: { status: "default", value: "1" } },
    };
    const b = epochInputsFromSnapshot(cr);
    expect(b.missing).toEqual([]);
    expect(b.inputs!.commit_blocks).toEqual(Array(metagraph.num_uids).fill(null));
  });

  it("tempo 0 is reported: the subnet never runs an epoch", () => {
    expect(epochInputsFromSnapshot({ ...snap, metagraph: { ...metagraph, tempo: 0 } }).missing).toContain("tempo is 0: this subnet never runs an epoch");
  });
});
