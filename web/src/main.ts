// The dashboard page: sends subnets to the epoch Web Worker, shows the summary and the charts.
// window.taomath exposes the same calls to scripts (the browser tests drive the page through it).

import { drawAll } from "./charts";
import type { EpochJob, EpochReply, EpochRun } from "./protocol";

type JobBody = EpochJob extends infer J ? (J extends EpochJob ? Omit<J, "id"> : never) : never;

const worker = new Worker(new URL("./epoch.worker.ts", import.meta.url), { type: "module" });
const pending = new Map<number, (r: EpochReply) => void>();
let nextId = 1;
worker.onmessage = (ev: MessageEvent<EpochReply>) => {
  pending.get(ev.data.id)?.(ev.data);
  pending.delete(ev.data.id);
};

function ask(body: JobBody): Promise<EpochReply> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker.postMessage({ id, ...body });
  });
}

const $ = (id: string) => document.getElementById(id)!;
const pct = (u16: number) => `${((u16 / 65535) * 100).toFixed(2)}%`;
const alpha = (rao: bigint) => `${(Number(rao) / 1e9).toLocaleString("en-US", { maximumFractionDigits: 4 })} α`;

function setState(state: "loading" | "running" | "done" | "error", status: string): void {
  document.body.dataset.state = state;
  $("status").textContent = status;
}

function showError(e: { code: string; field: string; message: string } | null): void {
  const el = $("error");
  el.hidden = e === null;
  el.textContent = e === null ? "" : `Rejected input: ${e.message} (field ${e.field}, ${e.code})`;
  if (e) el.dataset.field = e.field;
  else delete el.dataset.field;
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
  $("summary").innerHTML = "";
  for (const [label, value, key] of items) {
    const div = document.createElement("div");
    const dt = document.createElement("dt");
    const dd = document.createElement("dd");
    dt.textContent = label;
    dd.textContent = value;
    dd.dataset.key = key;
    div.append(dt, dd);
    $("summary").append(div);
  }
}

let last: EpochRun | null = null;

async function show(body: JobBody, label: string): Promise<EpochRun | null> {
  setState("running", `running ${label}…`);
  const reply = await ask(body);
  if (!reply.ok) {
    showError(reply.error);
    setState("error", `${label}: rejected`);
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
  last: () => last,
};
(window as unknown as { taomath: typeof api }).taomath = api;

$("run-example").addEventListener("click", () => void api.runExample());
$("file").addEventListener("change", async (ev) => {
  const file = (ev.target as HTMLInputElement).files?.[0];
  if (file) await api.runFile(file.name, await file.text());
});

void api.runExample();
