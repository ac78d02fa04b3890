// The weights and commit-hash commands of node/cli.mjs (run on the built dist/).

import { describe, it, expect } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const cli = (...args: string[]) => execFileSync(process.execPath, ["node/cli.mjs", ...args], { encoding: "utf8" });
const lastLine = (s: string) => s.trim().split("\n").at(-1);

describe("taomath commit-hash", () => {
  it("prints the chain's hash on its last line (test_commit_reveal_hash payload)", () => {
    const out = cli("commit-hash", "--account", "0x01" + "00".repeat(31), "--netuid", "1", "--uids", "0,1", "--values", "10,10", "--salt", "1,2,3,4,5,6,7,8", "--version-key", "0");
    expect(lastLine(out)).toBe("0x6d0636acf6116a29e342d949b376af9893686f35589a4ddc00aa412895531f3f");
  });
  it("accepts empty lists", () => {
    const out = cli("commit-hash", "--account", "0x" + "00".repeat(32), "--netuid", "1", "--uids", "", "--values", "", "--salt", "", "--version-key", "0");
    expect(lastLine(out)).toBe("0x2d51d7fb3f544b5fb1cda215d49811675370ff82305324da1987e3137c482238");
  });
  it("hashes the mechanism storage index with --mechanism", () => {
    const out = cli("commit-hash", "--account", "0x37" + "00".repeat(31), "--netuid", "1", "--mechanism", "1", "--uids", "1,2", "--values", "88,65535", "--salt", "1,2,3,4,5,6,7,8", "--version-key", "0");
    expect(lastLine(out)).toBe("0xbe261d3ed4a719b97a91dc28bcc6dc1a1a71a135e72ce29780191dad002fcf95");
  });
});

describe("taomath weights", () => {
  const dir = mkdtempSync(join(tmpdir(), "taomath-weights-"));
  const state = join(dir, "state.json"), scores = join(dir, "scores.json");
  writeFileSync(state, JSON.stringify({
    netuid: 1, n: 4, hotkeys: ["val", "m1", "m2", "m3"], min_allowed_weights: 3, weights_version_key: "0",
    weights_set_rate_limit: "100", commit_reveal_enabled: false, last_update: ["0", "0", "0", "0"],
    validator_permit: [true, false, false, false], owner_uid: null, stake_threshold: "1000",
    alpha_stake: ["5000", "0", "0", "0"], tao_stake: ["0", "0", "0", "0"], tao_weight: "0",
  }));
  writeFileSync(scores, JSON.stringify([0, 0.6, 0.4, 0.0000001]));

  it("prints the SDK's row, the stored row and the chain's verdict on it (exit 1: the chain refuses it)", () => {
    const r = spawnSync(process.execPath, ["node/cli.mjs", "weights", "--scores", scores, "--netuid-state", state, "--hotkey", "val"], { encoding: "utf8" });
    expect(r.status).toBe(1);
    const out = r.stdout;
    expect(out).toContain("row to submit (uids):   [1,2]");
    expect(out).toContain("stored row:             [[1,65535],[2,43690]]");
    expect(lastLine(out)).toBe("pre-flight verdict:     WeightVecLengthIsLow");
  });
  it("--keep-tiny keeps the tiny weight and the row passes", () => {
    const out = JSON.parse(cli("weights", "--scores", scores, "--netuid-state", state, "--hotkey", "val", "--keep-tiny", "--json"));
    expect(out).toEqual({ submit: { uids: [1, 2, 3], values: [65535, 43690, 1] }, stored: [[1, 65535], [2, 43690], [3, 1]], verdict: "ok", uid: 0 });
  });
});
