// Any other /api path without a route (a typo under /api/dashboard, an old path): the JSON 404 every API
// client can read, rather than the dashboard's catch-all page and its redirect to sign in.
import { AppError } from "@/lib/errors/app-error";
import { apiErrorResponse } from "@/lib/http/error-response";
import { newRequestId } from "@/lib/http/request-id";

function notFound(request: Request): Response {
  const requestId = newRequestId();
  return apiErrorResponse(new AppError("NOT_FOUND", `No endpoint ${request.method} ${new URL(request.url).pathname}.`), requestId, {
    "Cache-Control": "no-store",
    "X-Request-Id": requestId,
  });
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
