// The one wrapper every /api/v1 route handler uses. A route declares its contract (method, path,
// scope, query, body, response) and its handler; the wrapper composes the small steps around it:
// request id → authenticate (key, then partner) → rate limit → scope → Idempotency-Key (POST) →
// input parsing with the declared schemas → the handler (inside a rolled-back transaction for test
// keys) → `livemode` → the one error mapper → one request-log entry for every attributable request. The OpenAPI document is generated from the declarations.
import type { z } from "zod";
import { recordKeyUsage } from "../api-keys/record-key-usage";
import { hasScope, type Scope } from "../api-keys/scopes";
import type { VerifiedKey } from "../api-keys/verify-api-key";
import { dryRun, inOneTransaction } from "../db/client";
import { AppError } from "../errors/app-error";
import {
  claimIdempotencyKey,
  fingerprint,
  idempotencyTestHooks,
  keepsAnswer,
  recordIdempotentAnswer,
  settleIdempotencyKey,
} from "../idempotency/idempotency";
import type { VerifiedPartner } from "../partners/partners";
import { rateLimitHeaders, type Limit } from "../rate-limits/consume-rate-limit";
import { tokenLeases } from "../rate-limits/token-leases";
import { AuthenticationRefused, authenticate, identifyPartner, recogniseKey } from "./authenticate";
import { apiErrorResponse } from "../http/error-response";
import { queryOf } from "../http/query-of";
import { apiIssueMessage, apiQueryIssueMessage } from "./api-issue-message";
import { parseJsonBody, readBodyText } from "./read-json-body";
import { newRequestId } from "../http/request-id";
import { maskApiKey } from "../api-keys/key-format";
import { countUnattributedRequest, enqueueRequestLog } from "../request-logs/log-writer";
import { parseTraceparent, withRequestContext } from "./request-context";
import { redactBody, redactHeaders, redactQuery, redactText } from "../request-logs/redact";
import { clientSentHeaders } from "../http/client-headers";
import { clientIp } from "../http/client-ip";
import { UNSTORABLE_TEXT_MESSAGE, unstorableTextPath } from "../db/storable-text";
import { env } from "../env";
import { isStateRuleIssue } from "../openapi/input-hints";

type PathParams<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? { [K in Name | keyof PathParams<Rest>]: string }
  : Record<never, string>;

export interface RouteDefinition<
  Path extends string = string,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType = z.ZodType,
> {
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
  /** The success body, `listOf(item)` or `single(item)`: the handler must return it (less `livemode`). */
  response: R;
  /** The success status; a handler may answer another documented one with `reply(status, body)`. */
  status?: number;
  otherStatuses?: { status: number; description: string }[];
  /** Error statuses the operation can answer beyond those every operation can. */
  errors?: number[];
  /** Request headers the operation reads, for the OpenAPI document. */
  headers?: { name: string; description: string; maxLength: number }[];
  /** What a success is sent as: JSON (the default), or a stream of Server-Sent Events the handler returns as a Response. */
  contentType?: "application/json" | "text/event-stream";
}

/** Every status an operation can answer: what the OpenAPI document lists and the tests hold it to. */
export function documentedStatuses(definition: RouteDefinition): number[] {
  const always = [401, 403, 429, 500, 503];
  const input = definition.query || definition.body || definition.method === "POST" ? [400] : [];
  const post = definition.method === "POST" ? [409, 422] : [];
  const body = definition.body ? [413, 415] : [];
  const statuses = [
    definition.status ?? 200,
    ...(definition.otherStatuses ?? []).map((o) => o.status),
    ...always,
    ...input,
    ...post,
    ...body,
    ...(definition.errors ?? []),
  ];
  return [...new Set(statuses)].sort((a, b) => a - b);
}

type Output<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface V1Context<Path extends string, Q, B> {
  request: Request;
  requestId: string;
  key: VerifiedKey;
  partner: VerifiedPartner | null;
  property: VerifiedKey["property"];
  params: PathParams<Path>;
  query: Q;
  body: B;
}

/** The longest path id the OpenAPI document allows; ours are far shorter. */
export const MAX_PATH_ID_LENGTH = 200;

function refuseUnstorableText(input: { path: unknown; query: unknown; body: unknown }) {
  // An id the database cannot hold, or longer than any id we issue (the document says 200), names nothing;
  // a query or body field with such text is invalid.
  const ids = Object.values(input.path as Record<string, string>);
  if (unstorableTextPath(input.path) !== null || ids.some((id) => id.length > MAX_PATH_ID_LENGTH))
    throw new AppError("NOT_FOUND", "Not found.");
  const path = unstorableTextPath({ query: input.query, body: input.body });
  if (path !== null)
    throw new AppError("VALIDATION_ERROR", "The request is invalid: see details.", {
      [path.replace(/^(body|query)\.?/, "")]: [UNSTORABLE_TEXT_MESSAGE],
    });
}

/**
 * Parses input with a declared schema. A refusal by rules between fields alone (STATE_RULE refinements,
 * which the OpenAPI document cannot express and the operation's description states) is 409 INVALID_STATE;
 * any other refusal is the ZodError, a 400.
 */
function parseInput(schema: z.ZodType, input: unknown, where: "body" | "query"): unknown {
  // Worded for an integrator: the schemas are shared with the dashboard's forms, which word their own.
  const result = schema.safeParse(input, { error: where === "query" ? apiQueryIssueMessage : apiIssueMessage });
  if (result.success) return result.data;
  const { issues } = result.error;
  if (issues.every(isStateRuleIssue))
    throw new AppError(
      "INVALID_STATE",
      issues.map((issue) => issue.message).join("; "),
      Object.fromEntries(issues.map((issue) => [issue.path.join("."), [issue.message]])),
    );
  throw result.error;
}

/** What a handler returns: the declared response body, without the `livemode` the wrapper adds. */
export type ResponseBody<R extends z.ZodType> = Omit<z.input<R>, "livemode">;

/** A handler's answer with another documented status (`otherStatuses`), of the same documented shape. */
export class Reply<Body> {
  constructor(
    readonly status: number,
    readonly body: Body,
  ) {}
}
export const reply = <Body extends object>(status: number, body: Body) => new Reply(status, body);

export type V1Handler = ((request: Request, route?: { params: Promise<Record<string, string>> }) => Promise<Response>) & {
  definition: RouteDefinition;
};

/** Spends a token of each limit (from this process's leases); the headers of the tightest go on the answer, and a refusal is a 429. */
async function enforceRateLimits(limits: Limit[], headers: Record<string, string>): Promise<void> {
  const states = await tokenLeases().consume(limits);
  const refused = states.find((s) => !s.allowed);
  if (states[0]) Object.assign(headers, rateLimitHeaders(refused ?? states[0]));
  if (refused) {
    const who = refused.subject.startsWith("partner:") ? "this partner" : "this API key";
    throw new AppError(
      "RATE_LIMITED",
      `Rate limit of ${who} reached (${refused.limit.rate}/s, bursts of ${refused.limit.burst}, ${refused.limit.perDay.toLocaleString("en")}/day). Retry after ${refused.retryAfter} s.`,
    );
  }
}

function limitsFor(key: VerifiedKey, partner: VerifiedPartner | null): Limit[] {
  const limits: Limit[] = [
    {
      subject: `key:${key.id}`,
      rate: key.property.rateLimitPerSecond,
      burst: key.property.rateLimitBurst,
      perDay: key.property.rateLimitPerDay,
    },
  ];
  if (partner)
    limits.push({
      subject: `partner:${partner.id}`,
      rate: partner.rateLimitPerSecond,
      burst: partner.rateLimitBurst,
      perDay: partner.rateLimitPerDay,
    });
  return limits;
}

// Benchmark-only switch: a server started with PMS_BENCH=1 honours `X-Bench-Bypass: rate-limits,idempotency`,
// (and request-logs), so `npm run bench` can measure the same route with and without those steps in one
// run. Never set in production.
const BENCH_BYPASS_ENABLED = env().PMS_BENCH;
const bypassed = (request: Request, step: string) =>
  BENCH_BYPASS_ENABLED && (request.headers.get("x-bench-bypass") ?? "").split(",").includes(step);

function logRequest(entry: {
  request: Request;
  requestId: string;
  /** The operation's path template, null when no operation serves the request. */
  route: string | null;
  /** The request's W3C trace context, parsed (null when absent or malformed). */
  traceparent: string | null;
  started: number;
  key: VerifiedKey;
  partner: VerifiedPartner | null;
  bodyText: string;
  status: number;
  text: string;
  responseHeaders: Record<string, string>;
}) {
  const { request, key } = entry;
  const url = new URL(request.url);
  let errorCode: string | null = null;
  if (entry.status >= 400) {
    try {
      errorCode = (JSON.parse(entry.text) as { code?: string }).code ?? null;
    } catch {
      errorCode = null;
    }
  }
  enqueueRequestLog({
    id: entry.requestId,
    propertyId: key.property.id,
    createdAt: new Date().toISOString(),
    method: request.method,
    path: redactText(url.pathname),
    route: entry.route,
    traceparent: entry.traceparent,
    query: redactQuery(url),
    status: entry.status,
    durationMs: Math.round(performance.now() - entry.started),
    apiKeyId: key.id,
    keyPreview: maskApiKey(key.mode, key.last4),
    mode: key.mode,
    partnerId: entry.partner?.id ?? null,
    partnerName: entry.partner?.name ?? null,
    ip: clientIp(request),
    userAgent: redactText(request.headers.get("user-agent") ?? "") || null,
    // What the client sent: not the headers our proxy and Next add on the way in.
    requestHeaders: redactHeaders(clientSentHeaders(request.headers)),
    requestBody: redactBody(entry.bodyText),
    responseBody: redactBody(entry.text, "server"),
    errorCode,
    // Lower-cased and redacted like the request headers beside them (ours carry no secret today; none may later).
    responseHeaders: redactHeaders(new Headers(entry.responseHeaders)),
  });
}

export function v1Route<
  Path extends string,
  R extends z.ZodType,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  definition: RouteDefinition<Path, Q, B, R>,
  handler: (
    context: V1Context<Path, Output<Q>, Output<B>>,
  ) => Promise<ResponseBody<R> | Reply<ResponseBody<R>> | Response> | ResponseBody<R> | Reply<ResponseBody<R>> | Response,
): V1Handler {
  const run = async (request: Request, route?: { params: Promise<Record<string, string>> }): Promise<Response> => {
    const started = performance.now();
    const requestId = newRequestId();
    const traceparent = parseTraceparent(request.headers.get("traceparent"));
    const headers: Record<string, string> = { "Cache-Control": "no-store", "X-Request-Id": requestId };
    let identified: VerifiedKey | null = null;
    let partner: VerifiedPartner | null = null;
    let bodyText = "";
    let claimId: string | null = null;

    const finish = async (status: number, text: string, extra: Record<string, string> = {}): Promise<Response> => {
      if (claimId) await settleIdempotencyKey(claimId, status, text);
      const responseHeaders = { "Content-Type": "application/json", ...headers, ...extra };
      if (identified && !bypassed(request, "request-logs"))
        logRequest({
          request,
          requestId,
          route: definition.path,
          traceparent,
          started,
          key: identified,
          partner,
          bodyText,
          status,
          text,
          responseHeaders,
        });
      else countUnattributedRequest();
      return new Response(text, { status, headers: responseHeaders });
    };

    try {
      const key = await authenticate(request, (k) => {
        identified = k;
        recordKeyUsage(k.id);
      });
      partner = await identifyPartner(request, key);

      if (!bypassed(request, "rate-limits")) await enforceRateLimits(limitsFor(key, partner), headers);
      if (!hasScope(key.scopes, definition.scope)) {
        throw new AppError("FORBIDDEN", `This API key lacks the scope ${definition.scope}, which this endpoint requires.`);
      }

      bodyText = definition.method === "GET" ? "" : await readBodyText(request);
      if (definition.method === "POST" && !bypassed(request, "idempotency")) {
        const idempotencyKey = request.headers.get("idempotency-key")?.trim();
        if (!idempotencyKey || idempotencyKey.length > 255) {
          throw new AppError(
            "IDEMPOTENCY_KEY_REQUIRED",
            "POST requests need an Idempotency-Key header (1–255 characters), unique per operation, e.g. a UUID.",
          );
        }
        const url = new URL(request.url);
        const claim = await claimIdempotencyKey({
          apiKeyId: key.id,
          key: idempotencyKey,
          fingerprint: fingerprint("POST", url.pathname + url.search, bodyText),
        });
        if (claim.kind === "mismatch")
          throw new AppError(
            "IDEMPOTENCY_KEY_REUSED",
            "This Idempotency-Key was already used with a different request. Use a new key for a new operation.",
          );
        if (claim.kind === "in_use")
          throw new AppError("IDEMPOTENCY_KEY_IN_USE", "A request with this Idempotency-Key is still being processed. Retry later.");
        if (claim.kind === "replay") return await finish(claim.status, claim.body, { "Idempotent-Replayed": "true" });
        claimId = claim.id;
      }

      // Next resolves `params` to undefined on routes without dynamic segments.
      const params = ((route ? await route.params : undefined) ?? {}) as PathParams<Path>;
      const query = (definition.query ? parseInput(definition.query, queryOf(request), "query") : undefined) as Output<Q>;
      const body = (definition.body ? parseInput(definition.body, parseJsonBody(request, bodyText), "body") : undefined) as Output<B>;
      refuseUnstorableText({ path: params, query, body });
      const context = { request, requestId, key, partner, property: key.property, params, query, body };
      // What the handler's events remember: the key (echo suppression) and the client's trace context.
      const traced = { apiKeyId: key.id, scopes: key.scopes, traceparent };
      const invoke = () => withRequestContext(traced, () => handler(context));
      const answer = (result: ResponseBody<R> | Reply<ResponseBody<R>> | Response): [number, string] => {
        if (result instanceof Response) throw new Error(`${definition.operationId}: only a GET may answer with a stream`);
        const [status, payload] =
          result instanceof Reply ? [result.status, result.body as object] : [definition.status ?? 200, result as object];
        return [status, JSON.stringify({ ...payload, livemode: key.mode === "LIVE" })];
      };
      const writes = definition.method !== "GET";
      if (key.mode === "TEST" && writes) {
        // Test keys: the same validation and rules, against real data, and nothing kept.
        return await finish(...answer(await dryRun(async () => invoke())));
      }
      const claim = claimId;
      if (claim) {
        // The write and the answer kept for its Idempotency-Key commit together, so a retry after a
        // crash between commit and answer replays it instead of writing twice.
        const result = await inOneTransaction(
          async () => invoke(),
          async (value, tx) => {
            const [status, text] = answer(value);
            if (keepsAnswer(status)) await recordIdempotentAnswer(tx, claim, status, text);
          },
        );
        const [status, text] = answer(result);
        if (keepsAnswer(status)) claimId = null;
        await idempotencyTestHooks.afterCommit?.();
        return await finish(status, text);
      }
      const result = await invoke();
      if (result instanceof Response) {
        // A stream (Server-Sent Events): logged when it opens, with its headers and no body.
        const opened = await finish(result.status, "", {
          "Content-Type": result.headers.get("content-type") ?? "text/event-stream",
          "X-Accel-Buffering": "no",
        });
        return new Response(result.body, { status: result.status, headers: opened.headers });
      }
      return await finish(...answer(result));
    } catch (error) {
      if (error instanceof AuthenticationRefused) Object.assign(headers, error.headers);
      const response = apiErrorResponse(error, requestId, headers);
      const retryAfter = response.headers.get("retry-after");
      return finish(response.status, await response.text(), retryAfter ? { "Retry-After": retryAfter } : {});
    }
  };
  return Object.assign(run, { definition: definition as unknown as RouteDefinition });
}

/**
 * A handler for requests no operation serves (an unknown path, a method the route lacks): always the
 * error `refusal` names, in the one error body, but a recognised key's request is rate limited and
 * logged like any other, so it is neither free nor invisible.
 */
export function v1Fallback(refusal: (request: Request) => AppError, extraHeaders: Record<string, string> = {}) {
  return async (request: Request): Promise<Response> => {
    const started = performance.now();
    const requestId = newRequestId();
    const headers: Record<string, string> = { "Cache-Control": "no-store", "X-Request-Id": requestId, ...extraHeaders };
    let key: VerifiedKey | null = null;
    let response: Response;
    try {
      key = await recogniseKey(request);
      if (key) recordKeyUsage(key.id);
      if (key && !bypassed(request, "rate-limits")) await enforceRateLimits(limitsFor(key, null), headers);
      throw refusal(request);
    } catch (error) {
      response = apiErrorResponse(error, requestId, headers);
    }
    const text = await response.text();
    if (key && !bypassed(request, "request-logs"))
      logRequest({
        request,
        requestId,
        route: null,
        traceparent: parseTraceparent(request.headers.get("traceparent")),
        started,
        key,
        partner: null,
        bodyText: "",
        status: response.status,
        text,
        responseHeaders: Object.fromEntries(response.headers),
      });
    else countUnattributedRequest();
    return new Response(text, { status: response.status, headers: response.headers });
  };
}
