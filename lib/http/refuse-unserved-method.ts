// A method no route or page serves gets 405 with the Allow header of what does answer that path, before
// Next runs: Next answers a route handler an unknown method with a bare 400 and may fail on a page.
// WebDAV's PROPFIND and the like arrive here; TRACE, TRACK and CONNECT never reach proxy.ts (a fetch
// Request cannot carry them), so lib/http/refuse-trace-methods.ts answers those at the HTTP server.
import { AppError } from "../errors/app-error";
import { apiErrorResponse } from "./error-response";
import { newRequestId } from "./request-id";
import { allowedMethods } from "./route-methods";

/** The methods Next dispatches to route handlers and pages. */
const SERVED = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** The 405 for a method nothing serves: the API's JSON error under /api/, plain text elsewhere. */
export function methodNotAllowed(method: string, pathname: string, allow = allowedMethods(pathname)): Response {
  const message = `${method.slice(0, 20)} is not allowed on ${pathname.slice(0, 200)}. Allowed: ${allow}.`;
  if (pathname === "/api" || pathname.startsWith("/api/")) {
    const requestId = newRequestId();
    return apiErrorResponse(new AppError("METHOD_NOT_ALLOWED", message), requestId, {
      Allow: allow,
      "Cache-Control": "no-store",
      "X-Request-Id": requestId,
    });
  }
  return new Response(message, { status: 405, headers: { Allow: allow, "Content-Type": "text/plain; charset=utf-8" } });
}

/** The 405 for a method outside those Next serves, or null when Next's routes decide. */
export function refuseUnservedMethod(method: string, pathname: string): Response | null {
  return SERVED.has(method.toUpperCase()) ? null : methodNotAllowed(method, pathname);
}
