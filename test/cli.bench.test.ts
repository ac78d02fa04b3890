// taomath bench network as a user runs it: a synthetic network's blocks per second in JSON, and
// epochs spread over worker threads giving the same snapshot as the single-thread run.

import { describe, it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { taomath } from "../src/index.js";
import { Network, syntheticNetworkSnapshot } from "../src/network/index.js";

const cli = (...args: string[]) => spawnSync(process.execPath, ["node/cli.mjs", ...args], { encoding: "utf8" });
const tmp = mkdtempSync(join(tmpdir(), "taomath-bench-"));

/** `bench network ARGS --json` on 1 and on 2 threads: both exits, both JSON reports and both written snapshots. */
function oneAndTwo(tag: string, ...args: string[]) {
  const run = (threads: string) => {
    const out = join(tmp, `${tag}-${threads}.json`);
    const r = cli("bench", "network", ...args, "--json", "--threads", threads, "--out", out);
    return { status: r.status, report: r.status === 0 ? JSON.parse(r.stdout) : null, snapshot: r.status === 0 ? readFileSync(out, "utf8") : null };
  };
  return { one: run("1"), two: run("2") };
}

describe("taomath bench network", () => {
  it("--json prints blocks_per_s, the epochs run, the seconds and the thread count", () => {
    const r = cli("bench", "network", "--subnets", "4", "--uids", "8", "--tempo", "5", "--blocks", "30", "--json");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.blocks_per_s).toBeGreaterThan(0);
    expect(out.threads).toBe(1);
    expect(out.blocks).toBe(30);
    expect(out.conserved).toBe(true);
    // each of the 4 subnets is due every tempo + 1 blocks
    expect(out.epochs).toBeGreaterThanOrEqual(4 * 4);
    expect(out.seconds).toBeGreaterThan(0);
    expect(out.cpu_seconds).toBeGreaterThan(0);
    // one tempo of warm-up by default; a year's CPU minutes: the warm-up as it ran, the rest at the timed
    // run's CPU seconds per block (seconds printed to the ms, minutes to 0.1: what those roundings allow)
    expect(out.warmup_blocks).toBe(5);
    const yearCpu = (out.warmup_cpu_seconds + ((2_629_800 - 5) * out.cpu_seconds) / 30) / 60;
    expect(Math.abs(out.year_minutes_cpu - yearCpu)).toBeLessThan((2_629_800 * 0.0005) / 30 / 60 + 0.06);
  });

  it("--warmup 0 times the run from its first block, the year at that rate", () => {
    const r = cli("bench", "network", "--subnets", "2", "--uids", "8", "--tempo", "5", "--blocks", "12", "--warmup", "0", "--json");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.warmup_blocks).toBe(0);
    expect(out.warmup_seconds).toBe(0);
    const year = 2_629_800 / out.blocks_per_s / 60;
    expect(Math.abs(out.year_minutes - year)).toBeLessThan(0.02 * year + 0.1);
  });

  it("--threads 2 leaves the snapshot byte-identical to the single-thread run, with epochs run on the worker", () => {
    // tempo 1 on 6 subnets: MaxEpochsPerBlock subnets are due in most blocks, so the worker gets epochs
    const { one, two } = oneAndTwo("same-block", "--subnets", "6", "--uids", "16", "--tempo", "1", "--blocks", "40");
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(two.report.epochs_on_workers).toBeGreaterThan(0);
    expect(two.report.epochs).toBe(one.report.epochs);
    expect(two.snapshot).toBe(one.snapshot);
  });

  it("--threads 2 runs each subnet's next epoch ahead on the worker and still gives the single-thread snapshot", () => {
    // tempo 9 on 4 subnets: rarely two due in one block, so what the worker runs it runs ahead
    const { one, two } = oneAndTwo("ahead", "--subnets", "4", "--uids", "16", "--tempo", "9", "--blocks", "60");
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(one.report.epochs_run_ahead).toBe(0);
    expect(two.report.epochs_run_ahead).toBeGreaterThanOrEqual(4 * 4);
    expect(two.snapshot).toBe(one.snapshot);
  });

  it("refuses a missing --subnets with a usage line", () => {
    const r = cli("bench", "network", "--uids", "8", "--tempo", "5", "--blocks", "3");
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/--subnets/);
  });
});

describe("taomath network --threads", () => {
  it("writes the snapshot of the single-thread run with epochs run ahead on a worker", () => {
    const net = join(tmp, "net.json");
    writeFileSync(net, cli("network", "--example").stdout);
    const one = cli("network", net, "--blocks", "120", "--runtime", "473", "--out", join(tmp, "net-one.json"));
    const two = cli("network", net, "--blocks", "120", "--runtime", "473", "--threads", "2", "--out", join(tmp, "net-two.json"));
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(two.stdout).toMatch(/^Epochs run [1-9]/m);
    expect(readFileSync(join(tmp, "net-two.json"), "utf8")).toBe(readFileSync(join(tmp, "net-one.json"), "utf8"));
  });

  it("refuses --threads 0 with a usage line", () => {
    const r = cli("network", "x.json", "--blocks", "1", "--threads", "0");
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/--threads/);
  });
});

describe("syntheticNetworkSnapshot", () => {
  it("gives every subnet its uids with stake and weights, and a state the network model accepts", () => {
    const tm = taomath();
    const snap = syntheticNetworkSnapshot(tm, { subnets: 3, uids: 12, tempo: 10 }) as { subnets: Array<{ neurons: { hotkeys: string[]; weights: unknown[][] }; stakes: Record<string, string>; tempo: number }> };
    expect(snap.subnets).toHaveLength(3);
    for (const s of snap.subnets) {
      expect(s.neurons.hotkeys).toHaveLength(12);
      expect(s.neurons.weights.some((row) => row.length > 0)).toBe(true);
      expect(Object.keys(s.stakes)).toHaveLength(12);
      expect(s.tempo).toBe(10);
    }
    expect(() => Network.fromSnapshot(tm, snap)).not.toThrow();
  });
});
