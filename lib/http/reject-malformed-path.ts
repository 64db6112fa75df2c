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

/** A page path with a NUL character: the database cannot hold one, so no page can be found by it. */
export function hasNulSegment(pathname: string): boolean {
  return !hasMalformedSegment(pathname) && pathname.split("/").some((segment) => decodeURIComponent(segment).includes("\u0000"));
}

const MESSAGE = "The URL path is not valid percent-encoding (UTF-8).";

/** A 400 for a path no route can decode: the API's JSON error under /api/, plain text for pages; null when the path is fine. */
export function rejectMalformedPath(pathname: string): Response | null {
  const api = pathname === "/api" || pathname.startsWith("/api/");
  // The API answers a NUL in an id as the 404 it is (its routes check ids); a page would reach the database with it.
  if (!api && hasNulSegment(pathname)) {
    return new Response("The URL path contains a NUL character.", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  if (!hasMalformedSegment(pathname)) return null;
  if (api) {
    const requestId = newRequestId();
    return apiErrorResponse(new AppError("VALIDATION_ERROR", MESSAGE), requestId, {
      "Cache-Control": "no-store",
      "X-Request-Id": requestId,
    });
  }
  return new Response(MESSAGE, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
