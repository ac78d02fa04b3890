// The lab page's Web Worker: owns a taomath instance, lists the named scenarios, and runs a
// scenario with the page's overrides (posting progress), answering with the summary and the
// report's SVG charts. The page's thread never runs an epoch.

import wasmUrl from "taomath/taomath.wasm?url";
import { createTaomath, TaomathError, type Taomath } from "taomath";
import { SCENARIOS, namedScenario, simulate, simulationToJson, dividendsChart, relativeChart, bondsChart, floatDiffChart } from "taomath/simulate";
import type { LabJob, LabReply } from "./lab_protocol";

const ready: Promise<Taomath> = createTaomath(wasmUrl);
const post = (m: LabReply) => (self as unknown as Worker).postMessage(m);

self.onmessage = async (ev: MessageEvent<LabJob>) => {
  const job = ev.data;
  try {
    const tm = await ready;
    if (job.kind === "list") {
      post({ id: job.id, ok: true, scenarios: SCENARIOS.map((s) => ({ name: s.name, description: s.description ?? "", epochs: s.epochs, hyperparameters: s.hyperparameters ?? {} })) });
      return;
    }
    const scenario = namedScenario(job.name);
    const t0 = performance.now();
    let last = 0;
    const r = simulate(tm, scenario, {
      epochs: job.epochs, hyperparameters: job.hyperparameters, float: job.float, recordBonds: false,
      onProgress: (done, total) => {
        if (done === total || performance.now() - last > 50) { last = performance.now(); post({ id: job.id, progress: { done, total } }); }
      },
    });
    const ms = performance.now() - t0;
    post({
      id: job.id, ok: true, ms,
      summary: simulationToJson(r, { epochs: false }),
      charts: [dividendsChart(r), r.strategies.some((s) => s.type !== "honest") && r.validators.some((v) => v.strategy === "honest") ? relativeChart(r) : "", bondsChart(r), floatDiffChart(r)].filter((c) => c !== ""),
    });
  } catch (e) {
    const err = e instanceof TaomathError ? { code: e.code, field: e.field, message: e.message } : { code: "internal", field: "lab", message: String((e as Error)?.message ?? e) };
    post({ id: job.id, ok: false, error: err });
  }
};
