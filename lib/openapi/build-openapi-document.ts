// The OpenAPI 3.1 document, generated from the routes' own declarations (v1Route) and zod schemas:
// there is no second, hand-written copy of the contract to drift from the code.
import { z } from "zod";
import { SCOPES } from "../api-keys/scopes";
import { errorBody } from "../api/envelope";
import { EVENT_CATALOG, EVENT_TYPES, eventEnvelope } from "../events/event-catalog";
import { documentedStatuses, type RouteDefinition, type V1Handler } from "../api/v1-route";

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

/** JSON Schema for a zod schema, with named schemas moved into `components`. */
function schemaOf(schema: z.ZodType, io: "input" | "output", components: Json): Json {
  const raw = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any", reused: "inline" }) as Json;
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
      schema: { type: "string" },
    },
  ];
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
    parameters.push({ name: match[1], in: "path", required: true, schema: { type: "string" } });
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
    [status]: { description: "Success", content: { "application/json": { schema: schemaOf(definition.response, "output", components) } } },
  };
  for (const other of definition.otherStatuses ?? []) {
    responses[String(other.status)] = {
      description: other.description,
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
    schema: { type: "string" },
  },
  {
    name: "webhook-timestamp",
    in: "header",
    required: true,
    description: "Unix seconds when this attempt was sent; reject old ones (the libraries allow 5 minutes)",
    schema: { type: "string" },
  },
  {
    name: "webhook-signature",
    in: "header",
    required: true,
    description:
      "`v1,` + base64 HMAC-SHA256 of `id.timestamp.body` with the endpoint's secret; two, space-separated, while a rotated secret still signs",
    schema: { type: "string" },
  },
];

/** OpenAPI 3.1 `webhooks`: what we POST to an endpoint for each event type (Standard Webhooks). */
function webhookOperations(components: Json): Json {
  return Object.fromEntries(
    EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          operationId: `webhook.${type}`,
          summary: type,
          description: `${EVENT_CATALOG[type].description}. Signed as Standard Webhooks: verify with \`new Webhook(secret).verify(rawBody, headers)\` from any Standard Webhooks or Svix library.`,
          tags: ["Webhooks"],
          security: [],
          parameters: SIGNATURE_HEADERS,
          requestBody: { required: true, content: { "application/json": { schema: schemaOf(eventEnvelope(type), "output", components) } } },
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
      responses: { 200: { description: "The OpenAPI 3.1 document", content: { "application/json": { schema: { type: "object" } } } } },
    },
  };
  schemaOf(errorBody, "output", components);
  const errorResponses = Object.fromEntries(
    Object.entries(ERROR_TEXT).map(([code, description]) => [
      `E${code}`,
      {
        description,
        headers: { "X-Request-Id": { schema: { type: "string" } } },
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
        "Lists are cursor-paginated (`limit` 1–100, default 25; pass `nextCursor` back as `cursor`), newest first. Money is integer minor units plus an ISO 4217 currency. " +
        "Every response carries `X-Request-Id`; every error body is `{status, code, message, requestId}`.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }, { userApiKey: [] }],
    tags: [
      { name: "Property", description: "The property the key belongs to, and its organization" },
      { name: "Reservations", description: "Stays: create, change, cancel; their door access codes" },
      { name: "Guests", description: "Guest records, check-in and check-out" },
      { name: "Conversations", description: "Guest conversations and messages" },
      { name: "Users", description: "The property's staff" },
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
    },
  };
}
