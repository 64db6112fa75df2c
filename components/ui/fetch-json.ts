/**
 * The dashboard's one way to read its JSON routes: a failure throws a `RequestFailed` carrying the
 * server's stable code, its message and the request id, so what the manager reads is what the server
 * said ("This key was revoked"), never "Error 500" or a swallowed rejection.
 */
export class RequestFailed extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly requestId: string | null,
  ) {
    super(message);
    this.name = "RequestFailed";
  }
}

interface ErrorBody {
  code?: unknown;
  message?: unknown;
  requestId?: unknown;
}

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store", ...init });
  } catch {
    throw new RequestFailed("Could not reach the server. Check the connection and try again.", 0, "NETWORK_ERROR", null);
  }
  if (response.ok) return (await response.json()) as T;
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // Not our JSON (a proxy's HTML page, an empty 502): the status is all there is.
  }
  const requestId = typeof body.requestId === "string" ? body.requestId : response.headers.get("x-request-id");
  const message = typeof body.message === "string" ? body.message : `The server answered ${response.status}. Try again in a moment.`;
  throw new RequestFailed(message, response.status, typeof body.code === "string" ? body.code : "HTTP_" + response.status, requestId);
}

/** "message (request id req_…)", for an error line a manager can quote to support. */
export function describeFailure(error: unknown): string {
  if (error instanceof RequestFailed) return error.requestId ? `${error.message} (request id ${error.requestId})` : error.message;
  return error instanceof Error ? error.message : "Something went wrong.";
}
