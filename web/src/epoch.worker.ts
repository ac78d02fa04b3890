// The Web Worker that owns the taomath instance: parses the subnet, runs the epoch and encodes
// the outputs off the main thread, so the page stays responsive on large subnets. It also answers
// the staking calculator (one batch quote) and the emission chart (projectEmission). It is also the
// light client: a "node" job reads a live subnet over the node's WebSocket (or HTTP) JSON-RPC with
// the same ChainClient and fetchSnapshot as Node, and runs the next epoch on that state.

import wasmUrl from "taomath/taomath.wasm?url";
import { createTaomath, exampleSubnet, epochInputFromJson, epochToVectorEncoding, TaomathError, type EpochInput, type EpochResult, type Taomath } from "taomath";
import { outputsBytes, sha256Hex, canonicalJson } from "taomath/vectors";
import { ChainClient, fetchSnapshot, predictEpoch } from "taomath/chain";
import { quoteRequestFromJson, quoteResponse } from "taomath/pool";
import { emissionRequestFromQuery, emissionResponse } from "taomath/emission";
import { calculatorRequest, emissionQuery } from "./calculator";
import type { EpochJob, EpochReply, EpochRun, JobProgress } from "./protocol";

const ready: Promise<Taomath> = createTaomath(wasmUrl);

async function run(tm: Taomath, name: string, input: EpochInput, computed?: EpochResult): Promise<EpochRun> {
  const t0 = performance.now();
  const outputs = epochToVectorEncoding(computed ?? tm.runEpoch(input)).outputs;
  const bytes = outputsBytes(outputs);
  const ms = performance.now() - t0;
  const plain = JSON.parse(canonicalJson({ n: input.n, rao_emission: input.rao_emission, current_block: input.current_block, yuma3_enabled: input.yuma3_enabled }));
  return { name, ...plain, outputs: JSON.parse(bytes).outputs, sha256: await sha256Hex(bytes), ms };
}

function parseJson(text: string, field: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new TaomathError("invalid_type", field, `not valid JSON (${(e as Error).message})`);
  }
}

function parseFile(text: string): EpochInput {
  return epochInputFromJson(parseJson(text, "file"));
}

async function fromNode(tm: Taomath, job: Extract<EpochJob, { kind: "node" }>): Promise<EpochRun> {
  const client = new ChainClient(job.url, { timeoutMs: job.timeoutMs ?? 30_000, retries: job.retries ?? 1 });
  try {
    const t0 = performance.now();
    const snapshot = await fetchSnapshot(client, job.netuid, {
      block: job.block,
      onProgress: (progress) => (self as unknown as Worker).postMessage({ id: job.id, progress } satisfies JobProgress),
    });
    const fetchMs = performance.now() - t0;
    const t1 = performance.now();
    const p = predictEpoch(tm, snapshot);
    const epochMs = performance.now() - t1;
    const r = await run(tm, `subnet ${job.netuid} @ ${snapshot.source.block}`, p.inputs, p.result);
    const commits = p.inputs.commit_blocks;
    const m = snapshot.metagraph as { hotkeys?: unknown; tao_in?: unknown; alpha_in?: unknown };
    if (Array.isArray(m.hotkeys) && m.hotkeys.length === r.n && m.hotkeys.every((h) => typeof h === "string")) r.hotkeys = m.hotkeys as string[];
    const rao = (v: unknown) => (typeof v === "string" && /^[0-9]+$/.test(v) ? v : null);
    const taoIn = rao(m.tao_in), alphaIn = rao(m.alpha_in);
    r.source = {
      url: job.url, netuid: job.netuid, spec_version: snapshot.source.spec_version,
      snapshot_block: snapshot.source.block, epoch_block: p.epoch_block,
      commit_reveal: p.inputs.commit_reveal_enabled, live_commits: commits === null ? 0 : commits.filter((b) => b !== null).length,
      fetch_ms: fetchMs,
      pool: taoIn !== null && alphaIn !== null ? { tao_in: taoIn, alpha_in: alphaIn } : null,
    };
    r.ms += epochMs;
    return r;
  } finally {
    client.close();
  }
}

self.onmessage = async (ev: MessageEvent<EpochJob>) => {
  const job = ev.data;
  let reply: EpochReply;
  try {
    const tm = await ready;
    if (job.kind === "example") reply = { id: job.id, ok: true, run: await run(tm, "example subnet (256 uids, seed 42)", exampleSubnet(tm)) };
    else if (job.kind === "node") reply = { id: job.id, ok: true, run: await fromNode(tm, job) };
    else if (job.kind === "calculator") {
      const request = calculatorRequest(job.form);
      reply = { id: job.id, ok: true, calculator: { request, response: quoteResponse(tm, quoteRequestFromJson(request)) } };
    } else if (job.kind === "quote") {
      reply = { id: job.id, ok: true, text: canonicalJson(quoteResponse(tm, quoteRequestFromJson(parseJson(job.text, "body")))) };
    } else if (job.kind === "emission") {
      reply = { id: job.id, ok: true, emission: emissionResponse(tm, emissionRequestFromQuery(emissionQuery(job.form)), { daily: true }) };
    } else if (job.kind === "file") reply = { id: job.id, ok: true, run: await run(tm, job.name, parseFile(job.text)) };
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
