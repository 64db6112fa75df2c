// The OpenAPI 3.1 document, generated from the routes' own declarations (v1Route) and zod schemas:
// there is no second, hand-written copy of the contract to drift from the code.
import { z } from "zod";
import { SCOPES } from "../api-keys/scopes";
import { errorBody } from "../api/envelope";
import { EVENT_CATALOG, EVENT_TYPES, eventEnvelope } from "../events/event-catalog";
import { SNAPSHOT_CATALOG, SNAPSHOT_TYPES, snapshotEnvelope } from "../webhooks/snapshot";
import { PARTNER_KEY_PATTERN } from "../partners/partners";
import { documentedStatuses, MAX_PATH_ID_LENGTH, type RouteDefinition, type V1Handler } from "../api/v1-route";

type Json = Record<string, unknown>;

const ERROR_TEXT: Record<number, string> = {
  400: "Invalid input (VALIDATION_ERROR with `details`, INVALID_JSON), or a POST without Idempotency-Key (IDEMPOTENCY_KEY_REQUIRED)",
  401: "Missing, invalid, revoked (KEY_REVOKED) or expired (KEY_EXPIRED) key; partner key missing where the property requires one (PARTNER_KEY_REQUIRED)",
  403: "The key lacks the scope (FORBIDDEN) or the property's plan has no API access (PLAN_REQUIRED)",
  404: "No such resource at the key's property",
  409: "Impossible state (INVALID_STATE), e.g. cancelling a checked-out stay or a double-booked room; or the same Idempotency-Key is still being processed (IDEMPOTENCY_KEY_IN_USE)",
  422: "This Idempotency-Key was used with a different request (IDEMPOTENCY_KEY_REUSED); or a webhook URL that may not be called (URL_NOT_ALLOWED, with `details`)",
  429: "Rate limited (RATE_LIMITED): wait Retry-After seconds. Limits are per key (default 5/s, bursts of 10, 10,000/day) and per partner",
  413: "Body over 1 MB (PAYLOAD_TOO_LARGE)",
  415: "Body is not JSON (UNSUPPORTED_MEDIA_TYPE)",
  500: "Our fault (INTERNAL_ERROR); quote the requestId",
  503: "Temporarily unavailable (SERVICE_UNAVAILABLE), e.g. while the database restarts: nothing was changed; retry after Retry-After seconds",
};

const INT32 = 2 ** 31;

/** Marks each integer `int32` when its bounds fit 32 bits, else `int64` (zod's default bounds are ±2^53). */
function withIntegerFormats(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(withIntegerFormats);
  if (typeof node !== "object" || node === null) return;
  const schema = node as Json & { type?: unknown; minimum?: number; maximum?: number };
  const types = Array.isArray(schema.type) ? (schema.type as unknown[]) : [schema.type];
  if (types.includes("integer") && schema.format === undefined) {
    const fits = schema.minimum !== undefined && schema.maximum !== undefined && schema.minimum >= -INT32 && schema.maximum < INT32;
    schema.format = fits ? "int32" : "int64";
  }
  for (const [key, value] of Object.entries(schema)) if (!["examples", "default", "const", "enum"].includes(key)) withIntegerFormats(value);
}

const RATE_LIMITED_BY =
  "the tightest of the key's limits (per key and per partner) once the key is known; the client address's failed-authentication limit on refusals of unknown keys";

/** The headers of our answers (lib/rate-limits/consume-rate-limit.ts `rateLimitHeaders`), defined once and referred to. */
const HEADERS: Record<string, Json> = {
  "X-Request-Id": {
    description: "This request's id (`req_` and 24 hex digits): quote it to support",
    schema: { type: "string", pattern: "^req_[0-9a-f]{24}$", maxLength: 28 },
  },
  "RateLimit-Policy": {
    description: `The limits applied (IETF draft RateLimit headers), for ${RATE_LIMITED_BY}: quota \`q\` per window \`w\` seconds`,
    schema: { type: "string", maxLength: 200, examples: ['"burst";q=10;w=2, "daily";q=10000;w=86400'] },
  },
  RateLimit: {
    description: "What is left (IETF draft RateLimit headers): `r` requests, full again in `t` seconds, per policy",
    schema: { type: "string", maxLength: 200, examples: ['"burst";r=9;t=1, "daily";r=9999;t=43200'] },
  },
  "X-RateLimit-Limit": {
    description: `The burst allowed by ${RATE_LIMITED_BY}`,
    schema: { type: "integer", format: "int32", minimum: 1, maximum: INT32 - 1 },
  },
  "X-RateLimit-Remaining": {
    description: "Requests left now (0 once the day's quota is spent)",
    schema: { type: "integer", format: "int32", minimum: 0, maximum: INT32 - 1 },
  },
  "X-RateLimit-Reset": {
    description: "Unix time, in seconds, when the limit is whole again (the next midnight UTC once the day's quota is spent)",
    schema: { type: "integer", format: "int64", minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
  },
  "Retry-After": {
    description: "Seconds to wait before retrying (at most a day: the daily quota starts over at midnight UTC)",
    schema: { type: "integer", format: "int32", minimum: 0, maximum: 86_400 },
  },
};

const headerRefs = (...names: string[]) => Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }]));
const RATE_LIMIT_HEADERS = ["RateLimit-Policy", "RateLimit", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"];

/** Every 2xx and 4xx answer carries the rate-limit headers; 429 and 503 say when to retry. */
function responseHeaders(status: number): Json {
  const names = ["X-Request-Id"];
  if (status < 500) names.push(...RATE_LIMIT_HEADERS);
  if (status === 429 || status === 503) names.push("Retry-After");
  return headerRefs(...names);
}

/** JSON Schema for a zod schema, with named schemas moved into `components`. */
function schemaOf(schema: z.ZodType, io: "input" | "output", components: Json): Json {
  const raw = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any", reused: "inline" }) as Json;
  withIntegerFormats(raw);
  const text = JSON.stringify(raw).replaceAll('"#/$defs/', '"#/components/schemas/');
  const { $schema: _schema, $defs, ...rest } = JSON.parse(text) as Json & { $defs?: Json };
  for (const [name, def] of Object.entries($defs ?? {})) components[name] = def;
  const id = (rest as { id?: string }).id;
  if (id) {
    delete (rest as { id?: string }).id;
    components[id] = rest;
    return { $ref: `#/components/schemas/${id}` };
  }
  return rest;
}

function operation(definition: RouteDefinition, components: Json): Json {
  const parameters: Json[] = [
    {
      name: "X-Api-Key",
      in: "header",
      required: false,
      description: "Your integration's partner key, where the property requires one",
      schema: { type: "string", pattern: PARTNER_KEY_PATTERN.source, maxLength: 35 },
    },
    {
      name: "traceparent",
      in: "header",
      required: false,
      description:
        "W3C Trace Context: kept in the request log, and passed on (as a child span) with every webhook POST this request causes. A malformed value is ignored.",
      schema: { type: "string", maxLength: 55, example: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" },
    },
  ];
  for (const header of definition.headers ?? [])
    parameters.push({
      name: header.name,
      in: "header",
      required: false,
      description: header.description,
      schema: { type: "string", maxLength: header.maxLength },
    });
  if (definition.method === "POST") {
    parameters.push({
      name: "Idempotency-Key",
      in: "header",
      required: true,
      description:
        "Unique per operation (e.g. a UUID). Retrying with the same key replays the first answer (Idempotent-Replayed: true) for 24 hours.",
      schema: { type: "string", minLength: 1, maxLength: 255 },
    });
  }
  for (const match of definition.path.matchAll(/\{(\w+)\}/g)) {
    // Ids are ours (cuid) and short; a longer one names nothing and answers 404.
    parameters.push({
      name: match[1],
      in: "path",
      required: true,
      schema: { type: "string", minLength: 1, maxLength: MAX_PATH_ID_LENGTH },
    });
  }
  if (definition.query) {
    const query = schemaOf(definition.query, "input", components) as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      const { description, ...rest } = schema as Json & { description?: string };
      parameters.push({
        name,
        in: "query",
        required: query.required?.includes(name) ?? false,
        schema: rest,
        ...(description ? { description } : {}),
      });
    }
  }
  const status = String(definition.status ?? 200);
  const responses: Json = {
    [status]: {
      description: "Success",
      headers: responseHeaders(Number(status)),
      content: { [definition.contentType ?? "application/json"]: { schema: schemaOf(definition.response, "output", components) } },
    },
  };
  for (const other of definition.otherStatuses ?? []) {
    responses[String(other.status)] = {
      description: other.description,
      headers: responseHeaders(other.status),
      content: { "application/json": { schema: schemaOf(definition.response, "output", components) } },
    };
  }
  for (const code of documentedStatuses(definition).filter((c) => c >= 400))
    responses[String(code)] = { $ref: `#/components/responses/E${code}` };
  const scope = SCOPES.find((s) => s.id === definition.scope);
  return {
    operationId: definition.operationId,
    summary: definition.summary,
    description: [definition.description, `Requires the scope \`${definition.scope}\`${scope ? ` (${scope.label})` : ""}.`]
      .filter(Boolean)
      .join("\n\n"),
    tags: [definition.tag],
    "x-required-scope": definition.scope,
    parameters,
    ...(definition.body
      ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(definition.body, "input", components) } } } }
      : {}),
    responses,
  };
}

const SIGNATURE_HEADERS = [
  {
    name: "webhook-id",
    in: "header",
    required: true,
    description: "The delivery's id (msg_…), the same on every attempt: deduplicate on it",
    schema: { type: "string", pattern: "^msg_[0-9a-f]{32}$", maxLength: 36 },
  },
  {
    name: "webhook-timestamp",
    in: "header",
    required: true,
    description: "Unix seconds when this attempt was sent; reject old ones (the libraries allow 5 minutes)",
    schema: { type: "string", pattern: "^[0-9]+$", maxLength: 20 },
  },
  {
    name: "webhook-signature",
    in: "header",
    required: true,
    description:
      "`v1,` + base64 HMAC-SHA256 of `id.timestamp.body` with the endpoint's secret; two, space-separated, while a rotated secret still signs",
    schema: { type: "string", pattern: "^v1,[A-Za-z0-9+/=]+( v1,[A-Za-z0-9+/=]+)*$", maxLength: 1000 },
  },
];

/** OpenAPI 3.1 `webhooks`: what we POST to an endpoint for each event type (Standard Webhooks). */
function webhookOperations(components: Json): Json {
  const events = [
    ...EVENT_TYPES.map((type) => ({ type, description: EVENT_CATALOG[type].description, body: eventEnvelope(type) })),
    ...SNAPSHOT_TYPES.map((type) => ({ type, description: SNAPSHOT_CATALOG[type].description, body: snapshotEnvelope(type) })),
  ];
  return Object.fromEntries(
    events.map(({ type, description, body }) => [
      type,
      {
        post: {
          operationId: `webhook.${type}`,
          summary: type,
          description: `${description}. Signed as Standard Webhooks: verify with \`new Webhook(secret).verify(rawBody, headers)\` from any Standard Webhooks or Svix library.`,
          tags: ["Webhooks"],
          security: [],
          parameters: SIGNATURE_HEADERS,
          requestBody: { required: true, content: { "application/json": { schema: schemaOf(body, "output", components) } } },
          responses: {
            "200": {
              description:
                "Received (any 2xx). Anything else is retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h; 429/503 with Retry-After wait at least that long.",
            },
            "410": { description: "Gone: the endpoint is disabled and receives nothing more." },
          },
        },
      },
    ]),
  );
}

export function buildOpenApiDocument(handlers: V1Handler[], serverUrl = "/api/v1"): Json {
  const components: Json = {};
  const paths: Record<string, Json> = {};
  for (const handler of handlers) {
    const definition = handler.definition;
    (paths[definition.path] ??= {})[definition.method.toLowerCase()] = operation(definition, components);
  }
  paths["/openapi.json"] = {
    get: {
      operationId: "getOpenApiDocument",
      summary: "This document",
      tags: ["Meta"],
      security: [],
      responses: {
        200: {
          description: "The OpenAPI 3.1 document",
          headers: {
            "Access-Control-Allow-Origin": {
              description: "Any site may read the document",
              schema: { type: "string", const: "*" },
            },
          },
          content: { "application/json": { schema: { type: "object" } } },
        },
      },
    },
  };
  schemaOf(errorBody, "output", components);
  const errorResponses = Object.fromEntries(
    Object.entries(ERROR_TEXT).map(([code, description]) => [
      `E${code}`,
      {
        description,
        headers: responseHeaders(Number(code)),
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      },
    ]),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "Property API",
      version: "1.0.0",
      description:
        "Read and write a property's data: reservations, guests and check-in, door access codes, conversations and staff.\n\n" +
        "Authenticate with `Authorization: Bearer pms_live_…` (or the `user-api-key` header). Test keys (`pms_test_…`) are for sandboxes. " +
        "Lists are cursor-paginated (`limit` 1–100, default 25; pass `nextCursor` back as `cursor`), newest first unless the operation says otherwise (rooms list by number). Money is integer minor units plus an ISO 4217 currency. " +
        "Every response carries `X-Request-Id`; every error body is `{status, code, message, requestId}`.",
    },
    // Public: the audience is every integrator (Spectral's OWASP inventory rule asks for it said).
    servers: [{ url: serverUrl, "x-internal": false }],
    security: [{ bearerAuth: [] }, { userApiKey: [] }],
    tags: [
      { name: "Property", description: "The property the key belongs to, and its organization" },
      { name: "Reservations", description: "Stays: create, change, cancel; their door access codes" },
      { name: "Rooms", description: "Rooms and their free nights" },
      { name: "Payments", description: "Payments of stays and their refunds, in minor units of the property's currency" },
      { name: "Guests", description: "Guest records, check-in and check-out" },
      { name: "Conversations", description: "Guest conversations and messages" },
      { name: "Users", description: "The property's staff" },
      { name: "Events", description: "Every event of the property in order, as webhooks deliver them, kept 30 days" },
      { name: "Webhooks", description: "Endpoints that receive the property's events, signed (Standard Webhooks), with their deliveries" },
      { name: "Meta", description: "About this API" },
    ],
    paths,
    webhooks: webhookOperations(components),
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "pms_live_… or pms_test_…",
          description: "An API key from Settings → API Access.",
        },
        userApiKey: {
          type: "apiKey",
          in: "header",
          name: "user-api-key",
          description: "The same key, for clients that cannot set Authorization.",
        },
      },
      schemas: components,
      responses: errorResponses,
      headers: HEADERS,
    },
  };
}
