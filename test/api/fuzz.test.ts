// A bounded property-based fuzz of every operation in the OpenAPI document: wrong types, huge and
// tiny numbers, deep nesting, NUL, lone surrogates, percent-encoding left undecoded, impossible dates,
// forged cursors, in path parameters, query strings, bodies and headers. Whatever comes in, the answer
// is never a 5xx, and an error is always the one JSON error body. fast-check prints the seed and the
// smallest failing request when it finds one.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { V1_HANDLERS } from "../../app/api/v1/openapi.json/v1-handlers";
import { propertyWithKey } from "../api-fixtures";
import { createApiKey } from "../../lib/api-keys/create-api-key";
import { createApiKeyInput } from "../../lib/api-keys/schemas";
import { db } from "../../lib/db/client";
import type { V1Handler } from "../../lib/api/v1-route";

const RUNS = 2_000;

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const HOSTILE = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  "%E0%A4%A",
  "%ff%fe",
  "0000-01-01",
  "0001-01-01T00:00:00+14:00",
  "9999-12-31T23:59:59-14:00",
  "+275760-09-13T00:00:00.000Z",
  "2026-02-30",
  "1e309",
  "-1",
  "0",
  "NaN",
  "Infinity",
  "99999999999999999999999",
  "-0.000000000001",
  "null",
  "true",
  "[]",
  "{}",
  "x".repeat(10_000),
  "🏨".repeat(300),
  "../../etc/passwd",
  "' OR 1=1 --",
  cursorOf(["0000-01-01T00:00:00Z", "x"]),
  cursorOf(["2026-01-01T00:00:00Z", "a\u0000b"]),
  cursorOf({ not: "a cursor" }),
  "not-base64!!",
];

const hostileString = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 40 }));
const hostileNumber = fc.oneof(
  fc.constantFrom(0, -1, 1, 1e308, -1e308, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 31, 0.5, -0),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);
const deep = (levels: number) => {
  let value: unknown = "bottom";
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { a: value };
  return value;
};
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(
    deep(200),
    deep(2_000),
    Array.from({ length: 1_000 }, (_, i) => i),
  ),
);

function fieldsOf(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

describe("fuzzing every /api/v1 operation", () => {
  it(`answers ${RUNS.toLocaleString("en")} hostile requests without a single 5xx`, async () => {
    const fixture = await propertyWithKey(["full_access:write"], 3);
    const [testKey] = await createApiKey({
      property: fixture.property,
      actor: { type: "USER", id: null, label: "Fuzz" },
      input: createApiKeyInput.parse({ name: "fuzz test", mode: "TEST", scopes: ["full_access:write"] }),
    });
    const guest = await db.guest.create({
      data: { propertyId: fixture.property.id, firstName: "Fuzz", lastName: "Guest", email: "fuzz@example.com" },
    });
    const reservation = await db.reservation.create({
      data: {
        propertyId: fixture.property.id,
        code: "FUZZ-1",
        guestId: guest.id,
        roomId: fixture.rooms[0]!.id,
        arrivalDate: new Date("2031-01-01"),
        departureDate: new Date("2031-01-03"),
        totalAmount: 100,
        currency: "EUR",
      },
    });
    const conversation = await db.conversation.create({ data: { propertyId: fixture.property.id, guestId: guest.id, channel: "EMAIL" } });
    const realIds = [guest.id, reservation.id, conversation.id, fixture.rooms[0]!.id, "FUZZ-1"];

    const handlers = V1_HANDLERS as V1Handler[];
    const request = fc.record({
      operation: fc.constantFrom(...handlers.map((h) => h.definition.operationId)),
      key: fc.constantFrom(fixture.key, testKey!.key),
      id: fc.oneof(fc.constantFrom(...realIds), hostileString),
      query: fc.dictionary(
        fc.oneof(
          fc.constantFrom(
            "limit",
            "cursor",
            "status",
            "arrivalFrom",
            "arrivalTo",
            "updatedSince",
            "email",
            "guestEmail",
            "channel",
            "eventType",
          ),
          hostileString,
        ),
        hostileString,
        { maxKeys: 4 },
      ),
      body: fc.oneof(hostileValue, fc.constant("fields")),
      fieldValues: fc.array(hostileValue, { minLength: 12, maxLength: 12 }),
      rawBody: fc.option(fc.constantFrom("{", "[1,2", "\u0000", "null", '{"a":1}{"b":2}', "x".repeat(2_000_000)), { freq: 5 }),
      contentType: fc.constantFrom(
        "application/json",
        "application/json",
        "application/json",
        "text/plain",
        "application/x-www-form-urlencoded",
        "",
      ),
      idempotencyKey: fc.oneof(fc.uuid(), fc.constantFrom("", " ", "x".repeat(300), "a\u0000b", "é")),
    });

    const answers = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const handler = handlers.find((h) => h.definition.operationId === r.operation)!;
        const definition = handler.definition;
        const path = definition.path.replace(/\{(\w+)\}/g, () => encodeURIComponent(r.id.toWellFormed()));
        const search = new URLSearchParams(Object.entries(r.query)).toString();
        const fields = fieldsOf(definition.body);
        const body =
          r.rawBody ??
          JSON.stringify(r.body === "fields" ? Object.fromEntries(fields.map((name, i) => [name, r.fieldValues[i % 12]])) : r.body);
        const headers = new Headers({ authorization: `Bearer ${r.key}` });
        if (definition.method !== "GET") {
          if (r.contentType) headers.set("content-type", r.contentType);
          if (r.idempotencyKey.trim() && !r.idempotencyKey.includes("\u0000")) headers.set("idempotency-key", r.idempotencyKey);
        }
        const params = Object.fromEntries([...definition.path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, r.id]));
        const response = await handler(
          new Request(`http://localhost/api/v1${path}${search ? `?${search}` : ""}`, {
            method: definition.method,
            headers,
            body: definition.method === "GET" ? undefined : body,
          }),
          { params: Promise.resolve(params) },
        );
        answers.set(response.status, (answers.get(response.status) ?? 0) + 1);
        // An event stream that opened runs until its client leaves: leave at once.
        if (response.ok && definition.contentType === "text/event-stream") return void (await response.body?.cancel());
        const text = await response.text();
        if (response.status >= 500)
          throw new Error(`${definition.method} ${definition.path} answered ${response.status}: ${text.slice(0, 300)}`);
        if (response.status >= 400)
          expect(JSON.parse(text)).toMatchObject({ status: "error", code: expect.any(String), requestId: expect.stringMatching(/^req_/) });
      }),
      { numRuns: RUNS },
    );
    const total = [...answers.values()].reduce((a, b) => a + b, 0);
    console.log(
      `fuzz: ${total} requests over ${handlers.length} operations; statuses ${JSON.stringify(Object.fromEntries([...answers].sort()))}`,
    );
    expect(total).toBe(RUNS);
    // The fuzz reached past validation too: some requests succeeded.
    expect([...answers.keys()].some((status) => status < 300)).toBe(true);
  }, 300_000);
});
