// Any /api/v1 path without an endpoint: the API's JSON 404 (with a request id), not the site's HTML page.
import { apiErrorResponse } from "@/lib/http/error-response";
import { newRequestId } from "@/lib/http/request-id";
import { AppError } from "@/lib/errors/app-error";

function notFound(request: Request): Response {
  const requestId = newRequestId();
  const path = new URL(request.url).pathname;
  return apiErrorResponse(new AppError("NOT_FOUND", `No endpoint ${request.method} ${path}.`), requestId, { "X-Request-Id": requestId });
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
