// Input the database cannot hold answers 400 with the usual error body, never a 500: dates outside
// years 1–9999 (PostgreSQL has no year 0), forged cursors carrying such a date or a NUL, NUL in filters.
import { describe, expect, it } from "vitest";
import * as guestsRoute from "../../app/api/v1/guests/route";
import * as reservationsRoute from "../../app/api/v1/reservations/route";
import * as oneReservation from "../../app/api/v1/reservations/[id]/route";
import { call } from "../api-client";
import { propertyWithKey } from "../api-fixtures";
import { listRequestLogs, parseRequestLogQuery, requestLogFilters } from "../../lib/request-logs/list-request-logs";
import { exportRequestLogsCsv } from "../../lib/request-logs/export-request-logs";
import { searchReservations } from "../../lib/reservations/search-reservations";
import { searchReservationsQuery } from "../../lib/reservations/schemas";
import { storableCopy, storableJson, unstorableTextPath } from "../../lib/db/storable-text";

const forgedCursor = (at: string, id = "x") => Buffer.from(JSON.stringify([at, id])).toString("base64url");

function expectValidationError(response: Awaited<ReturnType<typeof call>>, field: string) {
  expect(response.status).toBe(400);
  expect(response.body).toMatchObject({ status: "error", code: "VALIDATION_ERROR", requestId: expect.stringMatching(/^req_/) });
  expect((response.body!.details as { path: string }[]).map((d) => d.path)).toContain(field);
}

describe("dates and cursors the database cannot hold", () => {
  it("refuses them on /api/v1 with 400 VALIDATION_ERROR naming the field", async () => {
    const { key } = await propertyWithKey();
    const get = (route: typeof reservationsRoute.GET, path: string) => call(route, { path, key });
    expectValidationError(await get(reservationsRoute.GET, "/api/v1/reservations?arrivalFrom=0000-01-01"), "arrivalFrom");
    expectValidationError(await get(reservationsRoute.GET, "/api/v1/reservations?arrivalTo=0000-12-31"), "arrivalTo");
    expectValidationError(
      await get(reservationsRoute.GET, `/api/v1/reservations?updatedSince=${encodeURIComponent("0001-01-01T00:00:00+14:00")}`),
      "updatedSince",
    );
    expectValidationError(
      await get(guestsRoute.GET, `/api/v1/guests?updatedSince=${encodeURIComponent("0001-01-01T00:00:00+14:00")}`),
      "updatedSince",
    );
    for (const cursor of [
      forgedCursor("0000-06-01T00:00:00.000Z"),
      forgedCursor("+275760-09-13T00:00:00.000Z"),
      forgedCursor("2026-01-01T00:00:00.000Z", "a\u0000b"),
    ]) {
      expectValidationError(await get(reservationsRoute.GET, `/api/v1/reservations?cursor=${cursor}`), "cursor");
      expectValidationError(await get(guestsRoute.GET, `/api/v1/guests?cursor=${cursor}`), "cursor");
    }
    // The edges that PostgreSQL holds still work.
    expect((await get(reservationsRoute.GET, "/api/v1/reservations?arrivalFrom=0001-01-01&arrivalTo=9999-12-31")).status).toBe(200);
    expect((await get(guestsRoute.GET, `/api/v1/guests?updatedSince=${encodeURIComponent("0001-01-01T00:00:00Z")}`)).status).toBe(200);
  });
});

describe("dashboard filters the database cannot hold", () => {
  it("the Logs page ignores them, as any unreadable filter, and queries without error", async () => {
    const { property } = await propertyWithKey();
    const filters = requestLogFilters.parse({
      range: "custom",
      from: "0000-01-01",
      to: "0000-02-01",
      path: "/a\u0000b",
      key: "k\u0000",
      cursor: forgedCursor("0000-01-01T00:00:00Z"),
    });
    expect(filters).toMatchObject({ from: undefined, to: undefined, path: undefined, key: undefined, cursor: undefined });
    await expect(listRequestLogs(property.id, filters)).resolves.toMatchObject({ rows: [] });
    const csv = await new Response(exportRequestLogsCsv(property.id, filters)).text();
    expect(csv.split("\n")[0]).toMatch(/^id,createdAt,method/);
    const search = searchReservationsQuery.parse({ q: "a\u0000b" });
    await expect(searchReservations({ propertyId: property.id, query: search })).resolves.toMatchObject({ total: 0 });
  });

  it("the JSON and CSV routes refuse a date they cannot use with 400 instead of a cut-off download", () => {
    expect(() => parseRequestLogQuery({ range: "custom", from: "0000-01-01" })).toThrow(
      expect.objectContaining({ code: "VALIDATION_ERROR", fields: { from: [expect.stringMatching(/0001-01-01/)] } }),
    );
    expect(() => parseRequestLogQuery({ range: "custom", to: "not a date" })).toThrow(
      expect.objectContaining({ code: "VALIDATION_ERROR" }),
    );
    expect(parseRequestLogQuery({ range: "custom", from: "2026-11-01T00:00:00Z" }).from).toEqual(new Date("2026-11-01T00:00:00Z"));
  });
});

describe("route parameters as Next passes them", () => {
  it("serves a route without dynamic segments when Next resolves params to undefined", async () => {
    const { key } = await propertyWithKey();
    const response = await reservationsRoute.GET(
      new Request("http://localhost/api/v1/reservations", { headers: { authorization: `Bearer ${key}` } }),
      {
        params: Promise.resolve(undefined as unknown as Record<string, string>),
      },
    );
    expect(response.status).toBe(200);
  });
});

describe("text the database cannot take (NUL, a lone UTF-16 surrogate)", () => {
  it("is a 404 as an id and a 400 naming the body field (JSON may carry a lone surrogate; a URL decodes it to U+FFFD), never a 500", async () => {
    const { rooms, key } = await propertyWithKey();
    const byId = await call(oneReservation.GET, { path: "/api/v1/reservations/x", key, params: { id: "half\ud83d" } });
    expect(byId.status).toBe(404);
    // Longer than any id we issue (and than the document allows): names nothing, never reaches the database.
    const tooLong = await call(oneReservation.GET, { path: "/api/v1/reservations/x", key, params: { id: "r".repeat(201) } });
    expect(tooLong.status).toBe(404);
    const body = {
      guest: { firstName: "Ada\udc00", lastName: "Lovelace" },
      roomId: rooms[0]!.id,
      arrivalDate: "2032-05-01",
      departureDate: "2032-05-03",
      adults: 1,
      totalAmount: 1,
    };
    expectValidationError(
      await call(reservationsRoute.POST, { method: "POST", path: "/api/v1/reservations", key, body }),
      "guest.firstName",
    );
  });

  it("is replaced by U+FFFD where it must be stored as given (request logs, receivers' answers)", () => {
    expect(unstorableTextPath({ a: ["ok", { b: "x\u0000" }] })).toBe("a.1.b");
    expect(unstorableTextPath({ a: "😀", b: "\ud800" })).toBe("b");
    expect(storableCopy({ "k\u0000": ["\udfff", "😀"] })).toEqual({ "k\uFFFD": ["\uFFFD", "😀"] });
    expect(JSON.parse(storableJson({ a: "x\ud800y", b: "😀" }))).toEqual({ a: "x\uFFFDy", b: "😀" });
    expect(storableJson({ a: "plain" })).toBe('{"a":"plain"}');
  });
});
