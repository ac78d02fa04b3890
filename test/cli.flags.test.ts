// The rules every command of the built CLI follows: --help (usage, flags, an example; exit 0,
// nothing run) and --version; strict flags (an unknown or misspelled flag is a usage error naming
// it, exit 2); one-line errors (exit 1 for bad data or a chain refusal); human tables with totals
// and --sort by default, --json for machines; SS58 accounts; TAO amounts; the shared horizon limit.

import { describe, it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectEmission, MAX_EMISSION_YEARS } from "../src/emission/index.js";
import { commitHash } from "../src/weights/index.js";
import { taomath } from "../src/index.js";
import { readShared, sharedPath, sharedPresent } from "./helpers/shared.js";

const cli = (...args: string[]) => spawnSync(process.execPath, ["node/cli.mjs", ...args], { encoding: "utf8", cwd: join(__dirname, "..") });
const tmp = mkdtempSync(join(tmpdir(), "taomath-cli-flags-"));
const file = (name: string, v: unknown) => { const p = join(tmp, name); writeFileSync(p, typeof v === "string" ? v : JSON.stringify(v)); return p; };
const version = JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")).version;

const COMMANDS = ["example", "epoch", "predict", "fetch", "metagraph", "subnets", "quote", "weights", "commit-hash", "emission", "network", "vector", "bench"];

/** A failure: the exit code, nothing on stdout, exactly one line on stderr, never a stack trace. */
function oneLineFailure(r: ReturnType<typeof cli>, status: number): string {
  expect(r.status).toBe(status);
  expect(r.stdout).toBe("");
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return lines[0];
}

describe("help and version", () => {
  it("--version prints the package version", () => {
    const r = cli("--version");
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });
  it("taomath help lists every command, and no command is missing from it", () => {
    const r = cli("help");
    expect(r.status).toBe(0);
    const listed = r.stdout.split("\n").filter((l) => /^ {2}\S/.test(l) && !/^ {2}help /.test(l)).map((l) => l.trim().split(/\s+/)[0]);
    expect(listed.filter((c) => COMMANDS.includes(c))).toEqual(COMMANDS);
  });
  for (const c of COMMANDS) {
    it(`${c} --help shows usage, flags and an example, exits 0 and runs nothing`, () => {
      const r = cli(c, "--help");
      expect(r.status).toBe(0);
      expect(r.stderr).toBe("");
      expect(r.stdout.startsWith(`taomath ${c}: `)).toBe(true);
      expect(r.stdout).toContain(`\nusage:\n  taomath ${c}`);
      expect(r.stdout).toContain("\nflags:\n");
      expect(r.stdout).toMatch(/\nexamples?:\n {2}taomath /);
      expect(r.stdout).toContain("-h, --help");
      // docs/cli.md carries each command's help verbatim, so the reference cannot drift from the flags
      expect(readFileSync(join(__dirname, "..", "docs", "cli.md"), "utf8")).toContain(r.stdout.trimEnd());
    });
  }
  it("help wins over missing arguments: quote stake --help does not ask for --tao-reserve", () => {
    const r = cli("quote", "stake", "--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("--tolerance T");
    expect(r.stdout).not.toContain("required");
  });
  it("example --help does not run the example; taomath help example prints the same text", () => {
    const r = cli("example", "--help");
    expect(r.stdout).not.toContain("Example subnet:");
    expect(cli("help", "example").stdout).toBe(r.stdout);
  });
});

describe("strict flags", () => {
  const pool = ["--tao-reserve", "1000", "--alpha-reserve", "100000"];
  it("a misspelled flag (--limit_price) is exit 2 naming it and suggesting --limit-price; nothing is quoted", () => {
    const line = oneLineFailure(cli("quote", "stake", "--tao-in", "10", ...pool, "--limit_price", "0.0101"), 2);
    expect(line).toContain("--limit_price");
    expect(line).toContain("did you mean --limit-price?");
  });
  it("a flag another command has (--tolerance on epoch) is unknown here", () => {
    expect(oneLineFailure(cli("epoch", "x.json", "--tolerance", "1"), 2)).toMatch(/unknown flag --tolerance for 'epoch'/);
  });
  it("a typo of a boolean flag (--jsn) suggests --json", () => {
    expect(oneLineFailure(cli("example", "--jsn"), 2)).toContain("did you mean --json?");
  });
  it("a flag without its value is exit 2 naming it", () => {
    expect(oneLineFailure(cli("quote", "stake", ...pool, "--tao-in"), 2)).toContain("--tao-in");
  });
  it("a flag whose value is another flag is exit 2 (not the flag taken as the value)", () => {
    expect(oneLineFailure(cli("commit-hash", "--account", "--netuid", "1"), 2)).toContain("--account");
  });
  it("a single-value flag given twice is exit 2", () => {
    expect(oneLineFailure(cli("quote", "stake", "--tao-in", "1", "--tao-in", "2", ...pool), 2)).toContain("--tao-in given more than once");
  });
  it("an extra positional argument is exit 2", () => {
    expect(oneLineFailure(cli("example", "extra"), 2)).toMatch(/takes no arguments|unexpected argument/);
  });
  it("an unknown command is exit 2 with a suggestion", () => {
    expect(oneLineFailure(cli("metagrahp"), 2)).toContain("did you mean 'metagraph'?");
  });
  it("network without --blocks is exit 2, not a run of 0 blocks", () => {
    const net = file("net.json", cli("network", "--example", "--subnets", "1").stdout);
    expect(oneLineFailure(cli("network", net), 2)).toContain("--blocks");
  });
});

describe("one-line errors for bad data (exit 1)", () => {
  it("a TaomathError prints error: field: message [code]", () => {
    expect(oneLineFailure(cli("quote", "stake", "--tao-in", "10", "--tao-reserve", "0", "--alpha-reserve", "5"), 1)).toMatch(/^error: pool\.taoReserve: .* \[out_of_range\]$/);
  });
  it("weights --preview on a state without epoch inputs names what is missing instead of a stack trace", () => {
    const state = file("state.json", {
      netuid: 1, n: 4, hotkeys: ["val", "m1", "m2", "m3"], min_allowed_weights: 1, weights_version_key: "0",
      weights_set_rate_limit: "100", commit_reveal_enabled: false, last_update: ["0", "0", "0", "0"],
      validator_permit: [true, false, false, false], owner_uid: null, stake_threshold: "1000",
      alpha_stake: ["5000", "0", "0", "0"], tao_stake: ["0", "0", "0", "0"], tao_weight: "0",
    });
    const scores = file("scores.json", [0, 0.6, 0.4, 0.2]);
    expect(oneLineFailure(cli("weights", "--scores", scores, "--netuid-state", state, "--hotkey", "val", "--preview"), 1)).toMatch(/^error: --netuid-state \w+: .*--preview runs the epoch/);
  });
  it("a refusal by the pool names the flag that caused it (--limit-price below the spot price)", () => {
    expect(oneLineFailure(cli("quote", "stake", "--tao-in", "1", "--tao-reserve", "1000", "--alpha-reserve", "100000", "--limit-price", "0.005"), 1))
      .toMatch(/^error: --limit-price: PriceLimitExceeded: .* \[chain_rejected\]$/);
  });
  it("a library limit is reported under the flag typed (--issuance above the total supply)", () => {
    expect(oneLineFailure(cli("emission", "--issuance", "30000000"), 1)).toMatch(/^error: --issuance: .*total supply/);
  });
  it("predict --snapshot on a file that is not a fetch snapshot says so", () => {
    expect(oneLineFailure(cli("predict", "--snapshot", file("not-a-snapshot.json", { subnets: [] })), 1)).toMatch(/^error: --snapshot: expected a snapshot written by `taomath fetch`/);
  });
  it("a malformed amount names the flag", () => {
    expect(oneLineFailure(cli("emission", "--issuance", "12abc"), 1)).toMatch(/^error: --issuance: /);
  });
});

describe("SS58 accounts", () => {
  const alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
  const aliceHex = "0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";
  const row = ["--netuid", "1", "--uids", "0,1", "--values", "10,10", "--salt", "1,2,3,4,5,6,7,8", "--version-key", "0"];
  it("commit-hash --account takes an SS58 address and hashes the same public key as its hex form", () => {
    const ss58 = cli("commit-hash", "--account", alice, ...row);
    const hex = cli("commit-hash", "--account", aliceHex, ...row);
    expect(ss58.status).toBe(0);
    expect(ss58.stdout).toBe(hex.stdout);
    expect(ss58.stdout.trim().split("\n").at(-1)).toBe(commitHash({ account: aliceHex, netuid: 1, uids: [0, 1], values: [10, 10], salt: [1, 2, 3, 4, 5, 6, 7, 8], versionKey: 0n }));
  });
  it("weights --hotkey finds a validator listed as SS58 by its hex public key, and the other way round", () => {
    const bob = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
    const bobHex = "0x8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48";
    const state = {
      netuid: 1, n: 4, min_allowed_weights: 1, weights_version_key: "0",
      weights_set_rate_limit: "100", commit_reveal_enabled: false, last_update: ["0", "0", "0", "0"],
      validator_permit: [true, false, false, false], owner_uid: null, stake_threshold: "1000",
      alpha_stake: ["5000", "0", "0", "0"], tao_stake: ["0", "0", "0", "0"], tao_weight: "0",
    };
    const scores = file("s58-scores.json", [0, 0.6, 0.4, 0.2]);
    const ss58State = file("ss58-state.json", { ...state, hotkeys: [bob, "m1", "m2", "m3"] });
    const hexState = file("hex-state.json", { ...state, hotkeys: [bobHex, "m1", "m2", "m3"] });
    for (const [st, hk] of [[ss58State, bobHex], [hexState, bob], [ss58State, bob]]) {
      const r = cli("weights", "--scores", scores, "--netuid-state", st, "--hotkey", hk, "--json");
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ verdict: "ok", uid: 0 });
    }
  });
  it("an address with a bad checksum is refused naming the account", () => {
    expect(oneLineFailure(cli("commit-hash", "--account", alice.slice(0, -1) + "Z", ...row), 1)).toMatch(/^error: --account: .*not a valid SS58 address/);
  });
});

describe.skipIf(!sharedPresent)("epoch tables", () => {
  const path = () => sharedPath("vectors", "epoch", "042_random_mix_0.json");
  const rowsOf = (out: string) => out.split("\n").filter((l) => /^\s+\d+\s/.test(l)).map((l) => l.trim().split(/\s+/));
  it("the default is a table with a totals row over every uid; --json prints the vector encoding", () => {
    const v = readShared("vectors", "epoch", "042_random_mix_0.json");
    const r = cli("epoch", path());
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Epoch on .*: 111 uids at block 3884989\n/);
    expect(r.stdout).toMatch(/uid\s+stake \(α\)\s+incentive\s+dividends\s+consensus\s+v-trust\s+emission \(α\)/);
    const total = r.stdout.split("\n").find((l) => /^\s+total\s/.test(l))!.trim().split(/\s+/);
    const emission = (v.outputs.emission as string[]).reduce((s, x) => s + BigInt(x), 0n);
    expect(total.at(-1)).toBe((Number(emission) / 1e9).toFixed(6));
    expect(JSON.parse(cli("epoch", path(), "--json").stdout)).toEqual({ outputs: v.outputs });
  });
  it("--sort dividends orders rows by dividends, largest first; --top keeps the first N", () => {
    const v = readShared("vectors", "epoch", "042_random_mix_0.json");
    const rows = rowsOf(cli("epoch", path(), "--sort", "dividends", "--top", "4").stdout);
    const byDiv = (v.outputs.dividends as number[]).map((d, uid) => [d, uid]).sort((a, b) => b[0] - a[0] || a[1] - b[1]).map(([, uid]) => String(uid));
    expect(rows.map((r) => r[0])).toEqual(byDiv.slice(0, 4));
  });
  it("--all lists every uid; an unknown --sort column is exit 2 listing the columns", () => {
    expect(rowsOf(cli("epoch", path(), "--all").stdout).length).toBe(111);
    expect(oneLineFailure(cli("epoch", path(), "--sort", "rank"), 2)).toMatch(/sort by one of uid, stake, incentive/);
  });
  it("--explain speaks in percentages, not raw u16", () => {
    const out = cli("epoch", path(), "--explain", "3").stdout;
    expect(out).toMatch(/^uid 3: incentive \d+\.\d{3}%, dividends \d+\.\d{3}%\n/);
    expect(out).not.toMatch(/\(u16\)/);
  });
  it("a file that names hotkeys shows them in the table", () => {
    const v = readShared("vectors", "epoch", "004_small_sparse_classic.json");
    const withKeys = file("keys.json", { ...v.inputs, hotkeys: Array.from({ length: v.inputs.n }, (_, i) => `hotkey-${i}`) });
    const out = cli("epoch", withKeys, "--sort", "uid").stdout;
    expect(out).toMatch(/uid\s+hotkey\s+stake/);
    expect(out).toMatch(/\n\s+1\s+hotkey-1\s/);
  });
});

describe.skipIf(!sharedPresent)("weights --preview in percentages", () => {
  it("dividends and incentive changes print as percent and percentage points", () => {
    const v = readShared("vectors", "epoch", "004_small_sparse_classic.json");
    const state = file("pstate.json", { ...v.inputs, netuid: 1, hotkeys: Array.from({ length: v.inputs.n }, (_, i) => `hk${i}`), min_allowed_weights: 1, weights_version_key: "0", weights_set_rate_limit: "0" });
    const scores = file("pscores.json", Array.from({ length: v.inputs.n }, (_, i) => (i % 2 ? 1 : 0.2)));
    const r = cli("weights", "--scores", scores, "--netuid-state", state, "--uid", "1", "--preview");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/dividends of uid 1 \d+\.\d{3}% -> \d+\.\d{3}% \([+-]\d+\.\d{4} pp\)/);
    expect(r.stdout).toMatch(/miner \d+: incentive \d+\.\d{3}% -> \d+\.\d{3}% \([+-]\d+\.\d{4} pp\)/);
    expect(r.stdout).not.toMatch(/\/65535/);
  });
});

describe("units and limits shared by every host", () => {
  it("emission --issuance takes TAO decimals; 123rao and --rao give the same projection", () => {
    const svg = join(tmp, "e.svg");
    const a = JSON.parse(cli("emission", "--issuance", "10500000.5", "--years", "1", "--svg", svg, "--json").stdout);
    const b = JSON.parse(cli("emission", "--issuance", "10500000500000000rao", "--years", "1", "--svg", svg, "--json").stdout);
    const c = JSON.parse(cli("emission", "--rao", "--issuance", "10500000500000000", "--years", "1", "--svg", svg, "--json").stdout);
    expect(a.halvings).toEqual(b.halvings);
    expect(a.daily).toEqual(b.daily);
    expect(c.halvings).toEqual(b.halvings);
    expect(c.daily).toEqual(b.daily);
  });
  it(`the horizon is (0, ${MAX_EMISSION_YEARS}] years in the CLI and the library alike`, () => {
    expect(oneLineFailure(cli("emission", "--issuance", "10500000", "--years", String(MAX_EMISSION_YEARS + 1)), 1)).toMatch(/--years: .*\(0, 100\]/);
    expect(() => projectEmission(taomath(), 10_500_000_000_000_000n, { years: MAX_EMISSION_YEARS + 1 })).toThrow(/\(0, 100\]/);
  });
});
