// HTTP plumbing of the taomath Worker: JSON responses, the error shape, and reading a JSON body
// under a stated size limit without trusting Content-Length.

import { readCappedBytes } from "taomath/chain";

/**
 * Request bodies larger than this get 413. A 4096-uid epoch with 64 validators weighting most miners
 * is ~4.5 MB of JSON (the shared n = 4096 vector is ~1 MB); 16 MiB leaves room for denser subnets
 * while the parsed body stays well inside a Worker's 128 MB.
 */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export const CORS_HEADERS: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, OPTIONS",
  "access-control-allow-headers": "content-type",
};

/** An error the API reports as JSON: {"error": {"code", "field", "message"}}. */
export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, readonly field: string | null, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

/** A JSON response whose body is exactly `text` (already serialised). */
export function jsonText(text: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { "content-type": "application/json; charset=utf-8", ...CORS_HEADERS, ...headers } });
}

export function json(value: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return jsonText(JSON.stringify(value), status, headers);
}

export function errorResponse(e: HttpError): Response {
  return json({ error: { code: e.code, field: e.field, message: e.message } }, e.status, e.headers);
}

/** application/json or any +json type; parameters such as charset are allowed (UTF-8 is still required). */
const JSON_MEDIA_TYPE = /^\s*application\/(?:[a-z0-9.+-]+\+)?json\s*(?:;.*)?$/i;

/**
 * Reads the body as JSON, failing with 415 when Content-Type names another media type, 413 past
 * MAX_BODY_BYTES and 400 on bad UTF-8 or JSON. A request without Content-Type is read as JSON.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type");
  if (type !== null && !JSON_MEDIA_TYPE.test(type)) {
    throw new HttpError(415, "unsupported_media_type", "content-type",
      `the body must be JSON (Content-Type: application/json), got ${JSON.stringify(type.slice(0, 80))}`);
  }
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > MAX_BODY_BYTES) throw tooLarge();
  if (request.body === null) throw new HttpError(400, "invalid_json", "body", "the request has no body; send the request as JSON");
  // chunked bodies have no Content-Length: reading stops as soon as the limit is passed
  const bytes = await readCappedBytes(request.body, MAX_BODY_BYTES, () => tooLarge());
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, "invalid_json", "body", "the body is not valid UTF-8");
  }
  if (text.trim() === "") throw new HttpError(400, "invalid_json", "body", "the body is empty; send the request as JSON");
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, "invalid_json", "body", `the body is not valid JSON (${(e as Error).message})`);
  }
}

function tooLarge(): HttpError {
  return new HttpError(413, "body_too_large", "body", `the body is larger than the limit of ${MAX_BODY_BYTES} bytes`);
}
