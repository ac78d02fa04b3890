// The page's side of the epoch Web Worker: one worker for the page, jobs matched to replies by id.

import type { EpochJob, EpochReply, JobProgress } from "./protocol";

export type JobBody = EpochJob extends infer J ? (J extends EpochJob ? Omit<J, "id"> : never) : never;

const worker = new Worker(new URL("./epoch.worker.ts", import.meta.url), { type: "module" });
const pending = new Map<number, { resolve: (r: EpochReply) => void; progress?: (p: JobProgress["progress"]) => void }>();
let nextId = 1;
worker.onmessage = (ev: MessageEvent<EpochReply | JobProgress>) => {
  const job = pending.get(ev.data.id);
  if ("progress" in ev.data) { job?.progress?.(ev.data.progress); return; }
  job?.resolve(ev.data);
  pending.delete(ev.data.id);
};

export function ask(body: JobBody, progress?: (p: JobProgress["progress"]) => void): Promise<EpochReply> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, { resolve, progress });
    worker.postMessage({ id, ...body });
  });
}
