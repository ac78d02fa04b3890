// Messages between the page and the epoch Web Worker. Everything crosses as plain JSON values
// in the vector encoding (u64 as decimal strings), so the page never needs the wasm itself.

export type EpochJob =
  | { id: number; kind: "example" }
  | { id: number; kind: "file"; name: string; text: string }
  | { id: number; kind: "hash"; text: string }
  /** read a live subnet from a node (the light client in this worker) and run its next epoch */
  | { id: number; kind: "node"; url: string; netuid: number; block?: number; timeoutMs?: number; retries?: number }
  /** the staking calculator: the pool and the amount as typed (TAO/alpha text), quoted with the slippage curve */
  | { id: number; kind: "calculator"; form: CalculatorForm }
  /** a POST /v1/quote body as text: answered with the canonical response bytes (cross-host checks) */
  | { id: number; kind: "quote"; text: string }
  /** the emission chart: issuance and recycling typed in TAO, answered with every day of the horizon */
  | { id: number; kind: "emission"; form: EmissionForm };

/** The emission section's fields as typed: TAO as decimal text, years as a number; start_date YYYY-MM-DD (default today). */
export interface EmissionForm {
  issuance: string;
  recycled_per_day: string;
  years: string;
  start_date?: string;
}

/** The calculator's fields as typed: TAO and alpha amounts and the weight as decimal text, the fee rate as a u16 of 65535. */
export interface CalculatorForm {
  tao_reserve: string;
  alpha_reserve: string;
  weight: string;
  fee_rate: string;
  /** "stake" (TAO in, alpha out) or "unstake" (alpha in, TAO out) */
  side: string;
  /** TAO to stake or alpha to unstake */
  amount: string;
  /** the runtime spec_version whose rules answer, as chosen (425, 459, 473, or a spec typed into the URL); absent or empty: the newest known */
  runtime?: string;
}

/** A calculator answer: the POST /v1/quote request it made (amounts[0] = the amount typed, the rest = the curve) and the answer. */
export interface CalculatorRun {
  request: { pool: Record<string, string | number>; side: "stake" | "unstake"; amounts: string[]; runtime: number };
  response: import("taomath/pool").QuoteResponseJson;
}

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

/** Where a subnet read from a node came from. */
export interface NodeSource {
  url: string;
  netuid: number;
  spec_version: number;
  /** the block whose state was read */
  snapshot_block: number;
  /** the block the predicted epoch runs at */
  epoch_block: string;
  commit_reveal: boolean;
  /** uids with a live weight commit (the commit-reveal mask applies to their weights) */
  live_commits: number;
  /** time spent reading the chain */
  fetch_ms: number;
  /** the subnet's pool at the snapshot block (SubnetTAO and SubnetAlphaIn, rao), when the node's metagraph gives it */
  pool: { tao_in: string; alpha_in: string } | null;
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
  /** set when the subnet was read from a node */
  source?: NodeSource;
  /** each uid's hotkey (SS58), when the chain gave them */
  hotkeys?: string[];
}

/** Sent while a node job pages through the chain, before its reply. */
export interface JobProgress { id: number; progress: { phase: string; done: number; total?: number } }

export type EpochReply =
  | { id: number; ok: true; run?: EpochRun; sha256?: string; calculator?: CalculatorRun; text?: string; emission?: import("taomath/emission").EmissionResponseJson }
  | { id: number; ok: false; error: { code: string; field: string; message: string } };
