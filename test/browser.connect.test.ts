// The dashboard's "connect to node" form in Chromium (playwright-core, /usr/bin/chromium, the built
// page served by vite preview): the page's Web Worker reads a subnet over WebSocket from the
// loopback replay server with the same light client as Node, runs its next epoch and shows it;
// a node that fails shows the TaomathError and the page stays usable.

import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { exampleSubnet, epochToVectorEncoding, taomath } from "../src/index.js";
import { readShared, sharedPresent } from "./helpers/shared.js";
import { freePort, dashboardSettled } from "./helpers/chromium.js";
import { useDashboard } from "./helpers/dashboard_session.js";
import { startReplayServer, type RecordedCall, type ReplayServer } from "./helpers/replay-server.js";
import { chainFromVector, accountFor } from "./helpers/vector-chain.js";
import { raoToTao } from "../src/pool/index.js";
import { shortKey } from "../web/src/format.js";
import { commitStorage } from "./helpers/commit-storage.js";

/** A pool the replay server's metagraph reports (SubnetTAO 22,079.400556774 TAO, SubnetAlphaIn 2,316,467.425363654 α). */
const POOL = { tao_in: 22_079_400_556_774n, alpha_in: 2_316_467_425_363_654n };

const SN1_HASH = "0xdb13c066e2c63969f140164fb3bfe7a0aaa7b71407fc0fe525d68e57329ef9d0";

const ui = useDashboard();
const servers: ReplayServer[] = [];
afterAll(async () => { for (const s of servers) await s.close(); });

const settled = () => dashboardSettled(ui.page);

/** Fills the form and submits it the way a user does; resolves with the final page state. */
async function connect(url: string, netuid: string, block = ""): Promise<string> {
  await ui.page.fill("#node-url", url);
  await ui.page.fill("#node-netuid", netuid);
  await ui.page.fill("#node-block", block);
  await ui.page.evaluate(() => { document.body.dataset.state = "submitted"; });
  await ui.page.click("#connect-button");
  return settled();
}

const text = (key: string) => ui.page.textContent(`#summary dd[data-key="${key}"]`);
const lastOutputs = () => ui.page.evaluate(() => (window as any).taomath.last().outputs);
const exampleOutputs = () => { const tm = taomath(); return epochToVectorEncoding(tm.runEpoch(exampleSubnet(tm))).outputs; };

describe.skipIf(!sharedPresent)("dashboard: connect to node", () => {
  it("reads vector 033's commit-reveal subnet from the replay server and shows the chain's epoch outputs", async () => {
    const vector = readShared("vectors", "epoch", "033_commit_reveal_mask.json");
    const chain = chainFromVector(vector.inputs, 343, { pool: POOL });
    commitStorage(chain, vector, 343);
    const server = await startReplayServer({ calls: chain.calls, storage: chain.storage });
    servers.push(server);

    expect(await connect(server.wsUrl, String(chain.netuid))).toBe("done");
    expect(await lastOutputs()).toEqual(vector.outputs);
    expect(await text("name")).toBe(`subnet ${chain.netuid} @ ${chain.snapshotBlock}`);
    expect(await text("epoch-block")).toBe(vector.inputs.current_block);
    expect(await text("snapshot-block")).toBe(String(chain.snapshotBlock));
    expect(await text("commit-reveal")).toBe("on: 4 uid(s) with a live commit");
    expect(await text("node")).toBe(`${server.wsUrl} (runtime 343)`);
    expect(await ui.page.isHidden("#error")).toBe(true);
    // the WebSocket requests came from the page's worker: runtime API calls and storage paging
    expect(server.log.some((r) => r.method === "state_call")).toBe(true);
    expect(server.log.some((r) => r.method === "state_getKeysPaged")).toBe(true);
    expect(ui.pageErrors).toEqual([]);
    mkdirSync(join(process.cwd(), "build"), { recursive: true });
    await ui.page.waitForFunction(() => ["calculator", "emission"].every((id) => document.getElementById(id)?.dataset.state === "done"), null, { timeout: 30000 });
    await ui.page.screenshot({ path: join(process.cwd(), "build", "dashboard-node.png"), fullPage: true });
  });

  it("fills the staking calculator with the connected subnet's pool and quotes on it", async () => {
    expect(await ui.page.inputValue("#pool-tao")).toBe(raoToTao(POOL.tao_in));
    expect(await ui.page.inputValue("#pool-alpha")).toBe(raoToTao(POOL.alpha_in));
    const run = await ui.page.evaluate(() => (window as any).taomath.lastCalculator());
    expect(run.request.pool.tao_reserve).toBe(String(POOL.tao_in));
    expect(run.request.pool.alpha_reserve).toBe(String(POOL.alpha_in));
    expect(await ui.page.getAttribute("#pool-source", "data-source")).toBe("node");
  });

  it("shows the chain's hotkeys: in the top miner and in the top-uids table", async () => {
    const top = await ui.page.evaluate(() => { const o = (window as any).taomath.last().outputs; return o.incentive.reduce((b: number, x: number, i: number) => (x > o.incentive[b] ? i : b), 0); });
    expect(await text("top-miner")).toMatch(new RegExp(`^uid ${top} \\(${shortKey(accountFor(top)).replace("…", ".")}\\): incentive`));
    const rows = await ui.page.$$eval("#uids-table tbody tr", (trs) => trs.map((tr) => ({ uid: Number((tr as HTMLElement).dataset.uid), key: tr.querySelector("td.key")!.getAttribute("title") })));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.key).toBe(accountFor(r.uid));
  });

  it("puts the node and netuid in the address bar; opening that link connects to the same subnet", async () => {
    const search = await ui.page.evaluate(() => location.search);
    const q = new URLSearchParams(search);
    expect(q.get("node")).toBe(servers[0].wsUrl);
    expect(q.get("netuid")).toBe(await ui.page.evaluate(() => String((window as any).taomath.last().source.netuid)));
    const expected = await lastOutputs();
    const other = await ui.host.browser.newPage();
    try {
      await other.goto(`${ui.host.url}${search}`);
      expect(await dashboardSettled(other)).toBe("done");
      expect(await other.evaluate(() => (window as any).taomath.last().outputs)).toEqual(expected);
      expect(await other.inputValue("#node-url")).toBe(servers[0].wsUrl);
    } finally {
      await other.close();
    }
  });

  it("a vector without commit-reveal: same outputs as Node's predict, commit-reveal shown off", async () => {
    const vector = readShared("vectors", "epoch", "031_subnet_owner.json");
    const chain = chainFromVector(vector.inputs);
    const server = await startReplayServer({ calls: chain.calls, storage: chain.storage });
    servers.push(server);
    expect(await connect(server.wsUrl, String(chain.netuid))).toBe("done");
    expect(await lastOutputs()).toEqual(vector.outputs);
    expect(await text("commit-reveal")).toBe("off");
  });

  it("recorded subnet 1 at block 6,852,690 lacks Weights storage: the page shows missing_storage naming it", async () => {
    const rec = readShared<{ calls: RecordedCall[] }>("data", "finney", "sn1-block6852690.rpc.json");
    const version = rec.calls.find((c) => c.method === "state_getRuntimeVersion")!;
    const server = await startReplayServer({ calls: [...rec.calls, { method: "state_getRuntimeVersion", params: [SN1_HASH], result: version.result }] });
    servers.push(server);
    expect(await connect(server.wsUrl, "1", "6852690")).toBe("error");
    expect(await ui.page.getAttribute("#error", "data-code")).toBe("missing_storage");
    expect(await ui.page.textContent("#error")).toMatch(/^Could not load the subnet from the node: .*SubtensorModule\.Weights/);
  });

  it("a node that is not there is unreachable; the page then still runs the example", async () => {
    const port = await freePort();
    expect(await connect(`ws://127.0.0.1:${port}`, "1")).toBe("error");
    expect(await ui.page.getAttribute("#error", "data-code")).toBe("unreachable");
    // in plain words: what failed and what to check, no internal code or field
    const message = (await ui.page.textContent("#error"))!;
    expect(message).toBe(`Could not load the subnet from the node: could not connect to ws://127.0.0.1:${port}. Check the address, that the node is running, and that it accepts WebSocket connections from this page.`);
    expect(await ui.page.getAttribute("#results", "data-stale")).toBe("true");
    expect(await ui.page.isEnabled("#connect-button")).toBe(true);
    await ui.page.click("#run-example");
    expect(await settled()).toBe("done");
    expect(await ui.page.isHidden("#error")).toBe(true);
    expect(await lastOutputs()).toEqual(exampleOutputs());
  });

  it("a URL that is not ws(s)/http(s) is invalid_type naming url; a netuid that is not an integer names netuid", async () => {
    expect(await connect("ftp://127.0.0.1/", "1")).toBe("error");
    expect(await ui.page.getAttribute("#error", "data-code")).toBe("invalid_type");
    expect(await ui.page.getAttribute("#error", "data-field")).toBe("url");
    expect(await connect("ws://127.0.0.1:1", "one")).toBe("error");
    expect(await ui.page.getAttribute("#error", "data-field")).toBe("netuid");
  });

  it("a netuid out of the u16 range is out_of_range from the client, before any request", async () => {
    expect(await connect("ws://127.0.0.1:1", "70000")).toBe("error");
    expect(await ui.page.getAttribute("#error", "data-code")).toBe("out_of_range");
    expect(await ui.page.getAttribute("#error", "data-field")).toBe("netuid");
    expect(ui.pageErrors).toEqual([]);
  });
});
