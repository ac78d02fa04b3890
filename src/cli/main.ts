#!/usr/bin/env node
// taomath command line: one module per command under commands/, each declaring its flags, parsed
// strictly. Exit codes: 0 done, 1 bad data or a chain refusal (one line: error: field: message
// [code]), 2 a mistyped command (unknown command or flag, missing argument).

import { readFileSync } from "node:fs";
import { TaomathError } from "../core/errors.js";
import { UsageError, closestFlag, parseCommandArgs, wantsHelp } from "./args.js";
import type { Command } from "./command.js";
import { commandHelp, overview } from "./help.js";
import { example } from "./commands/example.js";
import { epoch } from "./commands/epoch.js";
import { vector } from "./commands/vector.js";
import { bench } from "./commands/bench.js";
import { weights } from "./commands/weights.js";
import { commitHashCommand } from "./commands/commit_hash.js";
import { fetch } from "./commands/fetch.js";
import { predict } from "./commands/predict.js";
import { metagraph } from "./commands/metagraph.js";
import { subnets } from "./commands/subnets.js";
import { quote } from "./commands/quote.js";
import { emission } from "./commands/emission.js";
import { network } from "./commands/network.js";
import { simulateCommand } from "./commands/simulate.js";

const COMMANDS: readonly Command[] = [
  example, epoch, predict, fetch, metagraph, subnets, quote, weights, commitHashCommand, emission, network, simulateCommand, vector, bench,
];

function version(): string {
  try {
    return JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;
  } catch {
    return "unknown";
  }
}

function fail(message: string, code: number): void {
  process.stderr.write(`error: ${message.replace(/\s*\n\s*/g, " ")}\n`);
  process.exitCode = code;
}

export async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    const about = name === "help" && rest[0] !== undefined ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    if (name === "help" && rest[0] !== undefined && !about) return fail(`unknown command ${JSON.stringify(rest[0])}; run 'taomath help'`, 2);
    console.log(about ? commandHelp(about) : overview(COMMANDS, version()));
    return;
  }
  if (name === "--version" || name === "-V" || name === "version") {
    console.log(version());
    return;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    const near = closestFlag(name, COMMANDS.map((c) => c.name));
    return fail(`unknown command ${JSON.stringify(name)}${near ? `; did you mean '${near}'?` : ""} (run 'taomath help')`, 2);
  }
  if (wantsHelp(rest)) {
    console.log(commandHelp(cmd));
    return;
  }
  try {
    await cmd.run(parseCommandArgs(cmd, rest));
  } catch (e) {
    if (e instanceof UsageError) return fail(e.message, 2);
    if (e instanceof TaomathError) return fail(`${e.message} [${e.code}]`, 1);
    if (process.env.TAOMATH_DEBUG) console.error(e);
    return fail(e instanceof Error ? e.message : String(e), 1);
  }
}

await main(process.argv.slice(2));
