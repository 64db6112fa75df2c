// A property with rooms and an API key with the given scopes, for the route handlers' contract tests.
import * as reservationsRoute from "../app/api/v1/reservations/route";
import { createApiKey } from "../lib/api-keys/create-api-key";
import { call } from "./api-client";
import { createApiKeyInput } from "../lib/api-keys/schemas";
import type { RequestLogEntry } from "../lib/request-logs/log-writer";
import { createProperty } from "./fixtures";

/** Another key (LIVE or TEST) for a property the test already has. */
export async function keyFor(property: Parameters<typeof createApiKey>[0]["property"], scopes: string[], mode: "LIVE" | "TEST" = "LIVE") {
  const [key] = await createApiKey({
    property,
    actor: { type: "USER", id: null, label: "Admin" },
    input: createApiKeyInput.parse({ name: `test ${mode}`, mode, scopes }),
  });
  return key!.key;
}

export async function propertyWithKey(scopes: string[] = ["full_access:write"], rooms = 4) {
  const fixture = await createProperty({ rooms });
  return { ...fixture, key: await keyFor(fixture.property, scopes) };
}

/** A stay booked through POST /api/v1/reservations for a new guest (Ada Lovelace), as an integrator books one. */
export async function bookStay(key: string, roomId: string, overrides: Record<string, unknown> = {}) {
  const booked = await call(reservationsRoute.POST, {
    method: "POST",
    path: "/api/v1/reservations",
    key,
    body: {
      guest: { firstName: "Ada", lastName: "Lovelace" },
      roomId,
      arrivalDate: "2031-07-01",
      departureDate: "2031-07-04",
      adults: 1,
      totalAmount: 100,
      ...overrides,
    },
  });
  return (booked.body as { data: { id: string; guestId: string } }).data;
}

/** A request-log entry as the API writes one: by default a successful GET /reservations made now, by no key in particular. */
export function logEntry(propertyId: string, overrides: Partial<RequestLogEntry> = {}): RequestLogEntry {
  return {
    id: `req_${crypto.randomUUID().replaceAll("-", "")}`,
    propertyId,
    createdAt: new Date().toISOString(),
    method: "GET",
    path: "/api/v1/reservations",
    route: "/reservations",
    traceparent: null,
    query: {},
    status: 200,
    durationMs: 10,
    apiKeyId: null,
    keyPreview: null,
    mode: "LIVE",
    partnerId: null,
    partnerName: null,
    ip: null,
    userAgent: null,
    requestHeaders: {},
    requestBody: null,
    responseBody: null,
    errorCode: null,
    responseHeaders: {},
    ...overrides,
  };
}
