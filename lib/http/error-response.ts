// The one mapper from anything thrown in an /api/v1 handler to the one error body:
// {"status":"error","code":"…","message":"…","requestId":"req_…"} (+ "details" for validation).
import { ZodError } from "zod";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "../db/database-unavailable";
import { AppError } from "../errors/app-error";

export interface ApiErrorBody {
  status: "error";
  code: string;
  message: string;
  requestId: string;
  details?: { path: string; message: string }[];
}

export function apiErrorResponse(error: unknown, requestId: string, headers?: HeadersInit): Response {
  let status: number;
  let body: ApiErrorBody;
  if (error instanceof ZodError) {
    status = 400;
    // "path" is the dotted field path ("guest.email", "scopes.0"); "" for the body as a whole.
    const details = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    body = { status: "error", code: "VALIDATION_ERROR", message: "The request is invalid: see details.", requestId, details };
  } else if (error instanceof AppError) {
    status = error.status;
    body = { status: "error", code: error.code, message: error.message, requestId };
    if (error.fields)
      body.details = Object.entries(error.fields).flatMap(([path, messages]) => messages.map((message) => ({ path, message })));
  } else if (isDatabaseUnavailable(error)) {
    // An outage, not a bug: the client may retry, and nothing was done.
    console.error(`[${requestId}] database unavailable:`, error instanceof Error ? error.message : error);
    status = 503;
    body = {
      status: "error",
      code: "SERVICE_UNAVAILABLE",
      message: `The service is temporarily unavailable. Nothing was changed; retry after ${DATABASE_RETRY_AFTER_SECONDS} seconds.`,
      requestId,
    };
    const withRetry = new Headers(headers);
    withRetry.set("Retry-After", String(DATABASE_RETRY_AFTER_SECONDS));
    return Response.json(body, { status, headers: withRetry });
  } else {
    // A bug, not the client's fault: logged in full here, nothing of it leaks out.
    console.error(`[${requestId}] unhandled API error:`, error);
    status = 500;
    body = {
      status: "error",
      code: "INTERNAL_ERROR",
      message: "Something went wrong on our side. Try again; if it persists, contact support with the request id.",
      requestId,
    };
  }
  return Response.json(body, { status, headers });
}
