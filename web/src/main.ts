// The dashboard page: sends subnets to the epoch Web Worker, shows the summary, the charts and the
// top uids. "Connect to node" hands a node URL and netuid to the worker, which reads the live subnet
// with the light client and runs its next epoch; the calculator then quotes on that subnet's pool.
// The connected node and netuid are kept in the URL (?node=&netuid=[&block=], with the calculator's
// &runtime= when it is not the newest) so the view can be shared; opening such a URL connects at once.
// A rejected input or a failing node is explained in plain words, and what is still on screen is
// marked as the previous result.
// window.taomath exposes the same calls to scripts (the browser tests drive the page through it).

import { drawAll, axisLabels } from "./charts";
import { ask, type JobBody } from "./jobs";
import { tools, fill } from "./tools";
import { groupDigits, shortKey, taoText } from "./format";
import { inputErrorText, nodeErrorText, type PageError } from "./messages";
import type { EpochRun } from "./protocol";

const $ = (id: string) => document.getElementById(id)!;
const pct = (u16: number) => `${((u16 / 65535) * 100).toFixed(2)}%`;
const alpha = (rao: bigint) => `${(Number(rao) / 1e9).toLocaleString("en-US", { maximumFractionDigits: 4 })} α`;
/** Rows in the top-uids table. */
export const TOP_UIDS = 16;

function setState(state: "loading" | "running" | "done" | "error", status: string): void {
  document.body.dataset.state = state;
  $("status").textContent = status;
}

function showError(e: PageError | null, text = ""): void {
  const el = $("error");
  el.hidden = e === null;
  el.textContent = e === null ? "" : text;
  if (e) { el.dataset.field = e.field; el.dataset.code = e.code; }
  else { delete el.dataset.field; delete el.dataset.code; }
}

/** Marks (or unmarks) the summary and charts as the previous result, which the last input did not replace. */
function markStale(stale: boolean): void {
  const results = $("results");
  const note = $("stale-note");
  if (stale && last) {
    results.dataset.stale = "true";
    note.hidden = false;
    note.textContent = `Still showing the previous result (${last.name}); the input above was not used.`;
  } else {
    delete results.dataset.stale;
    note.hidden = true;
    note.textContent = "";
  }
}

const who = (r: EpochRun, uid: number) => (r.hotkeys?.[uid] ? `uid ${uid} (${shortKey(r.hotkeys[uid])})` : `uid ${uid}`);

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
    ["top miner", `${who(r, top)}: incentive ${pct(o.incentive[top])}`, "top-miner"],
    ["top validator", `${who(r, topVal)}: dividends ${pct(o.dividends[topVal])}`, "top-validator"],
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

/** The uids with the most emission this epoch, with their hotkeys when the chain gave them. */
function showTopUids(r: EpochRun): void {
  const o = r.outputs;
  const order = o.emission.map((e, uid) => ({ uid, e: BigInt(e) }))
    .sort((a, b) => (a.e === b.e ? a.uid - b.uid : a.e > b.e ? -1 : 1)).slice(0, TOP_UIDS);
  $("uids-caption").textContent = `Top ${order.length} uids by emission this epoch (of ${r.n})` + (r.hotkeys ? "" : "; hotkeys appear when the subnet is read from a node");
  const body = $("uids-table").querySelector("tbody")!;
  body.innerHTML = "";
  for (const { uid } of order) {
    const tr = document.createElement("tr");
    const hotkey = r.hotkeys?.[uid];
    const cells: Array<[string, string?]> = [
      [String(uid)], [hotkey ? shortKey(hotkey) : "—", "key"], [taoText(BigInt(o.stake[uid]) / 1_000_000_000n * 1_000_000_000n)],
      [pct(o.incentive[uid])], [pct(o.dividends[uid])], [pct(o.validator_trust[uid])], [taoText(o.emission[uid])],
    ];
    for (const [text, cls] of cells) {
      const td = document.createElement("td");
      td.textContent = text;
      if (cls) { td.className = cls; if (hotkey) td.title = hotkey; }
      tr.append(td);
    }
    tr.dataset.uid = String(uid);
    body.append(tr);
  }
}

let last: EpochRun | null = null;

/** The URL that reopens this view: ?node=&netuid=[&block=] for a node, none for the example or a file; [&runtime=] kept. */
function setShareUrl(node?: { url: string; netuid: number; block?: number }): void {
  const q = new URLSearchParams();
  // the calculator's runtime (tools.ts) belongs to the view whatever the epoch's source
  const runtime = new URLSearchParams(location.search).get("runtime");
  if (node) {
    q.set("node", node.url);
    q.set("netuid", String(node.netuid));
    if (node.block !== undefined) q.set("block", String(node.block));
  }
  if (runtime !== null) q.set("runtime", runtime);
  const search = q.toString();
  history.replaceState(null, "", `${location.pathname}${search ? `?${search}` : ""}${location.hash}`);
}

async function show(body: JobBody, label: string): Promise<EpochRun | null> {
  setState("running", `running ${label}…`);
  const node = body.kind === "node" ? body : null;
  const reply = await ask(body, (p) => setState("running", `${label}: ${p.phase} ${p.done}${p.total ? `/${p.total}` : ""}…`));
  if (!reply.ok) {
    showError(reply.error, node ? nodeErrorText(reply.error, node.url, node.netuid) : inputErrorText(reply.error, body.kind === "file" ? `The file ${body.name}` : "The input"));
    markStale(true);
    setState("error", `${label}: ${node ? "failed" : "rejected"}`);
    return null;
  }
  showError(null);
  last = reply.run!;
  markStale(false);
  showSummary(last);
  drawAll(last);
  showTopUids(last);
  if (node) setShareUrl({ url: node.url, netuid: node.netuid, block: node.block });
  else setShareUrl();
  // the calculator follows the connected subnet's pool before the page reports done
  if (node && last.source?.pool) {
    await tools.usePool(last.source.pool, `subnet ${node.netuid} at block ${groupDigits(String(last.source.snapshot_block))}`);
  }
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
  /** a chart axis's visible tick labels with their positions (for the browser tests) */
  axisLabels,
  ...tools,
};
(window as unknown as { taomath: typeof api }).taomath = api;

$("run-example").addEventListener("click", () => void api.runExample());
$("file").addEventListener("change", async (ev) => {
  const file = (ev.target as HTMLInputElement).files?.[0];
  if (file) await api.runFile(file.name, await file.text());
});

/** Reads the connect form; a netuid or block that is not a whole number is refused here, in plain words. */
async function connectFromForm(): Promise<void> {
  const url = ($("node-url") as HTMLInputElement).value.trim();
  const netuidText = ($("node-netuid") as HTMLInputElement).value.trim();
  const blockText = ($("node-block") as HTMLInputElement).value.trim();
  const netuid = Number(netuidText);
  const block = blockText === "" ? undefined : Number(blockText);
  const refuse = (e: PageError, status: string) => {
    showError(e, nodeErrorText(e, url, netuidText));
    markStale(true);
    setState("error", status);
  };
  if (netuidText === "" || !/^[0-9]+$/.test(netuidText)) return refuse({ code: "invalid_type", field: "netuid", message: "netuid: expected an integer" }, "connect: no netuid");
  if (block !== undefined && !/^[0-9]+$/.test(blockText)) return refuse({ code: "invalid_type", field: "block", message: "block: expected an integer or empty for the best block" }, "connect: bad block");
  const button = $("connect-button") as HTMLButtonElement;
  button.disabled = true;
  try { await api.runNode(url, netuid, block); } finally { button.disabled = false; }
}

$("connect").addEventListener("submit", (ev) => {
  ev.preventDefault();
  void connectFromForm();
});

// A shared link (?node=&netuid=[&block=]) connects at once; otherwise the example subnet runs.
const shared = new URLSearchParams(location.search);
const first = shared.get("node")
  ? (() => {
    ($("node-url") as HTMLInputElement).value = shared.get("node")!;
    ($("node-netuid") as HTMLInputElement).value = shared.get("netuid") ?? "1";
    ($("node-block") as HTMLInputElement).value = shared.get("block") ?? "";
    return connectFromForm();
  })()
  : api.runExample();
void first.then(() => tools.start());
