// The methods a route does not serve, answered 405 with Allow (RFC 9110) instead of Next's bare 405 without
// one. A route file exports them in one line: `export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });`
// OPTIONS is ours too: Next's automatic one would list these refusing handlers in its Allow header.
// /api/v1 routes use lib/api/refuse-other-methods.ts instead: the same, answered and logged by the API.
import { methodNotAllowed } from "./refuse-unserved-method";

export const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type Method = (typeof METHODS)[number];
type Handler = (request: Request) => Promise<Response>;
export type Refused<Served> = Exclude<Method, keyof Served | ("GET" extends keyof Served ? "HEAD" : never)>;

/** A handler that refuses its method: recognisable, so the OpenAPI document and its test can leave it out. */
export type MethodRefusal = Handler & { refusesMethod: true };

export function isMethodRefusal(value: unknown): value is MethodRefusal {
  return typeof value === "function" && "refusesMethod" in value;
}

/** The JSON error under /api/, plain text elsewhere. */
const plainRefusal =
  (allow: string): Handler =>
  (request) =>
    Promise.resolve(methodNotAllowed(request.method, new URL(request.url).pathname, allow));

export function refuseOtherMethods<Served extends Partial<Record<Method, unknown>>>(
  served: Served,
  refusal: (allow: string) => Handler = plainRefusal,
): Record<Refused<Served>, Handler> {
  const names = Object.keys(served) as Method[];
  // HEAD is a GET without its body (Next answers it with the GET handler when there is one).
  const allowed = [...names, ...(names.includes("GET") ? (["HEAD"] as const) : []), "OPTIONS" as const];
  const allow = METHODS.filter((method) => allowed.includes(method)).join(", ");
  const refuse = Object.assign(refusal(allow), { refusesMethod: true as const });
  const options: Handler = () => Promise.resolve(new Response(null, { status: 204, headers: { Allow: allow } }));
  const handlers: Partial<Record<Method, Handler>> = {};
  for (const method of METHODS) {
    if (names.includes(method) || (method === "HEAD" && names.includes("GET"))) continue;
    handlers[method] = method === "OPTIONS" ? options : refuse;
  }
  return handlers as Record<Refused<Served>, Handler>;
}
