// Calls a route handler the way Next.js does, with a real Request, and reads the JSON it answers.
// Route params are typed per route; the test client passes whatever the test names.
export type RouteHandler = (request: Request, context: { params: Promise<never> }) => Promise<Response> | Response;

export async function call(
  handler: RouteHandler,
  options: { path?: string; method?: string; key?: string; headers?: Record<string, string>; params?: Record<string, string>; body?: unknown } = {},
) {
  const headers = new Headers(options.headers);
  if (options.key) headers.set("authorization", `Bearer ${options.key}`);
  if (options.body !== undefined) headers.set("content-type", "application/json");
  const request = new Request(`http://localhost${options.path ?? "/api/v1/test"}`, {
    method: options.method ?? "GET",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) as Promise<never> });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}
