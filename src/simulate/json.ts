// Simulation results as JSON: u64 amounts as decimal strings (the vector encoding), per-epoch
// records optional (a sweep or the Worker usually needs only the summary).

import type { SimulationResult } from "./simulate.js";

function plain(v: unknown): unknown {
  if (typeof v === "bigint") return v.toString();
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = plain(x);
    return out;
  }
  if (typeof v === "number" && !Number.isFinite(v)) return null;
  return v;
}

export function simulationToJson(r: SimulationResult, options: { epochs?: boolean } = {}): Record<string, unknown> {
  // epochs last; not read at all when left out (the records are built on first read)
  const rest: Record<string, unknown> = {};
  for (const k of Object.keys(r)) if (k !== "epochs") rest[k] = (r as unknown as Record<string, unknown>)[k];
  return plain(options.epochs === false ? rest : { ...rest, epochs: r.epochs }) as Record<string, unknown>;
}
