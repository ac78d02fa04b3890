// The lab page: pick a named scenario, change its hyperparameters, run it in the lab Web Worker
// with a progress bar, and show the per-strategy verdicts and the charts over epochs.
// window.taomathLab exposes run() and last() to scripts (the browser test drives the page with them).

import type { LabJob, LabReply, ScenarioInfo } from "./lab_protocol";

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const worker = new Worker(new URL("./lab.worker.ts", import.meta.url), { type: "module" });
let next = 1;
const pending = new Map<number, { resolve(r: LabReply): void; progress?(d: number, t: number): void }>();
worker.onmessage = (ev: MessageEvent<LabReply>) => {
  const m = ev.data, p = pending.get(m.id);
  if (!p) return;
  if ("progress" in m) return p.progress?.(m.progress.done, m.progress.total);
  pending.delete(m.id);
  p.resolve(m);
};
type LabJobBody = LabJob extends infer J ? (J extends LabJob ? Omit<J, "id"> : never) : never;
function ask(job: LabJobBody, progress?: (d: number, t: number) => void): Promise<LabReply> {
  const id = next++;
  return new Promise((resolve) => { pending.set(id, { resolve, progress }); worker.postMessage({ ...job, id }); });
}

let scenarios: ScenarioInfo[] = [];
let lastRun: LabReply | null = null;

function setState(state: "loading" | "running" | "done" | "error", status: string): void {
  document.body.dataset.state = state;
  $("status").textContent = status;
}
function showError(e: { code: string; field: string; message: string } | null): void {
  const el = $("error");
  el.hidden = e === null;
  el.textContent = e === null ? "" : `Rejected: ${e.message} (field ${e.field}, ${e.code})`;
  if (e) el.dataset.field = e.field; else delete el.dataset.field;
}

/** Fills the form with a scenario's own values (the chain's defaults where it sets none). */
function fillForm(name: string): void {
  const s = scenarios.find((x) => x.name === name)!;
  const h = s.hyperparameters as Record<string, number | boolean | undefined>;
  $<HTMLInputElement>("lab-epochs").value = String(s.epochs);
  $<HTMLInputElement>("lab-kappa").value = String(h.kappa ?? 32767);
  $<HTMLInputElement>("lab-penalty").value = String(h.bonds_penalty ?? 65535);
  $<HTMLInputElement>("lab-reveal").value = String(h.commit_reveal_enabled ? h.reveal_period_epochs ?? 1 : 0);
  $<HTMLInputElement>("lab-yuma3").checked = h.yuma3_enabled === true;
  $<HTMLInputElement>("lab-liquid").checked = h.liquid_alpha_enabled === true;
  $("lab-description").textContent = s.description;
}

export interface LabForm { scenario: string; epochs: string; kappa: string; bonds_penalty: string; copier_delay: string; yuma3_enabled: boolean; liquid_alpha_enabled: boolean; float: boolean }

function readForm(): LabForm {
  return {
    scenario: $<HTMLSelectElement>("lab-scenario").value,
    epochs: $<HTMLInputElement>("lab-epochs").value, kappa: $<HTMLInputElement>("lab-kappa").value,
    bonds_penalty: $<HTMLInputElement>("lab-penalty").value, copier_delay: $<HTMLInputElement>("lab-reveal").value,
    yuma3_enabled: $<HTMLInputElement>("lab-yuma3").checked, liquid_alpha_enabled: $<HTMLInputElement>("lab-liquid").checked,
    float: $<HTMLInputElement>("lab-float").checked,
  };
}

/** Text fields become numbers when they are integers; anything else is passed on for the lab to reject by name. */
const intOr = (s: string): number | string => (/^\s*\d+\s*$/.test(s) ? Number(s) : s);

const pct = (x: number | null) => (x === null ? "—" : `${x >= 0 ? "+" : ""}${(x * 100).toFixed(2)}%`);

function writeForm(f: LabForm): void {
  $<HTMLSelectElement>("lab-scenario").value = f.scenario;
  $<HTMLInputElement>("lab-epochs").value = f.epochs; $<HTMLInputElement>("lab-kappa").value = f.kappa;
  $<HTMLInputElement>("lab-penalty").value = f.bonds_penalty; $<HTMLInputElement>("lab-reveal").value = f.copier_delay;
  $<HTMLInputElement>("lab-yuma3").checked = f.yuma3_enabled; $<HTMLInputElement>("lab-liquid").checked = f.liquid_alpha_enabled;
  $<HTMLInputElement>("lab-float").checked = f.float;
  $("lab-description").textContent = scenarios.find((x) => x.name === f.scenario)?.description ?? "";
}

async function run(form: LabForm): Promise<LabReply> {
  writeForm(form);
  setState("running", `running ${form.scenario}…`);
  showError(null);
  const reveal = intOr(form.copier_delay);
  const hyperparameters: Record<string, unknown> = {
    kappa: intOr(form.kappa), bonds_penalty: intOr(form.bonds_penalty), yuma3_enabled: form.yuma3_enabled, liquid_alpha_enabled: form.liquid_alpha_enabled,
    commit_reveal_enabled: reveal !== 0, ...(reveal !== 0 ? { reveal_period_epochs: reveal } : {}),
  };
  const bar = $<HTMLProgressElement>("lab-progress");
  const reply = await ask({ kind: "run", name: form.scenario, epochs: intOr(form.epochs) as number, hyperparameters: hyperparameters as never, float: form.float },
    (d, t) => { bar.max = t; bar.value = d; $("status").textContent = `${d}/${t} epochs`; });
  lastRun = reply;
  if (!("ok" in reply) || !reply.ok) {
    showError((reply as Extract<LabReply, { ok: false }>).error);
    setState("error", "rejected");
    return reply;
  }
  const r = reply as Extract<LabReply, { summary: unknown }>;
  const s = r.summary;
  const body = $("lab-strategies").querySelector("tbody")!;
  body.innerHTML = "";
  for (const g of s.strategies) {
    const f = s.float?.strategies.find((x: { label: string }) => x.label === g.label);
    const tr = document.createElement("tr");
    tr.dataset.label = g.label;
    const cells = [g.label, String(g.uids.length), (Number(g.dividends) / 1e9).toFixed(3), pct(g.relative_to_honest), g.paid === null ? "—" : g.paid ? "yes" : "no", f ? pct(f.float_relative) + (f.verdict_differs ? " (differs)" : "") : "—"];
    for (const c of cells) { const td = document.createElement("td"); td.textContent = c; tr.appendChild(td); }
    body.appendChild(tr);
  }
  $("lab-charts").innerHTML = r.charts.join("");
  setState("done", `${s.scenario.name}: ${s.scenario.epochs} epochs, ${s.scenario.n} uids in ${(r.ms / 1000).toFixed(2)} s`);
  return reply;
}

(window as unknown as { taomathLab: unknown }).taomathLab = { run, last: () => lastRun, form: readForm };

async function init(): Promise<void> {
  const reply = await ask({ kind: "list" });
  if (!("scenarios" in reply)) return setState("error", "could not list the scenarios");
  scenarios = reply.scenarios;
  const sel = $<HTMLSelectElement>("lab-scenario");
  for (const s of scenarios) { const o = document.createElement("option"); o.value = s.name; o.textContent = s.name; sel.appendChild(o); }
  sel.value = "weight-copier";
  fillForm(sel.value);
  sel.addEventListener("change", () => fillForm(sel.value));
  $("lab-form").addEventListener("submit", (e) => { e.preventDefault(); void run(readForm()); });
  await run(readForm());
}
void init();
