import { describe, expect, it } from "vitest";
import * as checkinRoute from "../../app/api/v1/guests/checkin/route";
import * as checkoutRoute from "../../app/api/v1/guests/checkout/route";
import * as oneRoute from "../../app/api/v1/guests/[id]/route";
import * as listRoute from "../../app/api/v1/guests/route";
import * as reservationsRoute from "../../app/api/v1/reservations/route";
import { call } from "../api-client";
import { propertyWithKey } from "../api-fixtures";
import { db } from "../../lib/db/client";

const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const events = async (propertyId: string) =>
  (await db.outboxEvent.findMany({ where: { propertyId }, orderBy: { createdAt: "asc" } })).map((e) => e.type);

describe("guests", () => {
  it("lists guests newest first with every row once, filters by email, gets one, and hides other properties'", async () => {
    const { property, key } = await propertyWithKey(["guests:read"]);
    const other = await propertyWithKey(["guests:read"]);
    for (let i = 0; i < 7; i++)
      await db.guest.create({ data: { propertyId: property.id, firstName: "G", lastName: `L${i}`, email: `g${i}@example.com` } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const result = await call(listRoute.GET, { key, path: `/api/v1/guests?limit=3${cursor ? `&cursor=${cursor}` : ""}` });
      const body = result.body as { data: { lastName: string }[]; nextCursor: string | null };
      seen.push(...body.data.map((g) => g.lastName));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["L6", "L5", "L4", "L3", "L2", "L1", "L0"]);
    const byEmail = await call(listRoute.GET, { key, path: "/api/v1/guests?email=G3@EXAMPLE.com" });
    expect((byEmail.body!.data as { lastName: string }[]).map((g) => g.lastName)).toEqual(["L3"]);
    const guest = await db.guest.findFirstOrThrow({ where: { propertyId: property.id, lastName: "L1" } });
    expect((await call(oneRoute.GET, { key, params: { id: guest.id } })).body).toMatchObject({
      data: { id: guest.id, email: "g1@example.com" },
    });
    expect((await call(oneRoute.GET, { key: other.key, params: { id: guest.id } })).status).toBe(404);
    expect((await call(listRoute.GET, { key: (await propertyWithKey(["reservations:read"])).key })).status).toBe(403);
  });
});

describe("POST /api/v1/guests/checkin and checkout", () => {
  it("checks in a reservation by its code, moving room and departure, then checks it out", async () => {
    const { property, rooms, key } = await propertyWithKey();
    const created = await call(reservationsRoute.POST, {
      method: "POST",
      key,
      body: {
        guest: { firstName: "Jane", lastName: "Doe" },
        roomId: rooms[0]!.id,
        arrivalDate: future(0),
        departureDate: future(3),
        adults: 1,
        totalAmount: 10000,
      },
    });
    const code = (created.body as { data: { code: string } }).data.code;
    const wrongName = await call(checkinRoute.POST, {
      method: "POST",
      key,
      body: { pmsGuestId: code, lastName: "Smith", roomNumber: "102", checkOutDate: future(4) },
    });
    expect(wrongName.status).toBe(409);
    expect(wrongName.body!.details).toEqual([{ path: "lastName", message: "Does not match the reservation" }]);

    const checkedIn = await call(checkinRoute.POST, {
      method: "POST",
      key,
      body: { pmsGuestId: code.toLowerCase(), lastName: "doe", roomNumber: "102", checkOutDate: future(4), email: "jane@example.com" },
    });
    expect(checkedIn.status).toBe(200);
    expect(checkedIn.body).toMatchObject({
      data: {
        reservation: { code, status: "CHECKED_IN", roomNumber: "102", departureDate: future(4) },
        guest: { lastName: "Doe", email: "jane@example.com" },
      },
    });
    const twice = await call(checkinRoute.POST, {
      method: "POST",
      key,
      body: { pmsGuestId: code, lastName: "Doe", roomNumber: "102", checkOutDate: future(4) },
    });
    expect(twice.status).toBe(409);

    const out = await call(checkoutRoute.POST, { method: "POST", key, body: { pmsGuestId: code, lastName: "Doe" } });
    expect(out.body).toMatchObject({ data: { reservation: { status: "CHECKED_OUT" } } });
    expect((await call(checkoutRoute.POST, { method: "POST", key, body: { pmsGuestId: code } })).status).toBe(409);
    expect(await events(property.id)).toEqual(["reservation.created", "guest.checked_in", "guest.checked_out"]);
  });

  it("creates the guest and a stay from today when the reference is new, then checks out by the reference", async () => {
    const { property, key } = await propertyWithKey();
    const result = await call(checkinRoute.POST, {
      method: "POST",
      key,
      body: { pmsGuestId: "ext-77", lastName: "Novak", firstName: "Ivo", roomNumber: "103", checkOutDate: future(2), phone: "+43 1 234" },
    });
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({
      data: {
        reservation: { status: "CHECKED_IN", arrivalDate: future(0), departureDate: future(2), roomNumber: "103" },
        guest: { externalRef: "ext-77", firstName: "Ivo", lastName: "Novak" },
      },
    });
    expect(await db.guest.count({ where: { propertyId: property.id } })).toBe(1);
    const occupied = await call(checkinRoute.POST, {
      method: "POST",
      key,
      body: { pmsGuestId: "ext-78", lastName: "Other", roomNumber: "103", checkOutDate: future(1) },
    });
    expect(occupied.status).toBe(409);
    expect(await db.guest.count({ where: { propertyId: property.id } })).toBe(1); // rolled back with the refusal
    const out = await call(checkoutRoute.POST, { method: "POST", key, body: { pmsGuestId: "ext-77" } });
    expect(out.body).toMatchObject({ data: { reservation: { status: "CHECKED_OUT" } } });
    expect(await events(property.id)).toEqual(["reservation.created", "guest.checked_in", "guest.checked_out"]);
  });

  it("validates the body and refuses unknown rooms, past check-out dates and unknown references", async () => {
    const { property, key } = await propertyWithKey();
    const invalid = await call(checkinRoute.POST, {
      method: "POST",
      key,
      body: { pmsGuestId: "", roomNumber: 101, checkOutDate: "tomorrow", extra: 1 },
    });
    expect(invalid.status).toBe(400);
    expect((invalid.body!.details as { path: string }[]).map((d) => d.path)).toEqual(
      expect.arrayContaining(["pmsGuestId", "lastName", "roomNumber", "checkOutDate", ""]),
    );
    expect(
      (
        await call(checkinRoute.POST, {
          method: "POST",
          key,
          body: { pmsGuestId: "x", lastName: "Y", roomNumber: "999", checkOutDate: future(1) },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call(checkinRoute.POST, {
          method: "POST",
          key,
          body: { pmsGuestId: "x", lastName: "Y", roomNumber: "101", checkOutDate: future(-1) },
        })
      ).status,
    ).toBe(409);
    expect((await call(checkoutRoute.POST, { method: "POST", key, body: { pmsGuestId: "nobody" } })).status).toBe(404);
    const reader = await propertyWithKey(["guests:read"]);
    expect(
      (
        await call(checkinRoute.POST, {
          method: "POST",
          key: reader.key,
          body: { pmsGuestId: "x", lastName: "Y", roomNumber: "101", checkOutDate: future(1) },
        })
      ).status,
    ).toBe(403);
    expect(await db.guest.count({ where: { propertyId: property.id } })).toBe(0);
    expect(await events(property.id)).toEqual([]);
  });
});
