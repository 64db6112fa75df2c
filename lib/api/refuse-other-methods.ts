// The methods a /api/v1 route does not serve, answered by the API (405 METHOD_NOT_ALLOWED in the one
// error body, with Allow and X-Request-Id, logged when the key is recognised) instead of Next's bare 405.
// A route file exports them in one line: `export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET, POST });`
import { AppError } from "../errors/app-error";
import { refuseOtherMethods as refuseOtherRouteMethods, type Method } from "../http/refuse-other-methods";
import { v1Fallback } from "./v1-route";

export { isMethodRefusal, type MethodRefusal } from "../http/refuse-other-methods";

export function refuseOtherMethods<Served extends Partial<Record<Method, unknown>>>(served: Served) {
  return refuseOtherRouteMethods(served, (allow) =>
    v1Fallback(
      (request) =>
        new AppError("METHOD_NOT_ALLOWED", `${request.method} is not allowed on ${new URL(request.url).pathname}. Allowed: ${allow}.`),
      { Allow: allow },
    ),
  );
}
