// The staking calculator and the emission chart: each form's values go to the Web Worker, which
// computes everything in wasm (one batch quote for the stake and its slippage curve; projectEmission
// for the supply and halvings); this module only formats and draws. Each section carries its own
// data-state (running / done / error) and shows rejected input with the field at fault. The calculator
// says which rule set answered (its runtime selector; `&runtime=` in the URL when not the newest).

import { ask } from "./jobs";
import { drawEmission, drawSlippage } from "./tool_charts";
import type { CalculatorForm, CalculatorRun, EmissionForm } from "./protocol";
import type { EmissionResponseJson } from "taomath/emission";
import { NEWEST_SPEC, RULE_SETS, type RuntimeTag } from "taomath";
import { groupDigits, taoText } from "./format";
import { inputErrorText, type PageError } from "./messages";

const $ = (id: string) => document.getElementById(id)!;
const value = (id: string) => ($(id) as HTMLInputElement).value;

/** rao as TAO with all 9 decimals (exact: integer arithmetic on the decimal string). */
export function raoText(rao: string): string {
  const s = rao.padStart(10, "0");
  return `${s.slice(0, -9)}.${s.slice(-9)}`;
}

/** The form labels of the fields the worker may name, so an error says "TAO weight", not "pool.quote_weight". */
const FIELD_LABELS: Record<string, string> = {
  tao_reserve: "TAO reserve", "pool.tao_reserve": "TAO reserve", alpha_reserve: "α reserve", "pool.alpha_reserve": "α reserve",
  weight: "TAO weight", "pool.quote_weight": "TAO weight", fee_rate: "fee rate", "pool.fee_rate": "fee rate",
  amount: "amount", "amounts[0]": "amount", side: "stake or unstake", runtime: "runtime",
  issuance: "issuance TAO", recycled_per_day: "recycled TAO/day", years: "years", start_date: "start date",
};

function setSection(id: string, state: "running" | "done" | "error", error: PageError | null = null): void {
  const section = $(id);
  section.dataset.state = state;
  const el = section.querySelector<HTMLElement>(".tool-error")!;
  el.hidden = error === null;
  const label = error ? FIELD_LABELS[error.field] : undefined;
  el.textContent = error === null ? "" : `${inputErrorText(label ? { ...error, field: label, message: error.message.replace(`${error.field}: `, `${label}: `) } : error, "This input")} The figures below are for the last input that was accepted.`;
  if (error) { el.dataset.field = error.field; el.dataset.code = error.code; } else { delete el.dataset.field; delete el.dataset.code; }
  // what is on screen no longer matches the form: dim it until the next accepted input
  for (const part of section.querySelectorAll<HTMLElement>(".tool-summary, .tool-rules, .chart, .table-scroll")) {
    if (state === "error") part.dataset.stale = "true"; else if (state === "done") delete part.dataset.stale;
  }
}

/** Renders (label, value, data-key) rows into a <dl> of the page. */
export function fill(listId: string, items: Array<[string, string, string]>): void {
  const list = $(listId);
  list.innerHTML = "";
  for (const [label, text, key] of items) {
    const div = document.createElement("div");
    const dt = document.createElement("dt");
    const dd = document.createElement("dd");
    dt.textContent = label;
    dd.textContent = text;
    dd.dataset.key = key;
    div.append(dt, dd);
    list.append(div);
  }
}

let lastCalculator: CalculatorRun | null = null;

/** Selects `spec` in the runtime selector, adding it as an option when it is not one of the listed rule sets (a spec from the URL). */
function selectRuntime(spec: string): void {
  const select = $("quote-runtime") as HTMLSelectElement;
  if (![...select.options].some((o) => o.value === spec)) {
    const option = document.createElement("option");
    option.value = spec;
    option.textContent = spec;
    select.append(option);
  }
  select.value = spec;
}

/** The rule set's pool in words, from taomath's registry ("superellipse pool", "Balancer pool with reservoirs"). */
function rulesText(tag: RuntimeTag): string {
  const set = RULE_SETS.find((r) => r.rules === tag.rules)!;
  const pool = set.pool === "superellipse" ? "superellipse pool" : set.reservoirs ? "Balancer pool with reservoirs" : "Balancer pool";
  const asked = String(tag.spec_version) === tag.rules ? "" : `, asked for spec ${tag.spec_version}`;
  return `rules: runtime ${tag.rules} (${pool}${asked})`;
}

function showRules(tag: RuntimeTag): void {
  const line = $("quote-rules");
  line.textContent = rulesText(tag);
  line.dataset.spec = String(tag.spec_version);
  line.dataset.rules = tag.rules;
  const note = $("quote-rules-note");
  note.hidden = tag.newer_than_known !== true;
  note.textContent = tag.newer_than_known ? `Runtime ${tag.spec_version} is newer than any taomath knows (newest: ${NEWEST_SPEC}): the newest known rules answered, and the chain's may have changed since.` : "";
}

/** Keeps the calculator's runtime in the URL (`&runtime=`), leaving it out when it is the default (the newest). */
function keepRuntimeInUrl(spec: number): void {
  const q = new URLSearchParams(location.search);
  if (spec === NEWEST_SPEC) q.delete("runtime"); else q.set("runtime", String(spec));
  const search = q.toString();
  history.replaceState(null, "", `${location.pathname}${search ? `?${search}` : ""}${location.hash}`);
}
let lastEmission: EmissionResponseJson | null = null;

async function runCalculator(form?: Partial<CalculatorForm>): Promise<CalculatorRun | null> {
  const ids: Record<keyof CalculatorForm, string> = { tao_reserve: "pool-tao", alpha_reserve: "pool-alpha", weight: "pool-weight", fee_rate: "pool-fee", side: "quote-side", amount: "quote-amount", runtime: "quote-runtime" };
  for (const [k, v] of Object.entries(form ?? {})) {
    if (k === "runtime") selectRuntime(String(v).trim());
    else ($(ids[k as keyof CalculatorForm]) as HTMLInputElement).value = v as string;
  }
  const full = Object.fromEntries(Object.entries(ids).map(([k, id]) => [k, value(id)])) as unknown as CalculatorForm;
  setSection("calculator", "running");
  const reply = await ask({ kind: "calculator", form: full });
  if (!reply.ok) { setSection("calculator", "error", reply.error); return null; }
  const run = reply.calculator!;
  lastCalculator = run;
  const q = run.response.quotes[0];
  const stake = run.request.side === "stake";
  const [inTok, outTok] = stake ? ["TAO", "α"] : ["α", "TAO"];
  fill("quote-summary", q.error !== null
    ? [[run.request.side, `${raoText(q.amount_in)} ${inTok}`, "amount-in"], ["chain refuses", q.error, "quote-error"]]
    : [
      [run.request.side, `${raoText(q.amount_in)} ${inTok}`, "amount-in"],
      [`${outTok} received`, `${raoText(q.amount_out)} ${outTok}`, "amount-out"],
      ["fee", `${raoText(q.fee)} ${inTok}`, "fee"],
      ["spot price", `${run.response.spot_price.toPrecision(10)} TAO/α`, "spot-price"],
      ["effective price", q.effective_price === null ? "—" : `${q.effective_price.toPrecision(10)} TAO/α`, "effective-price"],
      ["slippage", q.slippage === null ? "—" : `${(q.slippage * 100).toFixed(4)}%`, "slippage"],
    ]);
  showRules(run.response.runtime!);
  keepRuntimeInUrl(run.request.runtime);
  drawSlippage(run);
  setSection("calculator", "done");
  return run;
}

async function runEmission(params?: { issuance?: string; recycled_per_day?: string; years?: string; start_date?: string }): Promise<EmissionResponseJson | null> {
  if (params?.issuance !== undefined) ($("em-issuance") as HTMLInputElement).value = params.issuance;
  if (params?.recycled_per_day !== undefined) ($("em-recycled") as HTMLInputElement).value = params.recycled_per_day;
  if (params?.years !== undefined) ($("em-years") as HTMLInputElement).value = params.years;
  setSection("emission", "running");
  const form: EmissionForm = { issuance: value("em-issuance"), recycled_per_day: value("em-recycled"), years: value("em-years"), ...(params?.start_date ? { start_date: params.start_date } : {}) };
  const reply = await ask({ kind: "emission", form });
  if (!reply.ok) { setSection("emission", "error", reply.error); return null; }
  const e = reply.emission!;
  lastEmission = e;
  const next = e.halvings[0];
  const end = e.daily![e.daily!.length - 1];
  fill("emission-summary", [
    ["emission now", `${taoText(e.block_emission)} TAO/block`, "block-emission"],
    ["halvings so far", e.halvings_so_far === null ? "past total supply" : String(e.halvings_so_far), "halvings-so-far"],
    ["next halving", next ? `${next.date} (halving ${next.halving})` : "none in the horizon", "next-halving"],
    [`supply after ${e.years} years`, `${taoText(end.issuance)} TAO`, "supply-end"],
  ]);
  const body = $("halvings-table").querySelector("tbody")!;
  body.innerHTML = "";
  for (const h of e.halvings) {
    const tr = document.createElement("tr");
    const cells = [String(h.halving), h.date, taoText(h.first_issuance), groupDigits(String(h.block_offset)), taoText(h.emission_after), h.delay_days === null ? "" : `+${h.delay_days.toFixed(1)} d`];
    for (const c of cells) { const td = document.createElement("td"); td.textContent = c; tr.append(td); }
    body.append(tr);
  }
  drawEmission(e);
  setSection("emission", "done");
  return e;
}

/** Fills the calculator with a subnet's pool (rao) and quotes on it; `label` says where the pool came from. */
async function usePool(pool: { tao_in: string; alpha_in: string }, label: string): Promise<CalculatorRun | null> {
  $("pool-source").textContent = `Pool: ${label} (TAO reserve and α reserve from the node; TAO weight and fee rate as typed)`;
  $("pool-source").dataset.source = "node";
  return runCalculator({ tao_reserve: raoText(pool.tao_in), alpha_reserve: raoText(pool.alpha_in) });
}

$("calculator-form").addEventListener("submit", (ev) => { ev.preventDefault(); void runCalculator(); });
$("quote-runtime").addEventListener("change", () => void runCalculator());
// a shared link's runtime (?…&runtime=425) is selected before the first quote
{
  const shared = new URLSearchParams(location.search).get("runtime");
  if (shared !== null && shared.trim() !== "") selectRuntime(shared.trim());
}
$("emission-form").addEventListener("submit", (ev) => { ev.preventDefault(); void runEmission(); });

/** Calls the page exposes on window.taomath (the browser tests drive the sections through them). */
export const tools = {
  runCalculator,
  runEmission,
  usePool,
  lastCalculator: () => lastCalculator,
  lastEmission: () => lastEmission,
  /** the canonical POST /v1/quote response bytes for a request body, computed in this page's worker */
  quoteBytes: async (text: string): Promise<string> => {
    const reply = await ask({ kind: "quote", text });
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.text!;
  },
  start: async () => { await runCalculator(); await runEmission(); },
};
