import { describe, expect, it } from "vitest";
import * as accessesRoute from "../../app/api/v1/reservations/[id]/accesses/route";
import * as cancelRoute from "../../app/api/v1/reservations/[id]/cancel/route";
import * as oneRoute from "../../app/api/v1/reservations/[id]/route";
import * as listRoute from "../../app/api/v1/reservations/route";
import { call } from "../api-client";
import { createProperty } from "../fixtures";
import { createApiKey } from "../../lib/api-keys/create-api-key";
import { createApiKeyInput } from "../../lib/api-keys/schemas";
import { db } from "../../lib/db/client";

const admin = { type: "USER" as const, id: null, label: "Admin" };

async function setup(scopes: string[] = ["full_access:write"]) {
  const fixture = await createProperty({ rooms: 4 });
  const [key] = await createApiKey({
    property: fixture.property,
    actor: admin,
    input: createApiKeyInput.parse({ name: "t", mode: "LIVE", scopes }),
  });
  return { ...fixture, key: key!.key };
}

const body = (roomId: string, overrides: Record<string, unknown> = {}) => ({
  guest: { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" },
  roomId,
  arrivalDate: "2031-03-01",
  departureDate: "2031-03-04",
  adults: 2,
  totalAmount: 45000,
  ...overrides,
});

const post = (key: string, payload: unknown) => call(listRoute.POST, { method: "POST", path: "/api/v1/reservations", key, body: payload });
const outbox = (propertyId: string) => db.outboxEvent.findMany({ where: { propertyId }, orderBy: { createdAt: "asc" } });

describe("POST /api/v1/reservations", () => {
  it("creates a reservation (201) and exactly one reservation.created event", async () => {
    const { property, rooms, key } = await setup();
    const result = await post(key, body(rooms[0]!.id));
    expect(result.status).toBe(201);
    const data = (result.body as { data: Record<string, unknown> }).data;
    expect(data).toMatchObject({
      status: "CONFIRMED",
      arrivalDate: "2031-03-01",
      departureDate: "2031-03-04",
      adults: 2,
      children: 0,
      totalAmount: 45000,
      currency: "EUR",
      roomNumber: "101",
      guest: { firstName: "Ada", email: "ada@example.com" },
    });
    const events = await outbox(property.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "reservation.created", payload: { reservation: { id: data.id, code: data.code } } });
    expect(events[0]!.id).toMatch(/^evt_[0-9a-f]{24}$/);
  });

  it("refuses invalid input with 400 VALIDATION_ERROR and field paths, writing nothing", async () => {
    const { property, rooms, key } = await setup();
    const result = await post(key, {
      ...body(rooms[0]!.id, { adults: 0, arrivalDate: "2031-02-30", totalAmount: 12.5 }),
      surprise: true,
      guest: { firstName: "", lastName: "X", email: "nope" },
    });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ status: "error", code: "VALIDATION_ERROR", requestId: result.headers.get("x-request-id") });
    const paths = (result.body!.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["adults", "arrivalDate", "totalAmount", "guest.firstName", "guest.email", ""]));
    expect(JSON.stringify(result.body)).toContain("surprise");
    expect(await db.reservation.count({ where: { propertyId: property.id } })).toBe(0);
    expect(await outbox(property.id)).toHaveLength(0);
  });

  it("answers 409 INVALID_STATE for departure before arrival and a double-booked room", async () => {
    const { property, rooms, key } = await setup();
    const backwards = await post(key, body(rooms[0]!.id, { arrivalDate: "2031-03-05", departureDate: "2031-03-01" }));
    expect(backwards.status).toBe(409);
    expect(backwards.body).toMatchObject({ code: "INVALID_STATE", message: "Departure must be after arrival." });
    expect((await post(key, body(rooms[0]!.id))).status).toBe(201);
    const clash = await post(key, body(rooms[0]!.id, { arrivalDate: "2031-03-03", departureDate: "2031-03-06" }));
    expect(clash.status).toBe(409);
    expect(clash.body!.message).toMatch(/already booked/);
    expect(await outbox(property.id)).toHaveLength(1);
  });

  it("writes the event in the same transaction: when the event cannot be stored, nothing is", async () => {
    const { property, rooms, key } = await setup();
    await db.$executeRawUnsafe(
      `CREATE OR REPLACE FUNCTION refuse_event() RETURNS trigger AS $$ BEGIN IF NEW."propertyId" = '${property.id}' THEN RAISE EXCEPTION 'outbox refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
    );
    await db.$executeRawUnsafe(`CREATE TRIGGER refuse_event BEFORE INSERT ON "OutboxEvent" FOR EACH ROW EXECUTE FUNCTION refuse_event()`);
    try {
      const result = await post(key, body(rooms[0]!.id));
      expect(result.status).toBe(500);
      expect(result.body).toMatchObject({ code: "INTERNAL_ERROR" });
      expect(result.text).not.toContain("outbox refused");
      expect(await db.reservation.count({ where: { propertyId: property.id } })).toBe(0);
      expect(await db.guest.count({ where: { propertyId: property.id } })).toBe(0);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_event ON "OutboxEvent"`);
    }
  });

  it("refuses another property's room or guest, a key without the write scope, and a non-JSON body", async () => {
    const { key, property } = await setup();
    const other = await setup();
    expect((await post(key, body(other.rooms[0]!.id))).status).toBe(400);
    const otherGuest = await db.guest.create({ data: { propertyId: other.property.id, firstName: "O", lastName: "P" } });
    const { guest: _guest, ...withoutGuest } = body(other.rooms[0]!.id);
    expect((await post(other.key, { ...withoutGuest, guestId: otherGuest.id })).status).toBe(201);
    expect((await post(key, { ...body(other.rooms[0]!.id), guest: undefined, guestId: otherGuest.id })).status).toBe(400);
    const reader = await setup(["reservations:read"]);
    const forbidden = await post(reader.key, body(reader.rooms[0]!.id));
    expect(forbidden.status).toBe(403);
    expect(forbidden.body!.message).toContain("reservations:write");
    const notJson = await call(listRoute.POST, { method: "POST", key, headers: { "content-type": "text/plain" } });
    expect(notJson.status).toBe(415);
    expect(await db.reservation.count({ where: { propertyId: property.id } })).toBe(0);
  });
});

describe("GET /api/v1/reservations", () => {
  it("walks every row exactly once, newest first, and filters", async () => {
    const { property, rooms, key } = await setup();
    const created: string[] = [];
    for (let i = 0; i < 23; i++) {
      const day = String((i % 28) + 1).padStart(2, "0");
      const result = await post(
        key,
        body(rooms[i % 4]!.id, {
          arrivalDate: `2031-${String(Math.floor(i / 4) + 1).padStart(2, "0")}-${day}`,
          departureDate: `2031-${String(Math.floor(i / 4) + 1).padStart(2, "0")}-${String(Number(day) + 1).padStart(2, "0")}`,
          guest: { firstName: "G", lastName: String(i), email: `g${i % 3}@example.com` },
        }),
      );
      expect(result.status).toBe(201);
      created.push((result.body as { data: { id: string } }).data.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const result = await call(listRoute.GET, { key, path: `/api/v1/reservations?limit=5${cursor ? `&cursor=${cursor}` : ""}` });
      expect(result.status).toBe(200);
      const pageBody = result.body as { data: { id: string }[]; nextCursor: string | null };
      seen.push(...pageBody.data.map((r) => r.id));
      cursor = pageBody.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBe(5);
    expect(seen).toEqual([...created].reverse());

    const byEmail = await call(listRoute.GET, { key, path: "/api/v1/reservations?guestEmail=G1@example.com&limit=100" });
    expect((byEmail.body!.data as unknown[]).length).toBe(created.filter((_, i) => i % 3 === 1).length);
    // Found by the code on its confirmation, typed in any case.
    const wanted = await db.reservation.findUniqueOrThrow({ where: { id: created[7]! } });
    const byCode = await call(listRoute.GET, { key, path: `/api/v1/reservations?code=${wanted.code.toLowerCase()}` });
    expect((byCode.body!.data as { id: string }[]).map((r) => r.id)).toEqual([wanted.id]);
    const arrivals = await call(listRoute.GET, { key, path: "/api/v1/reservations?arrivalFrom=2031-02-01&arrivalTo=2031-02-28&limit=100" });
    expect((arrivals.body!.data as { arrivalDate: string }[]).every((r) => r.arrivalDate.startsWith("2031-02"))).toBe(true);
    expect((arrivals.body!.data as unknown[]).length).toBe(4);
    await call(cancelRoute.POST, { method: "POST", key, params: { id: created[0]! } });
    const cancelled = await call(listRoute.GET, { key, path: "/api/v1/reservations?status=CANCELLED" });
    expect((cancelled.body!.data as { id: string }[]).map((r) => r.id)).toEqual([created[0]]);
    const since = new Date(Date.now() - 60_000).toISOString();
    expect((await call(listRoute.GET, { key, path: `/api/v1/reservations?updatedSince=${since}&limit=100` })).body!.data).toHaveLength(23);
    expect(await db.reservation.count({ where: { propertyId: property.id } })).toBe(23);
  });

  it("refuses a bad limit, a forged cursor and a bad date with field paths", async () => {
    const { key } = await setup();
    for (const [query, path] of [
      ["limit=0", "limit"],
      ["limit=101", "limit"],
      ["cursor=abc", "cursor"],
      ["arrivalFrom=yesterday", "arrivalFrom"],
      ["status=LOST", "status"],
      ["updatedSince=2026-13-01", "updatedSince"],
    ] as const) {
      const result = await call(listRoute.GET, { key, path: `/api/v1/reservations?${query}` });
      expect(result.status, query).toBe(400);
      expect((result.body!.details as { path: string }[])[0]!.path, query).toBe(path);
    }
  });
});

describe("one reservation", () => {
  it("gets, patches (one reservation.updated event), cancels once, and never shows another property's", async () => {
    const { property, rooms, key } = await setup();
    const other = await setup();
    const id = ((await post(key, body(rooms[0]!.id))).body as { data: { id: string } }).data.id;
    const got = await call(oneRoute.GET, { key, params: { id } });
    expect(got.body).toMatchObject({ data: { id, status: "CONFIRMED" } });
    expect((await call(oneRoute.GET, { key: other.key, params: { id } })).status).toBe(404);
    expect((await call(oneRoute.PATCH, { method: "PATCH", key: other.key, params: { id }, body: { adults: 1 } })).status).toBe(404);

    const patched = await call(oneRoute.PATCH, {
      method: "PATCH",
      key,
      params: { id },
      body: { departureDate: "2031-03-06", roomId: rooms[1]!.id, notes: "Late arrival" },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ data: { departureDate: "2031-03-06", roomNumber: "102", notes: "Late arrival" } });
    expect((await call(oneRoute.PATCH, { method: "PATCH", key, params: { id }, body: {} })).status).toBe(400);
    expect((await call(oneRoute.PATCH, { method: "PATCH", key, params: { id }, body: { code: "X" } })).status).toBe(400);

    const cancelled = await call(cancelRoute.POST, { method: "POST", key, params: { id } });
    expect(cancelled.body).toMatchObject({ data: { status: "CANCELLED" } });
    const again = await call(cancelRoute.POST, { method: "POST", key, params: { id } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: "INVALID_STATE", message: "Cannot cancel a reservation that is cancelled." });
    expect((await call(oneRoute.PATCH, { method: "PATCH", key, params: { id }, body: { adults: 1 } })).status).toBe(409);
    expect((await outbox(property.id)).map((e) => e.type)).toEqual(["reservation.created", "reservation.updated", "reservation.cancelled"]);
  });

  it("lists a stay's access codes only with the reservation_accesses:read scope", async () => {
    const { property, rooms, key } = await setup();
    const id = ((await post(key, body(rooms[0]!.id))).body as { data: { id: string } }).data.id;
    await db.reservationAccess.create({
      data: {
        propertyId: property.id,
        reservationId: id,
        lockName: "Room 101 door",
        pin: "482913",
        validFrom: new Date("2031-03-01T15:00:00Z"),
        validUntil: new Date("2031-03-04T11:00:00Z"),
      },
    });
    const result = await call(accessesRoute.GET, { key, params: { id } });
    expect(result.body).toEqual({
      data: [expect.objectContaining({ lockName: "Room 101 door", pin: "482913", validFrom: "2031-03-01T15:00:00.000Z" })],
      nextCursor: null,
      livemode: true,
    });
    const narrow = await createApiKey({
      property,
      actor: admin,
      input: createApiKeyInput.parse({ name: "n", mode: "LIVE", scopes: ["reservations:read"] }),
    });
    expect((await call(accessesRoute.GET, { key: narrow[0]!.key, params: { id } })).status).toBe(403);
  });
});
