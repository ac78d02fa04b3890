// Messages between the page and the epoch Web Worker. Everything crosses as plain JSON values
// in the vector encoding (u64 as decimal strings), so the page never needs the wasm itself.

export type EpochJob =
  | { id: number; kind: "example" }
  | { id: number; kind: "file"; name: string; text: string }
  | { id: number; kind: "hash"; text: string };

export interface EpochOutputsJson {
  active: boolean[];
  bonds: Array<Array<[number, number]>>;
  consensus: number[];
  dividends: number[];
  emission: string[];
  incentive: number[];
  server_emission: string[];
  stake: string[];
  stake_weight: number[];
  validator_emission: string[];
  validator_permit: boolean[];
  validator_trust: number[];
}

export interface EpochRun {
  name: string;
  n: number;
  rao_emission: string;
  current_block: string;
  yuma3_enabled: boolean;
  outputs: EpochOutputsJson;
  /** sha256 of the canonical {"outputs": ...} bytes: the cross-host fingerprint */
  sha256: string;
  /** time spent in the worker on this epoch (parse, validate, run, encode) */
  ms: number;
}

export type EpochReply =
  | { id: number; ok: true; run?: EpochRun; sha256?: string }
  | { id: number; ok: false; error: { code: string; field: string; message: string } };
