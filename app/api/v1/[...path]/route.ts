// Any /api/v1 path without an endpoint: the API's JSON 404 (with a request id), not the site's HTML page,
// logged when the request's key is recognised.
import { v1Fallback } from "@/lib/api/v1-route";
import { AppError } from "@/lib/errors/app-error";

const notFound = v1Fallback((request) => new AppError("NOT_FOUND", `No endpoint ${request.method} ${new URL(request.url).pathname}.`));

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
