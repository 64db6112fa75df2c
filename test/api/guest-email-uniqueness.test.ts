// A guest's email is unique in its property, whichever path gives a guest one and however many race:
// POST /guests, PATCH /guests/{id}, a reservation with an inline guest (which reuses the guest), a walk-in
// check-in. On PGlite (one session) the requests queue; with TEST_DATABASE_URL on a PostgreSQL server
// they truly overlap.
import { describe, expect, it } from "vitest";
import * as eraseRoute from "../../app/api/v1/guests/[id]/erase/route";
import * as oneGuestRoute from "../../app/api/v1/guests/[id]/route";
import * as checkinRoute from "../../app/api/v1/guests/checkin/route";
import * as guestsRoute from "../../app/api/v1/guests/route";
import * as reservationsRoute from "../../app/api/v1/reservations/route";
import { call } from "../api-client";
import { propertyWithKey } from "../api-fixtures";
import { db } from "../../lib/db/client";

type Answer = Awaited<ReturnType<typeof call>>;
type Refusal = { code: string; message: string; details?: { path: string; message: string }[] };

const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const tally = (answers: Answer[]) =>
  answers.reduce<Record<number, number>>((all, a) => ({ ...all, [a.status]: (all[a.status] ?? 0) + 1 }), {});
const createGuest = (key: string, body: unknown) => call(guestsRoute.POST, { method: "POST", path: "/api/v1/guests", key, body });
const checkIn = (key: string, body: unknown) => call(checkinRoute.POST, { method: "POST", path: "/api/v1/guests/checkin", key, body });

/** Every refusal is 409 CONFLICT naming the guest that has the address, on the email field. */
function expectTakenBy(answers: Answer[], guestId: string) {
  for (const answer of answers) {
    expect(answer.status).toBe(409);
    const body = answer.body as Refusal;
    expect(body.code).toBe("CONFLICT");
    expect(body.message).toContain(guestId);
    expect(body.details).toEqual([{ path: "email", message: `Already used by guest ${guestId}` }]);
  }
}

describe("one guest per email in a property", () => {
  it("20 concurrent POST /guests with one address in any case create one guest; the other 19 get 409 CONFLICT naming it", async () => {
    const { property, key } = await propertyWithKey(["guests:write"], 0);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        createGuest(key, { firstName: `Ada ${n}`, lastName: "Lovelace", email: n % 2 ? "Ada@Example.com" : "ada@example.com" }),
      ),
    );
    expect(tally(answers)).toEqual({ 201: 1, 409: 19 });
    const winner = (answers.find((a) => a.status === 201)!.body as { data: { id: string } }).data.id;
    expectTakenBy(
      answers.filter((a) => a.status !== 201),
      winner,
    );
    expect(await db.guest.findMany({ where: { propertyId: property.id }, select: { id: true, email: true } })).toEqual([
      { id: winner, email: "ada@example.com" },
    ]);
  });

  it("concurrent PATCHes giving 10 guests one address: one 200, nine 409 naming the guest that got it", async () => {
    const { property, key } = await propertyWithKey(["guests:write"], 0);
    const ids: string[] = [];
    for (let n = 0; n < 10; n++) {
      ids.push(
        ((await createGuest(key, { firstName: "G", lastName: `${n}`, email: `g${n}@example.com` })).body as { data: { id: string } }).data
          .id,
      );
    }
    const answers = await Promise.all(
      ids.map((id) =>
        call(oneGuestRoute.PATCH, {
          method: "PATCH",
          path: `/api/v1/guests/${id}`,
          key,
          params: { id },
          body: { email: "same@example.com" },
        }),
      ),
    );
    expect(tally(answers)).toEqual({ 200: 1, 409: 9 });
    const holder = await db.guest.findFirstOrThrow({ where: { propertyId: property.id, email: "same@example.com" } });
    expectTakenBy(
      answers.filter((a) => a.status !== 200),
      holder.id,
    );
  });

  it("20 concurrent reservations for the same new inline guest are all booked for one guest record, as documented", async () => {
    const { property, rooms, key } = await propertyWithKey(["full_access:write"], 20);
    const answers = await Promise.all(
      rooms.map((room) =>
        call(reservationsRoute.POST, {
          method: "POST",
          path: "/api/v1/reservations",
          key,
          body: {
            guest: { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" },
            roomId: room.id,
            arrivalDate: "2031-07-01",
            departureDate: "2031-07-04",
            adults: 1,
            totalAmount: 100,
          },
        }),
      ),
    );
    expect(tally(answers)).toEqual({ 201: 20 });
    const guests = await db.guest.findMany({ where: { propertyId: property.id } });
    expect(guests).toHaveLength(1);
    expect(new Set(answers.map((a) => (a.body as { data: { guestId: string } }).data.guestId))).toEqual(new Set([guests[0]!.id]));
  });

  it("a walk-in check-in with another guest's address is refused with 409 naming that guest, also when 10 race", async () => {
    const { property, key } = await propertyWithKey(["full_access:write"], 12);
    const ada = (
      (await createGuest(key, { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" })).body as { data: { id: string } }
    ).data.id;
    const refused = await checkIn(key, {
      pmsGuestId: "walk-1",
      lastName: "Lovelace",
      roomNumber: "101",
      checkOutDate: future(2),
      email: "Ada@example.com",
    });
    expectTakenBy([refused], ada);
    expect(await db.reservation.count({ where: { propertyId: property.id } })).toBe(0);

    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        checkIn(key, {
          pmsGuestId: `walk-${n + 2}`,
          lastName: "Hopper",
          roomNumber: String(102 + n),
          checkOutDate: future(2),
          email: "grace@example.com",
        }),
      ),
    );
    expect(tally(answers)).toEqual({ 201: 1, 409: 9 });
    const grace = (answers.find((a) => a.status === 201)!.body as { data: { guest: { id: string } } }).data.guest.id;
    expectTakenBy(
      answers.filter((a) => a.status !== 201),
      grace,
    );
    expect(await db.guest.count({ where: { propertyId: property.id } })).toBe(2);

    // Checking in a booked stay with another guest's address is refused the same way, and changes nothing.
    const booked = await call(reservationsRoute.POST, {
      method: "POST",
      path: "/api/v1/reservations",
      key,
      body: {
        guest: { firstName: "Bob", lastName: "Babbage" },
        roomId: (await db.room.findFirstOrThrow({ where: { propertyId: property.id, number: "112" } })).id,
        arrivalDate: future(0),
        departureDate: future(2),
        adults: 1,
        totalAmount: 100,
      },
    });
    const code = (booked.body as { data: { code: string } }).data.code;
    expectTakenBy(
      [await checkIn(key, { pmsGuestId: code, lastName: "Babbage", roomNumber: "112", checkOutDate: future(2), email: "ada@example.com" })],
      ada,
    );
    expect(await db.reservation.findFirstOrThrow({ where: { code } })).toMatchObject({ status: "CONFIRMED" });
  });

  it("an erased guest's address is free for a new guest", async () => {
    const { key } = await propertyWithKey(["guests:write"], 0);
    const ada = (
      (await createGuest(key, { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" })).body as { data: { id: string } }
    ).data.id;
    expect((await call(eraseRoute.POST, { method: "POST", path: `/api/v1/guests/${ada}/erase`, key, params: { id: ada } })).status).toBe(
      200,
    );
    expect((await createGuest(key, { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" })).status).toBe(201);
  });
});
