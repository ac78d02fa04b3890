// The per-uid table of an epoch result that `epoch` and `predict` print: uid, hotkey (when the file
// or snapshot names them), stake, incentive, dividends, consensus, validator trust and emission,
// sortable by column, with totals over every uid.

import type { EpochResult } from "../bindings/epoch.js";
import { common, type Flag, type Values } from "./command.js";
import { pct, tao } from "./units.js";
import { renderTable, shortKey, shownRows, type Column } from "./table.js";

export const tableFlags = {
  sort: { type: "string", value: "COL", help: "sort by uid, hotkey, stake, incentive, dividends, consensus, trust or emission (default emission; numbers largest first)" },
  top: common.top,
  all: { type: "boolean", help: "list every uid (default: uids with stake, incentive, dividends or emission)" },
  "full-keys": { type: "boolean", help: "print hotkeys in full instead of shortened" },
} as const satisfies Record<string, Flag>;

interface Row { uid: number; hotkey?: string; stake: bigint; incentive: number; dividends: number; consensus: number; trust: number; emission: bigint }

function columns(hotkeys: boolean, fullKeys: boolean): Column<Row>[] {
  const cols: Column<Row>[] = [{ key: "uid", title: "uid", cell: (r) => String(r.uid), sortValue: (r) => -r.uid }];
  if (hotkeys) cols.push({ key: "hotkey", title: "hotkey", align: "left", cell: (r) => shortKey(r.hotkey, fullKeys), sortValue: (r) => r.hotkey ?? "" });
  cols.push(
    { key: "stake", title: "stake (α)", cell: (r) => tao(r.stake), sortValue: (r) => r.stake },
    { key: "incentive", title: "incentive", cell: (r) => pct(r.incentive), sortValue: (r) => r.incentive },
    { key: "dividends", title: "dividends", cell: (r) => pct(r.dividends), sortValue: (r) => r.dividends },
    { key: "consensus", title: "consensus", cell: (r) => pct(r.consensus), sortValue: (r) => r.consensus },
    { key: "trust", title: "v-trust", cell: (r) => pct(r.trust), sortValue: (r) => r.trust },
    { key: "emission", title: "emission (α)", cell: (r) => tao(r.emission, 6), sortValue: (r) => r.emission },
  );
  return cols;
}

/** The table, with a line saying how many uids were left out and why. */
export function epochTable(result: EpochResult, hotkeys: readonly string[] | undefined, values: Values): string {
  const n = result.incentive.length;
  const all: Row[] = Array.from({ length: n }, (_, uid) => ({
    uid, hotkey: hotkeys?.[uid], stake: result.stake[uid], incentive: result.incentive[uid], dividends: result.dividends[uid],
    consensus: result.consensus[uid], trust: result.validator_trust[uid], emission: result.emission[uid],
  }));
  const cols = columns(hotkeys !== undefined && hotkeys.length > 0, values["full-keys"] === true);
  const shown = values.all === true ? all : all.filter((r) => r.stake > 0n || r.incentive > 0 || r.dividends > 0 || r.emission > 0n);
  const rows = shownRows(shown, cols, values, "emission");
  const sum = <K extends keyof Row>(k: K) => all.reduce((s, r) => s + Number(r[k]), 0);
  const sumBig = (k: "stake" | "emission") => all.reduce((s, r) => s + r[k], 0n);
  const totals = {
    uid: "total", stake: tao(sumBig("stake")), incentive: pct(sum("incentive")), dividends: pct(sum("dividends")),
    consensus: "", trust: "", emission: tao(sumBig("emission"), 6),
  };
  const omitted = n - rows.length;
  const note = omitted > 0
    ? `  (${rows.length} of ${n} uids shown${values.all === true ? "" : "; --all lists every uid"}; totals are over all ${n})`
    : `  (${n} uids)`;
  return `${renderTable(cols, rows, totals)}\n${note}`;
}

/** Hotkeys by uid from a file that may carry them: a snapshot (metagraph / subnet_state) or inputs with "hotkeys". */
export function hotkeysOf(json: any): string[] | undefined {
  const candidates = [json?.metagraph?.hotkeys, json?.subnet_state?.hotkeys, json?.hotkeys, json?.inputs?.hotkeys];
  const h = candidates.find((c) => Array.isArray(c) && c.every((x: unknown) => typeof x === "string"));
  return h as string[] | undefined;
}
