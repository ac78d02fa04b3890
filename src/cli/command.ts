// What a CLI command declares: its flags (parsed strictly by node:util parseArgs), its positional
// arguments, the help text built from them, and the function that runs it.

export interface Flag {
  type: "string" | "boolean";
  /** shown after the flag in help, e.g. TAO or FILE */
  value?: string;
  help: string;
  multiple?: boolean;
  short?: string;
}

export type Values = Record<string, string | boolean | string[] | undefined>;

export interface Parsed {
  values: Values;
  positionals: string[];
}

export interface Command {
  name: string;
  /** one line for `taomath help` */
  summary: string;
  /** usage lines after "taomath " */
  usage: string[];
  /** a paragraph saying what it computes */
  description?: string;
  flags: Record<string, Flag>;
  /** how many positional arguments it takes */
  positionals: { min: number; max: number };
  examples: string[];
  run(args: Parsed): void | Promise<void>;
}

/** Flags several commands share, spelled and explained once. */
export const common = {
  json: { type: "boolean", help: "print JSON for machines (amounts as decimal strings) instead of a table" },
  url: { type: "string", value: "URL", help: "the node's ws://, wss://, http:// or https:// endpoint" },
  netuid: { type: "string", value: "N", help: "the subnet" },
  block: { type: "string", value: "B", help: "read the state at block B (default: the node's best block)" },
  timeout: { type: "string", value: "MS", help: "per-request timeout in milliseconds (default 30000)" },
  retries: { type: "string", value: "K", help: "extra attempts after an unreachable node or a timeout (default 2)" },
  "assume-runtime": { type: "string", value: "V", help: "decode an unknown runtime with the known layout V (still checked byte-exact)" },
  rao: { type: "boolean", help: "amounts typed without a unit are rao, not TAO" },
  top: { type: "string", value: "N", help: "show only the first N rows after sorting" },
} as const satisfies Record<string, Flag>;
