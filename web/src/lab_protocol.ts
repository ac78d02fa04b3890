// Messages between the lab page and its Web Worker.

export interface ScenarioInfo { name: string; description: string; epochs: number; hyperparameters: Record<string, unknown> }

export type LabJob =
  | { id: number; kind: "list" }
  | { id: number; kind: "run"; name: string; epochs?: number; hyperparameters: Record<string, number | boolean>; float: boolean };

export type LabReply =
  | { id: number; progress: { done: number; total: number } }
  | { id: number; ok: true; scenarios: ScenarioInfo[] }
  | { id: number; ok: true; ms: number; summary: Record<string, any>; charts: string[] }
  | { id: number; ok: false; error: { code: string; field: string; message: string } };
