// Calls a route handler the way Next.js does, with a real Request, and reads the JSON it answers.
// Every answer of a documented /api/v1 route is checked against its documented contract: the status
// must be one the OpenAPI document lists, and the body must match the documented schema.
import { errorBody } from "../lib/api/envelope";
import { documentedStatuses, type RouteDefinition } from "../lib/api/v1-route";

function assertDocumented(definition: RouteDefinition, status: number, body: unknown) {
  const where = `${definition.method} ${definition.path} answered ${status}`;
  if (!documentedStatuses(definition).includes(status)) throw new Error(`${where}, a status its OpenAPI operation does not document`);
  const result = (status < 400 ? definition.response : errorBody).safeParse(body);
  if (!result.success)
    throw new Error(`${where} with a body that does not match the documented schema: ${JSON.stringify(result.error.issues).slice(0, 800)}`);
}
// Route params are typed per route; the test client passes whatever the test names.
export type RouteHandler = (request: Request, context: { params: Promise<never> }) => Promise<Response> | Response;

export async function call(
  handler: RouteHandler,
  options: {
    path?: string;
    method?: string;
    key?: string;
    headers?: Record<string, string>;
    params?: Record<string, string>;
    body?: unknown;
    idempotencyKey?: string | null;
  } = {},
) {
  const headers = new Headers(options.headers);
  // POSTs carry a fresh Idempotency-Key unless the test names one, or none (null).
  if ((options.method ?? "GET") === "POST" && options.idempotencyKey !== null)
    headers.set("idempotency-key", options.idempotencyKey ?? crypto.randomUUID());
  if (options.key) headers.set("authorization", `Bearer ${options.key}`);
  if (options.body !== undefined) headers.set("content-type", "application/json");
  const request = new Request(`http://localhost${options.path ?? "/api/v1/test"}`, {
    method: options.method ?? "GET",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  // As Next does: a route without dynamic segments gets params that resolve to undefined.
  const response = await handler(request, { params: Promise.resolve(options.params) as Promise<never> });
  if (response.ok && response.headers.get("content-type")?.startsWith("text/event-stream")) {
    // A stream runs until its client leaves: this client leaves at once (stream tests read it over HTTP).
    await response.body?.cancel();
    const definition = (handler as { definition?: RouteDefinition }).definition;
    if (definition && !documentedStatuses(definition).includes(response.status))
      throw new Error(`${definition.path}: undocumented ${response.status}`);
    return { status: response.status, headers: response.headers, text: "", body: null };
  }
  const text = await response.text();
  const definition = (handler as { definition?: RouteDefinition }).definition;
  if (definition) assertDocumented(definition, response.status, text ? (JSON.parse(text) as unknown) : null);
  return { status: response.status, headers: response.headers, text, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}
