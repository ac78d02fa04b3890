// Commit-reveal: commit hashes, mechanism storage indices, reveal windows and reveal verdicts,
// ported from subtensor's tests/weights.rs and tests/mechanism.rs.
//
// Upstream tests only compare hashes they compute themselves (BlakeTwo256::hash_of of the same
// tuple), so the expected hex below was computed INDEPENDENTLY of this code: SCALE written out by
// hand in Python (32 account bytes, u16 LE, compact length + u16 LE items, u64 LE) and hashed
// with hashlib.blake2b(digest_size=32). The mock's AccountId is U256, which SCALE-encodes as 32
// little-endian bytes: U256::from(1) is 0x01 followed by 31 zero bytes.

import { describe, it, expect } from "vitest";
import {
  commitHash, commitPreimage, mechanismStorageIndex, revealWindow, epochAt, checkReveal, checkCommitWeights, type StoredCommit,
} from "../src/weights/index.js";
import { taomath } from "../src/index.js";
import { checkSetWeights } from "../src/weights/index.js";
import { subnet } from "./helpers/weights_subnet.js";

const u256 = (k: number) => "0x" + k.toString(16).padStart(2, "0") + "00".repeat(31);
const SALT = [1, 2, 3, 4, 5, 6, 7, 8];
const base = { account: u256(1), netuid: 1, uids: [0, 1], values: [10, 10], salt: SALT, versionKey: 0n };

describe("commit hash = BlakeTwo256(SCALE(account, netuid_index, uids, values, salt, version_key))", () => {
  it("test_commit_reveal_hash: the committed payload", () => {
    expect(commitHash(base)).toBe("0x6d0636acf6116a29e342d949b376af9893686f35589a4ddc00aa412895531f3f");
  });
  it("test_commit_reveal_hash: other uids [0, 2] give another hash (InvalidRevealCommitHashNotMatch)", () => {
    expect(commitHash({ ...base, uids: [0, 2] })).toBe("0x20704e6d9ed2494b939c0b308e64a3e09f7083c5712a209afd41b21986663376");
  });
  it("test_commit_reveal_hash: bad salt [0, 2, ...] gives another hash", () => {
    expect(commitHash({ ...base, salt: [0, 2, 3, 4, 5, 6, 7, 8] })).toBe("0x6591dc78c5af313e3d324a16f90c8a1fa75af970f739a629a7a3ff077253f481");
  });
  it("test_commit_weights_dispatch_info_ok: dests [1, 1], weights [1, 1]", () => {
    expect(commitHash({ ...base, uids: [1, 1], values: [1, 1] })).toBe("0xc152166c749be077a18689878860271f74a068c460eefdf319710cf05de1f83e");
  });
  it("test_commit_reveal_mechanism_weights_ok: mechanism 1 hashes storage index 4097", () => {
    const c = { account: u256(55), netuid: 1, mechanism: 1, uids: [1, 2], values: [88, 65535], salt: SALT, versionKey: 0n };
    expect(commitHash(c)).toBe("0xbe261d3ed4a719b97a91dc28bcc6dc1a1a71a135e72ce29780191dad002fcf95");
    expect(commitHash({ ...c, netuid: 4097, mechanism: 0 })).toBe(commitHash(c));
  });
  const exact: Record<number, [string, string]> = {
    1: ["0x768750342de09e560bad819e79ae21fba4c0ea4d20088badbbc308bb5667c0ee", "0xd615016bf84ca70d6da0bb2097dadac4d8e1ad283bf94c7d86b0f1ab09395f20"],
    2: ["0xd615016bf84ca70d6da0bb2097dadac4d8e1ad283bf94c7d86b0f1ab09395f20", "0x81296fabaa550c56177261e26caf416c99c246b18e2f938dba06825da1ee4e0b"],
    5: ["0xa2f0a36b1230fea05515ddad1ac3487c7097f22036192bbf49f8f7f4dc50a51c", "0x061a2eca79783c4ebf4b80a9d590f53d624285f2e4b218710c7423e73f3e9bb8"],
    19: ["0xa5775acc440a096837b0dc272619de573615f557b66aded863c75babc02203ee", "0x6d3c0f32806b40aba5afc7a70e7945c804c64239f2959a1457f63fb764ff437d"],
    21: ["0x2ead3d19b0a53196006dd24b1421cc898add6e28f4321cef642705f92f58023d", "0xb9e22ad0087111158ac2e5206cc666633c04ec4d82fbbfd9f2476b415d136692"],
    30: ["0xe317bc755e8a64cc74643f576c828ab82436940883c973c9b432ded0de414bd5", "0x2648312b8a6bbd534c766a898661c52074e8fa487c7046188c71a33d1325f2c1"],
    77: ["0x35305bb274a239d7cdb4241bb2155e3c5ec48b4c8d17018ed12cc947b9ddf9fb", "0x9d3fe39cb93d7f99f14948dd1f94d717293c5168b647fce7551f3a19b4a471dc"],
  };
  for (const [rp, [first, second]] of Object.entries(exact)) {
    it(`test_reveal_at_exact_block: salts [${42 + (Number(rp) % 100)}; 8] and [${43 + (Number(rp) % 100)}; 8]`, () => {
      expect(commitHash({ ...base, salt: new Array(8).fill(42 + (Number(rp) % 100)) })).toBe(first);
      expect(commitHash({ ...base, salt: new Array(8).fill(43 + (Number(rp) % 100)) })).toBe(second);
    });
  }
  it("empty uids, values and salt", () => {
    expect(commitHash({ account: "0x" + "00".repeat(32), netuid: 1, uids: [], values: [], salt: [], versionKey: 0n }))
      .toBe("0x2d51d7fb3f544b5fb1cda215d49811675370ff82305324da1987e3137c482238");
  });
  it("extremes: index 65535, u64::MAX version key", () => {
    expect(commitHash({ account: "0x" + "ff".repeat(32), netuid: 65535, uids: [65535], values: [0], salt: [7], versionKey: (1n << 64n) - 1n }))
      .toBe("0x804d36a1687bce49f265870934fe061fb94e4474c11ea49e3c754ef7e15057c0");
  });
  it("compact lengths: 64 items (2-byte prefix) and 16384 items (4-byte prefix)", () => {
    const r64 = [...Array(64).keys()];
    expect(commitHash({ account: u256(2), netuid: 7, uids: r64, values: r64.map((i) => (i * 1000) % 65536), salt: [9], versionKey: 123456789n }))
      .toBe("0xe09cf3646ef01bbfdde2573df030ae677d3101d4092f77feaf141010e446e84d");
    const r = [...Array(16384).keys()];
    const c = { account: u256(3), netuid: 5, mechanism: 1, uids: r, values: r.map((i) => (i * 7919) % 65536), salt: [], versionKey: 1n };
    expect(commitHash(c)).toBe("0xa69b1a2fe3a861a1685d2851a1eaf4e11f3b017da112aa8b3dfcd831d7b3f2a9");
    expect(Array.from(commitPreimage(c).slice(34, 38))).toEqual([2, 0, 1, 0]); // (16384 << 2) | 0b10, LE
  });
  it("rejects an account that is not 32 bytes of hex", () => {
    expect(() => commitHash({ ...base, account: "0x01" })).toThrow(/64 hex digits/);
  });
});

describe("the account as an SS58 address", () => {
  // Alice's well-known dev key: 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY is ss58 prefix 42 of this public key
  const alicePub = "0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";
  it("an SS58 address hashes the same preimage as its public key in hex", () => {
    const ss58 = commitPreimage({ ...base, account: "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY" });
    expect(ss58).toEqual(commitPreimage({ ...base, account: alicePub }));
    expect(Array.from(ss58.slice(0, 32), (b) => b.toString(16).padStart(2, "0")).join("")).toBe(alicePub.slice(2));
  });
  it("a mistyped address (checksum off) is a TaomathError naming the account", () => {
    expect(() => commitHash({ ...base, account: "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ" })).toThrow(/^account: .*not a valid SS58 address/);
  });
});

describe("mechanism storage index (tests/mechanism.rs test_index_from_netuid_and_subnet)", () => {
  const cases: Array<[number, number]> = [[0, 0], [2048, 1], [2048, 7], [2048, 14], [2048, 15], [4095, 1], [4095, 7], [4095, 14], [4095, 15]];
  for (const [netuid, mecid] of cases) {
    it(`netuid ${netuid}, mechanism ${mecid} -> ${mecid * 4096 + netuid}`, () => {
      expect(mechanismStorageIndex(netuid, mecid)).toBe(mecid * 4096 + netuid);
    });
  }
});

describe("epochs, reveal windows and reveal verdicts", () => {
  const schedule = { tempo: 100, last_epoch_block: 0n, epoch_index: 0n, reveal_period_epochs: 1n };

  it("a commit at block 0 with tempo 100 is revealable in blocks 100..199 and expired from 200", () => {
    expect(revealWindow(schedule, 0n)).toEqual({ commit_epoch: 0n, reveal_epoch: 1n, reveal_from_block: 100n, reveal_to_block: 199n, expires_at_block: 200n });
  });
  it("the window follows LastEpochBlock and SubnetEpochIndex, and a longer reveal period", () => {
    const s = { tempo: 360, last_epoch_block: 1000n, epoch_index: 7n, reveal_period_epochs: 3n };
    expect(epochAt(s, 1359n)).toBe(7n);
    expect(epochAt(s, 1360n)).toBe(8n); // the fire block belongs to the new epoch (look-ahead)
    expect(revealWindow(s, 1500n)).toEqual({ commit_epoch: 8n, reveal_epoch: 11n, reveal_from_block: 2440n, reveal_to_block: 2799n, expires_at_block: 2800n });
  });

  it("test_commit_reveal_tempo_interval: too early, ok, gone, expired, too early, ok", () => {
    const h = commitHash(base);
    let q: StoredCommit[] = [{ hash: h, epoch: 0n }];
    expect(checkReveal(q, h, 0n).verdict).toBe("RevealTooEarly");
    const r1 = checkReveal(q, h, 1n);
    expect(r1.verdict).toBe("ok");
    q = r1.remaining;
    expect(checkReveal(q, h, 1n).verdict).toBe("NoWeightsCommitFound");
    q = [{ hash: h, epoch: 1n }];
    expect(checkReveal(q, h, 3n).verdict).toBe("ExpiredWeightCommit");
    q = [{ hash: h, epoch: 3n }];
    expect(checkReveal(q, h, 3n).verdict).toBe("RevealTooEarly");
    expect(checkReveal(q, h, 4n).verdict).toBe("ok");
  });

  it("test_reveal_at_exact_block: periods 1, 2, 5, 19, 21, 30, 77 reveal exactly at commit_epoch + period", () => {
    for (const rp of [1n, 2n, 5n, 19n, 21n, 30n, 77n]) {
      const h = commitHash({ ...base, salt: new Array(8).fill(42 + Number(rp % 100n)) });
      const q: StoredCommit[] = [{ hash: h, epoch: 0n }];
      expect(checkReveal(q, h, 0n, rp).verdict).toBe("RevealTooEarly");
      const r = checkReveal(q, h, rp, rp);
      expect(r.verdict).toBe("ok");
      expect(checkReveal(r.remaining, h, rp, rp).verdict).toBe("NoWeightsCommitFound");
      const h2 = commitHash({ ...base, salt: new Array(8).fill(43 + Number(rp % 100n)) });
      expect(checkReveal([{ hash: h2, epoch: rp }], h2, rp + rp + 1n, rp).verdict).toBe("ExpiredWeightCommit");
    }
  });

  it("test_commit_reveal_hash: a wrong payload is InvalidRevealCommitHashNotMatch", () => {
    const q: StoredCommit[] = [{ hash: commitHash(base), epoch: 0n }];
    expect(checkReveal(q, commitHash({ ...base, uids: [0, 2] }), 1n).verdict).toBe("InvalidRevealCommitHashNotMatch");
    expect(checkReveal(q, commitHash(base), 1n).verdict).toBe("ok");
  });

  it("revealing the second of three commits drops the first and keeps the third", () => {
    const hs = [1, 2, 3].map((s) => commitHash({ ...base, salt: [s] }));
    const q: StoredCommit[] = hs.map((hash) => ({ hash, epoch: 4n }));
    const r = checkReveal(q, hs[1], 5n);
    expect(r.verdict).toBe("ok");
    expect(r.remaining.map((c) => c.hash)).toEqual([hs[2]]);
  });

  it("test_commit_reveal_order_enforcement: revealing B drops A; after C the queue is gone and A finds nothing", () => {
    const [a, b, c] = [0, 1, 2].map((i) => commitHash({ ...base, salt: new Array(8).fill(i) }));
    let q: StoredCommit[] = [a, b, c].map((hash) => ({ hash, epoch: 0n }));
    const rb = checkReveal(q, b, 1n);
    expect(rb.verdict).toBe("ok");
    q = rb.remaining;
    const rc = checkReveal(q, c, 1n);
    expect(rc.verdict).toBe("ok");
    q = rc.remaining;
    expect(checkReveal(q, a, 1n).verdict).toBe("NoWeightsCommitFound");
  });

  it("test_reveal_weights_when_commit_reveal_disabled", () => {
    expect(checkReveal([], commitHash(base), 1n, 1n, false).verdict).toBe("CommitRevealDisabled");
  });
});

describe("commit_weights checks (internal_commit_weights)", () => {
  const salted = (i: number) => commitHash({ ...base, salt: new Array(8).fill(i) });

  it("test_commit_weights_rate_limit: commits and then set_weights share the 10-block rate limit", () => {
    // the caller is U256(1) = uid 1; LastUpdate reset to 0 at block 11
    const s = subnet(2, { commit_reveal_enabled: true, weights_set_rate_limit: 10n, validator_permit: [true, true] });
    let q: StoredCommit[] = [];
    const commit = (hash: string, block: bigint) => {
      const r = checkCommitWeights(s, 1, hash, q, 0n, block);
      if (r.verdict === "ok") { q = r.commits; s.last_update[1] = block; }
      return r.verdict;
    };
    expect(commit(commitHash(base), 11n)).toBe("ok");
    const fresh = commitHash({ ...base, salt: new Array(8).fill(9) });
    expect(commit(fresh, 11n)).toBe("CommittingWeightsTooFast");
    expect(commit(fresh, 16n)).toBe("CommittingWeightsTooFast");
    expect(commit(fresh, 21n)).toBe("ok");
    s.commit_reveal_enabled = false;
    const tm = taomath();
    const set = (block: bigint) => {
      const v = checkSetWeights(tm, s, 1, [0], [1], 0n, block).verdict;
      if (v === "ok") s.last_update[1] = block;
      return v;
    };
    expect(set(21n)).toBe("SettingWeightsTooFast");
    expect(set(31n)).toBe("ok");
    expect(set(31n)).toBe("SettingWeightsTooFast");
    expect(set(36n)).toBe("SettingWeightsTooFast");
    expect(set(41n)).toBe("ok");
  });

  it("test_expired_commits_handling_in_commit_and_reveal: 10 unrevealed at most, expired ones make room", () => {
    const s = subnet(2, { commit_reveal_enabled: true, weights_set_rate_limit: 0n, validator_permit: [true, true] });
    let q: StoredCommit[] = [];
    const commit = (hash: string, epoch: bigint) => {
      const r = checkCommitWeights(s, 1, hash, q, epoch, 0n);
      if (r.verdict === "ok") q = r.commits;
      return r.verdict;
    };
    for (let i = 0; i < 5; i++) expect(commit(salted(i), 0n)).toBe("ok");
    for (let i = 5; i < 10; i++) expect(commit(salted(i), 1n)).toBe("ok");
    expect(commit(salted(10), 1n)).toBe("TooManyUnrevealedCommits");
    expect(commit(salted(11), 2n)).toBe("ok"); // the 5 commits of epoch 0 expired and were dropped
    expect(q.length).toBe(6);
    // the epoch-0 commit is gone from the queue, so its reveal no longer matches anything
    expect(checkReveal(q, salted(0), 2n).verdict).toBe("InvalidRevealCommitHashNotMatch");
    for (let i = 5; i < 10; i++) {
      const r = checkReveal(q, salted(i), 2n);
      expect(r.verdict).toBe("ok");
      q = r.remaining;
    }
    const r11 = checkReveal(q, salted(11), 3n);
    expect(r11.verdict).toBe("ok");
    q = r11.remaining;
    expect(q).toEqual([]);
    expect(checkReveal(q, salted(11), 3n).verdict).toBe("NoWeightsCommitFound");
    expect(commit(salted(12), 3n)).toBe("ok");
    expect(checkReveal(q, salted(12), 4n).verdict).toBe("ok");
  });

  it("commit checks in order: mechanism, commit-reveal on, registered", () => {
    const s = subnet(1, { commit_reveal_enabled: false });
    expect(checkCommitWeights(s, 0, salted(1), [], 0n, 0n, { mechanism: 1 }).verdict).toBe("MechanismDoesNotExist");
    expect(checkCommitWeights(s, 0, salted(1), [], 0n, 0n).verdict).toBe("CommitRevealDisabled");
    s.commit_reveal_enabled = true;
    expect(checkCommitWeights(s, "nobody", salted(1), [], 0n, 0n).verdict).toBe("HotKeyNotRegisteredInSubNet");
    expect(checkCommitWeights(s, 0, salted(1), [], 0n, 0n).verdict).toBe("ok");
  });
});
