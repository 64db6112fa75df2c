// What an integrator's generated client or an outside fuzzer does with our OpenAPI document: for every
// operation with a request body or query parameters, generate inputs the document calls valid (with
// json-schema-faker, seeded so a failure reproduces), hold each to the document with a strict JSON
// Schema validator (ajv, draft 2020-12, with formats), send it through the real route handler against
// a real database, and count the answers that refuse it as invalid input: 400 VALIDATION_ERROR or
// INVALID_JSON, or any 422. There must be none: what the document allows, the server accepts.
//
// Values a schema cannot know are filled in from the fixture, as an integrator would: path ids and the
// body ids the operation descriptions say must name the property's rows (`guestId`, `roomId`,
// `reservationId`, `roomNumber`), the property's currency (the descriptions say it must be the
// property's), and no `cursor`/`after`: opaque tokens the server issued, which a made-up value cannot be
// (it is refused with 400; the document does not say so yet). Everything else is the generator's. Any non-validation refusal (404
// for a `pmsGuestId` that names nothing, 409 INVALID_STATE for a rule the descriptions state, such as a
// room that is already booked) counts as accepted input.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { generate } from "json-schema-faker";
import { describe, expect, it } from "vitest";
import { V1_HANDLERS } from "../../app/api/v1/openapi.json/v1-handlers";
import * as reservationPaymentsRoute from "../../app/api/v1/reservations/[id]/payments/route";
import * as webhookEndpointsRoute from "../../app/api/v1/webhook-endpoints/route";
import * as conversationsRoute from "../../app/api/v1/conversations/route";
import type { V1Handler } from "../../lib/api/v1-route";
import { buildOpenApiDocument } from "../../lib/openapi/build-openapi-document";
import { bookStay, propertyWithKey } from "../api-fixtures";
import { call } from "../api-client";

const INPUTS_PER_OPERATION = 30;
const SEED = 20261123;

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema: Json;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: { "application/json": { schema: Json } } };
}

/** A schema of the document made standalone: its component references point into its own `$defs`. */
function standalone(schema: Json, components: Json): Json {
  return { ...(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', '"#/$defs/')) as Json), $defs: components };
}

/** The query parameters of an operation as one object schema, so one generated object is one query string. */
function querySchema(parameters: Parameter[]): Json | null {
  const query = parameters.filter((p) => p.in === "query");
  if (query.length === 0) return null;
  return {
    type: "object",
    properties: Object.fromEntries(query.map((p) => [p.name, p.schema])),
    required: query.filter((p) => p.required).map((p) => p.name),
    additionalProperties: false,
  };
}

const isRefusedAsInvalid = (status: number, code: unknown) =>
  status === 422 || (status === 400 && (code === "VALIDATION_ERROR" || code === "INVALID_JSON"));

describe("inputs generated from the OpenAPI document", () => {
  it(`are accepted: ${INPUTS_PER_OPERATION} per operation with a body or query, none refused as invalid`, async () => {
    const fixture = await propertyWithKey(["full_access:write"], 4);
    const { key, rooms } = fixture;
    const stay = await bookStay(key, rooms[0]!.id);
    const payment = await call(reservationPaymentsRoute.POST, {
      method: "POST",
      path: `/api/v1/reservations/${stay.id}/payments`,
      key,
      params: { id: stay.id },
      body: { amount: 10_000, currency: "EUR", method: "card" },
    });
    const conversation = await call(conversationsRoute.POST, {
      method: "POST",
      path: "/api/v1/conversations",
      key,
      body: { guestId: stay.guestId, channel: "EMAIL", reservationId: stay.id },
    });
    const endpoint = await call(webhookEndpointsRoute.POST, {
      method: "POST",
      path: "/api/v1/webhook-endpoints",
      key,
      body: { url: "https://hooks.example/in", eventTypes: ["*"] },
    });
    const idOf = (answer: { body: Record<string, unknown> | null }) => (answer.body as { data: { id: string } }).data.id;
    const pathIds: [string, string][] = [
      ["/reservations/", stay.id],
      ["/payments/", idOf(payment)],
      ["/guests/", stay.guestId],
      ["/conversations/", idOf(conversation)],
      ["/webhook-endpoints/", idOf(endpoint)],
    ];

    const document = buildOpenApiDocument(V1_HANDLERS) as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Json };
    };
    const components = document.components.schemas;
    const ajv = new Ajv2020({ strict: true, allErrors: true, strictTypes: false, strictRequired: false });
    addFormats(ajv);
    // OpenAPI's own keywords, which carry no constraint.
    ajv.addKeyword("example");

    let random = SEED;
    const roomAt = () => rooms[(random = (random * 1_103_515_245 + 12_345) % 2 ** 31) % rooms.length]!;
    /** Fills in what only the fixture knows (see the top of this file); returns the same object. */
    const withFixtureValues = (value: Json, where: "body" | "query") => {
      const room = roomAt();
      if ("guestId" in value) value.guestId = stay.guestId;
      if ("roomId" in value) value.roomId = room.id;
      if ("roomNumber" in value) value.roomNumber = room.number;
      if ("reservationId" in value) value.reservationId = stay.id;
      if (where === "body" && "currency" in value) value.currency = fixture.property.currency;
      if (where === "query") {
        delete value.cursor;
        delete value.after;
      }
      return value;
    };

    const refusals: string[] = [];
    let sent = 0;
    const handlers = V1_HANDLERS as V1Handler[];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const bodySchema = operation.requestBody?.content["application/json"].schema;
        const query = querySchema(operation.parameters ?? []);
        if (!bodySchema && !query) continue;
        const handler = handlers.find((h) => h.definition.operationId === operation.operationId)!;
        const body = bodySchema && standalone(bodySchema, components);
        const queryStandalone = query && standalone(query, components);
        const validBody = body && ajv.compile(body);
        const validQuery = queryStandalone && ajv.compile(queryStandalone);
        const id = pathIds.find(([prefix]) => path.startsWith(prefix))?.[1] ?? "";
        const realPath = path.replace(/\{\w+\}/g, id);

        for (let i = 0; i < INPUTS_PER_OPERATION; i++) {
          const seed = SEED + i;
          const bodyValue = body && withFixtureValues((await generate(body, { seed })) as Json, "body");
          const queryValue = queryStandalone && withFixtureValues((await generate(queryStandalone, { seed })) as Json, "query");
          // The generator is held to the document too: every input sent must be one the document calls valid.
          for (const [valid, value] of [
            [validBody, bodyValue],
            [validQuery, queryValue],
          ] as const)
            if (valid && !valid(value))
              throw new Error(`${operation.operationId} seed ${seed}: generated ${JSON.stringify(value)}: ${ajv.errorsText(valid.errors)}`);

          const search = new URLSearchParams(Object.entries(queryValue ?? {}).map(([k, v]) => [k, String(v)])).toString();
          const headers = new Headers({ authorization: `Bearer ${key}` });
          if (method === "post") headers.set("idempotency-key", crypto.randomUUID());
          if (bodyValue) headers.set("content-type", "application/json");
          const response = await handler(
            new Request(`http://localhost/api/v1${realPath}${search ? `?${search}` : ""}`, {
              method: method.toUpperCase(),
              headers,
              body: bodyValue ? JSON.stringify(bodyValue) : undefined,
            }),
            { params: Promise.resolve<Record<string, string>>(id ? { id } : {}) },
          );
          sent++;
          // An event stream that opened runs until its client leaves: leave at once.
          if (response.ok && response.headers.get("content-type")?.startsWith("text/event-stream")) {
            await response.body?.cancel();
            continue;
          }
          const answer = (await response.json()) as { code?: string; message?: string; details?: unknown };
          if (isRefusedAsInvalid(response.status, answer.code))
            refusals.push(
              `${operation.operationId} seed ${seed} ${search ? `?${search} ` : ""}${bodyValue ? JSON.stringify(bodyValue) : ""} → ` +
                `${response.status} ${answer.code}: ${answer.message} ${JSON.stringify(answer.details ?? "")}`,
            );
        }
      }
    }
    console.log(`generated inputs: ${sent} sent, ${refusals.length} refused as invalid`);
    expect(sent).toBeGreaterThan(500);
    expect(refusals).toEqual([]);
  }, 300_000);
});
