// The dashboard page: sends subnets to the epoch Web Worker, shows the summary and the charts.
// "Connect to node" hands a node URL and netuid to the worker, which reads the live subnet with
// the light client and runs its next epoch; a failure shows the TaomathError and the page stays usable.
// window.taomath exposes the same calls to scripts (the browser tests drive the page through it).

import { drawAll } from "./charts";
import { ask, type JobBody } from "./jobs";
import { tools, fill } from "./tools";
import type { EpochRun } from "./protocol";

const $ = (id: string) => document.getElementById(id)!;
const pct = (u16: number) => `${((u16 / 65535) * 100).toFixed(2)}%`;
const alpha = (rao: bigint) => `${(Number(rao) / 1e9).toLocaleString("en-US", { maximumFractionDigits: 4 })} α`;

function setState(state: "loading" | "running" | "done" | "error", status: string): void {
  document.body.dataset.state = state;
  $("status").textContent = status;
}

function showError(e: { code: string; field: string; message: string } | null, what = "Rejected input"): void {
  const el = $("error");
  el.hidden = e === null;
  el.textContent = e === null ? "" : `${what}: ${e.message} (field ${e.field}, ${e.code})`;
  if (e) { el.dataset.field = e.field; el.dataset.code = e.code; }
  else { delete el.dataset.field; delete el.dataset.code; }
}

function showSummary(r: EpochRun): void {
  const o = r.outputs;
  const sum = (xs: string[]) => xs.reduce((s, x) => s + BigInt(x), 0n);
  const top = o.incentive.reduce((b, x, i) => (x > o.incentive[b] ? i : b), 0);
  const topVal = o.dividends.reduce((b, x, i) => (x > o.dividends[b] ? i : b), 0);
  const items: Array<[string, string, string]> = [
    ["subnet", r.name, "name"],
    ["uids", String(r.n), "n"],
    ["validator permits", String(o.validator_permit.filter(Boolean).length), "permits"],
    ["active", String(o.active.filter(Boolean).length), "active"],
    ["epoch emission", alpha(BigInt(r.rao_emission)), "rao-emission"],
    ["to miners", alpha(sum(o.server_emission)), "server-emission"],
    ["to validators", alpha(sum(o.validator_emission)), "validator-emission"],
    ["top miner", `uid ${top}: incentive ${pct(o.incentive[top])}`, "top-miner"],
    ["top validator", `uid ${topVal}: dividends ${pct(o.dividends[topVal])}`, "top-validator"],
    ["Yuma3", r.yuma3_enabled ? "on" : "off", "yuma3"],
    ["epoch time (worker)", `${r.ms.toFixed(1)} ms`, "ms"],
    ["outputs sha256", r.sha256, "sha256"],
  ];
  if (r.source) {
    const src = r.source;
    items.splice(1, 0,
      ["node", `${src.url} (runtime ${src.spec_version})`, "node"],
      ["state at block", String(src.snapshot_block), "snapshot-block"],
      ["next epoch at block", src.epoch_block, "epoch-block"],
      ["commit-reveal", src.commit_reveal ? `on: ${src.live_commits} uid(s) with a live commit` : "off", "commit-reveal"],
      ["read from node", `${(src.fetch_ms / 1000).toFixed(2)} s`, "fetch-ms"]);
  }
  fill("summary", items);
}

let last: EpochRun | null = null;

async function show(body: JobBody, label: string): Promise<EpochRun | null> {
  setState("running", `running ${label}…`);
  const fromNode = body.kind === "node";
  const reply = await ask(body, (p) => setState("running", `${label}: ${p.phase} ${p.done}${p.total ? `/${p.total}` : ""}…`));
  if (!reply.ok) {
    showError(reply.error, fromNode ? "Could not load the subnet from the node" : "Rejected input");
    setState("error", `${label}: ${fromNode ? "failed" : "rejected"}`);
    return null;
  }
  showError(null);
  last = reply.run!;
  showSummary(last);
  drawAll(last);
  setState("done", `${last.name}: epoch done in ${last.ms.toFixed(1)} ms`);
  return last;
}

const api = {
  runExample: () => show({ kind: "example" }, "example subnet"),
  runFile: (name: string, text: string) => show({ kind: "file", name, text }, name),
  /** sha256 of the canonical outputs of the epoch in `text` (a vector file or bare inputs) */
  hashEpoch: async (text: string): Promise<string> => {
    const reply = await ask({ kind: "hash", text });
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.sha256!;
  },
  /** read subnet `netuid` from the node at `url` (at `block`, default its best block) and run its next epoch */
  runNode: (url: string, netuid: number, block?: number) =>
    show({ kind: "node", url, netuid, ...(block === undefined ? {} : { block }) }, `subnet ${netuid} from ${url}`),
  last: () => last,
  ...tools,
};
(window as unknown as { taomath: typeof api }).taomath = api;

$("run-example").addEventListener("click", () => void api.runExample());
$("file").addEventListener("change", async (ev) => {
  const file = (ev.target as HTMLInputElement).files?.[0];
  if (file) await api.runFile(file.name, await file.text());
});

// Connect to node: the fields are checked here only for being numbers; the URL, the netuid's range
// and everything the node answers are checked by the light client, whose errors name the field.
$("connect").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const url = ($("node-url") as HTMLInputElement).value.trim();
  const netuidText = ($("node-netuid") as HTMLInputElement).value.trim();
  const blockText = ($("node-block") as HTMLInputElement).value.trim();
  const netuid = Number(netuidText);
  const block = blockText === "" ? undefined : Number(blockText);
  if (netuidText === "" || !Number.isInteger(netuid)) {
    showError({ code: "invalid_type", field: "netuid", message: "netuid: expected an integer" }, "Could not load the subnet from the node");
    setState("error", "connect: no netuid");
    return;
  }
  if (block !== undefined && !Number.isInteger(block)) {
    showError({ code: "invalid_type", field: "block", message: "block: expected an integer or empty for the best block" }, "Could not load the subnet from the node");
    setState("error", "connect: bad block");
    return;
  }
  const button = $("connect-button") as HTMLButtonElement;
  button.disabled = true;
  try { await api.runNode(url, netuid, block); } finally { button.disabled = false; }
});

void api.runExample().then(() => tools.start());
