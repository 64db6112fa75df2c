// The one wrapper every /api/v1 route handler uses: request id, authentication, scope, the error
// mapper, and the X-Request-Id header on every response. Later steps (rate limit, idempotency,
// request log) are small functions composed here, not copies in each handler.
import { recordKeyUsage } from "../api-keys/record-key-usage";
import { hasScope, type Scope } from "../api-keys/scopes";
import type { VerifiedKey } from "../api-keys/verify-api-key";
import { AppError } from "../errors/app-error";
import { authenticate } from "./authenticate";
import { apiErrorResponse } from "./error-response";
import { newRequestId } from "./request-id";

export interface V1Context<P> {
  request: Request;
  requestId: string;
  key: VerifiedKey;
  property: VerifiedKey["property"];
  params: P;
}

type Handler<P> = (context: V1Context<P>) => Promise<Response | object> | Response | object;

const BASE_HEADERS = { "Cache-Control": "no-store" };

export function v1Route<P = Record<string, never>>(options: { scope: Scope }, handler: Handler<P>) {
  return async (request: Request, route?: { params: Promise<P> }): Promise<Response> => {
    const requestId = newRequestId();
    const headers = { ...BASE_HEADERS, "X-Request-Id": requestId };
    try {
      const key = await authenticate(request, (identified) => recordKeyUsage(identified.id));
      if (!hasScope(key.scopes, options.scope)) {
        throw new AppError("FORBIDDEN", `This API key lacks the scope ${options.scope}, which this endpoint requires.`);
      }
      const params = (route ? await route.params : {}) as P;
      const result = await handler({ request, requestId, key, property: key.property, params });
      const response = result instanceof Response ? result : Response.json(result, { status: 200 });
      for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
      return response;
    } catch (error) {
      return apiErrorResponse(error, requestId, headers);
    }
  };
}
