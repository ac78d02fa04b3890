// taomath HTTP API as a Cloudflare Worker. Routing and the error contract live here:
//   400 {"error": {"code", "field", "message"}} for input the chain would not accept (field named),
//   413 for bodies over MAX_BODY_BYTES, 404/405 for unknown paths/methods, 500 for bugs.
// No request can leave state behind for the next one: see engine.ts.

import { TaomathError } from "taomath";
import { CORS_HEADERS, HttpError, errorResponse } from "./http.js";
import { routes } from "./routes.js";
import { settle } from "./engine.js";

export async function handle(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (request.method === "OPTIONS") return new Response(null, { status: 204, headers: CORS_HEADERS });
  const forPath = routes.filter((r) => r.path === url.pathname);
  if (forPath.length === 0) return errorResponse(new HttpError(404, "not_found", null, `no endpoint ${url.pathname}; GET /v1 lists them`));
  const route = forPath.find((r) => r.method === request.method);
  if (!route) {
    const allow = forPath.map((r) => r.method).join(", ");
    return errorResponse(new HttpError(405, "method_not_allowed", null, `${url.pathname} accepts ${allow}`, { allow }));
  }
  let unexpected = false;
  try {
    return await route.handler(request, url);
  } catch (e) {
    if (e instanceof HttpError) return errorResponse(e);
    if (e instanceof TaomathError && e.code !== "internal") return errorResponse(new HttpError(400, e.code, e.field, e.message));
    unexpected = true;
    const message = e instanceof Error ? e.message : String(e);
    return errorResponse(new HttpError(500, "internal", e instanceof TaomathError ? e.field : null, `internal error: ${message}`));
  } finally {
    settle(unexpected);
  }
}

export default {
  fetch(request: Request): Promise<Response> {
    return handle(request);
  },
};
