// Canonical output bytes and their sha256: the fingerprint every host (Node, Chromium, workerd)
// computes for the same epoch, so they can be compared byte for byte.
// Canonical = JSON with object keys sorted at every depth, no whitespace, UTF-8.

/** JSON text with sorted keys; bigints as decimal strings (the vector encoding). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(v: unknown): unknown {
  if (typeof v === "bigint") return v.toString();
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** Lower-case hex sha256 of bytes or of a string's UTF-8, using the host's Web Crypto. */
export async function sha256Hex(data: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The bytes a host hashes for one epoch: canonical `{"outputs": ...}`. */
export function outputsBytes(outputs: unknown): string {
  return canonicalJson({ outputs });
}
