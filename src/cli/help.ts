// Help text built from what each command declares: usage, what it does, its flags, an example.

import type { Command } from "./command.js";

export function commandHelp(cmd: Command): string {
  const lines = [`taomath ${cmd.name}: ${cmd.summary}`, "", "usage:"];
  for (const u of cmd.usage) lines.push(`  taomath ${u}`);
  if (cmd.description) lines.push("", ...wrap(cmd.description, 98).map((l) => `  ${l}`));
  const flags = Object.entries(cmd.flags);
  lines.push("", "flags:");
  const left = (k: string, v: { value?: string; short?: string }) => `${v.short ? `-${v.short}, ` : ""}--${k}${v.value ? ` ${v.value}` : ""}`;
  const width = Math.max(12, ...flags.map(([k, f]) => left(k, f).length)) + 2;
  for (const [k, f] of flags) {
    const text = wrap(f.help + (f.multiple ? " (repeatable)" : ""), 96 - width);
    lines.push(`  ${left(k, f).padEnd(width)}${text[0]}`);
    for (const t of text.slice(1)) lines.push(`  ${"".padEnd(width)}${t}`);
  }
  lines.push(`  ${"-h, --help".padEnd(width)}this text`);
  lines.push("", cmd.examples.length > 1 ? "examples:" : "example:");
  for (const e of cmd.examples) lines.push(`  ${e}`);
  return lines.join("\n");
}

export function overview(commands: readonly Command[], version: string): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    `taomath ${version}: Bittensor consensus and token math, bit-exact with the chain`,
    "",
    "usage: taomath <command> [flags]      taomath <command> --help for its flags and an example",
    "",
    "commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    `  ${"help".padEnd(width)}this text (taomath help <command> = taomath <command> --help)`,
    "",
    "Amounts are typed in TAO (or alpha) decimals, e.g. 12.5; append rao for rao (1250rao) or pass --rao.",
    "Errors print one line: exit 1 for bad data or a chain refusal, exit 2 for a mistyped command.",
  ].join("\n");
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) { out.push(line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out.length ? out : [""];
}
