// How the dashboard writes numbers: rao as TAO (or α) exactly, with thousands separators and no
// trailing zeros; big integers grouped; axis ticks short (1k, 250k, 1.5M). Pure functions, also used
// by the browser tests to state what the page must show.

/** "1234567" -> "1,234,567" (a decimal integer string, optionally signed). */
export function groupDigits(int: string): string {
  const neg = int.startsWith("-");
  const digits = neg ? int.slice(1) : int;
  return (neg ? "-" : "") + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** rao (u64 decimal string or bigint) as TAO/α: exact, grouped, trailing zeros dropped ("15,750,000", "0.25"). */
export function taoText(rao: string | bigint): string {
  const v = BigInt(rao);
  const neg = v < 0n;
  const a = neg ? -v : v;
  const frac = (a % 1_000_000_000n).toString().padStart(9, "0").replace(/0+$/, "");
  return `${neg ? "-" : ""}${groupDigits((a / 1_000_000_000n).toString())}${frac ? `.${frac}` : ""}`;
}

/** A short axis label: 950 -> "950", 1500 -> "1.5k", 250000 -> "250k", 2e6 -> "2M", 0.05 -> "0.05". */
export function compactNumber(x: number): string {
  const abs = Math.abs(x);
  const trim = (v: number) => String(Number(v.toPrecision(3)));
  if (abs >= 1e9) return `${trim(x / 1e9)}B`;
  if (abs >= 1e6) return `${trim(x / 1e6)}M`;
  if (abs >= 1e3) return `${trim(x / 1e3)}k`;
  return trim(x);
}

/** The first and last characters of an SS58 address or hex key ("5Grwva…utQY"). */
export function shortKey(key: string): string {
  return key.length <= 14 ? key : `${key.slice(0, 6)}…${key.slice(-4)}`;
}
