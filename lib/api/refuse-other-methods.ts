// The methods a /api/v1 route does not serve, answered by the API (405 METHOD_NOT_ALLOWED in the one
// error body, with Allow and X-Request-Id, logged when the key is recognised) instead of Next's bare 405.
// A route file exports them in one line: `export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET, POST });`
// OPTIONS is ours too: Next's automatic one would list these refusing handlers in its Allow header.
import { AppError } from "../errors/app-error";
import { v1Fallback } from "./v1-route";

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type Method = (typeof METHODS)[number];
type Handler = (request: Request) => Promise<Response>;
type Refused<Served> = Exclude<Method, keyof Served | ("GET" extends keyof Served ? "HEAD" : never)>;

/** A handler that refuses its method: recognisable, so the OpenAPI document and its test can leave it out. */
export type MethodRefusal = Handler & { refusesMethod: true };

export function isMethodRefusal(value: unknown): value is MethodRefusal {
  return typeof value === "function" && "refusesMethod" in value;
}

export function refuseOtherMethods<Served extends Partial<Record<Method, unknown>>>(served: Served): Record<Refused<Served>, Handler> {
  const names = Object.keys(served) as Method[];
  // HEAD is a GET without its body (Next answers it with the GET handler when there is one).
  const allowed = [...names, ...(names.includes("GET") ? (["HEAD"] as const) : []), "OPTIONS" as const];
  const allow = METHODS.filter((method) => allowed.includes(method)).join(", ");
  const refuse = Object.assign(
    v1Fallback(
      (request) =>
        new AppError("METHOD_NOT_ALLOWED", `${request.method} is not allowed on ${new URL(request.url).pathname}. Allowed: ${allow}.`),
      { Allow: allow },
    ),
    { refusesMethod: true as const },
  );
  const options: Handler = () => Promise.resolve(new Response(null, { status: 204, headers: { Allow: allow } }));
  const handlers: Partial<Record<Method, Handler>> = {};
  for (const method of METHODS) {
    if (names.includes(method) || (method === "HEAD" && names.includes("GET"))) continue;
    handlers[method] = method === "OPTIONS" ? options : refuse;
  }
  return handlers as Record<Refused<Served>, Handler>;
}
