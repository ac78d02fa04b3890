// Fans a sweep out to a taomath Worker (POST /v1/simulate): at most `concurrency` requests in
// flight, each retried on network errors, 429 and 5xx with a doubling backoff; a 4xx answer is
// the scenario's fault and stops the sweep with the Worker's TaomathError. Rows come back in cell order.

import { TaomathError, type TaomathErrorCode } from "../core/errors.js";
import { cellHyperparameters, handOutOrder, sweepRowOf, type SweepCell, type SweepRow } from "./sweep.js";

export interface RemoteSweepOptions {
  concurrency?: number;
  retries?: number;
  /** first backoff in ms (doubled per retry) */
  backoffMs?: number;
  epochs?: number;
  fetch?: typeof fetch;
  onRow?(row: SweepRow, done: number, total: number): void;
}

export async function runSweepRemote(url: string, scenario: unknown, cells: SweepCell[], options: RemoteSweepOptions = {}): Promise<SweepRow[]> {
  const f = options.fetch ?? fetch;
  const endpoint = url.replace(/\/+$/, "") + "/v1/simulate";
  const retries = options.retries ?? 3, backoff = options.backoffMs ?? 200;
  const rows: SweepRow[] = new Array(cells.length);
  const queue = handOutOrder(cells); // longest first: the last requests in flight are short ones
  let done = 0;
  const one = async (c: SweepCell): Promise<SweepRow> => {
    const body = JSON.stringify({ scenario, epochs: options.epochs, hyperparameters: cellHyperparameters(c), include_epochs: false });
    let lastError = "";
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, backoff * 2 ** (attempt - 1)));
      let res: Response;
      try {
        res = await f(endpoint, { method: "POST", body, headers: { "content-type": "application/json" } });
      } catch (e) {
        lastError = String((e as Error)?.message ?? e);
        continue;
      }
      if (res.status === 429 || res.status >= 500) { lastError = `HTTP ${res.status}`; await res.body?.cancel(); continue; }
      const json = (await res.json()) as { strategies?: SweepRow["strategies"]; error?: { code: TaomathErrorCode; field: string; message: string } };
      if (!res.ok || json.error) {
        const e = json.error ?? { code: "internal" as const, field: "response", message: `HTTP ${res.status}` };
        throw new TaomathError(e.code, e.field, e.message.replace(`${e.field}: `, ""));
      }
      return sweepRowOf(c, json as Parameters<typeof sweepRowOf>[1]);
    }
    throw new TaomathError("unreachable", "url", `${endpoint} failed for cell ${c.index} after ${retries + 1} attempts (${lastError})`);
  };
  const lanes = Math.max(1, Math.min(options.concurrency ?? 4, cells.length || 1));
  await Promise.all(Array.from({ length: lanes }, async () => {
    for (let c = queue.shift(); c !== undefined; c = queue.shift()) {
      rows[c.index] = await one(c);
      options.onRow?.(rows[c.index], ++done, cells.length);
    }
  }));
  return rows;
}
