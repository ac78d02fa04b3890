// The Web Worker that owns the taomath instance: parses the subnet, runs the epoch and encodes
// the outputs off the main thread, so the page stays responsive on large subnets.

import wasmUrl from "taomath/taomath.wasm?url";
import { createTaomath, exampleSubnet, epochInputFromJson, epochToVectorEncoding, outputsBytes, sha256Hex, canonicalJson, TaomathError, type EpochInput, type Taomath } from "taomath";
import type { EpochJob, EpochReply, EpochRun } from "./protocol";

const ready: Promise<Taomath> = createTaomath(wasmUrl);

async function run(tm: Taomath, name: string, input: EpochInput): Promise<EpochRun> {
  const t0 = performance.now();
  const outputs = epochToVectorEncoding(tm.runEpoch(input)).outputs;
  const bytes = outputsBytes(outputs);
  const ms = performance.now() - t0;
  const plain = JSON.parse(canonicalJson({ n: input.n, rao_emission: input.rao_emission, current_block: input.current_block, yuma3_enabled: input.yuma3_enabled }));
  return { name, ...plain, outputs: JSON.parse(bytes).outputs, sha256: await sha256Hex(bytes), ms };
}

function parseFile(text: string): EpochInput {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new TaomathError("invalid_type", "file", `not valid JSON (${(e as Error).message})`);
  }
  return epochInputFromJson(json);
}

self.onmessage = async (ev: MessageEvent<EpochJob>) => {
  const job = ev.data;
  let reply: EpochReply;
  try {
    const tm = await ready;
    if (job.kind === "example") reply = { id: job.id, ok: true, run: await run(tm, "example subnet (256 uids, seed 42)", exampleSubnet(tm)) };
    else if (job.kind === "file") reply = { id: job.id, ok: true, run: await run(tm, job.name, parseFile(job.text)) };
    else {
      const outputs = epochToVectorEncoding(tm.runEpoch(parseFile(job.text))).outputs;
      reply = { id: job.id, ok: true, sha256: await sha256Hex(outputsBytes(outputs)) };
    }
  } catch (e) {
    const err = e instanceof TaomathError ? { code: e.code, field: e.field, message: e.message } : { code: "internal", field: "", message: String((e as Error)?.message ?? e) };
    reply = { id: job.id, ok: false, error: err };
  }
  (self as unknown as Worker).postMessage(reply);
};
