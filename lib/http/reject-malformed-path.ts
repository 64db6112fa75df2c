// A path segment that is not valid percent-encoding ("%E0%A4%A", "%ff%fe") makes Next fail to decode
// the route's params before any route code runs, with a plain-text 500: proxy.ts answers 400 first.
import { AppError } from "../errors/app-error";
import { apiErrorResponse } from "./error-response";
import { newRequestId } from "./request-id";

export function hasMalformedSegment(pathname: string): boolean {
  return pathname.split("/").some((segment) => {
    try {
      decodeURIComponent(segment);
      return false;
    } catch {
      return true;
    }
  });
}

const MESSAGE = "The URL path is not valid percent-encoding (UTF-8).";

/** A 400 for a path no route can decode: the API's JSON error under /api/, plain text for pages; null when the path is fine. */
export function rejectMalformedPath(pathname: string): Response | null {
  if (!hasMalformedSegment(pathname)) return null;
  if (pathname === "/api" || pathname.startsWith("/api/")) {
    const requestId = newRequestId();
    return apiErrorResponse(new AppError("VALIDATION_ERROR", MESSAGE), requestId, {
      "Cache-Control": "no-store",
      "X-Request-Id": requestId,
    });
  }
  return new Response(MESSAGE, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
