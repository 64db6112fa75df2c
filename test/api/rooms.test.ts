// Rooms and availability as a channel manager uses them: find a room, read its free nights, book them.
import { describe, expect, it } from "vitest";
import * as availabilityRoute from "../../app/api/v1/availability/route";
import * as reservationsRoute from "../../app/api/v1/reservations/route";
import * as reservationCancel from "../../app/api/v1/reservations/[id]/cancel/route";
import * as roomRoute from "../../app/api/v1/rooms/[id]/route";
import * as roomsRoute from "../../app/api/v1/rooms/route";
import { call } from "../api-client";
import { propertyWithKey } from "../api-fixtures";
import { db } from "../../lib/db/client";
import { listRooms } from "../../lib/rooms/list-rooms";

type Availability = { roomId: string; number: string; status: string; freeNights: string[]; availableForWholeRange: boolean };
const availability = async (key: string, query: string) => call(availabilityRoute.GET, { key, path: `/api/v1/availability?${query}` });
const book = (key: string, roomId: string, arrivalDate: string, departureDate: string) =>
  call(reservationsRoute.POST, {
    method: "POST",
    path: "/api/v1/reservations",
    key,
    body: { guest: { firstName: "Ada", lastName: "Lovelace" }, roomId, arrivalDate, departureDate, adults: 1, totalAmount: 1000 },
  });

describe("GET /api/v1/rooms", () => {
  it("lists the property's rooms with number, name, type, capacity and status, filtered and paginated; gets one", async () => {
    const { rooms, key } = await propertyWithKey(["rooms:read"], 3);
    await db.room.update({ where: { id: rooms[2]!.id }, data: { status: "OUT_OF_SERVICE", name: "Garden suite", type: "Suite" } });

    const all = await call(roomsRoute.GET, { key, path: "/api/v1/rooms" });
    expect(all.status).toBe(200);
    const data = (all.body as { data: { id: string }[] }).data;
    expect(data.map((r) => r.id).sort()).toEqual(rooms.map((r) => r.id).sort());
    expect(data.find((r) => r.id === rooms[2]!.id)).toMatchObject({
      number: "103",
      name: "Garden suite",
      type: "Suite",
      floor: 1,
      capacity: 2,
      status: "OUT_OF_SERVICE",
    });

    const suites = await call(roomsRoute.GET, { key, path: "/api/v1/rooms?type=Suite" });
    expect((suites.body as { data: { id: string }[] }).data.map((r) => r.id)).toEqual([rooms[2]!.id]);
    const inService = await call(roomsRoute.GET, { key, path: "/api/v1/rooms?status=IN_SERVICE&limit=1" });
    const firstPage = inService.body as { data: { id: string }[]; nextCursor: string };
    expect(firstPage.data).toHaveLength(1);
    const second = await call(roomsRoute.GET, { key, path: `/api/v1/rooms?status=IN_SERVICE&limit=1&cursor=${firstPage.nextCursor}` });
    const secondPage = second.body as { data: { id: string }[]; nextCursor: string | null };
    expect(secondPage.data).toHaveLength(1);
    expect(secondPage.nextCursor).toBeNull();
    expect(new Set([...firstPage.data, ...secondPage.data].map((r) => r.id))).toEqual(new Set([rooms[0]!.id, rooms[1]!.id]));

    const one = await call(roomRoute.GET, { key, params: { id: rooms[0]!.id }, path: `/api/v1/rooms/${rooms[0]!.id}` });
    expect(one.status).toBe(200);
    expect((one.body as { data: { number: string } }).data.number).toBe("101");

    const bad = await call(roomsRoute.GET, { key, path: "/api/v1/rooms?status=BROKEN" });
    expect(bad.status).toBe(400);
    expect((bad.body as { code: string }).code).toBe("VALIDATION_ERROR");
  });

  it("lists rooms by number as a front desk reads them (2 before 10), and walking the pages returns each room once in that order", async () => {
    const { property, key } = await propertyWithKey(["rooms:read"], 0);
    // Created out of order, so neither creation time nor text order gives the answer.
    const numbers = ["B-10", "10", "PH", "2", "101", "B-2", "1", "20A", "20", "A1"];
    for (const number of numbers)
      await db.room.create({ data: { propertyId: property.id, number, type: "Double", floor: 1, capacity: 2 } });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const answer = await call(roomsRoute.GET, { key, path: `/api/v1/rooms?limit=3${cursor ? `&cursor=${cursor}` : ""}` });
      expect(answer.status).toBe(200);
      const body = answer.body as { data: { number: string }[]; nextCursor: string | null };
      seen.push(...body.data.map((r) => r.number));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["1", "2", "10", "20", "20A", "101", "A1", "B-2", "B-10", "PH"]);

    const inOnePage = await call(roomsRoute.GET, { key, path: "/api/v1/rooms?limit=100" });
    expect((inOnePage.body as { data: { number: string }[] }).data.map((r) => r.number)).toEqual(seen);
    // The dashboard's room picker reads them in the same order.
    expect((await listRooms(property.id)).map((r) => r.number)).toEqual(seen);
    // And availability answers room by room in the same order.
    const nights = await availability(key, "from=2031-01-01&to=2031-01-02");
    expect((nights.body as { data: Availability[] }).data.map((r) => r.number)).toEqual(seen);

    // Refused, not read as a position: a forged id, a newest-first list's cursor (a date and an id), an untagged pair.
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    for (const forged of [encode(["k", "101", "a\u0000b"]), encode(["2031-01-01T00:00:00.000Z", "r1"]), encode(["101", "r1"])]) {
      const refused = await call(roomsRoute.GET, { key, path: `/api/v1/rooms?cursor=${forged}` });
      expect(refused.status).toBe(400);
      expect((refused.body as { code: string }).code).toBe("VALIDATION_ERROR");
    }
  });

  it("never shows another property's rooms, and needs rooms:read", async () => {
    const mine = await propertyWithKey(["rooms:read"], 1);
    const theirs = await propertyWithKey(["rooms:read"], 1);
    const other = await call(roomRoute.GET, { key: mine.key, params: { id: theirs.rooms[0]!.id }, path: "/api/v1/rooms/x" });
    expect(other.status).toBe(404);
    const list = await call(roomsRoute.GET, { key: mine.key, path: "/api/v1/rooms" });
    expect((list.body as { data: { id: string }[] }).data.map((r) => r.id)).toEqual([mine.rooms[0]!.id]);
    const nights = await availability(mine.key, `from=2031-01-01&to=2031-01-02&roomId=${theirs.rooms[0]!.id}`);
    expect(nights.status).toBe(404);

    const noScope = await propertyWithKey(["reservations:read"], 1);
    expect((await call(roomsRoute.GET, { key: noScope.key, path: "/api/v1/rooms" })).status).toBe(403);
    expect((await availability(noScope.key, "from=2031-01-01&to=2031-01-02")).status).toBe(403);
    const reader = await propertyWithKey(["full_access:read"], 1);
    expect((await call(roomsRoute.GET, { key: reader.key, path: "/api/v1/rooms" })).status).toBe(200);
  });
});

describe("GET /api/v1/availability", () => {
  it("shows per room the nights no live stay holds; cancelled stays free theirs; a free range can be booked, a taken one not", async () => {
    const { rooms, key } = await propertyWithKey(["full_access:write"], 2);
    const [a, b] = [rooms[0]!.id, rooms[1]!.id];
    expect((await book(key, a, "2031-05-02", "2031-05-04")).status).toBe(201);
    const cancelled = await book(key, b, "2031-05-01", "2031-05-03");
    const cancelledId = (cancelled.body as { data: { id: string } }).data.id;
    expect(
      (
        await call(reservationCancel.POST, {
          method: "POST",
          key,
          params: { id: cancelledId },
          path: `/api/v1/reservations/${cancelledId}/cancel`,
        })
      ).status,
    ).toBe(200);

    const result = await availability(key, "from=2031-05-01&to=2031-05-05");
    expect(result.status).toBe(200);
    const body = result.body as { data: Availability[]; from: string; to: string };
    expect(body).toMatchObject({ from: "2031-05-01", to: "2031-05-05" });
    const byRoom = new Map(body.data.map((r) => [r.roomId, r]));
    expect(byRoom.get(a)).toMatchObject({ freeNights: ["2031-05-01", "2031-05-04"], availableForWholeRange: false });
    expect(byRoom.get(b)).toMatchObject({
      freeNights: ["2031-05-01", "2031-05-02", "2031-05-03", "2031-05-04"],
      availableForWholeRange: true,
    });

    // What availability calls free can be booked; a night it calls taken cannot.
    expect((await book(key, b, "2031-05-01", "2031-05-05")).status).toBe(201);
    const clash = await book(key, a, "2031-05-03", "2031-05-05");
    expect(clash.status).toBe(409);
    const after = await availability(key, `from=2031-05-01&to=2031-05-05&roomId=${b}`);
    expect((after.body as { data: Availability[] }).data).toEqual([
      expect.objectContaining({ roomId: b, freeNights: [], availableForWholeRange: false }),
    ]);

    // An out-of-service room has no free nights and refuses bookings.
    await db.room.update({ where: { id: a }, data: { status: "OUT_OF_SERVICE" } });
    const closed = await availability(key, `from=2031-06-01&to=2031-06-03&roomId=${a}`);
    expect((closed.body as { data: Availability[] }).data[0]).toMatchObject({ status: "OUT_OF_SERVICE", freeNights: [] });
    const refused = await book(key, a, "2031-06-01", "2031-06-03");
    expect(refused.status).toBe(409);
    expect((refused.body as { code: string }).code).toBe("INVALID_STATE");
  });

  it("refuses malformed dates with 400, and more than 90 nights or an empty or reversed range with 409", async () => {
    const { key } = await propertyWithKey(["rooms:read"], 1);
    expect((await availability(key, "from=2031-01-01&to=2031-04-01")).status).toBe(200); // 90 nights
    // Rules between the two dates, which the document cannot express: 409 INVALID_STATE, as its description says.
    for (const query of ["from=2031-01-01&to=2031-04-02", "from=2031-01-02&to=2031-01-02", "from=2031-01-05&to=2031-01-01"]) {
      const answer = await availability(key, query);
      expect(answer.status, query).toBe(409);
      expect((answer.body as { code: string }).code).toBe("INVALID_STATE");
    }
    for (const query of ["from=2031-02-30&to=2031-03-02", "to=2031-01-02", "from=x&to=y"]) {
      const answer = await availability(key, query);
      expect(answer.status, query).toBe(400);
      expect((answer.body as { code: string; requestId: string }).code).toBe("VALIDATION_ERROR");
    }
  });
});
