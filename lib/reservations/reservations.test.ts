import { addDays, formatISO } from "date-fns";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createProperty } from "../../test/fixtures";
import type { Actor } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { changeReservationStatus } from "./change-reservation-status";
import { createReservation } from "./create-reservation";
import { RESERVATIONS_PAGE_SIZE, searchReservations } from "./search-reservations";
import { createReservationInput, searchReservationsQuery, parseCreateReservationForm } from "./schemas";

const actor: Actor = { type: "USER", id: null, label: "Test <test@example.com>" };
const arrivalDay = new Date("2030-01-01T10:00:00Z");
const day = (offset: number) => formatISO(addDays(new Date("2030-01-01T00:00:00Z"), offset), { representation: "date" });

function input(roomId: string, overrides: Partial<Record<string, unknown>> = {}) {
  return createReservationInput.parse({
    guest: { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" },
    roomId,
    arrivalDate: day(0),
    departureDate: day(3),
    adults: 2,
    children: 0,
    totalAmount: 38700,
    ...overrides,
  });
}

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe("createReservation", () => {
  it("creates a reservation with an audit event and reuses the guest by email", async () => {
    const { property, rooms } = await createProperty();
    const first = await createReservation({ property, actor, input: input(rooms[0]!.id) });
    expect(first).toMatchObject({ status: "CONFIRMED", totalAmount: 38700, currency: "EUR", propertyId: property.id });
    expect(first.code).toMatch(/^T[A-Z0-9]*-[A-Z2-9]{6}$/);
    const second = await createReservation({ property, actor, input: input(rooms[1]!.id) });
    expect(second.guestId).toBe(first.guestId);
    expect(await db.guest.count({ where: { propertyId: property.id } })).toBe(1);
    const audit = await db.auditEvent.findMany({ where: { propertyId: property.id, targetId: first.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "reservation.created", actorType: "USER" });
  });

  it("refuses a double-booked room and writes nothing", async () => {
    const { property, rooms } = await createProperty();
    const room = rooms[0]!.id;
    await createReservation({ property, actor, input: input(room) });
    const before = await db.reservation.count();
    const error = await expectAppError(
      createReservation({ property, actor, input: input(room, { arrivalDate: day(2), departureDate: day(5) }) }),
      "INVALID_STATE",
    );
    expect(error.fields?.roomId?.[0]).toMatch(/Already booked/);
    expect(await db.reservation.count()).toBe(before);
    // Back-to-back stays are fine: departure day is the next arrival day.
    await createReservation({ property, actor, input: input(room, { arrivalDate: day(3), departureDate: day(4) }) });
  });

  it("lets only one of two concurrent bookings of the same nights through", async () => {
    const { property, rooms } = await createProperty();
    const results = await Promise.allSettled([
      createReservation({ property, actor, input: input(rooms[0]!.id, { guest: { firstName: "A", lastName: "One" } }) }),
      createReservation({ property, actor, input: input(rooms[0]!.id, { guest: { firstName: "B", lastName: "Two" } }) }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.reservation.count({ where: { propertyId: property.id } })).toBe(1);
  });

  it("refuses another property's room and too many guests", async () => {
    const a = await createProperty();
    const b = await createProperty();
    await expectAppError(createReservation({ property: a.property, actor, input: input(b.rooms[0]!.id) }), "VALIDATION_ERROR");
    const crowded = await expectAppError(
      createReservation({ property: a.property, actor, input: input(a.rooms[0]!.id, { adults: 2, children: 1 }) }),
      "INVALID_STATE",
    );
    expect(crowded.fields?.adults?.[0]).toMatch(/at most 2/);
  });
});

describe("changeReservationStatus", () => {
  it("checks in, checks out, and refuses impossible transitions", async () => {
    const { property, rooms } = await createProperty();
    const r = await createReservation({ property, actor, input: input(rooms[0]!.id) });
    const checkedIn = await changeReservationStatus({
      propertyId: property.id,
      reservationId: r.id,
      transition: "check_in",
      actor,
      now: arrivalDay,
    });
    expect(checkedIn.status).toBe("CHECKED_IN");
    expect(checkedIn.checkedInAt).toBeInstanceOf(Date);
    const cancelError = await expectAppError(
      changeReservationStatus({ propertyId: property.id, reservationId: r.id, transition: "cancel", actor }),
      "INVALID_STATE",
    );
    expect(cancelError.message).toBe("Cannot cancel a reservation that is checked in.");
    const out = await changeReservationStatus({ propertyId: property.id, reservationId: r.id, transition: "check_out", actor });
    expect(out.status).toBe("CHECKED_OUT");
    await expectAppError(
      changeReservationStatus({ propertyId: property.id, reservationId: r.id, transition: "check_in", actor }),
      "INVALID_STATE",
    );
    const actions = (await db.auditEvent.findMany({ where: { targetId: r.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["reservation.created", "reservation.check_in", "reservation.check_out"]);
  });

  it("refuses to check in an erased guest's stay (409 GUEST_ERASED, as the API's check-in), but still cancels it", async () => {
    const { property, rooms } = await createProperty();
    const r = await createReservation({ property, actor, input: input(rooms[0]!.id) });
    await db.guest.update({ where: { id: r.guestId }, data: { erasedAt: new Date(), firstName: "", lastName: "[erased]", email: null } });
    const error = await expectAppError(
      changeReservationStatus({ propertyId: property.id, reservationId: r.id, transition: "check_in", actor, now: arrivalDay }),
      "GUEST_ERASED",
    );
    expect(error.status).toBe(409);
    expect((await db.reservation.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("CONFIRMED");
    const cancelled = await changeReservationStatus({ propertyId: property.id, reservationId: r.id, transition: "cancel", actor });
    expect(cancelled.status).toBe("CANCELLED");
  });

  it("answers not found for another property's reservation, without touching it", async () => {
    const a = await createProperty();
    const b = await createProperty();
    const r = await createReservation({ property: b.property, actor, input: input(b.rooms[0]!.id) });
    await expectAppError(
      changeReservationStatus({ propertyId: a.property.id, reservationId: r.id, transition: "cancel", actor }),
      "NOT_FOUND",
    );
    expect((await db.reservation.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("CONFIRMED");
  });
});

describe("searchReservations", () => {
  it("searches by guest name and code, filters by status, paginates, and never crosses properties", async () => {
    const { property, rooms } = await createProperty({ rooms: 1 });
    const other = await createProperty({ rooms: 1 });
    const created = [];
    for (let i = 0; i < RESERVATIONS_PAGE_SIZE + 5; i++) {
      created.push(
        await createReservation({
          property,
          actor,
          input: input(rooms[0]!.id, {
            guest: { firstName: i === 7 ? "Grace" : "Alan", lastName: i === 7 ? "Hopper" : "Turing" },
            arrivalDate: day(i * 2),
            departureDate: day(i * 2 + 1),
          }),
        }),
      );
    }
    await createReservation({
      property: other.property,
      actor,
      input: input(other.rooms[0]!.id, { guest: { firstName: "Grace", lastName: "Hopper" } }),
    });
    await changeReservationStatus({ propertyId: property.id, reservationId: created[3]!.id, transition: "cancel", actor });

    const all = await searchReservations({ propertyId: property.id, query: searchReservationsQuery.parse({}) });
    expect(all.total).toBe(RESERVATIONS_PAGE_SIZE + 5);
    expect(all.rows).toHaveLength(RESERVATIONS_PAGE_SIZE);
    expect(all.pageCount).toBe(2);
    const page2 = await searchReservations({ propertyId: property.id, query: searchReservationsQuery.parse({ page: "2" }) });
    expect(new Set([...all.rows, ...page2.rows].map((r) => r.id)).size).toBe(RESERVATIONS_PAGE_SIZE + 5);

    const byName = await searchReservations({ propertyId: property.id, query: searchReservationsQuery.parse({ q: "grace hop" }) });
    expect(byName.rows.map((r) => r.id)).toEqual([created[7]!.id]);
    const byCode = await searchReservations({
      propertyId: property.id,
      query: searchReservationsQuery.parse({ q: created[11]!.code.toLowerCase() }),
    });
    expect(byCode.rows.map((r) => r.id)).toEqual([created[11]!.id]);
    const cancelled = await searchReservations({ propertyId: property.id, query: searchReservationsQuery.parse({ status: "CANCELLED" }) });
    expect(cancelled.rows.map((r) => r.id)).toEqual([created[3]!.id]);
  });

  it("lists today's arrivals first, then upcoming ones, then past ones, unless an order or a filter is chosen", async () => {
    const { property, rooms } = await createProperty({ rooms: 1 });
    const created = [];
    for (let i = 0; i < RESERVATIONS_PAGE_SIZE + 5; i++) {
      const stay = { arrivalDate: day(i * 2), departureDate: day(i * 2 + 1) };
      created.push(await createReservation({ property, actor, input: input(rooms[0]!.id, stay) }));
    }
    const today = day(20); // created[10] arrives today
    const search = (raw: Record<string, string>) =>
      searchReservations({ propertyId: property.id, query: searchReservationsQuery.parse(raw), today });
    const first = await search({});
    const second = await search({ page: "2" });
    expect(first.sort).toBe("today");
    const expected = [created[10]!, ...created.slice(11), ...created.slice(0, 10).reverse()].map((r) => r.id);
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(expected);
    expect(first.total).toBe(RESERVATIONS_PAGE_SIZE + 5);

    const latest = await search({ sort: "latest" });
    expect(latest.rows[0]!.id).toBe(created.at(-1)!.id);
    expect((await search({ sort: "earliest" })).rows[0]!.id).toBe(created[0]!.id);
    const filtered = await search({ status: "CONFIRMED" });
    expect(filtered.sort).toBe("latest");
    expect(filtered.rows[0]!.id).toBe(created.at(-1)!.id);
  });

  it("falls back to defaults for nonsense query parameters instead of failing", () => {
    expect(searchReservationsQuery.parse({ status: "BOGUS", page: "-4" })).toEqual({ q: undefined, status: undefined, page: 1 });
  });
});

describe("parseCreateReservationForm", () => {
  it("returns field errors under the same paths as the API input", () => {
    const error = (() => {
      try {
        parseCreateReservationForm({
          firstName: "",
          lastName: "X",
          roomId: "r",
          arrivalDate: "2030-02-30",
          departureDate: "2030-01-01",
          adults: "0",
          amount: "12.345",
        });
      } catch (e) {
        return e as ZodError;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ZodError);
    const paths = error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["amount", "guest.firstName", "arrivalDate", "adults"]));
  });

  it("turns the amount in major units into minor units without floats", () => {
    const parsed = parseCreateReservationForm({
      firstName: "A",
      lastName: "B",
      roomId: "r",
      arrivalDate: day(0),
      departureDate: day(1),
      adults: "1",
      amount: "1234.5",
    });
    expect(parsed.totalAmount).toBe(123450);
    expect(
      parseCreateReservationForm({
        firstName: "A",
        lastName: "B",
        roomId: "r",
        arrivalDate: day(0),
        departureDate: day(1),
        adults: "1",
        amount: "0.07",
      }).totalAmount,
    ).toBe(7);
  });
});
