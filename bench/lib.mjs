// Shared timing helpers for npm run bench: medians after warm-up, never assertions.

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median milliseconds of fn over `runs` runs after `warmup` runs. */
export function timeMs(fn, { runs = 21, warmup = 3 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const t = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

export function table(title, rows) {
  console.log(`\n## ${title}`);
  const keys = Object.keys(rows[0] ?? {});
  const w = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
  console.log("| " + keys.map((k, i) => k.padEnd(w[i])).join(" | ") + " |");
  console.log("|" + w.map((x) => "-".repeat(x + 2)).join("|") + "|");
  for (const r of rows) console.log("| " + keys.map((k, i) => String(r[k]).padEnd(w[i])).join(" | ") + " |");
}
