// The calling thread's own CPU time (not the process's: V8's GC and compiler threads, and the
// other threads of a sweep, are left out), for reporting what each sweep thread was busy with.

import { readFileSync } from "node:fs";

/** This thread's CPU time in ms (Linux: /proc/thread-self/stat, utime + stime), or null where unknown. */
export function threadCpuMs(): number | null {
  try {
    const stat = readFileSync("/proc/thread-self/stat", "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // fields 14 and 15, in USER_HZ (100 on Linux)
  } catch {
    return null;
  }
}
