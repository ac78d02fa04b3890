// Strict argument parsing for every command: node:util parseArgs with the command's declared flags.
// An unknown or misspelled flag is a usage error naming it (exit 2), with the closest declared flag
// suggested: a staking tool must never run with an option it silently ignored.

import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Command, Parsed } from "./command.js";

/** A mistake in how the command was typed (exit 2), as opposed to bad data (exit 1). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      // two swapped letters are one slip, not two
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The declared flag a misspelling most likely meant (underscores for dashes, case, a typo or two). */
export function closestFlag(typed: string, known: readonly string[]): string | undefined {
  const norm = typed.toLowerCase().replace(/_/g, "-");
  if (known.includes(norm)) return norm;
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const dd = distance(norm, k);
    if (dd < bestD) { bestD = dd; best = k; }
  }
  return bestD <= Math.max(1, Math.floor(norm.length / 4)) ? best : undefined;
}

const HELP = { type: "boolean", short: "h" } as const;

/** True when the arguments ask for help (checked before anything else is parsed or run). */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === "--help" || a === "-h");
}

export function parseCommandArgs(cmd: Command, argv: string[]): Parsed {
  const names = Object.keys(cmd.flags);
  const end = argv.indexOf("--");
  for (const a of end < 0 ? argv : argv.slice(0, end)) {
    if (!a.startsWith("-") || a === "-" || /^-\d/.test(a)) continue;
    const name = a.startsWith("--") ? a.slice(2).split("=")[0] : undefined;
    if (name === undefined) {
      const short = Object.entries(cmd.flags).find(([, f]) => a === `-${f.short}`);
      if (!short && a !== "-h") throw new UsageError(`unknown flag ${a} for '${cmd.name}'; run 'taomath ${cmd.name} --help'`);
      continue;
    }
    if (name === "help" || names.includes(name)) continue;
    const near = closestFlag(name, names);
    throw new UsageError(`unknown flag --${name} for '${cmd.name}'${near ? `; did you mean --${near}?` : ""} (run 'taomath ${cmd.name} --help')`);
  }
  const options: NonNullable<ParseArgsConfig["options"]> = { help: HELP };
  for (const [k, f] of Object.entries(cmd.flags)) {
    options[k] = { type: f.type, ...(f.multiple ? { multiple: true } : {}), ...(f.short ? { short: f.short } : {}) };
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: cmd.positionals.max > 0 });
  } catch (e) {
    throw new UsageError(parseMessage(e, cmd));
  }
  for (const [k, f] of Object.entries(cmd.flags)) {
    const v = parsed.values[k];
    // a repeated single-value flag would silently keep only the last one
    if (!f.multiple && f.type === "string" && argv.filter((a) => a === `--${k}` || a.startsWith(`--${k}=`)).length > 1) {
      throw new UsageError(`--${k} given more than once`);
    }
    if (typeof v === "string" && v.startsWith("--")) throw new UsageError(`--${k}: needs a value (got the flag ${v})`);
  }
  const { positionals } = parsed;
  if (positionals.length < cmd.positionals.min) {
    throw new UsageError(`'${cmd.name}' needs ${cmd.positionals.min === 1 ? "an argument" : `${cmd.positionals.min} arguments`}: taomath ${cmd.usage[0]}`);
  }
  if (positionals.length > cmd.positionals.max) {
    throw new UsageError(`unexpected argument ${JSON.stringify(positionals[cmd.positionals.max])} for '${cmd.name}'; run 'taomath ${cmd.name} --help'`);
  }
  return { values: parsed.values as Parsed["values"], positionals };
}

function parseMessage(e: unknown, cmd: Command): string {
  const err = e as { code?: string; message?: string };
  const flag = /'(-{1,2}[^' ]+)/.exec(err.message ?? "")?.[1];
  switch (err.code) {
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      if (flag && cmd.flags[flag.replace(/^-+/, "")]?.type === "boolean") return `${flag} takes no value`;
      if (/ambiguous/.test(err.message ?? "")) return `${flag ?? "a flag"}: needs a value (write ${flag ?? "--flag"}=VALUE for a value that starts with "-")`;
      return `${flag ?? "a flag"}: needs a value`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `'${cmd.name}' takes no arguments besides its flags; run 'taomath ${cmd.name} --help'`;
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown flag ${flag ?? ""} for '${cmd.name}'; run 'taomath ${cmd.name} --help'`;
    default:
      return (err.message ?? String(e)).split("\n")[0];
  }
}
