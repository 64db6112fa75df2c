// The one wrapper every /api/v1 route handler uses. A route declares its contract (method, path,
// scope, query, body, response) and its handler; the wrapper does the rest: request id,
// authentication, scope, input parsing with the declared schemas, the one error mapper, the
// X-Request-Id header. The OpenAPI document is generated from the same declarations.
import type { z } from "zod";
import { recordKeyUsage } from "../api-keys/record-key-usage";
import { hasScope, type Scope } from "../api-keys/scopes";
import type { VerifiedKey } from "../api-keys/verify-api-key";
import { AppError } from "../errors/app-error";
import { authenticate } from "./authenticate";
import { apiErrorResponse } from "./error-response";
import { queryOf } from "./pagination";
import { readJsonBody } from "./read-json-body";
import { newRequestId } from "./request-id";

type PathParams<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? { [K in Name | keyof PathParams<Rest>]: string } : Record<never, string>;

export interface RouteDefinition<Path extends string = string, Q extends z.ZodType | undefined = z.ZodType | undefined, B extends z.ZodType | undefined = z.ZodType | undefined> {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** The path below /api/v1, in OpenAPI form: "/reservations/{id}". */
  path: Path;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  scope: Scope;
  query?: Q;
  body?: B;
  response: z.ZodType;
  /** The success status; a handler may answer another documented one by returning a Response. */
  status?: number;
  otherStatuses?: { status: number; description: string }[];
  /** Error statuses the operation can answer beyond 400/401/403/500. */
  errors?: number[];
}

type Output<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface V1Context<Path extends string, Q, B> {
  request: Request;
  requestId: string;
  key: VerifiedKey;
  property: VerifiedKey["property"];
  params: PathParams<Path>;
  query: Q;
  body: B;
}

export type V1Handler = ((request: Request, route?: { params: Promise<Record<string, string>> }) => Promise<Response>) & { definition: RouteDefinition };

const BASE_HEADERS = { "Cache-Control": "no-store" };

export function v1Route<Path extends string, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  definition: RouteDefinition<Path, Q, B>,
  handler: (context: V1Context<Path, Output<Q>, Output<B>>) => Promise<Response | object> | Response | object,
): V1Handler {
  const run = async (request: Request, route?: { params: Promise<Record<string, string>> }): Promise<Response> => {
    const requestId = newRequestId();
    const headers = { ...BASE_HEADERS, "X-Request-Id": requestId };
    try {
      const key = await authenticate(request, (identified) => recordKeyUsage(identified.id));
      if (!hasScope(key.scopes, definition.scope)) {
        throw new AppError("FORBIDDEN", `This API key lacks the scope ${definition.scope}, which this endpoint requires.`);
      }
      const params = (route ? await route.params : {}) as PathParams<Path>;
      const query = (definition.query ? definition.query.parse(queryOf(request)) : undefined) as Output<Q>;
      const body = (definition.body ? definition.body.parse(await readJsonBody(request)) : undefined) as Output<B>;
      const result = await handler({ request, requestId, key, property: key.property, params, query, body });
      const response = result instanceof Response ? result : Response.json(result, { status: definition.status ?? 200 });
      for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
      return response;
    } catch (error) {
      return apiErrorResponse(error, requestId, headers);
    }
  };
  return Object.assign(run, { definition: definition as RouteDefinition });
}
